/* SPDX-License-Identifier: GPL-2.0 */
/*
 * evsel: one event. Its perf_event_attr, its name as the user wrote it,
 * its group leader, and the fds it is open on (one per cpu x thread).
 *
 * Layer 1: depends on perf-sys.h, util/cpumap, util/thread_map,
 * util/xyarray, util/list, util/pmu, util/parse-events (tool events).
 */
#ifndef PERF_UTIL_EVSEL_H
#define PERF_UTIL_EVSEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <linux/perf_event.h>

#include "list.h"
#include "parse-events.h"

struct perf_cpu_map;
struct perf_thread_map;
struct perf_pmu;
struct target;
struct xyarray;

/* Per-event settings from pmu/.../ terms that override record options. */
enum evsel_term_type {
	EVSEL__CONFIG_TERM_PERIOD,
	EVSEL__CONFIG_TERM_FREQ,
	EVSEL__CONFIG_TERM_TIME,
	EVSEL__CONFIG_TERM_CALLGRAPH,
	EVSEL__CONFIG_TERM_STACK_USER,
	EVSEL__CONFIG_TERM_INHERIT,
	EVSEL__CONFIG_TERM_MAX_STACK,
	EVSEL__CONFIG_TERM_MAX_EVENTS,
	EVSEL__CONFIG_TERM_OVERWRITE,
	EVSEL__CONFIG_TERM_DRV_CFG,
	EVSEL__CONFIG_TERM_BRANCH,
	EVSEL__CONFIG_TERM_PERCORE,
	EVSEL__CONFIG_TERM_AUX_OUTPUT,
	EVSEL__CONFIG_TERM_AUX_SAMPLE_SIZE,
	EVSEL__CONFIG_TERM_CFG_CHG,
};

/**
 * struct evsel_config_term - one such setting
 * @val.num: numbers and booleans; @val.str: call-graph, branch_type, ...
 */
struct evsel_config_term {
	struct list_head list;
	enum evsel_term_type type;
	union {
		uint64_t num;
		char *str;
	} val;
	bool free_str;
};

/* One counter reading: value, time enabled, time running. */
struct perf_counts_values {
	uint64_t val;
	uint64_t ena;
	uint64_t run;
};

/**
 * struct evsel - one event
 * @node:        position in the evlist
 * @idx:         index in the evlist, from 0
 * @name:        the event as written ("cycles:u", "sched:sched_switch"),
 *               or from name=; never NULL once parsed
 * @leader:      group leader; points to itself for a leader or a lone event
 * @nr_members:  events in this leader's group, itself included
 * @group_name:  for "name{a,b}" groups
 * @pmu:         the PMU this event is on, when it came from pmu/.../ or a
 *               sysfs alias; NULL for generic events
 * @tool_event:  duration_time etc.: counted by perf, never opened
 * @unit, @scale: from the sysfs alias (.unit/.scale); scale 1.0 otherwise
 * @precise_max: 'P' modifier: use the highest precise_ip that opens
 * @weak_group:  'W' modifier: break the group up if it cannot be scheduled
 * @exclude_GH:  G or H was given, so exclude_guest/host are the user's
 * @own_cpus:    the PMU's cpumask (uncore PMUs count on one CPU per socket)
 * @cpus, @threads: where it is opened (references)
 * @fd:          int per (cpu idx, thread idx); -1 when not open
 * @counts:      struct perf_counts_values per (cpu idx, thread idx)
 * @id:          sample ids when read_format has PERF_FORMAT_ID
 * @filter:      tracepoint filter from --filter
 * @config_terms: struct evsel_config_term list
 * @supported:   opened at least once
 * @open_errno:  errno of the last failed open (0 when it opened)
 */
struct evsel {
	struct list_head node;
	struct perf_event_attr attr;
	int idx;
	char *name;
	struct evsel *leader;
	int nr_members;
	char *group_name;
	struct perf_pmu *pmu;
	enum tool_event tool_event;
	const char *unit;
	double scale;
	bool per_pkg;
	bool snapshot;
	bool precise_max;
	bool weak_group;
	bool exclude_GH;
	bool sample_read;
	struct perf_cpu_map *own_cpus;
	struct perf_cpu_map *cpus;
	struct perf_thread_map *threads;
	struct xyarray *fd;
	struct xyarray *counts;
	uint64_t *id;
	int ids;
	char *filter;
	struct list_head config_terms;
	bool supported;
	int open_errno;
	void *priv;
};

/*
 * A new event with a copy of @attr (its size field set), named NULL until
 * the caller sets it, leader = itself, scale 1.0. NULL if out of memory.
 */
struct evsel *evsel__new(const struct perf_event_attr *attr);
/* Close and free. NULL is a no-op. */
void evsel__delete(struct evsel *evsel);

/* The name to print; "unknown" for an unnamed event. Never NULL. */
const char *evsel__name(struct evsel *evsel);
/* Set the name (copied). 0 or -ENOMEM. */
int evsel__set_name(struct evsel *evsel, const char *name);

static inline bool evsel__is_group_leader(const struct evsel *evsel)
{
	return evsel->leader == evsel;
}

static inline bool evsel__is_tool(const struct evsel *evsel)
{
	return evsel->tool_event != TOOL_EVENT_NONE;
}

/* Whether the event is the generic @type/@config one. */
static inline bool evsel__match(const struct evsel *evsel, uint32_t type,
				uint64_t config)
{
	return evsel->attr.type == type && evsel->attr.config == config;
}

/*
 * Open the event on every (cpu, thread) pair of @cpus x @threads (NULL
 * means the "any" cpu map / the dummy thread map). Group members are
 * opened with their leader's fd, so the leader must be opened first.
 * Returns 0, or a negative errno with nothing of this evsel left open;
 * the errno is also kept in evsel->open_errno.
 */
int evsel__open(struct evsel *evsel, struct perf_cpu_map *cpus,
		struct perf_thread_map *threads);
/* Close every fd; safe to call twice. */
void evsel__close(struct evsel *evsel);

/* ioctl ENABLE/DISABLE/RESET on every fd. 0 or -errno. */
int evsel__enable(struct evsel *evsel);
int evsel__disable(struct evsel *evsel);

/* The fd for (cpu idx, thread idx), -1 if not open. */
int evsel__fd(struct evsel *evsel, int cpu_idx, int thread_idx);

/*
 * Read the counter at (cpu idx, thread idx) into evsel->counts; handles
 * the read_format the attr asked for (without PERF_FORMAT_GROUP).
 * Returns 0 or -errno.
 */
int evsel__read_counter(struct evsel *evsel, int cpu_idx, int thread_idx);

/* The stored reading for (cpu idx, thread idx); NULL if out of range. */
struct perf_counts_values *evsel__counts(struct evsel *evsel, int cpu_idx,
					 int thread_idx);

/*
 * After a failed open: try what the reference tries, in its order, and
 * return true when @evsel was changed so that opening again may work,
 * with the note for the user in @msg (e.g. cycles -> cpu-clock, exclude
 * the kernel when perf_event_paranoid forbids it, lower precise_ip).
 */
bool evsel__fallback(struct evsel *evsel, int err, char *msg, size_t msgsize);

/*
 * After a failed open that no fallback fixed: remove attr bits that
 * older kernels reject (EINVAL) and return true if one was removed, so
 * the caller retries. Remembered for the later events of this run.
 */
bool evsel__detect_missing_features(struct evsel *evsel, int err);

/*
 * Explain a failed open: EACCES/EPERM with the perf_event_paranoid
 * levels and capabilities, EMFILE with the fd limit, ENOENT/ENODEV/
 * EOPNOTSUPP as not supported, EBUSY as another user of the PMU, ...
 * Writes the text (several lines for paranoid) into @buf; returns its
 * length. @target may be NULL (then the system-wide hints are general).
 */
int evsel__open_strerror(struct evsel *evsel, struct target *target, int err,
			 char *buf, size_t size);

/* Add a config term; @str is copied when non-NULL. 0 or -ENOMEM. */
int evsel__add_config_term(struct evsel *evsel, enum evsel_term_type type,
			   uint64_t num, const char *str);
/* The last config term of @type, or NULL. */
struct evsel_config_term *evsel__get_config_term(struct evsel *evsel,
						 enum evsel_term_type type);

/*
 * Print the attr in the reference's -vv layout ("perf_event_attr:" then
 * "  %-32s %s" lines for the fields that are set) to @fp.
 */
void perf_event_attr__fprintf(FILE *fp, const struct perf_event_attr *attr);

/* ---- perf.data reader additions (util/attr-fprintf.c) ---- */

/* Called per attr field that is set, with its name and formatted value. */
typedef int (*attr__fprintf_f)(FILE *fp, const char *name, const char *val,
			       void *priv);

/*
 * Walk the fields of @attr that are non-zero, in the reference's order
 * and with its formatting (sample_type as "IP|TID|TIME", hex for config
 * and masks), calling @cb for each; the layout around them ("name = val"
 * for the header, "name: val" for perf evlist -v) is the caller's.
 * Returns the sum of @cb's return values.
 */
int perf_event_attr__fprintf_cb(FILE *fp, const struct perf_event_attr *attr,
				attr__fprintf_f cb, void *priv);

/* ---- perf stat's additions ---- */

/*
 * Set the tracepoint filter @filter on every open fd of @evsel.
 * Returns 0 or -errno (EINVAL: the kernel rejected the expression).
 */
int evsel__apply_filter(struct evsel *evsel, const char *filter);

/*
 * Open @evsel on each CPU of @cpus, counting only tasks of the cgroup
 * whose directory is open as @cgroup_fd (PERF_FLAG_PID_CGROUP); the fds
 * take the thread slot 0. Returns 0 or -errno with nothing left open.
 */
int evsel__open_cgroup(struct evsel *evsel, struct perf_cpu_map *cpus, int cgroup_fd);

#endif /* PERF_UTIL_EVSEL_H */
