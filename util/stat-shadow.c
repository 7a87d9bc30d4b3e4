// SPDX-License-Identifier: GPL-2.0
/* The derived metrics beside perf stat's counts. */
#include <stdio.h>

#include "evsel.h"
#include "stat.h"
#include "stat-shadow.h"

/* Thresholds (red, magenta, yellow) above which a percentage is colored. */
enum ratio_kind {
	RATIO_STALLED_FRONTEND,
	RATIO_STALLED_BACKEND,
	RATIO_CACHE_MISSES,
};

static const double ratio_thresholds[][3] = {
	[RATIO_STALLED_FRONTEND] = { 50.0, 30.0, 10.0 },
	[RATIO_STALLED_BACKEND]  = { 75.0, 50.0, 20.0 },
	[RATIO_CACHE_MISSES]     = { 20.0, 10.0, 5.0 },
};

static const char *ratio_color(enum ratio_kind kind, double ratio)
{
	const double *t = ratio_thresholds[kind];

	if (ratio > t[0])
		return STAT_COLOR_RED;
	if (ratio > t[1])
		return STAT_COLOR_MAGENTA;
	if (ratio > t[2])
		return STAT_COLOR_YELLOW;
	return NULL;
}

double perf_stat__convert_unit(double value, char *unit)
{
	static const char prefixes[] = "KMG";
	int i;

	*unit = ' ';
	for (i = 0; i < 3 && value > 1000.0; i++) {
		value /= 1000.0;
		*unit = prefixes[i];
	}
	return value;
}

static bool evsel__is_hw(const struct evsel *evsel, uint64_t config)
{
	return evsel__match(evsel, PERF_TYPE_HARDWARE, config);
}

static bool evsel__is_cache_miss(const struct evsel *evsel, int cache)
{
	return evsel__match(evsel, PERF_TYPE_HW_CACHE,
			    (uint64_t)cache |
			    ((uint64_t)PERF_COUNT_HW_CACHE_OP_READ << 8) |
			    ((uint64_t)PERF_COUNT_HW_CACHE_RESULT_MISS << 16));
}

/* A miss count against the accesses of the same cache. */
static const struct {
	int cache;
	enum stat_type accesses;
	const char *unit;
} miss_metrics[] = {
	{ PERF_COUNT_HW_CACHE_L1D, STAT_L1_DCACHE, "of all L1-dcache accesses" },
	{ PERF_COUNT_HW_CACHE_L1I, STAT_L1_ICACHE, "of all L1-icache accesses" },
	{ PERF_COUNT_HW_CACHE_DTLB, STAT_DTLB_CACHE, "of all dTLB cache accesses" },
	{ PERF_COUNT_HW_CACHE_ITLB, STAT_ITLB_CACHE, "of all iTLB cache accesses" },
	{ PERF_COUNT_HW_CACHE_LL, STAT_LL_CACHE, "of all LL-cache accesses" },
};

struct shadow_args {
	struct perf_stat_config *config;
	struct perf_stat_output_ctx *out;
	int bucket;
	int ctx;
};

static double shadow__avg(struct shadow_args *a, enum stat_type type)
{
	return runtime_stat__avg(&a->config->rt, a->bucket, a->ctx, type);
}

static bool shadow__counted(struct shadow_args *a, enum stat_type type)
{
	return runtime_stat__n(&a->config->rt, a->bucket, a->ctx, type) != 0;
}

static void shadow__print(struct shadow_args *a, const char *color, const char *fmt,
			  const char *unit, double val)
{
	a->out->print_metric(a->config, a->out->ctx, color, fmt, unit, val);
}

/* A percentage of @total, colored when alarming; empty when @total was not counted. */
static void shadow__print_pct(struct shadow_args *a, enum stat_type total_type,
			      double avg, const char *unit, enum ratio_kind kind)
{
	double total, ratio = 0.0;

	if (!shadow__counted(a, total_type)) {
		shadow__print(a, NULL, NULL, unit, 0);
		return;
	}
	total = shadow__avg(a, total_type);
	if (total)
		ratio = avg / total * 100.0;
	shadow__print(a, ratio_color(kind, ratio), "%7.2f%%", unit, ratio);
}

static void shadow__print_stalled(struct shadow_args *a, double avg, const char *unit,
				  enum ratio_kind kind)
{
	double total = shadow__avg(a, STAT_CYCLES), ratio = 0.0;

	if (total)
		ratio = avg / total * 100.0;
	shadow__print(a, ratio_color(kind, ratio), "%7.2f%%", unit, ratio);
}

static void shadow__print_instructions(struct shadow_args *a, double avg)
{
	double total = shadow__avg(a, STAT_CYCLES), stalled;

	if (total)
		shadow__print(a, NULL, "%7.2f ", "insn per cycle", avg / total);
	else
		shadow__print(a, NULL, NULL, "insn per cycle", 0);

	stalled = shadow__avg(a, STAT_STALLED_CYCLES_FRONT);
	if (shadow__avg(a, STAT_STALLED_CYCLES_BACK) > stalled)
		stalled = shadow__avg(a, STAT_STALLED_CYCLES_BACK);
	if (stalled && avg) {
		a->out->new_line(a->config, a->out->ctx);
		shadow__print(a, NULL, "%7.2f ", "stalled cycles per insn", stalled / avg);
	}
}

void perf_stat__print_shadow_stats(struct perf_stat_config *config,
				   struct evsel *evsel, double avg, int bucket,
				   struct perf_stat_output_ctx *out)
{
	struct shadow_args a = {
		.config = config,
		.out = out,
		.bucket = bucket,
		.ctx = evsel__stat_context(evsel),
	};
	double total;
	size_t i;

	if (evsel__is_hw(evsel, PERF_COUNT_HW_INSTRUCTIONS)) {
		shadow__print_instructions(&a, avg);
		return;
	}
	if (evsel__is_hw(evsel, PERF_COUNT_HW_BRANCH_MISSES)) {
		shadow__print_pct(&a, STAT_BRANCHES, avg, "of all branches",
				  RATIO_CACHE_MISSES);
		return;
	}
	for (i = 0; i < sizeof(miss_metrics) / sizeof(miss_metrics[0]); i++) {
		if (evsel__is_cache_miss(evsel, miss_metrics[i].cache)) {
			shadow__print_pct(&a, miss_metrics[i].accesses, avg,
					  miss_metrics[i].unit, RATIO_CACHE_MISSES);
			return;
		}
	}
	if (evsel__is_hw(evsel, PERF_COUNT_HW_CACHE_MISSES)) {
		double ratio = 0.0;

		/* Uncolored, and with a wider format: the reference's quirk. */
		total = shadow__avg(&a, STAT_CACHEREFS);
		if (total)
			ratio = avg * 100 / total;
		if (shadow__counted(&a, STAT_CACHEREFS))
			shadow__print(&a, NULL, "%8.3f %%", "of all cache refs", ratio);
		else
			shadow__print(&a, NULL, NULL, "of all cache refs", 0);
		return;
	}
	if (evsel__is_hw(evsel, PERF_COUNT_HW_STALLED_CYCLES_FRONTEND)) {
		shadow__print_stalled(&a, avg, "frontend cycles idle", RATIO_STALLED_FRONTEND);
		return;
	}
	if (evsel__is_hw(evsel, PERF_COUNT_HW_STALLED_CYCLES_BACKEND)) {
		shadow__print_stalled(&a, avg, "backend cycles idle", RATIO_STALLED_BACKEND);
		return;
	}
	if (evsel__is_hw(evsel, PERF_COUNT_HW_CPU_CYCLES)) {
		total = shadow__avg(&a, STAT_NSECS);
		if (total)
			shadow__print(&a, NULL, "%8.3f", "GHz", avg / total);
		else	/* sic: scripts match the reference's spelling */
			shadow__print(&a, NULL, NULL, "Ghz", 0);
		return;
	}
	if (evsel__is_clock(evsel)) {
		double wall = stats__avg(&config->walltime_nsecs_stats);

		if (wall)
			shadow__print(&a, NULL, "%8.3f", "CPUs utilized",
				      avg / (wall * evsel->scale));
		else
			shadow__print(&a, NULL, NULL, "CPUs utilized", 0);
		return;
	}
	if (shadow__counted(&a, STAT_NSECS)) {
		char unit = ' ', unit_buf[10] = "/sec";
		double ratio = 0.0;

		total = shadow__avg(&a, STAT_NSECS);
		if (total)
			ratio = perf_stat__convert_unit(1000000000.0 * avg / total, &unit);
		if (unit != ' ')
			snprintf(unit_buf, sizeof(unit_buf), "%c/sec", unit);
		shadow__print(&a, NULL, "%8.3f", unit_buf, ratio);
		return;
	}
	shadow__print(&a, NULL, NULL, NULL, 0);
}
