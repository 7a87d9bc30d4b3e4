/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tracing data of perf.data (HEADER_TRACING_DATA, or the
 * PERF_RECORD_HEADER_TRACING_DATA record in pipe mode): the tracefs
 * format files of the tracepoints recorded, so readers on another machine
 * can decode their raw payloads. Writing only; no libtraceevent needed.
 *
 * Layer 2: depends on util/fs, util/evlist.
 */
#ifndef PERF_UTIL_TRACE_EVENT_INFO_H
#define PERF_UTIL_TRACE_EVENT_INFO_H

#include <stddef.h>

struct evlist;
struct strbuf;

/*
 * Append the tracing data for the tracepoint events of @evlist to @out,
 * in the layout of version 0.6. Returns 0, -ENOENT when @evlist has no
 * tracepoint, or -errno when tracefs cannot be read.
 */
int tracing_data__build(struct evlist *evlist, struct strbuf *out);

#endif /* PERF_UTIL_TRACE_EVENT_INFO_H */
