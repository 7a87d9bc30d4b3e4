// SPDX-License-Identifier: GPL-2.0
/*
 * The machine model from synthetic records: COMM/FORK/EXIT threads and
 * their shared or copied address spaces, MMAP2 of this very binary,
 * kernel and module maps with a kallsyms file, JIT and anonymous memory,
 * KSYMBOL, the vdso; sample resolution on all of them.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../util/comm.h"
#include "../util/dso.h"
#include "../util/machine.h"
#include "../util/map.h"
#include "../util/maps.h"
#include "../util/symbol.h"
#include "../util/thread.h"
#include "tests.h"

int machine__test_marker(int x);
volatile int machine__test_sink;

__attribute__((noinline, used)) int machine__test_marker(int x)
{
	return x + machine__test_sink;
}

/* Records are built in one buffer big enough for any of them. */
static union perf_event *ev_buf(void)
{
	static union perf_event ev;

	memset(&ev, 0, sizeof(ev));
	return &ev;
}

static uint16_t padded(size_t n)
{
	return (uint16_t)((n + 7) & ~7UL);
}

static union perf_event *ev_comm(pid_t pid, pid_t tid, const char *comm, bool exec)
{
	union perf_event *ev = ev_buf();

	ev->header.type = PERF_RECORD_COMM;
	ev->header.misc = exec ? PERF_RECORD_MISC_COMM_EXEC : 0;
	ev->header.size = sizeof(ev->comm);
	ev->comm.pid = (uint32_t)pid;
	ev->comm.tid = (uint32_t)tid;
	snprintf(ev->comm.comm, sizeof(ev->comm.comm), "%s", comm);
	return ev;
}

static union perf_event *ev_fork(uint32_t type, pid_t pid, pid_t tid, pid_t ppid, pid_t ptid)
{
	union perf_event *ev = ev_buf();

	ev->header.type = type;
	ev->header.size = sizeof(ev->fork);
	ev->fork.pid = (uint32_t)pid;
	ev->fork.tid = (uint32_t)tid;
	ev->fork.ppid = (uint32_t)ppid;
	ev->fork.ptid = (uint32_t)ptid;
	return ev;
}

static union perf_event *ev_mmap2(pid_t pid, uint64_t start, uint64_t len, uint64_t pgoff,
				  uint32_t prot, const char *name, uint16_t cpumode)
{
	union perf_event *ev = ev_buf();

	ev->header.type = PERF_RECORD_MMAP2;
	ev->header.misc = cpumode;
	ev->header.size = padded(offsetof(struct perf_record_mmap2, filename) + strlen(name) + 1);
	ev->mmap2.pid = (uint32_t)pid;
	ev->mmap2.tid = (uint32_t)pid;
	ev->mmap2.start = start;
	ev->mmap2.len = len;
	ev->mmap2.pgoff = pgoff;
	ev->mmap2.prot = prot;
	ev->mmap2.flags = MAP_PRIVATE;
	snprintf(ev->mmap2.filename, sizeof(ev->mmap2.filename), "%s", name);
	return ev;
}

static union perf_event *ev_kmmap(uint64_t start, uint64_t len, uint64_t pgoff, const char *name)
{
	union perf_event *ev = ev_buf();

	ev->header.type = PERF_RECORD_MMAP;
	ev->header.misc = PERF_RECORD_MISC_KERNEL;
	ev->header.size = padded(offsetof(struct perf_record_mmap, filename) + strlen(name) + 1);
	ev->mmap.pid = (uint32_t)-1;
	ev->mmap.tid = 0;
	ev->mmap.start = start;
	ev->mmap.len = len;
	ev->mmap.pgoff = pgoff;
	snprintf(ev->mmap.filename, sizeof(ev->mmap.filename), "%s", name);
	return ev;
}

static union perf_event *ev_ksymbol(uint64_t addr, uint32_t len, const char *name, bool unreg)
{
	union perf_event *ev = ev_buf();

	ev->header.type = PERF_RECORD_KSYMBOL;
	ev->header.misc = PERF_RECORD_MISC_KERNEL;
	ev->header.size = padded(offsetof(struct perf_record_ksymbol, name) + strlen(name) + 1);
	ev->ksymbol.addr = addr;
	ev->ksymbol.len = len;
	ev->ksymbol.ksym_type = PERF_RECORD_KSYMBOL_TYPE_BPF;
	ev->ksymbol.flags = unreg ? PERF_RECORD_KSYMBOL_FLAGS_UNREGISTER : 0;
	snprintf(ev->ksymbol.name, sizeof(ev->ksymbol.name), "%s", name);
	return ev;
}

static struct perf_sample sample_at(uint64_t time)
{
	struct perf_sample s;

	memset(&s, 0, sizeof(s));
	s.time = time;
	return s;
}

/* The mapping of /proc/self/maps holding @addr: start, length, pgoff, path. */
static int self_mapping(const void *addr, uint64_t *start, uint64_t *len, uint64_t *pgoff,
			char *path, size_t size)
{
	char line[PATH_MAX + 128];
	FILE *f = fopen("/proc/self/maps", "r");
	uintptr_t a = (uintptr_t)addr;
	int err = -ENOENT;

	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long s, e, off;
		char file[PATH_MAX] = "";

		if (sscanf(line, "%llx-%llx %*s %llx %*s %*s %4095s", &s, &e, &off, file) < 3)
			continue;
		if (a >= s && a < e) {
			*start = s;
			*len = e - s;
			*pgoff = off;
			snprintf(path, size, "%s", file);
			err = 0;
			break;
		}
	}
	fclose(f);
	return err;
}

static int test__machine_threads(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_sample s;
	struct machine *m = machine__new_host(NULL);
	struct thread *leader, *th, *child, *old;

	TEST_ASSERT_VAL("machine", m);
	th = machine__find_thread(m, 0, 0);
	TEST_ASSERT_STREQ("idle thread", th ? thread__comm_str(th) : NULL, "swapper");
	thread__put(th);

	s = sample_at(1);
	TEST_ASSERT_VAL("comm", !machine__process_comm_event(m, ev_comm(100, 100, "bash", false), &s));
	s = sample_at(5);
	TEST_ASSERT_VAL("exec", !machine__process_comm_event(m, ev_comm(100, 100, "ls", true), &s));
	leader = machine__find_thread(m, 100, 100);
	TEST_ASSERT_VAL("leader", leader);
	TEST_ASSERT_EQUAL("refcount: table + us", leader->refcnt, 2);
	TEST_ASSERT_STREQ("current comm", thread__comm_str(leader), "ls");
	TEST_ASSERT_STREQ("comm at 3", thread__comm_str_at(leader, 3), "bash");
	TEST_ASSERT_STREQ("exec comm", comm__str(thread__exec_comm(leader)), "ls");
	TEST_ASSERT_VAL("comm interned", thread__comm_str(leader) == comm_str__intern("ls"));
	TEST_ASSERT_VAL("exec seen", m->comm_exec);

	th = machine__findnew_thread(m, 100, 101);
	TEST_ASSERT_VAL("thread shares maps", th && th->maps == leader->maps);
	TEST_ASSERT_STREQ("provisional name", thread__comm_str(th), ":101");
	thread__put(th);

	/* A new process: the child copies the parent's name and address space. */
	TEST_ASSERT_VAL("map", !machine__process_mmap2_event(m,
			ev_mmap2(100, 0x400000, 0x1000, 0, PROT_EXEC, "/bin/ls", 0), NULL));
	s = sample_at(10);
	TEST_ASSERT_VAL("fork", !machine__process_fork_event(m,
			ev_fork(PERF_RECORD_FORK, 200, 200, 100, 100), &s));
	child = machine__find_thread(m, 200, 200);
	TEST_ASSERT_VAL("child", child);
	TEST_ASSERT_STREQ("child comm", thread__comm_str(child), "ls");
	TEST_ASSERT_EQUAL("ppid", child->ppid, 100);
	TEST_ASSERT_VAL("own maps", child->maps != leader->maps);
	TEST_ASSERT_EQUAL("copied maps", maps__nr(child->maps), 1);
	TEST_ASSERT_VAL("same dso", maps__find(child->maps, 0x400010)->dso ==
			maps__find(leader->maps, 0x400010)->dso);

	/* Synthesized FORKs are followed by the task's own MMAPs: no copy. */
	s = sample_at(11);
	{
		union perf_event *ev = ev_fork(PERF_RECORD_FORK, 250, 250, 100, 100);

		ev->header.misc = PERF_RECORD_MISC_FORK_EXEC;
		TEST_ASSERT_VAL("synth fork", !machine__process_fork_event(m, ev, &s));
	}
	th = machine__find_thread(m, 250, 250);
	TEST_ASSERT_VAL("no copy", th && maps__nr(th->maps) == 0);
	thread__put(th);

	TEST_ASSERT_VAL("exit", !machine__process_exit_event(m,
			ev_fork(PERF_RECORD_EXIT, 200, 200, 100, 100), NULL));
	TEST_ASSERT_VAL("dead", child->dead);

	/* The tid comes back in a new FORK: a new thread object. */
	TEST_ASSERT_VAL("fork again", !machine__process_fork_event(m,
			ev_fork(PERF_RECORD_FORK, 200, 200, 100, 100), &s));
	old = child;
	child = machine__find_thread(m, 200, 200);
	TEST_ASSERT_VAL("reused tid", child && child != old && !child->dead);
	TEST_ASSERT_EQUAL("old one only ours", old->refcnt, 1);
	thread__put(old);
	thread__put(child);

	/* A thread seen before its pid joins its process when the pid arrives. */
	th = machine__findnew_thread(m, -1, 400);
	TEST_ASSERT_VAL("unknown pid", th && th->pid_ == -1);
	thread__put(th);
	th = machine__findnew_thread(m, 100, 400);
	TEST_ASSERT_VAL("joined", th && th->pid_ == 100 && th->maps == leader->maps);
	thread__put(th);

	TEST_ASSERT_VAL("maps refcount: 3 threads", leader->maps->refcnt == 3);
	thread__put(leader);
	machine__delete(m);
	return TEST_OK;
}

static int test__machine_resolve_user(struct test_suite *t __maybe_unused,
				      int subtest __maybe_unused)
{
	uint64_t start, len, pgoff, ip = (uintptr_t)machine__test_marker;
	struct machine *m = machine__new_host(NULL);
	struct addr_location al;
	struct perf_sample s;
	char path[PATH_MAX];
	const char *base;

	TEST_ASSERT_VAL("machine", m);
	if (self_mapping((void *)machine__test_marker, &start, &len, &pgoff, path, sizeof(path))) {
		machine__delete(m);
		return TEST_SKIP_REASON("no /proc/self/maps");
	}
	TEST_ASSERT_VAL("mmap2", !machine__process_mmap2_event(m,
			ev_mmap2(77, start, len, pgoff, PROT_READ | PROT_EXEC, path, 0), NULL));

	s = sample_at(1);
	s.pid = s.tid = 77;
	s.ip = ip;
	s.cpumode = PERF_RECORD_MISC_USER;
	addr_location__init(&al);
	TEST_ASSERT_VAL("resolve", !machine__resolve(m, &al, &s));
	TEST_ASSERT_VAL("thread", al.thread && al.thread->tid == 77);
	TEST_ASSERT_VAL("map", al.map && al.map->dso);
	base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	TEST_ASSERT_STREQ("dso short name", al.map->dso->short_name, base);
	TEST_ASSERT_EQUAL("level", al.level, '.');
	TEST_ASSERT_STREQ("level marker", addr_location__level_str(&al), "[.]");
	TEST_ASSERT_EQUAL("dso address is the file offset", al.addr, ip - start + pgoff);
	if (al.map->dso->load_err == DSO_LOAD_ERR__NO_LIBELF) {
		addr_location__exit(&al);
		machine__delete(m);
		return TEST_SKIP_REASON("built without libelf");
	}
	TEST_ASSERT_STREQ("symbol", al.sym ? al.sym->name : NULL, "machine__test_marker");
	TEST_ASSERT_EQUAL("thread refcount: table + al", al.thread->refcnt, 2);
	TEST_ASSERT_EQUAL("map refcount: maps + al", al.map->refcnt, 2);

	/* Unmapped address: no map, no symbol, still the user level. */
	s.ip = 0x1000;
	TEST_ASSERT_VAL("resolve", !machine__resolve(m, &al, &s));
	TEST_ASSERT_VAL("unmapped", !al.map && !al.sym && al.level == '.');

	/* A kernel address in a user-mode lookup falls back to the kernel maps. */
	TEST_ASSERT_VAL("kernel map", !machine__process_mmap_event(m,
			ev_kmmap(0xffffffff81000000ULL, 0x1000000, 0xffffffff81000000ULL,
				 "[kernel.kallsyms]_text"), NULL));
	TEST_ASSERT_VAL("fallback", thread__find_map_fb(al.thread, PERF_RECORD_MISC_USER,
							0xffffffff81000010ULL, &al) &&
			al.level == 'k' && al.map->dso->kind == DSO_KIND_KERNEL);
	addr_location__exit(&al);
	machine__delete(m);
	return TEST_OK;
}

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -errno;
	fputs(text, f);
	return fclose(f) ? -errno : 0;
}

static int test__machine_kernel(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char kallsyms[] = "/tmp/perf-test-kallsyms-XXXXXX";
	const char *saved = symbol_conf.kallsyms_name;
	struct machine *m = machine__new_host(NULL);
	struct addr_location al;
	struct perf_sample s;
	int fd;

	TEST_ASSERT_VAL("machine", m);
	fd = mkstemp(kallsyms);
	TEST_ASSERT_VAL("tmp", fd >= 0);
	close(fd);
	TEST_ASSERT_VAL("write", !write_file(kallsyms,
		"ffffffff81000000 T _text\n"
		"ffffffff81000100 t helper\n"
		"ffffffff81000200 T main_func\n"
		"ffffffffc0001000 t mod_func\t[mymod]\n"
		"ffffffffc0001100 t mod_func2\t[mymod]\n"));
	symbol_conf.kallsyms_name = kallsyms;

	TEST_ASSERT_VAL("kernel mmap", !machine__process_mmap_event(m,
			ev_kmmap(0xffffffff81000000ULL, 0x1000000, 0xffffffff81000000ULL,
				 "[kernel.kallsyms]_text"), NULL));
	TEST_ASSERT_VAL("module mmap", !machine__process_mmap_event(m,
			ev_kmmap(0xffffffffc0001000ULL, 0x2000, 0, "[mymod]"), NULL));
	TEST_ASSERT_VAL("vmlinux map", m->vmlinux_map && m->vmlinux_map->identity);

	s = sample_at(1);
	s.pid = s.tid = 0;
	s.cpumode = PERF_RECORD_MISC_KERNEL;
	s.ip = 0xffffffff81000250ULL;
	addr_location__init(&al);
	TEST_ASSERT_VAL("resolve", !machine__resolve(m, &al, &s));
	TEST_ASSERT_VAL("kernel map", al.map && al.map == m->vmlinux_map);
	TEST_ASSERT_STREQ("dso", al.map->dso->short_name, "[kernel.kallsyms]");
	TEST_ASSERT_EQUAL("level", al.level, 'k');
	TEST_ASSERT_EQUAL("kernel addresses are absolute", al.addr, s.ip);
	TEST_ASSERT_STREQ("symbol", al.sym ? al.sym->name : NULL, "main_func");
	TEST_ASSERT_STREQ("comm", thread__comm_str(al.thread), "swapper");

	s.ip = 0xffffffffc0001150ULL;
	TEST_ASSERT_VAL("resolve", !machine__resolve(m, &al, &s));
	TEST_ASSERT_STREQ("module dso", al.map ? al.map->dso->short_name : NULL, "[mymod]");
	TEST_ASSERT_STREQ("module symbol", al.sym ? al.sym->name : NULL, "mod_func2");

	/* A BPF program announced by KSYMBOL, then unloaded. */
	TEST_ASSERT_VAL("ksymbol", !machine__process_ksymbol_event(m,
			ev_ksymbol(0xffffffffc1000000ULL, 0x100, "bpf_prog_0123456789abcdef_foo", false),
			NULL));
	s.ip = 0xffffffffc1000010ULL;
	TEST_ASSERT_VAL("resolve", !machine__resolve(m, &al, &s));
	TEST_ASSERT_STREQ("bpf dso", al.map ? al.map->dso->short_name : NULL,
			  "bpf_prog_0123456789abcdef_foo");
	TEST_ASSERT_STREQ("bpf symbol", al.sym ? al.sym->name : NULL,
			  "bpf_prog_0123456789abcdef_foo");
	TEST_ASSERT_VAL("unregister", !machine__process_ksymbol_event(m,
			ev_ksymbol(0xffffffffc1000000ULL, 0x100, "bpf_prog_0123456789abcdef_foo", true),
			NULL));
	TEST_ASSERT_VAL("resolve", !machine__resolve(m, &al, &s));
	TEST_ASSERT_VAL("gone", !al.map);

	addr_location__exit(&al);
	symbol_conf.kallsyms_name = saved;
	unlink(kallsyms);
	machine__delete(m);
	return TEST_OK;
}

static int test__machine_anon(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	const pid_t pid = 99999999;	/* above any pid_max: no real map file */
	struct machine *m = machine__new_host(NULL);
	struct addr_location al;
	struct perf_sample s;
	char path[64];

	TEST_ASSERT_VAL("machine", m);
	snprintf(path, sizeof(path), "/tmp/perf-%d.map", pid);
	TEST_ASSERT_VAL("write", !write_file(path, "7f0000001000 100 jitted_fn\n"));
	TEST_ASSERT_VAL("anon exec", !machine__process_mmap2_event(m,
			ev_mmap2(pid, 0x7f0000000000ULL, 0x10000, 0,
				 PROT_READ | PROT_WRITE | PROT_EXEC, "//anon", 0), NULL));
	TEST_ASSERT_VAL("heap", !machine__process_mmap2_event(m,
			ev_mmap2(pid, 0x600000, 0x10000, 0, PROT_READ | PROT_WRITE, "[heap]", 0),
			NULL));

	s = sample_at(1);
	s.pid = s.tid = (uint32_t)pid;
	s.cpumode = PERF_RECORD_MISC_USER;
	s.ip = 0x7f0000001010ULL;
	addr_location__init(&al);
	TEST_ASSERT_VAL("resolve", !machine__resolve(m, &al, &s));
	TEST_ASSERT_VAL("jit map", al.map && al.map->dso->kind == DSO_KIND_JIT_MAP);
	TEST_ASSERT_STREQ("jit dso", al.map->dso->short_name, "[JIT] tid 99999999");
	TEST_ASSERT_EQUAL("absolute", al.addr, s.ip);
	TEST_ASSERT_STREQ("jit symbol", al.sym ? al.sym->name : NULL, "jitted_fn");

	s.ip = 0x600010;
	TEST_ASSERT_VAL("resolve", !machine__resolve(m, &al, &s));
	TEST_ASSERT_STREQ("heap dso", al.map ? al.map->dso->short_name : NULL, "[heap]");
	TEST_ASSERT_VAL("no symbol", !al.sym);
	addr_location__exit(&al);
	unlink(path);
	machine__delete(m);
	return TEST_OK;
}

static int test__machine_vdso(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	const void *vdso = (const void *)getauxval(AT_SYSINFO_EHDR);
	static const char * const names[] = {
		"__vdso_clock_gettime", "__kernel_clock_gettime", "__vdso_gettimeofday",
	};
	uint64_t start, len, pgoff;
	struct machine *m;
	struct addr_location al;
	struct perf_sample s;
	struct symbol *sym = NULL;
	char path[PATH_MAX];
	size_t i;

	if (!vdso || self_mapping(vdso, &start, &len, &pgoff, path, sizeof(path)))
		return TEST_SKIP_REASON("no vdso in this process");
	m = machine__new_host(NULL);
	TEST_ASSERT_VAL("machine", m);
	TEST_ASSERT_VAL("vdso mmap", !machine__process_mmap2_event(m,
			ev_mmap2(55, start, len, 0, PROT_READ | PROT_EXEC, "[vdso]", 0), NULL));
	addr_location__init(&al);
	thread__find_map(machine__findnew_thread(m, 55, 55), PERF_RECORD_MISC_USER, start, &al);
	thread__put(al.thread);	/* the findnew reference; al has its own */
	TEST_ASSERT_VAL("vdso map", al.map && al.map->dso->kind == DSO_KIND_VDSO);
	TEST_ASSERT_STREQ("name", al.map->dso->short_name, "[vdso]");
	if (dso__load(al.map->dso) <= 0) {
		addr_location__exit(&al);
		machine__delete(m);
		return TEST_SKIP_REASON("vdso symbols not readable");
	}
	for (i = 0; i < ARRAY_SIZE(names) && !sym; i++)
		sym = dso__find_symbol_by_name(al.map->dso, names[i]);
	TEST_ASSERT_VAL("a vdso function", sym);
	s = sample_at(1);
	s.pid = s.tid = 55;
	s.cpumode = PERF_RECORD_MISC_USER;
	s.ip = map__unmap_ip(al.map, sym->start) + 1;
	TEST_ASSERT_VAL("resolve", !machine__resolve(m, &al, &s));
	TEST_ASSERT_VAL("same symbol by address", al.sym == sym);
	addr_location__exit(&al);
	machine__delete(m);
	return TEST_OK;
}

static struct test_case machine_tests[] = {
	TEST_CASE("threads from COMM/FORK/EXIT, shared and copied maps", machine_threads),
	TEST_CASE("resolve a user sample in this binary", machine_resolve_user),
	TEST_CASE("kernel, module and BPF maps with kallsyms", machine_kernel),
	TEST_CASE("JIT and anonymous memory", machine_anon),
	TEST_CASE("the vdso", machine_vdso),
	{ .name = NULL, }
};

struct test_suite suite__machine = {
	.desc = "machine: threads, maps and sample resolution",
	.test_cases = machine_tests,
};
