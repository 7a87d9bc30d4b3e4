// SPDX-License-Identifier: GPL-2.0
/*
 * perf stat's engine on synthetic counts: run statistics, scaling,
 * interval deltas, aggregation buckets on a fake sysfs topology, the
 * shadow metrics, and each output format byte for byte against the
 * reference's layout.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/cpumap.h"
#include "../util/cputopo.h"
#include "../util/evlist.h"
#include "../util/evsel.h"
#include "../util/exec-cmd.h"
#include "../util/fs.h"
#include "../util/stat.h"
#include "../util/stat-display.h"
#include "../util/stat-shadow.h"
#include "../util/target.h"
#include "../util/thread_map.h"
#include "../util/xyarray.h"
#include "tests.h"

static int test__run_stats(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static const double seq[] = { 10, 12, 11, 15, 12 };
	struct stats s;
	size_t i;

	stats__init(&s);
	TEST_ASSERT_VAL("empty stddev", stats__stddev(&s) == 0.0);
	for (i = 0; i < sizeof(seq) / sizeof(seq[0]); i++)
		stats__update(&s, seq[i]);
	/* mean 12, sample variance 3.5, standard error sqrt(3.5 / 5) */
	TEST_ASSERT_VAL("mean", fabs(stats__avg(&s) - 12.0) < 1e-12);
	TEST_ASSERT_VAL("stddev of the mean", fabs(stats__stddev(&s) - sqrt(0.7)) < 1e-12);
	TEST_ASSERT_VAL("relative", fabs(stats__rel_pct(stats__stddev(&s), 12.0) -
					 100.0 * sqrt(0.7) / 12.0) < 1e-9);
	TEST_ASSERT_VAL("relative to 0", stats__rel_pct(1.0, 0.0) == 0.0);

	stats__init(&s);
	stats__update(&s, 5);
	TEST_ASSERT_VAL("one value: no stddev", stats__stddev(&s) == 0.0);
	return TEST_OK;
}

/* ---- synthetic events ---- */

static struct evsel *fake_evsel(struct evlist *evlist, uint32_t type, uint64_t config,
				const char *name)
{
	struct perf_event_attr attr = { .type = type, .config = config };
	struct evsel *evsel = evsel__new(&attr);

	if (!evsel)
		return NULL;
	evsel__set_name(evsel, name);
	if (type == PERF_TYPE_SOFTWARE && (config == PERF_COUNT_SW_TASK_CLOCK ||
					   config == PERF_COUNT_SW_CPU_CLOCK)) {
		evsel->unit = "msec";
		evsel->scale = 1e-6;
	}
	evlist__add(evlist, evsel);
	return evsel;
}

static void set_count(struct evsel *evsel, int cpu_idx, int thread,
		      uint64_t val, uint64_t ena, uint64_t run)
{
	struct perf_counts_values *c = evsel__counts(evsel, cpu_idx, thread);

	c->val = val;
	c->ena = ena;
	c->run = run;
}

/*
 * task-clock, page-faults and an unsupported cycles on @cpus, with the
 * counts arrays allocated and the stat state set up for @mode.
 */
static struct evlist *fake_evlist(struct perf_stat_config *config, enum aggr_mode mode,
				  const char *cpus_str, bool deltas)
{
	struct evlist *evlist = evlist__new();
	struct perf_cpu_map *cpus = perf_cpu_map__new(cpus_str);
	struct perf_thread_map *threads = perf_thread_map__new_dummy();
	struct evsel *evsel;

	if (!evlist || !cpus || !threads)
		goto fail;
	if (!fake_evsel(evlist, PERF_TYPE_SOFTWARE, PERF_COUNT_SW_TASK_CLOCK, "task-clock") ||
	    !fake_evsel(evlist, PERF_TYPE_SOFTWARE, PERF_COUNT_SW_PAGE_FAULTS, "page-faults") ||
	    !fake_evsel(evlist, PERF_TYPE_HARDWARE, PERF_COUNT_HW_CPU_CYCLES, "cycles"))
		goto fail;
	evlist__set_maps(evlist, cpus, threads);
	evlist__for_each_entry(evlist, evsel)
		evsel->counts = xyarray__new(perf_cpu_map__nr(cpus), 1,
					     sizeof(struct perf_counts_values));
	config->aggr_mode = mode;
	if (perf_stat__setup_aggr(config, cpus, threads) ||
	    perf_stat__alloc_evlist(config, evlist, deltas))
		goto fail;
	evlist__for_each_entry(evlist, evsel)
		evsel__stat(evsel)->supported = strcmp(evsel__name(evsel), "cycles") != 0;
	perf_cpu_map__put(cpus);
	perf_thread_map__put(threads);
	return evlist;
fail:
	perf_cpu_map__put(cpus);
	perf_thread_map__put(threads);
	if (evlist)
		perf_stat__free_evlist(evlist);
	evlist__delete(evlist);
	return NULL;
}

static void fake_evlist__delete(struct evlist *evlist)
{
	perf_stat__free_evlist(evlist);
	evlist__delete(evlist);
}

static void process_all(struct perf_stat_config *config, struct evlist *evlist)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel)
		perf_stat__process_counter(config, evsel);
}

static int test__scaling(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_stat_config config;
	struct evlist *evlist;
	struct evsel *tc, *pf;
	struct perf_stat_evsel *ps;

	perf_stat_config__init(&config);
	evlist = fake_evlist(&config, AGGR_GLOBAL, "0-1", false);
	TEST_ASSERT_VAL("evlist", evlist);
	tc = evlist__first(evlist);
	pf = list_entry(tc->node.next, struct evsel, node);

	/* Raw counts are summed first, then the sum is scaled once. */
	set_count(pf, 0, 0, 100, 10, 5);
	set_count(pf, 1, 0, 100, 10, 10);
	set_count(tc, 0, 0, 1000, 1000, 1000);
	set_count(tc, 1, 0, 0, 0, 0);
	process_all(&config, evlist);
	ps = evsel__stat(pf);
	TEST_ASSERT_EQUAL("scaled sum", ps->aggr[0].val, 200 * 20 / 15);
	TEST_ASSERT_EQUAL("enabled", ps->aggr[0].ena, 20);
	TEST_ASSERT_EQUAL("running", ps->aggr[0].run, 15);
	TEST_ASSERT_EQUAL("scaled flag", ps->scaled, 1);
	TEST_ASSERT_EQUAL("unscaled", evsel__stat(tc)->scaled, 0);

	/* Never ran: the value is meaningless. */
	set_count(pf, 0, 0, 100, 10, 0);
	set_count(pf, 1, 0, 100, 10, 0);
	process_all(&config, evlist);
	TEST_ASSERT_EQUAL("never ran: zero", ps->aggr[0].val, 0);
	TEST_ASSERT_EQUAL("never ran: flag", ps->scaled, -1);

	/* --no-scale keeps the raw sum. */
	config.scale = false;
	set_count(pf, 0, 0, 100, 10, 5);
	set_count(pf, 1, 0, 100, 10, 10);
	process_all(&config, evlist);
	TEST_ASSERT_EQUAL("--no-scale", ps->aggr[0].val, 200);

	fake_evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

static int test__run_means(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static const uint64_t runs[] = { 1, 1, 2 };
	struct perf_stat_config config;
	struct evlist *evlist;
	struct evsel *pf;
	struct perf_stat_evsel *ps;
	size_t i;

	perf_stat_config__init(&config);
	evlist = fake_evlist(&config, AGGR_GLOBAL, "0", false);
	TEST_ASSERT_VAL("evlist", evlist);
	pf = list_entry(evlist__first(evlist)->node.next, struct evsel, node);
	for (i = 0; i < 3; i++) {
		set_count(pf, 0, 0, runs[i], 1000 + i, 1000 + i);
		process_all(&config, evlist);
	}
	perf_stat__use_run_means(&config, evlist);
	ps = evsel__stat(pf);
	/* mean 1.33 is printed as 1, and the noise is relative to that 1 */
	TEST_ASSERT_EQUAL("truncated mean", ps->aggr[0].val, 1);
	TEST_ASSERT_EQUAL("mean enabled", ps->aggr[0].ena, 1001);
	TEST_ASSERT_VAL("noise 33.33%",
			fabs(stats__rel_pct(stats__stddev(&ps->res_stats[0]),
					    (double)ps->aggr[0].val) - 100.0 / 3) < 1e-9);
	fake_evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

static int test__interval_deltas(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_stat_config config;
	struct evlist *evlist;
	struct evsel *pf;

	perf_stat_config__init(&config);
	config.interval = 100;
	evlist = fake_evlist(&config, AGGR_NONE, "0-1", true);
	TEST_ASSERT_VAL("evlist", evlist);
	pf = list_entry(evlist__first(evlist)->node.next, struct evsel, node);

	set_count(pf, 0, 0, 10, 100, 100);
	set_count(pf, 1, 0, 20, 100, 100);
	process_all(&config, evlist);
	TEST_ASSERT_EQUAL("first interval cpu0", evsel__stat(pf)->aggr[0].val, 10);
	set_count(pf, 0, 0, 15, 200, 200);
	set_count(pf, 1, 0, 20, 100, 100);	/* did not run since */
	process_all(&config, evlist);
	TEST_ASSERT_EQUAL("delta cpu0", evsel__stat(pf)->aggr[0].val, 5);
	TEST_ASSERT_EQUAL("delta ena cpu0", evsel__stat(pf)->aggr[0].ena, 100);
	TEST_ASSERT_EQUAL("idle cpu1 not counted", evsel__stat(pf)->aggr[1].ena, 0);

	/* A new run (-r) starts its readings from zero again. */
	perf_stat__reset_prev(evlist);
	set_count(pf, 0, 0, 7, 50, 50);
	process_all(&config, evlist);
	TEST_ASSERT_EQUAL("after reset", evsel__stat(pf)->aggr[0].val, 7);
	fake_evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

/* ---- topology and buckets ---- */

static char *topology_root(void)
{
	char *data = perf_find_data_path("tests/data/sysfs/topology");

	return data;
}

static int test__topology(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char *root = topology_root();
	struct perf_cpu_map *cpus;
	struct cpu_topo *topo;
	const struct cpu_topo_entry *e;
	struct aggr_map *map;

	if (!root)
		return TEST_SKIP_REASON("no tests/data/sysfs/topology next to perf");
	sysfs__set_mountpoint(root);
	cpus = perf_cpu_map__new("0-7");
	topo = cpu_topo__new(cpus);
	sysfs__set_mountpoint(NULL);
	TEST_ASSERT_VAL("topology", topo);

	e = cpu_topo__find(topo, 5);
	TEST_ASSERT_VAL("cpu5", e);
	TEST_ASSERT_EQUAL("cpu5 socket", e->socket, 1);
	TEST_ASSERT_EQUAL("cpu5 die", e->die, 0);
	TEST_ASSERT_EQUAL("cpu5 core", e->core, 1);
	TEST_ASSERT_EQUAL("cpu5 node", e->node, 1);
	TEST_ASSERT_EQUAL("cpu7 without die_id", cpu_topo__find(topo, 7)->die, -1);
	TEST_ASSERT_VAL("cpu8 absent", !cpu_topo__find(topo, 8));

	map = aggr_map__new(AGGR_SOCKET, cpus, NULL, topo);
	TEST_ASSERT_EQUAL("sockets", map->nr, 2);
	TEST_ASSERT_EQUAL("S1", map->ids[1].socket, 1);
	free(map);
	map = aggr_map__new(AGGR_DIE, cpus, NULL, topo);
	TEST_ASSERT_EQUAL("dies (cpu7 alone in die -1)", map->nr, 5);
	TEST_ASSERT_EQUAL("sorted: S1-D-1 before S1-D0", map->ids[2].die, -1);
	free(map);
	map = aggr_map__new(AGGR_CORE, cpus, NULL, topo);
	TEST_ASSERT_EQUAL("cores", map->nr, 8);
	free(map);
	map = aggr_map__new(AGGR_NODE, cpus, NULL, topo);
	TEST_ASSERT_EQUAL("nodes", map->nr, 2);
	TEST_ASSERT_EQUAL("N1", map->ids[1].node, 1);
	free(map);
	map = aggr_map__new(AGGR_NONE, cpus, NULL, topo);
	TEST_ASSERT_EQUAL("cpus", map->nr, 8);
	TEST_ASSERT_EQUAL("cpu id", map->ids[3].cpu, 3);
	free(map);

	cpu_topo__delete(topo);
	perf_cpu_map__put(cpus);
	free(root);
	return TEST_OK;
}

static int test__buckets(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char *root = topology_root();
	struct perf_stat_config config;
	struct evlist *evlist;
	struct evsel *tc, *cyc;
	struct perf_stat_evsel *ps;
	int c;

	if (!root)
		return TEST_SKIP_REASON("no tests/data/sysfs/topology next to perf");
	perf_stat_config__init(&config);
	sysfs__set_mountpoint(root);
	evlist = fake_evlist(&config, AGGR_SOCKET, "0-7", false);
	sysfs__set_mountpoint(NULL);
	free(root);
	TEST_ASSERT_VAL("evlist", evlist);
	tc = evlist__first(evlist);
	cyc = evlist__last(evlist);
	for (c = 0; c < 8; c++)
		set_count(tc, c, 0, 1000000ULL * (uint64_t)(c + 1), 1000, 1000);
	/* cpu2 never ran: socket 0 is "not counted", counting stopped there */
	set_count(tc, 2, 0, 0, 1000, 0);
	process_all(&config, evlist);
	ps = evsel__stat(tc);
	TEST_ASSERT_EQUAL("S0 spoiled", ps->aggr[0].run, 0);
	TEST_ASSERT_EQUAL("S0 cpus up to the bad one", ps->aggr[0].nr, 3);
	TEST_ASSERT_EQUAL("S1 sum", ps->aggr[1].val, 26000000);
	TEST_ASSERT_EQUAL("S1 cpus", ps->aggr[1].nr, 4);
	/* The reference shows 1 CPU for an unsupported event. */
	TEST_ASSERT_EQUAL("unsupported nr", evsel__stat(cyc)->aggr[1].nr, 1);
	fake_evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

/* ---- shadow metrics ---- */

struct metric_capture {
	char text[512];
};

static void capture_metric(struct perf_stat_config *config __maybe_unused, void *ctx,
			   const char *color __maybe_unused, const char *fmt,
			   const char *unit, double val)
{
	struct metric_capture *m = ctx;
	size_t len = strlen(m->text);
	char num[64] = "-";

	if (fmt)
		snprintf(num, sizeof(num), fmt, val);
	snprintf(m->text + len, sizeof(m->text) - len, "[%s|%s]", num, unit ? unit : "null");
}

static void capture_new_line(struct perf_stat_config *config __maybe_unused, void *ctx)
{
	struct metric_capture *m = ctx;
	size_t len = strlen(m->text);

	snprintf(m->text + len, sizeof(m->text) - len, "/");
}

static const char *shadow_of(struct perf_stat_config *config, struct evsel *evsel, double val,
			     struct metric_capture *m)
{
	struct perf_stat_output_ctx out = {
		.ctx = m,
		.print_metric = capture_metric,
		.new_line = capture_new_line,
	};

	m->text[0] = '\0';
	perf_stat__print_shadow_stats(config, evsel, val, 0, &out);
	return m->text;
}

static int test__shadow(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_stat_config config;
	struct evlist *evlist = evlist__new();
	struct evsel *tc, *cyc, *ins, *br, *brm, *pf, *fe, *uc;
	struct metric_capture m;

	perf_stat_config__init(&config);
	TEST_ASSERT_VAL("evlist", evlist);
	tc = fake_evsel(evlist, PERF_TYPE_SOFTWARE, PERF_COUNT_SW_TASK_CLOCK, "task-clock");
	cyc = fake_evsel(evlist, PERF_TYPE_HARDWARE, PERF_COUNT_HW_CPU_CYCLES, "cycles");
	ins = fake_evsel(evlist, PERF_TYPE_HARDWARE, PERF_COUNT_HW_INSTRUCTIONS, "instructions");
	br = fake_evsel(evlist, PERF_TYPE_HARDWARE, PERF_COUNT_HW_BRANCH_INSTRUCTIONS, "branches");
	brm = fake_evsel(evlist, PERF_TYPE_HARDWARE, PERF_COUNT_HW_BRANCH_MISSES, "branch-misses");
	pf = fake_evsel(evlist, PERF_TYPE_SOFTWARE, PERF_COUNT_SW_PAGE_FAULTS, "page-faults");
	fe = fake_evsel(evlist, PERF_TYPE_HARDWARE, PERF_COUNT_HW_STALLED_CYCLES_FRONTEND,
			"stalled-cycles-frontend");
	uc = fake_evsel(evlist, PERF_TYPE_HARDWARE, PERF_COUNT_HW_CACHE_MISSES, "cache-misses");
	TEST_ASSERT_VAL("events", tc && cyc && ins && br && brm && pf && fe && uc);
	TEST_ASSERT_VAL("runtime stats", !runtime_stat__init(&config.rt, 1));

	/* Nothing counted yet: named but empty metrics. */
	TEST_ASSERT_STREQ("ipc without cycles", shadow_of(&config, ins, 100, &m),
			  "[-|insn per cycle]");
	TEST_ASSERT_STREQ("cycles without time", shadow_of(&config, cyc, 100, &m), "[-|Ghz]");
	TEST_ASSERT_STREQ("branch misses without branches", shadow_of(&config, brm, 5, &m),
			  "[-|of all branches]");
	TEST_ASSERT_STREQ("cache misses without refs", shadow_of(&config, uc, 5, &m),
			  "[-|of all cache refs]");
	TEST_ASSERT_STREQ("no metric at all", shadow_of(&config, pf, 5, &m), "[-|null]");
	TEST_ASSERT_STREQ("clock without wall time", shadow_of(&config, tc, 5, &m),
			  "[-|CPUs utilized]");

	runtime_stat__update(&config.rt, 0, 0, STAT_NSECS, 2e6);
	runtime_stat__update(&config.rt, 0, 0, STAT_CYCLES, 4e6);
	runtime_stat__update(&config.rt, 0, 0, STAT_BRANCHES, 1000);
	runtime_stat__update(&config.rt, 0, 0, STAT_STALLED_CYCLES_FRONT, 1e6);
	stats__update(&config.walltime_nsecs_stats, 1e6);

	TEST_ASSERT_STREQ("ipc and stalls", shadow_of(&config, ins, 8e6, &m),
			  "[   2.00 |insn per cycle]/[   0.12 |stalled cycles per insn]");
	TEST_ASSERT_STREQ("GHz", shadow_of(&config, cyc, 4e6, &m), "[   2.000|GHz]");
	TEST_ASSERT_STREQ("branch misses", shadow_of(&config, brm, 50, &m),
			  "[   5.00%|of all branches]");
	TEST_ASSERT_STREQ("frontend idle", shadow_of(&config, fe, 1e6, &m),
			  "[  25.00%|frontend cycles idle]");
	/* 2 msec of task-clock (scaled value) in 1 msec of wall time */
	tc->scale = 1e-6;
	TEST_ASSERT_STREQ("CPUs utilized", shadow_of(&config, tc, 2.0, &m),
			  "[   2.000|CPUs utilized]");
	TEST_ASSERT_STREQ("K/sec", shadow_of(&config, pf, 50, &m), "[  25.000|K/sec]");
	TEST_ASSERT_STREQ("M/sec", shadow_of(&config, pf, 50000, &m), "[  25.000|M/sec]");
	TEST_ASSERT_STREQ("/sec", shadow_of(&config, pf, 0.5, &m), "[ 250.000|/sec]");

	/*
	 * The clocks' time goes with events of any exclusions (the
	 * reference's rule): cycles:u still gets its GHz from task-clock.
	 */
	cyc->attr.exclude_kernel = 1;
	TEST_ASSERT_STREQ("other context", shadow_of(&config, cyc, 4e6, &m), "[   2.000|GHz]");

	runtime_stat__exit(&config.rt);
	evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

/* ---- output formats ---- */

static char *print_to_string(struct perf_stat_config *config, struct evlist *evlist,
			     const struct timespec *ts)
{
	struct target target = { .system_wide = true };
	char *buf = NULL;
	size_t size = 0;

	config->output = open_memstream(&buf, &size);
	if (!config->output)
		return NULL;
	perf_stat__print_counters(config, evlist, &target, ts, 0, NULL);
	fclose(config->output);
	config->output = stderr;
	return buf;
}

static struct evlist *formats_evlist(struct perf_stat_config *config, enum aggr_mode mode)
{
	struct evlist *evlist = fake_evlist(config, mode, "0-1", false);
	struct evsel *tc, *pf;

	if (!evlist)
		return NULL;
	tc = evlist__first(evlist);
	pf = list_entry(tc->node.next, struct evsel, node);
	set_count(tc, 0, 0, 2000000, 2000000, 2000000);
	set_count(tc, 1, 0, 1000000, 1000000, 1000000);
	set_count(pf, 0, 0, 30, 2000000, 2000000);
	set_count(pf, 1, 0, 20, 1000000, 1000000);
	stats__update(&config->walltime_nsecs_stats, 1.5e6);
	process_all(config, evlist);
	return evlist;
}

#define TC_LINE "              3.00 msec task-clock                       #    2.000 CPUs utilized          \n"
#define PF_LINE "                50      page-faults                      #   16.667 K/sec                  \n"
#define CY_LINE "   <not supported>      cycles                                                      \n"

static int test__format_std(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_stat_config config;
	struct evlist *evlist;
	char *out;

	perf_stat_config__init(&config);
	evlist = formats_evlist(&config, AGGR_GLOBAL);
	TEST_ASSERT_VAL("evlist", evlist);
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_STREQ("human output", out,
			  "\n Performance counter stats for 'system wide':\n\n"
			  TC_LINE PF_LINE CY_LINE
			  "\n       0.001500000 seconds time elapsed\n\n");
	free(out);

	/* Interval lines: a header, then the time stamp in front of each line. */
	config.interval = 100;
	{
		struct timespec ts = { 1, 5000 };

		out = print_to_string(&config, evlist, &ts);
		TEST_ASSERT_STREQ("interval output", out,
				  "#           time             counts unit events\n"
				  "     1.000005000 " TC_LINE
				  "     1.000005000 " PF_LINE
				  "     1.000005000 " CY_LINE);
		free(out);
	}
	fake_evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

static int test__format_multiplexed(struct test_suite *t __maybe_unused,
				    int subtest __maybe_unused)
{
	struct perf_stat_config config;
	struct evlist *evlist;
	struct evsel *pf;
	char *out, *line;

	perf_stat_config__init(&config);
	evlist = formats_evlist(&config, AGGR_GLOBAL);
	TEST_ASSERT_VAL("evlist", evlist);
	pf = list_entry(evlist__first(evlist)->node.next, struct evsel, node);
	set_count(pf, 0, 0, 30, 2000000, 1000000);
	set_count(pf, 1, 0, 20, 1000000, 500000);
	perf_stat__process_counter(&config, pf);
	out = print_to_string(&config, evlist, NULL);
	line = out ? strstr(out, "page-faults") : NULL;
	TEST_ASSERT_VAL("page-faults line", line);
	TEST_ASSERT_VAL("scaled value and running percentage",
			strstr(out, "               100      page-faults                      #   33.333 K/sec                    (50.00%)\n"));
	free(out);

	config.csv_output = true;
	config.csv_sep = ",";
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_VAL("CSV running percentage",
			strstr(out, "\n100,,page-faults,1500000,50.00,33.333,K/sec\n"));
	free(out);
	fake_evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

static int test__format_csv(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_stat_config config;
	struct evlist *evlist;
	char *out;

	perf_stat_config__init(&config);
	config.csv_output = true;
	config.csv_sep = ",";
	config.big_num = false;
	evlist = formats_evlist(&config, AGGR_GLOBAL);
	TEST_ASSERT_VAL("evlist", evlist);
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_STREQ("CSV", out,
			  "3.00,msec,task-clock,3000000,100.00,2.000,CPUs utilized\n"
			  "50,,page-faults,3000000,100.00,16.667,K/sec\n"
			  "<not supported>,,cycles,0,100.00,,\n");
	free(out);

	/* -r adds the variance after the event name. */
	config.run_count = 3;
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_STREQ("CSV with -r", out,
			  "3.00,msec,task-clock,0.00%,3000000,100.00,2.000,CPUs utilized\n"
			  "50,,page-faults,0.00%,3000000,100.00,16.667,K/sec\n"
			  "<not supported>,,cycles,0.00%,0,100.00,,\n");
	free(out);
	config.run_count = 1;

	/* --summary marks the totals of an interval run. */
	config.summary = true;
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_VAL("summary column",
			out && !strncmp(out, "         summary,3.00,msec,task-clock,", 38));
	free(out);
	fake_evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

static int test__format_json(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_stat_config config;
	struct evlist *evlist;
	char *out;

	perf_stat_config__init(&config);
	config.json_output = true;
	evlist = formats_evlist(&config, AGGR_GLOBAL);
	TEST_ASSERT_VAL("evlist", evlist);
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_STREQ("JSON", out,
			  "{\"counter-value\" : \"3.000000\", \"unit\" : \"msec\", \"event\" : \"task-clock\", \"event-runtime\" : 3000000, \"pcnt-running\" : 100.00, \"metric-value\" : 2.000000, \"metric-unit\" : \"CPUs utilized\"}\n"
			  "{\"counter-value\" : \"50.000000\", \"unit\" : \"\", \"event\" : \"page-faults\", \"event-runtime\" : 3000000, \"pcnt-running\" : 100.00, \"metric-value\" : 16.666667, \"metric-unit\" : \"K/sec\"}\n"
			  "{\"counter-value\" : \"<not supported>\", \"unit\" : \"\", \"event\" : \"cycles\", \"event-runtime\" : 0, \"pcnt-running\" : 100.00, \"metric-value\" : 0.000000, \"metric-unit\" : \"\"}\n");
	free(out);
	fake_evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

static int test__format_aggr(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_stat_config config;
	struct evlist *evlist;
	char *out;

	perf_stat_config__init(&config);
	evlist = formats_evlist(&config, AGGR_NONE);
	TEST_ASSERT_VAL("evlist", evlist);
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_VAL("-A prefix", out && strstr(out,
		"\nCPU0                     2.00 msec task-clock                       #    1.333 CPUs utilized          \n"));
	TEST_ASSERT_VAL("-A unsupported per CPU", strstr(out,
		"\nCPU1          <not supported>      cycles                                                      \n"));
	free(out);

	config.csv_output = true;
	config.csv_sep = ",";
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_VAL("-A CSV", out && strstr(out, "CPU1,20,,page-faults,1000000,100.00,20.000,K/sec\n"));
	free(out);
	config.csv_output = false;
	config.csv_sep = " ";

	config.json_output = true;
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_VAL("-A JSON", out && strstr(out, "{\"cpu\" : \"1\", \"counter-value\" : \"20.000000\""));
	free(out);
	config.json_output = false;

	/* Metric-only: titles only in -A mode, blank cells for unsupported events. */
	config.metric_only = true;
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_VAL("metric-only", out && strstr(out,
		"\n                       GHz \nCPU0                            \n"));
	free(out);
	fake_evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

static int test__format_per_socket(struct test_suite *t __maybe_unused,
				   int subtest __maybe_unused)
{
	char *root = topology_root();
	struct perf_stat_config config;
	struct evlist *evlist;
	struct evsel *tc;
	char *out;
	int c;

	if (!root)
		return TEST_SKIP_REASON("no tests/data/sysfs/topology next to perf");
	perf_stat_config__init(&config);
	sysfs__set_mountpoint(root);
	evlist = fake_evlist(&config, AGGR_SOCKET, "0-7", false);
	sysfs__set_mountpoint(NULL);
	free(root);
	TEST_ASSERT_VAL("evlist", evlist);
	tc = evlist__first(evlist);
	for (c = 0; c < 8; c++)
		set_count(tc, c, 0, 1000000, 1000000, 1000000);
	stats__update(&config.walltime_nsecs_stats, 2e6);
	process_all(&config, evlist);
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_VAL("per-socket line", out && strstr(out,
		"\nS0        4               4.00 msec task-clock                       #    2.000 CPUs utilized          \n"));
	TEST_ASSERT_VAL("per-socket unsupported", strstr(out,
		"\nS1        1    <not supported>      cycles                                                      \n"));
	free(out);

	config.json_output = true;
	out = print_to_string(&config, evlist, NULL);
	TEST_ASSERT_VAL("per-socket JSON", out && strstr(out,
		"{\"socket\" : \"S1\", \"aggregate-number\" : 4, \"counter-value\" : \"4.000000\""));
	free(out);
	fake_evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

static int test__format_footer_runs(struct test_suite *t __maybe_unused,
				    int subtest __maybe_unused)
{
	struct perf_stat_config config;
	struct evlist *evlist = evlist__new();
	char *out;

	perf_stat_config__init(&config);
	TEST_ASSERT_VAL("evlist", evlist);
	config.run_count = 2;
	config.null_run = true;
	stats__update(&config.walltime_nsecs_stats, 3.0e6);
	stats__update(&config.walltime_nsecs_stats, 5.0e6);
	TEST_ASSERT_VAL("aggr", !perf_stat__setup_aggr(&config, NULL, NULL));
	out = print_to_string(&config, evlist, NULL);
	/* stddev 1 ms: three digits of uncertainty, shown with two more */
	TEST_ASSERT_STREQ("-r footer", out,
			  "\n Performance counter stats for 'system wide' (2 runs):\n\n"
			  "           0.00400 +- 0.00100 seconds time elapsed  ( +- 25.00% )\n\n");
	free(out);
	evlist__delete(evlist);
	perf_stat_config__exit(&config);
	return TEST_OK;
}

static struct test_case stat_tests[] = {
	TEST_CASE("mean and stddev of a known sequence", run_stats),
	TEST_CASE("scaling of multiplexed counts", scaling),
	TEST_CASE("-r: truncated means of runs", run_means),
	TEST_CASE("-I: deltas between readings", interval_deltas),
	TEST_CASE("topology from a fake sysfs", topology),
	TEST_CASE("per-socket buckets", buckets),
	TEST_CASE("shadow metrics", shadow),
	TEST_CASE("human and interval output", format_std),
	TEST_CASE("multiplexing percentage", format_multiplexed),
	TEST_CASE("CSV output", format_csv),
	TEST_CASE("JSON output", format_json),
	TEST_CASE("-A output", format_aggr),
	TEST_CASE("--per-socket output", format_per_socket),
	TEST_CASE("-r footer", format_footer_runs),
	{ .name = NULL, }
};

struct test_suite suite__stat = {
	.desc = "perf stat engine",
	.test_cases = stat_tests,
};
