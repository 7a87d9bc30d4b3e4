/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sort: the keys `perf report --sort` groups samples by and the columns
 * `-F` shows. A key compares two entries (which merges samples into one
 * entry and orders the entries that tie on overhead), formats its column
 * and names its header.
 *
 * Layer 4: depends on util/hist.h.
 */
#ifndef PERF_UTIL_SORT_H
#define PERF_UTIL_SORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hist_entry;
struct hists;

enum sort_key_id {
	SORT_COMM,
	SORT_PID,
	SORT_DSO,
	SORT_SYM,
	SORT_SRCLINE,
	SORT_SRCFILE,
	SORT_PARENT,
	SORT_CPU,
	SORT_SOCKET,
	SORT_TIME,
	SORT_TRACE,
	SORT_NR_KEYS,
};

/* Columns that are not keys. */
enum hpp_column {
	HPP_OVERHEAD,
	HPP_OVERHEAD_SYS,
	HPP_OVERHEAD_US,
	HPP_OVERHEAD_CHILDREN,
	HPP_SAMPLE,
	HPP_PERIOD,
	HPP_NR_COLUMNS,
};

/**
 * struct sort_key - one --sort key
 * @cmp:        equality and tree order (what merges entries)
 * @sort:       output order among entries of equal overhead (NULL: @cmp)
 * @snprintf:   the column text, unpadded
 * @pad_last:   padded to the column width even as the last column
 * @right:      right-aligned
 */
struct sort_key {
	const char *name;
	const char *header;
	enum sort_key_id id;
	int (*cmp)(const struct hist_entry *a, const struct hist_entry *b);
	int (*sort)(const struct hist_entry *a, const struct hist_entry *b);
	int (*snprintf)(const struct hist_entry *he, char *buf, size_t size);
	bool pad_last;
	bool right;
};

extern const struct sort_key sort_keys[SORT_NR_KEYS];

/* The key named @name ("symbol" and "sym" both), or NULL. */
const struct sort_key *sort_key__find(const char *name);

/* The column named @name ("overhead", "sample", ...), or -1. */
int hpp_column__find(const char *name);

/* What the sort keys need computed per sample. */
struct sort_needs {
	bool srcline;
	bool srcfile;
	bool parent;
	bool socket;
	bool trace;
};

/* Time quantum for the time key, ns (--time-quantum; default 100ms). */
extern uint64_t sort_time_quantum;

#endif /* PERF_UTIL_SORT_H */
