/* SPDX-License-Identifier: GPL-2.0 */
/*
 * target: what a collecting command watches, from -p/-t/-u/-a/-C and the
 * workload: processes, threads, a user, CPUs, or the whole system.
 *
 * Layer 1: depends on libc only.
 */
#ifndef PERF_UTIL_TARGET_H
#define PERF_UTIL_TARGET_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct target {
	const char *pid;	/* -p list */
	const char *tid;	/* -t list */
	const char *cpu_list;	/* -C list */
	const char *uid_str;	/* -u user */
	bool system_wide;	/* -a */
	bool per_thread;	/* --per-thread */
	bool inherit;		/* children counted (not -i) */
};

enum target_errno {
	TARGET_ERRNO__SUCCESS = 0,
	/* Reasons two options cannot be combined, reported by target__validate(). */
	TARGET_ERRNO__PID_OVERRIDE_CPU = -10000,
	TARGET_ERRNO__PID_OVERRIDE_UID,
	TARGET_ERRNO__UID_OVERRIDE_CPU,
	TARGET_ERRNO__PID_OVERRIDE_SYSTEM,
	TARGET_ERRNO__UID_OVERRIDE_SYSTEM,
	TARGET_ERRNO__SYSTEM_OVERRIDE_THREAD,
	TARGET_ERRNO__INVALID_UID,
	TARGET_ERRNO__USER_NOT_FOUND,
};

/*
 * Resolve conflicts the way the reference does (a pid wins over -C and -a,
 * and so on) and return the warning for the first one, or SUCCESS.
 */
enum target_errno target__validate(struct target *target);

/* The reference's text for a target_errno into @buf. */
int target__strerror(struct target *target, int errnum, char *buf, size_t size);

static inline bool target__has_task(const struct target *t)
{
	return t->tid || t->pid || t->uid_str;
}

static inline bool target__has_cpu(const struct target *t)
{
	return t->system_wide || t->cpu_list;
}

static inline bool target__none(const struct target *t)
{
	return !target__has_task(t) && !target__has_cpu(t);
}

#endif /* PERF_UTIL_TARGET_H */
