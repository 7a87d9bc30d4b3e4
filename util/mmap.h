/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One perf ring buffer: the mmap'ed control page plus 2^n data pages the
 * kernel writes records into. The reader copies whole records out,
 * reassembling the ones that wrap around the end.
 *
 * Two kinds, as the kernel has them:
 *  - forward (the default): the kernel writes at data_head and never
 *    passes data_tail, which the reader moves to give space back; what
 *    does not fit is dropped and counted in a LOST record;
 *  - overwrite (attr.write_backward, mapped read-only): the kernel writes
 *    backwards from data_head and overwrites the oldest records, a flight
 *    recorder. The reader pauses it, walks from data_head towards older
 *    records, and hands them out oldest first.
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
 * @base:      the control page (struct perf_event_mmap_page), data follows
 * @mask:      data size - 1 (the data size is a power of two)
 * @fd:        the event fd it belongs to
 * @cpu:       CPU it collects, -1 for a per-thread buffer
 * @overwrite: a write_backward ring, mapped read-only
 * @prev:      overwrite: data_head at the previous pass; records between
 *             data_head and it are new
 * @start, @end: the window of the current read pass
 * @order:     overwrite: offsets of the pass's records, newest first;
 *             @pos counts down through them
 * @copy:      scratch for a record that wraps around the end
 */
struct perf_mmap {
	void *base;
	size_t mask;
	int fd;
	int cpu;
	bool overwrite;
	uint64_t prev;
	uint64_t start;
	uint64_t end;
	uint64_t *order;
	size_t nr_order, alloc_order, pos;
	char copy[65536 + 8];
};

/*
 * Map @pages data pages (a power of two) of @fd, read-only when
 * @overwrite (the kernel then never waits for the reader). Returns 0 or
 * -errno (-EPERM when the locked-memory limit is exceeded).
 */
int perf_mmap__mmap(struct perf_mmap *map, int fd, int cpu, unsigned int pages,
		    bool overwrite);
/* Unmap and free; safe on a map that was never mapped. */
void perf_mmap__munmap(struct perf_mmap *map);

/* Bytes of data pages of @map. */
static inline size_t perf_mmap__size(const struct perf_mmap *map)
{
	return map->mask + 1;
}

/*
 * Stop (@pause true) or restart the kernel's writing into @map, so an
 * overwrite ring holds still while it is read. Records that arrive while
 * paused are lost, and counted. Returns 0 or -errno.
 */
int perf_mmap__pause(struct perf_mmap *map, bool pause);

/*
 * Begin a read pass: snapshot the kernel's head (and, for an overwrite
 * ring, find the records written since the last pass). Returns -EAGAIN
 * when there is nothing to read, -ENOMEM when an overwrite pass cannot
 * index its records.
 */
int perf_mmap__read_init(struct perf_mmap *map);

/*
 * The next record of the pass, or NULL at its end: in the order written
 * for a forward ring, oldest first for an overwrite ring. The pointer is
 * into the ring (or into @map->copy for a wrapped record) and valid until
 * the next call.
 */
union perf_event *perf_mmap__read_event(struct perf_mmap *map);

/*
 * End the pass: give the read space back to the kernel (forward), or
 * remember where this pass started (overwrite).
 */
void perf_mmap__consume(struct perf_mmap *map);

#endif /* PERF_UTIL_MMAP_H */
