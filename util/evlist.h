/* SPDX-License-Identifier: GPL-2.0 */
/*
 * evlist: the set of events a command works with, in the order given, with
 * their groups, the CPUs and threads they are opened on, and the helpers
 * that act on all of them (open, enable, disable, close).
 *
 * Layer 1: depends on util/evsel, util/cpumap, util/thread_map.
 */
#ifndef PERF_UTIL_EVLIST_H
#define PERF_UTIL_EVLIST_H

#include <stdbool.h>
#include <stddef.h>
#include "list.h"

struct evsel;
struct perf_cpu_map;
struct perf_thread_map;
struct target;

/**
 * struct evlist - the events of one command
 * @entries:    struct evsel list, in command-line order
 * @nr_entries: number of evsels
 * @nr_groups:  groups with more than one member
 * @cpus, @threads: where events without their own cpumask are opened
 */
struct evlist {
	struct list_head entries;
	int nr_entries;
	int nr_groups;
	struct perf_cpu_map *cpus;
	struct perf_thread_map *threads;
	/* The command perf runs (record, stat): held until started. */
	struct {
		int pid;	/* 0 when there is none */
		int cork_fd;	/* write end of the go pipe */
		int err_fd;	/* read end of the exec-error pipe */
	} workload;
};

/*
 * Fork @argv as the workload and hold it before exec until
 * evlist__start_workload(), so counters can be set up on its pid first.
 * The child calls itself "perf-exec" until it execs. Returns 0 or -errno.
 */
int evlist__prepare_workload(struct evlist *evlist, const char *argv[]);
/* Let the workload exec. 0 or -errno. */
int evlist__start_workload(struct evlist *evlist);
/*
 * After start: the errno of a failed exec (ENOENT for a missing command),
 * or 0 once the exec went through. Blocks until one of the two happened.
 */
int evlist__workload_exec_error(struct evlist *evlist);

/* An empty evlist; NULL if out of memory. */
struct evlist *evlist__new(void);
/* Close and free every evsel, then the list. NULL is a no-op. */
void evlist__delete(struct evlist *evlist);

/* Append @evsel (the evlist takes ownership) and number it. */
void evlist__add(struct evlist *evlist, struct evsel *evsel);
/* Remove @evsel without freeing it. */
void evlist__remove(struct evlist *evlist, struct evsel *evsel);
/* Move all events of @list (a list_head of evsels) to the end of @evlist. */
void evlist__splice_list_tail(struct evlist *evlist, struct list_head *list);

struct evsel *evlist__first(struct evlist *evlist);
struct evsel *evlist__last(struct evlist *evlist);

static inline bool evlist__empty(const struct evlist *evlist)
{
	return list_empty(&evlist->entries);
}

#define evlist__for_each_entry(evlist, evsel) \
	list_for_each_entry(evsel, &(evlist)->entries, node)
#define evlist__for_each_entry_safe(evlist, tmp, evsel) \
	list_for_each_entry_safe(evsel, tmp, &(evlist)->entries, node)

/* The event named @name, or NULL. */
struct evsel *evlist__find_evsel_by_str(struct evlist *evlist, const char *name);

/*
 * Make @leader lead the @nr events that start at it (they must follow it
 * in the list). Counts the group in nr_groups when nr > 1.
 */
void evlist__set_leader(struct evlist *evlist, struct evsel *leader, int nr);

/*
 * Set where events are opened: takes new references on @cpus and
 * @threads (either may be NULL). Events with their own cpumask (uncore)
 * keep it, narrowed to @cpus when both are real CPU lists.
 */
void evlist__set_maps(struct evlist *evlist, struct perf_cpu_map *cpus,
		      struct perf_thread_map *threads);

/*
 * Build the cpu and thread maps for @target (-p/-t/-u/-a/-C): per-task
 * events get the "any CPU" map, per-CPU ones the dummy thread map.
 * Returns 0, -EINVAL for a bad -C list (message printed), -ESRCH when a
 * task does not exist, -ENOMEM.
 */
int evlist__create_maps(struct evlist *evlist, struct target *target);

/*
 * Open every event (leaders before members) on the evlist's maps.
 * Returns 0, or the negative errno of the first event that failed; that
 * event is stored in *@failed when @failed is non-NULL. Fallbacks are
 * the caller's business (it knows which notes to print).
 */
int evlist__open(struct evlist *evlist, struct evsel **failed);
void evlist__close(struct evlist *evlist);
int evlist__enable(struct evlist *evlist);
int evlist__disable(struct evlist *evlist);

/* Apply @fn-style defaults: every evsel gets @read_format etc. */
void evlist__config_read_format(struct evlist *evlist, unsigned long long read_format);

#endif /* PERF_UTIL_EVLIST_H */
