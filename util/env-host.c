// SPDX-License-Identifier: GPL-2.0
/*
 * Describing the running machine for perf.data's header: perf record fills
 * a perf_env from uname, /proc and sysfs, and header-write.c writes it.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "cpumap.h"
#include "fs.h"
#include "header.h"
#include "pmu.h"
#include "util.h"
#include "zalloc.h"

static char *read_trimmed(const char *path)
{
	char *buf;
	size_t len;

	if (filename__read_str(path, &buf, &len))
		return NULL;
	while (len && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		buf[--len] = '\0';
	return buf;
}

/* Value of the first "key : value" line of /proc/cpuinfo, trimmed. */
static char *cpuinfo_value(const char *key)
{
	char line[1024], *val = NULL;
	size_t klen = strlen(key);
	FILE *f = fopen("/proc/cpuinfo", "r");

	if (!f)
		return NULL;
	while (fgets(line, sizeof(line), f)) {
		char *p;

		if (strncmp(line, key, klen) || (line[klen] != '\t' && line[klen] != ' ' &&
						  line[klen] != ':'))
			continue;
		p = strchr(line, ':');
		if (!p)
			continue;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		p[strcspn(p, "\n")] = '\0';
		/* Runs of blanks inside the model name read as one. */
		val = strdup(p);
		if (val) {
			char *r = val, *w = val;

			for (; *r; r++)
				if (!(*r == ' ' && w > val && w[-1] == ' '))
					*w++ = *r;
			while (w > val && w[-1] == ' ')
				w--;
			*w = '\0';
		}
		break;
	}
	fclose(f);
	return val;
}

static char *host_cpuid(void)
{
	char *vendor = cpuinfo_value("vendor_id");
	char *family = cpuinfo_value("cpu family");
	char *model = cpuinfo_value("model");
	char *stepping = cpuinfo_value("stepping");
	char *out = NULL;

	/* x86: vendor,family,model,stepping (GenuineIntel,6,69,1). */
	if (vendor && family && model && stepping &&
	    asprintf(&out, "%s,%s,%s,%s", vendor, family, model, stepping) < 0)
		out = NULL;
	free(vendor);
	free(family);
	free(model);
	free(stepping);
	return out;
}

static uint64_t meminfo_kb(const char *path, const char *key)
{
	char line[256];
	uint64_t val = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		char *p = strstr(line, key);

		if (p) {
			p += strlen(key);
			while (*p == ' ' || *p == ':')
				p++;
			val = strtoull(p, NULL, 10);
			break;
		}
	}
	fclose(f);
	return val;
}

/* Append @s to the string list if it is not in it yet. */
static int strlist_add_unique(char ***list, int *nr, const char *s)
{
	char **n;
	int i;

	for (i = 0; i < *nr; i++)
		if (!strcmp((*list)[i], s))
			return 0;
	n = realloc(*list, (size_t)(*nr + 1) * sizeof(*n));
	if (!n)
		return -ENOMEM;
	*list = n;
	n[*nr] = strdup(s);
	if (!n[*nr])
		return -ENOMEM;
	(*nr)++;
	return 0;
}

static int read_topology(struct perf_env *env)
{
	char path[PATH_MAX];
	int cpu, err = 0;

	env->cpu = calloc((size_t)env->nr_cpus_avail, sizeof(*env->cpu));
	if (!env->cpu)
		return -ENOMEM;
	for (cpu = 0; cpu < env->nr_cpus_avail && !err; cpu++) {
		static const char *const lists[] = {
			"core_cpus_list", "thread_siblings_list",
		};
		char *s;
		int v;

		snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%d/topology", cpu);
		if (!file_exists(path)) {
			/* Offline or absent CPUs: -1 ids, as the reference writes. */
			env->cpu[cpu].core_id = env->cpu[cpu].socket_id = env->cpu[cpu].die_id = -1;
			continue;
		}
#define TOPO_ID(file, field)							\
		do {								\
			snprintf(path, sizeof(path),				\
				 "/sys/devices/system/cpu/cpu%d/topology/" file, cpu); \
			env->cpu[cpu].field = filename__read_int(path, &v) ? -1 : v; \
		} while (0)
		TOPO_ID("core_id", core_id);
		TOPO_ID("physical_package_id", socket_id);
		TOPO_ID("die_id", die_id);
#undef TOPO_ID
		snprintf(path, sizeof(path),
			 "/sys/devices/system/cpu/cpu%d/topology/core_siblings_list", cpu);
		s = read_trimmed(path);
		if (!s) {
			snprintf(path, sizeof(path),
				 "/sys/devices/system/cpu/cpu%d/topology/package_cpus_list", cpu);
			s = read_trimmed(path);
		}
		if (s) {
			err = strlist_add_unique(&env->sibling_cores, &env->nr_sibling_cores, s);
			free(s);
		}
		snprintf(path, sizeof(path),
			 "/sys/devices/system/cpu/cpu%d/topology/die_cpus_list", cpu);
		s = read_trimmed(path);
		if (s && !err) {
			err = strlist_add_unique(&env->sibling_dies, &env->nr_sibling_dies, s);
		}
		free(s);
		s = NULL;
		for (size_t i = 0; i < ARRAY_SIZE(lists) && !s; i++) {
			snprintf(path, sizeof(path),
				 "/sys/devices/system/cpu/cpu%d/topology/%s", cpu, lists[i]);
			s = read_trimmed(path);
		}
		if (s && !err)
			err = strlist_add_unique(&env->sibling_threads, &env->nr_sibling_threads, s);
		free(s);
	}
	return err;
}

static int read_numa(struct perf_env *env)
{
	struct dirent *de;
	DIR *d = opendir("/sys/devices/system/node");

	if (!d)
		return 0;
	while ((de = readdir(d)) != NULL) {
		char path[PATH_MAX];
		struct numa_node *n;
		unsigned int node;

		if (strncmp(de->d_name, "node", 4) || !isdigit((unsigned char)de->d_name[4]))
			continue;
		node = (unsigned int)atoi(de->d_name + 4);
		n = realloc(env->numa_nodes, (size_t)(env->nr_numa_nodes + 1) * sizeof(*n));
		if (!n) {
			closedir(d);
			return -ENOMEM;
		}
		env->numa_nodes = n;
		n = &n[env->nr_numa_nodes++];
		memset(n, 0, sizeof(*n));
		n->node = node;
		snprintf(path, sizeof(path), "/sys/devices/system/node/node%u/meminfo", node);
		n->mem_total = meminfo_kb(path, "MemTotal");
		n->mem_free = meminfo_kb(path, "MemFree");
		snprintf(path, sizeof(path), "/sys/devices/system/node/node%u/cpulist", node);
		n->cpus = read_trimmed(path);
		if (!n->cpus)
			n->cpus = strdup("");
	}
	closedir(d);
	/* readdir order is arbitrary; the header lists nodes ascending. */
	for (int i = 1; i < env->nr_numa_nodes; i++)
		for (int j = i; j > 0 && env->numa_nodes[j - 1].node > env->numa_nodes[j].node; j--) {
			struct numa_node t = env->numa_nodes[j];

			env->numa_nodes[j] = env->numa_nodes[j - 1];
			env->numa_nodes[j - 1] = t;
		}
	return 0;
}

static int read_caches(struct perf_env *env)
{
	char path[PATH_MAX];
	int idx;

	/* CPU 0's caches describe the machine well enough, as in the reference. */
	for (idx = 0; idx < 16; idx++) {
		struct cpu_cache_level *c, *n;
		int v;

		snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu0/cache/index%d/level", idx);
		if (filename__read_int(path, &v))
			break;
		n = realloc(env->caches, (size_t)(env->nr_caches + 1) * sizeof(*n));
		if (!n)
			return -ENOMEM;
		env->caches = n;
		c = &n[env->nr_caches++];
		memset(c, 0, sizeof(*c));
		c->level = (uint32_t)v;
#define CACHE_INT(file, field)							\
		do {								\
			snprintf(path, sizeof(path),				\
				 "/sys/devices/system/cpu/cpu0/cache/index%d/" file, idx); \
			c->field = filename__read_int(path, &v) ? 0 : (uint32_t)v; \
		} while (0)
		CACHE_INT("coherency_line_size", line_size);
		CACHE_INT("number_of_sets", sets);
		CACHE_INT("ways_of_associativity", ways);
#undef CACHE_INT
#define CACHE_STR(file, field)							\
		do {								\
			snprintf(path, sizeof(path),				\
				 "/sys/devices/system/cpu/cpu0/cache/index%d/" file, idx); \
			c->field = read_trimmed(path);				\
			if (!c->field)						\
				c->field = strdup("");				\
		} while (0)
		CACHE_STR("type", type);
		CACHE_STR("size", size);
		CACHE_STR("shared_cpu_list", map);
#undef CACHE_STR
	}
	return 0;
}

static int read_memory_topology(struct perf_env *env)
{
	unsigned long long bsize;
	char *s;
	int i;

	/* block_size_bytes is hex without a prefix. */
	s = read_trimmed("/sys/devices/system/memory/block_size_bytes");
	if (!s)
		return 0;
	bsize = strtoull(s, NULL, 16);
	free(s);
	env->memory_bsize = bsize;

	for (i = 0; i < env->nr_numa_nodes; i++) {
		char path[PATH_MAX];
		struct memory_node *mn, *n;
		struct dirent *de;
		uint64_t max = 0;
		DIR *d;

		snprintf(path, sizeof(path), "/sys/devices/system/node/node%u",
			 env->numa_nodes[i].node);
		d = opendir(path);
		if (!d)
			continue;
		/* First pass: the highest memory block index sizes the bitmap. */
		while ((de = readdir(d)) != NULL)
			if (!strncmp(de->d_name, "memory", 6) && isdigit((unsigned char)de->d_name[6]))
				max = max > strtoull(de->d_name + 6, NULL, 10) + 1 ?
				      max : strtoull(de->d_name + 6, NULL, 10) + 1;
		n = realloc(env->memory_nodes, (size_t)(env->nr_memory_nodes + 1) * sizeof(*n));
		if (!n) {
			closedir(d);
			return -ENOMEM;
		}
		env->memory_nodes = n;
		mn = &n[env->nr_memory_nodes++];
		mn->node = env->numa_nodes[i].node;
		mn->size = max;
		mn->set = calloc((max + 63) / 64 + 1, sizeof(uint64_t));
		if (!mn->set) {
			closedir(d);
			return -ENOMEM;
		}
		rewinddir(d);
		while ((de = readdir(d)) != NULL) {
			uint64_t b;

			if (strncmp(de->d_name, "memory", 6) || !isdigit((unsigned char)de->d_name[6]))
				continue;
			b = strtoull(de->d_name + 6, NULL, 10);
			mn->set[b / 64] |= 1ULL << (b % 64);
		}
		closedir(d);
	}
	return 0;
}

static int read_pmu_mappings(struct perf_env *env)
{
	struct perf_pmu *pmu = NULL;

	while ((pmu = perf_pmus__scan(pmu)) != NULL) {
		char *s, **n;

		if (asprintf(&s, "%u:%s", pmu->type, pmu->name) < 0)
			return -ENOMEM;
		n = realloc(env->pmu_mappings, (size_t)(env->nr_pmu_mappings + 1) * sizeof(*n));
		if (!n) {
			free(s);
			return -ENOMEM;
		}
		env->pmu_mappings = n;
		n[env->nr_pmu_mappings++] = s;
	}
	return 0;
}

int perf_env__init_host(struct perf_env *env)
{
	struct utsname uts;
	int err;

	if (uname(&uts) == 0) {
		env->hostname = strdup(uts.nodename);
		env->os_release = strdup(uts.release);
		env->arch = strdup(uts.machine);
	}
	env->nr_cpus_avail = cpu__max_cpu();
	{
		struct perf_cpu_map *online = perf_cpu_map__new_online_cpus();

		env->nr_cpus_online = online ? perf_cpu_map__nr(online) : env->nr_cpus_avail;
		perf_cpu_map__put(online);
	}
	env->cpu_desc = cpuinfo_value("model name");
	if (!env->cpu_desc)
		env->cpu_desc = cpuinfo_value("Processor");
	env->cpuid = host_cpuid();
	env->total_mem = meminfo_kb("/proc/meminfo", "MemTotal");

	err = read_topology(env);
	if (!err)
		err = read_numa(env);
	if (!err)
		err = read_caches(env);
	if (!err)
		err = read_memory_topology(env);
	if (!err)
		err = read_pmu_mappings(env);
	return err;
}
