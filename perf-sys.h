/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one wrapper around the perf_event_open system call. Nothing else
 * calls the syscall: evsel__open() goes through here, so debug printing
 * of attrs (--debug perf-event-open) lives in one place.
 *
 * Layer 1: depends on the kernel ABI header only.
 */
#ifndef PERF_SYS_H
#define PERF_SYS_H

#include <linux/perf_event.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

/* Returns the new fd, or -1 with errno set, exactly as the syscall. */
static inline int sys_perf_event_open(struct perf_event_attr *attr, pid_t pid,
				      int cpu, int group_fd,
				      unsigned long flags)
{
	return (int)syscall(__NR_perf_event_open, attr, pid, cpu, group_fd,
			    flags);
}

#endif /* PERF_SYS_H */
