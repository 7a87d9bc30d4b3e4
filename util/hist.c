// SPDX-License-Identifier: GPL-2.0
/*
 * Histogram entries: found by hash while samples stream in, sorted once
 * for output. See hist.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dso.h"
#include "hist.h"
#include "symbol.h"
#include "thread.h"

void hists__init(struct hists *hists, const struct sort_key **keys, int nr_keys,
		 const struct hist_sort_item *order, int nr_order, bool children)
{
	memset(hists, 0, sizeof(*hists));
	if (nr_keys > SORT_NR_KEYS)
		nr_keys = SORT_NR_KEYS;
	memcpy(hists->keys, keys, nr_keys * sizeof(*keys));
	hists->nr_keys = nr_keys;
	if (nr_order > HPP_NR_COLUMNS + SORT_NR_KEYS)
		nr_order = HPP_NR_COLUMNS + SORT_NR_KEYS;
	memcpy(hists->order, order, nr_order * sizeof(*order));
	hists->nr_order = nr_order;
	hists->children = children;
	hists->nr_members = 1;
}

/*
 * Entries are carved from slabs of HIST_SLAB_ENTRIES: no malloc header
 * and no alignment padding per entry (aligned_alloc() took ~320 bytes
 * for a 256-byte entry), so fewer fresh pages, and each a page fault.
 */
#define HIST_SLAB_ENTRIES	64
#define HIST_ENTRY_STRIDE	((sizeof(struct hist_entry) + 63) & ~(size_t)63)

struct hist_slab {
	struct hist_slab *next;
	size_t used;
	/* entries follow, from the next cache line on */
};

#define HIST_SLAB_HEADER	((sizeof(struct hist_slab) + 63) & ~(size_t)63)

static struct hist_entry *hists__alloc_entry(struct hists *hists)
{
	struct hist_slab *slab = hists->slabs;

	if (!slab || slab->used == HIST_SLAB_ENTRIES) {
		slab = aligned_alloc(64, HIST_SLAB_HEADER + HIST_SLAB_ENTRIES * HIST_ENTRY_STRIDE);
		if (!slab)
			return NULL;
		slab->next = hists->slabs;
		slab->used = 0;
		hists->slabs = slab;
	}
	return (struct hist_entry *)((char *)slab + HIST_SLAB_HEADER +
				     slab->used++ * HIST_ENTRY_STRIDE);
}

/* What @he owns; the entry itself belongs to its slab. */
static void hist_entry__exit(struct hist_entry *he)
{
	if (!he)
		return;
	thread__put(he->thread);
	dso__put(he->dso);
	callchain__delete(he->callchain);
	callchain_refs__exit(&he->chains);
	free(he->trace);
	free(he->group);
}

void hists__exit(struct hists *hists)
{
	size_t i;

	for (i = 0; i < hists->table_size; i++)
		hist_entry__exit(hists->table[i].he);
	while (hists->slabs) {
		struct hist_slab *slab = hists->slabs;

		hists->slabs = slab->next;
		free(slab);
	}
	free(hists->table);
	free(hists->sorted);
	hists->table = NULL;
	hists->sorted = NULL;
	hists->table_size = hists->nr_entries = 0;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
	return h;
}

static uint64_t str_hash(const char *s)
{
	return dso__name_hash(s);
}

/*
 * mix() keeps the low bits of aligned values (symbol starts, pointers)
 * nearly constant, and the table is indexed by the low bits: scramble
 * them all (murmur3's finalizer) or every function lands in a few buckets.
 */
static uint64_t hash_final(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

uint64_t hists__hash(const struct hists *hists, const struct hist_entry *key)
{
	uint64_t h = 0;
	int i;

	for (i = 0; i < hists->nr_keys; i++) {
		switch (hists->keys[i]->id) {
		case SORT_COMM:
			/* comms are interned: equal names, equal pointers */
			h = mix(h, (uintptr_t)key->comm);
			break;
		case SORT_PID:
			h = mix(h, (uint64_t)key->tid);
			break;
		case SORT_DSO:
			h = mix(h, key->dso ? key->dso->short_name_hash : 0);
			break;
		case SORT_SYM:
			h = mix(h, key->sym ? key->sym->start : key->ip);
			break;
		case SORT_SRCLINE:
			h = mix(h, str_hash(key->srcline));
			break;
		case SORT_SRCFILE:
			h = mix(h, str_hash(key->srcfile));
			break;
		case SORT_PARENT:
			h = mix(h, str_hash(key->parent));
			break;
		case SORT_CPU:
			h = mix(h, (uint64_t)key->cpu);
			break;
		case SORT_SOCKET:
			h = mix(h, (uint64_t)key->socket);
			break;
		case SORT_TIME:
			h = mix(h, key->time);
			break;
		case SORT_TRACE:
			h = mix(h, str_hash(key->trace));
			break;
		default:
			break;
		}
	}
	return hash_final(h);
}

int hists__cmp(const struct hists *hists, const struct hist_entry *a,
	       const struct hist_entry *b)
{
	int i, ret;

	for (i = 0; i < hists->nr_keys; i++) {
		ret = hists->keys[i]->cmp(a, b);
		if (ret)
			return ret;
	}
	return 0;
}

static int hists__grow(struct hists *hists)
{
	size_t n = hists->table_size ? hists->table_size * 2 : 2048, i, j;
	struct hist_slot *t = calloc(n, sizeof(*t));

	if (!t)
		return -ENOMEM;
	for (i = 0; i < hists->table_size; i++) {
		if (!hists->table[i].he)
			continue;
		for (j = hists->table[i].hash & (n - 1); t[j].he; j = (j + 1) & (n - 1))
			;
		t[j] = hists->table[i];
	}
	free(hists->table);
	hists->table = t;
	hists->table_size = n;
	return 0;
}

struct hist_entry *hists__findnew(struct hists *hists, const struct hist_entry *key)
{
	struct hist_entry *he;
	size_t i, mask;

	if ((hists->nr_entries + 1) * 2 > hists->table_size && hists__grow(hists))
		return NULL;
	mask = hists->table_size - 1;
	for (i = key->hash & mask; hists->table[i].he; i = (i + 1) & mask)
		if (hists->table[i].hash == key->hash && !hists__cmp(hists, hists->table[i].he, key))
			return hists->table[i].he;
	he = hists__alloc_entry(hists);
	if (!he)
		return NULL;
	*he = *key;
	he->thread = key->thread ? thread__get(key->thread) : NULL;
	he->dso = key->dso ? dso__get(key->dso) : NULL;
	he->trace = key->trace ? strdup(key->trace) : NULL;
	he->callchain = NULL;
	he->group = NULL;
	memset(&he->chains, 0, sizeof(he->chains));
	memset(&he->stat, 0, sizeof(he->stat));
	memset(&he->stat_acc, 0, sizeof(he->stat_acc));
	he->seq = hists->seq++;
	hists->table[i].hash = key->hash;
	hists->table[i].he = he;
	hists->nr_entries++;
	return he;
}

static const struct hists *sort_hists;

uint64_t hist_entry__hpp_value(const struct hist_entry *he, int hpp)
{
	if (!he)
		return 0;
	switch (hpp) {
	case HPP_OVERHEAD_CHILDREN:
		return he->stat_acc.period;
	case HPP_OVERHEAD_SYS:
		return he->stat.period_sys;
	case HPP_OVERHEAD_US:
		return he->stat.period_us;
	case HPP_SAMPLE:
		return he->stat.nr_events;
	default:
		return he->stat.period;
	}
}

const struct hist_entry *hist_entry__member(const struct hist_entry *he, int idx)
{
	return idx == 0 ? he : he->group ? he->group[idx] : NULL;
}

/*
 * Larger first: the leader's value, then the members' in group order;
 * with --group-sort-idx only that member's (the leader's when the index
 * names none), as the reference.
 */
static int hists__group_cmp(const struct hists *hists, const struct hist_entry *a,
			    const struct hist_entry *b, int hpp)
{
	int i, nr = hists->nr_members, idx = hists->group_sort_idx;
	uint64_t va, vb;

	if (idx) {
		idx = idx < nr ? idx : 0;
		va = hist_entry__hpp_value(hist_entry__member(a, idx), hpp);
		vb = hist_entry__hpp_value(hist_entry__member(b, idx), hpp);
		return va == vb ? 0 : va > vb ? -1 : 1;
	}
	for (i = 0; i < nr; i++) {
		va = hist_entry__hpp_value(hist_entry__member(a, i), hpp);
		vb = hist_entry__hpp_value(hist_entry__member(b, i), hpp);
		if (va != vb)
			return va > vb ? -1 : 1;
	}
	return 0;
}

static int hist_entry__output_cmp(const void *pa, const void *pb)
{
	const struct hist_entry *a = *(const struct hist_entry * const *)pa;
	const struct hist_entry *b = *(const struct hist_entry * const *)pb;
	const struct hists *hists = sort_hists;
	int i, ret;

	for (i = 0; i < hists->nr_order; i++) {
		const struct sort_key *k = hists->order[i].key;
		int hpp = hists->order[i].hpp;
		uint64_t va, vb;

		if (k) {
			ret = k->sort ? k->sort(a, b) : k->cmp(a, b);
			if (ret)
				return ret;
			continue;
		}
		if (hists->nr_members > 1) {
			ret = hists__group_cmp(hists, a, b, hpp);
			if (ret)
				return ret;
			continue;
		}
		va = hist_entry__hpp_value(a, hpp);
		vb = hist_entry__hpp_value(b, hpp);
		/* Equal totals: the caller above its callee, as the reference. */
		if (hpp == HPP_OVERHEAD_CHILDREN && va == vb && a->thread == b->thread &&
		    a->chains.nr && b->chains.nr && a->max_depth != b->max_depth) {
			bool deeper_first = callchain_param.order == ORDER_CALLER;

			return (a->max_depth > b->max_depth) == deeper_first ? -1 : 1;
		}
		if (va != vb)
			return va > vb ? -1 : 1;
	}
	/* Ties keep the merge order, so equal output is reproducible. */
	ret = hists__cmp(hists, a, b);
	return ret ? ret : (a->seq < b->seq ? -1 : a->seq > b->seq);
}

static int hist_entry__key_cmp(const void *pa, const void *pb)
{
	const struct hist_entry *a = *(const struct hist_entry * const *)pa;
	const struct hist_entry *b = *(const struct hist_entry * const *)pb;
	int ret = hists__cmp(sort_hists, a, b);

	return ret ? ret : (a->seq < b->seq ? -1 : a->seq > b->seq);
}

static int hist_entry__alloc_group(struct hist_entry *he, int nr)
{
	if (he->group)
		return 0;
	he->group = calloc(nr, sizeof(*he->group));
	if (!he->group)
		return -ENOMEM;
	he->group[0] = he;
	return 0;
}

int hists__link_group(struct hists **members, int nr, int sort_idx)
{
	struct hists *leader = members[0];
	struct hist_entry *he, *twin;
	size_t b;
	int i;

	/* Each member's entries find (or make) their twin in the leader. */
	for (i = 1; i < nr; i++) {
		for (b = 0; b < members[i]->table_size; b++) {
			if (!(he = members[i]->table[b].he))
				continue;
			twin = hists__findnew(leader, he);
			if (!twin || hist_entry__alloc_group(twin, nr))
				return -ENOMEM;
			twin->group[i] = he;
		}
	}
	/* Entries of the leader's own that no member has. */
	for (b = 0; b < leader->table_size; b++)
		if ((he = leader->table[b].he) && hist_entry__alloc_group(he, nr))
			return -ENOMEM;
	leader->nr_members = nr;
	leader->group_sort_idx = sort_idx > 0 ? sort_idx : 0;
	return 0;
}

int hists__output_resort(struct hists *hists)
{
	size_t i, n = 0;

	free(hists->sorted);
	hists->sorted = malloc((hists->nr_entries + 1) * sizeof(*hists->sorted));
	if (!hists->sorted)
		return -ENOMEM;
	for (i = 0; i < hists->table_size; i++)
		if (hists->table[i].he)
			hists->sorted[n++] = hists->table[i].he;
	sort_hists = hists;
	/*
	 * First into key order, the order the reference inserts entries in
	 * for output: the --children rule for equal totals does not order
	 * every three entries consistently, so the result depends on where
	 * the sort starts, and that must not be the hash table's layout.
	 */
	qsort(hists->sorted, n, sizeof(*hists->sorted), hist_entry__key_cmp);
	qsort(hists->sorted, n, sizeof(*hists->sorted), hist_entry__output_cmp);
	sort_hists = NULL;
	return 0;
}
