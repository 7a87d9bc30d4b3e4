// SPDX-License-Identifier: GPL-2.0
/* map objects: an address range over a dso. */
#include <inttypes.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "dso.h"
#include "map.h"
#include "zalloc.h"

struct map *map__new(uint64_t start, uint64_t len, uint64_t pgoff, struct dso *dso)
{
	struct map *map = zalloc(sizeof(*map));

	if (!map)
		return NULL;
	map->start = start;
	map->end = start + len;
	map->pgoff = pgoff;
	map->dso = dso__get(dso);
	map->refcnt = 1;
	if (dso && (dso__is_kernel(dso) || dso->kind == DSO_KIND_JIT_MAP ||
		    dso->kind == DSO_KIND_NO_FILE))
		map->identity = true;
	return map;
}

struct map *map__clone(const struct map *map)
{
	struct map *m = malloc(sizeof(*m));

	if (!m)
		return NULL;
	*m = *map;
	m->refcnt = 1;
	dso__get(m->dso);
	return m;
}

struct map *map__get(struct map *map)
{
	if (map)
		map->refcnt++;
	return map;
}

void map__put(struct map *map)
{
	if (map && --map->refcnt == 0) {
		dso__put(map->dso);
		free(map);
	}
}

struct symbol *map__find_symbol(struct map *map, uint64_t ip)
{
	if (!map->dso)
		return NULL;
	return dso__find_symbol(map->dso, map__map_ip(map, ip));
}

uint64_t map__objdump_ip(const struct map *map, uint64_t ip)
{
	uint64_t addr = map__map_ip(map, ip);

	return map->dso ? dso__addr_to_vaddr(map->dso, addr) : addr;
}

size_t map__fprintf(const struct map *map, FILE *fp)
{
	int n = fprintf(fp, "%" PRIx64 "-%" PRIx64 " %c%c%c%c %08" PRIx64 " %" PRIu64 " %s\n",
			map->start, map->end,
			map->prot & PROT_READ ? 'r' : '-',
			map->prot & PROT_WRITE ? 'w' : '-',
			map->prot & PROT_EXEC ? 'x' : '-',
			map->flags & MAP_SHARED ? 's' : 'p',
			map->pgoff, map->dso ? map->dso->id.ino : 0,
			map->dso ? map->dso->long_name : "[unknown]");

	return n > 0 ? (size_t)n : 0;
}
