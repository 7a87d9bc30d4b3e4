// SPDX-License-Identifier: GPL-2.0
/*
 * perf report: read a perf.data file and show what it holds. Implemented
 * so far: the header (--header, --header-only, -I), the raw dump (-D) and
 * the event counts (--stats). The histogram report itself is still to
 * come; until then the command says so instead of printing something else.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <inttypes.h>
#include <limits.h>
#include <regex.h>

#include "builtin.h"
#include "ui/stdio/hist.h"
#include "util/callchain.h"
#include "util/comm.h"
#include "util/config.h"
#include "util/data.h"
#include "util/dso.h"
#include "util/hist.h"
#include "util/machine.h"
#include "util/map.h"
#include "util/maps.h"
#include "util/script-filter.h"
#include "util/sort.h"
#include "util/srcline.h"
#include "util/symbol.h"
#include "util/thread.h"
#include "util/trace-event-parse.h"
#include "util/debug.h"
#include "util/event.h"
#include "util/evlist.h"
#include "util/evsel.h"
#include "util/evswitch.h"
#include "util/zalloc.h"
#include "util/header.h"
#include "util/itrace.h"
#include "util/parse-options.h"
#include "util/session.h"
#include "util/read-values.h"
#include "util/tool.h"
#include "util/unwind.h"
#include "util/util.h"

/**
 * struct report - perf report's state
 * @tool:          first member: the session calls back with it
 * @header:        --header: the header, then the report
 * @header_only:   --header-only
 * @show_full_info: -I: features shown only on request (topology, caches)
 * @stats_mode:    --stats
 * @skip_empty:    --skip-empty (default on): no zero counts in --stats
 * Options kept for the histogram report are stored as given.
 */
struct report {
	struct perf_tool tool;
	struct perf_session *session;
	const char *input_name;
	bool force;
	bool header;
	bool header_only;
	bool show_full_info;
	bool stats_mode;
	bool tasks_mode;
	bool mmaps_mode;
	bool skip_empty;
	bool use_stdio;
	bool use_tui;
	bool branch_stack;
	bool inverted_callchain;
	bool show_nr_samples;
	bool show_threads;
	struct read_values thread_values;	/* -T: READ records per thread */
	bool hide_unresolved;
	bool exclude_other;
	bool modules;
	bool asm_raw;
	bool branch_history;
	bool children;
	bool demangle;
	bool demangle_kernel;
	bool disable_order;
	bool full_source_path;
	bool group;
	bool group_set;
	bool hierarchy;
	bool ignore_vmlinux;
	bool inline_funcs;
	bool mem_mode;
	bool nanosecs;
	bool raw_trace;
	bool show_cpu_utilization;
	struct evswitch evswitch;	/* --switch-on/--switch-off */
	bool show_ref_call_graph;
	bool show_total_period;
	bool source;
	bool stitch_lbr;
	bool total_cycles;
	int max_stack;
	int samples;
	int group_sort_idx;
	int socket_filter;
	const struct option *options;
	const char *comms, *cpu_list, *dsos, *fields, *call_graph, *vmlinux;
	const char *disassembler_style, *parent, *sort, *symbols, *field_sep;
	const char *col_widths, *ignore_callees, *itrace, *kallsyms, *objdump;
	const char *percent_limit, *percent_type, *percentage, *pids, *prefix;
	const char *prefix_strip, *pretty, *stdio_color, *switch_off, *switch_on;
	const char *symbol_filter, *symfs, *tids, *time_str, *time_quantum;
	bool children_set;
	bool no_children;

	/* ---- the histogram report ---- */
	struct machine *machine;
	struct hists *hists;		/* one per evsel, by evsel->idx */
	int nr_hists;
	struct hists_print_opts print;
	const struct sort_key *keys[SORT_NR_KEYS];
	int nr_keys;
	struct hist_sort_item order[HPP_NR_COLUMNS + SORT_NR_KEYS];
	int nr_order;
	struct sort_needs needs;
	/* columns left out for a filter of one name, which the header notes */
	struct { bool comm, dso, sym; } elided;
	bool use_callchain;
	bool print_callchain;
	bool callchain_user_set;
	struct name_list comm_list, pid_list, tid_list, dso_list, sym_list;
	uint64_t cpu_bitmap[SCRIPT_MAX_NR_CPUS / 64];
	struct time_range *ranges;
	int nr_ranges;
	regex_t parent_regex;
	bool parent_regex_set;
	struct callchain_frame *frames;
	int frames_alloc;
	struct trace_event tevent;
	bool tevent_tried;
	struct sample_cache *sample_cache;	/* NULL: samples resolve one by one */
};

/* ---- frames of a callchain, resolved through a small cache ---- */

#define FRAME_CACHE_BITS 14

/*
 * One address resolved: its dso and symbol, and with --inline (the
 * default) its inline levels as frames, innermost first (@inl, kept by
 * callchain__keep_frames() so they outlive the slot).
 */
struct frame_cache_slot {
	uint64_t ip;
	const void *maps;
	uint8_t cpumode;
	bool inl_done;
	unsigned int gen;	/* valid when frame_cache_gen */
	struct dso *dso;
	struct symbol *sym;
	const struct callchain_frame *inl;
	int nr_inl;
	struct map *map;	/* borrowed, for the inline lookup; valid with the slot */
};

static struct frame_cache_slot *frame_cache;
/* Bumped to empty the cache at once; 0 marks never-filled slots. */
static unsigned int frame_cache_gen = 1;

/*
 * The inline levels at @ip of @map: each level's symbol is the one
 * callchain__inline_sym() gives for its function, as the reference shows
 * them. Leaves @e without levels when nothing is inlined there.
 */
static void frame_cache_slot__inline(struct frame_cache_slot *e)
{
	struct callchain_frame levels[64];
	const struct inline_node *node;
	int i, n = 0;

	e->inl_done = true;
	e->inl = NULL;
	e->nr_inl = 0;
	if (!symbol_conf.inline_name || !e->map || !e->sym || !e->dso)
		return;
	node = dso__inline_node(e->dso, map__map_ip(e->map, e->ip));
	if (!node || node->nr <= 0)
		return;
	for (i = 0; i < node->nr && n < 64; i++) {
		const char *name = node->frames[i].funcname ? node->frames[i].funcname :
				   e->sym->name;

		levels[n].ip = e->ip;
		levels[n].dso = e->dso;
		levels[n].sym = callchain__inline_sym(e->sym, name);
		if (!levels[n].sym)
			return;
		n++;
	}
	/* One level with the symbol's own name: nothing to expand. */
	if (n == 1 && levels[0].sym == e->sym)
		return;
	e->inl = callchain__keep_frames(levels, n);
	if (e->inl)
		e->nr_inl = n;
}

/*
 * @ip's slot, filled on a miss from @known (an unwound frame, which the
 * unwinder resolved already) or by a lookup.
 */
static struct frame_cache_slot *report__resolve_frame(struct thread *thread, uint8_t cpumode,
						      uint64_t ip, const struct unwind_entry *known,
						      struct frame_cache_slot *tmp)
{
	const void *maps = cpumode == PERF_RECORD_MISC_USER ? (const void *)thread->maps : NULL;
	struct frame_cache_slot *e = tmp;
	struct addr_location al;

	if (!frame_cache)
		frame_cache = calloc(1UL << FRAME_CACHE_BITS, sizeof(*frame_cache));
	if (frame_cache) {
		uint64_t h = (ip ^ (ip >> 17) ^ ((uintptr_t)maps >> 4)) * 0x9e3779b97f4a7c15ULL;

		e = &frame_cache[h >> (64 - FRAME_CACHE_BITS)];
		if (e->gen == frame_cache_gen && e->ip == ip && e->maps == maps &&
		    e->cpumode == cpumode)
			return e;
	}
	e->ip = ip;
	e->maps = maps;
	e->cpumode = cpumode;
	e->inl_done = false;
	e->gen = e != tmp ? frame_cache_gen : 0;
	if (known) {
		e->map = known->map;
		e->sym = known->sym;
	} else {
		addr_location__init(&al);
		thread__find_symbol(thread, cpumode, ip, &al);
		e->map = al.map;
		e->sym = al.sym;
		addr_location__exit(&al);
	}
	/* The dso lives as long as the machine: no reference is kept per frame. */
	e->dso = e->map ? e->map->dso : NULL;
	return e;
}

/* Records that change address spaces make cached frames stale. */
static void frame_cache__flush(void)
{
	/* A file has a record of this kind every few samples: no memset each time. */
	if (++frame_cache_gen == 0) {
		if (frame_cache)
			memset(frame_cache, 0, (1UL << FRAME_CACHE_BITS) * sizeof(*frame_cache));
		frame_cache_gen = 1;
	}
}

/* ---- samples that land where an earlier one did ---- */

/*
 * When the keys are only comm, pid, dso and sym, a sample's entry is
 * decided by its thread, mode and address (the session has one
 * machine): a slot remembers it, and the sample skips the thread, map
 * and symbol lookups and the entry's hash lookup. Valid in the frame
 * cache's generation: records that change threads, comms or maps end
 * both.
 */
struct sample_cache_slot {
	uint64_t ip;
	struct hist_entry *he;
	int32_t pid, tid;
	unsigned int gen;
	int16_t idx;		/* the evsel's */
	uint8_t cpumode;
};

/* Two slots a cache line: the one used last first. */
struct sample_cache_bucket {
	struct sample_cache_slot slot[2];
};

/*
 * Buckets at most: a profile of a few thousand addresses per thread
 * needs about that (1 MB), a short one would only pay the page faults
 * (12 us each in a VM) of what it cannot fill. All are allocated at once
 * (untouched pages cost nothing); the part in use starts at what the
 * size of the data suggests and doubles after four misses per slot.
 * Slots left where an earlier size put them are not found again, but
 * are still right: nothing is moved or cleared.
 */
#define SAMPLE_CACHE_MIN_BITS	10
#define SAMPLE_CACHE_MAX_BITS	14

/**
 * struct sample_cache - the buckets of the sample cache
 * @mem:     the allocation, @buckets aligned to a cache line in it
 * @bits:    log2 of the buckets in use
 * @misses:  since the last resize
 * @data_size: of the input, 0 when not known (a pipe)
 */
struct sample_cache {
	void *mem;
	struct sample_cache_bucket *buckets;
	unsigned int bits;
	uint64_t misses;
	uint64_t data_size;
};

/* Nothing but the thread, map and symbol of a sample decides its entry. */
static bool report__sample_cache_fits(const struct report *rep)
{
	int i;

	/* --socket-filter decides by the cpu, -x by the callchain. */
	if (rep->use_callchain || rep->children || rep->needs.parent || rep->needs.srcline ||
	    rep->needs.srcfile || rep->needs.trace || rep->socket_filter > -1 || rep->exclude_other)
		return false;
	for (i = 0; i < rep->nr_keys; i++) {
		switch (rep->keys[i]->id) {
		case SORT_COMM:
		case SORT_PID:
		case SORT_DSO:
		case SORT_SYM:
			break;
		default:
			return false;
		}
	}
	return true;
}

static int sample_cache__init(struct sample_cache *c)
{
	/* A bucket per 16 samples of 64 bytes: a page per 1000 samples. */
	uint64_t want = c->data_size / 64 / 16;
	c->mem = calloc((1UL << SAMPLE_CACHE_MAX_BITS) + 1, sizeof(struct sample_cache_bucket));
	if (!c->mem)
		return -ENOMEM;
	c->buckets = (struct sample_cache_bucket *)(((uintptr_t)c->mem + 63) & ~(uintptr_t)63);
	c->bits = SAMPLE_CACHE_MIN_BITS;
	while (c->bits < SAMPLE_CACHE_MAX_BITS && (1ULL << c->bits) < want)
		c->bits++;
	c->misses = 0;
	return 0;
}

static void sample_cache__exit(struct sample_cache *c)
{
	zfree(&c->mem);
	c->buckets = NULL;
}

static bool sample_cache_slot__match(const struct sample_cache_slot *e, const struct evsel *evsel,
				     const struct perf_sample *sample)
{
	return e->gen == frame_cache_gen && e->ip == sample->ip && e->tid == (int32_t)sample->tid &&
	       e->pid == (int32_t)sample->pid && e->cpumode == sample->cpumode &&
	       e->idx == evsel->idx;
}

static struct sample_cache_bucket *sample_cache__bucket(struct sample_cache *c,
							 const struct evsel *evsel,
							 const struct perf_sample *sample)
{
	uint64_t h = (sample->ip ^ ((uint64_t)sample->tid << 32) ^
		      ((uint64_t)sample->cpumode << 24) ^ (uint64_t)evsel->idx) *
		     0x9e3779b97f4a7c15ULL;

	return &c->buckets[h >> (64 - c->bits)];
}

/* The entry remembered for @sample, or NULL. */
static struct hist_entry *sample_cache__find(struct sample_cache *c, const struct evsel *evsel,
					     const struct perf_sample *sample)
{
	struct sample_cache_bucket *b;

	if (!c->buckets && sample_cache__init(c))
		return NULL;
	b = sample_cache__bucket(c, evsel, sample);
	if (sample_cache_slot__match(&b->slot[0], evsel, sample))
		return b->slot[0].he;
	if (sample_cache_slot__match(&b->slot[1], evsel, sample)) {
		struct sample_cache_slot t = b->slot[0];

		b->slot[0] = b->slot[1];
		b->slot[1] = t;
		return b->slot[0].he;
	}
	return NULL;
}

/* Remember @he for @sample, in place of the slot used least recently. */
static void sample_cache__add(struct sample_cache *c, struct hist_entry *he,
			      const struct evsel *evsel, const struct perf_sample *sample)
{
	struct sample_cache_bucket *b;
	struct sample_cache_slot *e;

	if (!c->buckets || evsel->idx < 0 || evsel->idx > INT16_MAX)
		return;
	if (++c->misses > (8UL << c->bits) && c->bits < SAMPLE_CACHE_MAX_BITS) {
		c->bits++;
		c->misses = 0;
	}
	b = sample_cache__bucket(c, evsel, sample);
	b->slot[1] = b->slot[0];
	e = &b->slot[0];
	e->ip = sample->ip;
	e->he = he;
	e->pid = (int32_t)sample->pid;
	e->tid = (int32_t)sample->tid;
	e->gen = frame_cache_gen;
	e->idx = (int16_t)evsel->idx;
	e->cpumode = sample->cpumode;
}

/* Room for @n more frames in rep->frames: 0 or -ENOMEM. */
static int report__frames_reserve(struct report *rep, int nr, int n)
{
	if (nr + n > rep->frames_alloc) {
		int size = rep->frames_alloc ? rep->frames_alloc : 64;
		struct callchain_frame *f;

		while (size < nr + n)
			size *= 2;
		f = realloc(rep->frames, size * sizeof(*f));
		if (!f)
			return -ENOMEM;
		rep->frames = f;
		rep->frames_alloc = size;
	}
	return 0;
}

/*
 * Append the frame at @ip to rep->frames[*@nr...], callee first: for an
 * @unwound frame its inline levels, innermost first, else the frame
 * itself. The reference expands only unwound frames, not the kernel's
 * callchain.
 * -U leaves out what has no symbol. 0 or -ENOMEM.
 */
static int report__push_frame(struct report *rep, struct thread *thread, uint8_t cpumode,
			      uint64_t ip, const struct unwind_entry *unwound, int *nr)
{
	struct frame_cache_slot tmp;
	struct frame_cache_slot *e = report__resolve_frame(thread, cpumode, ip, unwound, &tmp);
	bool inl = unwound != NULL;
	int n;

	if (inl && !e->inl_done)
		frame_cache_slot__inline(e);
	n = inl && e->nr_inl ? e->nr_inl : 1;

	/* -U drops what has no symbol from the chains too. */
	if (rep->hide_unresolved && !e->sym)
		return 0;
	if (report__frames_reserve(rep, *nr, n))
		return -ENOMEM;
	if (inl && e->nr_inl) {
		memcpy(&rep->frames[*nr], e->inl, n * sizeof(*e->inl));
	} else {
		rep->frames[*nr].ip = ip;
		rep->frames[*nr].dso = e->dso;
		rep->frames[*nr].sym = e->sym;
	}
	*nr += n;
	return 0;
}

/*
 * The sample's callchain as frames, callee first, from rep->frames[*@nr]
 * on. At most --max-stack addresses are kept: the innermost ones in
 * callee order, the outermost ones in caller order, as the reference
 * picks them. Context markers switch the address space. Returns 0,
 * 1 for a chain with a marker the reference does not know (it drops
 * the whole chain), or -ENOMEM.
 */
static int report__resolve_callchain(struct report *rep, struct thread *thread,
				     const struct ip_callchain *chain, int *nr)
{
	uint8_t cpumode = PERF_RECORD_MISC_USER;
	uint64_t i, nr_ips = 0, skip = 0, seen = 0;
	int err, start = *nr;

	if (!chain)
		return 0;
	if (callchain_param.order == ORDER_CALLER) {
		for (i = 0; i < chain->nr; i++)
			nr_ips += chain->ips[i] < PERF_CONTEXT_MAX;
		if (nr_ips > (uint64_t)rep->max_stack)
			skip = nr_ips - (uint64_t)rep->max_stack;
	}
	for (i = 0; i < chain->nr; i++) {
		uint64_t ip = chain->ips[i];

		if (ip >= PERF_CONTEXT_MAX) {
			if (ip == PERF_CONTEXT_HV) {
				cpumode = PERF_RECORD_MISC_HYPERVISOR;
			} else if (ip == PERF_CONTEXT_KERNEL) {
				cpumode = PERF_RECORD_MISC_KERNEL;
			} else if (ip == PERF_CONTEXT_USER) {
				cpumode = PERF_RECORD_MISC_USER;
			} else {
				*nr = start;
				return 1;
			}
			continue;
		}
		if (seen++ < skip)
			continue;
		/* Markers past the last frame kept are not looked at, as by the reference. */
		if (seen - skip > (uint64_t)rep->max_stack)
			break;
		err = report__push_frame(rep, thread, cpumode, ip, NULL, nr);
		if (err)
			return err;
	}
	return 0;
}

struct report_unwind {
	struct report *rep;
	struct thread *thread;
	int nr;
	int err;
};

static int report__unwind_entry(struct unwind_entry *entry, void *arg)
{
	struct report_unwind *ru = arg;

	ru->err = report__push_frame(ru->rep, ru->thread, PERF_RECORD_MISC_USER, entry->ip, entry,
				     &ru->nr);
	return ru->err ? 1 : 0;
}

/*
 * The frames of @sample, callee first, into rep->frames: the kernel's
 * callchain, then with --call-graph dwarf the user frames unwound from
 * the sampled stack (at most --max-stack of each part, as the reference
 * counts them). Returns the number, or -ENOMEM.
 */
static int report__sample_frames(struct report *rep, struct thread *thread,
				 struct perf_sample *sample, const struct evsel *evsel)
{
	struct report_unwind ru = { .rep = rep, .thread = thread };
	int err;

	err = report__resolve_callchain(rep, thread, sample->callchain, &ru.nr);
	if (err < 0)
		return err;
	if (err > 0)
		return 0;
	if (!unwind__attr_has_user_stack(&evsel->attr) || !sample->user_regs.regs ||
	    !sample->user_stack.size)
		return ru.nr;
	unwind__get_entries(report__unwind_entry, &ru, thread, sample, rep->max_stack, true);
	return ru.err ? ru.err : ru.nr;
}

static void frames__reverse(struct callchain_frame *f, int nr)
{
	int i;

	for (i = 0; i < nr / 2; i++) {
		struct callchain_frame t = f[i];

		f[i] = f[nr - 1 - i];
		f[nr - 1 - i] = t;
	}
}

/* --comms, --pid, --tid, --dsos, -S */
static bool report__filtered(struct report *rep, const struct addr_location *al)
{
	if (addr_location__filtered_out(al, rep->comms ? &rep->comm_list : NULL,
					rep->pids ? &rep->pid_list : NULL,
					rep->tids ? &rep->tid_list : NULL,
					rep->dsos ? &rep->dso_list : NULL))
		return true;
	if (rep->symbols && (!al->sym || !name_list__has(&rep->sym_list, al->sym->name)))
		return true;
	/* --symbol-filter (or a lone argument): part of the name, as the reference. */
	return rep->symbol_filter && (!al->sym || !strstr(al->sym->name, rep->symbol_filter));
}

/* srcline and srcfile of @he's address; none outside any dso. */
static void report__srcline(struct hist_entry *he, uint64_t addr)
{
	he->srcline = NULL;
	he->srcfile = "";
	if (he->dso)
		dso__srcline_sort_keys(he->dso, addr, he->sym, &he->srcline, &he->srcfile);
}

/*
 * The trace key: a tracepoint sample's payload as its print fmt shows
 * it (perf script's text); NULL ("N/A") for other events. The text
 * stays valid until the next call.
 */
static char *report__trace(struct report *rep, struct evsel *evsel,
			   const struct perf_sample *sample)
{
	struct perf_env *env = &rep->session->header.env;

	if (evsel->attr.type != PERF_TYPE_TRACEPOINT || !sample->raw_data)
		return NULL;
	if (!rep->tevent_tried) {
		int err = env->tracing_data ?
			  trace_event__parse(&rep->tevent, env->tracing_data,
					     env->tracing_data_size) : -ENOENT;

		rep->tevent_tried = true;
		if (!err)
			err = trace_event__set_resolver(&rep->tevent,
							machine__resolve_kernel_addr,
							rep->machine);
		if (err == -ENOTSUP)
			pr_warning("this perf binary was built without libtraceevent: "
				   "the trace key shows N/A\n");
		else if (err)
			pr_debug("no usable tracing data in the file (%d)\n", err);
	}
	return trace_event__format(&rep->tevent, trace_event__find(&rep->tevent,
								   evsel->attr.config),
				   (int)sample->cpu, sample->raw_data, sample->raw_size,
				   rep->raw_trace);
}

static const char *report__parent(struct report *rep, const struct callchain_frame *f, int nr)
{
	int i;

	for (i = 0; i < nr; i++)
		if (f[i].sym && !regexec(&rep->parent_regex, f[i].sym->name, 0, NULL, 0))
			return f[i].sym->name;
	return NULL;
}

static void he_stat__add(struct he_stat *st, uint64_t period, uint8_t cpumode)
{
	st->period += period;
	st->nr_events++;
	if (cpumode == PERF_RECORD_MISC_KERNEL)
		st->period_sys += period;
	else if (cpumode == PERF_RECORD_MISC_USER)
		st->period_us += period;
}

static int report__note_chain(struct hist_entry *he, const struct callchain_frame *frames,
			      int nr, uint64_t period)
{
	const struct callchain_chain *c = callchain__intern(frames, nr);

	return c ? callchain_refs__add(&he->chains, c, period) : -ENOMEM;
}

/*
 * --children: every entry on the stack gets the sample's period as its
 * "Children" part, once per sample however often recursion repeats it,
 * and the stretch of the chain from it to the sampled function (caller
 * order, the default here) or to the outermost caller (callee order).
 * The stack is walked in the chain's order, so with recursion the first
 * occurrence in that order counts, as in the reference. @frames is
 * callee first; the sample's own entry @self comes first and gets the
 * whole chain. An inline level at the sampled address is an entry of its
 * own.
 */
static int report__add_children(struct report *rep, struct hists *hists,
				struct hist_entry *self, const struct hist_entry *self_key,
				struct callchain_frame *frames, int nr, uint64_t period,
				uint8_t cpumode)
{
	bool chains = rep->use_callchain && callchain_param.mode != CHAIN_NONE;
	bool caller = callchain_param.order == ORDER_CALLER;
	struct hist_entry *seen_stack[64], **seen = seen_stack;
	struct callchain_frame *chain = NULL;
	char level = self_key->level;
	int i, j, k, nr_seen = 0, err = 0;

	if (nr + 1 > 64) {
		seen = malloc((nr + 1) * sizeof(*seen));
		if (!seen)
			return -ENOMEM;
	}
	if (chains && caller) {
		chain = malloc(nr * sizeof(*chain));
		if (!chain) {
			err = -ENOMEM;
			goto out;
		}
		for (i = 0; i < nr; i++)
			chain[i] = frames[nr - 1 - i];
	}
	he_stat__add(&self->stat_acc, period, cpumode);
	seen[nr_seen++] = self;
	if (chains) {
		err = report__note_chain(self, caller ? chain : frames, nr, period);
		if ((uint32_t)nr > self->max_depth)
			self->max_depth = (uint32_t)nr;
		if (err)
			goto out;
	}
	for (j = 0; j < nr; j++) {
		struct hist_entry key = *self_key, *he;
		/* k: the frame's index callee first; j: its place in chain order */
		int depth;

		k = caller ? nr - 1 - j : j;
		/*
		 * A frame outside any map takes the marker of the frame
		 * resolved before it in chain order, as the reference's
		 * reused location does.
		 */
		if (frames[k].dso)
			level = dso__is_kernel(frames[k].dso) ? 'k' : '.';
		key.dso = frames[k].dso;
		key.sym = frames[k].sym;
		key.ip = frames[k].ip;
		key.level = level;
		key.srcline = NULL;
		key.srcfile = NULL;
		key.hash = hists__hash(hists, &key);
		he = hists__findnew(hists, &key);
		if (!he) {
			err = -ENOMEM;
			break;
		}
		for (i = 0; i < nr_seen; i++)
			if (seen[i] == he)
				break;
		if (i < nr_seen)
			continue;
		seen[nr_seen++] = he;
		he_stat__add(&he->stat_acc, period, cpumode);
		if (!chains)
			continue;
		depth = caller ? k + 1 : nr - k;
		err = report__note_chain(he, caller ? chain + (nr - 1 - k) : frames + k, depth,
					 period);
		if ((uint32_t)depth > he->max_depth)
			he->max_depth = (uint32_t)depth;
		if (err)
			break;
	}
out:
	free(chain);
	if (seen != seen_stack)
		free(seen);
	return err;
}

/* The hists of @evsel; a pipe's events come after the setup, so grow. */
static struct hists *report__hists(struct report *rep, struct evsel *evsel)
{
	int i;

	if (!rep->hists || evsel->idx < 0)
		return NULL;
	if (evsel->idx >= rep->nr_hists) {
		int n = evsel->idx + 1;
		struct hists *h = realloc(rep->hists, n * sizeof(*h));

		if (!h)
			return NULL;
		for (i = rep->nr_hists; i < n; i++)
			hists__init(&h[i], rep->keys, rep->nr_keys, rep->order, rep->nr_order,
				    rep->children);
		rep->hists = h;
		rep->nr_hists = n;
	}
	return &rep->hists[evsel->idx];
}

/* READ records (perf record -s): no samples, only -T's per-thread table. */
static int report__process_read(struct perf_tool *tool, union perf_event *event,
				struct perf_sample *sample, struct evsel *evsel,
				struct machine *machine)
{
	struct report *rep = container_of(tool, struct report, tool);

	(void)sample; (void)machine;
	if (!rep->show_threads || evsel->idx < 0)
		return 0;
	return read_values__add(&rep->thread_values, (int)event->read.pid,
				(int)event->read.tid, (uint64_t)evsel->idx,
				evsel__name(evsel), event->read.value);
}

/* -D: the sample's thread and dso after its dump, as the reference's resolver prints them. */
static int report__dump_sample(struct machine *machine, struct perf_sample *sample)
{
	struct addr_location al;
	int err = 0;

	addr_location__init(&al);
	if (machine__resolve(machine, &al, sample) < 0) {
		pr_err("problem processing sample event, skipping it.\n");
		err = -1;
	} else {
		addr_location__fprintf_dump(&al, stdout);
	}
	addr_location__exit(&al);
	return err;
}

static int report__process_sample(struct perf_tool *tool, union perf_event *event,
				  struct perf_sample *sample, struct evsel *evsel,
				  struct machine *machine)
{
	struct report *rep = container_of(tool, struct report, tool);
	struct hists *hists;
	struct addr_location al;
	struct hist_entry key, *he;
	int nr_frames = 0, err = 0;
	uint64_t period = sample->period;
	bool kernel_map_fixed;

	(void)event;
	/* --stats and -D count samples without a histogram. */
	if (!rep->hists)
		return dump_trace && machine ? report__dump_sample(machine, sample) : 0;
	hists = report__hists(rep, evsel);
	if (!hists)
		return evsel->idx < 0 ? 0 : -ENOMEM;
	if (time_ranges__skip(rep->ranges, rep->nr_ranges, sample->time))
		return 0;
	if (rep->cpu_list && sample->cpu != (uint32_t)-1 &&
	    !cpu_bitmap__test(rep->cpu_bitmap, sample->cpu))
		return 0;
	if (evswitch__discard(&rep->evswitch, evsel))
		return 0;
	if (rep->sample_cache) {
		he = sample_cache__find(rep->sample_cache, evsel, sample);
		if (he) {
			/* What the way below does for a sample it counts. */
			hists->nr_samples++;
			hists->total_period += period;
			hists->nr_non_filtered_samples++;
			hists->total_non_filtered_period += period;
			he_stat__add(&he->stat, period, sample->cpumode);
			return 0;
		}
	}

	kernel_map_fixed = machine->kernel_map_fixed;
	addr_location__init(&al);
	if (machine__resolve(machine, &al, sample) < 0) {
		pr_err("problem processing %d event, skipping it.\n", event->header.type);
		err = -1;
		goto out;
	}
	if (rep->hide_unresolved && !al.sym)
		goto out;

	hists->nr_samples++;
	hists->total_period += period;
	memset(&key, 0, sizeof(key));
	key.filtered = report__filtered(rep, &al);
	if (key.filtered)
		goto out;
	hists->nr_non_filtered_samples++;
	/*
	 * Other sockets' samples still count as samples, but not in the
	 * event count of --percentage relative: the reference's numbers.
	 */
	if (rep->socket_filter > -1 && al.socket != rep->socket_filter)
		goto out;
	hists->total_non_filtered_period += period;

	key.thread = al.thread;
	key.comm = thread__comm_str(al.thread);
	key.pid = al.thread->pid_;
	key.tid = al.thread->tid;
	key.dso = al.map ? al.map->dso : NULL;
	key.sym = al.sym;
	key.ip = al.sym ? al.sym->start : al.addr;
	if (!al.sym)
		key.ip = al.addr;
	key.level = al.level;
	key.cpu = (int32_t)sample->cpu;
	key.socket = al.socket;
	if (rep->needs.srcline || rep->needs.srcfile)
		report__srcline(&key, al.addr);
	key.time = sort_time_quantum ? sample->time / sort_time_quantum * sort_time_quantum
				     : sample->time;
	if (rep->needs.trace)
		key.trace = report__trace(rep, evsel, sample);

	if (rep->use_callchain || rep->needs.parent || hists->children) {
		nr_frames = report__sample_frames(rep, al.thread, sample, evsel);
		if (nr_frames < 0) {
			err = nr_frames;
			goto out;
		}
	}
	if (rep->needs.parent)
		key.parent = report__parent(rep, rep->frames, nr_frames);
	/* -x keeps the samples with a parent match: none without -p or --sort parent. */
	if (rep->exclude_other && !key.parent)
		goto out;
	key.hash = hists__hash(hists, &key);
	he = hists__findnew(hists, &key);
	if (!he) {
		err = -ENOMEM;
		goto out;
	}
	he_stat__add(&he->stat, period, sample->cpumode);
	/*
	 * Unresolved addresses are not remembered: a kernel map fix-up
	 * (machine__fixup_kernel_map()) may resolve them later.
	 */
	if (rep->sample_cache && al.map)
		sample_cache__add(rep->sample_cache, he, evsel, sample);
	if (hists->children) {
		if (nr_frames > 0) {
			err = report__add_children(rep, hists, he, &key, rep->frames, nr_frames,
						   period, sample->cpumode);
		} else {
			he_stat__add(&he->stat_acc, period, sample->cpumode);
		}
		goto out;
	}
	if (rep->use_callchain && callchain_param.mode != CHAIN_NONE &&
	    (sample->callchain || nr_frames)) {
		if (callchain_param.order == ORDER_CALLER)
			frames__reverse(rep->frames, nr_frames);
		err = report__note_chain(he, rep->frames, nr_frames, period);
	}
out:
	addr_location__exit(&al);
	/* The kernel's maps changed under the entries remembered so far. */
	if (machine->kernel_map_fixed != kernel_map_fixed)
		frame_cache__flush();
	return err;
}

/* Records that change the machine. */
static int report__machine_event(struct perf_tool *tool, union perf_event *event,
				 struct perf_sample *sample, struct machine *machine)
{
	(void)tool;
	/* --stats and -D read without a machine. */
	if (!machine)
		return 0;
	frame_cache__flush();
	return machine__process_event(machine, event, sample);
}

static int report__lost_in_stats(struct perf_tool *tool, union perf_event *event,
				 struct perf_sample *sample, struct machine *machine)
{
	(void)tool; (void)event; (void)sample; (void)machine;
	return 0;
}

/* Pipe mode: the header's features come as records and print as they come. */
static int report__process_feature(struct perf_session *session, union perf_event *event)
{
	struct report *rep = container_of(session->tool, struct report, tool);
	uint64_t feat = event->feat.feat_id;

	if (feat == HEADER_LAST_FEATURE) {
		/* Until the histogram report exists, --header stops here too. */
		if (rep->header_only || rep->header)
			session->done = true;
		return 0;
	}
	if (feat > HEADER_LAST_FEATURE) {
		pr_err("failed: wrong feature ID: %llu\n", (unsigned long long)feat);
		return -EINVAL;
	}
	if ((rep->header || rep->header_only) && session->header.is_pipe)
		perf_header__fprintf_feature(&session->header, session->evlist, (int)feat,
					     stdout, rep->show_full_info);
	return 0;
}

static int parse_string_cb(const struct option *opt, const char *arg, int unset)
{
	*(const char **)opt->value = unset ? NULL : arg;
	return 0;
}

/* "K", "M", "G" for large sample counts, as the reference shortens them. */
static unsigned long convert_unit(unsigned long value, char *unit)
{
	*unit = ' ';
	if (value > 1000) {
		value /= 1000;
		*unit = 'K';
	}
	if (value > 1000) {
		value /= 1000;
		*unit = 'M';
	}
	if (value > 1000) {
		value /= 1000;
		*unit = 'G';
	}
	return value;
}

static bool report__relative(const struct report *rep)
{
	return rep->percentage && !strcmp(rep->percentage, "relative");
}

/*
 * The events shown in one section with @evsel, itself first, into
 * @members (room for every evsel); 0 when @evsel is shown within
 * another's section. Groups are shown together when the file has them
 * unless --no-group, and --group makes one of a file without any.
 */
static int report__group(struct report *rep, struct perf_session *session,
			 struct evsel *evsel, struct evsel **members, bool *forced)
{
	struct evlist *evlist = session->evlist;
	bool group = rep->group_set ? rep->group : evlist->nr_groups > 0;
	struct evsel *pos;
	int nr = 0;

	*forced = false;
	members[nr++] = evsel;
	if (!group)
		return nr;
	if (!evlist->nr_groups) {
		*forced = true;
		if (evsel != evlist__first(evlist))
			return 0;
		evlist__for_each_entry(evlist, pos)
			if (pos != evsel)
				members[nr++] = pos;
		return nr;
	}
	if (!evsel__is_group_leader(evsel))
		return 0;
	evlist__for_each_entry(evlist, pos)
		if (pos != evsel && pos->leader == evsel)
			members[nr++] = pos;
	return nr;
}

static void report__fprintf_hists_header(struct report *rep, struct perf_session *session,
					 struct evsel **members, int nr, bool forced, FILE *fp)
{
	struct evlist *evlist = session->evlist;
	bool rel = report__relative(rep);
	bool first_leads = rep->group_set && !evlist->nr_groups && evlist->nr_entries > 1 &&
			   members[0] == evlist__first(evlist);
	unsigned long nr_samples = 0;
	uint64_t count = 0;
	char unit;
	int i;

	for (i = 0; i < nr; i++) {
		struct hists *hists = &rep->hists[members[i]->idx];

		nr_samples += (unsigned long)(rel ? hists->nr_non_filtered_samples
						  : hists->nr_samples);
		count += rel ? hists->total_non_filtered_period : hists->total_period;
	}
	nr_samples = convert_unit(nr_samples, &unit);
	/*
	 * A group's leader says "events" even with --no-group, and so does
	 * the first event when --group or --no-group is given for a file
	 * without groups (the reference makes it the leader of all).
	 */
	fprintf(fp, "# Samples: %lu%c of event%s '", nr_samples, unit,
		nr > 1 || members[0]->nr_members > 1 || first_leads ? "s" : "");
	if (nr > 1 && !forced)
		fprintf(fp, "%s { ", members[0]->group_name ? members[0]->group_name : "anon group");
	for (i = 0; i < nr; i++)
		fprintf(fp, "%s%s", i ? ", " : "", evsel__name(members[i]));
	if (nr > 1 && !forced)
		fputs(" }", fp);
	fputc('\'', fp);
	if (rep->time_str)
		fprintf(fp, " (time slices: %s)", rep->time_str);
	fputc('\n', fp);
	fprintf(fp, "# Event count (approx.): %" PRIu64 "\n", count);
	if (rep->socket_filter > -1)
		fprintf(fp, "# Processor Socket: %d\n", rep->socket_filter);
}

/* One item of --sort or -F: a key or a non-key column. */
struct report_item {
	int hpp;
	const struct sort_key *key;
};

static int report__parse_items(const char *list, const char *what, struct report_item *items,
			       int max)
{
	char *copy = strdup(list), *tok, *save = NULL;
	int n = 0;

	if (!copy)
		return -ENOMEM;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int hpp = hpp_column__find(tok);
		const struct sort_key *k = hpp < 0 ? sort_key__find(tok) : NULL;

		if (hpp < 0 && !k) {
			/* The usage that follows starts the next line. */
			fprintf(stderr, "Error:\nUnknown --%s key: `%s'", what, tok);
			free(copy);
			return -EINVAL;
		}
		if (n < max)
			items[n++] = (struct report_item){ hpp, k };
	}
	free(copy);
	return n;
}

static bool items__has(const struct report_item *items, int n, const struct report_item *it)
{
	int i;

	for (i = 0; i < n; i++)
		if (items[i].hpp == it->hpp && items[i].key == it->key)
			return true;
	return false;
}

#define MAX_ITEMS (HPP_NR_COLUMNS + SORT_NR_KEYS)

/*
 * The columns, the merge keys and the output order, from --sort and -F
 * as the reference combines them: without -F the overhead columns come
 * first and, unless --sort names a non-key column, the order starts with
 * the overhead; with -F the columns are as given (plus sort keys not in
 * it) and the order is --sort, then the fields.
 */
static int report__setup_sort(struct report *rep)
{
	struct report_item sort[MAX_ITEMS], fields[MAX_ITEMS], cols[MAX_ITEMS], order[MAX_ITEMS];
	int nr_sort = 0, nr_fields = 0, nr_cols = 0, nr_order = 0, i;
	bool sort_has_hpp = false;
	struct hists_print_opts *po = &rep->print;

	if (rep->sort || !rep->fields || rep->parent) {
		const char *s = rep->sort ? rep->sort : rep->fields ? "" : "comm,dso,sym";
		char with_parent[1024];

		/* -p sorts by the parent too, after the other keys (alone with -F). */
		if (rep->parent && !strstr(s, "parent")) {
			snprintf(with_parent, sizeof(with_parent), "%s%sparent", s, *s ? "," : "");
			s = with_parent;
		}
		nr_sort = report__parse_items(s, "sort", sort, MAX_ITEMS);
		if (nr_sort < 0)
			return nr_sort;
	}
	if (rep->fields) {
		nr_fields = report__parse_items(rep->fields, "fields", fields, MAX_ITEMS);
		if (nr_fields < 0)
			return nr_fields;
	}
	for (i = 0; i < nr_sort; i++)
		if (sort[i].hpp >= 0)
			sort_has_hpp = true;

	if (rep->fields) {
		for (i = 0; i < nr_fields && nr_cols < MAX_ITEMS; i++) {
			if (fields[i].hpp == HPP_OVERHEAD && rep->children && rep->use_callchain)
				cols[nr_cols++] = (struct report_item){ HPP_OVERHEAD_CHILDREN, NULL };
			cols[nr_cols++] = fields[i];
		}
		for (i = 0; i < nr_sort && nr_cols < MAX_ITEMS; i++)
			if (!items__has(cols, nr_cols, &sort[i]))
				cols[nr_cols++] = sort[i];
		for (i = 0; i < nr_sort; i++)
			order[nr_order++] = sort[i];
		for (i = 0; i < nr_cols; i++)
			if (!items__has(order, nr_order, &cols[i]))
				order[nr_order++] = cols[i];
	} else {
		if (rep->children && rep->use_callchain)
			cols[nr_cols++] = (struct report_item){ HPP_OVERHEAD_CHILDREN, NULL };
		cols[nr_cols++] = (struct report_item){ HPP_OVERHEAD, NULL };
		if (rep->show_cpu_utilization) {
			cols[nr_cols++] = (struct report_item){ HPP_OVERHEAD_SYS, NULL };
			cols[nr_cols++] = (struct report_item){ HPP_OVERHEAD_US, NULL };
		}
		if (rep->show_nr_samples)
			cols[nr_cols++] = (struct report_item){ HPP_SAMPLE, NULL };
		if (rep->show_total_period)
			cols[nr_cols++] = (struct report_item){ HPP_PERIOD, NULL };
		if (!sort_has_hpp)
			for (i = 0; i < nr_cols; i++)
				if (cols[i].hpp == HPP_OVERHEAD_CHILDREN || cols[i].hpp == HPP_OVERHEAD)
					order[nr_order++] = cols[i];
		for (i = 0; i < nr_sort && nr_cols < MAX_ITEMS; i++) {
			/* The reference orders by --sort's sample or period first. */
			if (sort[i].hpp == HPP_SAMPLE || sort[i].hpp == HPP_PERIOD) {
				memmove(&order[1], &order[0], nr_order * sizeof(*order));
				order[0] = sort[i];
				nr_order++;
			} else {
				order[nr_order++] = sort[i];
			}
			if (!items__has(cols, nr_cols, &sort[i]))
				cols[nr_cols++] = sort[i];
		}
	}

	rep->nr_keys = 0;
	for (i = 0; i < nr_order; i++)
		if (order[i].key && rep->nr_keys < SORT_NR_KEYS)
			rep->keys[rep->nr_keys++] = order[i].key;
	for (i = 0; i < nr_order; i++) {
		rep->order[i].hpp = order[i].hpp;
		rep->order[i].key = order[i].key;
	}
	rep->nr_order = nr_order;

	po->nr_cols = 0;
	for (i = 0; i < nr_cols; i++) {
		const struct sort_key *k = cols[i].key;

		/* A filter naming one comm, dso or symbol makes its column redundant. */
		if (k && k->id == SORT_COMM && rep->comms && rep->comm_list.nr == 1) {
			rep->elided.comm = true;
			continue;
		}
		if (k && k->id == SORT_DSO && rep->dsos && rep->dso_list.nr == 1) {
			rep->elided.dso = true;
			continue;
		}
		if (k && k->id == SORT_SYM && rep->symbols && rep->sym_list.nr == 1) {
			rep->elided.sym = true;
			continue;
		}
		po->cols[po->nr_cols++] = (struct hist_column){ cols[i].hpp, k, 0 };
	}
	return 0;
}

static void report__set_needs(struct report *rep)
{
	int i;

	for (i = 0; i < rep->nr_keys; i++) {
		switch (rep->keys[i]->id) {
		case SORT_SRCLINE:
			rep->needs.srcline = true;
			break;
		case SORT_SRCFILE:
			rep->needs.srcfile = true;
			break;
		case SORT_PARENT:
			rep->needs.parent = true;
			break;
		case SORT_TRACE:
			rep->needs.trace = true;
			break;
		default:
			break;
		}
	}
}

static bool report__has_sample_bits(struct perf_session *session, uint64_t bits)
{
	struct evsel *evsel;

	evlist__for_each_entry(session->evlist, evsel)
		if (evsel->attr.sample_type & bits)
			return true;
	return false;
}

static bool report__has_callchains(struct perf_session *session)
{
	return report__has_sample_bits(session, PERF_SAMPLE_CALLCHAIN);
}

/* 0 when @option is NULL, else says it is missing and returns -ENOTSUP. */
static int report__not_supported(const char *option)
{
	if (!option)
		return 0;
	pr_err("perf report: %s is not supported by this perf yet\n", option);
	return -ENOTSUP;
}

/*
 * Views this perf does not have yet: said so, not silently replaced by
 * the default view. On a file without the data a view needs, the
 * reference's own error comes first (and its exit status 0).
 */
static int report__check_views(struct report *rep, struct perf_session *session)
{
	const char *missing = NULL;

	if (rep->branch_stack && !report__has_sample_bits(session, PERF_SAMPLE_BRANCH_STACK)) {
		fprintf(stderr, "Error:\nSelected -b but no branch data. "
			"Did you call perf record without -b?\n");
		return 1;
	}
	if (rep->mem_mode && !report__has_sample_bits(session, PERF_SAMPLE_DATA_SRC)) {
		fprintf(stderr, "Error:\nSelected --mem-mode but no mem data. "
			"Did you call perf record without -d?\n");
		return 1;
	}
	if (rep->branch_stack)
		missing = "-b (the branch view)";
	else if (rep->mem_mode)
		missing = "--mem-mode";
	return report__not_supported(missing);
}

/* The views that need no look at the file to refuse: before any output. */
static int report__check_options(const struct report *rep)
{
	const char *missing = NULL;

	if (rep->branch_history)
		missing = "--branch-history";
	else if (rep->hierarchy)
		missing = "--hierarchy";
	else if (rep->col_widths)
		missing = "-w/--column-widths";
	else if (rep->full_source_path)
		missing = "--full-source-path";
	return report__not_supported(missing);
}

static int report__setup(struct report *rep, struct perf_session *session)
{
	struct evsel *evsel;
	int err, n = 0;

	err = report__check_views(rep, session);
	if (err)
		return err;
	if ((rep->pids && id_list__parse(&rep->pid_list, rep->pids)) ||
	    (rep->tids && id_list__parse(&rep->tid_list, rep->tids))) {
		pr_err("problems parsing pid/tid list\n");
		return -EINVAL;
	}
	if ((rep->comms && name_list__parse(&rep->comm_list, rep->comms)) ||
	    (rep->symbols && name_list__parse(&rep->sym_list, rep->symbols)) ||
	    (rep->dsos && name_list__parse(&rep->dso_list, rep->dsos)))
		return -ENOMEM;
	if (rep->cpu_list) {
		int nr_cpus = session->header.env.nr_cpus_avail;
		struct evsel *ev;

		evlist__for_each_entry(session->evlist, ev) {
			if (!(ev->attr.sample_type & PERF_SAMPLE_CPU)) {
				pr_err("File does not contain CPU events. Remove -C option to proceed.\n");
				pr_err("Error:\nfailed to set cpu bitmap\n");
				/* The reference exits 0 here. */
				return 1;
			}
		}

		if (nr_cpus <= 0 || nr_cpus > SCRIPT_MAX_NR_CPUS)
			nr_cpus = SCRIPT_MAX_NR_CPUS;
		if (cpu_bitmap__parse(rep->cpu_bitmap, rep->cpu_list, nr_cpus))
			return -EINVAL;
	}
	if (rep->time_str) {
		err = time_ranges__parse(rep->time_str, session->first_sample_time,
					 session->last_sample_time, false, &rep->ranges);
		if (err < 0)
			return err;
		rep->nr_ranges = err;
	}
	report__set_needs(rep);
	if (rep->parent || rep->needs.parent) {
		const char *re = rep->parent ? rep->parent : "^sys_|^do_page_fault";

		if (regcomp(&rep->parent_regex, re, REG_EXTENDED)) {
			pr_err("Invalid regex: %s\n", re);
			return -EINVAL;
		}
		rep->parent_regex_set = true;
		rep->needs.parent = true;
	}

	/* -p sorts by parent too; the reference stops here but exits 0. */
	if (rep->needs.parent && !report__has_callchains(session) &&
	    (rep->parent || (rep->sort && strstr(rep->sort, "parent")))) {
		fprintf(stderr, "Error:\nSelected --sort parent, but no callchain data. "
			"Did you call 'perf record' without -g?\n");
		return 1;
	}
	/* Callchains are shown when the file has them, unless -g none or -G. */
	if (rep->use_callchain && !report__has_callchains(session))
		rep->use_callchain = false;
	if (!rep->use_callchain)
		rep->children = false;
	/* -g none: children are still summed, only the graphs are not shown. */
	if (callchain_param.mode == CHAIN_NONE)
		rep->print_callchain = false;

	err = report__setup_sort(rep);
	if (err)
		return err;
	report__set_needs(rep);
	if (report__sample_cache_fits(rep)) {
		rep->sample_cache = calloc(1, sizeof(*rep->sample_cache));
		if (!rep->sample_cache)
			return -ENOMEM;
		rep->sample_cache->data_size = session->header.data_size;
	}
	evlist__for_each_entry(session->evlist, evsel)
		if (evsel->idx + 1 > n)
			n = evsel->idx + 1;
	rep->hists = calloc(n ? n : 1, sizeof(*rep->hists));
	if (!rep->hists)
		return -ENOMEM;
	rep->nr_hists = n;
	for (n = 0; n < rep->nr_hists; n++)
		hists__init(&rep->hists[n], rep->keys, rep->nr_keys, rep->order, rep->nr_order,
			    rep->children);
	rep->print.use_callchain = rep->use_callchain && rep->print_callchain;
	rep->print.children = rep->children;
	rep->print.first_key_sym = !rep->fields && rep->sort && !strncmp(rep->sort, "sym", 3);
	rep->print.quiet = quiet;
	rep->print.field_sep = rep->field_sep;
	if (rep->percent_limit) {
		rep->print.percent_limit = strtod(rep->percent_limit, NULL);
		/* The limit also prunes the call graphs, as in the reference. */
		callchain_param.min_percent = rep->print.percent_limit;
	}
	return 0;
}

static int report__print(struct report *rep, struct perf_session *session)
{
	struct evsel *evsel, **members;
	struct hists **groups;
	uint64_t *group_total;
	int err = -ENOMEM;

	if (!quiet) {
		/* A filter of one name is noted instead of its column, if shown. */
		if (rep->elided.comm)
			printf("# comm: %s\n", rep->comm_list.names[0]);
		if (rep->elided.dso)
			printf("# dso: %s\n", rep->dso_list.names[0]);
		if (rep->elided.sym)
			printf("# symbol: %s\n", rep->sym_list.names[0]);
		fprintf(stdout, "#\n# Total Lost Samples: %" PRIu64 "\n#\n",
			session->stats.total_lost_samples);
	}
	members = calloc(session->evlist->nr_entries + 1, sizeof(*members));
	groups = calloc(session->evlist->nr_entries + 1, sizeof(*groups));
	group_total = calloc(session->evlist->nr_entries + 1, sizeof(*group_total));
	if (!members || !groups || !group_total)
		goto out;
	evlist__for_each_entry(session->evlist, evsel) {
		struct hists *hists;
		bool forced, rel = report__relative(rep);
		uint64_t nr_samples = 0;
		int nr, i;

		if (evsel->idx < 0 || evsel->idx >= rep->nr_hists)
			continue;
		nr = report__group(rep, session, evsel, members, &forced);
		for (i = 0; i < nr; i++)
			if (members[i]->idx < 0 || members[i]->idx >= rep->nr_hists)
				nr = i;
		if (!nr)
			continue;
		for (i = 0; i < nr; i++) {
			groups[i] = &rep->hists[members[i]->idx];
			nr_samples += groups[i]->nr_samples;
			group_total[i] = rel ? groups[i]->total_non_filtered_period
					     : groups[i]->total_period;
		}
		hists = groups[0];
		if (!nr_samples && rep->skip_empty)
			continue;
		if (nr > 1 && hists__link_group(groups, nr, rep->group_sort_idx))
			goto out;
		if (hists__output_resort(hists))
			goto out;
		if (!quiet) {
			report__fprintf_hists_header(rep, session, members, nr, forced, stdout);
			fputs("#\n", stdout);
		}
		rep->print.total = group_total[0];
		rep->print.group_total = group_total;
		rep->print.chain_total = hists->total_period;
		hists__fprintf(hists, &rep->print, stdout);
		fputs("\n\n", stdout);
	}
	err = 0;
out:
	free(members);
	free(groups);
	free(group_total);
	return err;
}

/* ---- --tasks and --mmaps ---- */

/*
 * One task of the tree: @children and @next link it under its parent
 * (or the top list) in the order they were linked.
 */
struct report_task {
	struct thread *thread;
	struct report_task *children, *last_child, *next;
	bool listed;
};

static int report__collect_thread(struct thread *thread, void *priv)
{
	struct thread ***pos = priv;

	*(*pos)++ = thread;
	return 0;
}

static int report__count_thread(struct thread *thread, void *priv)
{
	(void)thread;
	(*(size_t *)priv)++;
	return 0;
}

/* The reference walks 256 trees of threads, by tid modulo 256, each by tid. */
static int thread__table_cmp(const void *pa, const void *pb)
{
	const struct thread *a = *(const struct thread * const *)pa;
	const struct thread *b = *(const struct thread * const *)pb;
	unsigned int ba = (unsigned int)a->tid % 256, bb = (unsigned int)b->tid % 256;

	if (ba != bb)
		return ba < bb ? -1 : 1;
	return a->tid < b->tid ? -1 : a->tid > b->tid;
}

static int report_task__tid_cmp(const void *pa, const void *pb)
{
	pid_t a = (*(struct report_task * const *)pa)->thread->tid;
	pid_t b = (*(struct report_task * const *)pb)->thread->tid;

	return a < b ? -1 : a > b;
}

/* The task of @tid in @by_tid (sorted by tid), or NULL. */
static struct report_task *report_task__find(struct report_task **by_tid, size_t nr, pid_t tid)
{
	struct thread key_thread = { .tid = tid };
	struct report_task key_task = { .thread = &key_thread }, *key = &key_task, **found;

	found = bsearch(&key, by_tid, nr, sizeof(*by_tid), report_task__tid_cmp);
	return found ? *found : NULL;
}

static void report_task__append(struct report_task **head, struct report_task **tail,
				struct report_task *task)
{
	task->listed = true;
	task->next = NULL;
	if (*tail)
		(*tail)->next = task;
	else
		*head = task;
	*tail = task;
}

static void report_task__fprintf(const struct report *rep, const struct report_task *task,
				 int level, FILE *fp)
{
	const struct thread *t = task->thread;
	const struct report_task *child;
	int indent = fprintf(fp, "  %8d %8d %8d |%*s", t->pid_, t->tid, t->ppid, level, "");

	fprintf(fp, "%s\n", thread__comm_str(t));
	if (rep->mmaps_mode && t->maps)
		maps__fprintf(t->maps, fp, indent + 2);
	for (child = task->children; child; child = child->next)
		report_task__fprintf(rep, child, level + 1, fp);
}

/*
 * Every task the file names, under its parent (from FORK records), in
 * the reference's order; with --mmaps each with its maps. A parent that
 * is not known is an error, as in the reference.
 */
static int report__tasks_print(struct report *rep, FILE *fp)
{
	struct machine *machine = rep->machine;
	struct report_task *tasks = NULL, **by_tid = NULL, *head = NULL, *tail = NULL, *task;
	struct thread **threads = NULL, **pos, *idle;
	size_t nr = 0, i;
	int err = -ENOMEM;

	/* The reference's machine always has the idle task. */
	idle = machine__idle_thread(machine);
	thread__put(idle);
	machine__for_each_thread(machine, report__count_thread, &nr);
	threads = calloc(nr + 1, sizeof(*threads));
	tasks = calloc(nr + 1, sizeof(*tasks));
	by_tid = calloc(nr + 1, sizeof(*by_tid));
	if (!threads || !tasks || !by_tid)
		goto out;
	pos = threads;
	machine__for_each_thread(machine, report__collect_thread, &pos);
	qsort(threads, nr, sizeof(*threads), thread__table_cmp);
	for (i = 0; i < nr; i++) {
		tasks[i].thread = threads[i];
		by_tid[i] = &tasks[i];
	}
	/* Parents are looked up by tid: a system-wide file has thousands of tasks. */
	qsort(by_tid, nr, sizeof(*by_tid), report_task__tid_cmp);

	for (i = 0; i < nr; i++) {
		/* Link the task under its parent, up to a task already linked. */
		for (task = &tasks[i]; task && !task->listed;) {
			struct report_task *parent;

			if (task->thread->ppid == -1) {
				report_task__append(&head, &tail, task);
				break;
			}
			parent = report_task__find(by_tid, nr, task->thread->ppid);
			if (!parent) {
				pr_err("Error: failed to process tasks\n");
				err = -ENOENT;
				goto out;
			}
			report_task__append(&parent->children, &parent->last_child, task);
			task = parent;
		}
	}
	fprintf(fp, "# %8s %8s %8s  %s\n", "pid", "tid", "ppid", "comm");
	for (task = head; task; task = task->next)
		report_task__fprintf(rep, task, 0, fp);
	err = 0;
out:
	free(threads);
	free(tasks);
	free(by_tid);
	return err;
}

static void report__cleanup(struct report *rep)
{
	int i;

	read_values__exit(&rep->thread_values);

	for (i = 0; rep->hists && i < rep->nr_hists; i++)
		hists__exit(&rep->hists[i]);
	callchain__free_all();
	zfree(&rep->hists);
	name_list__exit(&rep->comm_list);
	name_list__exit(&rep->pid_list);
	name_list__exit(&rep->tid_list);
	name_list__exit(&rep->dso_list);
	name_list__exit(&rep->sym_list);
	zfree(&rep->ranges);
	zfree(&rep->frames);
	if (rep->parent_regex_set)
		regfree(&rep->parent_regex);
	free(frame_cache);
	frame_cache = NULL;
	if (rep->sample_cache)
		sample_cache__exit(rep->sample_cache);
	zfree(&rep->sample_cache);
	trace_event__exit(&rep->tevent);
}

static uint64_t report__nr_samples(const struct report *rep)
{
	uint64_t n = 0;
	int i;

	for (i = 0; i < rep->nr_hists; i++)
		n += rep->hists[i].nr_samples;
	return n;
}

static int __cmd_report(struct report *rep)
{
	struct perf_data data = {
		.path = rep->input_name && *rep->input_name ? rep->input_name : NULL,
		.mode = PERF_DATA_MODE_READ,
		.force = rep->force,
	};
	struct perf_session *session;
	const char *missing;
	bool histogram, tasks;
	int err;

	malloc__reuse_freed();
	/* 1. open: the session prints why it cannot */
	session = perf_session__new(&data, &rep->tool);
	if (IS_ERR(session))
		return -1;
	rep->session = session;
	histogram = !dump_trace && !rep->stats_mode && !rep->tasks_mode && !rep->mmaps_mode;
	tasks = !dump_trace && !rep->stats_mode && (rep->tasks_mode || rep->mmaps_mode);

	/*
	 * An unknown --switch-on/--switch-off event: before any output (the
	 * reference prints none to a file or pipe), exit -ENOENT as it does.
	 */
	if (histogram && evswitch__init(&rep->evswitch, session->evlist, rep->switch_on,
					rep->switch_off, &missing)) {
		fprintf(stderr, "ERROR: switch-%s event not found (%s)\n%s",
			missing == rep->switch_on ? "on" : "off", missing, EVSWITCH_HINT);
		perf_session__delete(session);
		return -ENOENT;
	}

	/* Sorting by a member needs groups (or --group to make one). */
	if (histogram && rep->group_sort_idx && !session->evlist->nr_groups &&
	    !(rep->group_set && session->evlist->nr_entries > 1)) {
		parse_options_usage(NULL, rep->options, "group-sort-idx", false);
		perf_session__delete(session);
		return -EINVAL;
	}

	/* 2. the header, or the note about it */
	if (rep->header || rep->header_only) {
		printf("# ========\n");
		perf_header__fprintf_info(&session->header, session->evlist, stdout,
					  rep->show_full_info);
		printf("# ========\n#\n");
		/* A pipe's features are records: read up to the end marker. */
		err = data.is_pipe && rep->header_only ? perf_session__process_events(session) : 0;
		if (rep->header_only || err) {
			perf_session__delete(session);
			return err && err != -ENODATA ? -1 : 0;
		}
	} else if (!quiet && !rep->stats_mode && !rep->tasks_mode && !rep->mmaps_mode) {
		fputs("# To display the perf.data header info, please use "
		      "--header/--header-only options.\n#\n", stdout);
	}

	/* -D resolves each sample too, for the lines that follow its dump. */
	if (histogram || tasks || (dump_trace && !rep->stats_mode)) {
		rep->machine = machine__new_host(&session->header.env);
		if (!rep->machine) {
			perf_session__delete(session);
			return -1;
		}
		session->machine = rep->machine;
		err = histogram ? report__setup(rep, session) : 0;
		if (err) {
			report__cleanup(rep);
			perf_session__delete(session);
			machine__delete(rep->machine);
			return err > 0 ? 0 : -1;
		}
	}

	/* 3. read every record */
	err = perf_session__process_events(session);
	if (err) {
		if (histogram)
			report__cleanup(rep);
		perf_session__delete(session);
		machine__delete(rep->machine);
		rep->machine = NULL;
		if (err == -ENODATA) {
			/*
			 * The reference fails this way on a file perf record did
			 * not finish, and exits 0; -f recovers the records.
			 */
			fprintf(stderr, "Error:\nfailed to process sample\n");
			if (!quiet)
				fprintf(stderr, "(use -f to read the records it holds anyway)\n");
			return 0;
		}
		return -1;
	}

	/* 4. print */
	if (histogram && !report__nr_samples(rep)) {
		/* Nothing sampled, or everything switched off (--switch-on, --time). */
		fprintf(stderr, "Error:\nThe %s data has no samples!\n",
			data.path ? data.path : "perf.data");
	} else if (histogram) {
		err = report__print(rep, session);
		if (!err && rep->show_threads)
			read_values__fprintf(&rep->thread_values, stdout);
	} else if (tasks)
		err = report__tasks_print(rep, stdout);
	else
		perf_session__fprintf_nr_events(session, stdout, rep->skip_empty);
	fflush(stdout);
	if (histogram)
		report__cleanup(rep);
	perf_session__delete(session);
	machine__delete(rep->machine);
	rep->machine = NULL;
	return err ? -1 : 0;
}

static int report__config(const char *var, const char *value, void *data)
{
	struct report *rep = data;

	if (!strcmp(var, "report.children"))
		return perf_config_bool(&rep->children, var, value);
	if (!strcmp(var, "report.percent-limit")) {
		rep->percent_limit = NULL;
		rep->print.percent_limit = strtod(value ? value : "0", NULL);
		return 0;
	}
	return 0;
}

int cmd_report(int argc, const char **argv)
{
	struct report rep = {
		.tool = {
			.sample		= report__process_sample,
			.read		= report__process_read,
			.mmap		= report__machine_event,
			.mmap2		= report__machine_event,
			.comm		= report__machine_event,
			.namespaces	= perf_tool__noop,
			.cgroup		= perf_tool__noop,
			.exit		= report__machine_event,
			.fork		= report__machine_event,
			.ksymbol	= report__machine_event,
			.attr		= perf_tool__noop2,
			.tracing_data	= perf_tool__noop2,
			.build_id	= perf_tool__noop2,
			.id_index	= perf_tool__noop2,
			.auxtrace_info	= perf_tool__noop2,
			.auxtrace	= perf_tool__noop2,
			.event_update	= perf_tool__noop2,
			.feature	= report__process_feature,
			.ordered_events	= true,
		},
		.skip_empty = true,
		.children = true,
		.demangle = true,
		.max_stack = 127,
		.inline_funcs = true,
		.group_sort_idx = 0,
		.socket_filter = -1,
	};
	const char * const report_usage[] = {
		"perf report [<options>]",
		NULL
	};
	const struct option options[] = {
	OPT_STRING('i', "input", &rep.input_name, "file", "input file name"),
	OPT_INCR('v', "verbose", &verbose, "be more verbose (show symbol address, etc)"),
	OPT_BOOLEAN('q', "quiet", &quiet, "Do not show any warnings or messages"),
	OPT_BOOLEAN('D', "dump-raw-trace", &dump_trace, "dump raw trace in ASCII"),
	OPT_BOOLEAN(0, "stats", &rep.stats_mode, "Display event stats"),
	OPT_BOOLEAN(0, "tasks", &rep.tasks_mode, "Display recorded tasks"),
	OPT_BOOLEAN(0, "mmaps", &rep.mmaps_mode, "Display recorded tasks memory maps"),
	OPT_STRING('k', "vmlinux", &rep.vmlinux, "file", "vmlinux pathname"),
	OPT_BOOLEAN(0, "ignore-vmlinux", &rep.ignore_vmlinux, "don't load vmlinux even if found"),
	OPT_STRING(0, "kallsyms", &rep.kallsyms, "file", "kallsyms pathname"),
	OPT_BOOLEAN('f', "force", &rep.force, "don't complain, do it"),
	OPT_BOOLEAN('m', "modules", &rep.modules,
		    "load module symbols - WARNING: use only with -k and LIVE kernel"),
	OPT_BOOLEAN('n', "show-nr-samples", &rep.show_nr_samples,
		    "Show a column with the number of samples"),
	OPT_BOOLEAN('T', "threads", &rep.show_threads, "Show per-thread event counters"),
	OPT_STRING(0, "pretty", &rep.pretty, "key", "pretty printing style key: normal raw"),
	OPT_BOOLEAN(0, "tui", &rep.use_tui, "Use the TUI interface"),
	OPT_BOOLEAN(0, "stdio", &rep.use_stdio, "Use the stdio interface"),
	OPT_BOOLEAN(0, "header", &rep.header, "Show data header."),
	OPT_BOOLEAN(0, "header-only", &rep.header_only, "Show only data header."),
	OPT_STRING('s', "sort", &rep.sort, "key[,key2...]",
		   "sort by key(s): overhead overhead_sys overhead_us overhead_guest_sys\n"
		   "\t\t\t  overhead_guest_us overhead_children sample period\n"
		   "\t\t\t  pid comm dso symbol parent cpu socket srcline srcfile\n"
		   "\t\t\t  local_weight weight transaction trace symbol_size\n"
		   "\t\t\t  dso_size cgroup cgroup_id ipc_null time code_page_size\n"
		   "\t\t\t  local_ins_lat ins_lat local_p_stage_cyc p_stage_cyc\n"
		   "\t\t\t  addr dso_from dso_to symbol_from symbol_to mispredict\n"
		   "\t\t\t  abort in_tx cycles srcline_from srcline_to ipc_lbr\n"
		   "\t\t\t  addr_from addr_to symbol_daddr dso_daddr locked tlb\n"
		   "\t\t\t  mem snoop dcacheline symbol_iaddr phys_daddr data_page_size\n"
		   "\t\t\t  blocked"),
	OPT_STRING('F', "fields", &rep.fields, "key[,keys...]",
		   "output field(s): overhead period sample  overhead overhead_sys\n"
		   "\t\t\t  overhead_us overhead_guest_sys overhead_guest_us overhead_children\n"
		   "\t\t\t  sample period pid comm dso symbol parent cpu socket\n"
		   "\t\t\t  srcline srcfile local_weight weight transaction trace\n"
		   "\t\t\t  symbol_size dso_size cgroup cgroup_id ipc_null time\n"
		   "\t\t\t  code_page_size local_ins_lat ins_lat local_p_stage_cyc\n"
		   "\t\t\t  p_stage_cyc addr dso_from dso_to symbol_from symbol_to\n"
		   "\t\t\t  mispredict abort in_tx cycles srcline_from srcline_to\n"
		   "\t\t\t  ipc_lbr addr_from addr_to symbol_daddr dso_daddr locked\n"
		   "\t\t\t  tlb mem snoop dcacheline symbol_iaddr phys_daddr data_page_size\n"
		   "\t\t\t  blocked"),
	OPT_BOOLEAN(0, "show-cpu-utilization", &rep.show_cpu_utilization,
		    "Show sample percentage for different cpu modes"),
	OPT_STRING('p', "parent", &rep.parent, "regex",
		   "regex filter to identify parent, see: '--sort parent'"),
	OPT_BOOLEAN('x', "exclude-other", &rep.exclude_other,
		    "Only display entries with parent-match"),
	OPT_CALLBACK_DEFAULT('g', "call-graph", &rep.call_graph,
			    "print_type,threshold[,print_limit],order,sort_key[,branch],value",
			    "Display call graph (stack chain/backtrace):\n\n"
			    "\t\t\t\tprint_type:\tcall graph printing style (graph|flat|fractal|folded|none)\n"
			    "\t\t\t\tthreshold:\tminimum call graph inclusion threshold (<percent>)\n"
			    "\t\t\t\tprint_limit:\tmaximum number of call graph entry (<number>)\n"
			    "\t\t\t\torder:\t\tcall graph order (caller|callee)\n"
			    "\t\t\t\tsort_key:\tcall graph sort key (function|address)\n"
			    "\t\t\t\tbranch:\t\tinclude last branch info to call graph (branch)\n"
			    "\t\t\t\tvalue:\t\tcall graph value (percent|period|count)\n\n"
			    "\t\t\t\tDefault: graph,0.5,caller,function,percent",
			    parse_string_cb, "graph,0.5,caller,function,percent"),
	OPT_BOOLEAN(0, "children", &rep.children,
		    "Accumulate callchains of children and show total overhead as well. "
		    "Enabled by default, use --no-children to disable."),
	OPT_INTEGER(0, "max-stack", &rep.max_stack,
		    "Set the maximum stack depth when parsing the callchain, "
		    "anything beyond the specified depth will be ignored. "
		    "Default: kernel.perf_event_max_stack or 127"),
	OPT_BOOLEAN('G', "inverted", &rep.inverted_callchain, "alias for inverted call graph"),
	OPT_STRING(0, "ignore-callees", &rep.ignore_callees, "regex",
		   "ignore callees of these functions in call graphs"),
	OPT_STRING('d', "dsos", &rep.dsos, "dso[,dso...]", "only consider symbols in these dsos"),
	OPT_STRING('c', "comms", &rep.comms, "comm[,comm...]",
		   "only consider symbols in these comms"),
	OPT_STRING(0, "pid", &rep.pids, "pid[,pid...]", "only consider symbols in these pids"),
	OPT_STRING(0, "tid", &rep.tids, "tid[,tid...]", "only consider symbols in these tids"),
	OPT_STRING('S', "symbols", &rep.symbols, "symbol[,symbol...]",
		   "only consider these symbols"),
	OPT_STRING(0, "symbol-filter", &rep.symbol_filter, "filter",
		   "only show symbols that (partially) match with this filter"),
	OPT_STRING('w', "column-widths", &rep.col_widths, "width[,width...]",
		   "don't try to adjust column width, use these fixed values"),
	OPT_STRING('t', "field-separator", &rep.field_sep, "separator",
		   "separator for columns, no spaces will be added between "
		   "columns '.' is reserved."),
	OPT_BOOLEAN('U', "hide-unresolved", &rep.hide_unresolved,
		    "Only display entries resolved to a symbol"),
	OPT_STRING(0, "symfs", &rep.symfs, "directory",
		   "Look for files with symbols relative to this directory"),
	OPT_STRING('C', "cpu", &rep.cpu_list, "cpu", "list of cpus to profile"),
	OPT_BOOLEAN('I', "show-info", &rep.show_full_info,
		    "Display extended information about perf.data file"),
	OPT_BOOLEAN(0, "source", &rep.source,
		    "Interleave source code with assembly code (default)"),
	OPT_BOOLEAN(0, "asm-raw", &rep.asm_raw,
		    "Display raw encoding of assembly instructions (default)"),
	OPT_STRING('M', "disassembler-style", &rep.disassembler_style, "disassembler style",
		   "Specify disassembler style (e.g. -M intel for intel syntax)"),
	OPT_STRING(0, "prefix", &rep.prefix, "prefix",
		   "Add prefix to source file path names in programs (with --prefix-strip)"),
	OPT_STRING(0, "prefix-strip", &rep.prefix_strip, "N",
		   "Strip first N entries of source file path name in programs (with --prefix)"),
	OPT_BOOLEAN(0, "show-total-period", &rep.show_total_period,
		    "Show a column with the sum of periods"),
	OPT_BOOLEAN_SET(0, "group", &rep.group, &rep.group_set,
			"Show event group information together"),
	OPT_INTEGER(0, "group-sort-idx", &rep.group_sort_idx,
		    "Sort the output by the event at the index n in group. If n is invalid, "
		    "sort by the first event. WARNING: should be used on grouped events."),
	OPT_BOOLEAN('b', "branch-stack", &rep.branch_stack,
		    "use branch records for per branch histogram filling"),
	OPT_BOOLEAN(0, "branch-history", &rep.branch_history,
		    "add last branch records to call history"),
	OPT_STRING(0, "objdump", &rep.objdump, "path", "objdump binary to use for disassembly and annotations"),
	OPT_BOOLEAN(0, "demangle", &rep.demangle, "Disable symbol demangling"),
	OPT_BOOLEAN(0, "demangle-kernel", &rep.demangle_kernel,
		    "Enable kernel symbol demangling"),
	OPT_BOOLEAN(0, "mem-mode", &rep.mem_mode, "mem access profile"),
	OPT_INTEGER(0, "samples", &rep.samples,
		    "Number of samples to save per histogram entry for individual browsing"),
	OPT_CALLBACK(0, "percent-limit", &rep.percent_limit, "percent",
		     "Don't show entries under that percent", parse_string_cb),
	OPT_CALLBACK(0, "percentage", &rep.percentage, "relative|absolute",
		     "how to display percentage of filtered entries", parse_string_cb),
	OPT_CALLBACK_OPTARG(0, "itrace", &rep.itrace, NULL, "opts",
			    ITRACE_HELP,
			    parse_string_cb),
	OPT_BOOLEAN(0, "full-source-path", &rep.full_source_path,
		    "Show full source file name path for source lines"),
	OPT_BOOLEAN(0, "show-ref-call-graph", &rep.show_ref_call_graph,
		    "Show callgraph from reference event"),
	OPT_BOOLEAN(0, "stitch-lbr", &rep.stitch_lbr,
		    "Enable LBR callgraph stitching approach"),
	OPT_INTEGER(0, "socket-filter", &rep.socket_filter,
		    "only show processor socket that match with this filter"),
	OPT_BOOLEAN(0, "raw-trace", &rep.raw_trace,
		    "Show raw trace event output (do not use print fmt or plugins)"),
	OPT_BOOLEAN(0, "hierarchy", &rep.hierarchy, "Show entries in a hierarchy"),
	OPT_CALLBACK_DEFAULT(0, "stdio-color", &rep.stdio_color, "mode",
			     "'always' (default), 'never' or 'auto' only applicable to --stdio mode",
			     parse_string_cb, "always"),
	OPT_STRING(0, "time", &rep.time_str, "str", "Time span of interest (start,stop)"),
	OPT_BOOLEAN(0, "inline", &rep.inline_funcs, "Show inline function"),
	OPT_CALLBACK(0, "percent-type", &rep.percent_type, "local-period",
		     "Set percent type local/global-period/hits", parse_string_cb),
	OPT_BOOLEAN(0, "ns", &rep.nanosecs, "Show times in nanosecs"),
	OPT_CALLBACK(0, "time-quantum", &rep.time_quantum, "time (ms|us|ns|s)",
		     "Set time quantum for time sort key (default 100ms)", parse_string_cb),
	OPT_STRING(0, "switch-on", &rep.switch_on, "event",
		   "Consider events after the ocurrence of this event"),
	OPT_STRING(0, "switch-off", &rep.switch_off, "event",
		   "Stop considering events after the ocurrence of this event"),
	OPT_BOOLEAN(0, "show-on-off-events", &rep.evswitch.show_on_off_events,
		    "Show the on/off switch events, used with --switch-on and --switch-off"),
	OPT_BOOLEAN(0, "total-cycles", &rep.total_cycles, "Sort all blocks by 'Sampled Cycles%'"),
	OPT_BOOLEAN(0, "disable-order", &rep.disable_order, "Disable raw trace ordering"),
	OPT_BOOLEAN(0, "skip-empty", &rep.skip_empty,
		    "Do not display empty (or dummy) events in the output"),
	OPT_END()
	};
	const char *missing_file;
	int argc_left;

	perf_config(report__config, &rep);
	argc_left = parse_options(argc, argv, options, report_usage, 0);
	if (argc_left) {
		/* A lone argument is a symbol filter, as in the reference. */
		if (argc_left > 1)
			usage_with_options(report_usage, options);
		rep.symbol_filter = argv[0];
	}
	if (report__check_options(&rep))
		return -1;
	if (quiet)
		verbose = -1;
	if (rep.disable_order)
		rep.tool.ordered_events = false;
	/* --tasks alone builds tasks from COMM, FORK and EXIT: as the reference. */
	if (rep.tasks_mode && !rep.mmaps_mode) {
		rep.tool.mmap = perf_tool__noop;
		rep.tool.mmap2 = perf_tool__noop;
	}
	/*
	 * --stats prints the LOST counts itself: the reference gives no
	 * "lost chunks" warning then. The session warns only when these are
	 * the no-op handler.
	 */
	if (rep.stats_mode) {
		rep.tool.lost = report__lost_in_stats;
		rep.tool.lost_samples = report__lost_in_stats;
	}

	symbol_conf.demangle = rep.demangle;
	symbol_conf.demangle_kernel = rep.demangle_kernel;
	symbol_conf.inline_name = rep.inline_funcs;
	symbol_conf.force = rep.force;
	symbol_conf.ignore_vmlinux = rep.ignore_vmlinux;
	if (rep.symfs)
		symbol_conf.symfs = rep.symfs;
	if (rep.kallsyms)
		symbol_conf.kallsyms_name = rep.kallsyms;
	if (rep.vmlinux)
		symbol_conf.vmlinux_name = rep.vmlinux;
	missing_file = symbol_conf__missing_file();
	if (missing_file) {
		pr_err("Invalid file: %s\n", missing_file);
		return -EINVAL;
	}

	rep.use_callchain = true;
	rep.print_callchain = true;
	if (rep.call_graph) {
		if (callchain_param__parse(&callchain_param, rep.call_graph)) {
			fprintf(stderr, "Invalid callchain mode: %s\n", rep.call_graph);
			usage_with_options(report_usage, options);
		}
	}
	if (rep.inverted_callchain)
		callchain_param.order = ORDER_CALLER;
	/* Children read from each function down to what it called. */
	if (rep.children && !callchain_param.order_set)
		callchain_param.order = ORDER_CALLER;
	if (rep.max_stack < 0)
		rep.max_stack = 127;
	if (rep.percentage && strcmp(rep.percentage, "relative") &&
	    strcmp(rep.percentage, "absolute")) {
		fprintf(stderr, "Invalid percentage: %s\n", rep.percentage);
		return -1;
	}
	if (rep.time_quantum) {
		char *end;
		double v = strtod(rep.time_quantum, &end);
		uint64_t mul = 1000000ULL;

		if (!strcmp(end, "s"))
			mul = 1000000000ULL;
		else if (!strcmp(end, "us"))
			mul = 1000ULL;
		else if (!strcmp(end, "ns"))
			mul = 1;
		if (v <= 0) {
			fprintf(stderr, "Invalid time quantum: %s\n", rep.time_quantum);
			return -1;
		}
		sort_time_quantum = (uint64_t)(v * (double)mul);
	}
	if (!dump_trace && !rep.stats_mode && !rep.header_only &&
	    !rep.tasks_mode && !rep.mmaps_mode) {
		/* Check the keys before reading anything, as the reference does. */
		bool children = rep.children;

		/* The reference shows the usage of the options and exits 0. */
		if (report__setup_sort(&rep)) {
			if (rep.sort)
				parse_options_usage(report_usage, options, "s", true);
			if (rep.fields)
				parse_options_usage(rep.sort ? NULL : report_usage, options, "F", true);
			return 0;
		}
		rep.children = children;
	}

	rep.options = options;
	return __cmd_report(&rep);
}
