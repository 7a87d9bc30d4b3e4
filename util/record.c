// SPDX-License-Identifier: GPL-2.0
/* From perf record's options to each event's perf_event_attr. */
#include <errno.h>
#include <string.h>

#include "evlist.h"
#include "evsel.h"
#include "fs.h"
#include "record.h"
#include "util.h"

/*
 * x86-64 registers sampled for DWARF unwinding: AX..FLAGS, CS, SS and
 * R8..R15 (bits 0-11 and 16-23 of the kernel's perf_regs numbering; the
 * segment registers DS..GS are not sampled on 64-bit).
 */
#define X86_64_REGS_MASK 0xff0fffULL

void record_opts__init(struct record_opts *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->freq = 4000;
	opts->sample_time = true;
	opts->stack_size = DEFAULT_DWARF_STACK_SIZE;
	opts->clockid = -1;
	opts->target.inherit = true;
}

int record__max_sample_rate(void)
{
	int rate;

	if (sysctl__read_int("kernel/perf_event_max_sample_rate", &rate))
		return 100000;
	return rate;
}

/* The event that carries mmap/comm/task side-band records. */
static void set_tracking(struct perf_event_attr *attr, struct record_opts *opts)
{
	attr->mmap = 1;
	attr->comm = 1;
	attr->task = 1;
	attr->mmap2 = 1;
	attr->comm_exec = 1;
	attr->ksymbol = 1;
	if (opts->sample_address)
		attr->mmap_data = 1;
	if (opts->context_switch)
		attr->context_switch = 1;
	if (opts->namespaces)
		attr->namespaces = 1;
}

static bool evsel__fixed_period(const struct evsel *evsel)
{
	/* Tracepoints and breakpoints count every hit: period 1, no freq. */
	return evsel->attr.type == PERF_TYPE_TRACEPOINT ||
	       evsel->attr.type == PERF_TYPE_BREAKPOINT;
}

static void evsel__config(struct evsel *evsel, struct record_opts *opts)
{
	struct perf_event_attr *attr = &evsel->attr;
	struct evsel_config_term *term;
	enum callchain_mode cg = opts->callgraph;
	uint32_t stack = opts->stack_size;

	attr->sample_id_all = 1;
	attr->inherit = !opts->no_inherit;
	attr->read_format |= PERF_FORMAT_ID | PERF_FORMAT_LOST;
	attr->sample_type |= PERF_SAMPLE_IP | PERF_SAMPLE_TID;
	if (opts->sample_time)
		attr->sample_type |= PERF_SAMPLE_TIME;

	if (!evsel__fixed_period(evsel) && !attr->sample_period) {
		if (opts->user_period || !opts->freq) {
			attr->sample_period = opts->period ? opts->period : 1;
			attr->freq = 0;
		} else {
			attr->sample_freq = opts->freq;
			attr->freq = 1;
		}
	}
	/* pmu/.../ terms beat the command line, per event. */
	term = evsel__get_config_term(evsel, EVSEL__CONFIG_TERM_PERIOD);
	if (term) {
		attr->sample_period = term->val.num;
		attr->freq = 0;
	}
	term = evsel__get_config_term(evsel, EVSEL__CONFIG_TERM_FREQ);
	if (term) {
		attr->sample_freq = term->val.num;
		attr->freq = 1;
	}
	attr->sample_type |= PERF_SAMPLE_PERIOD;
	if (evsel->attr.type == PERF_TYPE_TRACEPOINT || opts->raw_samples)
		attr->sample_type |= PERF_SAMPLE_RAW | PERF_SAMPLE_CPU;

	term = evsel__get_config_term(evsel, EVSEL__CONFIG_TERM_INHERIT);
	if (term)
		attr->inherit = term->val.num != 0;
	term = evsel__get_config_term(evsel, EVSEL__CONFIG_TERM_CALLGRAPH);
	if (term) {
		const char *s = term->val.str;

		cg = !strncmp(s, "dwarf", 5) ? CALLCHAIN_DWARF :
		     !strncmp(s, "lbr", 3) ? CALLCHAIN_LBR :
		     !strncmp(s, "fp", 2) ? CALLCHAIN_FP : CALLCHAIN_NONE;
	}
	term = evsel__get_config_term(evsel, EVSEL__CONFIG_TERM_STACK_USER);
	if (term)
		stack = (uint32_t)term->val.num;

	if (cg != CALLCHAIN_NONE)
		attr->sample_type |= PERF_SAMPLE_CALLCHAIN;
	if (cg == CALLCHAIN_DWARF) {
		attr->sample_type |= PERF_SAMPLE_REGS_USER | PERF_SAMPLE_STACK_USER;
		attr->sample_regs_user = X86_64_REGS_MASK;
		attr->sample_stack_user = stack;
		/* The user part comes from unwinding the stack copy instead. */
		attr->exclude_callchain_user = 1;
	}
	if (cg == CALLCHAIN_LBR) {
		attr->sample_type |= PERF_SAMPLE_BRANCH_STACK;
		attr->branch_sample_type = PERF_SAMPLE_BRANCH_USER |
					   PERF_SAMPLE_BRANCH_CALL_STACK |
					   PERF_SAMPLE_BRANCH_NO_CYCLES |
					   PERF_SAMPLE_BRANCH_NO_FLAGS |
					   PERF_SAMPLE_BRANCH_HW_INDEX;
	}
	if (opts->max_stack)
		attr->sample_max_stack = (uint16_t)opts->max_stack;
	if (opts->sample_address)
		attr->sample_type |= PERF_SAMPLE_ADDR;
	if (opts->sample_weight)
		attr->sample_type |= PERF_SAMPLE_WEIGHT;
	if (opts->sample_phys_addr)
		attr->sample_type |= PERF_SAMPLE_PHYS_ADDR;
	if (opts->sample_cpu || target__has_cpu(&opts->target))
		attr->sample_type |= PERF_SAMPLE_CPU;
	if (opts->user_regs) {
		attr->sample_type |= PERF_SAMPLE_REGS_USER;
		attr->sample_regs_user |= opts->user_regs;
	}
	if (opts->branch_stack) {
		attr->sample_type |= PERF_SAMPLE_BRANCH_STACK;
		attr->branch_sample_type = opts->branch_stack;
	}
	if (opts->intr_regs) {
		attr->sample_type |= PERF_SAMPLE_REGS_INTR;
		attr->sample_regs_intr = opts->intr_regs;
	}
	if (opts->all_user) {
		attr->exclude_kernel = 1;
		attr->exclude_hv = 1;
	}
	if (opts->all_kernel) {
		attr->exclude_user = 1;
		attr->exclude_hv = 1;
	}
	if (opts->clockid >= 0) {
		attr->use_clockid = 1;
		attr->clockid = opts->clockid;
	}

	/* Leaders start disabled; the workload's exec or perf enables them. */
	if (evsel__is_group_leader(evsel)) {
		attr->disabled = 1;
		attr->enable_on_exec = opts->have_workload && !target__has_cpu(&opts->target) &&
				       !target__has_task(&opts->target);
	}
}

int evlist__config(struct evlist *evlist, struct record_opts *opts)
{
	struct evsel *evsel, *tracking;
	bool system_wide = target__has_cpu(&opts->target);

	evlist__for_each_entry(evlist, evsel)
		evsel__config(evsel, opts);

	tracking = evlist__first(evlist);
	if (system_wide) {
		/*
		 * System-wide, the side-band comes from a dummy event of its
		 * own (host and guest: "dummy:HG"), always enabled, so mmaps of
		 * processes that never hit a sample are still seen.
		 */
		struct perf_event_attr attr = {
			.type = PERF_TYPE_SOFTWARE,
			.config = PERF_COUNT_SW_DUMMY,
			.sample_period = 1,
		};
		struct evsel *dummy = evsel__new(&attr);

		if (!dummy || evsel__set_name(dummy, "dummy:HG")) {
			evsel__delete(dummy);
			return -ENOMEM;
		}
		evsel__config(dummy, opts);
		dummy->attr.sample_type &= ~(uint64_t)PERF_SAMPLE_PERIOD;
		dummy->attr.sample_period = 1;
		dummy->attr.freq = 0;
		dummy->attr.disabled = 0;
		dummy->attr.enable_on_exec = 0;
		dummy->attr.exclude_guest = 0;
		dummy->attr.exclude_host = 0;
		dummy->attr.exclude_kernel = 0;
		dummy->attr.exclude_user = 0;
		dummy->attr.exclude_hv = 0;
		evlist__add(evlist, dummy);
		tracking = dummy;
	}
	if (tracking)
		set_tracking(&tracking->attr, opts);

	/* Several events in one stream: IDENTIFIER finds each sample's event fast. */
	if (evlist->nr_entries > 1)
		evlist__for_each_entry(evlist, evsel)
			evsel->attr.sample_type |= PERF_SAMPLE_IDENTIFIER;
	return 0;
}
