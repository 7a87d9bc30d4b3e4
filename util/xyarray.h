/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A zeroed 2-D array of fixed-size entries: per (cpu index, thread index)
 * storage for event fds, counts and ids.
 *
 * Layer 0: depends on libc only.
 */
#ifndef PERF_UTIL_XYARRAY_H
#define PERF_UTIL_XYARRAY_H

#include <stddef.h>

struct xyarray {
	size_t row_size;
	size_t entry_size;
	size_t entries;
	size_t max_x;
	size_t max_y;
	char contents[] __attribute__((aligned(8)));
};

/* NULL on allocation failure. */
struct xyarray *xyarray__new(int xlen, int ylen, size_t entry_size);
void xyarray__delete(struct xyarray *xy);
/* Zero every entry. */
void xyarray__reset(struct xyarray *xy);

/* Entry (x, y), or NULL when out of range. */
static inline void *xyarray__entry(struct xyarray *xy, size_t x, size_t y)
{
	if (x >= xy->max_x || y >= xy->max_y)
		return NULL;
	return &xy->contents[x * xy->row_size + y * xy->entry_size];
}

static inline int xyarray__max_x(const struct xyarray *xy)
{
	return (int)xy->max_x;
}

static inline int xyarray__max_y(const struct xyarray *xy)
{
	return (int)xy->max_y;
}

#endif /* PERF_UTIL_XYARRAY_H */
