// SPDX-License-Identifier: GPL-2.0
/* Reading records out of a perf ring buffer, forward or overwrite. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
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

static inline unsigned char *ring_data(struct perf_mmap *map)
{
	return (unsigned char *)map->base + sysconf(_SC_PAGESIZE);
}

int perf_mmap__mmap(struct perf_mmap *map, int fd, int cpu, unsigned int pages,
		    bool overwrite)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t len = (pages + 1) * page;
	/* Without PROT_WRITE the kernel treats the ring as overwritable. */
	int prot = overwrite ? PROT_READ : PROT_READ | PROT_WRITE;

	if (!pages || (pages & (pages - 1)))
		return -EINVAL;
	map->base = mmap(NULL, len, prot, MAP_SHARED, fd, 0);
	if (map->base == MAP_FAILED) {
		map->base = NULL;
		return -errno;
	}
	map->mask = pages * page - 1;
	map->fd = fd;
	map->cpu = cpu;
	map->overwrite = overwrite;
	map->prev = 0;
	map->start = map->end = 0;
	map->order = NULL;
	map->nr_order = map->alloc_order = map->pos = 0;
	return 0;
}

void perf_mmap__munmap(struct perf_mmap *map)
{
	if (map->base)
		munmap(map->base, perf_mmap__size(map) + (size_t)sysconf(_SC_PAGESIZE));
	map->base = NULL;
	free(map->order);
	map->order = NULL;
	map->nr_order = map->alloc_order = 0;
}

int perf_mmap__pause(struct perf_mmap *map, bool pause)
{
	if (!map->base)
		return -EINVAL;
	if (ioctl(map->fd, PERF_EVENT_IOC_PAUSE_OUTPUT, pause ? 1 : 0) < 0)
		return -errno;
	return 0;
}

/*
 * The record at ring position @pos, of which @avail bytes belong to the
 * pass; NULL when its size is corrupt or runs past @avail. A record (or
 * just its header) that straddles the end of the ring is copied out.
 */
static struct perf_event_header *ring_event_at(struct perf_mmap *map, uint64_t pos,
					       uint64_t avail)
{
	unsigned char *data = ring_data(map);
	struct perf_event_header *hdr;
	size_t off = pos & map->mask, size;

	if (avail < sizeof(*hdr))
		return NULL;
	if (off + sizeof(*hdr) > perf_mmap__size(map)) {
		size_t first = perf_mmap__size(map) - off;

		memcpy(map->copy, data + off, first);
		memcpy(map->copy + first, data, sizeof(*hdr) - first);
		hdr = (struct perf_event_header *)map->copy;
	} else {
		hdr = (struct perf_event_header *)(data + off);
	}
	size = hdr->size;
	if (size < sizeof(*hdr) || size > avail)
		return NULL;	/* a corrupt size: stop the pass, never loop */
	if (off + size > perf_mmap__size(map)) {
		size_t first = perf_mmap__size(map) - off;

		memcpy(map->copy, data + off, first);
		memcpy(map->copy + first, data, size - first);
		hdr = (struct perf_event_header *)map->copy;
	}
	return hdr;
}

static int order__add(struct perf_mmap *map, uint64_t pos)
{
	if (map->nr_order == map->alloc_order) {
		size_t n = map->alloc_order ? map->alloc_order * 2 : 1024;
		uint64_t *p = realloc(map->order, n * sizeof(*p));

		if (!p)
			return -ENOMEM;
		map->order = p;
		map->alloc_order = n;
	}
	map->order[map->nr_order++] = pos;
	return 0;
}

/*
 * Overwrite ring: the kernel writes each record just below data_head, so
 * from data_head upwards come the newest record, then older ones. The new
 * part ends at the previous pass's head, at a zero header (never written)
 * or where a record would reach past one ring size (partly overwritten).
 */
static int overwrite__read_init(struct perf_mmap *map)
{
	uint64_t head = ring_head(map), pos = head, size = perf_mmap__size(map);

	map->nr_order = 0;
	if (head == map->prev)
		return -EAGAIN;
	while (pos != map->prev && pos - head < size) {
		struct perf_event_header *hdr = ring_event_at(map, pos, size - (pos - head));

		if (!hdr)
			break;
		if (order__add(map, pos))
			return -ENOMEM;
		pos += hdr->size;
	}
	map->start = head;
	map->end = pos;
	map->pos = map->nr_order;
	return map->nr_order ? 0 : -EAGAIN;
}

int perf_mmap__read_init(struct perf_mmap *map)
{
	if (!map->base)
		return -EINVAL;
	if (map->overwrite)
		return overwrite__read_init(map);
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
	struct perf_event_header *hdr;

	if (map->overwrite) {
		uint64_t pos;

		if (!map->pos)
			return NULL;
		pos = map->order[--map->pos];
		return (union perf_event *)ring_event_at(map, pos, map->end - pos);
	}
	hdr = ring_event_at(map, map->start, map->end - map->start);
	if (!hdr)
		return NULL;
	map->start += hdr->size;
	return (union perf_event *)hdr;
}

void perf_mmap__consume(struct perf_mmap *map)
{
	if (map->overwrite) {
		/* The read-only mapping has no tail to move. */
		map->prev = map->start;
		map->nr_order = map->pos = 0;
		return;
	}
	ring_set_tail(map, map->start);
}
