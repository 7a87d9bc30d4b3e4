// SPDX-License-Identifier: GPL-2.0
/*
 * Opening real events on this machine: software events, groups,
 * tracepoints, breakpoints, the cycles fallback, and what an unprivileged
 * user sees at perf_event_paranoid 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../util/cpumap.h"
#include "../util/evlist.h"
#include "../util/evsel.h"
#include "../util/fs.h"
#include "../util/parse-events.h"
#include "../util/target.h"
#include "../util/thread_map.h"
#include "tests.h"

static struct evlist *events(const char *str)
{
	struct evlist *evlist = evlist__new();
	struct parse_events_error err;

	parse_events_error__init(&err);
	if (evlist && parse_events(evlist, str, &err)) {
		pr_err("cannot parse '%s': %s\n", str, err.str ? err.str : "?");
		evlist__delete(evlist);
		evlist = NULL;
	}
	parse_events_error__exit(&err);
	return evlist;
}

/* Open @evlist on the current task, disabled, with times in read_format. */
static int open_on_self(struct evlist *evlist)
{
	struct perf_thread_map *threads = thread_map__new_by_tid(getpid());
	struct evsel *evsel;
	int err;

	evlist__for_each_entry(evlist, evsel) {
		evsel->attr.read_format = PERF_FORMAT_TOTAL_TIME_ENABLED |
					  PERF_FORMAT_TOTAL_TIME_RUNNING;
		evsel->attr.disabled = evsel__is_group_leader(evsel);
		evsel->attr.sample_period = 0;
		evsel->attr.sample_type = 0;
	}
	evlist__set_maps(evlist, NULL, threads);
	perf_thread_map__put(threads);
	err = evlist__open(evlist, NULL);
	return err;
}

static volatile unsigned long sink;

static void busy(int loops)
{
	int i;

	for (i = 0; i < loops; i++)
		sink += (unsigned long)i;
}

static int test__software(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct evlist *evlist = events("cpu-clock,{task-clock,page-faults}");
	struct perf_counts_values *c;
	struct evsel *evsel;
	char *mem;
	int err;

	TEST_ASSERT_VAL("parse", evlist);
	err = open_on_self(evlist);
	if (err == -EACCES || err == -EPERM) {
		evlist__delete(evlist);
		return TEST_SKIP_REASON("no permission to open events");
	}
	TEST_ASSERT_EQUAL("open", err, 0);
	TEST_ASSERT_EQUAL("enable", evlist__enable(evlist), 0);
	busy(10 * 1000 * 1000);
	/* Touch fresh pages through a volatile pointer so nothing is elided. */
	mem = malloc(64 << 20);
	if (mem) {
		volatile char *v = mem;
		size_t off;

		for (off = 0; off < (64u << 20); off += 4096)
			v[off] = 1;
	}
	free(mem);
	TEST_ASSERT_EQUAL("disable", evlist__disable(evlist), 0);

	evlist__for_each_entry(evlist, evsel) {
		TEST_ASSERT_EQUAL("read", evsel__read_counter(evsel, 0, 0), 0);
		c = evsel__counts(evsel, 0, 0);
		pr_debug("%s: %llu %llu %llu\n", evsel->name,
			 (unsigned long long)c->val, (unsigned long long)c->ena,
			 (unsigned long long)c->run);
		TEST_ASSERT_VAL("counted", c->val > 0);
		TEST_ASSERT_VAL("enabled time", c->ena > 0 && c->run > 0);
	}
	evsel = evlist__last(evlist);
	TEST_ASSERT_VAL("page faults seen", evsel__counts(evsel, 0, 0)->val >= 1000);
	evlist__delete(evlist);
	return TEST_OK;
}

static int test__tracepoint(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct evlist *evlist;
	struct evsel *evsel;
	int i, err;

	if (!tracefs__mountpoint())
		return TEST_SKIP_REASON("tracefs not mounted");
	evlist = events("syscalls:sys_enter_getppid");
	if (!evlist)
		return TEST_SKIP_REASON("no syscalls:sys_enter_getppid tracepoint");
	err = open_on_self(evlist);
	if (err == -EACCES || err == -EPERM) {
		evlist__delete(evlist);
		return TEST_SKIP_REASON("no permission to open tracepoints");
	}
	TEST_ASSERT_EQUAL("open", err, 0);
	evlist__enable(evlist);
	for (i = 0; i < 17; i++)
		syscall(SYS_getppid);
	evlist__disable(evlist);
	evsel = evlist__first(evlist);
	TEST_ASSERT_EQUAL("read", evsel__read_counter(evsel, 0, 0), 0);
	TEST_ASSERT_EQUAL("17 calls", evsel__counts(evsel, 0, 0)->val, 17);
	evlist__delete(evlist);
	return TEST_OK;
}

static volatile int watched;

static int test__breakpoint(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct evlist *evlist;
	struct evsel *evsel;
	char ev[64];
	int i, err;

	snprintf(ev, sizeof(ev), "mem:%p:w", (void *)&watched);
	evlist = events(ev);
	TEST_ASSERT_VAL("parse", evlist);
	err = open_on_self(evlist);
	if (err == -ENOENT || err == -ENODEV || err == -EOPNOTSUPP || err == -ENOSPC) {
		evlist__delete(evlist);
		return TEST_SKIP_REASON("no hardware breakpoints");
	}
	TEST_ASSERT_EQUAL("open", err, 0);
	evlist__enable(evlist);
	for (i = 0; i < 5; i++)
		watched = i;
	(void)watched;	/* reads do not count on a write breakpoint */
	evlist__disable(evlist);
	evsel = evlist__first(evlist);
	TEST_ASSERT_EQUAL("read", evsel__read_counter(evsel, 0, 0), 0);
	if (evsel__counts(evsel, 0, 0)->val == 0) {
		/* Seen on KVM guests: the debug registers are not passed through. */
		evlist__delete(evlist);
		return TEST_SKIP_REASON("breakpoint opened but never fired (no debug registers?)");
	}
	TEST_ASSERT_EQUAL("5 writes", evsel__counts(evsel, 0, 0)->val, 5);
	evlist__delete(evlist);
	return TEST_OK;
}

static int test__cycles_fallback(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct evlist *evlist = events("cycles");
	struct evsel *evsel;
	char msg[256];
	int err;

	TEST_ASSERT_VAL("parse", evlist);
	evsel = evlist__first(evlist);
	err = open_on_self(evlist);
	if (!err) {
		evlist__delete(evlist);
		return TEST_SKIP_REASON("hardware cycles event works here");
	}
	TEST_ASSERT_VAL("fallback taken", evsel__fallback(evsel, -err, msg, sizeof(msg)));
	TEST_ASSERT_VAL("note", strstr(msg, "fall back to cpu-clock"));
	TEST_ASSERT_EQUAL("now a software event", evsel->attr.type, PERF_TYPE_SOFTWARE);
	TEST_ASSERT_STREQ("renamed", evsel->name, "cpu-clock");
	TEST_ASSERT_EQUAL("opens", open_on_self(evlist), 0);
	evlist__delete(evlist);
	return TEST_OK;
}

static int test__strerror(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct evlist *evlist = events("cycles");
	struct target target = { .cpu_list = "99" };
	struct evsel *evsel;
	char buf[4096];

	TEST_ASSERT_VAL("parse", evlist);
	evsel = evlist__first(evlist);
	evsel__open_strerror(evsel, &target, EACCES, buf, sizeof(buf));
	TEST_ASSERT_VAL("paranoid text", strstarts(buf,
		"Access to performance monitoring and observability operations is limited.\n"));
	TEST_ASSERT_VAL("paranoid level", strstr(buf, "perf_event_paranoid setting is "));
	TEST_ASSERT_VAL("capabilities", strstr(buf, "CAP_PERFMON"));
	evsel__open_strerror(evsel, &target, EMFILE, buf, sizeof(buf));
	TEST_ASSERT_VAL("EMFILE", strstr(buf, "ulimit -n"));
	evsel__open_strerror(evsel, &target, ENOENT, buf, sizeof(buf));
	TEST_ASSERT_STREQ("ENOENT", buf, "The cycles event is not supported.");
	evsel__open_strerror(evsel, &target, ENODEV, buf, sizeof(buf));
	TEST_ASSERT_VAL("ENODEV with -C", strstr(buf, "out-of-range profile CPU"));
	evsel__open_strerror(evsel, &target, EBUSY, buf, sizeof(buf));
	TEST_ASSERT_VAL("EBUSY", strstr(buf, "busy"));
	evsel__open_strerror(evsel, &target, EIO, buf, sizeof(buf));
	TEST_ASSERT_VAL("default", strstr(buf, "returned with 5 (Input/output error) for event (cycles)"));
	evlist__delete(evlist);
	return TEST_OK;
}

/*
 * As "nobody" at perf_event_paranoid 2: counting the user's own task in
 * user space works (after the exclude-kernel fallback), counting a CPU
 * is refused with the paranoid explanation.
 */
static int unprivileged_child(void)
{
	struct evlist *evlist = events("cpu-clock");
	struct perf_cpu_map *cpus;
	struct evsel *evsel;
	char msg[4096];
	int err;

	if (!evlist)
		return 10;
	evsel = evlist__first(evlist);
	err = open_on_self(evlist);
	if (err != -EACCES && err != -EPERM)
		return 11;	/* kernel profiling must be refused */
	if (!evsel__fallback(evsel, -err, msg, sizeof(msg)))
		return 12;
	if (!strstr(msg, "kernel.perf_event_paranoid=2"))
		return 13;
	if (strcmp(evsel->name, "cpu-clock:u"))
		return 14;
	if (open_on_self(evlist))
		return 15;	/* user-space counting of oneself works */
	evlist__close(evlist);

	/* System-wide: one CPU, any task. */
	cpus = perf_cpu_map__new("0");
	evlist__set_maps(evlist, cpus, NULL);
	perf_cpu_map__put(cpus);
	err = evsel__open(evsel, evsel->cpus, NULL);
	if (err != -EACCES && err != -EPERM)
		return 16;
	evsel__open_strerror(evsel, NULL, -err, msg, sizeof(msg));
	if (!strstr(msg, "perf_event_paranoid setting is 2:") ||
	    !strstr(msg, ">= 1: Disallow CPU event access"))
		return 17;
	evlist__delete(evlist);
	return 0;
}

static int test__unprivileged(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	int old, status;
	pid_t pid;
	FILE *f;

	if (geteuid() != 0)
		return TEST_SKIP_REASON("needs root to switch users and set perf_event_paranoid");
	if (sysctl__read_int("kernel/perf_event_paranoid", &old))
		return TEST_SKIP_REASON("cannot read perf_event_paranoid");
	f = fopen("/proc/sys/kernel/perf_event_paranoid", "w");
	if (!f)
		return TEST_SKIP_REASON("cannot write perf_event_paranoid");
	fprintf(f, "2\n");
	if (fclose(f))
		return TEST_SKIP_REASON("cannot write perf_event_paranoid");

	pid = fork();
	if (pid == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(20);
		_exit(unprivileged_child());
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;

	/* Restore the machine's setting whatever happened. */
	f = fopen("/proc/sys/kernel/perf_event_paranoid", "w");
	if (f) {
		fprintf(f, "%d\n", old);
		fclose(f);
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		pr_err("unprivileged child failed at step %d\n",
		       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return TEST_FAIL;
	}
	return TEST_OK;
}

/* The uprobe target: its calls are what the probe counts. */
__attribute__((noinline)) int perf_test_uprobe_target(int x);
__attribute__((noinline)) int perf_test_uprobe_target(int x)
{
	__asm__ volatile("" ::: "memory");
	return x + 1;
}

/* File offset of @addr in the mapping of /proc/self/exe that holds it. */
static long self_file_offset(const void *addr, char *path, size_t pathsize)
{
	unsigned long a = (unsigned long)addr;
	char line[4096];
	long off = -1;
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		unsigned long start, end, pgoff;
		char perms[8];
		int n = 0;

		if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %n", &start, &end, perms,
			   &pgoff, &n) < 4 || a < start || a >= end)
			continue;
		snprintf(path, pathsize, "%s", line + n);
		path[strcspn(path, "\n")] = '\0';
		off = (long)(a - start + pgoff);
		break;
	}
	fclose(f);
	return off;
}

/* One write(2) of @text to a tracefs control file (appending). */
static int write_tracefs(const char *file, const char *text)
{
	char path[4096];
	ssize_t n;
	int fd, err = 0;

	snprintf(path, sizeof(path), "%s/%s", tracefs__mountpoint(), file);
	/* tracefs refuses O_CREAT, which fopen("a") would add. */
	fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, text, strlen(text));
	if (n < 0)
		err = -errno;
	close(fd);
	return err;
}

static int test__uprobe(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char exe[4096], def[8192];
	struct evlist *evlist;
	struct evsel *evsel;
	long off;
	int i, err, ret = TEST_FAIL;

	if (geteuid() != 0 || !tracefs__mountpoint())
		return TEST_SKIP_REASON("needs root and tracefs to define a uprobe");
	off = self_file_offset((void *)perf_test_uprobe_target, exe, sizeof(exe));
	if (off < 0 || exe[0] != '/')
		return TEST_SKIP_REASON("cannot find this binary's mapping");
	snprintf(def, sizeof(def), "p:perftest_%d/target %s:0x%lx\n", getpid(), exe, off);
	err = write_tracefs("uprobe_events", def);
	if (err)
		return TEST_SKIP_REASON("cannot define a uprobe (%s)", strerror(-err));

	snprintf(def, sizeof(def), "perftest_%d:target", getpid());
	evlist = events(def);
	if (!evlist) {
		pr_err("the uprobe event does not parse\n");
		goto out;
	}
	err = open_on_self(evlist);
	if (err) {
		pr_err("cannot open the uprobe event: %s\n", strerror(-err));
		evlist__delete(evlist);
		goto out;
	}
	evlist__enable(evlist);
	for (i = 0; i < 9; i++)
		sink += (unsigned long)perf_test_uprobe_target(i);
	evlist__disable(evlist);
	evsel = evlist__first(evlist);
	if (!evsel__read_counter(evsel, 0, 0) && evsel__counts(evsel, 0, 0)->val == 9)
		ret = TEST_OK;
	else
		pr_err("uprobe count %llu, expected 9\n",
		       (unsigned long long)evsel__counts(evsel, 0, 0)->val);
	evlist__delete(evlist);
out:
	/* Remove the probe whatever happened: "-:GROUP/EVENT". */
	snprintf(def, sizeof(def), "-:perftest_%d/target\n", getpid());
	write_tracefs("uprobe_events", def);
	return ret;
}

static struct test_case evsel_open_cases[] = {
	TEST_CASE("Uprobe on a function of this binary", uprobe),
	TEST_CASE("Software events and groups on this task", software),
	TEST_CASE("Tracepoint counts syscalls", tracepoint),
	TEST_CASE("Breakpoint on a variable", breakpoint),
	TEST_CASE("cycles falls back to cpu-clock", cycles_fallback),
	TEST_CASE("Open errors explained", strerror),
	TEST_CASE("Unprivileged user at perf_event_paranoid 2", unprivileged),
	{ .name = NULL, },
};

struct test_suite suite__evsel_open = {
	.desc = "Open events",
	.test_cases = evsel_open_cases,
};
