// SPDX-License-Identifier: GPL-2.0
/* The machine model: threads, kernel maps, dsos, record handlers, resolve. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/utsname.h>

#include "build-id.h"
#include "comm.h"
#include "debug.h"
#include "dso.h"
#include "header.h"
#include "kallsyms.h"
#include "machine.h"
#include "map.h"
#include "maps.h"
#include "thread.h"
#include "zalloc.h"

#define KERNEL_MMAP_NAME "[kernel.kallsyms]"

static bool machine__is_x86_64(const struct machine *machine)
{
	struct utsname u;

	if (machine->env && machine->env->arch)
		return !strcmp(machine->env->arch, "x86_64");
	return !uname(&u) && !strcmp(u.machine, "x86_64");
}

static void machine__update_kernel_start(struct machine *machine)
{
	/*
	 * x86_64's PTI entry trampolines sit below kernel text but above
	 * 2^63, so the half-way split is the right test there.
	 */
	machine->kernel_start = 1ULL << 63;
	if (machine->vmlinux_map && !machine__is_x86_64(machine))
		machine->kernel_start = machine->vmlinux_map->start;
}

int machine__init(struct machine *machine, struct perf_env *env)
{
	struct thread *idle;

	memset(machine, 0, sizeof(*machine));
	machine->pid = HOST_KERNEL_ID;
	machine->env = env;
	dsos__init(&machine->dsos);
	machine->kmaps = maps__new(machine, -1);
	if (!machine->kmaps)
		return -ENOMEM;
	machine__update_kernel_start(machine);
	idle = machine__idle_thread(machine);
	if (!idle) {
		machine__exit(machine);
		return -ENOMEM;
	}
	thread__put(idle);
	if (env && machine__set_build_ids(machine, env)) {
		machine__exit(machine);
		return -ENOMEM;
	}
	return 0;
}

void machine__exit(struct machine *machine)
{
	size_t i;

	for (i = 0; i < machine->threads_size; i++) {
		struct thread *t = machine->threads[i], *next;

		for (; t; t = next) {
			next = t->hash_next;
			t->hash_next = NULL;
			thread__put(t);
		}
	}
	zfree(&machine->threads);
	machine->nr_threads = machine->threads_size = 0;
	machine->last_match = NULL;
	map__zput(machine->vmlinux_map);
	maps__zput(machine->kmaps);
	dsos__exit(&machine->dsos);
}

struct machine *machine__new_host(struct perf_env *env)
{
	struct machine *machine = malloc(sizeof(*machine));

	if (!machine)
		return NULL;
	if (machine__init(machine, env)) {
		free(machine);
		return NULL;
	}
	return machine;
}

void machine__delete(struct machine *machine)
{
	if (!machine)
		return;
	machine__exit(machine);
	free(machine);
}

/* ---- threads ---- */

static size_t tid_bucket(const struct machine *machine, pid_t tid)
{
	return ((size_t)(uint32_t)tid * 2654435761u) & (machine->threads_size - 1);
}

static struct thread *machine__lookup(struct machine *machine, pid_t tid)
{
	struct thread *t;

	if (machine->last_match && machine->last_match->tid == tid)
		return machine->last_match;
	if (!machine->threads_size)
		return NULL;
	for (t = machine->threads[tid_bucket(machine, tid)]; t; t = t->hash_next) {
		if (t->tid == tid) {
			machine->last_match = t;
			return t;
		}
	}
	return NULL;
}

static int machine__grow_threads(struct machine *machine)
{
	size_t old = machine->threads_size, n = old ? old * 2 : 256, i;
	struct thread **h = calloc(n, sizeof(*h));

	if (!h)
		return -ENOMEM;
	machine->threads_size = n;
	for (i = 0; i < old; i++) {
		struct thread *t = machine->threads[i], *next;

		for (; t; t = next) {
			size_t b = tid_bucket(machine, t->tid);

			next = t->hash_next;
			t->hash_next = h[b];
			h[b] = t;
		}
	}
	free(machine->threads);
	machine->threads = h;
	return 0;
}

/* Give @thread the address space of process @thread->pid_. */
static int machine__init_thread_maps(struct machine *machine, struct thread *thread)
{
	struct thread *leader;

	if (thread->pid_ == thread->tid || thread->pid_ == -1) {
		thread->maps = maps__new(machine, thread->pid_);
		return thread->maps ? 0 : -ENOMEM;
	}
	leader = machine__findnew_thread(machine, thread->pid_, thread->pid_);
	if (!leader)
		return -ENOMEM;
	thread->maps = maps__get(leader->maps);
	thread__put(leader);
	return thread->maps ? 0 : -ENOMEM;
}

/* A thread first seen without its pid now has one: join its process. */
static void machine__update_thread_pid(struct machine *machine, struct thread *thread,
				       pid_t pid)
{
	struct thread *leader;

	thread->pid_ = pid;
	if (pid == thread->tid) {
		if (thread->maps)
			thread->maps->pid = pid;
		return;
	}
	leader = machine__findnew_thread(machine, pid, pid);
	if (!leader)
		return;
	if (leader->maps && thread->maps != leader->maps) {
		if (thread->maps && maps__nr(thread->maps))
			pr_debug("Discarding thread maps for %d:%d\n", pid, thread->tid);
		maps__put(thread->maps);
		thread->maps = maps__get(leader->maps);
	}
	thread__put(leader);
}

struct thread *machine__find_thread(struct machine *machine, pid_t pid, pid_t tid)
{
	struct thread *t = machine__lookup(machine, tid);

	if (t && pid != -1 && t->pid_ == -1)
		machine__update_thread_pid(machine, t, pid);
	return thread__get(t);
}

struct thread *machine__findnew_thread(struct machine *machine, pid_t pid, pid_t tid)
{
	struct thread *t = machine__lookup(machine, tid);
	size_t b;

	if (t) {
		if (pid != -1 && t->pid_ == -1)
			machine__update_thread_pid(machine, t, pid);
		return thread__get(t);
	}
	if (machine->nr_threads >= machine->threads_size && machine__grow_threads(machine))
		return NULL;
	t = thread__new(pid, tid);
	if (!t)
		return NULL;
	/* In the table before its maps: a thread's leader lookup may find it. */
	b = tid_bucket(machine, tid);
	t->hash_next = machine->threads[b];
	machine->threads[b] = t;
	machine->nr_threads++;
	machine->last_match = t;
	if (machine__init_thread_maps(machine, t)) {
		machine__remove_thread(machine, t);
		return NULL;
	}
	return thread__get(t);
}

void machine__remove_thread(struct machine *machine, struct thread *thread)
{
	struct thread **pp;

	if (!machine->threads_size)
		return;
	if (machine->last_match == thread)
		machine->last_match = NULL;
	for (pp = &machine->threads[tid_bucket(machine, thread->tid)]; *pp;
	     pp = &(*pp)->hash_next) {
		if (*pp == thread) {
			*pp = thread->hash_next;
			thread->hash_next = NULL;
			machine->nr_threads--;
			thread__put(thread);
			return;
		}
	}
}

struct thread *machine__idle_thread(struct machine *machine)
{
	struct thread *thread = machine__findnew_thread(machine, 0, 0);

	if (thread && thread__set_comm(thread, "swapper", 0, false)) {
		thread__put(thread);
		return NULL;
	}
	return thread;
}

int machine__for_each_thread(struct machine *machine,
			     int (*fn)(struct thread *thread, void *priv), void *priv)
{
	size_t i;
	int ret;

	for (i = 0; i < machine->threads_size; i++) {
		struct thread *t;

		for (t = machine->threads[i]; t; t = t->hash_next) {
			ret = fn(t, priv);
			if (ret)
				return ret;
		}
	}
	return 0;
}

/* ---- dsos and kernel maps ---- */

struct dso *machine__findnew_dso(struct machine *machine, const char *name)
{
	return dsos__findnew(&machine->dsos, name);
}

struct dso *machine__kernel_dso(struct machine *machine)
{
	return machine->vmlinux_map ? machine->vmlinux_map->dso : dsos__kernel(&machine->dsos);
}

/* "[ext4]" for a module path or a bracketed name, NULL when it is neither. */
static char *module_name_of(const char *name)
{
	struct dso *tmp;
	char *res;

	if (name[0] == '[') {
		size_t n = strcspn(name, "]");

		return name[n] ? strndup(name, n + 1) : NULL;
	}
	tmp = dso__new(name);
	if (!tmp)
		return NULL;
	res = tmp->kind == DSO_KIND_MODULE ? strdup(tmp->short_name) : NULL;
	dso__put(tmp);
	return res;
}

static struct dso *machine__findnew_module_dso(struct machine *machine, const char *name)
{
	char *short_name = module_name_of(name);
	struct dso *dso;

	if (!short_name)
		return NULL;
	dso = dsos__find(&machine->dsos, name);
	if (!dso)
		dso = dsos__find_by_short_name(&machine->dsos, short_name);
	if (!dso) {
		dso = dso__new(name);
		if (dso && dsos__add(&machine->dsos, dso))
			dso__zput(dso);
	}
	if (dso) {
		dso__set_kind(dso, DSO_KIND_MODULE);
		if (strcmp(dso->short_name, short_name))
			dso__set_short_name(dso, short_name);
	}
	free(short_name);
	return dso;
}

static int machine__add_module_map(struct machine *machine, uint64_t start, uint64_t len,
				   const char *name, const struct build_id *bid)
{
	struct dso *dso = machine__findnew_module_dso(machine, name);
	struct map *map;
	int err;

	if (!dso)
		return -ENOMEM;
	if (bid && build_id__is_defined(bid))
		dso__set_build_id(dso, bid);
	map = map__new(start, len, 0, dso);
	dso__put(dso);
	if (!map)
		return -ENOMEM;
	err = maps__insert(machine->kmaps, map);
	map__put(map);
	return err;
}

/* Install (or move) the kernel's own map: [start, end) of @dso. */
static int machine__set_kernel_map(struct machine *machine, struct dso *dso,
				   uint64_t start, uint64_t end)
{
	struct map *map;
	int err;

	if (end <= start)
		end = ~0ULL;
	map = map__new(start, end - start, start, dso);
	if (!map)
		return -ENOMEM;
	if (machine->vmlinux_map) {
		maps__remove(machine->kmaps, machine->vmlinux_map);
		map__zput(machine->vmlinux_map);
	}
	err = maps__insert(machine->kmaps, map);
	if (err) {
		map__put(map);
		return err;
	}
	machine->vmlinux_map = map;
	machine->kernel_map_fixed = false;
	machine__update_kernel_start(machine);
	return 0;
}

static int machine__process_kernel_mmap(struct machine *machine, uint64_t start,
					uint64_t len, uint64_t pgoff, const char *name,
					const struct build_id *bid)
{
	size_t klen = strlen(KERNEL_MMAP_NAME);
	bool is_kernel = !strncmp(name, KERNEL_MMAP_NAME, klen - 1);
	struct dso *kernel;
	int err;

	if (name[0] == '/' || (!is_kernel && name[0] == '['))
		return machine__add_module_map(machine, start, len, name, bid);
	if (!is_kernel) {
		pr_debug("kernel mmap of unknown kind ignored: %s\n", name);
		return 0;
	}
	kernel = machine__findnew_dso(machine, KERNEL_MMAP_NAME);
	if (!kernel)
		return -ENOMEM;
	dso__set_kind(kernel, DSO_KIND_KERNEL);
	if (bid && build_id__is_defined(bid))
		dso__set_build_id(kernel, bid);
	/*
	 * "[kernel.kallsyms]_text": the map's pgoff is _text's address at
	 * record time. Zero means kptr_restrict hid it: nothing to relocate by.
	 */
	if (pgoff && name[klen]) {
		free(kernel->kernel_ref_name);
		kernel->kernel_ref_name = strdup(name + klen);
		kernel->kernel_ref_addr = pgoff;
	}
	err = machine__set_kernel_map(machine, kernel, start, start + len);
	dso__put(kernel);
	return err;
}

/*
 * The MMAP record covers _text.._etext only, but with kallsyms the
 * reference stretches the kernel map from its first symbol to the end of
 * its last one: init text (start_kernel in every idle stack) and the
 * sections after it resolve. Neighbouring maps (modules) keep their
 * ranges. True when the map changed.
 */
bool machine__fixup_kernel_map(struct machine *machine)
{
	struct map *old = machine->vmlinux_map;
	struct dso *kernel;
	uint64_t start, end;
	size_t i;

	if (!old || machine->kernel_map_fixed)
		return false;
	machine->kernel_map_fixed = true;
	kernel = old->dso;
	if (!kernel || kernel->kind != DSO_KIND_KERNEL || old->pgoff != old->start)
		return false;
	dso__load(kernel);
	if (kernel->symtab_origin != DSO_SYMTAB__KALLSYMS || !kernel->symbols.nr)
		return false;
	start = kernel->symbols.entries[0]->start;
	end = kernel->symbols.entries[kernel->symbols.nr - 1]->end;
	if (start > old->start)
		start = old->start;
	if (end < old->end)
		end = old->end;
	for (i = 0; i < machine->kmaps->nr; i++) {
		const struct map *m = machine->kmaps->entries[i];

		if (m == old)
			continue;
		if (m->end <= old->start && m->end > start)
			start = m->end;
		if (m->start >= old->end && m->start < end)
			end = m->start;
	}
	if (start == old->start && end == old->end)
		return false;
	/*
	 * In place: the neighbours bound the new range, so the maps stay
	 * sorted, and callers that cache map pointers without a reference
	 * (perf script's frame cache) keep valid ones.
	 */
	old->start = old->pgoff = start;
	old->end = end;
	machine->kmaps->generation++;
	machine__update_kernel_start(machine);
	return true;
}

int machine__create_kernel_maps(struct machine *machine)
{
	static const char * const ref_names[] = { "_text", "_stext" };
	uint64_t addr = 0;
	struct dso *kernel;
	struct build_id bid;
	char *line = NULL;
	size_t cap = 0, i;
	FILE *f;
	int err = -ENOENT;

	for (i = 0; i < sizeof(ref_names) / sizeof(ref_names[0]) && err; i++)
		err = kallsyms__find_symbol("/proc/kallsyms", ref_names[i], &addr);
	if (err)
		return err;
	kernel = machine__findnew_dso(machine, KERNEL_MMAP_NAME);
	if (!kernel)
		return -ENOMEM;
	dso__set_kind(kernel, DSO_KIND_KERNEL);
	if (!kernel__read_running_build_id(&bid))
		dso__set_build_id(kernel, &bid);
	err = machine__set_kernel_map(machine, kernel, addr, ~0ULL);
	dso__put(kernel);
	if (err)
		return err;

	/* "name size refcnt deps state address": module text starts at address. */
	f = fopen("/proc/modules", "re");
	if (!f)
		return 0;
	while (getline(&line, &cap, f) > 0) {
		char name[256], path[300];
		unsigned long long size, start;

		if (sscanf(line, "%255s %llu %*s %*s %*s %llx", name, &size, &start) != 3 || !start)
			continue;
		snprintf(path, sizeof(path), "[%s]", name);
		err = machine__add_module_map(machine, start, size, path, NULL);
		if (err)
			break;
	}
	free(line);
	fclose(f);
	return err;
}

int machine__set_build_id(struct machine *machine, const char *filename,
			  const struct build_id *bid, uint16_t misc)
{
	uint16_t cpumode = misc & PERF_RECORD_MISC_CPUMODE_MASK;
	bool kernel = cpumode == PERF_RECORD_MISC_KERNEL ||
		      cpumode == PERF_RECORD_MISC_GUEST_KERNEL;
	struct dso *dso;

	if (kernel && strncmp(filename, KERNEL_MMAP_NAME, strlen(KERNEL_MMAP_NAME)) &&
	    (filename[0] == '[' || filename[0] == '/'))
		dso = machine__findnew_module_dso(machine, filename);
	else
		dso = machine__findnew_dso(machine, filename);
	if (!dso)
		return -ENOMEM;
	dso__set_build_id(dso, bid);
	dso__put(dso);
	return 0;
}

int machine__set_build_ids(struct machine *machine, const struct perf_env *env)
{
	int i;

	for (i = 0; i < env->nr_build_ids; i++) {
		const struct perf_build_id_entry *e = &env->build_ids[i];
		struct build_id bid;

		if (!e->filename)
			continue;
		build_id__init(&bid, e->build_id, e->size);
		if (machine__set_build_id(machine, e->filename, &bid, e->misc))
			return -ENOMEM;
	}
	return 0;
}

/* ---- records ---- */

static uint64_t sample_time(const struct perf_sample *sample)
{
	return sample ? sample->time : 0;
}

/* A record's string field, or NULL when it is not terminated inside the record. */
static const char *record_string(const union perf_event *event, const char *field)
{
	size_t off = (size_t)(field - (const char *)event);

	if (event->header.size <= off)
		return NULL;
	if (!memchr(field, '\0', event->header.size - off))
		return NULL;
	return field;
}

static bool is_anon_memory(const char *name, uint32_t flags)
{
	return !strcmp(name, "//anon") || !strncmp(name, "/dev/zero", 9) ||
	       !strncmp(name, "/anon_hugepage", 14) || (flags & MAP_HUGETLB);
}

static bool is_no_dso_memory(const char *name)
{
	return !strncmp(name, "[stack", 6) || !strncmp(name, "/SYSV", 5) ||
	       !strcmp(name, "[heap]");
}

static int machine__add_user_map(struct machine *machine, pid_t pid, pid_t tid,
				 uint64_t start, uint64_t len, uint64_t pgoff,
				 uint32_t prot, uint32_t flags, const char *filename,
				 const struct build_id *bid, const union perf_event *event)
{
	bool anon = is_anon_memory(filename, flags), no_dso = is_no_dso_memory(filename);
	char jitname[64];
	struct thread *thread;
	struct dso *dso;
	struct map *map;
	int err;

	if (!len)
		return 0;
	thread = machine__findnew_thread(machine, pid, tid);
	if (!thread)
		return -ENOMEM;
	/* Executable anonymous memory is JIT code: its symbols are in /tmp/perf-PID.map. */
	if ((anon || no_dso) && (prot & PROT_EXEC)) {
		snprintf(jitname, sizeof(jitname), "/tmp/perf-%d.map", thread->pid_);
		filename = jitname;
	}
	dso = machine__findnew_dso(machine, filename);
	if (!dso) {
		thread__put(thread);
		return -ENOMEM;
	}
	if (dso->kind == DSO_KIND_VDSO)
		pgoff = 0;
	if (bid && build_id__is_defined(bid))
		dso__set_build_id(dso, bid);
	else if (event && event->header.type == PERF_RECORD_MMAP2 && dso->kind == DSO_KIND_FILE) {
		dso->id.maj = event->mmap2.maj;
		dso->id.min = event->mmap2.min;
		dso->id.ino = event->mmap2.ino;
		dso->id.ino_generation = event->mmap2.ino_generation;
	}
	map = map__new(start, len, pgoff, dso);
	dso__put(dso);
	if (!map) {
		thread__put(thread);
		return -ENOMEM;
	}
	map->prot = prot;
	map->flags = flags;
	if (anon || no_dso)
		map->identity = true;
	err = thread__insert_map(thread, map);
	map__put(map);
	thread__put(thread);
	return err;
}

int machine__process_mmap2_event(struct machine *machine, const union perf_event *event,
				 const struct perf_sample *sample)
{
	const struct perf_record_mmap2 *m = &event->mmap2;
	uint8_t cpumode = event->header.misc & PERF_RECORD_MISC_CPUMODE_MASK;
	const char *filename = record_string(event, m->filename);
	struct build_id bid, *bidp = NULL;

	(void)sample;
	if (!filename) {
		pr_debug("MMAP2 record without a terminated file name skipped\n");
		return 0;
	}
	if (event->header.misc & PERF_RECORD_MISC_MMAP_BUILD_ID) {
		build_id__init(&bid, m->build_id, m->build_id_size);
		bidp = &bid;
	}
	if (cpumode == PERF_RECORD_MISC_KERNEL || cpumode == PERF_RECORD_MISC_GUEST_KERNEL)
		return machine__process_kernel_mmap(machine, m->start, m->len, m->pgoff,
						    filename, bidp);
	return machine__add_user_map(machine, (pid_t)m->pid, (pid_t)m->tid, m->start, m->len,
				     m->pgoff, m->prot, m->flags, filename, bidp, event);
}

int machine__process_mmap_event(struct machine *machine, const union perf_event *event,
				const struct perf_sample *sample)
{
	const struct perf_record_mmap *m = &event->mmap;
	uint8_t cpumode = event->header.misc & PERF_RECORD_MISC_CPUMODE_MASK;
	const char *filename = record_string(event, m->filename);
	uint32_t prot;

	(void)sample;
	if (!filename) {
		pr_debug("MMAP record without a terminated file name skipped\n");
		return 0;
	}
	if (cpumode == PERF_RECORD_MISC_KERNEL || cpumode == PERF_RECORD_MISC_GUEST_KERNEL)
		return machine__process_kernel_mmap(machine, m->start, m->len, m->pgoff,
						    filename, NULL);
	/* Plain MMAP has no prot: data mappings are flagged in misc. */
	prot = event->header.misc & PERF_RECORD_MISC_MMAP_DATA ? PROT_READ : PROT_EXEC;
	return machine__add_user_map(machine, (pid_t)m->pid, (pid_t)m->tid, m->start, m->len,
				     m->pgoff, prot, 0, filename, NULL, event);
}

int machine__process_comm_event(struct machine *machine, const union perf_event *event,
				const struct perf_sample *sample)
{
	bool exec = event->header.misc & PERF_RECORD_MISC_COMM_EXEC;
	char comm[sizeof(event->comm.comm) + 1];
	struct thread *thread;
	int err;

	if (event->header.size < offsetof(struct perf_record_comm, comm) + 1)
		return 0;
	/* The kernel pads comm to 8 bytes; never trust the NUL to be there. */
	memcpy(comm, event->comm.comm, sizeof(event->comm.comm));
	comm[sizeof(event->comm.comm)] = '\0';
	if (exec)
		machine->comm_exec = true;
	thread = machine__findnew_thread(machine, (pid_t)event->comm.pid, (pid_t)event->comm.tid);
	if (!thread)
		return -ENOMEM;
	err = thread__set_comm(thread, comm, sample_time(sample), exec);
	thread__put(thread);
	return err;
}

int machine__process_fork_event(struct machine *machine, const union perf_event *event,
				const struct perf_sample *sample)
{
	const struct perf_record_fork *f = &event->fork;
	struct thread *thread, *parent;
	bool clone_maps = true;
	int err;

	/* A tid seen again after a fork is a new task that reuses the number. */
	thread = machine__find_thread(machine, (pid_t)f->pid, (pid_t)f->tid);
	if (thread) {
		machine__remove_thread(machine, thread);
		thread__put(thread);
	}
	parent = machine__findnew_thread(machine, (pid_t)f->ppid, (pid_t)f->ptid);
	if (parent && parent->pid_ != (pid_t)f->ppid) {
		/* Not the real parent: an older task with the same tid. */
		machine__remove_thread(machine, parent);
		thread__put(parent);
		parent = machine__findnew_thread(machine, (pid_t)f->ppid, (pid_t)f->ptid);
	}
	thread = machine__findnew_thread(machine, (pid_t)f->pid, (pid_t)f->tid);
	/*
	 * perf record marks the FORKs it synthesizes for running tasks: their
	 * maps follow as MMAP records, so copying the parent's would overlap.
	 */
	if (event->header.misc & PERF_RECORD_MISC_FORK_EXEC)
		clone_maps = false;
	err = thread && parent ? thread__fork(thread, parent, sample_time(sample), clone_maps)
			       : -ENOMEM;
	thread__put(thread);
	thread__put(parent);
	return err;
}

int machine__process_exit_event(struct machine *machine, const union perf_event *event,
				const struct perf_sample *sample)
{
	struct thread *thread = machine__find_thread(machine, (pid_t)event->fork.pid,
						     (pid_t)event->fork.tid);

	(void)sample;
	if (thread) {
		thread->dead = true;
		thread__put(thread);
	}
	return 0;
}

int machine__process_ksymbol_event(struct machine *machine, const union perf_event *event,
				   const struct perf_sample *sample)
{
	const struct perf_record_ksymbol *k = &event->ksymbol;
	const char *name = record_string(event, k->name);
	struct symbol *sym;
	struct map *map;
	struct dso *dso;
	int err;

	(void)sample;
	if (!name)
		return 0;
	map = maps__find(machine->kmaps, k->addr);
	if (k->flags & PERF_RECORD_KSYMBOL_FLAGS_UNREGISTER) {
		if (map && map != machine->vmlinux_map && map->dso &&
		    map->dso->kind == DSO_KIND_KSYMBOL)
			maps__remove(machine->kmaps, map);
		return 0;
	}
	if (map) {
		/* Inside a known map (a module's): one more symbol of its dso. */
		dso = map->dso;
		if (!dso || dso->kind == DSO_KIND_KERNEL)
			return 0;
		sym = symbol__new(k->addr, k->len, SYMBOL_BIND_GLOBAL, SYMBOL_TYPE_FUNC, name);
		if (!sym || symbols__add(&dso->symbols, sym))
			return -ENOMEM;
		return symbols__sort(&dso->symbols);
	}
	if (!k->len)
		return 0;
	dso = dso__new(name);
	if (!dso)
		return -ENOMEM;
	dso__set_kind(dso, DSO_KIND_KSYMBOL);
	dso__set_short_name(dso, name);
	dso->loaded = true;
	sym = symbol__new(k->addr, k->len, SYMBOL_BIND_GLOBAL, SYMBOL_TYPE_FUNC, name);
	if (!sym || symbols__add(&dso->symbols, sym)) {
		dso__put(dso);
		return -ENOMEM;
	}
	symbols__sort(&dso->symbols);
	map = map__new(k->addr, k->len, 0, dso);
	dso__put(dso);
	if (!map)
		return -ENOMEM;
	err = maps__insert(machine->kmaps, map);
	map__put(map);
	return err;
}

int machine__process_event(struct machine *machine, const union perf_event *event,
			   const struct perf_sample *sample)
{
	switch (event->header.type) {
	case PERF_RECORD_MMAP:
		return machine__process_mmap_event(machine, event, sample);
	case PERF_RECORD_MMAP2:
		return machine__process_mmap2_event(machine, event, sample);
	case PERF_RECORD_COMM:
		return machine__process_comm_event(machine, event, sample);
	case PERF_RECORD_FORK:
		return machine__process_fork_event(machine, event, sample);
	case PERF_RECORD_EXIT:
		return machine__process_exit_event(machine, event, sample);
	case PERF_RECORD_KSYMBOL:
		return machine__process_ksymbol_event(machine, event, sample);
	default:
		return 0;
	}
}

int perf_event__process_mmap(struct perf_tool *tool, union perf_event *event,
			     struct perf_sample *sample, struct machine *machine)
{
	(void)tool;
	return machine__process_mmap_event(machine, event, sample);
}

int perf_event__process_mmap2(struct perf_tool *tool, union perf_event *event,
			      struct perf_sample *sample, struct machine *machine)
{
	(void)tool;
	return machine__process_mmap2_event(machine, event, sample);
}

int perf_event__process_comm(struct perf_tool *tool, union perf_event *event,
			     struct perf_sample *sample, struct machine *machine)
{
	(void)tool;
	return machine__process_comm_event(machine, event, sample);
}

int perf_event__process_fork(struct perf_tool *tool, union perf_event *event,
			     struct perf_sample *sample, struct machine *machine)
{
	(void)tool;
	return machine__process_fork_event(machine, event, sample);
}

int perf_event__process_exit(struct perf_tool *tool, union perf_event *event,
			     struct perf_sample *sample, struct machine *machine)
{
	(void)tool;
	return machine__process_exit_event(machine, event, sample);
}

int perf_event__process_ksymbol(struct perf_tool *tool, union perf_event *event,
				struct perf_sample *sample, struct machine *machine)
{
	(void)tool;
	return machine__process_ksymbol_event(machine, event, sample);
}

/* ---- resolution ---- */

uint8_t machine__addr_cpumode(const struct machine *machine, uint8_t cpumode,
			      uint64_t addr)
{
	bool kernel_ip = addr >= machine->kernel_start;

	switch (cpumode) {
	case PERF_RECORD_MISC_KERNEL:
	case PERF_RECORD_MISC_USER:
		return kernel_ip ? PERF_RECORD_MISC_KERNEL : PERF_RECORD_MISC_USER;
	case PERF_RECORD_MISC_GUEST_KERNEL:
	case PERF_RECORD_MISC_GUEST_USER:
		return kernel_ip ? PERF_RECORD_MISC_GUEST_KERNEL : PERF_RECORD_MISC_GUEST_USER;
	default:
		return cpumode;
	}
}

int machine__resolve(struct machine *machine, struct addr_location *al,
		     const struct perf_sample *sample)
{
	struct thread *thread = machine__findnew_thread(machine, (pid_t)sample->pid,
							(pid_t)sample->tid);

	if (!thread)
		return -ENOMEM;
	thread__find_map(thread, sample->cpumode, sample->ip, al);
	thread__put(thread);	/* al holds its own reference */
	al->sym = NULL;
	al->cpu = (int32_t)sample->cpu;
	al->socket = -1;
	if (machine->env && machine->env->cpu && (int32_t)sample->cpu >= 0 &&
	    (int32_t)sample->cpu < machine->env->nr_cpus_avail)
		al->socket = machine->env->cpu[sample->cpu].socket_id;
	if (al->map)
		al->sym = map__find_symbol(al->map, sample->ip);
	return 0;
}

const char *addr_location__level_str(const struct addr_location *al)
{
	switch (al->level) {
	case 'k': return "[k]";
	case '.': return "[.]";
	case 'g': return "[g]";
	case 'u': return "[u]";
	default: return "[H]";
	}
}

/* ---- build-ids for perf record ---- */

static int dso__read_build_id_now(struct dso *dso)
{
	struct build_id bid = { .size = 0 };

	if (dso->bid.size)
		return 0;
	switch (dso->kind) {
	case DSO_KIND_KERNEL:
		if (kernel__read_running_build_id(&bid))
			return -ENOENT;
		break;
	case DSO_KIND_VDSO: {
		size_t size;
		const void *img = vdso__image(&size);

		if (!img || elf_image__read_build_id(img, size, &bid))
			return -ENOENT;
		break;
	}
	case DSO_KIND_FILE:
		if (filename__read_build_id(dso->long_name, &bid))
			return -ENOENT;
		break;
	default:
		return -ENOENT;
	}
	dso->bid = bid;
	return 0;
}

static void dso__add_to_cache(struct dso *dso)
{
	size_t size;
	const void *img;

	switch (dso->kind) {
	case DSO_KIND_KERNEL:
		build_id_cache__add(&dso->bid, dso->long_name, "/proc/kallsyms", "kallsyms");
		break;
	case DSO_KIND_VDSO:
		img = vdso__image(&size);
		if (img)
			build_id_cache__add_image(&dso->bid, dso->long_name, img, size, "elf");
		break;
	case DSO_KIND_FILE:
		build_id_cache__add(&dso->bid, dso->long_name, dso->long_name, "elf");
		break;
	default:
		break;
	}
}

int machine__hit_build_ids(struct machine *machine, bool add_to_cache,
			   struct build_id_entry **entries, int *nr)
{
	struct build_id_entry *out = NULL;
	struct dso *dso;
	int n = 0;

	list_for_each_entry(dso, &machine->dsos.head, node) {
		struct build_id_entry *e;

		if (!dso->hit || dso__read_build_id_now(dso))
			continue;
		e = realloc(out, (size_t)(n + 1) * sizeof(*out));
		if (!e) {
			build_id_entries__free(out, n);
			return -ENOMEM;
		}
		out = e;
		e = &out[n];
		memset(e, 0, sizeof(*e));
		e->pid = -1;
		e->misc = dso->kind == DSO_KIND_KERNEL || dso->kind == DSO_KIND_MODULE ?
			  PERF_RECORD_MISC_KERNEL : PERF_RECORD_MISC_USER;
		e->size = (uint8_t)dso->bid.size;
		memcpy(e->build_id, dso->bid.data, dso->bid.size);
		e->filename = strdup(dso->long_name);
		if (!e->filename) {
			build_id_entries__free(out, n);
			return -ENOMEM;
		}
		n++;
		if (add_to_cache)
			dso__add_to_cache(dso);
	}
	*entries = out;
	*nr = n;
	return 0;
}

void build_id_entries__free(struct build_id_entry *entries, int nr)
{
	int i;

	for (i = 0; i < nr; i++)
		free(entries[i].filename);
	free(entries);
}

char *machine__resolve_kernel_addr(void *priv, unsigned long long *addrp, char **modp)
{
	struct thread *idle = machine__idle_thread(priv);
	struct addr_location al;
	char *name = NULL;

	if (!idle)
		return NULL;
	addr_location__init(&al);
	if (thread__find_symbol(idle, PERF_RECORD_MISC_KERNEL, *addrp, &al)) {
		*modp = al.map->dso->kind == DSO_KIND_MODULE ? al.map->dso->short_name : NULL;
		*addrp = map__unmap_ip(al.map, al.sym->start);
		name = al.sym->name;
	}
	addr_location__exit(&al);
	thread__put(idle);
	return name;
}
