// SPDX-License-Identifier: GPL-2.0
/*
 * perf evlist: the events a perf.data file was recorded with, one per
 * line, optionally with their attrs (-v), periods (-F), groups (-g) or
 * tracepoint fields (--trace-fields), as the reference prints them.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "util/data.h"
#include "util/debug.h"
#include "util/evlist.h"
#include "util/evsel.h"
#include "util/header.h"
#include "util/parse-options.h"
#include "util/session.h"
#include "util/strbuf.h"
#include "util/tool.h"
#include "util/trace-data.h"
#include "util/util.h"

/**
 * struct evlist_cmd - perf evlist's options
 * @verbose:      -v: every attr field that is set
 * @freq:         -F: the sampling frequency or period
 * @event_group:  -g: groups as "{a,b}"
 * @trace_fields: --trace-fields: a tracepoint's fields
 */
struct evlist_cmd {
	struct perf_tool tool;
	const char *input_name;
	bool force;
	bool verbose;
	bool freq;
	bool event_group;
	bool trace_fields;
};

/* The reference's separator: ':' before the first item, ',' before the others. */
static void comma_fprintf(FILE *fp, bool *first, const char *fmt, ...) __printf(3, 4);
static void comma_fprintf(FILE *fp, bool *first, const char *fmt, ...)
{
	va_list ap;

	fputc(*first ? ':' : ',', fp);
	*first = false;
	va_start(ap, fmt);
	vfprintf(fp, fmt, ap);
	va_end(ap);
}

static int attr_field__fprintf(FILE *fp, const char *name, const char *val, void *priv)
{
	comma_fprintf(fp, priv, " %s: %s", name, val);
	return 0;
}

static void evlist_cmd__print_fields(struct perf_session *session, struct evsel *evsel,
				     FILE *fp, bool *first)
{
	const struct perf_env *env = &session->header.env;
	struct strbuf sb = STRBUF_INIT;
	struct trace_data_event ev;

	if (evsel->attr.type != PERF_TYPE_TRACEPOINT) {
		comma_fprintf(fp, first, " (not a tracepoint)");
		return;
	}
	if (!env->tracing_data ||
	    trace_data__find_event(env->tracing_data, env->tracing_data_size,
				   evsel->attr.config, &ev) ||
	    trace_data_event__fields(&ev, &sb) || !sb.len) {
		comma_fprintf(fp, first, " (no trace field)");
		strbuf_release(&sb);
		return;
	}
	comma_fprintf(fp, first, " trace_fields: %s", sb.buf);
	strbuf_release(&sb);
}

static void evlist_cmd__print(struct evlist_cmd *cmd, struct perf_session *session,
			      struct evsel *evsel, FILE *fp)
{
	bool first = true;

	if (cmd->event_group) {
		struct evsel *pos;

		if (!evsel__is_group_leader(evsel))
			return;
		if (evsel->nr_members > 1)
			fprintf(fp, "%s{", evsel->group_name ? evsel->group_name : "");
		fprintf(fp, "%s", evsel__name(evsel));
		evlist__for_each_entry(session->evlist, pos)
			if (pos != evsel && pos->leader == evsel)
				fprintf(fp, ",%s", evsel__name(pos));
		if (evsel->nr_members > 1)
			fprintf(fp, "}");
		fputc('\n', fp);
		return;
	}
	fprintf(fp, "%s", evsel__name(evsel));
	if (cmd->verbose) {
		perf_event_attr__fprintf_cb(fp, &evsel->attr, attr_field__fprintf, &first);
	} else if (cmd->freq) {
		comma_fprintf(fp, &first, " %s=%llu",
			      evsel->attr.freq ? "sample_freq" : "sample_period",
			      (unsigned long long)evsel->attr.sample_period);
	}
	if (cmd->trace_fields)
		evlist_cmd__print_fields(session, evsel, fp, &first);
	fputc('\n', fp);
}

/* Pipe mode: the attrs come first; the first feature record ends them. */
static int evlist_cmd__feature(struct perf_session *session, union perf_event *event)
{
	(void)event;
	session->done = true;
	return 0;
}

int cmd_evlist(int argc, const char **argv)
{
	struct evlist_cmd cmd = {
		.tool = {
			.attr = perf_tool__noop2,
			.feature = evlist_cmd__feature,
		},
	};
	const struct option options[] = {
		OPT_STRING('i', "input", &cmd.input_name, "file", "Input file name"),
		OPT_BOOLEAN('F', "freq", &cmd.freq, "Show the sample frequency"),
		OPT_BOOLEAN('v', "verbose", &cmd.verbose, "Show all event attr details"),
		OPT_BOOLEAN('g', "group", &cmd.event_group, "Show event group information"),
		OPT_BOOLEAN('f', "force", &cmd.force, "don't complain, do it"),
		OPT_BOOLEAN(0, "trace-fields", &cmd.trace_fields, "Show tracepoint fields"),
		OPT_END()
	};
	const char * const evlist_usage[] = {
		"perf evlist [<options>]",
		NULL
	};
	struct perf_data data = { .mode = PERF_DATA_MODE_READ };
	struct perf_session *session;
	bool has_tracepoint = false;
	struct evsel *evsel;

	argc = parse_options(argc, argv, options, evlist_usage, 0);
	if (argc)
		usage_with_options(evlist_usage, options);
	if (cmd.event_group && (cmd.verbose || cmd.freq))
		usage_with_options_msg(evlist_usage, options,
				       "--group option is not compatible with other options\n");

	data.path = cmd.input_name;
	data.force = cmd.force;
	session = perf_session__new(&data, &cmd.tool);
	if (IS_ERR(session))
		return -1;
	if (session->header.is_pipe) {
		int err = perf_session__process_events(session);

		if (err && err != -ENODATA) {
			perf_session__delete(session);
			return -1;
		}
	}

	evlist__for_each_entry(session->evlist, evsel) {
		evlist_cmd__print(&cmd, session, evsel, stdout);
		if (evsel->attr.type == PERF_TYPE_TRACEPOINT)
			has_tracepoint = true;
	}
	if (has_tracepoint && !cmd.trace_fields)
		printf("# Tip: use 'perf evlist --trace-fields' to show fields for tracepoint events\n");
	perf_session__delete(session);
	return 0;
}
