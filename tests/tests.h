/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The unit-test frame behind `perf test`.
 *
 * A suite is one topic (one util/ module); it has one or more test cases.
 * Test functions return TEST_OK, TEST_FAIL or TEST_SKIP; a skip should say
 * why with TEST_SKIP_REASON(), which `perf test` prints as "Skip (why)".
 *
 * To add a suite: write tests/<topic>.c with DEFINE_SUITE() (one case) or
 * a test_case array and a struct test_suite (several cases), declare it
 * below, and add it to generic_tests[] in tests/builtin-test.c.
 */
#ifndef PERF_TESTS_TESTS_H
#define PERF_TESTS_TESTS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "../util/debug.h"

enum {
	TEST_OK   =  0,
	TEST_FAIL = -1,
	TEST_SKIP = -2,
};

struct test_suite;

typedef int (*test_fnptr)(struct test_suite *suite, int subtest);

struct test_case {
	const char *name;
	const char *desc;
	const char *skip_reason;	/* known before running, e.g. arch */
	test_fnptr run_case;
};

struct test_suite {
	const char *desc;
	struct test_case *test_cases;
	void *priv;
};

/* Filled by TEST_SKIP_REASON() and shown after "Skip". */
extern char test_skip_reason[128];

#define DECLARE_SUITE(name) extern struct test_suite suite__##name

#define TEST_CASE(description, _name)			\
	{ .name = #_name, .desc = description,		\
	  .run_case = test__##_name }

#define TEST_CASE_REASON(description, _name, _reason)	\
	{ .name = #_name, .desc = description,		\
	  .run_case = test__##_name, .skip_reason = _reason }

#define DEFINE_SUITE(description, _name)			\
	struct test_case tests__##_name[] = {			\
		TEST_CASE(description, _name),			\
		{ .name = NULL, }				\
	};							\
	struct test_suite suite__##_name = {			\
		.desc = description,				\
		.test_cases = tests__##_name,			\
	}

#define TEST_ASSERT_VAL(text, cond)					\
	do {								\
		if (!(cond)) {						\
			pr_err("FAILED %s:%d %s\n", __FILE__, __LINE__,	\
			       text);					\
			return TEST_FAIL;				\
		}							\
	} while (0)

#define TEST_ASSERT_EQUAL(text, val, expected)				\
	do {								\
		long long __v = (long long)(val);			\
		long long __e = (long long)(expected);			\
		if (__v != __e) {					\
			pr_err("FAILED %s:%d %s (%lld != %lld)\n",	\
			       __FILE__, __LINE__, text, __v, __e);	\
			return TEST_FAIL;				\
		}							\
	} while (0)

#define TEST_ASSERT_STREQ(text, val, expected)				\
	do {								\
		const char *__v = (val), *__e = (expected);		\
		if (!__v || strcmp(__v, __e)) {				\
			pr_err("FAILED %s:%d %s ('%s' != '%s')\n",	\
			       __FILE__, __LINE__, text,		\
			       __v ? __v : "(null)", __e);		\
			return TEST_FAIL;				\
		}							\
	} while (0)

#define TEST_SKIP_REASON(...)						\
	({								\
		snprintf(test_skip_reason, sizeof(test_skip_reason),	\
			 __VA_ARGS__);					\
		TEST_SKIP;						\
	})

/* The suites, in the order `perf test` numbers them. */
DECLARE_SUITE(parse_options);
DECLARE_SUITE(config);
DECLARE_SUITE(command_table);
DECLARE_SUITE(strbuf);
DECLARE_SUITE(pmu);
DECLARE_SUITE(parse_events);
DECLARE_SUITE(cpumap);
DECLARE_SUITE(evsel_open);
DECLARE_SUITE(sample_parsing);
DECLARE_SUITE(ordered_events);
DECLARE_SUITE(header);
DECLARE_SUITE(session);
DECLARE_SUITE(maps);
DECLARE_SUITE(symbols);
DECLARE_SUITE(machine);
DECLARE_SUITE(machine_reference);
DECLARE_SUITE(stat);
DECLARE_SUITE(script);
DECLARE_SUITE(stat_record);
DECLARE_SUITE(unwind);
DECLARE_SUITE(caps);
DECLARE_SUITE(fuzz_regress);
DECLARE_SUITE(hist);

/* Built-in workloads for `perf test -w NAME [args]`. */
struct test_workload {
	const char *name;
	int (*func)(int argc, const char **argv);
};

#define DEFINE_WORKLOAD(work)						\
	struct test_workload workload__##work = {			\
		.name = #work,						\
		.func = work,						\
	}
#define DECLARE_WORKLOAD(work) extern struct test_workload workload__##work

DECLARE_WORKLOAD(noploop);
DECLARE_WORKLOAD(thloop);
DECLARE_WORKLOAD(leafloop);
DECLARE_WORKLOAD(unwindloop);

/* For the command-table test: perf.c's table, exposed read-only. */
bool perf_is_builtin_command(const char *cmd);

#endif /* PERF_TESTS_TESTS_H */
