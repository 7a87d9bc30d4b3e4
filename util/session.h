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
#include <stdio.h>

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
	/* reader additions */
	uint64_t nr_forced_flushes;	/* ordering queue over its memory limit */
	uint64_t total_aux_lost;
	uint64_t nr_auxtrace_errors;
};

/* Per-evsel counts, indexed by evsel->idx (perf_session__evsel_stats()). */
struct evsel_stats {
	uint64_t nr_samples;
	uint64_t nr_lost_samples;
	uint64_t total_period;
};

struct zstd_data;
struct id_hash;

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

	/* ---- reader state (session.c) ---- */
	/* Set by a callback to stop reading after the current record. */
	bool done;
	/* Pipe mode: names and groups are final once the first kernel record came. */
	bool evlist_final;
	struct id_hash *ids;
	struct evsel_stats *evsel_stats;
	int nr_evsel_stats;
	struct zstd_data *zstd;
	char *decomp;			/* decompressed bytes of COMPRESSED records */
	size_t decomp_len, decomp_alloc;
	void *scratch;			/* aligned copy of an unaligned record */
	const char *cur_path;		/* the file being read, when not data->path */
	char *dir_main_path;		/* "<dir>/data" of a perf.data directory */
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

/* Per-evsel counts of @evsel (never NULL for an evsel of the session). */
struct evsel_stats *perf_session__evsel_stats(struct perf_session *session,
					      struct evsel *evsel);

/*
 * `perf report --stats`: "Aggregated stats:" and one block per event, in
 * the reference's layout. @skip_empty leaves out zero counts and events
 * without samples, as the reference does by default.
 */
void perf_session__fprintf_nr_events(struct perf_session *session, FILE *fp,
				     bool skip_empty);

/* The path -D prints after record offsets: the file name, or "pipe". */
const char *perf_session__dump_path(const struct perf_session *session);

#endif /* PERF_UTIL_SESSION_H */
