/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One perf ring buffer: the mmap'ed control page plus 2^n data pages the
 * kernel writes records into. The reader copies whole records out,
 * reassembling the ones that wrap around the end, and then moves the
 * tail so the kernel can reuse the space.
 *
 * Layer 1: depends on libc and the kernel ABI only.
 */
#ifndef PERF_UTIL_MMAP_H
#define PERF_UTIL_MMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/perf_event.h>

/**
 * struct perf_mmap - one ring buffer
 * @base:   the control page (struct perf_event_mmap_page), data follows
 * @mask:   data size - 1 (the data size is a power of two)
 * @fd:     the event fd it belongs to
 * @cpu:    CPU it collects, -1 for a per-thread buffer
 * @start, @end: the window of the current read pass
 * @copy:   scratch for a record that wraps around the end
 */
struct perf_mmap {
	void *base;
	size_t mask;
	int fd;
	int cpu;
	uint64_t start;
	uint64_t end;
	char copy[65536 + 8];
};

/*
 * Map @pages data pages (a power of two) of @fd. Returns 0 or -errno
 * (-EPERM when the locked-memory limit is exceeded).
 */
int perf_mmap__mmap(struct perf_mmap *map, int fd, int cpu, unsigned int pages);
void perf_mmap__munmap(struct perf_mmap *map);

/* Bytes of data pages of @map. */
static inline size_t perf_mmap__size(const struct perf_mmap *map)
{
	return map->mask + 1;
}

/*
 * Begin a read pass: snapshot the kernel's head. Returns -EAGAIN when
 * there is nothing to read.
 */
int perf_mmap__read_init(struct perf_mmap *map);

/*
 * The next record of the pass, or NULL at its end. The pointer is into
 * the ring (or into @map->copy for a wrapped record) and valid until the
 * next call.
 */
union perf_event *perf_mmap__read_event(struct perf_mmap *map);

/* End the pass: give the read space back to the kernel. */
void perf_mmap__consume(struct perf_mmap *map);

/*
 * Call @fn for each contiguous chunk of the pass (one or two, when the
 * data wraps), for writers that copy raw bytes. Record boundaries are not
 * respected across the two chunks, which is fine for a byte stream.
 * Returns what @fn returns first if non-zero.
 */
int perf_mmap__push(struct perf_mmap *map, void *ctx,
		    int (*fn)(void *ctx, const void *buf, size_t size));

#endif /* PERF_UTIL_MMAP_H */
