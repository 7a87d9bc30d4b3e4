// SPDX-License-Identifier: GPL-2.0
/* Address spaces as sorted arrays of maps, with the kernel's overlap rules. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dso.h"
#include "map.h"
#include "maps.h"
#include "zalloc.h"

struct maps *maps__new(struct machine *machine, pid_t pid)
{
	struct maps *maps = zalloc(sizeof(*maps));

	if (!maps)
		return NULL;
	maps->machine = machine;
	maps->pid = pid;
	maps->refcnt = 1;
	return maps;
}

struct maps *maps__get(struct maps *maps)
{
	if (maps)
		maps->refcnt++;
	return maps;
}

static void maps__clear(struct maps *maps)
{
	size_t i;

	for (i = 0; i < maps->nr; i++)
		map__put(maps->entries[i]);
	maps->nr = 0;
	maps->last = NULL;
	maps->generation++;
}

void maps__put(struct maps *maps)
{
	if (!maps || --maps->refcnt > 0)
		return;
	maps__clear(maps);
	if (maps->priv && maps->priv_free)
		maps->priv_free(maps->priv);
	free(maps->entries);
	free(maps);
}

static int maps__reserve(struct maps *maps, size_t extra)
{
	size_t n;
	struct map **e;

	if (maps->nr + extra <= maps->alloc)
		return 0;
	n = maps->alloc ? maps->alloc * 2 : 32;
	while (n < maps->nr + extra)
		n *= 2;
	e = realloc(maps->entries, n * sizeof(*e));
	if (!e)
		return -ENOMEM;
	maps->entries = e;
	maps->alloc = n;
	return 0;
}

/* Index of the first map whose start is > @addr. */
static size_t maps__upper(const struct maps *maps, uint64_t addr)
{
	size_t lo = 0, hi = maps->nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (maps->entries[mid]->start <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int maps__insert(struct maps *maps, struct map *map)
{
	struct map *before = NULL, *after = NULL;
	size_t first, last, pos, i, keep;

	if (map->end <= map->start)
		return -EINVAL;
	/* Overlapped entries are [first, last). */
	first = maps__upper(maps, map->start);
	if (first > 0 && maps->entries[first - 1]->end > map->start)
		first--;
	last = first;
	while (last < maps->nr && maps->entries[last]->start < map->end)
		last++;

	if (first < last) {
		struct map *lo = maps->entries[first], *hi = maps->entries[last - 1];

		if (lo->start < map->start) {
			before = map__clone(lo);
			if (!before)
				return -ENOMEM;
			before->end = map->start;
		}
		if (hi->end > map->end) {
			after = map__clone(hi);
			if (!after) {
				map__put(before);
				return -ENOMEM;
			}
			after->start = map->end;
			after->pgoff += map->end - hi->start;
		}
	}
	keep = (size_t)(before != NULL) + (after != NULL) + 1;
	if (maps__reserve(maps, keep)) {
		map__put(before);
		map__put(after);
		return -ENOMEM;
	}
	for (i = first; i < last; i++)
		map__put(maps->entries[i]);
	/* Replace [first, last) by before?, map, after?. */
	memmove(maps->entries + first + keep, maps->entries + last,
		(maps->nr - last) * sizeof(*maps->entries));
	maps->nr = maps->nr - (last - first) + keep;
	pos = first;
	if (before)
		maps->entries[pos++] = before;
	maps->entries[pos++] = map__get(map);
	if (after)
		maps->entries[pos++] = after;
	maps->last = NULL;
	maps->generation++;
	return 0;
}

void maps__remove(struct maps *maps, struct map *map)
{
	size_t i;

	for (i = 0; i < maps->nr; i++) {
		if (maps->entries[i] != map)
			continue;
		memmove(maps->entries + i, maps->entries + i + 1,
			(maps->nr - i - 1) * sizeof(*maps->entries));
		maps->nr--;
		maps->last = NULL;
		maps->generation++;
		map__put(map);
		return;
	}
}

struct map *maps__find(struct maps *maps, uint64_t addr)
{
	struct map *m = maps->last;
	size_t i;

	/* Consecutive samples mostly hit the same map. */
	if (m && map__contains(m, addr))
		return m;
	i = maps__upper(maps, addr);
	if (i == 0)
		return NULL;
	m = maps->entries[i - 1];
	if (!map__contains(m, addr))
		return NULL;
	maps->last = m;
	return m;
}

struct map *maps__find_by_dso_name(struct maps *maps, const char *name)
{
	size_t i;

	for (i = 0; i < maps->nr; i++) {
		struct map *m = maps->entries[i];

		if (m->dso && !strcmp(m->dso->short_name, name))
			return m;
	}
	return NULL;
}

int maps__clone(struct maps *dst, const struct maps *src)
{
	size_t i;

	for (i = 0; i < src->nr; i++) {
		struct map *m = map__clone(src->entries[i]);
		int err;

		if (!m)
			return -ENOMEM;
		err = maps__insert(dst, m);
		map__put(m);
		if (err)
			return err;
	}
	return 0;
}

void maps__fixup_end(struct maps *maps)
{
	size_t i;

	for (i = 0; i < maps->nr; i++) {
		struct map *m = maps->entries[i];

		if (m->end > m->start)
			continue;
		m->end = i + 1 < maps->nr ? maps->entries[i + 1]->start : ~0ULL;
	}
	maps->last = NULL;
}

size_t maps__fprintf(const struct maps *maps, FILE *fp, int indent)
{
	size_t i, n = 0;

	for (i = 0; i < maps->nr; i++) {
		n += (size_t)fprintf(fp, "%*s", indent, "");
		n += map__fprintf(maps->entries[i], fp);
	}
	return n;
}
