/* SPDX-License-Identifier: GPL-2.0 */
/*
 * record_opts: what perf record (and top) want sampled, and the
 * translation of those options into each event's perf_event_attr.
 *
 * Layer 1: depends on util/evlist, util/evsel, util/target.
 */
#ifndef PERF_UTIL_RECORD_H
#define PERF_UTIL_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include "target.h"

struct evlist;

enum callchain_mode {
	CALLCHAIN_NONE,
	CALLCHAIN_FP,
	CALLCHAIN_DWARF,
	CALLCHAIN_LBR,
};

/* The user stack copied per sample for --call-graph dwarf, as the reference. */
#define DEFAULT_DWARF_STACK_SIZE 8192

struct record_opts {
	struct target target;
	uint64_t freq;			/* -F: samples per second (0 = use period) */
	uint64_t period;		/* -c */
	bool user_freq;
	bool user_period;
	enum callchain_mode callgraph;
	uint32_t stack_size;		/* dwarf */
	bool no_inherit;
	bool sample_address;		/* -d */
	bool sample_cpu;
	bool sample_time;		/* default on; -T forces, --no-sample-time? */
	bool period_in_sample;		/* -P */
	bool sample_weight;		/* -W */
	bool sample_phys_addr;
	bool raw_samples;		/* -R */
	bool all_user;
	bool all_kernel;
	bool context_switch;		/* --switch-events */
	bool namespaces;
	bool no_samples;		/* -n */
	bool have_workload;
	uint64_t user_regs;		/* --user-regs mask */
	uint64_t intr_regs;		/* -I mask */
	uint64_t branch_stack;		/* -b / -j: PERF_SAMPLE_BRANCH_* */
	int clockid;			/* -k, -1 when not set */
	unsigned int mmap_pages;	/* -m */
	unsigned int max_stack;
};

void record_opts__init(struct record_opts *opts);

/*
 * Turn @opts into the attrs of @evlist: sample_type, read_format, freq or
 * period, inheritance, callchains, and the side-band tracking bits (mmap,
 * comm, task, ...) on the event that carries them (the first sampling
 * event, or a dummy:HG added for system-wide runs, as the reference).
 * Returns 0 or -ENOMEM.
 */
int evlist__config(struct evlist *evlist, struct record_opts *opts);

/* The largest sampling rate the kernel allows (perf_event_max_sample_rate). */
int record__max_sample_rate(void);

#endif /* PERF_UTIL_RECORD_H */
