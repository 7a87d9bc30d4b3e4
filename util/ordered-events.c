// SPDX-License-Identifier: GPL-2.0
/* Timestamp ordering of events with round flushes and a memory bound. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ordered-events.h"
#include "zalloc.h"

/*
 * Copies live in 1 MB chunks: big enough that a 64 KB record always fits
 * a fresh one, small enough that a drained chunk is soon reused.
 */
#define OE_CHUNK_SIZE	(1UL << 20)
/* Drained chunks kept for reuse; more are given back to the system. */
#define OE_SPARE_CHUNKS	4

struct oe_chunk {
	struct oe_chunk *next_free;
	struct oe_chunk *next_all;
	struct oe_chunk **prev_all;
	size_t size;
	size_t used;
	size_t live;
	/* Records are u64-aligned in the file and stay so here. */
	uint64_t mem[];
};

void ordered_events__init(struct ordered_events *oe, ordered_events__deliver_t deliver,
			  void *ctx)
{
	memset(oe, 0, sizeof(*oe));
	oe->deliver = deliver;
	oe->ctx = ctx;
	oe->mem_limit = ORDERED_EVENTS__DEFAULT_LIMIT;
}

void ordered_events__exit(struct ordered_events *oe)
{
	struct oe_chunk *c = oe->all_chunks;

	while (c) {
		struct oe_chunk *next = c->next_all;

		free(c);
		c = next;
	}
	free(oe->q);
	free(oe->tmp);
	free(oe->runs);
	memset(oe, 0, sizeof(*oe));
}

static void chunk__unlink(struct ordered_events *oe, struct oe_chunk *c)
{
	*c->prev_all = c->next_all;
	if (c->next_all)
		c->next_all->prev_all = c->prev_all;
	oe->mem_used -= sizeof(*c) + c->size;
	free(c);
}

static void chunk__drained(struct ordered_events *oe, struct oe_chunk *c)
{
	struct oe_chunk *f;
	int spare = 0;

	c->used = 0;
	for (f = oe->free_chunks; f; f = f->next_free)
		spare++;
	if (spare >= OE_SPARE_CHUNKS) {
		chunk__unlink(oe, c);
		return;
	}
	c->next_free = oe->free_chunks;
	oe->free_chunks = c;
}

static void *chunk__alloc(struct ordered_events *oe, size_t size, struct oe_chunk **pc)
{
	struct oe_chunk *c = oe->cur;
	size_t need = (size + 7) & ~(size_t)7;
	void *p;

	if (!c || c->size - c->used < need) {
		if (c && !c->live && c != oe->free_chunks)
			chunk__drained(oe, c);
		c = oe->free_chunks;
		if (c) {
			oe->free_chunks = c->next_free;
		} else {
			c = malloc(sizeof(*c) + OE_CHUNK_SIZE);
			if (!c)
				return NULL;
			c->size = OE_CHUNK_SIZE;
			c->next_all = oe->all_chunks;
			c->prev_all = &oe->all_chunks;
			if (oe->all_chunks)
				oe->all_chunks->prev_all = &c->next_all;
			oe->all_chunks = c;
			oe->mem_used += sizeof(*c) + c->size;
		}
		c->used = 0;
		c->live = 0;
		c->next_free = NULL;
		oe->cur = c;
	}
	p = (char *)c->mem + c->used;
	c->used += need;
	c->live++;
	*pc = c;
	return p;
}

static void chunk__release(struct ordered_events *oe, struct oe_chunk *c)
{
	if (--c->live == 0 && c != oe->cur)
		chunk__drained(oe, c);
}

/*
 * Stable merge of a[0..n1) and b[0..n2) into out: on equal timestamps
 * the left (earlier arrived) one first, which is the reference's order.
 */
static void merge(const struct ordered_event *a, size_t n1, const struct ordered_event *b,
		  size_t n2, struct ordered_event *out)
{
	size_t i = 0, j = 0, k = 0;

	while (i < n1 && j < n2)
		out[k++] = b[j].timestamp < a[i].timestamp ? b[j++] : a[i++];
	while (i < n1)
		out[k++] = a[i++];
	while (j < n2)
		out[k++] = b[j++];
}

/*
 * A natural merge sort: each CPU's records arrive in time order, so the
 * new events are a few sorted runs, merged pairwise; stable, so the
 * arrival order of equal timestamps survives. Returns the buffer that
 * holds the result (@a or @tmp).
 */
static struct ordered_event *runs__sort(struct ordered_event *a, size_t n,
					struct ordered_event *tmp, size_t *runs)
{
	size_t nr_runs = 0, i;

	for (i = 0; i < n; i++)
		if (i == 0 || a[i].timestamp < a[i - 1].timestamp)
			runs[nr_runs++] = i;
	runs[nr_runs] = n;
	while (nr_runs > 1) {
		size_t r, out = 0;
		struct ordered_event *swap;

		for (r = 0; r + 1 < nr_runs; r += 2) {
			merge(a + runs[r], runs[r + 1] - runs[r], a + runs[r + 1],
			      runs[r + 2] - runs[r + 1], tmp + runs[r]);
			runs[out++] = runs[r];
		}
		if (r < nr_runs) {
			memcpy(tmp + runs[r], a + runs[r], (runs[r + 1] - runs[r]) * sizeof(*a));
			runs[out++] = runs[r];
		}
		runs[out] = n;
		nr_runs = out;
		swap = a;
		a = tmp;
		tmp = swap;
	}
	return a;
}

/* Sort what arrived since the last sort and merge it into the sorted prefix. */
static int queue__sort(struct ordered_events *oe)
{
	struct ordered_event *tail;
	size_t n = oe->nr - oe->sorted;

	if (!n)
		return 0;
	if (oe->tmp_alloc < oe->alloc) {
		free(oe->tmp);
		free(oe->runs);
		oe->tmp = malloc(oe->alloc * sizeof(*oe->tmp));
		oe->runs = malloc((oe->alloc + 1) * sizeof(*oe->runs));
		if (!oe->tmp || !oe->runs) {
			zfree(&oe->tmp);
			zfree(&oe->runs);
			oe->tmp_alloc = 0;
			return -ENOMEM;
		}
		oe->tmp_alloc = oe->alloc;
	}
	tail = runs__sort(oe->q + oe->sorted, n, oe->tmp + oe->sorted, oe->runs);
	if (oe->sorted && tail[0].timestamp < oe->q[oe->sorted - 1].timestamp) {
		/*
		 * Merging into tmp is safe even when the tail is in tmp: the
		 * output never overtakes the tail element being read.
		 */
		merge(oe->q, oe->sorted, tail, n, oe->tmp);
		memcpy(oe->q, oe->tmp, oe->nr * sizeof(*oe->q));
	} else if (tail != oe->q + oe->sorted) {
		memcpy(oe->q + oe->sorted, tail, n * sizeof(*tail));
	}
	oe->sorted = oe->nr;
	return 0;
}

/* Deliver the first events, in order, while their timestamp is <= @limit (@max at most). */
static int queue__deliver(struct ordered_events *oe, uint64_t limit, size_t max)
{
	size_t i = 0;
	int err = 0;

	err = queue__sort(oe);
	if (err)
		return err;
	for (; i < oe->nr && i < max; i++) {
		struct ordered_event *ev = &oe->q[i];

		if (ev->timestamp > limit)
			break;
		err = oe->deliver(oe, ev, oe->ctx);
		oe->last_flush = ev->timestamp;
		chunk__release(oe, ev->chunk);
		if (err) {
			i++;
			break;
		}
	}
	if (i) {
		memmove(oe->q, oe->q + i, (oe->nr - i) * sizeof(*oe->q));
		oe->nr -= i;
		oe->sorted -= i;
	}
	return err;
}

int ordered_events__flush(struct ordered_events *oe, enum oe_flush how)
{
	int err = 0;

	switch (how) {
	case OE_FLUSH__FINAL:
		err = queue__deliver(oe, UINT64_MAX, oe->nr);
		break;
	case OE_FLUSH__ROUND:
		/* Nothing is known to be complete before the second round. */
		if (oe->next_flush)
			err = queue__deliver(oe, oe->next_flush, oe->nr);
		oe->next_flush = oe->max_timestamp;
		break;
	case OE_FLUSH__HALF:
		err = queue__deliver(oe, UINT64_MAX, oe->nr / 2 ? oe->nr / 2 : 1);
		oe->nr_forced++;
		break;
	}
	return err;
}

int ordered_events__queue(struct ordered_events *oe, const union perf_event *event,
			  uint64_t timestamp, uint64_t file_offset, void *data)
{
	struct ordered_event *ev;
	struct oe_chunk *c;
	void *copy;

	while (oe->nr && oe->mem_used + oe->alloc * sizeof(*oe->q) + OE_CHUNK_SIZE > oe->mem_limit) {
		int err = ordered_events__flush(oe, OE_FLUSH__HALF);

		if (err)
			return err;
		/* Drained chunks beyond the spares went back: stop when under the limit. */
		if (oe->mem_used + oe->alloc * sizeof(*oe->q) <= oe->mem_limit / 2)
			break;
	}
	if (oe->nr == oe->alloc) {
		size_t n = oe->alloc ? oe->alloc * 2 : 4096;
		struct ordered_event *q = realloc(oe->q, n * sizeof(*q));

		if (!q)
			return -ENOMEM;
		oe->q = q;
		oe->alloc = n;
	}
	copy = chunk__alloc(oe, event->header.size, &c);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, event, event->header.size);

	if (timestamp < oe->last_flush)
		oe->nr_unordered++;
	if (timestamp > oe->max_timestamp)
		oe->max_timestamp = timestamp;
	ev = &oe->q[oe->nr++];
	ev->timestamp = timestamp;
	ev->seq = oe->seq++;
	ev->file_offset = file_offset;
	ev->event = copy;
	ev->chunk = c;
	ev->data = data;
	ev->file = oe->cur_file;
	return 0;
}
