/* SPDX-License-Identifier: GPL-2.0 */
/*
 * map: one mapped address range of a process or of the kernel, pointing
 * at the dso mapped there and the file offset (pgoff) of its start.
 *
 * map__map_ip() turns a sample address into the dso's address space (see
 * dso.h): ip - start + pgoff for file-backed user maps, the address itself
 * for "identity" maps (kernel, modules, JIT and anonymous memory).
 *
 * Layer 3: depends on util/dso.
 */
#ifndef PERF_UTIL_MAP_H
#define PERF_UTIL_MAP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct dso;
struct symbol;

/**
 * struct map - [start, end) mapped from @dso at file offset @pgoff
 * @identity: addresses in this map are dso addresses unchanged
 * @prot, @flags: PROT_* and MAP_* of the MMAP2 record (0 if unknown)
 * @refcnt:   map__get/map__put; maps holds one reference per entry
 */
struct map {
	uint64_t start;
	uint64_t end;
	uint64_t pgoff;
	struct dso *dso;
	uint32_t prot;
	uint32_t flags;
	bool identity;
	int refcnt;
};

/*
 * A map of @len bytes at @start over @dso (a new reference to it is taken)
 * at file offset @pgoff. NULL on ENOMEM. The caller holds the only reference.
 */
struct map *map__new(uint64_t start, uint64_t len, uint64_t pgoff, struct dso *dso);
/* A map with the same fields and its own reference count. NULL on ENOMEM. */
struct map *map__clone(const struct map *map);
struct map *map__get(struct map *map);
void map__put(struct map *map);
#define map__zput(m) do { map__put(m); (m) = NULL; } while (0)

static inline uint64_t map__map_ip(const struct map *map, uint64_t ip)
{
	return map->identity ? ip : ip - map->start + map->pgoff;
}

static inline uint64_t map__unmap_ip(const struct map *map, uint64_t addr)
{
	return map->identity ? addr : addr + map->start - map->pgoff;
}

static inline bool map__contains(const struct map *map, uint64_t ip)
{
	return ip >= map->start && ip < map->end;
}

static inline uint64_t map__size(const struct map *map)
{
	return map->end - map->start;
}

/* The symbol at sample address @ip of this map (dso loaded on first use), or NULL. */
struct symbol *map__find_symbol(struct map *map, uint64_t ip);

/*
 * The ELF address (objdump, DWARF) of sample address @ip: what annotate
 * and srcline want.
 */
uint64_t map__objdump_ip(const struct map *map, uint64_t ip);

/*
 * One line as `perf report --mmaps`/`--tasks` prints a map:
 * "START-END PROT PGOFF INODE NAME". Returns the bytes written.
 */
size_t map__fprintf(const struct map *map, FILE *fp);

#endif /* PERF_UTIL_MAP_H */
