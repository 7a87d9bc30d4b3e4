// SPDX-License-Identifier: GPL-2.0
/* A set of events: order, groups, maps, and acting on all at once. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpumap.h"
#include "debug.h"
#include "evlist.h"
#include "evsel.h"
#include "target.h"
#include "thread_map.h"
#include "zalloc.h"

struct evlist *evlist__new(void)
{
	struct evlist *evlist = zalloc(sizeof(*evlist));

	if (evlist)
		INIT_LIST_HEAD(&evlist->entries);
	return evlist;
}

void evlist__delete(struct evlist *evlist)
{
	struct evsel *evsel, *tmp;

	if (!evlist)
		return;
	evlist__for_each_entry_safe(evlist, tmp, evsel) {
		list_del_init(&evsel->node);
		evsel__delete(evsel);
	}
	perf_cpu_map__put(evlist->cpus);
	perf_thread_map__put(evlist->threads);
	free(evlist);
}

void evlist__add(struct evlist *evlist, struct evsel *evsel)
{
	evsel->idx = evlist->nr_entries++;
	list_add_tail(&evsel->node, &evlist->entries);
}

void evlist__remove(struct evlist *evlist, struct evsel *evsel)
{
	struct evsel *pos;
	int idx = 0;

	list_del_init(&evsel->node);
	evlist->nr_entries--;
	evlist__for_each_entry(evlist, pos)
		pos->idx = idx++;
}

void evlist__splice_list_tail(struct evlist *evlist, struct list_head *list)
{
	struct evsel *evsel, *tmp;

	list_for_each_entry_safe(evsel, tmp, list, node) {
		list_del_init(&evsel->node);
		evlist__add(evlist, evsel);
	}
}

struct evsel *evlist__first(struct evlist *evlist)
{
	return list_empty(&evlist->entries) ? NULL :
	       list_first_entry(&evlist->entries, struct evsel, node);
}

struct evsel *evlist__last(struct evlist *evlist)
{
	return list_empty(&evlist->entries) ? NULL :
	       list_last_entry(&evlist->entries, struct evsel, node);
}

struct evsel *evlist__find_evsel_by_str(struct evlist *evlist, const char *name)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel)
		if (evsel->name && !strcmp(evsel->name, name))
			return evsel;
	return NULL;
}

void evlist__set_leader(struct evlist *evlist, struct evsel *leader, int nr)
{
	struct evsel *evsel = leader;
	int i;

	for (i = 0; i < nr && &evsel->node != &evlist->entries; i++) {
		evsel->leader = leader;
		evsel = list_entry(evsel->node.next, struct evsel, node);
	}
	leader->nr_members = nr;
	if (nr > 1)
		evlist->nr_groups++;
}

void evlist__set_maps(struct evlist *evlist, struct perf_cpu_map *cpus,
		      struct perf_thread_map *threads)
{
	struct evsel *evsel;

	if (cpus != evlist->cpus) {
		perf_cpu_map__put(evlist->cpus);
		evlist->cpus = perf_cpu_map__get(cpus);
	}
	if (threads != evlist->threads) {
		perf_thread_map__put(evlist->threads);
		evlist->threads = perf_thread_map__get(threads);
	}

	evlist__for_each_entry(evlist, evsel) {
		struct perf_cpu_map *ecpus;

		/*
		 * An uncore PMU counts for a whole socket on one CPU of its
		 * cpumask; opening it on every CPU would count it N times.
		 */
		if (evsel->own_cpus && !perf_cpu_map__has_any_cpu(cpus))
			ecpus = perf_cpu_map__intersect(evsel->own_cpus, cpus);
		else if (evsel->own_cpus && !threads)
			ecpus = perf_cpu_map__get(evsel->own_cpus);
		else
			ecpus = perf_cpu_map__get(cpus);
		perf_cpu_map__put(evsel->cpus);
		evsel->cpus = ecpus;
		perf_thread_map__put(evsel->threads);
		evsel->threads = perf_thread_map__get(threads);
	}
}

int evlist__create_maps(struct evlist *evlist, struct target *target)
{
	struct perf_thread_map *threads;
	struct perf_cpu_map *cpus;

	threads = thread_map__new_str(target->pid, target->tid, target->uid_str);
	if (!threads)
		return errno == EINVAL ? -EINVAL : errno == ESRCH ? -ESRCH : -ENOMEM;

	if (target__has_task(target) && !target->cpu_list)
		cpus = perf_cpu_map__new_any();
	else if (!target__has_cpu(target) && !target__has_task(target))
		cpus = perf_cpu_map__new_any();	/* a workload: follow it */
	else
		cpus = perf_cpu_map__new(target->cpu_list);

	if (!cpus) {
		perf_thread_map__put(threads);
		return target->cpu_list ? -EINVAL : -ENOMEM;
	}
	evlist__set_maps(evlist, cpus, threads);
	perf_cpu_map__put(cpus);
	perf_thread_map__put(threads);
	return 0;
}

int evlist__open(struct evlist *evlist, struct evsel **failed)
{
	struct evsel *evsel;
	int err;

	/* Command-line order puts every leader before its members. */
	evlist__for_each_entry(evlist, evsel) {
		err = evsel__open(evsel, evsel->cpus ? evsel->cpus : evlist->cpus,
				  evsel->threads ? evsel->threads : evlist->threads);
		if (err) {
			if (failed)
				*failed = evsel;
			evlist__close(evlist);
			return err;
		}
	}
	return 0;
}

void evlist__close(struct evlist *evlist)
{
	struct evsel *evsel;

	/* Members before leaders: the kernel drops a group with its leader. */
	list_for_each_entry_reverse(evsel, &evlist->entries, node)
		evsel__close(evsel);
}

int evlist__enable(struct evlist *evlist)
{
	struct evsel *evsel;
	int err;

	evlist__for_each_entry(evlist, evsel) {
		if (!evsel__is_group_leader(evsel))
			continue;
		err = evsel__enable(evsel);
		if (err)
			return err;
	}
	return 0;
}

int evlist__disable(struct evlist *evlist)
{
	struct evsel *evsel;
	int err;

	evlist__for_each_entry(evlist, evsel) {
		if (!evsel__is_group_leader(evsel))
			continue;
		err = evsel__disable(evsel);
		if (err)
			return err;
	}
	return 0;
}

void evlist__config_read_format(struct evlist *evlist, unsigned long long read_format)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel)
		evsel->attr.read_format |= read_format;
}
