// SPDX-License-Identifier: GPL-2.0
/* Threads: names over time, shared address spaces, address lookups. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comm.h"
#include "dso.h"
#include "machine.h"
#include "map.h"
#include "maps.h"
#include "thread.h"
#include "util.h"
#include "zalloc.h"

struct thread *thread__new(pid_t pid, pid_t tid)
{
	struct thread *thread = zalloc(sizeof(*thread));
	struct comm *comm;
	char name[32];

	if (!thread)
		return NULL;
	thread->pid_ = pid;
	thread->tid = tid;
	thread->ppid = -1;
	thread->cpu = -1;
	thread->refcnt = 1;
	INIT_LIST_HEAD(&thread->comm_list);
	snprintf(name, sizeof(name), ":%d", tid);
	comm = comm__new(name, 0, false);
	if (!comm) {
		free(thread);
		return NULL;
	}
	list_add(&comm->list, &thread->comm_list);
	return thread;
}

struct thread *thread__get(struct thread *thread)
{
	if (thread)
		thread->refcnt++;
	return thread;
}

void thread__put(struct thread *thread)
{
	struct comm *comm, *n;

	if (!thread || --thread->refcnt > 0)
		return;
	list_for_each_entry_safe(comm, n, &thread->comm_list, list) {
		list_del_init(&comm->list);
		comm__delete(comm);
	}
	maps__put(thread->maps);
	free(thread);
}

struct comm *thread__comm(const struct thread *thread)
{
	if (list_empty(&thread->comm_list))
		return NULL;
	return list_first_entry(&thread->comm_list, struct comm, list);
}

const char *thread__comm_str(const struct thread *thread)
{
	struct comm *comm = thread__comm(thread);

	return comm ? comm__str(comm) : NULL;
}

const char *thread__comm_str_at(const struct thread *thread, uint64_t timestamp)
{
	struct comm *comm, *oldest = NULL;

	list_for_each_entry(comm, &thread->comm_list, list) {
		if (comm->start <= timestamp)
			return comm__str(comm);
		oldest = comm;
	}
	return oldest ? comm__str(oldest) : NULL;
}

struct comm *thread__exec_comm(const struct thread *thread)
{
	struct comm *comm, *last = NULL, *second_last = NULL;

	list_for_each_entry(comm, &thread->comm_list, list) {
		if (comm->exec)
			return comm;
		second_last = last;
		last = comm;
	}
	/*
	 * A main thread's oldest name with no time is likely its parent's,
	 * copied by a synthesized FORK: a later name is the better guess.
	 */
	if (second_last && !last->start && thread->pid_ == thread->tid)
		return second_last;
	return last;
}

int thread__set_comm(struct thread *thread, const char *str, uint64_t timestamp,
		     bool exec)
{
	struct comm *comm;

	if (!thread->comm_set) {
		comm = thread__comm(thread);
		if (comm__override(comm, str, timestamp, exec))
			return -ENOMEM;
	} else {
		comm = comm__new(str, timestamp, exec);
		if (!comm)
			return -ENOMEM;
		list_add(&comm->list, &thread->comm_list);
		/* The unwinder's per-process state describes the old image. */
		if (exec && thread->maps)
			thread->maps->generation++;
	}
	thread->comm_set = true;
	return 0;
}

int thread__fork(struct thread *thread, struct thread *parent, uint64_t timestamp,
		 bool clone_maps)
{
	if (parent->comm_set) {
		int err = thread__set_comm(thread, thread__comm_str(parent), timestamp, false);

		if (err)
			return err;
	}
	thread->ppid = parent->tid;
	if (clone_maps && thread->pid_ != parent->pid_ && thread->maps && parent->maps &&
	    thread->maps != parent->maps)
		return maps__clone(thread->maps, parent->maps);
	return 0;
}

int thread__insert_map(struct thread *thread, struct map *map)
{
	if (!thread->maps)
		return -EINVAL;
	return maps__insert(thread->maps, map);
}

/* ---- lookups ---- */

void addr_location__init(struct addr_location *al)
{
	memzero_outline(al, sizeof(*al));
	al->cpu = -1;
	al->socket = -1;
}

void addr_location__fprintf_dump(const struct addr_location *al, FILE *fp)
{
	fprintf(fp, " ... thread: %s:%d\n", thread__comm_str(al->thread), al->thread->tid);
	fprintf(fp, " ...... dso: %s\n", al->map ? al->map->dso->long_name :
		al->level == 'H' ? "[hypervisor]" : "<not found>");
}

void addr_location__exit(struct addr_location *al)
{
	map__zput(al->map);
	thread__zput(al->thread);
}

struct map *thread__find_map(struct thread *thread, uint8_t cpumode, uint64_t addr,
			     struct addr_location *al)
{
	struct machine *machine = thread->maps ? thread->maps->machine : NULL;
	struct maps *maps = thread->maps;
	struct map *map;

	if (al->thread != thread) {
		thread__put(al->thread);
		al->thread = thread__get(thread);
	}
	map__zput(al->map);
	al->sym = NULL;
	al->maps = maps;
	al->addr = addr;
	al->cpumode = cpumode;

	switch (cpumode) {
	case PERF_RECORD_MISC_KERNEL:
		al->level = 'k';
		maps = machine ? machine->kmaps : NULL;
		break;
	case PERF_RECORD_MISC_USER:
		al->level = '.';
		break;
	case PERF_RECORD_MISC_GUEST_KERNEL:
		al->level = 'g';
		maps = machine ? machine->kmaps : NULL;
		break;
	case PERF_RECORD_MISC_GUEST_USER:
		al->level = 'u';
		break;
	default:
		/* Hypervisor or unknown: no maps to look in. */
		al->level = 'H';
		al->maps = NULL;
		return NULL;
	}
	al->maps = maps;
	if (!maps)
		return NULL;
	map = maps__find(maps, addr);
	if (!map && machine && maps == machine->kmaps && machine__fixup_kernel_map(machine))
		map = maps__find(maps, addr);
	if (!map)
		return NULL;
	al->map = map__get(map);
	al->addr = map__map_ip(map, addr);
	return al->map;
}

struct map *thread__find_map_fb(struct thread *thread, uint8_t cpumode, uint64_t addr,
				struct addr_location *al)
{
	struct machine *machine = thread->maps ? thread->maps->machine : NULL;
	struct map *map = thread__find_map(thread, cpumode, addr, al);
	uint8_t addr_cpumode;

	if (map || !machine)
		return map;
	addr_cpumode = machine__addr_cpumode(machine, cpumode, addr);
	if (addr_cpumode == cpumode)
		return NULL;
	return thread__find_map(thread, addr_cpumode, addr, al);
}

struct symbol *thread__find_symbol(struct thread *thread, uint8_t cpumode,
				   uint64_t addr, struct addr_location *al)
{
	if (thread__find_map(thread, cpumode, addr, al))
		al->sym = map__find_symbol(al->map, addr);
	return al->sym;
}

struct symbol *thread__find_symbol_fb(struct thread *thread, uint8_t cpumode,
				      uint64_t addr, struct addr_location *al)
{
	if (thread__find_map_fb(thread, cpumode, addr, al))
		al->sym = map__find_symbol(al->map, addr);
	return al->sym;
}
