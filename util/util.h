/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers every layer may use: array sizes, min/max, container_of,
 * ERR_PTR.
 *
 * Layer 0: depends on libc only.
 */
#ifndef PERF_UTIL_UTIL_H
#define PERF_UTIL_UTIL_H

#include <malloc.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#ifndef container_of
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#endif

#define __maybe_unused __attribute__((unused))
#define __noreturn __attribute__((noreturn))
#define __printf(a, b) __attribute__((format(printf, a, b)))

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))

/*
 * Kernel-style error pointers: constructors that touch files or parse input
 * return ERR_PTR(-errno) instead of NULL so the caller learns why.
 */
#define MAX_ERRNO 4095
static inline void *ERR_PTR(long err) { return (void *)err; }
static inline long PTR_ERR(const void *p) { return (long)p; }
static inline bool IS_ERR(const void *p)
{
	return (unsigned long)p >= (unsigned long)-MAX_ERRNO;
}
static inline bool IS_ERR_OR_NULL(const void *p) { return !p || IS_ERR(p); }

/*
 * Zero @size bytes with libc's memset, through a pointer the compiler
 * cannot see through: inlined for a large struct it becomes "rep stos",
 * whose start-up cost was half of parsing a sample.
 */
static inline void memzero_outline(void *p, size_t size)
{
	static void *(*volatile libc_memset)(void *, int, size_t) = memset;

	libc_memset(p, 0, size);
}

/*
 * Serve large allocations from the heap too, so that freed ones are
 * reused instead of given back: reading a perf.data file builds and
 * frees big temporaries (a libc's symbol table being sorted, ~1 MB)
 * before the histogram grows, and every fresh page is a fault (about
 * 12 us in a VM). Process-wide; for commands that analyse a file.
 */
static inline void malloc__reuse_freed(void)
{
#ifdef M_MMAP_THRESHOLD
	mallopt(M_MMAP_THRESHOLD, 8 << 20);
#endif
}

/* Prefix test that reads as a predicate, e.g. strstarts(arg, "--"). */
static inline bool strstarts(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return false;
	return true;
}

#endif /* PERF_UTIL_UTIL_H */
