/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Records perf writes for what existed before recording started: the
 * kernel map, the threads and their mappings (from /proc), the cpu and
 * thread maps, the id index. Readers resolve samples of already-running
 * processes (-p, -a) through them.
 *
 * Every synthesized kernel-style record carries the sample_id_all trailer
 * that the first event's sample_type asks for, so readers parse it like
 * the kernel's own records.
 *
 * Layer 2: depends on util/event.h, util/header.h (perf_event_write_fn),
 * util/evlist, util/cpumap, util/thread_map, util/fs.
 */
#ifndef PERF_UTIL_SYNTHETIC_EVENTS_H
#define PERF_UTIL_SYNTHETIC_EVENTS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "header.h"

struct evlist;
struct perf_cpu_map;
struct perf_thread_map;

/**
 * struct synth_ctx - where synthesized records go and how they look
 * @write:       called once per record
 * @ctx:         passed to @write
 * @sample_type: of the first event: decides the sample_id_all trailer
 * @id_all:      whether attr.sample_id_all is set (else no trailer)
 * @mmap_data:   also non-executable mappings (perf record -d)
 */
struct synth_ctx {
	perf_event_write_fn write;
	void *ctx;
	uint64_t sample_type;
	bool id_all;
	bool mmap_data;
};

/* Fill sample_type/id_all from @evlist's first event. */
void synth_ctx__init(struct synth_ctx *s, struct evlist *evlist,
		     perf_event_write_fn write, void *ctx);

/* MMAP of the kernel text ("[kernel.kallsyms]_text"), from /proc/kallsyms. */
int perf_event__synthesize_kernel_mmap(struct synth_ctx *s);
/* One MMAP per module of /proc/modules. Nothing when there are none. */
int perf_event__synthesize_modules(struct synth_ctx *s);

/* COMM of one task (the workload is "perf-exec" until it execs). */
int perf_event__synthesize_comm(struct synth_ctx *s, pid_t pid, pid_t tid,
				const char *comm);

/*
 * COMM, FORK (for threads other than the leader) and MMAP2 records of the
 * tasks in @threads, read from /proc; a task that exits meanwhile is
 * skipped. With @all, every process in /proc instead (perf record -a).
 */
int perf_event__synthesize_threads(struct synth_ctx *s,
				   struct perf_thread_map *threads, bool all);

/*
 * As perf_event__synthesize_threads() for @pid and every process that
 * descends from it (a workload's children). Returns 0 or -errno.
 */
int perf_event__synthesize_process_tree(struct synth_ctx *s, pid_t pid);

/*
 * LOST_SAMPLES: @lost samples of the event with @id were dropped (its
 * PERF_FORMAT_LOST count); the trailer follows @sample_type, that
 * event's, so readers attribute it.
 */
int perf_event__synthesize_lost_samples(struct synth_ctx *s, uint64_t sample_type,
					uint64_t id, uint64_t lost);

int perf_event__synthesize_thread_map(struct synth_ctx *s,
				      struct perf_thread_map *threads);
int perf_event__synthesize_cpu_map(struct synth_ctx *s, struct perf_cpu_map *cpus);

/* ID_INDEX: for every id of every event, its evsel index, cpu and tid. */
int perf_event__synthesize_id_index(struct synth_ctx *s, struct evlist *evlist);

int perf_event__synthesize_finished_init(struct synth_ctx *s);
int perf_event__synthesize_finished_round(struct synth_ctx *s);

/* ---- perf stat record ---- */

/*
 * EVENT_UPDATE records for the event whose first id is @id: its unit
 * ("msec"), scale (1e-6), name (pipe mode, where there is no
 * HEADER_EVENT_DESC) and the CPUs it counts on. 0 or -errno.
 */
int perf_event__synthesize_event_update_unit(struct synth_ctx *s, uint64_t id,
					     const char *unit);
int perf_event__synthesize_event_update_scale(struct synth_ctx *s, uint64_t id, double scale);
int perf_event__synthesize_event_update_name(struct synth_ctx *s, uint64_t id,
					     const char *name);
int perf_event__synthesize_event_update_cpus(struct synth_ctx *s, uint64_t id,
					     const struct perf_cpu_map *cpus);
/*
 * For every event of @evlist that has ids, in the reference's order: its
 * unit when set, its scale when not 1, its own_cpus when set, and with
 * @is_pipe its name. 0 or -errno.
 */
int perf_event__synthesize_extra_attr(struct synth_ctx *s, struct evlist *evlist,
				      bool is_pipe);
/*
 * STAT_CONFIG: @aggr_mode as the file numbers it (aggr_mode__to_file()),
 * the -I interval in ms (0: none), whether counts are scaled.
 */
int perf_event__synthesize_stat_config(struct synth_ctx *s, uint64_t aggr_mode,
				       uint64_t interval, bool scale);
/* STAT: the raw reading of id @id at CPU number @cpu and thread index @thread. */
int perf_event__synthesize_stat(struct synth_ctx *s, int cpu, uint32_t thread,
				uint64_t id, uint64_t val, uint64_t ena, uint64_t run);
/* STAT_ROUND: @type is PERF_STAT_ROUND_TYPE__INTERVAL or __FINAL; @time in ns. */
int perf_event__synthesize_stat_round(struct synth_ctx *s, uint64_t time, uint64_t type);

#endif /* PERF_UTIL_SYNTHETIC_EVENTS_H */
