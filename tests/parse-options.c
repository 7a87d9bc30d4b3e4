// SPDX-License-Identifier: GPL-2.0
/* The option parser: every accepted form, and the reference's error texts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/parse-options.h"
#include "tests.h"

struct opts {
	bool all, group, inherit_off, quiet;
	int verbose, repeat;
	unsigned int pages;
	uint64_t period;
	const char *output, *event, *sort;
	int cb_calls;
	const char *cb_arg;
	int cb_unset;
};

static struct opts o;

static int event_cb(const struct option *opt, const char *arg, int unset)
{
	struct opts *p = opt->value;

	p->cb_calls++;
	p->cb_arg = arg;
	p->cb_unset = unset;
	if (arg && !strcmp(arg, "bad")) {
		fprintf(stderr, "event syntax error: '%s'\n", arg);
		return -1;
	}
	return 0;
}

static const char *const usage[] = {
	"perf demo [<options>] [<command>]",
	"perf demo [<options>] -- <command> [<options>]",
	NULL
};

static const struct option options[] = {
	OPT_BOOLEAN('a', "all-cpus", &o.all, "system-wide"),
	OPT_BOOLEAN('g', "group", &o.group, "group the events"),
	OPT_BOOLEAN('i', "no-inherit", &o.inherit_off, "children are not counted"),
	OPT_BOOLEAN('q', "quiet", &o.quiet, "say less"),
	OPT_INCR('v', "verbose", &o.verbose, "say more"),
	OPT_INTEGER('r', "repeat", &o.repeat, "repeat the run"),
	OPT_UINTEGER('m', "mmap-pages", &o.pages, "ring buffer size"),
	OPT_U64('c', "count", &o.period, "sample period"),
	OPT_STRING('o', "output", &o.output, "file", "output file name"),
	OPT_STRING_OPTARG(0, "sort", &o.sort, "key", "sort order", "default"),
	OPT_CALLBACK('e', "event", &o, "event", "event selector", event_cb),
	OPT_BOOLEAN(0, "per-socket", &o.quiet, "per socket"),
	OPT_BOOLEAN(0, "per-core", &o.quiet, "per core"),
	OPT_END()
};

/* Parse @line (space separated) with output captured in @err. */
static int parse(const char *line, char *err, size_t errsize, int flags,
		 const char **rest)
{
	const char *argv[32];
	static char copy[512];
	char *tok, *save = NULL, *buf = NULL;
	size_t len = 0;
	int argc = 0, ret;
	FILE *f;

	memset(&o, 0, sizeof(o));
	snprintf(copy, sizeof(copy), "%s", line);
	argv[argc++] = "demo";
	for (tok = strtok_r(copy, " ", &save); tok && argc < 31;
	     tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;

	f = open_memstream(&buf, &len);
	if (!f)
		return -100;
	ret = parse_options_ex(argc, argv, options, NULL, usage, flags, f);
	fclose(f);
	snprintf(err, errsize, "%s", buf ? buf : "");
	free(buf);
	if (rest && ret > 0)
		*rest = argv[0];
	return ret;
}

static int test__forms(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char err[4096];
	const char *rest = NULL;

	TEST_ASSERT_EQUAL("no args", parse("", err, sizeof(err), 0, NULL), 0);

	TEST_ASSERT_EQUAL("bundled", parse("-ag", err, sizeof(err), 0, NULL), 0);
	TEST_ASSERT_VAL("-a", o.all);
	TEST_ASSERT_VAL("-g", o.group);

	TEST_ASSERT_EQUAL("-vvv", parse("-vvv -v", err, sizeof(err), 0, NULL), 0);
	TEST_ASSERT_EQUAL("verbose count", o.verbose, 4);

	parse("-r5 -ofile -m 16 -c 0x10", err, sizeof(err), 0, NULL);
	TEST_ASSERT_EQUAL("-r5", o.repeat, 5);
	TEST_ASSERT_STREQ("-ofile", o.output, "file");
	TEST_ASSERT_EQUAL("-m 16", o.pages, 16);
	TEST_ASSERT_EQUAL("-c 0x10", o.period, 16);

	parse("--repeat=7 --output out --count=100", err, sizeof(err), 0, NULL);
	TEST_ASSERT_EQUAL("--repeat=7", o.repeat, 7);
	TEST_ASSERT_STREQ("--output out", o.output, "out");
	TEST_ASSERT_EQUAL("--count=100", o.period, 100);

	parse("--rep 3 --out x", err, sizeof(err), 0, NULL);
	TEST_ASSERT_EQUAL("prefix --rep", o.repeat, 3);
	TEST_ASSERT_STREQ("prefix --out", o.output, "x");

	parse("-a --no-all-cpus", err, sizeof(err), 0, NULL);
	TEST_ASSERT_VAL("--no-all-cpus", !o.all);
	parse("-i --inherit", err, sizeof(err), 0, NULL);
	TEST_ASSERT_VAL("--inherit undoes --no-inherit", !o.inherit_off);
	parse("--no-inherit", err, sizeof(err), 0, NULL);
	TEST_ASSERT_VAL("--no-inherit", o.inherit_off);
	parse("-o f --no-output", err, sizeof(err), 0, NULL);
	TEST_ASSERT_VAL("--no-output clears", o.output == NULL);

	parse("--sort", err, sizeof(err), 0, NULL);
	TEST_ASSERT_STREQ("optional value default", o.sort, "default");
	parse("--sort=dso", err, sizeof(err), 0, NULL);
	TEST_ASSERT_STREQ("optional value given", o.sort, "dso");

	parse("-e cpu-clock --event=faults", err, sizeof(err), 0, NULL);
	TEST_ASSERT_EQUAL("callback twice", o.cb_calls, 2);
	TEST_ASSERT_STREQ("callback arg", o.cb_arg, "faults");
	parse("--no-event", err, sizeof(err), 0, NULL);
	TEST_ASSERT_VAL("callback unset", o.cb_unset == 1 && o.cb_arg == NULL);

	TEST_ASSERT_EQUAL("non-options kept",
			  parse("-a cmd x y", err, sizeof(err), 0, &rest), 3);
	TEST_ASSERT_STREQ("first kept", rest, "cmd");
	TEST_ASSERT_EQUAL("stop at non-option",
			  parse("-a cmd -g", err, sizeof(err),
				PARSE_OPT_STOP_AT_NON_OPTION, &rest), 2);
	TEST_ASSERT_VAL("-g after the command is the command's", !o.group);
	TEST_ASSERT_EQUAL("-- ends options",
			  parse("-a -- -g", err, sizeof(err), 0, &rest), 1);
	TEST_ASSERT_STREQ("after --", rest, "-g");
	TEST_ASSERT_VAL("-g after -- not parsed", !o.group);
	TEST_ASSERT_EQUAL("lone - is an argument",
			  parse("-", err, sizeof(err), 0, &rest), 1);
	return TEST_OK;
}

static int test__errors(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char err[4096];

	TEST_ASSERT_EQUAL("unknown switch", parse("-z", err, sizeof(err), 0, NULL),
			  PARSE_OPT_ERROR);
	TEST_ASSERT_VAL("unknown switch text",
			strstarts(err, "  Error: unknown switch `z'\n\n Usage: perf demo [<options>] [<command>]\n"
				       "    or: perf demo [<options>] -- <command> [<options>]\n\n"));

	TEST_ASSERT_EQUAL("unknown option", parse("--bogus", err, sizeof(err), 0, NULL),
			  PARSE_OPT_ERROR);
	TEST_ASSERT_VAL("unknown option text", strstarts(err, "  Error: unknown option `bogus'\n\n Usage:"));

	TEST_ASSERT_EQUAL("missing value", parse("-e", err, sizeof(err), 0, NULL),
			  PARSE_OPT_ERROR);
	TEST_ASSERT_VAL("missing value text",
			strstarts(err, " Error: switch `e' requires a value\n Usage: perf demo"));
	TEST_ASSERT_VAL("missing value shows the option",
			strstr(err, "\n    -e, --event <event>   event selector\n"));

	parse("--output", err, sizeof(err), 0, NULL);
	TEST_ASSERT_VAL("long missing value",
			strstarts(err, " Error: option `output' requires a value\n"));

	parse("-r abc", err, sizeof(err), 0, NULL);
	TEST_ASSERT_VAL("numeric", strstarts(err, " Error: switch `r' expects a numerical value\n"));
	parse("--repeat=1x", err, sizeof(err), 0, NULL);
	TEST_ASSERT_VAL("numeric long", strstarts(err, " Error: option `repeat' expects a numerical value\n"));
	parse("-m -1", err, sizeof(err), 0, NULL);
	TEST_ASSERT_VAL("unsigned refuses negative", strstr(err, "expects a numerical value"));

	parse("--all-cpus=3", err, sizeof(err), 0, NULL);
	TEST_ASSERT_VAL("takes no value", strstarts(err, " Error: option `all-cpus' takes no value\n"));

	TEST_ASSERT_EQUAL("ambiguous", parse("--per", err, sizeof(err), 0, NULL), PARSE_OPT_ERROR);
	TEST_ASSERT_VAL("ambiguous text",
			strstarts(err, " Error: Ambiguous option: per (could be --per-socket or --per-core)\n"));

	TEST_ASSERT_EQUAL("callback error", parse("-e bad", err, sizeof(err), 0, NULL),
			  PARSE_OPT_ERROR);
	TEST_ASSERT_VAL("callback error shows usage", strstr(err, " Usage: perf demo"));

	TEST_ASSERT_EQUAL("-h", parse("-h", err, sizeof(err), 0, NULL), PARSE_OPT_HELP);
	TEST_ASSERT_EQUAL("--help", parse("--help", err, sizeof(err), 0, NULL), PARSE_OPT_HELP);
	return TEST_OK;
}

static int test__usage_layout(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char err[4096];
	const char *a, *g, *i, *q, *sort, *ps;

	parse("-h", err, sizeof(err), 0, NULL);
	/* Sorted by short letter, case-insensitively; long-only last. */
	a = strstr(err, "    -a, --all-cpus        system-wide\n");
	g = strstr(err, "    -g, --group           group the events\n");
	i = strstr(err, "    -i, --no-inherit      children are not counted\n");
	q = strstr(err, "    -q, --quiet");
	sort = strstr(err, "        --sort[=<key>]    sort order\n");
	ps = strstr(err, "        --per-socket      per socket\n");
	TEST_ASSERT_VAL("-a line", a);
	TEST_ASSERT_VAL("-g line", g);
	TEST_ASSERT_VAL("-i line", i);
	TEST_ASSERT_VAL("--sort[=<key>] line", sort);
	TEST_ASSERT_VAL("order", a < g && g < i && i < q && q < ps && ps < sort);
	TEST_ASSERT_VAL("long option text wraps",
			strstr(err, "    -m, --mmap-pages <n>  ring buffer size\n"));
	TEST_ASSERT_VAL("starts with a blank line and Usage", strstarts(err, "\n Usage: perf demo"));
	return TEST_OK;
}

static struct test_case parse_options_cases[] = {
	TEST_CASE("Accepted option forms", forms),
	TEST_CASE("Error messages", errors),
	TEST_CASE("Usage layout", usage_layout),
	{ .name = NULL, },
};

struct test_suite suite__parse_options = {
	.desc = "Option parser",
	.test_cases = parse_options_cases,
};
