/* SPDX-License-Identifier: GPL-2.0 */
/*
 * thread: one task seen in the record stream — its pid/tid, its names
 * over time, and a reference to the address space (maps) it shares with
 * the other threads of its process. Also struct addr_location, the result
 * of resolving one address of one thread.
 *
 * Layer 3: depends on util/comm, util/maps, util/map, util/dso.
 */
#ifndef PERF_UTIL_THREAD_H
#define PERF_UTIL_THREAD_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "list.h"

struct comm;
struct machine;
struct map;
struct maps;
struct symbol;

/**
 * struct thread - one task
 * @pid_, @tid:  process and thread id (pid_ is -1 until known)
 * @ppid:        the parent's tid from FORK, -1 if unknown
 * @comm_list:   comms, newest first; the first is a provisional ":tid"
 *               until the first COMM (or the fork copies the parent's)
 * @comm_set:    a real name was set
 * @maps:        the address space, shared with the process's threads
 * @dead:        an EXIT record was seen
 * @cpu:         last cpu it was seen on (-1)
 * @priv:        for the command using the machine (report, sched, trace)
 */
struct thread {
	pid_t pid_;
	pid_t tid;
	pid_t ppid;
	int cpu;
	int refcnt;
	struct list_head comm_list;
	bool comm_set;
	bool dead;
	struct maps *maps;
	struct thread *hash_next;
	void *priv;
};

/*
 * A new thread @pid/@tid named ":tid", without maps (the machine gives
 * it the process's). NULL on ENOMEM. One reference.
 */
struct thread *thread__new(pid_t pid, pid_t tid);
struct thread *thread__get(struct thread *thread);
void thread__put(struct thread *thread);
#define thread__zput(t) do { thread__put(t); (t) = NULL; } while (0)

/*
 * The thread is named @str from @timestamp on; @exec marks a name set by
 * exec. The first real name replaces the provisional ":tid". 0 or -ENOMEM.
 */
int thread__set_comm(struct thread *thread, const char *str, uint64_t timestamp,
		     bool exec);

/* The current comm (never NULL for a thread from thread__new). */
struct comm *thread__comm(const struct thread *thread);
const char *thread__comm_str(const struct thread *thread);
/* The name it had at @timestamp (the oldest if before all of them). */
const char *thread__comm_str_at(const struct thread *thread, uint64_t timestamp);
/* The comm set by the last exec, as the reference chooses it for report's comm. */
struct comm *thread__exec_comm(const struct thread *thread);

/*
 * @thread was forked from @parent at @timestamp: it takes the parent's
 * name, and with @clone_maps a copy of its address space when it is a
 * new process (threads of one process already share theirs). 0 or -errno.
 */
int thread__fork(struct thread *thread, struct thread *parent, uint64_t timestamp,
		 bool clone_maps);

/* Insert @map into the thread's address space (overlaps replaced). 0 or -errno. */
int thread__insert_map(struct thread *thread, struct map *map);

/**
 * struct addr_location - where one address of one thread resolved to
 * @thread:  a reference (dropped by addr_location__exit)
 * @maps:    the address space searched (borrowed)
 * @map:     a reference, or NULL when no map covers the address
 * @sym:     the symbol, or NULL; owned by @map's dso
 * @addr:    the address in the dso's space (map__map_ip), or the raw address
 * @level:   '.' user, 'k' kernel, 'g' guest kernel, 'u' guest user, 'H' hypervisor
 * @cpumode: PERF_RECORD_MISC_* cpumode the lookup used
 * @cpu, @socket: from the sample and the recording machine's topology (-1)
 * @filtered: filter bits for the hists (not set here)
 */
struct addr_location {
	struct thread *thread;
	struct maps *maps;
	struct map *map;
	struct symbol *sym;
	uint64_t addr;
	char level;
	uint8_t cpumode;
	int32_t cpu;
	int32_t socket;
	uint32_t filtered;
};

void addr_location__init(struct addr_location *al);
/*
 * The lines the reference's resolver adds to a sample under -D:
 * " ... thread: comm:tid" and " ...... dso: path" (or "<not found>").
 * @al must hold a thread.
 */
void addr_location__fprintf_dump(const struct addr_location *al, FILE *fp);
/* Drop the references; @al can be reused after addr_location__init(). */
void addr_location__exit(struct addr_location *al);

/*
 * Look up @addr in the address space @cpumode selects (user: the thread's,
 * kernel: the machine's kernel maps), filling @al (previous references in
 * @al are dropped). Returns al->map (borrowed from @al) or NULL.
 */
struct map *thread__find_map(struct thread *thread, uint8_t cpumode, uint64_t addr,
			     struct addr_location *al);
/* The same, then retried in the kernel maps when @addr is a kernel address. */
struct map *thread__find_map_fb(struct thread *thread, uint8_t cpumode, uint64_t addr,
				struct addr_location *al);
/* thread__find_map() plus the symbol. Returns al->sym or NULL. */
struct symbol *thread__find_symbol(struct thread *thread, uint8_t cpumode,
				   uint64_t addr, struct addr_location *al);
struct symbol *thread__find_symbol_fb(struct thread *thread, uint8_t cpumode,
				      uint64_t addr, struct addr_location *al);

#endif /* PERF_UTIL_THREAD_H */
