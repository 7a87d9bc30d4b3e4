// SPDX-License-Identifier: GPL-2.0
/* The option callbacks of perf record that parse into record_opts and friends. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "control.h"
#include "debug.h"
#include "evlist.h"
#include "evsel.h"
#include "parse-options.h"
#include "record.h"
#include "record-options.h"
#include "util.h"

int record__branch_any_cb(const struct option *opt, const char *arg __maybe_unused,
			  int unset)
{
	uint64_t *mask = opt->value;

	*mask = unset ? 0 : PERF_SAMPLE_BRANCH_ANY;
	return 0;
}

int record__branch_filter_cb(const struct option *opt, const char *arg, int unset)
{
	uint64_t *mask = opt->value;

	if (unset) {
		*mask = 0;
		return 0;
	}
	return record__parse_branch_filter(arg, mask) ? -1 : 0;
}

int record__comp_level_cb(const struct option *opt, const char *arg, int unset)
{
	uint32_t *level = opt->value;
	char *end;
	long v;

	if (unset || !arg) {
		*level = unset ? 0 : 1;
		return 0;
	}
	v = strtol(arg, &end, 0);
	if (*end || v < 0) {
		pr_err("invalid compression level '%s'\n", arg);
		return -1;
	}
	/* zstd's levels end at 22; the reference accepts more and clamps. */
	*level = v > 22 ? 22 : (uint32_t)v;
	return 0;
}

int record__mmap_pages_cb(const struct option *opt, const char *arg, int unset)
{
	struct record_opts *opts = opt->value;

	if (unset) {
		opts->mmap_pages = 0;
		return 0;
	}
	return record__parse_mmap_pages(arg, &opts->mmap_pages, NULL) ? -1 : 0;
}

int record__call_graph_cb(const struct option *opt, const char *arg, int unset)
{
	return record_opts__parse_callgraph(opt->value, unset ? "no" : arg) ? -1 : 0;
}

int record__clockid_cb(const struct option *opt, const char *arg, int unset)
{
	int *clockid = opt->value;

	if (unset) {
		*clockid = -1;
		return 0;
	}
	return record__parse_clockid(arg, clockid) ? -1 : 0;
}

int record__max_size_cb(const struct option *opt, const char *arg, int unset)
{
	static const uint64_t mults[] = { 1, 1ULL << 10, 1ULL << 20, 1ULL << 30 };
	uint64_t *size = opt->value;

	if (unset) {
		*size = 0;
		return 0;
	}
	return record__parse_tagged(arg, "BKMG", mults, size) ? -1 : 0;
}

int record__delay_cb(const struct option *opt, const char *arg, int unset)
{
	struct record_opts *opts = opt->value;

	if (unset) {
		opts->initial_delay = 0;
		return 0;
	}
	return record_opts__parse_delay(opts, arg) ? -1 : 0;
}

/* Checked after the options, as the reference (a bad value exits 234). */
int record__switch_output_cb(const struct option *opt, const char *arg, int unset)
{
	const char **str = opt->value;

	*str = unset ? NULL : arg ? arg : "signal";
	return 0;
}

int record__control_cb(const struct option *opt, const char *arg, int unset)
{
	struct perf_control *ctl = opt->value;
	char msg[256] = "";

	perf_control__close(ctl);
	if (unset)
		return 0;
	if (perf_control__parse(ctl, arg, msg, sizeof(msg))) {
		if (*msg)
			pr_err("%s\n", msg);
		return -1;
	}
	return 0;
}

/* --exclude-perf: the last -e's tracepoints ignore perf's own pid. */
int record__exclude_perf_cb(const struct option *opt, const char *arg __maybe_unused,
			    int unset __maybe_unused)
{
	struct evlist *evlist = *(struct evlist **)opt->value;
	struct evsel *last = evlist__last(evlist);
	char *filter;

	if (!last || last->attr.type != PERF_TYPE_TRACEPOINT) {
		pr_err("--exclude-perf option should follow a -e tracepoint option\n");
		return -1;
	}
	if ((last->filter ? asprintf(&filter, "(%s) && (common_pid != %d)", last->filter, getpid()) :
			    asprintf(&filter, "common_pid != %d", getpid())) < 0)
		return -1;
	free(last->filter);
	last->filter = filter;
	return 0;
}

int record__callgraph_cb(const struct option *opt, const char *arg __maybe_unused,
			 int unset)
{
	struct record_opts *opts = opt->value;

	/* The configured mode, without the -d the --call-graph dwarf implies. */
	opts->callgraph = unset ? CALLCHAIN_NONE :
			  opts->config_callgraph ? opts->config_callgraph : CALLCHAIN_FP;
	if (opts->callgraph == CALLCHAIN_DWARF && opts->config_stack_size)
		opts->stack_size = opts->config_stack_size;
	return 0;
}
