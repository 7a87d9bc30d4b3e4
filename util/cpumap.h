/* SPDX-License-Identifier: GPL-2.0 */
/*
 * perf_cpu_map: a sorted, de-duplicated, refcounted list of CPU numbers,
 * from "-C 0,2-3", a sysfs cpumask, or the online CPUs. The "any CPU"
 * map holds the single entry -1, which perf_event_open() reads as "follow
 * the task wherever it runs".
 *
 * Layer 1: depends on util/fs.
 */
#ifndef PERF_UTIL_CPUMAP_H
#define PERF_UTIL_CPUMAP_H

#include <stdbool.h>
#include <stddef.h>

struct perf_cpu {
	int cpu;
};

struct perf_cpu_map {
	int refcnt;
	int nr;
	struct perf_cpu map[];
};

/*
 * Parse a CPU list ("0-3,5", "1", "") into a new map; NULL means the
 * online CPUs. Returns a new reference, or NULL if @cpu_list is malformed
 * or out of memory.
 */
struct perf_cpu_map *perf_cpu_map__new(const char *cpu_list);
/* The online CPUs (/sys/devices/system/cpu/online). New reference. */
struct perf_cpu_map *perf_cpu_map__new_online_cpus(void);
/* The map {-1}: any CPU, for per-task events. New reference. */
struct perf_cpu_map *perf_cpu_map__new_any(void);
/* A map of the @nr given CPUs (sorted and de-duplicated). New reference. */
struct perf_cpu_map *perf_cpu_map__new_from_array(const int *cpus, int nr);

struct perf_cpu_map *perf_cpu_map__get(struct perf_cpu_map *map);
void perf_cpu_map__put(struct perf_cpu_map *map);

static inline int perf_cpu_map__nr(const struct perf_cpu_map *map)
{
	return map ? map->nr : 1;
}

/* CPU at @idx; -1 for the "any" map or a NULL map. */
struct perf_cpu perf_cpu_map__cpu(const struct perf_cpu_map *map, int idx);
/* Index of @cpu in @map, or -1. */
int perf_cpu_map__idx(const struct perf_cpu_map *map, struct perf_cpu cpu);
bool perf_cpu_map__has(const struct perf_cpu_map *map, struct perf_cpu cpu);
/* True for the {-1} map. */
bool perf_cpu_map__has_any_cpu(const struct perf_cpu_map *map);
/* Largest CPU number in the map, -1 if none. */
int perf_cpu_map__max(const struct perf_cpu_map *map);

/* CPUs in both maps, new reference (NULL on allocation failure). */
struct perf_cpu_map *perf_cpu_map__intersect(struct perf_cpu_map *a,
					     struct perf_cpu_map *b);

/* Print as a CPU list ("0-3,5") into @buf; returns the length written. */
size_t cpu_map__snprint(const struct perf_cpu_map *map, char *buf, size_t size);

/* Number of CPUs configured on this machine (the "possible" range). */
int cpu__max_cpu(void);

#define perf_cpu_map__for_each_cpu(cpu, idx, cpus)			\
	for ((idx) = 0, (cpu) = perf_cpu_map__cpu(cpus, idx);		\
	     (idx) < perf_cpu_map__nr(cpus);				\
	     (idx)++, (cpu) = perf_cpu_map__cpu(cpus, idx))

#endif /* PERF_UTIL_CPUMAP_H */
