// SPDX-License-Identifier: GPL-2.0
/* perf stat's counts: deltas, scaling, buckets, run statistics. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cpumap.h"
#include "cputopo.h"
#include "evlist.h"
#include "evsel.h"
#include "stat.h"
#include "thread_map.h"
#include "xyarray.h"
#include "zalloc.h"

/* ---- series statistics ---- */

void stats__init(struct stats *s)
{
	s->n = s->mean = s->M2 = 0.0;
}

void stats__update(struct stats *s, double val)
{
	double delta;

	s->n++;
	delta = val - s->mean;
	s->mean += delta / s->n;
	s->M2 += delta * (val - s->mean);
}

double stats__avg(const struct stats *s)
{
	return s->mean;
}

double stats__stddev(const struct stats *s)
{
	double variance;

	if (s->n < 2)
		return 0.0;
	variance = s->M2 / (s->n - 1);
	return sqrt(variance / s->n);
}

double stats__rel_pct(double stddev, double avg)
{
	return avg ? 100.0 * stddev / avg : 0.0;
}

/* ---- configuration ---- */

void perf_stat_config__init(struct perf_stat_config *config)
{
	memset(config, 0, sizeof(*config));
	config->aggr_mode = AGGR_GLOBAL;
	config->scale = true;
	config->big_num = true;
	config->run_count = 1;
	config->output = stderr;
	config->csv_sep = " ";
	config->unit_width = 4;
	config->metric_only_len = 20;
	stats__init(&config->walltime_nsecs_stats);
}

void perf_stat_config__exit(struct perf_stat_config *config)
{
	zfree(&config->aggr_map);
	cpu_topo__delete(config->topo);
	config->topo = NULL;
	perf_cpu_map__put(config->cpus);
	config->cpus = NULL;
	perf_thread_map__put(config->threads);
	config->threads = NULL;
	runtime_stat__exit(&config->rt);
	zfree(&config->walltime_run);
}

/* ---- aggregation buckets ---- */

struct aggr_cpu_id aggr_cpu_id__get(enum aggr_mode mode, int cpu,
				    const struct cpu_topo *topo)
{
	struct aggr_cpu_id id = { -1, -1, -1, -1, -1, -1 };
	const struct cpu_topo_entry *e = cpu_topo__find(topo, cpu);

	switch (mode) {
	case AGGR_NONE:
		id.cpu = cpu;
		if (e) {
			id.socket = e->socket;
			id.die = e->die;
			id.core = e->core;
		}
		break;
	case AGGR_NODE:
		id.node = e ? e->node : -1;
		break;
	case AGGR_CORE:
		id.core = e ? e->core : -1;
		/* fall through */
	case AGGR_DIE:
		id.die = e ? e->die : -1;
		/* fall through */
	case AGGR_SOCKET:
		id.socket = e ? e->socket : -1;
		break;
	case AGGR_GLOBAL:
	case AGGR_THREAD:
	case AGGR_MAX:
	default:
		break;
	}
	return id;
}

bool aggr_cpu_id__equal(const struct aggr_cpu_id *a, const struct aggr_cpu_id *b)
{
	return a->thread_idx == b->thread_idx && a->node == b->node &&
	       a->socket == b->socket && a->die == b->die &&
	       a->core == b->core && a->cpu == b->cpu;
}

static int aggr_cpu_id__cmp(const void *pa, const void *pb)
{
	const struct aggr_cpu_id *a = pa, *b = pb;

	if (a->node != b->node)
		return a->node - b->node;
	if (a->socket != b->socket)
		return a->socket - b->socket;
	if (a->die != b->die)
		return a->die - b->die;
	if (a->core != b->core)
		return a->core - b->core;
	return a->cpu - b->cpu;
}

struct aggr_map *aggr_map__new(enum aggr_mode mode, const struct perf_cpu_map *cpus,
			       const struct perf_thread_map *threads,
			       const struct cpu_topo *topo)
{
	int i, j, nr, n = 0;
	struct aggr_map *map;

	if (mode == AGGR_GLOBAL)
		nr = 1;
	else if (mode == AGGR_THREAD)
		nr = perf_thread_map__nr(threads);
	else
		nr = perf_cpu_map__nr(cpus);

	map = zalloc(sizeof(*map) + (size_t)nr * sizeof(map->ids[0]));
	if (!map)
		return NULL;

	if (mode == AGGR_GLOBAL || mode == AGGR_THREAD) {
		for (i = 0; i < nr; i++) {
			map->ids[i] = aggr_cpu_id__get(AGGR_GLOBAL, -1, NULL);
			if (mode == AGGR_THREAD)
				map->ids[i].thread_idx = i;
		}
		map->nr = nr;
		return map;
	}

	for (i = 0; i < nr; i++) {
		struct aggr_cpu_id id;

		id = aggr_cpu_id__get(mode, perf_cpu_map__cpu(cpus, i).cpu, topo);
		for (j = 0; j < n; j++)
			if (aggr_cpu_id__equal(&map->ids[j], &id))
				break;
		if (j == n)
			map->ids[n++] = id;
	}
	map->nr = n;
	qsort(map->ids, (size_t)n, sizeof(map->ids[0]), aggr_cpu_id__cmp);
	return map;
}

int perf_stat__setup_aggr(struct perf_stat_config *config,
			  struct perf_cpu_map *cpus,
			  struct perf_thread_map *threads)
{
	return perf_stat__setup_aggr_topo(config, cpus, threads, NULL);
}

int perf_stat__setup_aggr_topo(struct perf_stat_config *config,
			       struct perf_cpu_map *cpus,
			       struct perf_thread_map *threads,
			       struct cpu_topo *topo)
{
	enum aggr_mode mode = config->aggr_mode;

	perf_cpu_map__put(config->cpus);
	config->cpus = perf_cpu_map__get(cpus);
	perf_thread_map__put(config->threads);
	config->threads = perf_thread_map__get(threads);

	cpu_topo__delete(config->topo);
	config->topo = NULL;
	/* Only the topology modes pay for reading sysfs. */
	if (mode == AGGR_NONE || mode == AGGR_SOCKET || mode == AGGR_DIE ||
	    mode == AGGR_CORE || mode == AGGR_NODE) {
		config->topo = topo ? topo : cpu_topo__new(cpus);
		topo = NULL;
		if (!config->topo)
			return -ENOMEM;
	}
	cpu_topo__delete(topo);
	free(config->aggr_map);
	config->aggr_map = aggr_map__new(mode, cpus, threads, config->topo);
	if (!config->aggr_map)
		return -ENOMEM;
	return runtime_stat__init(&config->rt, config->aggr_map->nr);
}

/* The bucket of the event's cpu index @c (or thread @t), -1 if none. */
static int perf_stat__bucket_of(struct perf_stat_config *config,
				struct evsel *evsel, int c, int t)
{
	struct aggr_cpu_id id;
	int i;

	switch (config->aggr_mode) {
	case AGGR_GLOBAL:
		return 0;
	case AGGR_THREAD:
		return t < config->aggr_map->nr ? t : -1;
	case AGGR_NONE:
	case AGGR_SOCKET:
	case AGGR_DIE:
	case AGGR_CORE:
	case AGGR_NODE:
		id = aggr_cpu_id__get(config->aggr_mode,
				      perf_cpu_map__cpu(evsel->cpus, c).cpu,
				      config->topo);
		for (i = 0; i < config->aggr_map->nr; i++)
			if (aggr_cpu_id__equal(&config->aggr_map->ids[i], &id))
				return i;
		return -1;
	case AGGR_MAX:
	default:
		return -1;
	}
}

/* ---- per-event state ---- */

static void perf_stat_evsel__delete(struct perf_stat_evsel *ps)
{
	if (!ps)
		return;
	if (ps->prev_raw)
		xyarray__delete(ps->prev_raw);
	if (ps->values)
		xyarray__delete(ps->values);
	free(ps->aggr);
	free(ps);
}

int perf_stat__alloc_evlist(struct perf_stat_config *config, struct evlist *evlist,
			    bool deltas)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel) {
		struct perf_stat_evsel *old = evsel->priv, *ps;
		int ncpus = perf_cpu_map__nr(evsel->cpus);
		int nthreads = perf_thread_map__nr(evsel->threads);

		ps = zalloc(sizeof(*ps));
		if (!ps)
			return -ENOMEM;
		if (old) {
			ps->supported = old->supported;
			ps->cgroup = old->cgroup;
			ps->cgroup_idx = old->cgroup_idx;
			memcpy(ps->res_stats, old->res_stats, sizeof(ps->res_stats));
		} else {
			int i;

			for (i = 0; i < 3; i++)
				stats__init(&ps->res_stats[i]);
		}
		perf_stat_evsel__delete(old);
		evsel->priv = ps;

		ps->values = xyarray__new(ncpus, nthreads, sizeof(struct perf_counts_values));
		if (deltas)
			ps->prev_raw = xyarray__new(ncpus, nthreads,
						    sizeof(struct perf_counts_values));
		ps->nr_aggr = config->aggr_map ? config->aggr_map->nr : 1;
		ps->aggr = calloc((size_t)ps->nr_aggr, sizeof(*ps->aggr));
		if (!ps->values || (deltas && !ps->prev_raw) || !ps->aggr)
			return -ENOMEM;
	}
	return 0;
}

void perf_stat__free_evlist(struct evlist *evlist)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel) {
		perf_stat_evsel__delete(evsel->priv);
		evsel->priv = NULL;
	}
}

void perf_stat__reset_prev(struct evlist *evlist)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel) {
		struct perf_stat_evsel *ps = evsel->priv;

		if (!ps)
			continue;
		memset(&ps->prev_aggr, 0, sizeof(ps->prev_aggr));
		if (ps->prev_raw)
			xyarray__reset(ps->prev_raw);
	}
}

/* ---- processing a reading ---- */

static void counts__sub(struct perf_counts_values *now, struct perf_counts_values *prev)
{
	struct perf_counts_values raw = *now;

	now->val -= prev->val;
	now->ena -= prev->ena;
	now->run -= prev->run;
	*prev = raw;
}

/*
 * A multiplexed event ran for part of the time it was enabled: estimate
 * the full count as val * ena / run. Returns -1 when it never ran (the
 * value is then meaningless and zeroed), 1 when scaled, 0 otherwise.
 */
static int counts__scale(struct perf_counts_values *c, bool scale)
{
	if (!scale)
		return 0;
	if (c->run == 0) {
		c->val = 0;
		return -1;
	}
	if (c->run < c->ena) {
		c->val = (uint64_t)((double)c->val * (double)c->ena / (double)c->run);
		return 1;
	}
	return 0;
}

static void perf_stat__update_shadow(struct perf_stat_config *config,
				     struct evsel *evsel, int bucket, uint64_t val)
{
	enum stat_type type = evsel__stat_type(evsel);

	if (type != STAT_NONE)
		runtime_stat__update(&config->rt, bucket, evsel__stat_context(evsel),
				     type, (double)val);
}

static void perf_stat__process_global(struct perf_stat_config *config,
				      struct evsel *evsel, struct perf_stat_evsel *ps,
				      int ncpus, int nthreads)
{
	struct perf_counts_values sum = { 0, 0, 0 };
	struct perf_stat_aggr *a = &ps->aggr[0];
	int c, t, i;

	for (c = 0; c < ncpus; c++) {
		for (t = 0; t < nthreads; t++) {
			struct perf_counts_values *v = evsel__counts(evsel, c, t);

			if (!v)
				continue;
			sum.val += v->val;
			sum.ena += v->ena;
			sum.run += v->run;
		}
	}
	if (config->interval && !evsel->snapshot)
		counts__sub(&sum, &ps->prev_aggr);
	ps->scaled = counts__scale(&sum, config->scale);

	a->val = sum.val;
	a->ena = sum.ena;
	a->run = sum.run;
	a->nr = 0;
	for (i = 0; i < 3; i++)
		stats__update(&ps->res_stats[i],
			      (double)(i == 0 ? sum.val : i == 1 ? sum.ena : sum.run));
	perf_stat__update_shadow(config, evsel, 0, sum.val);
}

int perf_stat__process_counter(struct perf_stat_config *config, struct evsel *evsel)
{
	struct perf_stat_evsel *ps = evsel->priv;
	int ncpus, nthreads, c, t, b;
	bool *spoiled;

	if (!ps)
		return -ENOMEM;
	memset(ps->aggr, 0, (size_t)ps->nr_aggr * sizeof(*ps->aggr));
	if (!ps->supported || ps->read_failed || !evsel->counts) {
		/*
		 * The reference counts the first CPU of each bucket before it
		 * notices there is nothing: an unsupported event shows 1 CPU.
		 */
		if (config->aggr_mode != AGGR_GLOBAL && config->aggr_mode != AGGR_THREAD) {
			for (c = 0; c < perf_cpu_map__nr(evsel->cpus); c++) {
				b = perf_stat__bucket_of(config, evsel, c, 0);
				if (b >= 0 && b < ps->nr_aggr)
					ps->aggr[b].nr = 1;
			}
		}
		return 0;
	}

	ncpus = xyarray__max_x(evsel->counts);
	nthreads = xyarray__max_y(evsel->counts);
	if (ncpus > xyarray__max_x(ps->values))
		ncpus = xyarray__max_x(ps->values);
	if (nthreads > xyarray__max_y(ps->values))
		nthreads = xyarray__max_y(ps->values);

	if (config->aggr_mode == AGGR_GLOBAL) {
		perf_stat__process_global(config, evsel, ps, ncpus, nthreads);
		return 0;
	}

	/* Other modes: delta and scale each reading, then sum per bucket. */
	for (c = 0; c < ncpus; c++) {
		for (t = 0; t < nthreads; t++) {
			struct perf_counts_values *v = xyarray__entry(ps->values, (size_t)c, (size_t)t);

			*v = *evsel__counts(evsel, c, t);
			if (ps->prev_raw && !evsel->snapshot)
				counts__sub(v, xyarray__entry(ps->prev_raw, (size_t)c, (size_t)t));
			counts__scale(v, config->scale);
		}
	}

	spoiled = calloc((size_t)ps->nr_aggr, sizeof(*spoiled));
	if (!spoiled)
		return -ENOMEM;
	for (c = 0; c < ncpus; c++) {
		int cpu_bucket = -1;

		if (config->aggr_mode != AGGR_THREAD)
			cpu_bucket = perf_stat__bucket_of(config, evsel, c, 0);
		for (t = 0; t < nthreads; t++) {
			struct perf_counts_values *v;
			struct perf_stat_aggr *a;

			b = cpu_bucket >= 0 ? cpu_bucket : perf_stat__bucket_of(config, evsel, c, t);
			if (b < 0 || b >= ps->nr_aggr || spoiled[b])
				continue;
			a = &ps->aggr[b];
			v = xyarray__entry(ps->values, (size_t)c, (size_t)t);
			if (config->aggr_mode != AGGR_THREAD) {
				a->nr++;
				/*
				 * One CPU that did not count spoils the bucket, so
				 * interval lines stay consistent (the reference does
				 * the same, and stops counting CPUs there).
				 */
				if (v->ena == 0 || v->run == 0) {
					a->val = a->ena = a->run = 0;
					spoiled[b] = true;
					continue;
				}
			}
			a->val += v->val;
			a->ena += v->ena;
			a->run += v->run;
		}
	}
	free(spoiled);
	for (b = 0; b < ps->nr_aggr; b++)
		perf_stat__update_shadow(config, evsel, b, ps->aggr[b].val);
	return 0;
}

void perf_stat__use_run_means(struct perf_stat_config *config, struct evlist *evlist)
{
	struct evsel *evsel;

	if (config->aggr_mode != AGGR_GLOBAL)
		return;
	evlist__for_each_entry(evlist, evsel) {
		struct perf_stat_evsel *ps = evsel->priv;

		if (!ps || !ps->nr_aggr)
			continue;
		ps->aggr[0].val = (uint64_t)stats__avg(&ps->res_stats[0]);
		ps->aggr[0].ena = (uint64_t)stats__avg(&ps->res_stats[1]);
		ps->aggr[0].run = (uint64_t)stats__avg(&ps->res_stats[2]);
	}
}

/* ---- runtime statistics ---- */

bool evsel__is_clock(const struct evsel *evsel)
{
	return evsel->attr.type == PERF_TYPE_SOFTWARE &&
	       (evsel->attr.config == PERF_COUNT_SW_TASK_CLOCK ||
		evsel->attr.config == PERF_COUNT_SW_CPU_CLOCK) &&
	       !evsel__is_tool(evsel);
}

static uint64_t hw_cache_config(int cache, int op, int result)
{
	return (uint64_t)cache | ((uint64_t)op << 8) | ((uint64_t)result << 16);
}

enum stat_type evsel__stat_type(const struct evsel *evsel)
{
	const struct perf_event_attr *a = &evsel->attr;

	if (evsel__is_tool(evsel))
		return STAT_NONE;
	if (evsel__is_clock(evsel))
		return STAT_NSECS;
	if (a->type == PERF_TYPE_HARDWARE) {
		switch (a->config) {
		case PERF_COUNT_HW_CPU_CYCLES:
			return STAT_CYCLES;
		case PERF_COUNT_HW_STALLED_CYCLES_FRONTEND:
			return STAT_STALLED_CYCLES_FRONT;
		case PERF_COUNT_HW_STALLED_CYCLES_BACKEND:
			return STAT_STALLED_CYCLES_BACK;
		case PERF_COUNT_HW_BRANCH_INSTRUCTIONS:
			return STAT_BRANCHES;
		case PERF_COUNT_HW_CACHE_REFERENCES:
			return STAT_CACHEREFS;
		default:
			return STAT_NONE;
		}
	}
	if (a->type == PERF_TYPE_HW_CACHE) {
		static const struct {
			int cache;
			enum stat_type type;
		} accesses[] = {
			{ PERF_COUNT_HW_CACHE_L1D, STAT_L1_DCACHE },
			{ PERF_COUNT_HW_CACHE_L1I, STAT_L1_ICACHE },
			{ PERF_COUNT_HW_CACHE_LL, STAT_LL_CACHE },
			{ PERF_COUNT_HW_CACHE_DTLB, STAT_DTLB_CACHE },
			{ PERF_COUNT_HW_CACHE_ITLB, STAT_ITLB_CACHE },
		};
		size_t i;

		for (i = 0; i < sizeof(accesses) / sizeof(accesses[0]); i++)
			if (a->config == hw_cache_config(accesses[i].cache,
							 PERF_COUNT_HW_CACHE_OP_READ,
							 PERF_COUNT_HW_CACHE_RESULT_ACCESS))
				return accesses[i].type;
	}
	return STAT_NONE;
}

int evsel__stat_context(const struct evsel *evsel)
{
	const struct perf_event_attr *a = &evsel->attr;
	const struct perf_stat_evsel *ps = evsel->priv;
	int ctx = 0;

	/*
	 * cycles:u only makes sense beside instructions:u: metrics pair
	 * events counted with the same exclusions (and cgroup).
	 */
	if (a->exclude_kernel)
		ctx |= 1 << 0;
	if (a->exclude_user)
		ctx |= 1 << 1;
	if (a->exclude_hv)
		ctx |= 1 << 2;
	if (a->exclude_host)
		ctx |= 1 << 3;
	if (a->exclude_idle)
		ctx |= 1 << 4;
	if (ps)
		ctx |= ps->cgroup_idx << 8;
	return ctx;
}

int runtime_stat__init(struct runtime_stat *rt, int nr)
{
	runtime_stat__exit(rt);
	rt->buckets = calloc((size_t)(nr > 0 ? nr : 1), sizeof(*rt->buckets));
	if (!rt->buckets)
		return -ENOMEM;
	rt->nr_buckets = nr > 0 ? nr : 1;
	return 0;
}

void runtime_stat__exit(struct runtime_stat *rt)
{
	int i;

	for (i = 0; i < rt->nr_buckets; i++)
		free(rt->buckets[i].entries);
	zfree(&rt->buckets);
	rt->nr_buckets = 0;
}

void runtime_stat__reset(struct runtime_stat *rt)
{
	int i;

	for (i = 0; i < rt->nr_buckets; i++)
		rt->buckets[i].nr = 0;
}

static struct runtime_stat_entry *runtime_stat__find(const struct runtime_stat *rt,
						     int bucket, int ctx)
{
	struct runtime_stat_bucket *b;
	int i;

	if (bucket < 0 || bucket >= rt->nr_buckets)
		return NULL;
	b = &rt->buckets[bucket];
	for (i = 0; i < b->nr; i++)
		if (b->entries[i].ctx == ctx)
			return &b->entries[i];
	return NULL;
}

/*
 * The reference matches the time of clocks in any exclusion context:
 * task-clock gives faults:u its "/sec" (only the cgroup has to match).
 */
static int runtime_stat__ctx(enum stat_type type, int ctx)
{
	return type == STAT_NSECS ? ctx & ~0xff : ctx;
}

void runtime_stat__update(struct runtime_stat *rt, int bucket, int ctx,
			  enum stat_type type, double val)
{
	struct runtime_stat_entry *e;

	ctx = runtime_stat__ctx(type, ctx);
	e = runtime_stat__find(rt, bucket, ctx);

	if (!e) {
		struct runtime_stat_bucket *b;
		int i;

		if (bucket < 0 || bucket >= rt->nr_buckets)
			return;
		b = &rt->buckets[bucket];
		/* Entries are never freed on reset, only reused: grow by one. */
		e = realloc(b->entries, (size_t)(b->nr + 1) * sizeof(*e));
		if (!e)
			return;
		b->entries = e;
		e = &b->entries[b->nr++];
		e->ctx = ctx;
		for (i = 0; i < STAT_MAX; i++)
			stats__init(&e->stats[i]);
	}
	stats__update(&e->stats[type], val);
}

double runtime_stat__avg(const struct runtime_stat *rt, int bucket, int ctx,
			 enum stat_type type)
{
	const struct runtime_stat_entry *e;

	e = runtime_stat__find(rt, bucket, runtime_stat__ctx(type, ctx));

	return e ? stats__avg(&e->stats[type]) : 0.0;
}

double runtime_stat__n(const struct runtime_stat *rt, int bucket, int ctx,
		       enum stat_type type)
{
	const struct runtime_stat_entry *e;

	e = runtime_stat__find(rt, bucket, runtime_stat__ctx(type, ctx));

	return e ? e->stats[type].n : 0.0;
}
