/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stat-shadow: the metrics perf stat prints beside a count ("# 1.23 insn
 * per cycle", "# 0.98 CPUs utilized", "# 12.3 K/sec"), computed from the
 * runtime statistics util/stat gathered for the same bucket and context.
 * A metric whose inputs were not counted is reported without a format,
 * so each output format can print its empty column.
 *
 * Layer 4: depends on util/stat and util/evsel; prints nothing itself,
 * it calls the printer it is given.
 */
#ifndef PERF_UTIL_STAT_SHADOW_H
#define PERF_UTIL_STAT_SHADOW_H

#include <stdbool.h>

struct evsel;
struct perf_stat_config;

/*
 * Called once per metric. @fmt is a printf format for @val, or NULL when
 * the metric cannot be computed (then @unit may still name it, or be NULL
 * when the event has no metric at all). @color is an ANSI color for
 * alarming ratios, or NULL.
 */
typedef void (*stat_print_metric_fn)(struct perf_stat_config *config, void *ctx,
				     const char *color, const char *fmt,
				     const char *unit, double val);
/* Called before a second metric of the same event (it goes on a new line). */
typedef void (*stat_new_line_fn)(struct perf_stat_config *config, void *ctx);

struct perf_stat_output_ctx {
	void *ctx;
	stat_print_metric_fn print_metric;
	stat_new_line_fn new_line;
};

/* Colors of alarming ratios, as perf's color.h spells them. */
#define STAT_COLOR_RED		"\033[31m"
#define STAT_COLOR_MAGENTA	"\033[35m"
#define STAT_COLOR_YELLOW	"\033[33m"
#define STAT_COLOR_RESET	"\033[m"

/*
 * Report the metrics of @evsel, whose value this round is @avg (already
 * multiplied by its scale), in aggregation bucket @bucket, through @out.
 * Always calls print_metric at least once.
 */
void perf_stat__print_shadow_stats(struct perf_stat_config *config,
				   struct evsel *evsel, double avg, int bucket,
				   struct perf_stat_output_ctx *out);

/*
 * Scale a rate to K, M or G for the "/sec" metric: returns the scaled
 * value and stores the prefix letter (or ' ') in *@unit.
 */
double perf_stat__convert_unit(double value, char *unit);

#endif /* PERF_UTIL_STAT_SHADOW_H */
