/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cputopo: where each CPU sits in the machine (socket, die, core, NUMA
 * node), read from sysfs, for perf stat's --per-socket/--per-die/
 * --per-core/--per-node aggregation.
 *
 * The sysfs root is util/fs's sysfs__mountpoint(), so tests point it at
 * a fake tree (tests/data/sysfs/topology/) with $PERF_SYSFS_ROOT or
 * sysfs__set_mountpoint().
 *
 * Layer 1: depends on util/fs and util/cpumap only.
 */
#ifndef PERF_UTIL_CPUTOPO_H
#define PERF_UTIL_CPUTOPO_H

struct perf_cpu_map;

/**
 * struct cpu_topo_entry - one CPU's place
 * @cpu:    the CPU number
 * @socket: topology/physical_package_id, -1 when unreadable
 * @die:    topology/die_id; -1 when unreadable (kernels before 5.2 have none)
 * @core:   topology/core_id, -1 when unreadable
 * @node:   the NUMA node whose directory lists the CPU; 0 when the
 *          kernel has no node directories (non-NUMA builds)
 */
struct cpu_topo_entry {
	int cpu;
	int socket;
	int die;
	int core;
	int node;
};

/** struct cpu_topo - the entries of the CPUs it was built for, in map order */
struct cpu_topo {
	int nr;
	struct cpu_topo_entry entries[];
};

/*
 * Read the topology of every CPU of @cpus (a real CPU list, not the "any"
 * map). Never fails for a missing file: that field is -1 (see above).
 * Returns NULL only when out of memory. Free with cpu_topo__delete().
 */
struct cpu_topo *cpu_topo__new(const struct perf_cpu_map *cpus);
void cpu_topo__delete(struct cpu_topo *topo);

/* The entry of @cpu, or NULL when @cpu was not in the map it was built for. */
const struct cpu_topo_entry *cpu_topo__find(const struct cpu_topo *topo, int cpu);

#endif /* PERF_UTIL_CPUTOPO_H */
