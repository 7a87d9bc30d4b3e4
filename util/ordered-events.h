/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ordered_events: the queue that turns the per-CPU streams of a perf.data
 * file into one stream in timestamp order.
 *
 * perf record writes a FINISHED_ROUND record after each pass over its
 * ring buffers. Every event of pass n has been written by the end of pass
 * n + 1, so at the end of pass n + 1 everything up to the largest
 * timestamp of pass n can go: that is a round flush. Events are copied
 * into the queue's own arena (chunks reused, nothing allocated per event)
 * and memory is bounded: past the limit the older half is delivered early
 * and the forced flush is counted.
 *
 * Layer 2: depends on util/event.h only.
 */
#ifndef PERF_UTIL_ORDERED_EVENTS_H
#define PERF_UTIL_ORDERED_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"

struct ordered_events;
struct oe_chunk;

/**
 * struct ordered_event - one queued event
 * @event: the queue's copy
 * @data:  the caller's, given to ordered_events__queue()
 * @file:  which input it came from (ordered_events::cur_file when queued)
 */
struct ordered_event {
	uint64_t timestamp;
	uint64_t seq;
	uint64_t file_offset;
	union perf_event *event;
	struct oe_chunk *chunk;
	void *data;
	int file;
};

/*
 * Called for each event in order. The event is valid until the callback
 * returns. A non-zero return stops the flush and is passed on.
 */
typedef int (*ordered_events__deliver_t)(struct ordered_events *oe,
					 struct ordered_event *ev, void *ctx);

enum oe_flush {
	OE_FLUSH__FINAL,	/* everything: end of input */
	OE_FLUSH__ROUND,	/* FINISHED_ROUND: up to the previous round's max */
	OE_FLUSH__HALF,		/* the older half: over the memory limit */
};

/**
 * struct ordered_events - the queue
 * @max_timestamp: largest timestamp queued so far
 * @next_flush:    a round flush delivers up to this timestamp
 * @last_flush:    timestamp of the last event delivered
 * @nr_unordered:  events that arrived older than @last_flush (delivered late)
 * @nr_forced:     flushes forced by the memory limit
 * @mem_limit:     bytes of queued copies and bookkeeping allowed
 */
struct ordered_events {
	struct ordered_event *q;
	size_t nr, alloc;
	size_t sorted;			/* q[0..sorted) is in order */
	struct ordered_event *tmp;	/* merge space, @tmp_alloc entries */
	size_t *runs;
	size_t tmp_alloc;
	uint64_t seq;
	uint64_t max_timestamp;
	uint64_t next_flush;
	uint64_t last_flush;
	uint64_t nr_unordered;
	uint64_t nr_forced;
	size_t mem_used;
	size_t mem_limit;
	struct oe_chunk *cur;
	struct oe_chunk *free_chunks;
	struct oe_chunk *all_chunks;
	ordered_events__deliver_t deliver;
	void *ctx;
	int cur_file;			/* set by the caller as it changes inputs */
};

/* 512 MB: the reference's default is unbounded; this keeps a bad file from exhausting memory. */
#define ORDERED_EVENTS__DEFAULT_LIMIT	(512UL << 20)

void ordered_events__init(struct ordered_events *oe, ordered_events__deliver_t deliver,
			  void *ctx);
/* Free all memory; queued events are dropped, not delivered. */
void ordered_events__exit(struct ordered_events *oe);

/*
 * Queue a copy of @event (its header.size bytes) with @timestamp; @data
 * comes back with it. May deliver older events first when the memory
 * limit is reached. Returns 0, -ENOMEM, or the error of a forced delivery.
 */
int ordered_events__queue(struct ordered_events *oe, const union perf_event *event,
			  uint64_t timestamp, uint64_t file_offset, void *data);

/* Deliver what @how allows (see enum oe_flush). 0 or the callback's error. */
int ordered_events__flush(struct ordered_events *oe, enum oe_flush how);

#endif /* PERF_UTIL_ORDERED_EVENTS_H */
