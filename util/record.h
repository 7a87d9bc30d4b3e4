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
#include <stddef.h>
#include <stdint.h>

#include "target.h"

struct evlist;
struct evsel;

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
	/* record.call-graph, call-graph.record-mode/dump-size: what -g uses */
	enum callchain_mode config_callgraph;
	uint32_t config_stack_size;	/* 0: not configured */
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
	bool overwrite;			/* --overwrite: write_backward rings */
	bool sample_identifier;		/* --sample-identifier */
	bool running_time;		/* --running-time */
	bool sample_data_page_size;	/* --data-page-size */
	bool sample_code_page_size;	/* --code-page-size */
	bool sample_transaction;	/* --transaction */
	bool kernel_callchains;		/* --kernel-callchains: no user part */
	bool user_callchains;		/* --user-callchains: no kernel part */
	bool strict_freq;		/* --strict-freq */
	bool inherit_stat;		/* -s: per-thread counts at each thread's exit */
	bool no_buffering;		/* --no-buffering: wake the reader per record */
	int initial_delay;		/* -D N: ms after the start; -1: until --control enables */
	struct record_range *ranges;	/* -D a-b,c-d: enabled from a to b ms, ... */
	int nr_ranges;
};

/* One -D range: events on from @start to @end ms after the start. */
struct record_range {
	unsigned int start, end;
};

void record_opts__init(struct record_opts *opts);
/* Free what the parsers below allocated in @opts. */
void record_opts__exit(struct record_opts *opts);

/* Whether events wait for -D or --control before they are enabled. */
static inline bool record_opts__start_disabled(const struct record_opts *opts)
{
	return opts->initial_delay || opts->nr_ranges;
}

/*
 * The option parsers below print nothing unless they say so; they return
 * 0 or -EINVAL, and the builtin shows the usage of the option.
 */

/*
 * -F: a number or "max". Above perf_event_max_sample_rate, the rate is
 * lowered with the reference's warning, or refused (-EINVAL, with its
 * error) under --strict-freq. Without -F, the default is lowered quietly
 * except for one info line. Prints those messages through pr_warning.
 */
int record_opts__parse_freq(struct record_opts *opts, const char *str);

/* --call-graph fp|dwarf[,size]|lbr|no (NULL: fp). Prints its errors. */
int record_opts__parse_callgraph(struct record_opts *opts, const char *str);

/*
 * A perf_config() callback for the keys that choose what -g records:
 * record.call-graph and call-graph.record-mode (a --call-graph value),
 * call-graph.dump-size (the dwarf stack size). @data is the struct
 * record_opts. 0, or -EINVAL after printing the reference's two lines.
 */
int record_opts__config(const char *var, const char *value, void *data);

/*
 * -m pages[,aux pages]: a count or a size with B/K/M/G, rounded up to a
 * power of two pages with the reference's info line. Sets @pages (and
 * @aux when given). Prints its errors.
 */
int record__parse_mmap_pages(const char *str, unsigned int *pages, unsigned int *aux);

/*
 * -D: "N" (ms after the start), "-1" (start disabled) or ranges
 * "a-b,c-d" in increasing order. "0" and overlaps are refused, as the
 * reference does.
 */
int record_opts__parse_delay(struct record_opts *opts, const char *str);

/* -k: a clock name (monotonic, CLOCK_REALTIME, raw, ...) or number. */
int record__parse_clockid(const char *str, int *clockid);

/* -j: comma-separated branch filter names. Prints its errors. */
int record__parse_branch_filter(const char *str, uint64_t *mask);

/*
 * A number with one of the unit letters in @units (e.g. "BKMG" or
 * "smhd"), each worth the matching @mults; the letter is required and
 * must follow the digits directly. Returns 0 or -EINVAL.
 */
int record__parse_tagged(const char *str, const char *units,
			 const uint64_t *mults, uint64_t *val);

/* "258K": @n bytes in the largest unit of B/K/M/G that leaves more than 1. */
void record__unit_number(char *buf, size_t size, uint64_t n);

/*
 * The PERF_FORMAT_LOST count (samples the kernel dropped for want of ring
 * space) of @evsel's fd at (@cpu_idx, @thread_idx). Returns 0 or -errno,
 * -EINVAL when the read_format has no LOST.
 */
int record__read_lost(struct evsel *evsel, int cpu_idx, int thread_idx, uint64_t *lost);

/**
 * struct switch_output - --switch-output and --switch-max-files
 * @enabled:   a new file is started on the trigger
 * @signal:    the trigger is SIGUSR2
 * @size:      ... or this many bytes written to the current file
 * @time:      ... or this many seconds
 * @max_files: keep only the newest N files, 0 for all
 */
struct switch_output {
	bool enabled;
	bool signal;
	uint64_t size;
	unsigned long time;
	int max_files;
};

/*
 * --switch-output[=signal|SIZE[BKMG]|TIME[smhd]]; NULL means signal.
 * Returns 0 or -EINVAL.
 */
int switch_output__parse(struct switch_output *so, const char *str);

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
