/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stat-record: perf stat's counts as perf.data records, both ways.
 * `perf stat record` writes, after the attrs and their ids, the
 * EVENT_UPDATE records of units, scales and CPUs, the THREAD_MAP, CPU_MAP
 * and STAT_CONFIG records, then one STAT record per (cpu, thread) reading
 * of each counter and a STAT_ROUND after each interval and at the end.
 * `perf stat report` turns those records back into evsel->counts, the
 * maps and the aggregation set-up, so util/stat and util/stat-display
 * print them as perf stat did.
 *
 * The layouts are the reference's (6.1); the numbers the file gives the
 * aggregation modes are its enum, not ours (see aggr_mode__to_file()).
 *
 * Layer 2: depends on util/stat, util/synthetic-events, util/header
 * (struct perf_env), util/event.h, util/evlist, util/evsel, util/cpumap,
 * util/thread_map, util/cputopo.
 */
#ifndef PERF_UTIL_STAT_RECORD_H
#define PERF_UTIL_STAT_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "stat.h"

struct cpu_topo;
struct evlist;
struct evsel;
struct perf_env;
struct synth_ctx;

/* The STAT_CONFIG value of @mode: the reference numbers --per-node 7. */
uint64_t aggr_mode__to_file(enum aggr_mode mode);
/* And back; AGGR_MAX for a value we do not know (or the reference's "unset"). */
enum aggr_mode aggr_mode__from_file(uint64_t val);

/* ---- writing (perf stat record) ---- */

/*
 * Fill evsel->id/ids of every event of @evlist with the kernel's id of
 * each open fd (PERF_EVENT_IOC_ID), in (cpu idx, thread idx) order. A
 * tool event (duration_time, ...) has no fd: it gets the id of a dummy
 * software event opened and closed for the purpose, so the ids stay
 * unique, and own_cpus = the CPU it is counted on (0 for a per-task
 * count), which the reference records for it. Events that were not
 * opened get no id. Returns 0 or -errno.
 */
int perf_stat__read_ids(struct evlist *evlist);

/*
 * What goes before the counts: the EVENT_UPDATE records (names too with
 * @is_pipe), THREAD_MAP, CPU_MAP of the evlist, STAT_CONFIG of @config.
 * 0 or -errno from the writer.
 */
int perf_stat__synthesize_config(struct synth_ctx *s, const struct perf_stat_config *config,
				 struct evlist *evlist, bool is_pipe);

/*
 * One STAT record per (cpu, thread) reading in evsel->counts of every
 * event that has ids and was read: the raw, unscaled, cumulative values.
 * 0 or -errno.
 */
int perf_stat__synthesize_counts(struct synth_ctx *s, struct evlist *evlist);

/* ---- reading (perf stat report) ---- */

/*
 * The map of a THREAD_MAP record (@size bytes in all), comms included.
 * New reference, or NULL when the record is damaged or out of memory.
 */
struct perf_thread_map *thread_map__new_event(const struct perf_record_thread_map *ev,
					      size_t size);

/*
 * The map described by a CPU map payload (the body of CPU_MAP, or of an
 * EVENT_UPDATE of kind CPUS) of @size bytes: CPU list, bitmask or range.
 * New reference, or NULL when it does not parse or out of memory.
 */
struct perf_cpu_map *cpu_map__new_data(const void *data, size_t size);

/*
 * Apply a STAT_CONFIG record of @size bytes to @config (interval, scale);
 * its aggregation mode goes to *@mode (AGGR_MAX when absent or unknown).
 */
void perf_stat_config__read_event(struct perf_stat_config *config,
				  const struct perf_record_stat_config *ev, size_t size,
				  enum aggr_mode *mode);

/*
 * The topology of @cpus as the recording machine described it in @env
 * (HEADER_CPU_TOPOLOGY, HEADER_NUMA_TOPOLOGY), or NULL when @env has none
 * (a pipe: the caller reads this machine's) or out of memory.
 */
struct cpu_topo *cpu_topo__new_env(const struct perf_env *env,
				   const struct perf_cpu_map *cpus);

/*
 * Give the events of @evlist the maps of the recording: @cpus and
 * @threads, or their own_cpus within @cpus (an event whose own_cpus are
 * all outside @cpus was counted on the first of @cpus: the reference
 * records own_cpus {0} for duration_time even under -C 1), and room for
 * their counts. Returns 0 or -ENOMEM.
 */
int perf_stat__set_maps(struct evlist *evlist, struct perf_cpu_map *cpus,
			struct perf_thread_map *threads);

/*
 * Store the reading of a STAT record in @evsel->counts (sized by
 * perf_stat__set_maps()); @st->cpu is a CPU number, @st->thread an index.
 * Returns 0, or -EINVAL for a CPU or thread the event is not counted on.
 */
int evsel__store_stat(struct evsel *evsel, const struct perf_record_stat *st);

#endif /* PERF_UTIL_STAT_RECORD_H */
