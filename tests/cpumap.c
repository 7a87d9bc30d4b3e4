// SPDX-License-Identifier: GPL-2.0
/* CPU and thread maps: parsing, printing, set operations, refcounts. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/cpumap.h"
#include "../util/thread_map.h"
#include "tests.h"

static int test__cpu_lists(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_cpu_map *m, *o, *x;
	char buf[64];

	m = perf_cpu_map__new("0-3,5, 7-8,2");
	TEST_ASSERT_VAL("parsed", m);
	TEST_ASSERT_EQUAL("nr (dups dropped)", perf_cpu_map__nr(m), 7);
	TEST_ASSERT_EQUAL("sorted", perf_cpu_map__cpu(m, 4).cpu, 5);
	TEST_ASSERT_EQUAL("max", perf_cpu_map__max(m), 8);
	TEST_ASSERT_EQUAL("idx", perf_cpu_map__idx(m, (struct perf_cpu){ 7 }), 5);
	TEST_ASSERT_VAL("has", !perf_cpu_map__has(m, (struct perf_cpu){ 4 }));
	cpu_map__snprint(m, buf, sizeof(buf));
	TEST_ASSERT_STREQ("printed as ranges", buf, "0-3,5,7-8");

	o = perf_cpu_map__new("3-6");
	x = perf_cpu_map__intersect(m, o);
	cpu_map__snprint(x, buf, sizeof(buf));
	TEST_ASSERT_STREQ("intersect", buf, "3,5");

	TEST_ASSERT_VAL("get returns it", perf_cpu_map__get(m) == m);
	TEST_ASSERT_EQUAL("refcount after get", m->refcnt, 2);
	perf_cpu_map__put(m);
	TEST_ASSERT_EQUAL("refcount after put", m->refcnt, 1);
	perf_cpu_map__put(m);
	perf_cpu_map__put(o);
	perf_cpu_map__put(x);

	TEST_ASSERT_VAL("bad list", !perf_cpu_map__new("1-"));
	TEST_ASSERT_VAL("bad list", !perf_cpu_map__new("a"));
	TEST_ASSERT_VAL("bad list", !perf_cpu_map__new("3-1"));
	TEST_ASSERT_VAL("bad list", !perf_cpu_map__new("1,"));

	m = perf_cpu_map__new_any();
	TEST_ASSERT_VAL("any", perf_cpu_map__has_any_cpu(m) && perf_cpu_map__cpu(m, 0).cpu == -1);
	perf_cpu_map__put(m);

	m = perf_cpu_map__new(NULL);
	TEST_ASSERT_VAL("online", m && perf_cpu_map__nr(m) >= 1 &&
			perf_cpu_map__nr(m) <= sysconf(_SC_NPROCESSORS_CONF));
	perf_cpu_map__put(m);
	return TEST_OK;
}

static int test__thread_maps(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_thread_map *m;
	char pid[32];

	m = thread_map__new_by_pid(getpid());
	TEST_ASSERT_VAL("self", m && m->nr >= 1 && m->map[0].pid == getpid());
	thread_map__read_comms(m);
	TEST_ASSERT_STREQ("comm", m->map[0].comm, "perf");
	TEST_ASSERT_VAL("get", perf_thread_map__get(m) == m && m->refcnt == 2);
	perf_thread_map__put(m);
	perf_thread_map__put(m);

	snprintf(pid, sizeof(pid), "%d,%d", getpid(), getppid());
	m = thread_map__new_str(NULL, pid, NULL);
	TEST_ASSERT_VAL("tid list", m && m->nr == 2 && m->map[1].pid == getppid());
	perf_thread_map__put(m);

	m = thread_map__new_str(NULL, NULL, NULL);
	TEST_ASSERT_VAL("dummy", m && m->nr == 1 && m->map[0].pid == -1);
	perf_thread_map__put(m);

	TEST_ASSERT_VAL("missing pid", !thread_map__new_str("999999999", NULL, NULL));
	TEST_ASSERT_VAL("bad list", !thread_map__new_str("12,x", NULL, NULL));
	return TEST_OK;
}

static struct test_case cpumap_cases[] = {
	TEST_CASE("CPU lists", cpu_lists),
	TEST_CASE("Thread maps", thread_maps),
	{ .name = NULL, },
};

struct test_suite suite__cpumap = {
	.desc = "CPU and thread maps",
	.test_cases = cpumap_cases,
};
