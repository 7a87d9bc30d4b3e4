/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stat: perf stat's arithmetic. Turns the raw readings left in
 * evsel->counts into this round's values (deltas for -I, scaled for
 * multiplexing), sums them per aggregation bucket (--per-socket, -A, ...),
 * keeps the per-run statistics for -r, and the "runtime" statistics the
 * shadow metrics divide by (nanoseconds, cycles, branches, ...).
 *
 * Pure: no fds, no printing, so every step is unit-tested on synthetic
 * counts (tests/stat.c). Reading the kernel is the builtin's job,
 * printing is util/stat-display's, the metrics are util/stat-shadow's.
 *
 * Layer 1: depends on util/evsel, util/evlist, util/cpumap,
 * util/thread_map, util/cputopo, util/xyarray.
 */
#ifndef PERF_UTIL_STAT_H
#define PERF_UTIL_STAT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/resource.h>

#include "evsel.h"

struct evlist;
struct perf_cpu_map;
struct perf_thread_map;
struct cpu_topo;
struct xyarray;

/*
 * Running mean and variance of a series (Welford's method, stable for
 * long series of large numbers).
 */
struct stats {
	double n, mean, M2;
};

void stats__init(struct stats *s);
void stats__update(struct stats *s, double val);
double stats__avg(const struct stats *s);
/*
 * The standard error of the mean, sqrt(variance / n), which is what perf
 * stat calls the stddev in "( +- x% )". 0 for fewer than two values.
 */
double stats__stddev(const struct stats *s);
/* 100 * @stddev / @avg, 0 when @avg is 0: the "+- x.xx%" figure. */
double stats__rel_pct(double stddev, double avg);

/* How counts are summed before printing. */
enum aggr_mode {
	AGGR_NONE,	/* -A: one line per CPU */
	AGGR_GLOBAL,	/* the default: one line per event */
	AGGR_SOCKET,
	AGGR_DIE,
	AGGR_CORE,
	AGGR_THREAD,	/* --per-thread: one line per task */
	AGGR_NODE,
	AGGR_MAX,
};

/*
 * struct aggr_cpu_id - what identifies one aggregation bucket; the
 * fields that do not matter for the mode are -1
 */
struct aggr_cpu_id {
	int thread_idx;
	int node;
	int socket;
	int die;
	int core;
	int cpu;
};

/** struct aggr_map - the buckets of the aggregation mode, in print order */
struct aggr_map {
	int nr;
	struct aggr_cpu_id ids[];
};

/* The values the shadow metrics need, per bucket and event context. */
enum stat_type {
	STAT_NONE,
	STAT_NSECS,
	STAT_CYCLES,
	STAT_STALLED_CYCLES_FRONT,
	STAT_STALLED_CYCLES_BACK,
	STAT_BRANCHES,
	STAT_CACHEREFS,
	STAT_L1_DCACHE,
	STAT_L1_ICACHE,
	STAT_LL_CACHE,
	STAT_ITLB_CACHE,
	STAT_DTLB_CACHE,
	STAT_MAX,
};

struct runtime_stat_entry {
	int ctx;
	struct stats stats[STAT_MAX];
};

/** struct runtime_stat - per bucket, a small list of contexts seen */
struct runtime_stat {
	int nr_buckets;
	struct runtime_stat_bucket {
		int nr;
		struct runtime_stat_entry *entries;
	} *buckets;
};

/**
 * struct perf_stat_aggr - one bucket's value for this round
 * @val, @ena, @run: scaled count, time enabled, time running; ena or run
 *              0 means "not counted"
 * @nr:         CPUs summed. As in the reference, counting stops at the
 *              first CPU that did not count (then the whole bucket is
 *              "not counted"), so an unsupported event shows 1.
 */
struct perf_stat_aggr {
	uint64_t val;
	uint64_t ena;
	uint64_t run;
	int nr;
};

/**
 * struct perf_stat_evsel - perf stat's state of one event (evsel->priv)
 * @res_stats:  val, ena and run of each run, for -r (global mode)
 * @prev_aggr:  raw sum at the previous read, for -I deltas (global mode)
 * @prev_raw:   raw per (cpu, thread) at the previous read (other modes);
 *              NULL when deltas are not wanted
 * @values:     this round's per (cpu, thread) values, delta'd and scaled
 * @aggr:       this round's value per bucket of config->aggr_map
 * @scaled:     global mode: -1 when it never ran, 1 when multiplexed
 * @supported:  it was opened (or is a tool event); "<not supported>"
 *              otherwise
 * @read_failed: the last read failed (the reference then skips it)
 * @cgroup:     the -G cgroup name to print, or NULL
 * @cgroup_idx: its index, to keep metrics of different cgroups apart
 */
struct perf_stat_evsel {
	struct stats res_stats[3];
	struct perf_counts_values prev_aggr;
	struct xyarray *prev_raw;
	struct xyarray *values;
	struct perf_stat_aggr *aggr;
	int nr_aggr;
	int scaled;
	bool supported;
	bool read_failed;
	const char *cgroup;
	int cgroup_idx;
};

static inline struct perf_stat_evsel *evsel__stat(const struct evsel *evsel)
{
	return evsel->priv;
}

/**
 * struct perf_stat_config - what perf stat counts and how it prints
 * @aggr_mode:   bucket layout; @aggr_map the buckets (NULL for THREAD
 *               until perf_stat__setup_aggr())
 * @topo:        topology of @cpus, for the --per-* modes (owned)
 * @cpus, @threads: the evlist's maps (references)
 * @scale:       scale multiplexed counts (--no-scale turns it off)
 * @interval:    -I milliseconds; deltas are computed when non-zero
 * @run_count:   -r; 0 means forever
 * @walltime_nsecs_stats: elapsed time of each run (or the interval)
 * @ru_data:     the workload's rusage for the user/sys footer
 * @walltime_run: elapsed time of each run for --table (owned)
 * @rt:          runtime statistics for the shadow metrics
 * @output:      where the counts go (stderr by default)
 * @csv_sep:     -x separator (" " when not CSV)
 * @unit_width:  width of the unit column (4)
 * @metric_only_len: width of one --metric-only column (20)
 * @print_free_counters_hint: an event was counted but never ran
 * @nmi_watchdog: the NMI watchdog holds a counter (the hint is shown then)
 * @num_print_interval: interval lines printed since the last header
 */
struct perf_stat_config {
	enum aggr_mode aggr_mode;
	struct aggr_map *aggr_map;
	struct cpu_topo *topo;
	struct perf_cpu_map *cpus;
	struct perf_thread_map *threads;
	bool scale;
	bool csv_output;
	bool json_output;
	bool metric_only;
	bool big_num;
	bool null_run;
	bool ru_display;
	bool summary;
	bool no_csv_summary;
	bool interval_clear;
	bool use_color;
	bool walltime_run_table;
	bool system_wide_per_thread;
	unsigned int interval;
	int run_count;
	struct stats walltime_nsecs_stats;
	struct rusage ru_data;
	uint64_t *walltime_run;
	struct runtime_stat rt;
	FILE *output;
	const char *csv_sep;
	int unit_width;
	int metric_only_len;
	bool print_free_counters_hint;
	bool print_mixed_hw_group_error;
	bool nmi_watchdog;
	int num_print_interval;
	int num_print_metric_headers;
};

/* Defaults: global aggregation, scaling on, one run, big numbers, stderr. */
void perf_stat_config__init(struct perf_stat_config *config);
/* Free what init and setup allocated (not the output FILE). */
void perf_stat_config__exit(struct perf_stat_config *config);

/*
 * The bucket of each CPU for @mode, from @topo (NULL is fine for GLOBAL,
 * NONE and THREAD): ids sorted by node, socket, die, core, cpu, without
 * duplicates. THREAD has one bucket per thread of @threads. Returns a
 * new map or NULL when out of memory.
 */
struct aggr_map *aggr_map__new(enum aggr_mode mode, const struct perf_cpu_map *cpus,
			       const struct perf_thread_map *threads,
			       const struct cpu_topo *topo);
/* The aggregation id of @cpu for @mode. */
struct aggr_cpu_id aggr_cpu_id__get(enum aggr_mode mode, int cpu,
				    const struct cpu_topo *topo);
bool aggr_cpu_id__equal(const struct aggr_cpu_id *a, const struct aggr_cpu_id *b);

/*
 * Take @cpus and @threads (new references), build the topology when the
 * mode needs it and the bucket map. 0 or -ENOMEM.
 */
int perf_stat__setup_aggr(struct perf_stat_config *config,
			  struct perf_cpu_map *cpus,
			  struct perf_thread_map *threads);
/*
 * The same with the topology of @cpus given (perf stat report: the
 * recording machine's), taken over in every case; NULL reads this
 * machine's when the mode needs one.
 */
int perf_stat__setup_aggr_topo(struct perf_stat_config *config,
			       struct perf_cpu_map *cpus,
			       struct perf_thread_map *threads,
			       struct cpu_topo *topo);

/*
 * Give every event of @evlist its struct perf_stat_evsel (evsel->priv),
 * sized for the evsel's maps; with @deltas, room for the previous raw
 * readings too (-I). 0 or -ENOMEM. Safe to call again after the maps
 * changed (the state is reallocated).
 */
int perf_stat__alloc_evlist(struct perf_stat_config *config, struct evlist *evlist,
			    bool deltas);
/* Free every evsel->priv allocated above. */
void perf_stat__free_evlist(struct evlist *evlist);

/*
 * Forget the previous readings (a new run reopens the counters, so its
 * readings start from zero again).
 */
void perf_stat__reset_prev(struct evlist *evlist);

/*
 * Turn @evsel's raw readings (evsel->counts, for every cpu x thread of
 * evsel->cpus x evsel->threads) into this round's bucket values:
 * subtract the previous reading when config->interval is set, scale
 * multiplexed counts when config->scale, sum per bucket, record the run
 * in res_stats (global mode) and feed the runtime statistics. An event
 * that is not supported or whose read failed gets empty buckets.
 * Returns 0 or -ENOMEM.
 */
int perf_stat__process_counter(struct perf_stat_config *config, struct evsel *evsel);

/*
 * After the last of several runs (-r): the global bucket of every event
 * becomes the mean of its runs, truncated to an integer as the reference
 * does (so "+- x%" is relative to that integer).
 */
void perf_stat__use_run_means(struct perf_stat_config *config, struct evlist *evlist);

/* ---- runtime statistics (inputs of the shadow metrics) ---- */

/* The context an event's metrics are matched in: its exclude_* bits and cgroup. */
int evsel__stat_context(const struct evsel *evsel);
/* Which runtime statistic @evsel feeds, STAT_NONE if none. */
enum stat_type evsel__stat_type(const struct evsel *evsel);
/* task-clock or cpu-clock. */
bool evsel__is_clock(const struct evsel *evsel);

/* Size the table for @nr buckets and empty it. 0 or -ENOMEM. */
int runtime_stat__init(struct runtime_stat *rt, int nr);
void runtime_stat__exit(struct runtime_stat *rt);
/* Empty every statistic (each -I interval starts afresh). */
void runtime_stat__reset(struct runtime_stat *rt);
/* Add @val to statistic @type of @bucket in context @ctx. */
void runtime_stat__update(struct runtime_stat *rt, int bucket, int ctx,
			  enum stat_type type, double val);
/* Mean of that statistic, 0 if it never got a value. */
double runtime_stat__avg(const struct runtime_stat *rt, int bucket, int ctx,
			 enum stat_type type);
/* How many values that statistic got. */
double runtime_stat__n(const struct runtime_stat *rt, int bucket, int ctx,
		       enum stat_type type);

#endif /* PERF_UTIL_STAT_H */
