// SPDX-License-Identifier: GPL-2.0
/* A set of events: order, groups, maps, and acting on all at once. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "caps.h"
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
	/* A held workload sees EOF on its go pipe and exits without running. */
	if (evlist->workload.cork_fd > 0)
		close(evlist->workload.cork_fd);
	if (evlist->workload.err_fd > 0)
		close(evlist->workload.err_fd);
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

int evlist__prepare_workload(struct evlist *evlist, const char *argv[])
{
	int go[2], errp[2], ready[2];
	pid_t pid;
	char c;

	if (pipe2(ready, O_CLOEXEC) < 0)
		return -errno;
	if (pipe2(go, O_CLOEXEC) < 0)
		return -errno;
	if (pipe2(errp, O_CLOEXEC) < 0) {
		int err = -errno;

		close(go[0]);
		close(go[1]);
		return err;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		int err = -errno;

		close(go[0]);
		close(go[1]);
		close(errp[0]);
		close(errp[1]);
		return err;
	}
	if (pid == 0) {
		int e;
		ssize_t n;

		close(go[1]);
		close(errp[0]);
		close(ready[0]);
		prctl(PR_SET_NAME, "perf-exec");
		/*
		 * perf_users capabilities serve the parent's opening of the
		 * counters, never the command. Made dumpable again once they
		 * are gone, for a CAP_PERFMON-only parent to attach (see
		 * workload.c). A failure is told like a failed exec.
		 */
		e = -perf_caps__drop_for_child();
		if (!e && perf_caps__elevated())
			prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
		/* Tell perf we are parked: events may be opened on us now. */
		close(ready[1]);
		/* EOF instead of the go byte: perf gave up, so must we. */
		do {
			n = read(go[0], &c, 1);
		} while (n < 0 && errno == EINTR);
		if (n != 1)
			_exit(127);
		if (!e) {
			execvp(argv[0], (char *const *)argv);
			e = errno;
		}
		n = write(errp[1], &e, sizeof(e));
		(void)n;
		_exit(127);
	}
	close(go[0]);
	close(errp[1]);
	close(ready[1]);
	while (read(ready[0], &c, 1) < 0 && errno == EINTR)
		;
	close(ready[0]);
	evlist->workload.pid = pid;
	evlist->workload.cork_fd = go[1];
	evlist->workload.err_fd = errp[0];
	return 0;
}

int evlist__start_workload(struct evlist *evlist)
{
	char c = 0;
	ssize_t n;

	if (evlist->workload.cork_fd <= 0)
		return -EINVAL;
	do {
		n = write(evlist->workload.cork_fd, &c, 1);
	} while (n < 0 && errno == EINTR);
	close(evlist->workload.cork_fd);
	evlist->workload.cork_fd = 0;
	return n == 1 ? 0 : -EIO;
}

int evlist__workload_exec_error(struct evlist *evlist)
{
	int e = 0;
	ssize_t n;

	if (evlist->workload.err_fd <= 0)
		return 0;
	/* The pipe closes on a successful exec (O_CLOEXEC): EOF means it ran. */
	do {
		n = read(evlist->workload.err_fd, &e, sizeof(e));
	} while (n < 0 && errno == EINTR);
	close(evlist->workload.err_fd);
	evlist->workload.err_fd = 0;
	return n == sizeof(e) ? e : 0;
}
