// SPDX-License-Identifier: GPL-2.0
/* Message levels and the --debug option. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"

int verbose;
bool quiet;
int debug_ordered_events;
int debug_data_convert;
int debug_peo_args;

int veprintf(int level, int var, const char *fmt, va_list args)
{
	/* -q silences everything but errors, which use level -1. */
	if (quiet && level >= 0)
		return 0;
	if (var < level)
		return 0;
	return vfprintf(stderr, fmt, args);
}

int eprintf(int level, int var, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = veprintf(level, var, fmt, args);
	va_end(args);
	return ret;
}

static const struct {
	const char *name;
	int *level;
} debug_knobs[] = {
	{ "verbose",		&verbose },
	{ "ordered-events",	&debug_ordered_events },
	{ "data-convert",	&debug_data_convert },
	{ "perf-event-open",	&debug_peo_args },
};

static int perf_debug_one(const char *item)
{
	const char *eq = strchr(item, '=');
	size_t len = eq ? (size_t)(eq - item) : strlen(item);
	size_t i;

	/* Output already goes to stderr; accept the knob for compatibility. */
	if (len == 6 && !strncmp(item, "stderr", 6))
		return 0;

	for (i = 0; i < ARRAY_SIZE(debug_knobs); i++) {
		long v = 1;
		char *end;

		if (strlen(debug_knobs[i].name) != len ||
		    strncmp(debug_knobs[i].name, item, len))
			continue;
		if (eq) {
			v = strtol(eq + 1, &end, 10);
			if (end == eq + 1 || *end || v < 0 || v > 10) {
				pr_err("Invalid value for --debug %.*s: '%s'\n",
				       (int)len, item, eq + 1);
				return -EINVAL;
			}
		}
		*debug_knobs[i].level = (int)v;
		return 0;
	}
	pr_err("Unknown option name '%.*s'\n", (int)len, item);
	return -EINVAL;
}

int perf_debug_option(const char *str)
{
	char *copy, *item, *save = NULL;
	int err = 0;

	if (!str || !*str) {
		pr_err("No variable specified for --debug.\n");
		return -EINVAL;
	}
	copy = strdup(str);
	if (!copy)
		return -ENOMEM;
	for (item = strtok_r(copy, ",", &save); item && !err;
	     item = strtok_r(NULL, ",", &save))
		err = perf_debug_one(item);
	free(copy);
	return err;
}
