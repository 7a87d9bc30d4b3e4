/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracepoints as tracefs lists them (<tracefs>/events/<sys>/<name>/):
 * iteration with globs, for -e sched:* and perf list, and the id that goes
 * into perf_event_attr.config.
 *
 * Layer 1: depends on util/fs.
 */
#ifndef PERF_UTIL_TRACEPOINT_H
#define PERF_UTIL_TRACEPOINT_H

#include <stddef.h>

/*
 * Called for each matching tracepoint, in sorted order. Return 0 to go
 * on; anything else stops the walk and is returned by the iterator.
 */
typedef int (*tracepoint_cb)(const char *sys, const char *name, void *data);

/*
 * Walk the tracepoints whose subsystem matches @sys_glob and whose name
 * matches @name_glob (NULL matches everything). Returns 0, what the
 * callback returned to stop, or -ENOENT when tracefs is not available and
 * -EACCES when it cannot be read.
 */
int tracepoint__for_each(const char *sys_glob, const char *name_glob,
			 tracepoint_cb cb, void *data);

/*
 * The id of @sys:@name, for attr.config. Returns it (>= 0), or -ENOENT
 * if there is no such tracepoint, -EACCES if tracefs is not readable.
 */
long long tracepoint__id(const char *sys, const char *name);

/* Path of <tracefs>/events/@sys/@name into @buf. 0 or -ENOENT/-ENAMETOOLONG. */
int tracepoint__path(const char *sys, const char *name, char *buf, size_t size);

#endif /* PERF_UTIL_TRACEPOINT_H */
