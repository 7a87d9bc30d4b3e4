// SPDX-License-Identifier: GPL-2.0
/*
 * The perf.data reader on the fixtures the reference perf recorded
 * (tests/data): file and pipe mode, zstd, the other byte order, a file
 * from a killed perf record, timestamp order; and damaged copies of them
 * (truncated, bytes flipped) that must be refused cleanly, never crash.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/data.h"
#include "../util/debug.h"
#include "../util/event.h"
#include "../util/evlist.h"
#include "../util/evsel.h"
#include "../util/exec-cmd.h"
#include "../util/header.h"
#include "../util/session.h"
#include "../util/strbuf.h"
#include "../util/trace-data.h"
#include "../util/tool.h"
#include "../util/util.h"
#include "tests.h"

struct counter {
	struct perf_tool tool;
	uint64_t samples;
	uint64_t last_time;
	uint64_t unordered;
	uint64_t comms;
};

static int count_sample(struct perf_tool *tool, union perf_event *event,
			struct perf_sample *sample, struct evsel *evsel,
			struct machine *machine)
{
	struct counter *c = container_of(tool, struct counter, tool);

	(void)event; (void)evsel; (void)machine;
	c->samples++;
	if (sample->time < c->last_time)
		c->unordered++;
	c->last_time = sample->time;
	return 0;
}

static int count_comm(struct perf_tool *tool, union perf_event *event,
		      struct perf_sample *sample, struct machine *machine)
{
	struct counter *c = container_of(tool, struct counter, tool);

	(void)event; (void)sample; (void)machine;
	c->comms++;
	return 0;
}

static char *fixture(const char *name)
{
	char *dir = perf_find_data_path("tests/data"), *path = NULL;

	if (dir && asprintf(&path, "%s/%s", dir, name) < 0)
		path = NULL;
	free(dir);
	if (path && access(path, R_OK)) {
		free(path);
		path = NULL;
	}
	return path;
}

/*
 * Read @path; 0 and the counts, or the session's error. @print also runs
 * the text paths a damaged file reaches: the header printer and the
 * tracing data walk (the output goes wherever stdout goes).
 */
static int read_file(const char *path, bool force, bool ordered, struct counter *c,
		     struct events_stats *stats, bool print)
{
	struct perf_data data = { .path = path, .mode = PERF_DATA_MODE_READ, .force = force };
	struct perf_session *session;
	int err;

	memset(c, 0, sizeof(*c));
	c->tool.sample = count_sample;
	c->tool.comm = count_comm;
	c->tool.ordered_events = ordered;
	session = perf_session__new(&data, &c->tool);
	if (IS_ERR(session))
		return (int)PTR_ERR(session);
	if (print) {
		struct perf_env *env = &session->header.env;
		struct trace_data_event ev;
		struct strbuf sb = STRBUF_INIT;
		struct evsel *evsel;

		perf_header__fprintf_info(&session->header, session->evlist, stdout, true);
		evlist__for_each_entry(session->evlist, evsel)
			if (env->tracing_data &&
			    !trace_data__find_event(env->tracing_data, env->tracing_data_size,
						    evsel->attr.config, &ev))
				trace_data_event__fields(&ev, &sb);
		strbuf_release(&sb);
	}
	err = perf_session__process_events(session);
	if (stats)
		*stats = session->stats;
	if (print)
		perf_session__fprintf_nr_events(session, stdout, true);
	perf_session__delete(session);
	return err;
}

static const struct {
	const char *name;
	uint64_t total, samples;
} fixtures[] = {
	/* The counts `perf report --stats` of the reference prints. */
	{ "cpu-clock.data",		37, 17 },
	{ "cpu-clock-g.data",		37, 17 },
	{ "sched-switch.data",		355, 23 },
	{ "group-clock.data",		60, 36 },
	{ "cpu-clock.pipe.data",	60, 19 },
	{ "cpu-clock-z.data",		40, 18 },
	{ "cpu-clock-be.data",		37, 17 },
	{ "threads.data",		40, 21 },	/* a directory: --threads */
};

static int test__session_fixtures(struct test_suite *t __maybe_unused,
				  int subtest __maybe_unused)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fixtures); i++) {
		char *path = fixture(fixtures[i].name);
		struct events_stats st;
		struct counter c;
		int err;

		if (!path)
			return TEST_SKIP_REASON("no fixture %s (tests/data)", fixtures[i].name);
		err = read_file(path, false, true, &c, &st, false);
		if (err)
			pr_err("%s: error %d\n", path, err);
		TEST_ASSERT_EQUAL("reads", err, 0);
		TEST_ASSERT_EQUAL(fixtures[i].name, st.nr_events[0], fixtures[i].total);
		TEST_ASSERT_EQUAL(fixtures[i].name, c.samples, fixtures[i].samples);
		TEST_ASSERT_EQUAL("in time order", c.unordered, 0);
		TEST_ASSERT_VAL("comms delivered", c.comms > 0);
		free(path);
	}
	return TEST_OK;
}

/* The header of the big-endian copy reads the same as the original's. */
static int test__session_byte_order(struct test_suite *t __maybe_unused,
				    int subtest __maybe_unused)
{
	char *le = fixture("cpu-clock.data"), *be = fixture("cpu-clock-be.data");
	struct perf_data d1 = { .path = le, .mode = PERF_DATA_MODE_READ };
	struct perf_data d2 = { .path = be, .mode = PERF_DATA_MODE_READ };
	struct perf_session *s1 = NULL, *s2 = NULL;
	struct evsel *e1, *e2;
	int ret = TEST_FAIL;

	if (!le || !be) {
		free(le);
		free(be);
		return TEST_SKIP_REASON("no cpu-clock fixtures (tests/data)");
	}
	s1 = perf_session__new(&d1, NULL);
	s2 = perf_session__new(&d2, NULL);
	if (IS_ERR(s1) || IS_ERR(s2))
		goto out;
	if (s1->header.needs_swap || !s2->header.needs_swap)
		goto out;
	e1 = evlist__first(s1->evlist);
	e2 = evlist__first(s2->evlist);
	if (memcmp(&e1->attr, &e2->attr, sizeof(e1->attr)) || e1->ids != e2->ids ||
	    memcmp(e1->id, e2->id, (size_t)e1->ids * sizeof(uint64_t)) ||
	    strcmp(evsel__name(e1), evsel__name(e2)))
		goto out;
	if (strcmp(s1->header.env.hostname, s2->header.env.hostname) ||
	    s1->header.env.nr_cpus_avail != s2->header.env.nr_cpus_avail ||
	    s1->header.env.total_mem != s2->header.env.total_mem ||
	    s1->header.env.nr_cmdline != s2->header.env.nr_cmdline ||
	    s1->header.env.first_sample_time != s2->header.env.first_sample_time ||
	    s1->header.env.nr_memory_nodes != s2->header.env.nr_memory_nodes)
		goto out;
	ret = TEST_OK;
out:
	if (!IS_ERR(s1))
		perf_session__delete(s1);
	if (!IS_ERR(s2))
		perf_session__delete(s2);
	free(le);
	free(be);
	return ret;
}

/* perf record killed with SIGKILL: data size 0; -f reads every complete record. */
static int test__session_unfinished(struct test_suite *t __maybe_unused,
				    int subtest __maybe_unused)
{
	char *path = fixture("killed.data");
	struct events_stats st;
	struct counter c;
	int err;

	if (!path)
		return TEST_SKIP_REASON("no fixture killed.data (tests/data)");
	err = read_file(path, false, true, &c, &st, false);
	TEST_ASSERT_EQUAL("refused without -f", err, -ENODATA);
	err = read_file(path, true, true, &c, &st, false);
	TEST_ASSERT_EQUAL("read with -f", err, 0);
	TEST_ASSERT_EQUAL("every complete sample", c.samples, 1453);
	TEST_ASSERT_EQUAL("every complete record", st.nr_events[0], 1487);
	free(path);
	return TEST_OK;
}

/* Fixed seed: a failure reproduces. */
static uint64_t rng_state;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static int write_file(const char *path, const void *buf, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, buf, size);
	close(fd);
	return n == (ssize_t)size ? 0 : -EIO;
}

static int read_whole(const char *path, char **buf, size_t *size)
{
	struct stat st;
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0 || fstat(fd, &st)) {
		if (fd >= 0)
			close(fd);
		return -errno;
	}
	*size = (size_t)st.st_size;
	*buf = malloc(*size ? *size : 1);
	n = *buf ? read(fd, *buf, *size) : -1;
	close(fd);
	return n == (ssize_t)*size ? 0 : -EIO;
}

/*
 * Truncations at many points and random byte changes of every fixture,
 * each read to the end (with -f: the least defended path). Any result
 * but a crash, a hang or a sanitizer report is fine; the test forks, so
 * a crash fails it.
 */
static int test__session_damaged(struct test_suite *t __maybe_unused,
				 int subtest __maybe_unused)
{
	char tmp[] = "/tmp/perf-test-damaged.XXXXXX";
	int fd = mkstemp(tmp), saved_stderr, saved_stdout, devnull;
	size_t i, runs = 0;

	if (fd < 0)
		return TEST_SKIP_REASON("cannot create a temporary file");
	close(fd);
	rng_state = 0x9e3779b97f4a7c15ULL;
	/* The damage is expected: its messages are not the test's output. */
	fflush(stderr);
	fflush(stdout);
	saved_stderr = dup(STDERR_FILENO);
	saved_stdout = dup(STDOUT_FILENO);
	devnull = open("/dev/null", O_WRONLY);
	if (devnull >= 0) {
		dup2(devnull, STDOUT_FILENO);
		/* PERF_TEST_DAMAGE_STDERR=1 keeps the messages (and sanitizer reports) */
		if (!getenv("PERF_TEST_DAMAGE_STDERR"))
			dup2(devnull, STDERR_FILENO);
		close(devnull);
	}
	for (i = 0; i < ARRAY_SIZE(fixtures) + 1; i++) {
		const char *name = i < ARRAY_SIZE(fixtures) ? fixtures[i].name : "killed.data";
		char *path = fixture(name), *orig = NULL, *copy;
		struct counter c;
		size_t size = 0, k;

		if (!path || read_whole(path, &orig, &size) || size < 64) {
			free(path);
			free(orig);
			continue;
		}
		copy = malloc(size);
		if (!copy)
			break;
		for (k = 0; k < 40; k++) {
			size_t cut = k < 20 ? size * k / 20 : (size_t)(rng() % size);

			if (write_file(tmp, orig, cut))
				continue;
			read_file(tmp, true, k & 1, &c, NULL, false);
			runs++;
		}
		for (k = 0; k < 120; k++) {
			size_t n = 1 + rng() % 8, j;

			memcpy(copy, orig, size);
			for (j = 0; j < n; j++) {
				size_t at = (size_t)(rng() % size);

				/* Sizes and counts are where damage hurts: favour them. */
				copy[at] = (char)(k % 3 == 0 ? 0xff : k % 3 == 1 ? copy[at] ^ (1 << (rng() % 8)) :
						  (char)rng());
			}
			if (write_file(tmp, copy, size))
				continue;
			/* Every fourth run also through -D and the header printer. */
			dump_trace = k % 4 == 0;
			read_file(tmp, k & 2, k & 1, &c, NULL, k % 4 == 0);
			dump_trace = false;
			runs++;
		}
		free(copy);
		free(orig);
		free(path);
	}
	fflush(stderr);
	fflush(stdout);
	if (saved_stderr >= 0) {
		dup2(saved_stderr, STDERR_FILENO);
		close(saved_stderr);
	}
	if (saved_stdout >= 0) {
		dup2(saved_stdout, STDOUT_FILENO);
		close(saved_stdout);
	}
	unlink(tmp);
	if (!runs)
		return TEST_SKIP_REASON("no fixtures (tests/data)");
	return TEST_OK;
}

static struct test_case session_tests[] = {
	TEST_CASE("Fixtures of the reference perf", session_fixtures),
	TEST_CASE("Big-endian file reads like the original", session_byte_order),
	TEST_CASE("Unfinished file (perf record killed)", session_unfinished),
	TEST_CASE("Damaged files: refused, no crash", session_damaged),
	{ .name = NULL, }
};

struct test_suite suite__session = {
	.desc = "perf.data reader",
	.test_cases = session_tests,
};
