// SPDX-License-Identifier: GPL-2.0
/* The socket, die, core and NUMA node of each CPU, from sysfs. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpumap.h"
#include "cputopo.h"
#include "fs.h"
#include "zalloc.h"

static int cpu__read_topology(int cpu, const char *field)
{
	char path[PATH_MAX];
	int value;

	snprintf(path, sizeof(path), "%s/devices/system/cpu/cpu%d/topology/%s",
		 sysfs__mountpoint(), cpu, field);
	if (filename__read_int(path, &value))
		return -1;
	return value;
}

/*
 * Nodes list their CPUs as nodeN/cpuM links; one pass over the node
 * directories fills every entry instead of a lookup per CPU.
 */
static void cpu_topo__read_nodes(struct cpu_topo *topo)
{
	char path[PATH_MAX];
	struct dirent *node_de;
	DIR *nodes;

	snprintf(path, sizeof(path), "%s/devices/system/node", sysfs__mountpoint());
	nodes = opendir(path);
	if (!nodes)
		return;
	while ((node_de = readdir(nodes)) != NULL) {
		struct dirent *cpu_de;
		char *end;
		long node;
		DIR *cpus;

		if (strncmp(node_de->d_name, "node", 4))
			continue;
		node = strtol(node_de->d_name + 4, &end, 10);
		if (end == node_de->d_name + 4 || *end)
			continue;
		snprintf(path, sizeof(path), "%s/devices/system/node/%s",
			 sysfs__mountpoint(), node_de->d_name);
		cpus = opendir(path);
		if (!cpus)
			continue;
		while ((cpu_de = readdir(cpus)) != NULL) {
			struct cpu_topo_entry *e;
			long cpu;

			if (strncmp(cpu_de->d_name, "cpu", 3))
				continue;
			cpu = strtol(cpu_de->d_name + 3, &end, 10);
			if (end == cpu_de->d_name + 3 || *end)
				continue;
			e = (struct cpu_topo_entry *)cpu_topo__find(topo, (int)cpu);
			if (e)
				e->node = (int)node;
		}
		closedir(cpus);
	}
	closedir(nodes);
}

struct cpu_topo *cpu_topo__new(const struct perf_cpu_map *cpus)
{
	int i, nr = perf_cpu_map__nr(cpus);
	struct cpu_topo *topo;

	topo = zalloc(sizeof(*topo) + (size_t)nr * sizeof(topo->entries[0]));
	if (!topo)
		return NULL;
	topo->nr = nr;
	for (i = 0; i < nr; i++) {
		struct cpu_topo_entry *e = &topo->entries[i];

		e->cpu = perf_cpu_map__cpu(cpus, i).cpu;
		e->socket = cpu__read_topology(e->cpu, "physical_package_id");
		e->die = cpu__read_topology(e->cpu, "die_id");
		e->core = cpu__read_topology(e->cpu, "core_id");
		e->node = 0;
	}
	cpu_topo__read_nodes(topo);
	return topo;
}

void cpu_topo__delete(struct cpu_topo *topo)
{
	free(topo);
}

const struct cpu_topo_entry *cpu_topo__find(const struct cpu_topo *topo, int cpu)
{
	int i;

	for (i = 0; topo && i < topo->nr; i++)
		if (topo->entries[i].cpu == cpu)
			return &topo->entries[i];
	return NULL;
}
