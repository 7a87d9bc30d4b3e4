// SPDX-License-Identifier: GPL-2.0
/* perf stat's counts as perf.data records: writing them and reading them back. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/perf_event.h>

#include "../perf-sys.h"
#include "cpumap.h"
#include "cputopo.h"
#include "evlist.h"
#include "evsel.h"
#include "header.h"
#include "stat-record.h"
#include "synthetic-events.h"
#include "thread_map.h"
#include "xyarray.h"
#include "zalloc.h"

/*
 * The reference's enum aggr_mode, which STAT_CONFIG carries: AGGR_UNSET
 * (6) sits between THREAD and NODE, so ours differ from NODE on.
 */
enum {
	FILE_AGGR_NONE = 0,
	FILE_AGGR_GLOBAL = 1,
	FILE_AGGR_SOCKET = 2,
	FILE_AGGR_DIE = 3,
	FILE_AGGR_CORE = 4,
	FILE_AGGR_THREAD = 5,
	FILE_AGGR_UNSET = 6,
	FILE_AGGR_NODE = 7,
};

uint64_t aggr_mode__to_file(enum aggr_mode mode)
{
	switch (mode) {
	case AGGR_NONE:		return FILE_AGGR_NONE;
	case AGGR_GLOBAL:	return FILE_AGGR_GLOBAL;
	case AGGR_SOCKET:	return FILE_AGGR_SOCKET;
	case AGGR_DIE:		return FILE_AGGR_DIE;
	case AGGR_CORE:		return FILE_AGGR_CORE;
	case AGGR_THREAD:	return FILE_AGGR_THREAD;
	case AGGR_NODE:		return FILE_AGGR_NODE;
	case AGGR_MAX:
	default:		return FILE_AGGR_UNSET;
	}
}

enum aggr_mode aggr_mode__from_file(uint64_t val)
{
	switch (val) {
	case FILE_AGGR_NONE:	return AGGR_NONE;
	case FILE_AGGR_GLOBAL:	return AGGR_GLOBAL;
	case FILE_AGGR_SOCKET:	return AGGR_SOCKET;
	case FILE_AGGR_DIE:	return AGGR_DIE;
	case FILE_AGGR_CORE:	return AGGR_CORE;
	case FILE_AGGR_THREAD:	return AGGR_THREAD;
	case FILE_AGGR_NODE:	return AGGR_NODE;
	default:		return AGGR_MAX;
	}
}

/* ---- writing ---- */

/*
 * A kernel id for an event perf counts itself. Ids come from one
 * counter in the kernel that never goes back, so a dummy event's id
 * cannot collide with a real event's.
 */
static int tool_event__new_id(uint64_t *id)
{
	struct perf_event_attr attr;
	int fd, err = 0;

	memset(&attr, 0, sizeof(attr));
	attr.size = sizeof(attr);
	attr.type = PERF_TYPE_SOFTWARE;
	attr.config = PERF_COUNT_SW_DUMMY;
	attr.disabled = 1;
	attr.exclude_kernel = 1;
	attr.exclude_hv = 1;
	fd = sys_perf_event_open(&attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (ioctl(fd, PERF_EVENT_IOC_ID, id) < 0)
		err = -errno;
	close(fd);
	return err;
}

static int tool_event__read_id(struct evsel *evsel)
{
	int cpu = perf_cpu_map__cpu(evsel->cpus, 0).cpu;
	int err;

	evsel->id = calloc(1, sizeof(uint64_t));
	if (!evsel->id)
		return -ENOMEM;
	err = tool_event__new_id(&evsel->id[0]);
	if (err)
		return err;
	evsel->ids = 1;
	if (!evsel->own_cpus) {
		if (cpu < 0)
			cpu = 0;
		evsel->own_cpus = perf_cpu_map__new_from_array(&cpu, 1);
		if (!evsel->own_cpus)
			return -ENOMEM;
	}
	return 0;
}

int perf_stat__read_ids(struct evlist *evlist)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel) {
		int ncpus, nthreads, c, t, err;

		zfree(&evsel->id);
		evsel->ids = 0;
		if (evsel__is_tool(evsel)) {
			err = tool_event__read_id(evsel);
			if (err)
				return err;
			continue;
		}
		if (!evsel->fd)
			continue;
		ncpus = xyarray__max_x(evsel->fd);
		nthreads = xyarray__max_y(evsel->fd);
		evsel->id = calloc((size_t)ncpus * (size_t)nthreads + 1, sizeof(uint64_t));
		if (!evsel->id)
			return -ENOMEM;
		for (c = 0; c < ncpus; c++) {
			for (t = 0; t < nthreads; t++) {
				int fd = evsel__fd(evsel, c, t);

				if (fd < 0)
					continue;
				if (ioctl(fd, PERF_EVENT_IOC_ID, &evsel->id[evsel->ids]) < 0)
					return -errno;
				evsel->ids++;
			}
		}
	}
	return 0;
}

int perf_stat__synthesize_config(struct synth_ctx *s, const struct perf_stat_config *config,
				 struct evlist *evlist, bool is_pipe)
{
	struct perf_thread_map *threads = evlist->threads;
	struct perf_thread_map *dummy = NULL;
	int err;

	err = perf_event__synthesize_extra_attr(s, evlist, is_pipe);
	if (!err && !threads)
		threads = dummy = perf_thread_map__new_dummy();
	if (!err && !threads)
		err = -ENOMEM;
	if (!err)
		err = perf_event__synthesize_thread_map(s, threads);
	perf_thread_map__put(dummy);
	if (!err) {
		struct perf_cpu_map *cpus = evlist->cpus ? perf_cpu_map__get(evlist->cpus) :
					    perf_cpu_map__new_any();

		err = cpus ? perf_event__synthesize_cpu_map(s, cpus) : -ENOMEM;
		perf_cpu_map__put(cpus);
	}
	if (!err)
		err = perf_event__synthesize_stat_config(s, aggr_mode__to_file(config->aggr_mode),
							 config->interval, config->scale);
	return err;
}

int perf_stat__synthesize_counts(struct synth_ctx *s, struct evlist *evlist)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel) {
		const struct perf_stat_evsel *ps = evsel__stat(evsel);
		int ncpus, nthreads, c, t, k = 0, err;

		if (!evsel->ids || !evsel->counts || (ps && (!ps->supported || ps->read_failed)))
			continue;
		if (evsel__is_tool(evsel)) {
			const struct perf_counts_values *v = evsel__counts(evsel, 0, 0);

			err = perf_event__synthesize_stat(s, perf_cpu_map__cpu(evsel->cpus, 0).cpu,
							  0, evsel->id[0], v->val, v->ena, v->run);
			if (err)
				return err;
			continue;
		}
		if (!evsel->fd)
			continue;
		ncpus = xyarray__max_x(evsel->fd);
		nthreads = xyarray__max_y(evsel->fd);
		for (c = 0; c < ncpus; c++) {
			for (t = 0; t < nthreads && k < evsel->ids; t++) {
				const struct perf_counts_values *v = evsel__counts(evsel, c, t);

				/* The ids were taken in this order, skipping closed fds. */
				if (evsel__fd(evsel, c, t) < 0 || !v)
					continue;
				err = perf_event__synthesize_stat(s, perf_cpu_map__cpu(evsel->cpus, c).cpu,
								  (uint32_t)t, evsel->id[k++],
								  v->val, v->ena, v->run);
				if (err)
					return err;
			}
		}
	}
	return 0;
}

/* ---- reading ---- */

struct perf_thread_map *thread_map__new_event(const struct perf_record_thread_map *ev,
					      size_t size)
{
	struct perf_thread_map *map;
	uint64_t nr = ev->nr, i;

	if (size < sizeof(*ev) ||
	    nr > (size - sizeof(*ev)) / sizeof(ev->entries[0]) || nr > INT32_MAX)
		return NULL;
	map = zalloc(sizeof(*map) + (size_t)nr * sizeof(map->map[0]));
	if (!map)
		return NULL;
	map->refcnt = 1;
	map->nr = (int)nr;
	for (i = 0; i < nr; i++) {
		map->map[i].pid = (pid_t)ev->entries[i].pid;
		map->map[i].comm = strndup(ev->entries[i].comm, sizeof(ev->entries[i].comm));
		if (!map->map[i].comm) {
			perf_thread_map__put(map);
			return NULL;
		}
	}
	return map;
}

/*
 * The CPUs of a MASK payload: type, nr, long_size (4 or 8), then the
 * words; 8-byte words keep the 4 bytes of padding that aligned them.
 */
static int cpu_map_data__mask(const uint8_t *p, size_t size, int **cpus)
{
	uint16_t nr, long_size;
	size_t off, w, bit, n = 0;

	if (size < 6)
		return -EINVAL;
	memcpy(&nr, p + 2, 2);
	memcpy(&long_size, p + 4, 2);
	if (long_size != 4 && long_size != 8)
		return -EINVAL;
	off = long_size == 4 ? 6 : 10;
	if (size < off || (size - off) / long_size < nr)
		return -EINVAL;
	*cpus = calloc((size_t)nr * long_size * 8 + 1, sizeof(int));
	if (!*cpus)
		return -ENOMEM;
	for (w = 0; w < nr; w++) {
		uint64_t m = 0;

		if (long_size == 4) {
			uint32_t m32;

			memcpy(&m32, p + off + w * 4, 4);
			m = m32;
		} else {
			memcpy(&m, p + off + w * 8, 8);
		}
		for (bit = 0; bit < (size_t)long_size * 8; bit++)
			if (m & (1ULL << bit))
				(*cpus)[n++] = (int)(w * long_size * 8 + bit);
	}
	return (int)n;
}

struct perf_cpu_map *cpu_map__new_data(const void *data, size_t size)
{
	const uint8_t *p = data;
	struct perf_cpu_map *map;
	uint16_t type, nr, u, start, stop;
	int *cpus = NULL, n = 0, i;

	if (size < 2)
		return NULL;
	memcpy(&type, p, 2);
	switch (type) {
	case PERF_CPU_MAP__CPUS:
		if (size < 4)
			return NULL;
		memcpy(&nr, p + 2, 2);
		if ((size - 4) / 2 < nr)
			return NULL;
		cpus = calloc((size_t)nr + 1, sizeof(int));
		if (!cpus)
			return NULL;
		for (i = 0; i < nr; i++) {
			memcpy(&u, p + 4 + 2 * i, 2);
			cpus[n++] = u == (uint16_t)-1 ? -1 : u;
		}
		break;
	case PERF_CPU_MAP__MASK:
		n = cpu_map_data__mask(p, size, &cpus);
		if (n < 0)
			return NULL;
		break;
	case PERF_CPU_MAP__RANGE_CPUS:
		if (size < 8)
			return NULL;
		memcpy(&start, p + 4, 2);
		memcpy(&stop, p + 6, 2);
		if (stop < start)
			return NULL;
		cpus = calloc((size_t)(stop - start) + 2, sizeof(int));
		if (!cpus)
			return NULL;
		if (p[2])	/* any_cpu */
			cpus[n++] = -1;
		for (i = start; i <= stop; i++)
			cpus[n++] = i;
		break;
	default:
		return NULL;
	}
	map = n > 0 ? perf_cpu_map__new_from_array(cpus, n) : NULL;
	free(cpus);
	return map;
}

void perf_stat_config__read_event(struct perf_stat_config *config,
				  const struct perf_record_stat_config *ev, size_t size,
				  enum aggr_mode *mode)
{
	uint64_t nr = ev->nr, i;

	*mode = AGGR_MAX;
	if (size < sizeof(*ev))
		return;
	if (nr > (size - sizeof(*ev)) / sizeof(ev->data[0]))
		nr = (size - sizeof(*ev)) / sizeof(ev->data[0]);
	for (i = 0; i < nr; i++) {
		switch (ev->data[i].tag) {
		case PERF_STAT_CONFIG_TERM__AGGR_MODE:
			*mode = aggr_mode__from_file(ev->data[i].val);
			break;
		case PERF_STAT_CONFIG_TERM__INTERVAL:
			config->interval = (unsigned int)ev->data[i].val;
			break;
		case PERF_STAT_CONFIG_TERM__SCALE:
			config->scale = ev->data[i].val != 0;
			break;
		default:
			break;
		}
	}
}

/* The NUMA node whose cpu list ("0-3,8") holds @cpu, -1 if none does. */
static int perf_env__numa_node_of(const struct perf_env *env, int cpu)
{
	int i;

	for (i = 0; i < env->nr_numa_nodes; i++) {
		struct perf_cpu_map *map = perf_cpu_map__new(env->numa_nodes[i].cpus);
		bool has = map && perf_cpu_map__has(map, (struct perf_cpu){ .cpu = cpu });

		perf_cpu_map__put(map);
		if (has)
			return (int)env->numa_nodes[i].node;
	}
	return -1;
}

struct cpu_topo *cpu_topo__new_env(const struct perf_env *env,
				   const struct perf_cpu_map *cpus)
{
	int i, nr = perf_cpu_map__nr(cpus);
	struct cpu_topo *topo;

	if (!env->cpu || env->nr_cpus_avail <= 0)
		return NULL;
	topo = zalloc(sizeof(*topo) + (size_t)nr * sizeof(topo->entries[0]));
	if (!topo)
		return NULL;
	topo->nr = nr;
	for (i = 0; i < nr; i++) {
		struct cpu_topo_entry *e = &topo->entries[i];

		e->cpu = perf_cpu_map__cpu(cpus, i).cpu;
		e->socket = e->die = e->core = -1;
		if (e->cpu >= 0 && e->cpu < env->nr_cpus_avail) {
			e->socket = env->cpu[e->cpu].socket_id;
			e->die = env->cpu[e->cpu].die_id;
			e->core = env->cpu[e->cpu].core_id;
		}
		e->node = perf_env__numa_node_of(env, e->cpu);
	}
	return topo;
}

int perf_stat__set_maps(struct evlist *evlist, struct perf_cpu_map *cpus,
			struct perf_thread_map *threads)
{
	struct evsel *evsel;

	evlist__set_maps(evlist, cpus, threads);
	evlist__for_each_entry(evlist, evsel) {
		if (perf_cpu_map__nr(evsel->cpus) < 1) {
			int first = perf_cpu_map__cpu(cpus, 0).cpu;

			perf_cpu_map__put(evsel->cpus);
			evsel->cpus = perf_cpu_map__new_from_array(&first, 1);
			if (!evsel->cpus)
				return -ENOMEM;
		}
		if (evsel->counts)
			xyarray__delete(evsel->counts);
		evsel->counts = xyarray__new(perf_cpu_map__nr(evsel->cpus),
					     perf_thread_map__nr(evsel->threads),
					     sizeof(struct perf_counts_values));
		if (!evsel->counts)
			return -ENOMEM;
	}
	return 0;
}

int evsel__store_stat(struct evsel *evsel, const struct perf_record_stat *st)
{
	int c = perf_cpu_map__idx(evsel->cpus, (struct perf_cpu){ .cpu = (int)st->cpu });
	struct perf_counts_values *v;

	if (c < 0 || !evsel->counts)
		return -EINVAL;
	v = evsel__counts(evsel, c, (int)st->thread);
	if (!v)
		return -EINVAL;
	v->val = st->val;
	v->ena = st->ena;
	v->run = st->run;
	return 0;
}
