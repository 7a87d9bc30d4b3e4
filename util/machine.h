/* SPDX-License-Identifier: GPL-2.0 */
/*
 * machine: the model of the recorded system built from the record stream
 * — its threads (by tid), their address spaces, the kernel's maps
 * (kernel, modules, BPF programs) and every dso — and the resolution of a
 * sample's address to thread, map, dso and symbol.
 *
 * A command feeds it the side-band records through the
 * machine__process_*_event() handlers (or perf_event__process_*, which
 * have the perf_tool callback signature) and calls machine__resolve()
 * per sample. Lookups allocate nothing once a thread and its dsos exist.
 *
 * Layer 3: depends on util/thread, util/maps, util/map, util/dso,
 * util/event.h, util/header.h (perf_env).
 */
#ifndef PERF_UTIL_MACHINE_H
#define PERF_UTIL_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "dso.h"
#include "event.h"
#include "thread.h"

struct map;
struct maps;
struct perf_env;
struct perf_tool;

/* machine->pid of the host. */
#define HOST_KERNEL_ID (-1)

/**
 * struct machine - a system as recorded (the host; guests are not modelled)
 * @env:          the recording machine's description (not owned), may be NULL
 * @dsos:         every dso, by long name
 * @kmaps:        the kernel's address space
 * @vmlinux_map:  the kernel's own map in @kmaps, NULL until the kernel's
 *                MMAP record (or machine__create_kernel_maps())
 * @kernel_start: lowest kernel address: user samples above it are kernel
 * @kernel_map_fixed: machine__fixup_kernel_map() ran for @vmlinux_map
 * @comm_exec:    the stream marks exec COMMs
 */
struct machine {
	pid_t pid;
	struct perf_env *env;
	struct dsos dsos;
	struct maps *kmaps;
	struct map *vmlinux_map;
	uint64_t kernel_start;
	bool kernel_map_fixed;
	bool comm_exec;
	struct thread **threads;
	size_t nr_threads;
	size_t threads_size;
	struct thread *last_match;
};

/*
 * Set up an empty host machine described by @env (may be NULL: this
 * machine), with the idle thread 0/0 named "swapper" as the reference
 * has it, and the build-ids @env lists. 0 or -ENOMEM.
 */
int machine__init(struct machine *machine, struct perf_env *env);
void machine__exit(struct machine *machine);
/* Allocated variants. machine__new_host() returns NULL on ENOMEM. */
struct machine *machine__new_host(struct perf_env *env);
void machine__delete(struct machine *machine);
/*
 * Once per kernel map: load the kernel's symbols and, when they come from
 * kallsyms, widen its map over them as the reference does. True when the
 * map changed (a failed lookup in kmaps is worth retrying).
 */
bool machine__fixup_kernel_map(struct machine *machine);

/*
 * Kernel maps of the running system, for live use (perf top, record's
 * build-id collection): the kernel from /proc/kallsyms' _text, modules
 * from /proc/modules. 0 or -errno.
 */
int machine__create_kernel_maps(struct machine *machine);

/* ---- threads ---- */

/*
 * The thread @tid, created (with the address space of process @pid)
 * when missing; a pid learned late (-1 before) is filled in. Returns a new
 * reference, NULL on ENOMEM.
 */
struct thread *machine__findnew_thread(struct machine *machine, pid_t pid, pid_t tid);
/* The thread @tid or NULL; a new reference. @pid is used only to fix an unknown pid. */
struct thread *machine__find_thread(struct machine *machine, pid_t pid, pid_t tid);
/* Forget @thread (references elsewhere keep it alive). */
void machine__remove_thread(struct machine *machine, struct thread *thread);
/* The idle thread 0/0 "swapper" (a new reference). */
struct thread *machine__idle_thread(struct machine *machine);

/* Call @fn for each thread (in no particular order) until it returns non-zero. */
int machine__for_each_thread(struct machine *machine,
			     int (*fn)(struct thread *thread, void *priv), void *priv);

/* ---- dsos ---- */

/* The dso named @name, created when missing. New reference or NULL. */
struct dso *machine__findnew_dso(struct machine *machine, const char *name);
/* The kernel dso, NULL before the kernel map exists; no new reference. */
struct dso *machine__kernel_dso(struct machine *machine);

/*
 * A build-id from the perf.data header (HEADER_BUILD_ID feature or
 * record): the dso named @filename gets it (created when missing). @misc
 * is the record's header.misc (its cpumode says kernel or user). 0 or
 * -ENOMEM.
 */
int machine__set_build_id(struct machine *machine, const char *filename,
			  const struct build_id *bid, uint16_t misc);

/*
 * Apply every build-id of @env (the HEADER_BUILD_ID feature as read from
 * the file) with machine__set_build_id(). 0 or -ENOMEM. machine__init()
 * does this for the env it is given.
 */
int machine__set_build_ids(struct machine *machine, const struct perf_env *env);

/* ---- records ---- */

/*
 * Apply one side-band record. @sample may be NULL (its time is then 0).
 * All return 0 or -errno; a record that makes no sense (overlong name,
 * zero length) is skipped with 0 and a debug message, as the reference does.
 */
int machine__process_mmap_event(struct machine *machine, const union perf_event *event,
				const struct perf_sample *sample);
int machine__process_mmap2_event(struct machine *machine, const union perf_event *event,
				 const struct perf_sample *sample);
int machine__process_comm_event(struct machine *machine, const union perf_event *event,
				const struct perf_sample *sample);
int machine__process_fork_event(struct machine *machine, const union perf_event *event,
				const struct perf_sample *sample);
int machine__process_exit_event(struct machine *machine, const union perf_event *event,
				const struct perf_sample *sample);
int machine__process_ksymbol_event(struct machine *machine, const union perf_event *event,
				   const struct perf_sample *sample);
/* Dispatch on header.type to the handlers above; other types are ignored. */
int machine__process_event(struct machine *machine, const union perf_event *event,
			   const struct perf_sample *sample);

/*
 * perf_tool callbacks that forward to the handlers above, for tools that
 * only want the machine kept up to date: tool->mmap = perf_event__process_mmap.
 */
int perf_event__process_mmap(struct perf_tool *tool, union perf_event *event,
			     struct perf_sample *sample, struct machine *machine);
int perf_event__process_mmap2(struct perf_tool *tool, union perf_event *event,
			      struct perf_sample *sample, struct machine *machine);
int perf_event__process_comm(struct perf_tool *tool, union perf_event *event,
			     struct perf_sample *sample, struct machine *machine);
int perf_event__process_fork(struct perf_tool *tool, union perf_event *event,
			     struct perf_sample *sample, struct machine *machine);
int perf_event__process_exit(struct perf_tool *tool, union perf_event *event,
			     struct perf_sample *sample, struct machine *machine);
int perf_event__process_ksymbol(struct perf_tool *tool, union perf_event *event,
				struct perf_sample *sample, struct machine *machine);

/* ---- resolution ---- */

/*
 * Resolve @sample's ip: its thread (created if new), the map, the dso's
 * symbol, the cpumode level. @al must have been addr_location__init()ed;
 * the caller drops the references with addr_location__exit(). Returns 0,
 * or -ENOMEM when the thread could not be created.
 */
int machine__resolve(struct machine *machine, struct addr_location *al,
		     const struct perf_sample *sample);

/* PERF_RECORD_MISC_KERNEL for a kernel address seen with a user cpumode. */
uint8_t machine__addr_cpumode(const struct machine *machine, uint8_t cpumode,
			      uint64_t addr);

/*
 * Name the kernel function holding *@addrp with @machine's kernel symbols,
 * as a tracepoint payload's %ps/%pS wants (the trace_event_resolver_fn of
 * util/trace-event-parse.h, @machine as its priv): sets *@addrp to the
 * function's start and *@modp to its module or NULL. Returns the name,
 * owned by the dso (which the machine keeps), or NULL when unknown.
 */
char *machine__resolve_kernel_addr(void *machine, unsigned long long *addrp, char **modp);

/* "[k]", "[.]", "[g]", "[u]", "[H]": the marker report prints for @al's level. */
const char *addr_location__level_str(const struct addr_location *al);

#endif /* PERF_UTIL_MACHINE_H */

/* ---- build-ids for perf record ---- */

struct build_id_entry;

/*
 * The build-ids of the dsos marked hit (dso->hit) in @machine, for the
 * HEADER_BUILD_ID feature: read from each file (or the running kernel's
 * notes, or the vdso image) when the dso has none yet. With @add_to_cache,
 * each is also added to the build-id cache (~/.debug). Returns 0 or
 * -ENOMEM; *@entries (caller frees with build_id_entries__free) holds
 * *@nr entries. Dsos whose build-id cannot be read are left out.
 */
int machine__hit_build_ids(struct machine *machine, bool add_to_cache,
			   struct build_id_entry **entries, int *nr);
void build_id_entries__free(struct build_id_entry *entries, int nr);
