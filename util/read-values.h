/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-thread counter values from the READ records that `perf record -s`
 * (inherit_stat) leaves when each thread exits: what `perf report -T`
 * prints after the profile. One row per thread, one column per counter,
 * in the order they first appear; a thread's reads from several cpus add
 * up.
 *
 * Layer 1: no dependency but libc.
 */
#ifndef PERF_UTIL_READ_VALUES_H
#define PERF_UTIL_READ_VALUES_H

#include <stdint.h>
#include <stdio.h>

struct read_values_thread {
	int pid, tid;
	uint64_t *values;	/* one per counter, nr_counters long */
};

struct read_values {
	struct read_values_thread *threads;
	size_t nr_threads, threads_alloc;
	const char **names;	/* counter names, not owned */
	uint64_t *ids;		/* whatever identifies a counter to the caller */
	size_t nr_counters;
	size_t thread_hint;	/* the last thread added to: reads come in runs */
};

/* Add @value to thread @pid/@tid's counter @id (named @name). 0 or -ENOMEM. */
int read_values__add(struct read_values *rv, int pid, int tid, uint64_t id,
		     const char *name, uint64_t value);

/*
 * The table as the reference prints it: "#   PID    TID  name..." and a
 * line per thread, the columns as wide as their widest value.
 */
void read_values__fprintf(const struct read_values *rv, FILE *fp);

void read_values__exit(struct read_values *rv);

#endif /* PERF_UTIL_READ_VALUES_H */
