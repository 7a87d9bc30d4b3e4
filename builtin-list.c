// SPDX-License-Identifier: GPL-2.0
/*
 * perf list: the events this machine offers, in the reference perf's
 * layout. util/print-events finds them; this file decides how they look.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "util/debug.h"
#include "util/pager.h"
#include "util/parse-options.h"
#include "util/pmu.h"
#include "util/print-events.h"
#include "util/util.h"

/**
 * struct list_cmd - perf list's options and output state
 * @desc:        show descriptions of described PMU events (-d, default on)
 * @raw_dump:    names only, space separated: for shell completion
 * @paged:       output goes to a pager: the reference separates sections
 *               with blank lines then, and only then
 * @nr_described: described events printed so far (a blank line precedes
 *               the first)
 * @topic:       heading of the last described event printed
 * @columns:     width to wrap descriptions at
 */
struct list_cmd {
	bool desc;
	bool long_desc;
	bool details;
	bool deprecated;
	bool raw_dump;
	const char *cputype;
	struct print_events_opts opts;
	bool paged;
	int nr_described;
	char *topic;
	int columns;
};

/* Print @text from column @indent, breaking lines at blanks before @max. */
static void text__wrap(const char *text, int indent, int max)
{
	int column = indent;

	while (*text) {
		int len = (int)strcspn(text, " \t");

		if (len) {
			bool first = column == indent;

			if (!first && column + len >= max) {
				printf("\n%*s", indent, "");
				column = indent;
				first = true;
			}
			printf("%s%.*s", first ? "" : " ", len, text);
			column += len + !first;
		}
		text += len;
		text += strspn(text, " \t");
	}
}

static void list__print_described(struct list_cmd *l, const struct event_info *ev)
{
	if (l->nr_described++ == 0)
		putchar('\n');
	if (ev->topic && (!l->topic || strcmp(l->topic, ev->topic))) {
		printf("%s%s:\n", l->topic ? "\n" : "", ev->topic);
		free(l->topic);
		l->topic = strdup(ev->topic);
	}
	printf("  %-50s\n", ev->name);
	printf("%*s", 8, "[");
	text__wrap(ev->desc, 8, l->columns);
	printf("]\n");
	/* The reference ends this line with a blank; kept for parsers. */
	if (l->details && ev->encoding)
		printf("%*s%s \n", 8, "", ev->encoding);
}

static void list__print_event(void *state, const struct event_info *ev)
{
	struct list_cmd *l = state;

	if (l->raw_dump) {
		printf("%s ", ev->name);
		return;
	}
	if (ev->desc && l->desc) {
		list__print_described(l, ev);
		return;
	}
	printf("  %-50s [%s]\n", ev->name, ev->type_desc);
	if (l->details && ev->encoding)
		printf("%*s%s\n", 8, "", ev->encoding);
}

/*
 * Separators appear only in a pager, where the reference puts them: after
 * each non-empty section, always after the tool events, and a hint under
 * the raw descriptors. Raw dumps get most of them too, as the reference
 * does.
 */
static void list__section_end(void *state, enum event_section section, int nr)
{
	struct list_cmd *l = state;

	if (!l->paged)
		return;
	switch (section) {
	case EVENT_SECTION_TOOL:
	case EVENT_SECTION_BREAKPOINT:
		putchar('\n');
		break;
	case EVENT_SECTION_RAW:
		printf("   (see 'man perf-list' on how to encode it)\n\n");
		break;
	case EVENT_SECTION_SDT:
		break;
	case EVENT_SECTION_PMU:
		/* The reference counts only PMU events it printed in full. */
		if (nr && !l->raw_dump)
			putchar('\n');
		break;
	case EVENT_SECTION_HW:
	case EVENT_SECTION_SW:
	case EVENT_SECTION_CACHE:
	case EVENT_SECTION_TRACEPOINT:
	default:
		if (nr)
			putchar('\n');
		break;
	}
}

static const struct print_callbacks list_callbacks = {
	.print_event = list__print_event,
	.section_end = list__section_end,
};

/*
 * Metrics and metric groups. This perf has no metric tables for any CPU
 * yet, so what is left of the reference's output is its heading, which it
 * prints for an unfiltered listing even when the table is empty.
 */
static void list__print_metrics(struct list_cmd *l, bool metrics, bool groups,
				const char *filter)
{
	/* A raw dump of metrics ends its (here empty) list with a newline. */
	if (l->raw_dump && metrics && !groups && !filter)
		putchar('\n');
	if (filter || l->raw_dump)
		return;
	if (groups)
		printf("\nMetric Groups:\n\n");
	else if (metrics)
		printf("\nMetrics:\n\n");
}

/* A walker's count, or its -errno: the caller only needs the error. */
static int walk__err(int ret)
{
	return ret < 0 ? ret : 0;
}

/*
 * "sys:event" globs select tracepoints, SDT events and metric groups;
 * any other word is looked for inside every event name ("*word*").
 */
static int list__print_glob(struct list_cmd *l, const char *arg)
{
	const char *colon = strchr(arg, ':');
	char *s;
	int err;

	if (colon) {
		s = strdup(arg);
		if (!s)
			return -ENOMEM;
		s[colon - arg] = '\0';
		err = walk__err(print_events__tracepoints(&list_callbacks, l, &l->opts,
							  s, s + (colon - arg) + 1));
		if (!err)
			err = walk__err(print_events__sdt(&list_callbacks, l, &l->opts,
							  s, s + (colon - arg) + 1));
	} else {
		if (asprintf(&s, "*%s*", arg) < 0)
			return -ENOMEM;
		err = print_events__all(&list_callbacks, l, &l->opts, s);
	}
	if (!err)
		list__print_metrics(l, true, true, s);
	free(s);
	return err;
}

/* One argument: a section by name ("tracepoint", "hw", ...) or a glob. */
static int list__print_arg(struct list_cmd *l, const char *arg)
{
	const struct print_callbacks *cb = &list_callbacks;
	const struct print_events_opts *o = &l->opts;
	int err;

	if (!strcmp(arg, "tracepoint"))
		return walk__err(print_events__tracepoints(cb, l, o, NULL, NULL));
	if (!strcmp(arg, "hw") || !strcmp(arg, "hardware"))
		return walk__err(print_events__symbols(cb, l, o, PERF_TYPE_HARDWARE, NULL));
	if (!strcmp(arg, "sw") || !strcmp(arg, "software")) {
		/* Tool events count in software, so they belong here too. */
		err = walk__err(print_events__symbols(cb, l, o, PERF_TYPE_SOFTWARE, NULL));
		return err ? err : walk__err(print_events__tool(cb, l, o, NULL));
	}
	if (!strcmp(arg, "cache") || !strcmp(arg, "hwcache"))
		return walk__err(print_events__hwcache(cb, l, o, NULL));
	if (!strcmp(arg, "pmu"))
		return walk__err(print_events__pmu(cb, l, o, NULL));
	if (!strcmp(arg, "sdt"))
		return walk__err(print_events__sdt(cb, l, o, NULL, NULL));
	if (!strcmp(arg, "metric") || !strcmp(arg, "metrics")) {
		list__print_metrics(l, true, false, NULL);
		return 0;
	}
	if (!strcmp(arg, "metricgroup") || !strcmp(arg, "metricgroups")) {
		list__print_metrics(l, false, true, NULL);
		return 0;
	}
	return list__print_glob(l, arg);
}

/* --cputype core|atom: the hybrid PMU cpu_<type>, if this CPU has one. */
static void list__set_cputype(struct list_cmd *l)
{
	char *name;

	if (asprintf(&name, "cpu_%s", l->cputype) < 0)
		return;
	if (perf_pmus__find(name)) {
		l->opts.pmu_name = name;
		return;
	}
	free(name);
	pr_warning("WARNING: hybrid cputype is not supported!\n");
}

int cmd_list(int argc, const char **argv)
{
	struct list_cmd l = { .desc = true };
	const char *const list_usage[] = {
		"perf list [<options>] [hw|sw|cache|tracepoint|pmu|sdt|metric|metricgroup|event_glob]",
		NULL
	};
	const struct option list_options[] = {
		OPT_BOOLEAN_FLAG(0, "raw-dump", &l.raw_dump, "Dump raw events",
				 PARSE_OPT_HIDDEN),
		OPT_BOOLEAN('d', "desc", &l.desc,
			    "Print extra event descriptions. --no-desc to not print."),
		OPT_BOOLEAN('v', "long-desc", &l.long_desc,
			    "Print longer event descriptions."),
		OPT_BOOLEAN(0, "details", &l.details,
			    "Print information on the perf event names and expressions used internally by events."),
		OPT_BOOLEAN(0, "deprecated", &l.deprecated,
			    "Print deprecated events."),
		OPT_STRING(0, "cputype", &l.cputype, "hybrid cpu type",
			   "Print events applying cpu with this type for hybrid platform (e.g. core or atom)"),
		OPT_INCR(0, "debug", &verbose,
			 "Enable debugging output"),
		OPT_END()
	};
	int i, ret = 0;

	/* 1. options; the first word ends them, the rest are all filters */
	argc = parse_options(argc, argv, list_options, list_usage,
			     PARSE_OPT_STOP_AT_NON_OPTION);
	l.opts.name_only = l.raw_dump;
	l.opts.long_desc = l.long_desc;
	l.opts.deprecated = l.deprecated;
	l.opts.details = l.details;
	if (l.cputype)
		list__set_cputype(&l);

	/* 2. layout: perf.c started the pager already if stdout is a tty */
	l.paged = pager_in_use();
	l.columns = pager_get_columns();
	if (!l.raw_dump && l.paged)
		printf("\nList of pre-defined events (to be used in -e or -M):\n\n");

	/* 3. everything, or each argument in turn */
	if (argc == 0) {
		ret = print_events__all(&list_callbacks, &l, &l.opts, NULL);
		list__print_metrics(&l, true, true, NULL);
	}
	for (i = 0; i < argc && !ret; i++)
		ret = list__print_arg(&l, argv[i]);

	if (ret)
		pr_err("perf list: %s\n", strerror(-ret));
	free(l.topic);
	free((char *)l.opts.pmu_name);
	return ret ? 1 : 0;
}
