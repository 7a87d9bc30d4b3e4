// SPDX-License-Identifier: GPL-2.0
/* The command table and the "did you mean" suggestions. */
#include <stdlib.h>
#include <string.h>

#include "../util/help.h"
#include "tests.h"

static int test__builtin_commands(struct test_suite *t __maybe_unused,
				  int subtest __maybe_unused)
{
	static const char *const expected[] = { "config", "help", "test", "version" };
	size_t i;

	for (i = 0; i < sizeof(expected) / sizeof(expected[0]); i++)
		TEST_ASSERT_VAL(expected[i], perf_is_builtin_command(expected[i]));
	TEST_ASSERT_VAL("unknown command", !perf_is_builtin_command("nosuchcmd"));
	TEST_ASSERT_VAL("prefix is not a command", !perf_is_builtin_command("conf"));
	return TEST_OK;
}

static const char *suggest_one(struct cmdnames *names, const char *typo)
{
	const char **s = help__suggest(names, typo);
	static char buf[64];

	buf[0] = '\0';
	if (s && s[0])
		snprintf(buf, sizeof(buf), "%s%s", s[0], s[1] ? "+" : "");
	free(s);
	return buf;
}

static int test__suggestions(struct test_suite *t __maybe_unused,
			     int subtest __maybe_unused)
{
	static const char *const cmds[] = {
		"annotate", "config", "list", "record", "report", "sched",
		"script", "stat", "test", "top", "trace", "version",
	};
	struct cmdnames names = { 0 };
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		cmdnames__add(&names, cmds[i]);
	cmdnames__add(&names, "stat");	/* duplicates are dropped */
	cmdnames__uniq(&names);
	TEST_ASSERT_EQUAL("uniq", names.cnt, sizeof(cmds) / sizeof(cmds[0]));

	TEST_ASSERT_STREQ("dropped letter", suggest_one(&names, "stt"), "stat");
	TEST_ASSERT_STREQ("swapped letters", suggest_one(&names, "recrod"), "record");
	TEST_ASSERT_STREQ("prefix", suggest_one(&names, "annot"), "annotate");
	TEST_ASSERT_STREQ("far away", suggest_one(&names, "foo"), "");
	TEST_ASSERT_STREQ("several", suggest_one(&names, "re"), "record+");

	TEST_ASSERT_EQUAL("levenshtein same", levenshtein("abc", "abc", 0, 2, 1, 3), 0);
	TEST_ASSERT_EQUAL("levenshtein insert", levenshtein("ac", "abc", 0, 2, 1, 3), 1);
	TEST_ASSERT_EQUAL("levenshtein delete", levenshtein("abxc", "abc", 0, 2, 1, 3), 3);
	TEST_ASSERT_EQUAL("levenshtein swap", levenshtein("acb", "abc", 0, 2, 1, 3), 0);
	cmdnames__exit(&names);
	return TEST_OK;
}

static struct test_case command_table_cases[] = {
	TEST_CASE("Builtin commands are in the table", builtin_commands),
	TEST_CASE("Suggestions for mistyped commands", suggestions),
	{ .name = NULL, },
};

struct test_suite suite__command_table = {
	.desc = "Command table",
	.test_cases = command_table_cases,
};
