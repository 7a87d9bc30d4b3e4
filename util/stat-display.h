/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stat-display: perf stat's output, in the reference's layouts: the human
 * table (with its 18-column counts, units, names and "#" metric column),
 * CSV (-x SEP), JSON (-j), interval lines (-I), --metric-only, the
 * per-CPU/core/die/socket/node/thread prefixes, the "( +- x% )" noise
 * column of -r and the elapsed/user/sys footer.
 *
 * It reads only what util/stat computed (evsel->priv buckets, the run
 * statistics) and the evlist's names and maps: no fds, so each format is
 * unit-tested from synthetic counts.
 *
 * Layer 4: depends on util/stat, util/stat-shadow, util/evlist,
 * util/evsel, util/target, util/thread_map.
 */
#ifndef PERF_UTIL_STAT_DISPLAY_H
#define PERF_UTIL_STAT_DISPLAY_H

#include <time.h>

struct evlist;
struct perf_stat_config;
struct target;

/*
 * Print one report of every event of @evlist to config->output. @ts is
 * the time since the start for an interval line (-I), NULL for the final
 * report, which gets the "Performance counter stats for ..." header (from
 * @target and the workload's @argc/@argv) and the footer.
 */
void perf_stat__print_counters(struct perf_stat_config *config,
			       struct evlist *evlist, const struct target *target,
			       const struct timespec *ts, int argc, const char **argv);

#endif /* PERF_UTIL_STAT_DISPLAY_H */
