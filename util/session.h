/* SPDX-License-Identifier: GPL-2.0 */
/*
 * perf_session: reading a perf.data stream (file, pipe, compressed
 * records) and delivering its records, in timestamp order when the tool
 * asks, to a perf_tool's callbacks.
 *
 * Every size and offset read from the file is checked against what is
 * left; a damaged record stops the session with a message that names its
 * file offset, never a crash.
 *
 * Layer 2: depends on util/data, util/header, util/evlist, util/tool,
 * util/ordered-events.
 */
#ifndef PERF_UTIL_SESSION_H
#define PERF_UTIL_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "data.h"
#include "event.h"
#include "header.h"
#include "tool.h"

struct evlist;
struct machine;
struct ordered_events;

/* Counts of what the session saw, for --stats and the lost warnings. */
struct events_stats {
	uint64_t nr_events[PERF_RECORD_HEADER_MAX];
	uint64_t total_lost;
	uint64_t total_lost_samples;
	uint64_t nr_unknown_events;
	uint64_t nr_invalid_chains;
	uint64_t nr_unknown_id;
	uint64_t nr_unprocessable_samples;
	uint64_t nr_unordered_events;
	uint64_t total_period;
	uint64_t nr_samples;
};

/**
 * struct perf_session - one perf.data being read
 * @data:     the stream (owned by the caller, opened by the session)
 * @header:   header and perf_env of the recording machine
 * @evlist:   one evsel per attr, with ids for sample -> evsel lookup
 * @machine:  the symbolization model; set by the builtin if it wants one
 *            (the session passes it to callbacks, and never looks inside)
 * @tool:     callbacks
 * @stats:    counts per record type
 */
struct perf_session {
	struct perf_data *data;
	struct perf_header header;
	struct evlist *evlist;
	struct machine *machine;
	struct perf_tool *tool;
	struct ordered_events *ordered;
	struct events_stats stats;
	bool one_mmap;
	uint64_t first_sample_time;
	uint64_t last_sample_time;
};

/*
 * Open @data, read its header and attrs. Returns the new session or
 * ERR_PTR(-errno) after printing the reason (the reference's wording for
 * missing, empty, foreign-owned and damaged files).
 */
struct perf_session *perf_session__new(struct perf_data *data, struct perf_tool *tool);
void perf_session__delete(struct perf_session *session);

/*
 * Deliver every record of the data section (or the pipe) to the tool.
 * Returns 0, or the negative errno of the first callback or file error.
 */
int perf_session__process_events(struct perf_session *session);

/* The evsel a sample belongs to (by id, or the only one). NULL if unknown. */
struct evsel *perf_session__find_evsel(struct perf_session *session, uint64_t id);

#endif /* PERF_UTIL_SESSION_H */
