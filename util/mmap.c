// SPDX-License-Identifier: GPL-2.0
/* Reading records out of a perf ring buffer. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "event.h"
#include "mmap.h"

/*
 * The kernel publishes data_head with a release store after writing the
 * records; an acquire load orders our reads of the records after it, and
 * a release store of data_tail orders our reads before the kernel's reuse.
 */
static inline uint64_t ring_head(struct perf_mmap *map)
{
	struct perf_event_mmap_page *pc = map->base;

	return __atomic_load_n(&pc->data_head, __ATOMIC_ACQUIRE);
}

static inline void ring_set_tail(struct perf_mmap *map, uint64_t tail)
{
	struct perf_event_mmap_page *pc = map->base;

	__atomic_store_n(&pc->data_tail, tail, __ATOMIC_RELEASE);
}

static inline uint64_t ring_tail(struct perf_mmap *map)
{
	struct perf_event_mmap_page *pc = map->base;

	return pc->data_tail;
}

int perf_mmap__mmap(struct perf_mmap *map, int fd, int cpu, unsigned int pages)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t len = (pages + 1) * page;

	if (!pages || (pages & (pages - 1)))
		return -EINVAL;
	map->base = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map->base == MAP_FAILED) {
		map->base = NULL;
		return -errno;
	}
	map->mask = pages * page - 1;
	map->fd = fd;
	map->cpu = cpu;
	map->start = map->end = 0;
	return 0;
}

void perf_mmap__munmap(struct perf_mmap *map)
{
	if (map->base)
		munmap(map->base, perf_mmap__size(map) + (size_t)sysconf(_SC_PAGESIZE));
	map->base = NULL;
}

static inline unsigned char *ring_data(struct perf_mmap *map)
{
	return (unsigned char *)map->base + sysconf(_SC_PAGESIZE);
}

int perf_mmap__read_init(struct perf_mmap *map)
{
	if (!map->base)
		return -EINVAL;
	map->start = ring_tail(map);
	map->end = ring_head(map);
	if (map->start == map->end)
		return -EAGAIN;
	/* The kernel never overruns an unconsumed tail in non-overwrite mode. */
	if (map->end - map->start > perf_mmap__size(map))
		map->start = map->end - perf_mmap__size(map);
	return 0;
}

union perf_event *perf_mmap__read_event(struct perf_mmap *map)
{
	unsigned char *data = ring_data(map);
	struct perf_event_header *hdr;
	size_t off, size;

	if (map->end - map->start < sizeof(*hdr))
		return NULL;
	off = map->start & map->mask;
	/* The header itself may straddle the end of the ring. */
	if (off + sizeof(*hdr) > perf_mmap__size(map)) {
		size_t first = perf_mmap__size(map) - off;

		memcpy(map->copy, data + off, first);
		memcpy(map->copy + first, data, sizeof(*hdr) - first);
		hdr = (struct perf_event_header *)map->copy;
	} else {
		hdr = (struct perf_event_header *)(data + off);
	}
	size = hdr->size;
	if (size < sizeof(*hdr) || size > map->end - map->start)
		return NULL;	/* a corrupt size: stop the pass, never loop */

	if (off + size > perf_mmap__size(map)) {
		size_t first = perf_mmap__size(map) - off;

		memcpy(map->copy, data + off, first);
		memcpy(map->copy + first, data, size - first);
		hdr = (struct perf_event_header *)map->copy;
	} else {
		hdr = (struct perf_event_header *)(data + off);
	}
	map->start += size;
	return (union perf_event *)hdr;
}

void perf_mmap__consume(struct perf_mmap *map)
{
	ring_set_tail(map, map->start);
}

int perf_mmap__push(struct perf_mmap *map, void *ctx,
		    int (*fn)(void *ctx, const void *buf, size_t size))
{
	unsigned char *data = ring_data(map);
	uint64_t start = map->start, end = map->end;
	size_t off = start & map->mask, len = (size_t)(end - start);
	int err;

	if (off + len > perf_mmap__size(map)) {
		size_t first = perf_mmap__size(map) - off;

		err = fn(ctx, data + off, first);
		if (err)
			return err;
		err = fn(ctx, data, len - first);
	} else {
		err = fn(ctx, data + off, len);
	}
	if (!err)
		map->start = end;
	return err;
}
