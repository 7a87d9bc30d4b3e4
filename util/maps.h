/* SPDX-License-Identifier: GPL-2.0 */
/*
 * maps: an address space — the maps of one process (shared by its
 * threads) or of the kernel — kept sorted and non-overlapping, so that an
 * address is found in O(log n). Inserting a map that overlaps others
 * replaces the overlapped parts, as a new mmap() does in the kernel.
 *
 * Layer 3: depends on util/map.
 */
#ifndef PERF_UTIL_MAPS_H
#define PERF_UTIL_MAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct machine;
struct map;

/**
 * struct maps - a sorted array of maps (one reference held per entry)
 * @machine:    the owner, for kernel lookups from user addresses
 * @pid:        the process (-1 for the kernel)
 * @generation: bumped by every change, so caches keyed on the layout
 *              (the unwinder's per-process state) know to rebuild
 * @priv:       for one user (the unwinder), freed with @priv_free
 */
struct maps {
	struct map **entries;
	size_t nr;
	size_t alloc;
	struct machine *machine;
	pid_t pid;
	int refcnt;
	unsigned int generation;
	struct map *last;
	void *priv;
	void (*priv_free)(void *priv);
};

/* Empty maps of process @pid of @machine. NULL on ENOMEM. One reference. */
struct maps *maps__new(struct machine *machine, pid_t pid);
struct maps *maps__get(struct maps *maps);
void maps__put(struct maps *maps);
#define maps__zput(m) do { maps__put(m); (m) = NULL; } while (0)

/*
 * Insert @map (maps takes its own reference). Parts of existing maps that
 * @map overlaps are removed; what sticks out on either side stays as
 * shortened copies. 0 or -ENOMEM (then @maps is unchanged).
 */
int maps__insert(struct maps *maps, struct map *map);

/* Remove @map if present (drops maps's reference). */
void maps__remove(struct maps *maps, struct map *map);

/*
 * The map containing @addr, or NULL. The result is borrowed: valid until
 * @maps changes; take map__get() to keep it.
 */
struct map *maps__find(struct maps *maps, uint64_t addr);

/* The first map whose dso's short name is @name (kernel modules), borrowed. */
struct map *maps__find_by_dso_name(struct maps *maps, const char *name);

/*
 * Copy every map of @src into @dst (fork without CLONE_VM): new map
 * objects over the same dsos. 0 or -ENOMEM.
 */
int maps__clone(struct maps *dst, const struct maps *src);

/* Maps whose end is unknown (0) end where the next one starts. */
void maps__fixup_end(struct maps *maps);

static inline size_t maps__nr(const struct maps *maps)
{
	return maps->nr;
}

#define maps__for_each_map(maps, map, i) \
	for ((i) = 0; (i) < (maps)->nr && ((map) = (maps)->entries[i], 1); (i)++)

/* Every map, one map__fprintf() line each, each prefixed by @indent spaces. */
size_t maps__fprintf(const struct maps *maps, FILE *fp, int indent);

#endif /* PERF_UTIL_MAPS_H */
