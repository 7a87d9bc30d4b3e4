/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hist: the histogram `perf report` builds per event: one entry per
 * distinct combination of the sort keys, with the period and sample
 * count it collected (its own, and with --children what ran below it),
 * and its callchain tree. Entries are found by hash while samples come
 * in, then sorted once for output.
 *
 * Nothing here prints: ui/stdio/hist.c formats a hists.
 *
 * Layer 4: depends on util/sort, util/callchain, util/thread, util/dso.
 */
#ifndef PERF_UTIL_HIST_H
#define PERF_UTIL_HIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "callchain.h"
#include "sort.h"

struct dso;
struct hist_slab;
struct symbol;
struct thread;

/**
 * struct he_stat - what an entry collected
 * @period_sys, @period_us: kernel and user part (for overhead_sys/_us)
 */
struct he_stat {
	uint64_t period;
	uint64_t nr_events;
	uint64_t period_sys;
	uint64_t period_us;
};

/**
 * struct hist_entry - one line of the report
 * @thread:   a reference; @comm is its (interned) name at sample time
 * @dso:      a reference, NULL for addresses outside any map
 * @sym:      owned by @dso, NULL when unresolved (then @ip tells it)
 * @ip:       the address in the dso's space (the raw one without a map)
 * @level:    '.' user, 'k' kernel (the marker in the symbol column)
 * @srcline, @srcfile: for those keys; owned by the dso cache or literals
 * @parent:   name of the first caller matching --parent, or NULL
 * @time:     sample time rounded down to the time quantum
 * @trace:    the tracepoint's formatted fields (owned)
 * @stat_acc: with --children: this entry plus everything it called
 * @chains:   its samples' chains, noted while reading
 * @callchain: the tree of @chains, built when the graph is printed
 * @group:    on a group leader's entry after hists__link_group(): the
 *            entry of each member at its index (0 is this one), NULL
 *            where a member has none; owned
 */
struct hist_entry {
	/*
	 * What a sample's lookup compares and adds to comes first: the
	 * default keys (comm, dso, sym) and @stat fill the first cache line
	 * (entries are allocated 64-byte aligned).
	 */
	uint64_t hash;
	const char *comm;
	struct dso *dso;
	struct symbol *sym;
	struct he_stat stat;
	uint64_t ip;
	int32_t pid, tid;
	struct thread *thread;
	char level;
	int32_t cpu;
	int32_t socket;
	const char *srcline;
	const char *srcfile;
	const char *parent;
	uint64_t time;
	char *trace;
	struct he_stat stat_acc;
	struct callchain_refs chains;
	struct callchain_node *callchain;
	struct hist_entry **group;
	uint64_t seq;
	uint32_t max_depth;
	bool filtered;
};

struct hist_slot {
	uint64_t hash;
	struct hist_entry *he;	/* NULL: empty */
};

/**
 * struct hist_sort_item - one step of the output order: a non-key column
 * (@hpp >= 0: larger first) or a key
 */
struct hist_sort_item {
	int hpp;
	const struct sort_key *key;
};

/**
 * struct hists - the entries of one event
 * @keys:        the keys entries are merged by
 * @order:       the output order, @nr_order steps
 * @table:       open-addressing hash table of entries, @table_size slots
 *               (power of 2, at most half full), each with the entry's
 *               hash so a probe reads no entry that is not the one
 * @sorted:      after hists__output_resort(), the entries in output order
 * @total_period, @nr_samples: every sample of the event
 * @nr_non_filtered_samples, @total_non_filtered_period: those kept
 * @nr_members:  events shown together (--group), 1 otherwise
 * @group_sort_idx: --group-sort-idx, 0 when not given
 * @slabs:       the memory the entries are in (hist.c)
 */
struct hists {
	const struct sort_key *keys[SORT_NR_KEYS];
	int nr_keys;
	struct hist_sort_item order[HPP_NR_COLUMNS + SORT_NR_KEYS];
	int nr_order;
	struct hist_slot *table;
	size_t table_size;
	size_t nr_entries;
	struct hist_entry **sorted;
	uint64_t total_period;
	uint64_t nr_samples;
	uint64_t total_non_filtered_period;
	uint64_t nr_non_filtered_samples;
	uint64_t nr_lost_samples;
	bool children;
	int nr_members;
	int group_sort_idx;
	uint64_t seq;
	struct hist_slab *slabs;
};

void hists__init(struct hists *hists, const struct sort_key **keys, int nr_keys,
		 const struct hist_sort_item *order, int nr_order, bool children);
void hists__exit(struct hists *hists);

/*
 * The entry equal to @key on every sort key, created as a copy of @key
 * (taking references to its thread and dso) when missing. @key->hash must
 * be set with hist_entry__hash(). NULL on ENOMEM.
 */
struct hist_entry *hists__findnew(struct hists *hists, const struct hist_entry *key);

/* Hash of @key's sort-key fields. */
uint64_t hists__hash(const struct hists *hists, const struct hist_entry *key);

/* Compare on every sort key: merge equality and the tree order. */
int hists__cmp(const struct hists *hists, const struct hist_entry *a,
	       const struct hist_entry *b);

/*
 * Sort the entries for output into hists->sorted: by overhead (children
 * first with --children), then the keys' output order. 0 or -ENOMEM.
 */
int hists__output_resort(struct hists *hists);

/* The value a non-key column (enum hpp_column) shows for @he; 0 for NULL. */
uint64_t hist_entry__hpp_value(const struct hist_entry *he, int hpp);
/* Member @idx's entry for @he of a linked group (0: @he), NULL where none. */
const struct hist_entry *hist_entry__member(const struct hist_entry *he, int idx);

/*
 * Show the @nr hists of an event group together: @members[0] is the
 * leader's. Entries that only members have get an empty twin in the
 * leader's hists, and each leader entry learns its members' entries
 * (hist_entry->group), which the output order compares after the
 * leader's own values (only @sort_idx's when that is not 0).
 * 0 or -ENOMEM.
 */
int hists__link_group(struct hists **members, int nr, int sort_idx);


#endif /* PERF_UTIL_HIST_H */
