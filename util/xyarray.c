// SPDX-License-Identifier: GPL-2.0
/* Fixed-size 2-D arrays. */
#include <stdlib.h>
#include <string.h>

#include "xyarray.h"

struct xyarray *xyarray__new(int xlen, int ylen, size_t entry_size)
{
	size_t row_size, total;
	struct xyarray *xy;

	if (xlen <= 0 || ylen <= 0)
		return NULL;
	row_size = (size_t)ylen * entry_size;
	total = (size_t)xlen * row_size;
	xy = calloc(1, sizeof(*xy) + total);
	if (xy) {
		xy->entry_size = entry_size;
		xy->row_size = row_size;
		xy->entries = (size_t)xlen * (size_t)ylen;
		xy->max_x = (size_t)xlen;
		xy->max_y = (size_t)ylen;
	}
	return xy;
}

void xyarray__reset(struct xyarray *xy)
{
	memset(xy->contents, 0, xy->entries * xy->entry_size);
}

void xyarray__delete(struct xyarray *xy)
{
	free(xy);
}
