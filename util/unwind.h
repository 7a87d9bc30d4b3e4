/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DWARF unwinding of sampled user stacks (--call-graph dwarf): from the
 * registers and the copy of the stack a sample carries
 * (PERF_SAMPLE_REGS_USER + PERF_SAMPLE_STACK_USER), recover the user
 * frames with the call frame information (.eh_frame, .debug_frame) of the
 * binaries the thread had mapped, the vdso included.
 *
 * Two backends sit behind this interface, each in its own file: libdw
 * (util/unwind-libdw.c, the default) and libunwind (util/unwind-libunwind.c).
 * The config key unwind.backend=libdw|libunwind chooses; a backend that
 * was not built makes unwind__get_entries() fail with -ENOTSUP.
 *
 * State that outlives one sample is cached where it belongs: each dso's
 * mapped image and unwind tables in dso->priv (loaded once per run), each
 * address space's module layout and backend session in maps->priv
 * (rebuilt only when maps->generation shows that the layout changed).
 * Nothing is copied per frame: the stack is read where the sample holds it.
 *
 * Layer 3: depends on util/thread, util/maps, util/map, util/dso,
 * util/event.h (struct perf_sample). No printing but pr_debug.
 */
#ifndef PERF_UTIL_UNWIND_H
#define PERF_UTIL_UNWIND_H

#include <stdbool.h>
#include <stdint.h>

struct inline_node;
struct map;
struct perf_event_attr;
struct perf_sample;
struct symbol;
struct thread;

/**
 * struct unwind_entry - one user frame, innermost first
 * @ip:  the frame's address in the process. The first frame has the
 *       sampled pc; the others the return address minus one, so that the
 *       address lies in the call instruction (symbol, srcline and inline
 *       lookups then name the caller's line), except a frame interrupted
 *       by a signal, whose pc is exact. This is what the reference passes.
 * @map: the map holding @ip, or NULL. Borrowed for the duration of the
 *       callback: take map__get() to keep it.
 * @sym: @ip's symbol in @map's dso, or NULL. Owned by the dso.
 */
struct unwind_entry {
	uint64_t ip;
	struct map *map;
	struct symbol *sym;
};

/* Called once per frame; a non-zero return stops the walk and is returned. */
typedef int (*unwind_entry_cb)(struct unwind_entry *entry, void *arg);

enum unwind_backend {
	UNWIND_BACKEND__NONE,		/* neither library was built in */
	UNWIND_BACKEND__LIBDW,
	UNWIND_BACKEND__LIBUNWIND,
	UNWIND_BACKEND__NR,
};

/*
 * Unwind the user stack of @sample taken in @thread, calling @cb for each
 * frame from the sampled pc outwards, at most @max_stack frames (<= 0:
 * the reference's default of 127).
 *
 * Returns 0 when the walk ended: at the outermost frame, at the end of
 * the sampled stack (a truncated stack gives the frames it holds), or
 * where no unwind information was found; the non-zero value of @cb when
 * it stopped the walk; or a negative errno when nothing could be unwound:
 * -ENOTSUP (backend not built, or the recording machine's arch or
 * register ABI is unknown), -ENODATA (the sample has no user registers
 * or no user stack: a kernel thread, a sample during exec, an attr
 * without PERF_SAMPLE_REGS_USER|STACK_USER; the reference shows no user
 * frame for those, not even the sampled pc). With
 * @best_effort those are reported as 0 with no frames, for callers that
 * unwind what they can and keep going.
 *
 * @thread's address space must be the one at the time of the sample (the
 * session delivers samples in order, so it is).
 */
int unwind__get_entries(unwind_entry_cb cb, void *arg, struct thread *thread,
			struct perf_sample *sample, int max_stack, bool best_effort);

/*
 * Whether samples of @attr carry what unwinding needs (user registers and
 * user stack): then report and script unwind instead of using the user
 * part of the kernel's callchain.
 */
bool unwind__attr_has_user_stack(const struct perf_event_attr *attr);

/* ---- backend choice ---- */

/*
 * The backend in use: the one set with unwind__set_backend(), else the
 * config key unwind.backend (read once, on first use), else libdw when
 * built, else libunwind, else UNWIND_BACKEND__NONE.
 */
enum unwind_backend unwind__backend(void);

/* Use @backend from now on. 0, or -ENOTSUP when it was not built in. */
int unwind__set_backend(enum unwind_backend backend);

/* Whether @backend was built in. */
bool unwind__backend_built(enum unwind_backend backend);

/* "libdw", "libunwind" or "none". */
const char *unwind_backend__name(enum unwind_backend backend);

/* "libdw"/"libunwind" to the enum: 0, or -EINVAL for another name. */
int unwind_backend__parse(const char *name, enum unwind_backend *backend);

/*
 * A perf_config() callback for "unwind.backend": builtins that read their
 * config anyway can pass it on; 0, or -EINVAL for an unknown value (after
 * a pr_err naming it). Other keys are ignored.
 */
int unwind__config(const char *var, const char *value, void *data);

/* ---- counters ---- */

/**
 * struct unwind_stats - what unwinding did in this process so far, to
 * show (perf script -v) and test that the costly parts happen once
 * @samples:       walks started (one per sample with a user stack)
 * @frames:        frames delivered
 * @reg_copies:    copies of a sample's registers into walk state: one per
 *                 walk, never per frame; the stack is never copied
 * @images:        dso images mapped and parsed: once per dso and run
 * @modules:       modules placed in an address space: once per dso and
 *                 address space (and again when its layout changed)
 * @sessions:      backend sessions (libdw Dwfl, libunwind address space)
 *                 created: once per address space and backend
 */
struct unwind_stats {
	unsigned long samples;
	unsigned long frames;
	unsigned long reg_copies;
	unsigned long images;
	unsigned long modules;
	unsigned long sessions;
};

/* A copy of the counters. */
void unwind__stats(struct unwind_stats *stats);

/* ---- inline frames ---- */

/*
 * The inline chain at @entry (innermost first, the last level being the
 * function the symbol names) when --inline applies: symbol_conf.inline_name
 * set, a map and symbol known, DWARF available; a chain of one level when
 * nothing is inlined (see dso__inline_node()). NULL otherwise. Owned by
 * the dso's srcline cache. Callchain code appends one node per level,
 * all with @entry->ip, instead of the entry itself; the reference marks
 * "(inlined)" every level whose function name is not the symbol's name
 * (so usually all but the last, and the last too when DWARF names the
 * function otherwise than the symbol table, as for glibc's aliases).
 */
const struct inline_node *unwind_entry__inline_node(const struct unwind_entry *entry);

#endif /* PERF_UTIL_UNWIND_H */
