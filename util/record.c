// SPDX-License-Identifier: GPL-2.0
/* From perf record's options to each event's perf_event_attr. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <linux/perf_event.h>

#include "debug.h"
#include "evlist.h"
#include "evsel.h"
#include "fs.h"
#include "perf_regs.h"
#include "record.h"
#include "util.h"

void record_opts__init(struct record_opts *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->freq = 4000;
	opts->sample_time = true;
	opts->stack_size = DEFAULT_DWARF_STACK_SIZE;
	opts->clockid = -1;
	opts->target.inherit = true;
}

void record_opts__exit(struct record_opts *opts)
{
	free(opts->ranges);
	opts->ranges = NULL;
	opts->nr_ranges = 0;
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
	/*
	 * Breakpoints count every hit: period 1, no freq. So do tracepoints
	 * named sys:name, whose period 1 comes from the parser; one given
	 * as tracepoint/config=N/ samples by frequency, as in the reference.
	 */
	return evsel->attr.type == PERF_TYPE_BREAKPOINT;
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
	/* 'P' asks for the best precision: try 3, the open lowers it on EOPNOTSUPP. */
	if (evsel->precise_max && !attr->precise_ip)
		attr->precise_ip = 3;

	/*
	 * A named tracepoint's period 1 is the parser's default: -c or -F
	 * on the command line replaces it, as in the reference.
	 */
	if ((!evsel__fixed_period(evsel) && !attr->sample_period) ||
	    (attr->type == PERF_TYPE_TRACEPOINT && (opts->user_period || opts->user_freq))) {
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
	/*
	 * The period varies only with a frequency; a fixed one is known from
	 * the attr. Tracepoints carry it anyway, and -P asks for it.
	 */
	if (attr->freq || opts->period_in_sample || attr->type == PERF_TYPE_TRACEPOINT)
		attr->sample_type |= PERF_SAMPLE_PERIOD;
	/*
	 * Named tracepoints bring RAW from the parser. Not adding it to a
	 * tracepoint/config=N/ event matters beyond the layout: the kernel
	 * refuses raw tracepoint data to users below perf_event_paranoid -1.
	 */
	if (opts->raw_samples)
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

	if (cg != CALLCHAIN_NONE) {
		attr->sample_type |= PERF_SAMPLE_CALLCHAIN;
		if (opts->kernel_callchains)
			attr->exclude_callchain_user = 1;
		if (opts->user_callchains)
			attr->exclude_callchain_kernel = 1;
	}
	if (cg == CALLCHAIN_DWARF) {
		attr->sample_type |= PERF_SAMPLE_REGS_USER | PERF_SAMPLE_STACK_USER;
		/*
		 * A --user-regs subset is kept, as the reference does, with
		 * the registers no unwinding can start without.
		 */
		if (opts->user_regs && arch__dwarf_minimal_regs() != arch__user_reg_mask()) {
			attr->sample_regs_user = opts->user_regs | arch__dwarf_minimal_regs();
			pr_warning("WARNING: The use of --call-graph=dwarf may require all the user registers, specifying a subset with --user-regs may render DWARF unwinding unreliable, so the minimal registers set (IP, SP) is explicitly forced.\n");
		} else {
			attr->sample_regs_user = arch__user_reg_mask();
		}
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
	/* -d: the address and, as the reference, where the data came from. */
	if (opts->sample_address)
		attr->sample_type |= PERF_SAMPLE_ADDR | PERF_SAMPLE_DATA_SRC;
	/* The struct form (kernel 5.12+), as the reference asks for it here. */
	if (opts->sample_weight)
		attr->sample_type |= PERF_SAMPLE_WEIGHT_STRUCT;
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
		attr->exclude_user = 0;
	}
	if (opts->all_kernel) {
		attr->exclude_kernel = 0;
		attr->exclude_user = 1;
	}
	if (opts->clockid >= 0) {
		attr->use_clockid = 1;
		attr->clockid = opts->clockid;
	}
	if (opts->sample_identifier)
		attr->sample_type |= PERF_SAMPLE_IDENTIFIER;
	if (opts->running_time)
		attr->read_format |= PERF_FORMAT_TOTAL_TIME_ENABLED |
				     PERF_FORMAT_TOTAL_TIME_RUNNING;
	if (opts->sample_data_page_size)
		attr->sample_type |= PERF_SAMPLE_DATA_PAGE_SIZE;
	if (opts->sample_code_page_size)
		attr->sample_type |= PERF_SAMPLE_CODE_PAGE_SIZE;
	if (opts->sample_transaction)
		attr->sample_type |= PERF_SAMPLE_TRANSACTION;
	if (opts->inherit_stat) {
		attr->inherit_stat = 1;
		attr->read_format |= PERF_FORMAT_TOTAL_TIME_ENABLED |
				     PERF_FORMAT_TOTAL_TIME_RUNNING;
	}
	if (opts->no_buffering) {
		attr->watermark = 0;
		attr->wakeup_events = 1;
	}
	/* -n: counting only; the reference keeps freq set with a zero rate. */
	if (opts->no_samples)
		attr->sample_period = 0;
	attr->write_backward = opts->overwrite;
	term = evsel__get_config_term(evsel, EVSEL__CONFIG_TERM_OVERWRITE);
	if (term)
		attr->write_backward = term->val.num != 0;

	/*
	 * 'S': the counts come in the samples. In a group only the leader
	 * samples and each sample reads the whole group (which the kernel
	 * cannot do for inherited events); members are read, never sampled.
	 */
	if (evsel->sample_read) {
		/* The id tells which event each read value belongs to. */
		attr->sample_type |= PERF_SAMPLE_READ | PERF_SAMPLE_ID;
		if (evsel->leader->nr_members > 1) {
			attr->read_format |= PERF_FORMAT_GROUP;
			attr->inherit = 0;
		}
		if (!evsel__is_group_leader(evsel)) {
			attr->sample_period = 0;
			attr->freq = 0;
		}
	}

	/*
	 * Leaders start disabled; the workload's exec or perf enables them
	 * (perf, after -D's wait, or when --control says so).
	 */
	if (evsel__is_group_leader(evsel)) {
		attr->disabled = 1;
		attr->enable_on_exec = opts->have_workload && !target__has_cpu(&opts->target) &&
				       !target__has_task(&opts->target) &&
				       !record_opts__start_disabled(opts);
	}
}

int evlist__config(struct evlist *evlist, struct record_opts *opts)
{
	struct evsel *evsel, *tracking;
	bool system_wide = target__has_cpu(&opts->target);

	evlist__for_each_entry(evlist, evsel)
		evsel__config(evsel, opts);

	tracking = evlist__first(evlist);
	if (system_wide || record_opts__start_disabled(opts) ||
	    (tracking && tracking->attr.write_backward)) {
		/*
		 * System-wide, the side-band comes from a dummy event of its
		 * own (host and guest: "dummy:HG"), always enabled, so mmaps of
		 * processes that never hit a sample are still seen. Likewise
		 * while -D or --control keep the events off, and with
		 * --overwrite, where it keeps a forward ring: in the flight
		 * recorder the workload's mmaps would be overwritten by
		 * samples (the reference loses them and its reports show
		 * [unknown] for the workload's own code).
		 */
		bool on_exec = opts->have_workload && !system_wide &&
			       !target__has_task(&opts->target);

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
		dummy->attr.write_backward = 0;
		/* Following a workload, from its exec; else from the start. */
		dummy->attr.disabled = on_exec;
		dummy->attr.enable_on_exec = on_exec;
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

	/*
	 * Several events in one stream need an id in every record. While all
	 * samples have one layout the reader finds it at a fixed place (ID,
	 * as the reference writes it); with different layouts it must be at
	 * a fixed end (IDENTIFIER).
	 */
	if (evlist->nr_entries > 1) {
		uint64_t id_bit = PERF_SAMPLE_ID;

		evlist__for_each_entry(evlist, evsel)
			if (evsel->attr.sample_type != evlist__first(evlist)->attr.sample_type)
				id_bit = PERF_SAMPLE_IDENTIFIER;
		evlist__for_each_entry(evlist, evsel)
			evsel->attr.sample_type |= id_bit;
	}
	return 0;
}

/* ---- option parsers ---- */

int record__parse_tagged(const char *str, const char *units,
			 const uint64_t *mults, uint64_t *val)
{
	const char *u;
	char *end;
	unsigned long long v;

	if (!str || !isdigit((unsigned char)*str))
		return -EINVAL;
	v = strtoull(str, &end, 10);
	if (!*end || end[1])
		return -EINVAL;
	u = strchr(units, *end);
	if (!u || v > UINT64_MAX / mults[u - units])
		return -EINVAL;
	*val = v * mults[u - units];
	return 0;
}

static const char size_units[] = "BKMG";
static const uint64_t size_mults[] = { 1, 1ULL << 10, 1ULL << 20, 1ULL << 30 };
static const char time_units[] = "smhd";
static const uint64_t time_mults[] = { 1, 60, 3600, 86400 };

void record__unit_number(char *buf, size_t size, uint64_t n)
{
	static const char unit[] = "BKMG";
	int i = 0;

	while (n / 1024 > 1 && i < 3) {
		n /= 1024;
		i++;
	}
	snprintf(buf, size, "%llu%c", (unsigned long long)n, unit[i]);
}

int record_opts__parse_freq(struct record_opts *opts, const char *str)
{
	int max = record__max_sample_rate();
	unsigned long long f;

	if (!str) {
		/* The default rate is lowered quietly to what the kernel allows. */
		if (opts->freq > (uint64_t)max && !opts->user_period) {
			pr_info("info: Using a maximum frequency rate of %d Hz\n", max);
			opts->freq = (uint64_t)max;
		}
		return 0;
	}
	if (!strcmp(str, "max")) {
		opts->freq = (uint64_t)max;
		opts->user_freq = true;
		pr_info("info: Using a maximum frequency rate of %d Hz\n", max);
		return 0;
	}
	/* As the reference: trailing junk is ignored, and 0 refused later on. */
	f = strtoull(str, NULL, 0);
	if (!f && !opts->period) {
		pr_err("frequency and count are zero, aborting\n");
		return -EINVAL;
	}
	if (f > (unsigned long long)max) {
		if (opts->strict_freq) {
			pr_warning("error: Maximum frequency rate (%d Hz) exceeded.\n"
				   "       Please use -F freq option with a lower value or consider\n"
				   "       tweaking /proc/sys/kernel/perf_event_max_sample_rate.\n", max);
			return -EINVAL;
		}
		pr_warning("warning: Maximum frequency rate (%d Hz) exceeded, throttling from %llu Hz to %d Hz.\n"
			   "         The limit can be raised via /proc/sys/kernel/perf_event_max_sample_rate.\n"
			   "         The kernel will lower it when perf's interrupts take too long.\n"
			   "         Use --strict-freq to disable this throttling, refusing to record.\n",
			   max, f, max);
		f = (unsigned long long)max;
	}
	opts->freq = f;
	opts->user_freq = true;
	return 0;
}

/* The kernel copies at most 64 KiB of stack, in multiples of 8. */
static int record_opts__parse_dump_size(const char *s, uint32_t *size)
{
	char *end;
	unsigned long sz = strtoul(s, &end, 0);

	if (*end || !sz || sz > 65528) {
		pr_err("callchain: Incorrect stack dump size (max 65528): %s\n", s);
		return -EINVAL;
	}
	*size = (uint32_t)((sz + 7) & ~7UL);
	return 0;
}

int record_opts__parse_callgraph(struct record_opts *opts, const char *s)
{
	size_t mode = s ? strcspn(s, ",") : 0;
	const char *size;
	char *copy;
	int err;

	/* The reference ignores what follows fp or lbr, and a dwarf size. */
	if (!s || (mode == 2 && !strncmp(s, "fp", 2))) {
		opts->callgraph = CALLCHAIN_FP;
		return 0;
	}
	if (mode == 3 && !strncmp(s, "lbr", 3)) {
		opts->callgraph = CALLCHAIN_LBR;
		return 0;
	}
	if (!strcmp(s, "no")) {
		opts->callgraph = CALLCHAIN_NONE;
		return 0;
	}
	if (mode != 5 || strncmp(s, "dwarf", 5)) {
		pr_err("callchain: Unknown --call-graph option value: %s\n", s);
		return -EINVAL;
	}
	opts->callgraph = CALLCHAIN_DWARF;
	/* Data mmaps too, as the reference: the unwinder reads the stack's maps. */
	opts->sample_address = true;
	/* Not call-graph.dump-size: that one is for -g. */
	opts->stack_size = DEFAULT_DWARF_STACK_SIZE;
	size = s[5] ? s + 6 : "";
	if (!*size || *size == ',')
		return 0;
	copy = strndup(size, strcspn(size, ","));
	if (!copy)
		return -ENOMEM;
	err = record_opts__parse_dump_size(copy, &opts->stack_size);
	free(copy);
	return err;
}

int record_opts__config(const char *var, const char *value, void *data)
{
	struct record_opts *opts = data;
	int err = 0;

	if (!strcmp(var, "record.call-graph") || !strcmp(var, "call-graph.record-mode")) {
		struct record_opts tmp;

		memset(&tmp, 0, sizeof(tmp));
		err = record_opts__parse_callgraph(&tmp, value);
		if (!err) {
			opts->config_callgraph = tmp.callgraph;
			if (value && strchr(value, ','))
				opts->config_stack_size = tmp.stack_size;
		}
	} else if (!strcmp(var, "call-graph.dump-size")) {
		err = value ? record_opts__parse_dump_size(value, &opts->config_stack_size) : -EINVAL;
	}
	if (err)
		pr_err("Error in the given config file: wrong config key-value pair %s=%s\n",
		       var, value ? value : "");
	return err;
}

/* One -m field: pages or a size; @min is the smallest count that is kept. */
static int parse_pages(const char *str, unsigned long min, unsigned int *out)
{
	unsigned long page = (unsigned long)sysconf(_SC_PAGESIZE);
	unsigned long long pages;
	uint64_t bytes;
	char *end;

	if (!record__parse_tagged(str, size_units, size_mults, &bytes)) {
		pages = (bytes + page - 1) / page;
	} else {
		if (!isdigit((unsigned char)*str))
			return -EINVAL;
		pages = strtoull(str, &end, 10);
		if (*end)
			return -EINVAL;
	}
	if (pages < min || (pages & (pages - 1))) {
		unsigned long long p2 = 1;
		char buf[32];

		while (p2 < pages)
			p2 <<= 1;
		pages = p2;
		record__unit_number(buf, sizeof(buf), pages * page);
		pr_info("rounding mmap pages size to %s (%llu pages)\n", buf, pages);
	}
	if (pages > UINT32_MAX / page)
		return -EINVAL;
	*out = (unsigned int)pages;
	return 0;
}

int record__parse_mmap_pages(const char *str, unsigned int *pages, unsigned int *aux)
{
	char *copy = strdup(str), *comma;
	int err = -ENOMEM;

	if (!copy)
		return err;
	comma = strchr(copy, ',');
	if (comma)
		*comma++ = '\0';
	err = *copy ? parse_pages(copy, 1, pages) : 0;
	if (!err && comma && *comma) {
		unsigned int a = 0;

		err = parse_pages(comma, 0, &a);
		if (!err && aux)
			*aux = a;
	}
	free(copy);
	if (err)
		pr_err("Invalid argument for --mmap_pages/-m\n");
	return err;
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

int record_opts__parse_delay(struct record_opts *opts, const char *str)
{
	struct record_range *ranges = NULL;
	const char *p = str;
	int nr = 0;
	char *end;
	long d;

	/* A plain number: a delay in ms, or -1; 0 means nothing and is refused. */
	d = strtol(str, &end, 10);
	if (end != str && !*end) {
		if (d < -1 || d == 0 || d > INT32_MAX)
			return -EINVAL;
		opts->initial_delay = (int)d;
		return 0;
	}
	for (;;) {
		unsigned long a, b;
		struct record_range *n;

		p = skip_blanks(p);
		if (!isdigit((unsigned char)*p))
			goto bad;
		a = strtoul(p, &end, 10);
		p = skip_blanks(end);
		if (*p++ != '-')
			goto bad;
		p = skip_blanks(p);
		if (!isdigit((unsigned char)*p))
			goto bad;
		b = strtoul(p, &end, 10);
		p = skip_blanks(end);
		/* Each range is non-empty and starts after the previous one ends. */
		if (a >= b || b > UINT32_MAX || (nr && a <= ranges[nr - 1].end))
			goto bad;
		n = realloc(ranges, (size_t)(nr + 1) * sizeof(*ranges));
		if (!n)
			goto bad;
		ranges = n;
		ranges[nr].start = (unsigned int)a;
		ranges[nr].end = (unsigned int)b;
		nr++;
		if (!*p)
			break;
		if (*p++ != ',')
			goto bad;
	}
	free(opts->ranges);
	opts->ranges = ranges;
	opts->nr_ranges = nr;
	return 0;
bad:
	free(ranges);
	return -EINVAL;
}

int record__parse_clockid(const char *str, int *clockid)
{
	static const struct { const char *name; int id; } clocks[] = {
		{ "monotonic", CLOCK_MONOTONIC }, { "monotonic_raw", CLOCK_MONOTONIC_RAW },
		{ "realtime", CLOCK_REALTIME }, { "boottime", CLOCK_BOOTTIME },
		{ "tai", CLOCK_TAI }, { "mono", CLOCK_MONOTONIC },
		{ "raw", CLOCK_MONOTONIC_RAW }, { "real", CLOCK_REALTIME },
		{ "boot", CLOCK_BOOTTIME },
	};
	const char *s = str;
	char *end;
	size_t i;
	long v;

	if (!strncasecmp(s, "CLOCK_", 6))
		s += 6;
	for (i = 0; i < ARRAY_SIZE(clocks); i++) {
		if (!strcasecmp(s, clocks[i].name)) {
			*clockid = clocks[i].id;
			return 0;
		}
	}
	v = strtol(str, &end, 0);
	if (*end || end == str || v < 0) {
		pr_err("Warning:\nunknown clockid %s, check man page\n\n", str);
		return -EINVAL;
	}
	*clockid = (int)v;
	return 0;
}

int record__parse_branch_filter(const char *str, uint64_t *mask)
{
	static const struct {
		const char *name;
		uint64_t bit;
	} modes[] = {
		{ "u", PERF_SAMPLE_BRANCH_USER }, { "k", PERF_SAMPLE_BRANCH_KERNEL },
		{ "hv", PERF_SAMPLE_BRANCH_HV }, { "any", PERF_SAMPLE_BRANCH_ANY },
		{ "any_call", PERF_SAMPLE_BRANCH_ANY_CALL },
		{ "any_ret", PERF_SAMPLE_BRANCH_ANY_RETURN },
		{ "ind_call", PERF_SAMPLE_BRANCH_IND_CALL },
		{ "abort_tx", PERF_SAMPLE_BRANCH_ABORT_TX },
		{ "in_tx", PERF_SAMPLE_BRANCH_IN_TX }, { "no_tx", PERF_SAMPLE_BRANCH_NO_TX },
		{ "cond", PERF_SAMPLE_BRANCH_COND }, { "ind_jmp", PERF_SAMPLE_BRANCH_IND_JUMP },
		{ "call", PERF_SAMPLE_BRANCH_CALL }, { "save_type", PERF_SAMPLE_BRANCH_TYPE_SAVE },
		{ "stack", PERF_SAMPLE_BRANCH_CALL_STACK },
	};
	char *copy, *tok, *save = NULL;
	int err = 0;

	copy = strdup(str);
	if (!copy)
		return -ENOMEM;
	*mask = 0;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < ARRAY_SIZE(modes); i++)
			if (!strcasecmp(tok, modes[i].name))
				break;
		if (i == ARRAY_SIZE(modes)) {
			pr_err("unknown branch filter %s, check man page\n", tok);
			err = -EINVAL;
			break;
		}
		*mask |= modes[i].bit;
	}
	free(copy);
	/* Privilege levels alone mean "any branch" at those levels. */
	if (!err && !(*mask & ~(uint64_t)(PERF_SAMPLE_BRANCH_USER | PERF_SAMPLE_BRANCH_KERNEL |
					 PERF_SAMPLE_BRANCH_HV)))
		*mask |= PERF_SAMPLE_BRANCH_ANY;
	return err;
}

int switch_output__parse(struct switch_output *so, const char *str)
{
	uint64_t v;

	if (!str || !strcmp(str, "signal")) {
		so->signal = true;
	} else if (!record__parse_tagged(str, size_units, size_mults, &v)) {
		so->size = v;
	} else if (!record__parse_tagged(str, time_units, time_mults, &v) && v) {
		so->time = (unsigned long)v;
	} else {
		return -EINVAL;
	}
	so->enabled = true;
	return 0;
}

int record__read_lost(struct evsel *evsel, int cpu_idx, int thread_idx, uint64_t *lost)
{
	uint64_t buf[5];
	uint64_t rf = evsel->attr.read_format;
	int fd = evsel__fd(evsel, cpu_idx, thread_idx), n = 1;
	ssize_t got;

	if (fd < 0 || !(rf & PERF_FORMAT_LOST) || (rf & PERF_FORMAT_GROUP))
		return -EINVAL;
	n += !!(rf & PERF_FORMAT_TOTAL_TIME_ENABLED) + !!(rf & PERF_FORMAT_TOTAL_TIME_RUNNING) +
	     !!(rf & PERF_FORMAT_ID);
	do {
		got = read(fd, buf, (size_t)(n + 1) * sizeof(uint64_t));
	} while (got < 0 && errno == EINTR);
	if (got < 0)
		return -errno;
	if ((size_t)got != (size_t)(n + 1) * sizeof(uint64_t))
		return -EIO;
	*lost = buf[n];
	return 0;
}
