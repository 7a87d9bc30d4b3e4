/* SPDX-License-Identifier: GPL-2.0 */
/*
 * comm: one name a thread had from a point in time on (COMM records,
 * exec). A thread keeps its comms newest first; comm strings are shared
 * (interned) so that equal names are the same pointer, which lets hists
 * compare comms by pointer.
 *
 * Layer 3: depends on libc only.
 */
#ifndef PERF_UTIL_COMM_H
#define PERF_UTIL_COMM_H

#include <stdbool.h>
#include <stdint.h>

#include "list.h"

/**
 * struct comm - a name from @start (sample time) on
 * @exec: set by exec (COMM record with PERF_RECORD_MISC_COMM_EXEC)
 */
struct comm {
	const char *str;
	uint64_t start;
	bool exec;
	struct list_head list;
};

/* A comm named @str from @timestamp on. NULL on ENOMEM. */
struct comm *comm__new(const char *str, uint64_t timestamp, bool exec);
void comm__delete(struct comm *comm);

/* Rename in place (a thread's first, provisional name). 0 or -ENOMEM. */
int comm__override(struct comm *comm, const char *str, uint64_t timestamp, bool exec);

static inline const char *comm__str(const struct comm *comm)
{
	return comm->str;
}

/*
 * The interned copy of @str: equal strings give the same pointer for the
 * life of the process. NULL on ENOMEM.
 */
const char *comm_str__intern(const char *str);

#endif /* PERF_UTIL_COMM_H */
