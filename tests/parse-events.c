// SPDX-License-Identifier: GPL-2.0
/* The event grammar: each syntax to its attr, and each error to its caret. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/hw_breakpoint.h>

#include "../util/evlist.h"
#include "../util/evsel.h"
#include "../util/exec-cmd.h"
#include "../util/fs.h"
#include "../util/parse-events.h"
#include "../util/pmu.h"
#include "../util/tracepoint.h"
#include "tests.h"

/* Parse @str into a fresh evlist; NULL (with @err filled) on error. */
static struct evlist *parse(const char *str, struct parse_events_error *err)
{
	struct evlist *evlist = evlist__new();

	if (!evlist)
		return NULL;
	parse_events_error__init(err);
	if (parse_events(evlist, str, err)) {
		evlist__delete(evlist);
		return NULL;
	}
	return evlist;
}

static struct evsel *nth(struct evlist *evlist, int n)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel)
		if (n-- == 0)
			return evsel;
	return NULL;
}

#define PARSE_OK(event)							\
	({								\
		struct evlist *__e = parse(event, &err);		\
		if (!__e)						\
			pr_err("parse of '%s' failed: %s at %d\n", event,	\
			       err.str ? err.str : "?", err.idx);	\
		parse_events_error__exit(&err);				\
		__e;							\
	})

static int test__symbolic(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct parse_events_error err;
	struct evlist *e;
	struct evsel *ev;

	e = PARSE_OK("cycles");
	TEST_ASSERT_VAL("cycles", e);
	ev = evlist__first(e);
	TEST_ASSERT_EQUAL("type", ev->attr.type, PERF_TYPE_HARDWARE);
	TEST_ASSERT_EQUAL("config", ev->attr.config, PERF_COUNT_HW_CPU_CYCLES);
	TEST_ASSERT_STREQ("name", ev->name, "cycles");
	TEST_ASSERT_VAL("exclude_guest by default", ev->attr.exclude_guest);
	TEST_ASSERT_VAL("user+kernel by default", !ev->attr.exclude_user && !ev->attr.exclude_kernel);
	evlist__delete(e);

	e = PARSE_OK("cpu-cycles,instructions,branches,task-clock,cs,faults,migrations,dummy");
	TEST_ASSERT_VAL("list", e && e->nr_entries == 8);
	TEST_ASSERT_EQUAL("branches", nth(e, 2)->attr.config, PERF_COUNT_HW_BRANCH_INSTRUCTIONS);
	TEST_ASSERT_EQUAL("task-clock type", nth(e, 3)->attr.type, PERF_TYPE_SOFTWARE);
	TEST_ASSERT_EQUAL("task-clock", nth(e, 3)->attr.config, PERF_COUNT_SW_TASK_CLOCK);
	TEST_ASSERT_EQUAL("cs", nth(e, 4)->attr.config, PERF_COUNT_SW_CONTEXT_SWITCHES);
	TEST_ASSERT_STREQ("alias keeps its name", nth(e, 4)->name, "cs");
	TEST_ASSERT_EQUAL("faults", nth(e, 5)->attr.config, PERF_COUNT_SW_PAGE_FAULTS);
	TEST_ASSERT_EQUAL("migrations", nth(e, 6)->attr.config, PERF_COUNT_SW_CPU_MIGRATIONS);
	TEST_ASSERT_EQUAL("dummy", nth(e, 7)->attr.config, PERF_COUNT_SW_DUMMY);
	TEST_ASSERT_EQUAL("indexes", nth(e, 7)->idx, 7);
	evlist__delete(e);

	e = PARSE_OK("L1-dcache-load-misses,LLC-loads,dTLB-store-misses,branch-loads,l1d-prefetches,iTLB-misses");
	TEST_ASSERT_VAL("cache list", e && e->nr_entries == 6);
	ev = nth(e, 0);
	TEST_ASSERT_EQUAL("cache type", ev->attr.type, PERF_TYPE_HW_CACHE);
	TEST_ASSERT_EQUAL("L1-dcache-load-misses", ev->attr.config,
			  PERF_COUNT_HW_CACHE_L1D | PERF_COUNT_HW_CACHE_OP_READ << 8 |
			  PERF_COUNT_HW_CACHE_RESULT_MISS << 16);
	TEST_ASSERT_EQUAL("LLC-loads", nth(e, 1)->attr.config,
			  PERF_COUNT_HW_CACHE_LL | PERF_COUNT_HW_CACHE_RESULT_ACCESS << 16);
	TEST_ASSERT_EQUAL("dTLB-store-misses", nth(e, 2)->attr.config,
			  PERF_COUNT_HW_CACHE_DTLB | PERF_COUNT_HW_CACHE_OP_WRITE << 8 |
			  PERF_COUNT_HW_CACHE_RESULT_MISS << 16);
	TEST_ASSERT_EQUAL("branch-loads", nth(e, 3)->attr.config, PERF_COUNT_HW_CACHE_BPU);
	TEST_ASSERT_EQUAL("l1d-prefetches", nth(e, 4)->attr.config,
			  PERF_COUNT_HW_CACHE_L1D | PERF_COUNT_HW_CACHE_OP_PREFETCH << 8);
	TEST_ASSERT_EQUAL("iTLB-misses", nth(e, 5)->attr.config,
			  PERF_COUNT_HW_CACHE_ITLB | PERF_COUNT_HW_CACHE_RESULT_MISS << 16);
	evlist__delete(e);

	TEST_ASSERT_VAL("no L1-icache stores", !parse("L1-icache-stores", &err));
	parse_events_error__exit(&err);

	e = PARSE_OK("duration_time,user_time,system_time");
	TEST_ASSERT_VAL("tool events", e && e->nr_entries == 3);
	TEST_ASSERT_EQUAL("duration_time", nth(e, 0)->tool_event, TOOL_EVENT_DURATION_TIME);
	TEST_ASSERT_EQUAL("system_time", nth(e, 2)->tool_event, TOOL_EVENT_SYSTEM_TIME);
	evlist__delete(e);
	return TEST_OK;
}

static int test__raw_and_numeric(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct parse_events_error err;
	struct evlist *e;

	e = PARSE_OK("r1a,r0x1234,rABCDEF,1:1,4:0x3c");
	TEST_ASSERT_VAL("parsed", e && e->nr_entries == 5);
	TEST_ASSERT_EQUAL("r1a type", nth(e, 0)->attr.type, PERF_TYPE_RAW);
	TEST_ASSERT_EQUAL("r1a", nth(e, 0)->attr.config, 0x1a);
	TEST_ASSERT_EQUAL("r0x1234", nth(e, 1)->attr.config, 0x1234);
	TEST_ASSERT_EQUAL("rABCDEF", nth(e, 2)->attr.config, 0xabcdef);
	TEST_ASSERT_EQUAL("1:1 type", nth(e, 3)->attr.type, 1);
	TEST_ASSERT_EQUAL("1:1 config", nth(e, 3)->attr.config, 1);
	TEST_ASSERT_STREQ("1:1 name", nth(e, 3)->name, "1:1");
	TEST_ASSERT_EQUAL("4:0x3c", nth(e, 4)->attr.config, 0x3c);
	evlist__delete(e);

	TEST_ASSERT_VAL("too long raw", !parse("r12345678901234567890", &err));
	parse_events_error__exit(&err);
	return TEST_OK;
}

static int test__modifiers(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct parse_events_error err;
	struct evlist *e;
	struct evsel *ev;

	e = PARSE_OK("cycles:u,cycles:k,cycles:uk,cycles:h,cycles:ppp,instructions:P,cycles:I,"
		     "cycles:G,cycles:H,cycles:S,cycles:D,cycles:e,cycles:W,faults:upp");
	TEST_ASSERT_VAL("parsed", e && e->nr_entries == 14);
	ev = nth(e, 0);
	TEST_ASSERT_VAL(":u", !ev->attr.exclude_user && ev->attr.exclude_kernel && ev->attr.exclude_hv);
	TEST_ASSERT_STREQ(":u name", ev->name, "cycles:u");
	ev = nth(e, 1);
	TEST_ASSERT_VAL(":k", ev->attr.exclude_user && !ev->attr.exclude_kernel && ev->attr.exclude_hv);
	ev = nth(e, 2);
	TEST_ASSERT_VAL(":uk", !ev->attr.exclude_user && !ev->attr.exclude_kernel && ev->attr.exclude_hv);
	ev = nth(e, 3);
	TEST_ASSERT_VAL(":h", ev->attr.exclude_user && ev->attr.exclude_kernel && !ev->attr.exclude_hv);
	TEST_ASSERT_EQUAL(":ppp", nth(e, 4)->attr.precise_ip, 3);
	TEST_ASSERT_VAL(":P", nth(e, 5)->precise_max);
	TEST_ASSERT_VAL(":I", nth(e, 6)->attr.exclude_idle);
	ev = nth(e, 7);
	TEST_ASSERT_VAL(":G", !ev->attr.exclude_guest && ev->attr.exclude_host && ev->exclude_GH);
	ev = nth(e, 8);
	TEST_ASSERT_VAL(":H", ev->attr.exclude_guest && !ev->attr.exclude_host);
	TEST_ASSERT_VAL(":S", nth(e, 9)->sample_read);
	TEST_ASSERT_VAL(":D", nth(e, 10)->attr.pinned);
	TEST_ASSERT_VAL(":e", nth(e, 11)->attr.exclusive);
	TEST_ASSERT_VAL(":W", nth(e, 12)->weak_group);
	ev = nth(e, 13);
	TEST_ASSERT_VAL(":upp", ev->attr.precise_ip == 2 && ev->attr.exclude_kernel);
	TEST_ASSERT_STREQ(":upp name", ev->name, "faults:upp");
	evlist__delete(e);

	TEST_ASSERT_VAL("pppp", !parse("cycles:pppp", &err));
	TEST_ASSERT_VAL("pppp error", err.str && strstr(err.str, "precise"));
	parse_events_error__exit(&err);
	return TEST_OK;
}

static int test__groups(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct parse_events_error err;
	struct evlist *e;
	struct evsel *a, *b, *c, *d;

	e = PARSE_OK("{cycles,instructions}:u,faults,g1{cpu-clock,cs}:S");
	TEST_ASSERT_VAL("parsed", e && e->nr_entries == 5);
	a = nth(e, 0);
	b = nth(e, 1);
	c = nth(e, 2);
	d = nth(e, 3);
	TEST_ASSERT_VAL("leader", evsel__is_group_leader(a) && a->nr_members == 2);
	TEST_ASSERT_VAL("member", b->leader == a);
	TEST_ASSERT_VAL("group :u applies to members", b->attr.exclude_kernel && a->attr.exclude_kernel);
	TEST_ASSERT_STREQ("group modifiers leave names", b->name, "instructions");
	TEST_ASSERT_VAL("lone event", evsel__is_group_leader(c) && c->nr_members == 1);
	TEST_ASSERT_STREQ("named group", d->group_name, "g1");
	TEST_ASSERT_VAL("S on the group", d->sample_read);
	TEST_ASSERT_EQUAL("nr_groups", e->nr_groups, 2);
	evlist__delete(e);

	TEST_ASSERT_VAL("unterminated group", !parse("{cycles,instructions", &err));
	parse_events_error__exit(&err);
	TEST_ASSERT_VAL("nested group", !parse("{cycles,{faults}}", &err));
	parse_events_error__exit(&err);
	return TEST_OK;
}

static int test__breakpoints(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct parse_events_error err;
	struct evlist *e;
	struct evsel *ev;

	e = PARSE_OK("mem:0x1000,mem:0x2000:w,mem:0x3000/8:rw,mem:0x4000:x,mem:0x5000:r:u");
	TEST_ASSERT_VAL("parsed", e && e->nr_entries == 5);
	ev = nth(e, 0);
	TEST_ASSERT_EQUAL("type", ev->attr.type, PERF_TYPE_BREAKPOINT);
	TEST_ASSERT_EQUAL("addr", ev->attr.bp_addr, 0x1000);
	TEST_ASSERT_EQUAL("default rw", ev->attr.bp_type, HW_BREAKPOINT_R | HW_BREAKPOINT_W);
	TEST_ASSERT_EQUAL("default len", ev->attr.bp_len, 4);
	TEST_ASSERT_EQUAL("period 1", ev->attr.sample_period, 1);
	TEST_ASSERT_EQUAL("w", nth(e, 1)->attr.bp_type, HW_BREAKPOINT_W);
	TEST_ASSERT_EQUAL("/8", nth(e, 2)->attr.bp_len, 8);
	TEST_ASSERT_EQUAL("x", nth(e, 3)->attr.bp_type, HW_BREAKPOINT_X);
	TEST_ASSERT_EQUAL("x len", nth(e, 3)->attr.bp_len, sizeof(long));
	ev = nth(e, 4);
	TEST_ASSERT_VAL("access then modifier", ev->attr.bp_type == HW_BREAKPOINT_R &&
			ev->attr.exclude_kernel);
	TEST_ASSERT_STREQ("name as typed", ev->name, "mem:0x5000:r:u");
	evlist__delete(e);

	TEST_ASSERT_VAL("bad len", !parse("mem:0x1000/3", &err));
	parse_events_error__exit(&err);
	TEST_ASSERT_VAL("bad access", !parse("mem:0x1000:rwq", &err));
	parse_events_error__exit(&err);
	return TEST_OK;
}

static int test__terms(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct parse_events_error err;
	struct evlist *e;
	struct evsel *ev;

	e = PARSE_OK("cpu-clock/period=100000,name=mine/,cycles/freq=99,config1=5,call-graph=dwarf,stack-size=4096,no-inherit/u");
	TEST_ASSERT_VAL("parsed", e && e->nr_entries == 2);
	ev = nth(e, 0);
	TEST_ASSERT_EQUAL("period", ev->attr.sample_period, 100000);
	TEST_ASSERT_VAL("period is not freq", !ev->attr.freq);
	TEST_ASSERT_STREQ("name=", ev->name, "mine");
	ev = nth(e, 1);
	TEST_ASSERT_VAL("freq", ev->attr.freq && ev->attr.sample_freq == 99);
	TEST_ASSERT_EQUAL("config1", ev->attr.config1, 5);
	TEST_ASSERT_VAL("call-graph term",
			evsel__get_config_term(ev, EVSEL__CONFIG_TERM_CALLGRAPH) &&
			!strcmp(evsel__get_config_term(ev, EVSEL__CONFIG_TERM_CALLGRAPH)->val.str, "dwarf"));
	TEST_ASSERT_VAL("stack-size term",
			evsel__get_config_term(ev, EVSEL__CONFIG_TERM_STACK_USER)->val.num == 4096);
	TEST_ASSERT_VAL("no-inherit term",
			evsel__get_config_term(ev, EVSEL__CONFIG_TERM_INHERIT)->val.num == 0);
	TEST_ASSERT_VAL("suffix modifier", ev->attr.exclude_kernel);
	evlist__delete(e);

	TEST_ASSERT_VAL("unknown term", !parse("cpu-clock/foo/", &err));
	TEST_ASSERT_STREQ("unknown term text", err.str, "unknown term 'foo'");
	TEST_ASSERT_EQUAL("unknown term idx", err.idx, 10);
	TEST_ASSERT_VAL("valid terms hint", err.help && strstr(err.help, "valid terms:"));
	parse_events_error__exit(&err);
	return TEST_OK;
}

static int test__errors(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct parse_events_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	TEST_ASSERT_VAL("unknown", !parse("foo", &err));
	TEST_ASSERT_EQUAL("unknown idx", err.idx, 0);
	parse_events_error__exit(&err);

	TEST_ASSERT_VAL("bad modifier", !parse("cpu-clock:zz", &err));
	TEST_ASSERT_EQUAL("bad modifier idx", err.idx, 10);
	parse_events_error__exit(&err);

	TEST_ASSERT_VAL("empty item", !parse("task-clock,,faults", &err));
	TEST_ASSERT_EQUAL("empty item idx", err.idx, 11);
	parse_events_error__exit(&err);

	TEST_ASSERT_VAL("trailing comma", !parse("task-clock,", &err));
	parse_events_error__exit(&err);

	TEST_ASSERT_VAL("no pmu", !parse("nopmu/event=1/", &err));
	TEST_ASSERT_STREQ("no pmu text", err.str, "Cannot find PMU `nopmu'. Missing kernel support?");
	TEST_ASSERT_EQUAL("no pmu idx", err.idx, 0);

	f = open_memstream(&buf, &len);
	TEST_ASSERT_VAL("memstream", f);
	parse_events_error__print(&err, "nopmu/event=1/", f);
	fclose(f);
	TEST_ASSERT_STREQ("caret layout", buf,
			  "event syntax error: 'nopmu/event=1/'\n"
			  "                     \\___ Cannot find PMU `nopmu'. Missing kernel support?\n");
	free(buf);
	parse_events_error__exit(&err);

	TEST_ASSERT_VAL("caret under modifier", !parse("cpu-clock:zz", &err));
	buf = NULL;
	f = open_memstream(&buf, &len);
	parse_events_error__print(&err, "cpu-clock:zz", f);
	fclose(f);
	TEST_ASSERT_VAL("caret column",
			strstr(buf, "\n                               \\___ "));
	free(buf);
	parse_events_error__exit(&err);
	return TEST_OK;
}

static int test__tracepoints(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct parse_events_error err;
	struct evlist *e;
	struct evsel *ev;
	long long id;

	id = tracepoint__id("sched", "sched_switch");
	if (id == -EACCES)
		return TEST_SKIP_REASON("tracefs not readable");
	if (id < 0)
		return TEST_SKIP_REASON("no sched:sched_switch tracepoint");

	e = PARSE_OK("sched:sched_switch,sched:sched_process_*:u");
	TEST_ASSERT_VAL("parsed", e && e->nr_entries > 2);
	ev = nth(e, 0);
	TEST_ASSERT_EQUAL("type", ev->attr.type, PERF_TYPE_TRACEPOINT);
	TEST_ASSERT_EQUAL("id", ev->attr.config, id);
	TEST_ASSERT_STREQ("name", ev->name, "sched:sched_switch");
	TEST_ASSERT_VAL("raw samples", ev->attr.sample_type & PERF_SAMPLE_RAW);
	ev = nth(e, 1);
	TEST_ASSERT_VAL("glob expanded", !strncmp(ev->name, "sched:sched_process_", 20));
	TEST_ASSERT_VAL("modifier on glob", ev->attr.exclude_kernel);
	evlist__delete(e);

	TEST_ASSERT_VAL("unknown tracepoint", !parse("sched:nosuch", &err));
	TEST_ASSERT_STREQ("text", err.str, "unknown tracepoint");
	TEST_ASSERT_VAL("help names the file", err.help && strstr(err.help, "sched/nosuch not found"));
	parse_events_error__exit(&err);
	return TEST_OK;
}

static int test__sysfs_pmu(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct parse_events_error err;
	char *root = perf_find_data_path("tests/data/sysfs/intel");
	struct evlist *e;
	struct evsel *ev;

	if (!root)
		return TEST_SKIP_REASON("no tests/data/sysfs/intel fixture");
	perf_pmus__destroy();
	sysfs__set_mountpoint(root);

	e = PARSE_OK("cpu/event=0x3c,umask=0x1,cmask=2,inv,period=1000/,cpu/cpu-cycles/,cpu/instructions,name=ins/k,energy-pkg");
	if (e) {
		ev = nth(e, 0);
		TEST_ASSERT_EQUAL("type", ev->attr.type, 4);
		TEST_ASSERT_EQUAL("config", ev->attr.config,
				  0x3c | 0x1 << 8 | 1ULL << 23 | 2ULL << 24);
		TEST_ASSERT_EQUAL("period", ev->attr.sample_period, 1000);
		TEST_ASSERT_STREQ("name", ev->name, "cpu/event=0x3c,umask=0x1,cmask=2,inv,period=1000/");
		TEST_ASSERT_EQUAL("alias", nth(e, 1)->attr.config, 0x3c);
		ev = nth(e, 2);
		TEST_ASSERT_VAL("alias with terms and modifier",
				ev->attr.config == 0xc0 && ev->attr.exclude_user);
		TEST_ASSERT_STREQ("name= with alias", ev->name, "ins");
		ev = nth(e, 3);
		TEST_ASSERT_EQUAL("bare alias finds its pmu", ev->attr.type, 14);
		TEST_ASSERT_VAL("scale", ev->scale > 2.3e-10 && ev->scale < 2.4e-10);
		TEST_ASSERT_STREQ("unit", ev->unit, "Joules");
		evlist__delete(e);
	}

	TEST_ASSERT_VAL("unknown term", !parse("cpu/bogus=1/", &err));
	TEST_ASSERT_STREQ("unknown term text", err.str, "unknown term 'bogus' for pmu 'cpu'");
	TEST_ASSERT_EQUAL("idx", err.idx, 4);
	parse_events_error__exit(&err);
	TEST_ASSERT_VAL("too big", !parse("cpu/umask=0x100/", &err));
	TEST_ASSERT_VAL("too big text", err.str && strstr(err.str, "maximum is 255"));
	parse_events_error__exit(&err);

	sysfs__set_mountpoint(NULL);
	perf_pmus__destroy();
	free(root);
	return e ? TEST_OK : TEST_FAIL;
}

static struct test_case parse_events_cases[] = {
	TEST_CASE("Symbolic, cache and tool events", symbolic),
	TEST_CASE("Raw and type:config events", raw_and_numeric),
	TEST_CASE("Modifiers", modifiers),
	TEST_CASE("Groups", groups),
	TEST_CASE("Breakpoints", breakpoints),
	TEST_CASE("Terms of symbolic events", terms),
	TEST_CASE("Error positions and messages", errors),
	TEST_CASE("Tracepoints and globs", tracepoints),
	TEST_CASE("PMU terms and aliases from a fake sysfs", sysfs_pmu),
	{ .name = NULL, },
};

struct test_suite suite__parse_events = {
	.desc = "Parse event definition strings",
	.test_cases = parse_events_cases,
};
