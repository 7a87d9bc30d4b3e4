/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A reader for the tracing data blob perf record stores with tracepoint
 * events (HEADER_TRACING_DATA, or PERF_RECORD_HEADER_TRACING_DATA in a
 * pipe): just enough to find an event's "system:name" and its fields by
 * the tracepoint id in attr.config, without libtraceevent. Decoding the
 * raw sample data belongs to the trace-event layer, not here.
 *
 * The blob comes from a file: every length is checked against it.
 *
 * Layer 2: depends on libc and util/strbuf only.
 */
#ifndef PERF_UTIL_TRACE_DATA_H
#define PERF_UTIL_TRACE_DATA_H

#include <stddef.h>
#include <stdint.h>

struct strbuf;

/**
 * struct trace_data_event - one event format found in the blob
 * @system, @name: not NUL-terminated: use the lengths
 * @format:        the format text ("name: ...\nID: ...\nformat:\n...")
 */
struct trace_data_event {
	const char *system;
	size_t system_len;
	const char *name;
	size_t name_len;
	const char *format;
	size_t format_len;
};

/*
 * Find the event whose "ID:" is @id in @data (@size bytes). Returns 0 and
 * fills @ev (pointing into @data), -ENOENT when no format has that id,
 * -EINVAL when the blob is damaged or not tracing data.
 */
int trace_data__find_event(const void *data, size_t size, uint64_t id,
			   struct trace_data_event *ev);

/*
 * Append the names of the event's own fields (the common_* ones are
 * skipped) to @sb, comma separated, in format order. 0 or -ENOMEM.
 */
int trace_data_event__fields(const struct trace_data_event *ev, struct strbuf *sb);

#endif /* PERF_UTIL_TRACE_DATA_H */
