// SPDX-License-Identifier: GPL-2.0
/* The config parser: syntax, merging, writing and value converters. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/config.h"
#include "tests.h"

static int write_tmp(char *path, const char *text)
{
	int fd = mkstemp(path);
	ssize_t len = (ssize_t)strlen(text);

	if (fd < 0)
		return -1;
	if (write(fd, text, (size_t)len) != len) {
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static int test__syntax(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char path[] = "/tmp/perf-test-config-XXXXXX";
	struct perf_config_set *set;

	TEST_ASSERT_VAL("tmp file", !write_tmp(path,
		"# comment\n"
		"; another\n"
		"[Report]\n"
		"  Children = false ; trailing comment\n"
		"\tsort-order = \"comm, dso\"  # quoted keeps the comma\n"
		"[colors \"top\"]\n"
		" foo = bar\n"
		"[x]\n"
		"flag\n"
		"  spaced   =   a b  \n"
		"  escaped = \"q\\\"uote\\\\\"\n"
		"  cont = one \\\n"
		"two\n"
		"[report]\n"
		"children = true\n"));
	set = perf_config_set__load_file(path);
	unlink(path);
	TEST_ASSERT_VAL("loaded", !IS_ERR(set));
	TEST_ASSERT_STREQ("later value wins, names fold case",
			  perf_config_set__get(set, "report.children"), "true");
	TEST_ASSERT_STREQ("quotes", perf_config_set__get(set, "report.sort-order"), "comm, dso");
	TEST_ASSERT_STREQ("subsection", perf_config_set__get(set, "colors.top.foo"), "bar");
	TEST_ASSERT_VAL("key without value", perf_config_set__get(set, "x.flag") == NULL);
	TEST_ASSERT_STREQ("blanks trimmed", perf_config_set__get(set, "x.spaced"), "a b");
	TEST_ASSERT_STREQ("escapes", perf_config_set__get(set, "x.escaped"), "q\"uote\\");
	TEST_ASSERT_STREQ("continuation", perf_config_set__get(set, "x.cont"), "one two");
	TEST_ASSERT_VAL("missing", perf_config_set__get(set, "x.nope") == NULL);
	perf_config_set__delete(set);
	return TEST_OK;
}

static int test__bad_file(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char path[] = "/tmp/perf-test-config-XXXXXX";
	struct perf_config_set *set;

	TEST_ASSERT_VAL("tmp file", !write_tmp(path, "[ok]\na = 1\n[bad\n"));
	set = perf_config_set__load_file(path);
	unlink(path);
	TEST_ASSERT_VAL("bad section is an error", IS_ERR(set));
	TEST_ASSERT_EQUAL("-EINVAL", PTR_ERR(set), -EINVAL);

	strcpy(path, "/tmp/perf-test-config-XXXXXX");
	TEST_ASSERT_VAL("tmp file", !write_tmp(path, "a = 1\n"));
	set = perf_config_set__load_file(path);
	unlink(path);
	TEST_ASSERT_VAL("variable outside a section is an error", IS_ERR(set));

	set = perf_config_set__load_file("/nonexistent/perfconfig");
	TEST_ASSERT_VAL("missing file is empty, not an error", !IS_ERR(set) && !set->sections);
	perf_config_set__delete(set);
	return TEST_OK;
}

static int test__write_roundtrip(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char path[] = "/tmp/perf-test-config-XXXXXX";
	struct perf_config_set *set, *back;
	char buf[512];
	FILE *f;
	size_t n;

	TEST_ASSERT_VAL("tmp file", !write_tmp(path, ""));
	set = perf_config_set__load_file(path);
	TEST_ASSERT_VAL("loaded", !IS_ERR(set));
	TEST_ASSERT_VAL("set", !perf_config_set__set(set, "report.children", "false"));
	TEST_ASSERT_VAL("set", !perf_config_set__set(set, "top.color", "on"));
	TEST_ASSERT_VAL("set", !perf_config_set__set(set, "x.odd", " lead; \"q\" "));
	TEST_ASSERT_VAL("no section", perf_config_set__set(set, "nosection", "1") == -EINVAL);
	TEST_ASSERT_VAL("write", !perf_config_set__write(set, path));

	f = fopen(path, "r");
	TEST_ASSERT_VAL("reopen", f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	TEST_ASSERT_VAL("reference layout",
			strstarts(buf, "# this file is auto-generated.\n[report]\n\tchildren = false\n[top]\n\tcolor = on\n"));

	back = perf_config_set__load_file(path);
	unlink(path);
	TEST_ASSERT_VAL("reloaded", !IS_ERR(back));
	TEST_ASSERT_STREQ("round trip", perf_config_set__get(back, "x.odd"), " lead; \"q\" ");
	TEST_ASSERT_STREQ("round trip", perf_config_set__get(back, "top.color"), "on");
	perf_config_set__delete(set);
	perf_config_set__delete(back);
	return TEST_OK;
}

static int test__converters(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	bool b = false;
	uint64_t u = 0;
	int i = 0;

	TEST_ASSERT_VAL("bool true", !perf_config_bool(&b, "x.y", "yes") && b);
	TEST_ASSERT_VAL("bool off", !perf_config_bool(&b, "x.y", "off") && !b);
	TEST_ASSERT_VAL("bool no value", !perf_config_bool(&b, "x.y", NULL) && b);
	TEST_ASSERT_VAL("bool number", !perf_config_bool(&b, "x.y", "0") && !b);
	TEST_ASSERT_VAL("bool bad", perf_config_bool(&b, "x.y", "maybe") == -EINVAL);
	TEST_ASSERT_VAL("int", !perf_config_int(&i, "x.y", "-42") && i == -42);
	TEST_ASSERT_VAL("int k", !perf_config_int(&i, "x.y", "4k") && i == 4096);
	TEST_ASSERT_VAL("int bad", perf_config_int(&i, "x.y", "4x") == -EINVAL);
	TEST_ASSERT_VAL("u64 m", !perf_config_u64(&u, "x.y", "2m") && u == 2 << 20);
	TEST_ASSERT_VAL("u64 negative", perf_config_u64(&u, "x.y", "-1") == -EINVAL);
	return TEST_OK;
}

static int count_cb(const char *var, const char *value, void *data)
{
	int *n = data;

	if (!strcmp(var, "report.children") && value && !strcmp(value, "false"))
		(*n)++;
	return 0;
}

static int test__perf_config_env(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char path[] = "/tmp/perf-test-config-XXXXXX";
	char *old = getenv("PERF_CONFIG") ? strdup(getenv("PERF_CONFIG")) : NULL;
	int n = 0;

	TEST_ASSERT_VAL("tmp file", !write_tmp(path, "[report]\nchildren = false\n"));
	setenv("PERF_CONFIG", path, 1);
	setenv("PERF_CONFIG_NOSYSTEM", "1", 1);
	perf_config__exit();
	perf_config(count_cb, &n);
	unlink(path);
	if (old)
		setenv("PERF_CONFIG", old, 1);
	else
		unsetenv("PERF_CONFIG");
	free(old);
	perf_config__exit();
	TEST_ASSERT_EQUAL("$PERF_CONFIG is read", n, 1);
	return TEST_OK;
}

static struct test_case config_cases[] = {
	TEST_CASE("Config file syntax", syntax),
	TEST_CASE("Damaged config files", bad_file),
	TEST_CASE("Writing keeps the reference layout", write_roundtrip),
	TEST_CASE("Value converters", converters),
	TEST_CASE("$PERF_CONFIG names the user file", perf_config_env),
	{ .name = NULL, },
};

struct test_suite suite__config = {
	.desc = "Config file parser",
	.test_cases = config_cases,
};
