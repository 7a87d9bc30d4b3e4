// SPDX-License-Identifier: GPL-2.0
/* perf version: the version string and which optional libraries are in. */
#include <stdbool.h>
#include <stdio.h>

#include "builtin.h"
#include "util/parse-options.h"
#include "util/util.h"
#include "build-options.h"

struct version_cmd {
	bool build_options;
};

struct build_feature {
	const char *name;
	bool on;
	const char *macro;
};

/* BUILD_FEATURES comes from the build: one row per optional library. */
#define FEATURE(n, v, m) { #n, v, #m },
static const struct build_feature build_features[] = { BUILD_FEATURES };
#undef FEATURE

static void print_build_options(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(build_features); i++)
		printf("%22s: [ %-3s ]  # %s\n", build_features[i].name,
		       build_features[i].on ? "on" : "OFF",
		       build_features[i].macro);
}

int cmd_version(int argc, const char **argv)
{
	struct version_cmd v = { 0 };
	const char *const usage[] = { "perf version [<options>]", NULL };
	const struct option options[] = {
		OPT_BOOLEAN(0, "build-options", &v.build_options,
			    "print which optional features this perf was built with"),
		OPT_END()
	};

	parse_options(argc, argv, options, usage, PARSE_OPT_STOP_AT_NON_OPTION);

	printf("perf version %s\n", PERF_VERSION);
	if (v.build_options)
		print_build_options();
	return 0;
}
