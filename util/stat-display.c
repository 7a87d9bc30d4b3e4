// SPDX-License-Identifier: GPL-2.0
/* perf stat's human, CSV, JSON, interval and metric-only output. */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpumap.h"
#include "evlist.h"
#include "evsel.h"
#include "stat.h"
#include "stat-display.h"
#include "stat-shadow.h"
#include "target.h"
#include "thread_map.h"

#define CNTR_NOT_SUPPORTED	"<not supported>"
#define CNTR_NOT_COUNTED	"<not counted>"

/* Column widths of the human layout. */
#define COUNTS_LEN	18	/* the count, right-aligned */
#define EVNAME_LEN	32	/* event name of a counted line */
#define EVNAME_BAD_LEN	25	/* event name of a <not counted> line */
#define METRIC_LEN	35	/* " # value unit" */
/* Width of the continuation indent of a second metric line. */
#define NEW_LINE_INDENT	49

/* Blank width the aggregation prefix takes, for metric-only headers. */
static const int aggr_header_lens[AGGR_MAX] = {
	[AGGR_CORE] = 24,
	[AGGR_DIE] = 18,
	[AGGR_SOCKET] = 12,
	[AGGR_NONE] = 6,
	[AGGR_THREAD] = 24,
	[AGGR_NODE] = 6,
	[AGGR_GLOBAL] = 0,
};

/* CSV metric-only header of the prefix columns (the commas are the reference's). */
static const char *const aggr_header_csv[AGGR_MAX] = {
	[AGGR_CORE] = "core,cpus,",
	[AGGR_DIE] = "die,cpus",
	[AGGR_SOCKET] = "socket,cpus",
	[AGGR_NONE] = "cpu,",
	[AGGR_THREAD] = "comm-pid,",
	[AGGR_NODE] = "node,",
	[AGGR_GLOBAL] = "",
};

/* CSV fields before the metric, per mode, for a continued metric line. */
static const int aggr_fields[AGGR_MAX] = {
	[AGGR_NONE] = 1,
	[AGGR_GLOBAL] = 0,
	[AGGR_SOCKET] = 2,
	[AGGR_DIE] = 2,
	[AGGR_CORE] = 2,
	[AGGR_THREAD] = 1,
	[AGGR_NODE] = 1,
};

/**
 * struct outstate - where one counter line is being printed
 * @prefix:  interval timestamp or "summary" column ("" for none)
 * @newline: the next metric starts a continuation line
 * @nfields: CSV fields to leave empty on a continuation line
 */
struct outstate {
	FILE *fh;
	const char *prefix;
	bool newline;
	int nfields;
	struct aggr_cpu_id id;
	int nr;
	struct evsel *evsel;
	bool first;
};

static bool stat__is_std(const struct perf_stat_config *config)
{
	return !config->csv_output && !config->json_output;
}

static const char *thread_comm(const struct perf_stat_config *config, int idx)
{
	const struct perf_thread_map *threads = config->threads;

	if (!threads || idx < 0 || idx >= threads->nr || !threads->map[idx].comm)
		return "";
	return threads->map[idx].comm;
}

/* The line's aggregation columns: "CPU3 ", "S0-D0-C1    2 ", "bash-42 ", ... */
static void aggr_printout(struct perf_stat_config *config, const struct aggr_cpu_id *id,
			  int nr)
{
	FILE *out = config->output;
	const char *sep = config->csv_sep;
	bool csv = config->csv_output;

	if (config->json_output && !config->interval)
		fputc('{', out);

	switch (config->aggr_mode) {
	case AGGR_CORE:
		if (config->json_output)
			fprintf(out, "\"core\" : \"S%d-D%d-C%d\", \"aggregate-number\" : %d, ",
				id->socket, id->die, id->core, nr);
		else
			fprintf(out, "S%d-D%d-C%*d%s%*d%s", id->socket, id->die,
				csv ? 0 : -8, id->core, sep, csv ? 0 : 4, nr, sep);
		break;
	case AGGR_DIE:
		if (config->json_output)
			fprintf(out, "\"die\" : \"S%d-D%d\", \"aggregate-number\" : %d, ",
				id->socket, id->die, nr);
		else
			fprintf(out, "S%d-D%*d%s%*d%s", id->socket, csv ? 0 : -8,
				id->die, sep, csv ? 0 : 4, nr, sep);
		break;
	case AGGR_SOCKET:
		if (config->json_output)
			fprintf(out, "\"socket\" : \"S%d\", \"aggregate-number\" : %d, ",
				id->socket, nr);
		else
			fprintf(out, "S%*d%s%*d%s", csv ? 0 : -5, id->socket, sep,
				csv ? 0 : 4, nr, sep);
		break;
	case AGGR_NODE:
		if (config->json_output)
			fprintf(out, "\"node\" : \"N%d\", \"aggregate-number\" : %d, ",
				id->node, nr);
		else
			fprintf(out, "N%*d%s%*d%s", csv ? 0 : -5, id->node, sep,
				csv ? 0 : 4, nr, sep);
		break;
	case AGGR_NONE:
		if (id->cpu < 0)
			break;
		if (config->json_output)
			fprintf(out, "\"cpu\" : \"%d\", ", id->cpu);
		else
			fprintf(out, "CPU%*d%s", csv ? 0 : -7, id->cpu, sep);
		break;
	case AGGR_THREAD:
		if (config->json_output)
			fprintf(out, "\"thread\" : \"%s-%d\", ",
				thread_comm(config, id->thread_idx),
				perf_thread_map__pid(config->threads, id->thread_idx));
		else
			fprintf(out, "%*s-%*d%s", csv ? 0 : 16,
				thread_comm(config, id->thread_idx), csv ? 0 : -8,
				perf_thread_map__pid(config->threads, id->thread_idx), sep);
		break;
	case AGGR_GLOBAL:
	case AGGR_MAX:
	default:
		break;
	}
}

/* ---- metric printers, one per format ---- */

/* The number of a metric as CSV and JSON show it: "  12.34%" -> "12.34". */
static const char *metric_number(char *buf, size_t size, const char *fmt, double val)
{
	char *vals, *end;

	snprintf(buf, size, fmt ? fmt : "", val);
	vals = buf;
	while (isspace((unsigned char)*vals))
		vals++;
	end = vals;
	while (isdigit((unsigned char)*end) || *end == '.')
		end++;
	*end = '\0';
	return vals;
}

static const char *skip_spaces(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

static int print_colored(struct perf_stat_config *config, FILE *out, const char *color,
			 const char *fmt, double val)
{
	int n = 0;
	bool colored = color && config->use_color;

	if (colored)
		n += fprintf(out, "%s", color);
	n += fprintf(out, fmt, val);
	if (colored)
		n += fprintf(out, "%s", STAT_COLOR_RESET);
	return n;
}

static void new_line_std(struct perf_stat_config *config, void *ctx)
{
	struct outstate *os = ctx;

	(void)config;
	os->newline = true;
}

static void do_new_line_std(struct perf_stat_config *config, struct outstate *os)
{
	fputc('\n', os->fh);
	fputs(os->prefix, os->fh);
	aggr_printout(config, &os->id, os->nr);
	if (config->aggr_mode == AGGR_NONE)
		fprintf(os->fh, "        ");
	fprintf(os->fh, "%*s", NEW_LINE_INDENT, "");
}

static void print_metric_std(struct perf_stat_config *config, void *ctx,
			     const char *color, const char *fmt,
			     const char *unit, double val)
{
	struct outstate *os = ctx;
	FILE *out = os->fh;
	bool newline = os->newline;
	int n;

	os->newline = false;
	if (!unit || !fmt) {
		fprintf(out, "%-*s", METRIC_LEN, "");
		return;
	}
	if (newline)
		do_new_line_std(config, os);
	n = fprintf(out, " # ");
	n += print_colored(config, out, color, fmt, val);
	fprintf(out, " %-*s", METRIC_LEN - n - 1, unit);
}

static void new_line_csv(struct perf_stat_config *config, void *ctx)
{
	struct outstate *os = ctx;
	int i;

	fputc('\n', os->fh);
	fputs(os->prefix, os->fh);
	aggr_printout(config, &os->id, os->nr);
	for (i = 0; i < os->nfields; i++)
		fputs(config->csv_sep, os->fh);
}

static void print_metric_csv(struct perf_stat_config *config, void *ctx,
			     const char *color, const char *fmt,
			     const char *unit, double val)
{
	struct outstate *os = ctx;
	char buf[64];
	const char *vals;

	(void)color;
	if (!unit || !fmt) {
		fprintf(os->fh, "%s%s", config->csv_sep, config->csv_sep);
		return;
	}
	vals = metric_number(buf, sizeof(buf), fmt, val);
	fprintf(os->fh, "%s%s%s%s", config->csv_sep, vals, config->csv_sep,
		skip_spaces(unit));
}

static void new_line_json(struct perf_stat_config *config, void *ctx)
{
	struct outstate *os = ctx;

	fputc('\n', os->fh);
	fputs(os->prefix, os->fh);
	aggr_printout(config, &os->id, os->nr);
}

static void print_metric_json(struct perf_stat_config *config, void *ctx,
			      const char *color, const char *fmt,
			      const char *unit, double val)
{
	struct outstate *os = ctx;

	(void)color;
	(void)fmt;
	/* A counter without a metric says "(null)" here, as the reference. */
	fprintf(os->fh, "\"metric-value\" : %f, \"metric-unit\" : \"%s\"", val,
		unit ? unit : "(null)");
	if (!config->metric_only)
		fputc('}', os->fh);
}

static void new_line_metric(struct perf_stat_config *config, void *ctx)
{
	(void)config;
	(void)ctx;
}

/* Rates and "CPUs utilized" are left out of --metric-only columns. */
static bool valid_only_metric(const char *unit)
{
	if (!unit)
		return false;
	return !strstr(unit, "/sec") && !strstr(unit, "CPUs utilized");
}

/* "of all branches" alone says nothing as a column title: name the event. */
static const char *fixunit(char *buf, size_t size, struct evsel *evsel, const char *unit)
{
	if (!strncmp(unit, "of all", 6)) {
		snprintf(buf, size, "%s %s", evsel__name(evsel), unit);
		return buf;
	}
	return unit;
}

static void print_metric_only(struct perf_stat_config *config, void *ctx,
			      const char *color, const char *fmt,
			      const char *unit, double val)
{
	struct outstate *os = ctx;
	char buf[1024], str[1024];
	bool colored = color && config->use_color;
	int mlen = config->metric_only_len;

	if (!valid_only_metric(unit))
		return;
	unit = fixunit(buf, sizeof(buf), os->evsel, unit);
	if (mlen < (int)strlen(unit))
		mlen = (int)strlen(unit) + 1;
	if (colored)
		mlen += (int)(strlen(color) + strlen(STAT_COLOR_RESET));
	if (colored) {
		char num[512];

		snprintf(num, sizeof(num), fmt ? fmt : "", val);
		snprintf(str, sizeof(str), "%s%s%s", color, num, STAT_COLOR_RESET);
	} else {
		snprintf(str, sizeof(str), fmt ? fmt : "", val);
	}
	fprintf(os->fh, "%*s ", mlen, str);
}

static void print_metric_only_csv(struct perf_stat_config *config, void *ctx,
				  const char *color, const char *fmt,
				  const char *unit, double val)
{
	struct outstate *os = ctx;
	char buf[64];

	(void)color;
	if (!valid_only_metric(unit))
		return;
	fprintf(os->fh, "%s%s", metric_number(buf, sizeof(buf), fmt, val),
		config->csv_sep);
}

static void print_metric_only_json(struct perf_stat_config *config, void *ctx,
				   const char *color, const char *fmt,
				   const char *unit, double val)
{
	struct outstate *os = ctx;
	char buf[64];

	(void)config;
	(void)color;
	if (!valid_only_metric(unit))
		return;
	fprintf(os->fh, "{\"metric-value\" : \"%s\"}",
		metric_number(buf, sizeof(buf), fmt, val));
}

static void print_metric_header(struct perf_stat_config *config, void *ctx,
				const char *color, const char *fmt,
				const char *unit, double val)
{
	struct outstate *os = ctx;
	char buf[1024];

	(void)color;
	(void)fmt;
	(void)val;
	if (config->json_output) {
		fprintf(os->fh, "\"unit\" : \"%s\"", unit ? unit : "(null)");
		return;
	}
	if (!valid_only_metric(unit))
		return;
	unit = fixunit(buf, sizeof(buf), os->evsel, unit);
	if (config->csv_output)
		fprintf(os->fh, "%s%s", unit, config->csv_sep);
	else
		fprintf(os->fh, "%*s ", config->metric_only_len, unit);
}

/* ---- one counter ---- */

static void print_noise(struct perf_stat_config *config, struct evsel *evsel, double avg)
{
	struct perf_stat_evsel *ps = evsel__stat(evsel);
	double pct;

	if (config->run_count == 1 || !ps)
		return;
	pct = stats__rel_pct(stats__stddev(&ps->res_stats[0]), avg);
	if (config->json_output)
		fprintf(config->output, "\"variance\" : %.2f, ", pct);
	else if (config->csv_output)
		fprintf(config->output, "%s%.2f%%", config->csv_sep, pct);
	else if (pct)
		fprintf(config->output, "  ( +-%6.2f%% )", pct);
}

static void print_running(struct perf_stat_config *config, uint64_t run, uint64_t ena)
{
	/* CSV and JSON divide in integers, so "66.00", as the reference. */
	double pct = run != ena ? (double)(100 * run / ena) : 100.0;

	if (config->json_output)
		fprintf(config->output,
			"\"event-runtime\" : %" PRIu64 ", \"pcnt-running\" : %.2f, ",
			run, pct);
	else if (config->csv_output)
		fprintf(config->output, "%s%" PRIu64 "%s%.2f", config->csv_sep, run,
			config->csv_sep, pct);
	else if (run != ena)
		fprintf(config->output, "  (%.2f%%)", 100.0 * (double)run / (double)ena);
}

static void print_cgroup(struct perf_stat_config *config, struct evsel *evsel)
{
	struct perf_stat_evsel *ps = evsel__stat(evsel);

	if (!ps || !ps->cgroup)
		return;
	if (config->json_output)
		fprintf(config->output, "\"cgroup\" : \"%s\", ", ps->cgroup);
	else
		fprintf(config->output, "%s%s", config->csv_sep, ps->cgroup);
}

static const char *evsel__unit_str(const struct evsel *evsel)
{
	return evsel->unit ? evsel->unit : "";
}

static void abs_printout(struct perf_stat_config *config, struct evsel *evsel,
			 const struct aggr_cpu_id *id, int nr, double uval)
{
	FILE *out = config->output;
	bool fraction = floor(evsel->scale) != evsel->scale;

	aggr_printout(config, id, nr);

	if (config->json_output) {
		fprintf(out, "\"counter-value\" : \"%f\", ", uval);
		fprintf(out, "\"unit\" : \"%s\", ", evsel__unit_str(evsel));
		fprintf(out, "\"event\" : \"%s\", ", evsel__name(evsel));
	} else if (config->csv_output) {
		fprintf(out, fraction ? "%.2f%s" : "%.0f%s", uval, config->csv_sep);
		fprintf(out, "%s%s", evsel__unit_str(evsel), config->csv_sep);
		fprintf(out, "%s", evsel__name(evsel));
	} else {
		if (config->big_num)
			fprintf(out, fraction ? "%'*.2f " : "%'*.0f ", COUNTS_LEN, uval);
		else
			fprintf(out, fraction ? "%*.2f " : "%*.0f ", COUNTS_LEN, uval);
		fprintf(out, "%-*s ", config->unit_width, evsel__unit_str(evsel));
		fprintf(out, "%-*s", EVNAME_LEN, evsel__name(evsel));
	}
	print_cgroup(config, evsel);
}

static void bad_printout(struct perf_stat_config *config, struct evsel *evsel,
			 const struct aggr_cpu_id *id, int nr)
{
	struct perf_stat_evsel *ps = evsel__stat(evsel);
	bool supported = ps && ps->supported;
	const char *what = supported ? CNTR_NOT_COUNTED : CNTR_NOT_SUPPORTED;
	FILE *out = config->output;

	aggr_printout(config, id, nr);
	if (config->json_output) {
		fprintf(out, "\"counter-value\" : \"%s\", ", what);
		fprintf(out, "\"unit\" : \"%s\", ", evsel__unit_str(evsel));
		fprintf(out, "\"event\" : \"%s\", ", evsel__name(evsel));
	} else {
		fprintf(out, "%*s%s", config->csv_output ? 0 : COUNTS_LEN, what,
			config->csv_sep);
		fprintf(out, "%-*s%s", config->csv_output ? 0 : config->unit_width,
			evsel__unit_str(evsel), config->csv_sep);
		fprintf(out, "%-*s", config->csv_output ? 0 : EVNAME_BAD_LEN,
			evsel__name(evsel));
	}
	/* Opened but never scheduled: the NMI watchdog may hold a counter. */
	if (supported)
		config->print_free_counters_hint = true;
	print_cgroup(config, evsel);
}

/*
 * One counter's line: its count (or why there is none), its metrics, the
 * -r noise and the multiplexing percentage, in each format's order.
 */
static void printout(struct perf_stat_config *config, struct evsel *evsel,
		     const struct aggr_cpu_id *id, int nr, int bucket, double uval,
		     const char *prefix, uint64_t run, uint64_t ena, double noise)
{
	struct perf_stat_evsel *ps = evsel__stat(evsel);
	struct outstate os = {
		.fh = config->output,
		.prefix = prefix ? prefix : "",
		.id = *id,
		.nr = nr,
		.evsel = evsel,
	};
	struct perf_stat_output_ctx out = { .ctx = &os };
	bool metric_only = config->metric_only;

	if (config->csv_output) {
		out.print_metric = metric_only ? print_metric_only_csv : print_metric_csv;
		out.new_line = metric_only ? new_line_metric : new_line_csv;
		os.nfields = 3 + aggr_fields[config->aggr_mode] +
			     (ps && ps->cgroup ? 1 : 0);
	} else if (config->json_output) {
		out.print_metric = metric_only ? print_metric_only_json : print_metric_json;
		out.new_line = metric_only ? new_line_metric : new_line_json;
	} else {
		out.print_metric = metric_only ? print_metric_only : print_metric_std;
		out.new_line = metric_only ? new_line_metric : new_line_std;
	}

	if (run == 0 || ena == 0 || (config->aggr_mode == AGGR_GLOBAL && ps && ps->scaled == -1)) {
		if (metric_only) {
			out.print_metric(config, &os, NULL, "", "", 0);
			return;
		}
		bad_printout(config, evsel, id, nr);
		if (stat__is_std(config))
			out.print_metric(config, &os, NULL, NULL, "", 0);
		print_noise(config, evsel, noise);
		print_running(config, run, ena);
		if (!stat__is_std(config))
			out.print_metric(config, &os, NULL, NULL, "", 0);
		return;
	}

	if (!metric_only)
		abs_printout(config, evsel, id, nr, uval);
	if (!stat__is_std(config) && !metric_only) {
		print_noise(config, evsel, noise);
		print_running(config, run, ena);
	}
	perf_stat__print_shadow_stats(config, evsel, uval, bucket, &out);
	if (stat__is_std(config) && !metric_only) {
		print_noise(config, evsel, noise);
		print_running(config, run, ena);
	}
}

/* ---- headers and footer ---- */

static void print_header(struct perf_stat_config *config, const struct target *target,
			 int argc, const char **argv)
{
	FILE *out = config->output;
	int i;

	fflush(stdout);
	if (!stat__is_std(config))
		return;
	fprintf(out, "\n Performance counter stats for ");
	if (target->system_wide) {
		fprintf(out, "'system wide");
	} else if (target->cpu_list) {
		fprintf(out, "'CPU(s) %s", target->cpu_list);
	} else if (!target__has_task(target)) {
		fprintf(out, "'%s", argv && argc ? argv[0] : "pipe");
		for (i = 1; argv && i < argc; i++)
			fprintf(out, " %s", argv[i]);
	} else if (target->pid) {
		fprintf(out, "process id '%s", target->pid);
	} else {
		fprintf(out, "thread id '%s", target->tid);
	}
	fputc('\'', out);
	if (config->run_count > 1)
		fprintf(out, " (%d runs)", config->run_count);
	fprintf(out, ":\n\n");
}

/* Column titles of the metrics, for --metric-only. */
static void print_metric_headers(struct perf_stat_config *config, struct evlist *evlist,
				 const char *prefix, bool no_indent)
{
	FILE *out = config->output;
	struct evsel *evsel;
	bool first = true;

	if (config->json_output)
		fputc('{', out);
	if (prefix && !config->json_output)
		fputs(prefix, out);
	if (!config->csv_output && !no_indent)
		fprintf(out, "%*s", aggr_header_lens[config->aggr_mode], "");
	if (config->csv_output) {
		if (config->interval)
			fputs("time,", out);
		fputs(aggr_header_csv[config->aggr_mode], out);
	}

	/*
	 * The reference fills the titles only in -A mode (the other modes
	 * have not computed their metric inputs when it prints them), so
	 * the titles of the other modes are empty: kept, scripts see the
	 * same lines.
	 */
	if (config->aggr_mode == AGGR_NONE) {
		evlist__for_each_entry(evlist, evsel) {
			struct outstate os = { .fh = out, .prefix = "", .evsel = evsel };
			struct perf_stat_output_ctx octx = {
				.ctx = &os,
				.print_metric = print_metric_header,
				.new_line = new_line_metric,
			};

			if (!first && config->json_output)
				fputs(", ", out);
			first = false;
			perf_stat__print_shadow_stats(config, evsel, 0, 0, &octx);
		}
	}
	if (config->json_output)
		fputc('}', out);
	fputc('\n', out);
}

static void print_interval(struct perf_stat_config *config, struct evlist *evlist,
			   char *prefix, size_t size, const struct timespec *ts)
{
	FILE *out = config->output;
	bool metric_only = config->metric_only;
	const char *head = NULL, *tail = "             counts %*s events\n";

	if (config->interval_clear)
		puts("\033[H\033[2J");

	if (config->json_output)
		snprintf(prefix, size, metric_only ? "{\"interval\" : %lu.%09lu}" :
			 "{\"interval\" : %lu.%09lu, ",
			 (unsigned long)ts->tv_sec, (unsigned long)ts->tv_nsec);
	else
		snprintf(prefix, size, "%6lu.%09lu%s", (unsigned long)ts->tv_sec,
			 (unsigned long)ts->tv_nsec, config->csv_sep);

	if ((config->num_print_interval == 0 && stat__is_std(config)) ||
	    config->interval_clear) {
		switch (config->aggr_mode) {
		case AGGR_NODE:
			head = "#           time node   cpus";
			break;
		case AGGR_SOCKET:
			head = "#           time socket cpus";
			break;
		case AGGR_DIE:
			head = "#           time die          cpus";
			break;
		case AGGR_CORE:
			head = "#           time core            cpus";
			break;
		case AGGR_NONE:
			head = "#           time CPU    ";
			tail = "                counts %*s events\n";
			break;
		case AGGR_THREAD:
			head = "#           time             comm-pid";
			tail = "                  counts %*s events\n";
			break;
		case AGGR_GLOBAL:
		case AGGR_MAX:
		default:
			head = "#           time";
			break;
		}
		fputs(head, out);
		if (!metric_only)
			fprintf(out, tail, config->unit_width, "unit");
	}

	if ((config->num_print_interval == 0 || config->interval_clear) && metric_only)
		print_metric_headers(config, evlist, " ", true);
	/* The column titles come back every 25 intervals, as in top(1). */
	if (++config->num_print_interval == 25)
		config->num_print_interval = 0;
}

static int get_precision(double num)
{
	if (num > 1)
		return 0;
	return (int)lround(ceil(-log10(num)));
}

static void print_table(struct perf_stat_config *config, int precision, double avg)
{
	FILE *out = config->output;
	char tmp[64];
	int idx, indent = 0;

	snprintf(tmp, sizeof(tmp), " %17.*f", precision, avg);
	while (tmp[indent] == ' ')
		indent++;

	fprintf(out, "%*s# Table of individual measurements:\n", indent, "");
	for (idx = 0; idx < config->run_count; idx++) {
		double run = (double)config->walltime_run[idx] / 1e9;
		int h, n = 1 + abs((int)(100.0 * (run - avg) / run) / 5);

		fprintf(out, " %17.*f (%+.*f) ", precision, run, precision, run - avg);
		for (h = 0; h < n; h++)
			fputc('#', out);
		fputc('\n', out);
	}
	fprintf(out, "\n%*s# Final result:\n", indent, "");
}

static double timeval__seconds(const struct timeval *tv)
{
	return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

static void print_footer(struct perf_stat_config *config)
{
	double avg = stats__avg(&config->walltime_nsecs_stats) / 1e9;
	FILE *out = config->output;

	if (config->interval || !stat__is_std(config))
		return;
	if (!config->null_run)
		fputc('\n', out);

	if (config->run_count == 1) {
		fprintf(out, " %17.9f seconds time elapsed", avg);
		if (config->ru_display) {
			fprintf(out, "\n\n");
			fprintf(out, " %17.9f seconds user\n",
				timeval__seconds(&config->ru_data.ru_utime));
			fprintf(out, " %17.9f seconds sys\n",
				timeval__seconds(&config->ru_data.ru_stime));
		}
	} else {
		double sd = stats__stddev(&config->walltime_nsecs_stats) / 1e9;
		/* Two digits more than the first uncertain one. */
		int precision = get_precision(sd) + 2;

		if (config->walltime_run_table && config->walltime_run)
			print_table(config, precision, avg);
		fprintf(out, " %17.*f +- %.*f seconds time elapsed", precision, avg,
			precision, sd);
		if (stats__rel_pct(sd, avg))
			fprintf(out, "  ( +-%6.2f%% )", stats__rel_pct(sd, avg));
	}
	fprintf(out, "\n\n");

	if (config->print_free_counters_hint && config->nmi_watchdog)
		fprintf(out,
			"Some events weren't counted. Try disabling the NMI watchdog:\n"
			"\techo 0 > /proc/sys/kernel/nmi_watchdog\n"
			"\tperf stat ...\n"
			"\techo 1 > /proc/sys/kernel/nmi_watchdog\n");
	if (config->print_mixed_hw_group_error)
		fprintf(out, "The events in group usually have to be from "
			"the same PMU. Try reorganizing the group.\n");
}

/* ---- the modes ---- */

static void print_counter_global(struct perf_stat_config *config, struct evsel *evsel,
				 const char *prefix)
{
	struct perf_stat_evsel *ps = evsel__stat(evsel);
	struct aggr_cpu_id id = { -1, -1, -1, -1, -1, -1 };
	struct perf_stat_aggr a = { 0, 0, 0, 0 };

	if (ps && ps->nr_aggr)
		a = ps->aggr[0];
	if (prefix && !config->metric_only)
		fputs(prefix, config->output);
	printout(config, evsel, &id, 0, 0, (double)a.val * evsel->scale, prefix,
		 a.run, a.ena, (double)a.val);
	if (!config->metric_only)
		fputc('\n', config->output);
}

static void print_bucket(struct perf_stat_config *config, struct evsel *evsel,
			 int bucket, const char *prefix, bool *first)
{
	struct perf_stat_evsel *ps = evsel__stat(evsel);
	struct aggr_cpu_id id = config->aggr_map->ids[bucket];
	struct perf_stat_aggr a = { 0, 0, 0, 0 };

	if (ps && bucket < ps->nr_aggr)
		a = ps->aggr[bucket];
	if (*first && config->metric_only) {
		*first = false;
		aggr_printout(config, &id, a.nr);
	}
	if (prefix && !config->metric_only)
		fputs(prefix, config->output);
	printout(config, evsel, &id, a.nr, bucket, (double)a.val * evsel->scale, prefix,
		 a.run, a.ena, 1.0);
	if (!config->metric_only)
		fputc('\n', config->output);
}

static void print_aggr(struct perf_stat_config *config, struct evlist *evlist,
		       const char *prefix)
{
	struct evsel *evsel;
	int b;

	for (b = 0; b < config->aggr_map->nr; b++) {
		bool first = true;

		if (prefix && config->metric_only)
			fputs(prefix, config->output);
		evlist__for_each_entry(evlist, evsel)
			print_bucket(config, evsel, b, prefix, &first);
		if (config->metric_only)
			fputc('\n', config->output);
	}
}

static int cpu_bucket(struct perf_stat_config *config, int cpu)
{
	int b;

	for (b = 0; b < config->aggr_map->nr; b++)
		if (config->aggr_map->ids[b].cpu == cpu)
			return b;
	return -1;
}

/* -A: each counter on each of its own CPUs (a tool event has only one). */
static void print_no_aggr(struct perf_stat_config *config, struct evlist *evlist,
			  const char *prefix)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel) {
		bool first = false;
		int i;

		for (i = 0; i < perf_cpu_map__nr(evsel->cpus); i++) {
			int b = cpu_bucket(config, perf_cpu_map__cpu(evsel->cpus, i).cpu);

			if (b >= 0)
				print_bucket(config, evsel, b, prefix, &first);
		}
	}
}

static void print_no_aggr_metric(struct perf_stat_config *config, struct evlist *evlist,
				 const char *prefix)
{
	int b;

	for (b = 0; b < config->aggr_map->nr; b++) {
		struct aggr_cpu_id id = config->aggr_map->ids[b];
		struct evsel *evsel;
		bool first = true;

		evlist__for_each_entry(evlist, evsel) {
			struct perf_stat_evsel *ps = evsel__stat(evsel);
			struct perf_stat_aggr a = { 0, 0, 0, 0 };

			if (perf_cpu_map__idx(evsel->cpus, (struct perf_cpu){ id.cpu }) < 0)
				continue;
			if (first) {
				if (prefix)
					fputs(prefix, config->output);
				aggr_printout(config, &id, 0);
				first = false;
			}
			if (ps && b < ps->nr_aggr)
				a = ps->aggr[b];
			printout(config, evsel, &id, 0, b, (double)a.val * evsel->scale,
				 prefix, a.run, a.ena, 1.0);
		}
		if (!first)
			fputc('\n', config->output);
	}
}

struct thread_value {
	int idx;
	struct perf_stat_aggr a;
};

/* --per-thread: busiest thread first; ties keep their order (stable). */
static void thread_values__sort(struct thread_value *v, int n)
{
	int i, j;

	for (i = 1; i < n; i++) {
		struct thread_value tmp = v[i];

		for (j = i; j > 0 && v[j - 1].a.val < tmp.a.val; j--)
			v[j] = v[j - 1];
		v[j] = tmp;
	}
}

static void print_aggr_thread(struct perf_stat_config *config, struct evsel *evsel,
			      const char *prefix)
{
	struct perf_stat_evsel *ps = evsel__stat(evsel);
	struct thread_value *v;
	int i, n = 0;

	if (!ps)
		return;
	v = calloc((size_t)ps->nr_aggr + 1, sizeof(*v));
	if (!v)
		return;
	for (i = 0; i < ps->nr_aggr; i++) {
		/* System-wide --per-thread: idle threads would drown the rest. */
		if (config->system_wide_per_thread && ps->aggr[i].val == 0)
			continue;
		v[n].idx = i;
		v[n].a = ps->aggr[i];
		n++;
	}
	thread_values__sort(v, n);
	for (i = 0; i < n; i++) {
		struct aggr_cpu_id id = config->aggr_map->ids[v[i].idx];

		if (prefix)
			fputs(prefix, config->output);
		printout(config, evsel, &id, 0, v[i].idx, (double)v[i].a.val * evsel->scale,
			 prefix, v[i].a.run, v[i].a.ena, 1.0);
		fputc('\n', config->output);
	}
	free(v);
}

void perf_stat__print_counters(struct perf_stat_config *config,
			       struct evlist *evlist, const struct target *target,
			       const struct timespec *ts, int argc, const char **argv)
{
	char buf[64];
	const char *prefix = NULL;
	struct evsel *evsel;

	if (ts) {
		print_interval(config, evlist, buf, sizeof(buf), ts);
		prefix = buf;
	} else {
		print_header(config, target, argc, argv);
		if (config->summary && config->csv_output && !config->no_csv_summary) {
			snprintf(buf, sizeof(buf), "%16s%s", "summary", config->csv_sep);
			prefix = buf;
		}
	}

	if (config->metric_only) {
		if (!ts)
			print_metric_headers(config, evlist, prefix, false);
		if (config->aggr_mode == AGGR_GLOBAL && prefix)
			fputs(prefix, config->output);
	}

	switch (config->aggr_mode) {
	case AGGR_CORE:
	case AGGR_DIE:
	case AGGR_SOCKET:
	case AGGR_NODE:
		print_aggr(config, evlist, prefix);
		break;
	case AGGR_THREAD:
		evlist__for_each_entry(evlist, evsel)
			print_aggr_thread(config, evsel, prefix);
		break;
	case AGGR_GLOBAL:
		evlist__for_each_entry(evlist, evsel)
			print_counter_global(config, evsel, prefix);
		if (config->metric_only)
			fputc('\n', config->output);
		break;
	case AGGR_NONE:
		if (config->metric_only)
			print_no_aggr_metric(config, evlist, prefix);
		else
			print_no_aggr(config, evlist, prefix);
		break;
	case AGGR_MAX:
	default:
		break;
	}

	if (!ts)
		print_footer(config);
	fflush(config->output);
}
