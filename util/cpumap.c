// SPDX-License-Identifier: GPL-2.0
/* CPU lists: parsing, sysfs masks, set operations. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpumap.h"
#include "fs.h"
#include "util.h"

static struct perf_cpu_map *cpu_map__alloc(int nr)
{
	struct perf_cpu_map *map = malloc(sizeof(*map) + (size_t)nr * sizeof(struct perf_cpu));

	if (map) {
		map->refcnt = 1;
		map->nr = nr;
	}
	return map;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

struct perf_cpu_map *perf_cpu_map__new_from_array(const int *cpus, int nr)
{
	struct perf_cpu_map *map;
	int *sorted, i, j;

	if (nr <= 0)
		return NULL;
	sorted = malloc((size_t)nr * sizeof(int));
	if (!sorted)
		return NULL;
	memcpy(sorted, cpus, (size_t)nr * sizeof(int));
	qsort(sorted, (size_t)nr, sizeof(int), cmp_int);
	for (i = j = 1; i < nr; i++)
		if (sorted[i] != sorted[j - 1])
			sorted[j++] = sorted[i];
	map = cpu_map__alloc(j);
	if (map)
		for (i = 0; i < j; i++)
			map->map[i].cpu = sorted[i];
	free(sorted);
	return map;
}

struct perf_cpu_map *perf_cpu_map__new_any(void)
{
	struct perf_cpu_map *map = cpu_map__alloc(1);

	if (map)
		map->map[0].cpu = -1;
	return map;
}

/*
 * Parse "0-3,5,7-8" (blanks and a trailing newline allowed, as sysfs
 * writes them). Returns the count, or -1 if malformed; *out is malloc'ed.
 */
static int parse_cpu_list(const char *s, int **out)
{
	int *cpus = NULL, nr = 0, alloc = 0;

	while (*s) {
		char *end;
		long a, b;

		while (isspace((unsigned char)*s))
			s++;
		if (!*s)
			break;
		if (!isdigit((unsigned char)*s))
			goto bad;
		a = strtol(s, &end, 10);
		b = a;
		s = end;
		if (*s == '-') {
			s++;
			if (!isdigit((unsigned char)*s))
				goto bad;
			b = strtol(s, &end, 10);
			s = end;
		}
		/* Kernels have at most a few thousand CPUs; INT_MAX guards overflow. */
		if (a < 0 || b < a || b >= 1 << 20)
			goto bad;
		for (; a <= b; a++) {
			if (nr == alloc) {
				int *n;

				alloc = alloc ? alloc * 2 : 16;
				n = realloc(cpus, (size_t)alloc * sizeof(int));
				if (!n)
					goto bad;
				cpus = n;
			}
			cpus[nr++] = (int)a;
		}
		while (isspace((unsigned char)*s))
			s++;
		if (*s == ',') {
			s++;
			if (!*s)
				goto bad;
		} else if (*s) {
			goto bad;
		}
	}
	*out = cpus;
	return nr;
bad:
	free(cpus);
	return -1;
}

struct perf_cpu_map *perf_cpu_map__new(const char *cpu_list)
{
	struct perf_cpu_map *map;
	int *cpus = NULL, nr;

	if (!cpu_list)
		return perf_cpu_map__new_online_cpus();
	nr = parse_cpu_list(cpu_list, &cpus);
	if (nr < 0)
		return NULL;
	if (nr == 0) {
		free(cpus);
		/* An empty list is the "any CPU" map, as for per-task events. */
		return perf_cpu_map__new_any();
	}
	map = perf_cpu_map__new_from_array(cpus, nr);
	free(cpus);
	return map;
}

struct perf_cpu_map *perf_cpu_map__new_online_cpus(void)
{
	struct perf_cpu_map *map = NULL;
	char *buf = NULL;

	if (filename__read_str("/sys/devices/system/cpu/online", &buf, NULL) == 0) {
		int *cpus = NULL, nr = parse_cpu_list(buf, &cpus);

		if (nr > 0)
			map = perf_cpu_map__new_from_array(cpus, nr);
		free(cpus);
		free(buf);
	}
	if (!map) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		int i, *cpus;

		if (n <= 0)
			n = 1;
		cpus = malloc((size_t)n * sizeof(int));
		if (!cpus)
			return NULL;
		for (i = 0; i < n; i++)
			cpus[i] = i;
		map = perf_cpu_map__new_from_array(cpus, (int)n);
		free(cpus);
	}
	return map;
}

struct perf_cpu_map *perf_cpu_map__get(struct perf_cpu_map *map)
{
	if (map)
		map->refcnt++;
	return map;
}

void perf_cpu_map__put(struct perf_cpu_map *map)
{
	if (map && --map->refcnt == 0)
		free(map);
}

struct perf_cpu perf_cpu_map__cpu(const struct perf_cpu_map *map, int idx)
{
	struct perf_cpu c = { -1 };

	if (map && idx >= 0 && idx < map->nr)
		c = map->map[idx];
	return c;
}

int perf_cpu_map__idx(const struct perf_cpu_map *map, struct perf_cpu cpu)
{
	int lo = 0, hi;

	if (!map)
		return -1;
	hi = map->nr;
	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (map->map[mid].cpu == cpu.cpu)
			return mid;
		if (map->map[mid].cpu < cpu.cpu)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

bool perf_cpu_map__has(const struct perf_cpu_map *map, struct perf_cpu cpu)
{
	return perf_cpu_map__idx(map, cpu) >= 0;
}

bool perf_cpu_map__has_any_cpu(const struct perf_cpu_map *map)
{
	return !map || (map->nr == 1 && map->map[0].cpu == -1);
}

int perf_cpu_map__max(const struct perf_cpu_map *map)
{
	return map && map->nr ? map->map[map->nr - 1].cpu : -1;
}

struct perf_cpu_map *perf_cpu_map__intersect(struct perf_cpu_map *a,
					     struct perf_cpu_map *b)
{
	struct perf_cpu_map *out;
	int *cpus, nr = 0, i;

	if (perf_cpu_map__has_any_cpu(a))
		return perf_cpu_map__get(b);
	if (perf_cpu_map__has_any_cpu(b))
		return perf_cpu_map__get(a);
	cpus = malloc((size_t)(a->nr + 1) * sizeof(int));
	if (!cpus)
		return NULL;
	for (i = 0; i < a->nr; i++)
		if (perf_cpu_map__has(b, a->map[i]))
			cpus[nr++] = a->map[i].cpu;
	out = nr ? perf_cpu_map__new_from_array(cpus, nr) : cpu_map__alloc(0);
	free(cpus);
	return out;
}

size_t cpu_map__snprint(const struct perf_cpu_map *map, char *buf, size_t size)
{
	size_t len = 0;
	int i, start;

	if (size)
		buf[0] = '\0';
	if (!map)
		return 0;
	for (i = 0; i < map->nr; i = start + 1) {
		int n;

		start = i;
		while (start + 1 < map->nr &&
		       map->map[start + 1].cpu == map->map[start].cpu + 1)
			start++;
		if (start == i)
			n = snprintf(buf + len, size > len ? size - len : 0, "%s%d",
				     len ? "," : "", map->map[i].cpu);
		else
			n = snprintf(buf + len, size > len ? size - len : 0, "%s%d-%d",
				     len ? "," : "", map->map[i].cpu, map->map[start].cpu);
		if (n < 0)
			break;
		len += (size_t)n;
	}
	return len < size ? len : (size ? size - 1 : 0);
}

int cpu__max_cpu(void)
{
	static int max_cpu;
	char *buf = NULL;

	if (max_cpu)
		return max_cpu;
	if (filename__read_str("/sys/devices/system/cpu/possible", &buf, NULL) == 0) {
		int *cpus = NULL, nr = parse_cpu_list(buf, &cpus);

		if (nr > 0)
			max_cpu = cpus[nr - 1] + 1;
		free(cpus);
		free(buf);
	}
	if (max_cpu <= 0)
		max_cpu = (int)sysconf(_SC_NPROCESSORS_CONF);
	if (max_cpu <= 0)
		max_cpu = 1;
	return max_cpu;
}
