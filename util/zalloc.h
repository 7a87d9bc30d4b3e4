/* SPDX-License-Identifier: GPL-2.0 */
/*
 * zalloc() and zfree(): allocation that starts zeroed and freeing that
 * leaves no dangling pointer behind.
 *
 * Layer 0: depends on libc only.
 */
#ifndef PERF_UTIL_ZALLOC_H
#define PERF_UTIL_ZALLOC_H

#include <stdlib.h>

static inline void *zalloc(size_t size)
{
	return calloc(1, size);
}

/* Free *pptr and set it to NULL; takes the address of the pointer. */
#define zfree(pptr)				\
	do {					\
		free((void *)*(pptr));		\
		*(pptr) = NULL;			\
	} while (0)

#endif /* PERF_UTIL_ZALLOC_H */
