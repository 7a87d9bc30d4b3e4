// SPDX-License-Identifier: GPL-2.0
/*
 * perf script's pure parts: the -F table and its edits, the checks of a
 * selection against an event's sample_type, the filters (-C, lists,
 * --time) and the column printers, against texts the reference prints.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../util/event.h"
#include "../util/insn-x86.h"
#include "../util/script-fields.h"
#include "../util/script-filter.h"
#include "../util/script-print.h"
#include "tests.h"

static int test__script_fields(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct script_fields sf;
	struct script_check_ctx ctx = { 0 };
	struct perf_event_attr attr = {
		.type = PERF_TYPE_SOFTWARE,
		.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_TIME |
			       PERF_SAMPLE_PERIOD,
	};
	int saved_verbose = verbose;

	/* The warnings the reference prints are not what is tested here. */
	verbose = -1;

	script_fields__init(&sf);
	TEST_ASSERT_VAL("sw default has period and cpu",
			(sf.out[SCRIPT_OUT_SW].fields & (SCRIPT_F_PERIOD | SCRIPT_F_CPU)) ==
			(SCRIPT_F_PERIOD | SCRIPT_F_CPU));
	TEST_ASSERT_VAL("tracepoints show the payload, not the ip",
			(sf.out[SCRIPT_OUT_TRACE].fields & (SCRIPT_F_TRACE | SCRIPT_F_IP)) ==
			SCRIPT_F_TRACE);
	TEST_ASSERT_VAL("nothing set by the user yet", !script_fields__user_set(&sf));

	/* Missing CPU in the samples: a default quietly goes away. */
	TEST_ASSERT_VAL("check default", !script_fields__check(&sf, &attr, "cpu-clock", &ctx));
	TEST_ASSERT_VAL("cpu dropped", !(sf.out[SCRIPT_OUT_SW].fields & SCRIPT_F_CPU));

	/* ... but asked for by name it is an error. */
	script_fields__init(&sf);
	TEST_ASSERT_VAL("comm,cpu parses", !script_fields__parse(&sf, "comm,cpu"));
	TEST_ASSERT_EQUAL("replaced", sf.out[SCRIPT_OUT_SW].fields, SCRIPT_F_COMM | SCRIPT_F_CPU);
	TEST_ASSERT_VAL("cpu refused", script_fields__check(&sf, &attr, "cpu-clock", &ctx));

	/* Typed lists replace one type and are not "asked by name" for the check. */
	script_fields__init(&sf);
	TEST_ASSERT_VAL("sw:comm,cpu", !script_fields__parse(&sf, "sw:comm,cpu"));
	TEST_ASSERT_EQUAL("only sw changed", sf.out[SCRIPT_OUT_HW].fields,
			  SCRIPT_F_COMM | SCRIPT_F_TID | SCRIPT_F_CPU | SCRIPT_F_TIME |
			  SCRIPT_F_EVNAME | SCRIPT_F_IP | SCRIPT_F_SYM | SCRIPT_F_SYMOFFSET |
			  SCRIPT_F_DSO | SCRIPT_F_PERIOD);
	TEST_ASSERT_VAL("typed cpu dropped quietly",
			!script_fields__check(&sf, &attr, "cpu-clock", &ctx));

	/* Edits keep the defaults. */
	script_fields__init(&sf);
	TEST_ASSERT_VAL("-cpu,+pid", !script_fields__parse(&sf, "-cpu,+pid"));
	TEST_ASSERT_VAL("pid added, cpu removed, rest kept",
			(sf.out[SCRIPT_OUT_SW].fields & (SCRIPT_F_PID | SCRIPT_F_CPU | SCRIPT_F_SYM)) ==
			(SCRIPT_F_PID | SCRIPT_F_SYM));
	/* A '-' anywhere makes the list an edit: "bpf-output" adds to the defaults. */
	script_fields__init(&sf);
	TEST_ASSERT_VAL("bpf-output", !script_fields__parse(&sf, "bpf-output"));
	TEST_ASSERT_VAL("defaults kept", sf.out[SCRIPT_OUT_SW].fields & SCRIPT_F_SYM);

	/* The reference's refusals. */
	TEST_ASSERT_VAL("mix", script_fields__parse(&sf, "comm,+tid") == -EINVAL);
	TEST_ASSERT_VAL("mix 2", script_fields__parse(&sf, "+comm,tid") == -EINVAL);
	TEST_ASSERT_VAL("bad type", script_fields__parse(&sf, "foo:comm") == -EINVAL);
	TEST_ASSERT_VAL("bad field", script_fields__parse(&sf, "comm,bogus") == -EINVAL);
	TEST_ASSERT_VAL("none for all", script_fields__parse(&sf, "") == -EINVAL);
	TEST_ASSERT_VAL("trace is not for sw", script_fields__parse(&sf, "sw:trace") == -EINVAL);
	TEST_ASSERT_VAL("trace ignored where invalid", !script_fields__parse(&sf, "trace"));
	TEST_ASSERT_VAL("trace kept for tracepoints",
			sf.out[SCRIPT_OUT_TRACE].fields == SCRIPT_F_TRACE);
	TEST_ASSERT_VAL("not for sw", !(sf.out[SCRIPT_OUT_SW].fields & SCRIPT_F_TRACE));

	/* "flags" lives outside the table. */
	TEST_ASSERT_VAL("flags", !script_fields__parse(&sf, "comm,flags"));
	TEST_ASSERT_VAL("flags set", sf.print_flags);
	TEST_ASSERT_VAL("-flags", !script_fields__parse(&sf, "-flags"));
	TEST_ASSERT_VAL("flags cleared", !sf.print_flags);

	/* symoff needs sym, srcline needs ip. */
	script_fields__init(&sf);
	TEST_ASSERT_VAL("ip,symoff", !script_fields__parse(&sf, "ip,symoff"));
	TEST_ASSERT_VAL("symoff without sym", script_fields__check(&sf, &attr, "e", &ctx));
	script_fields__init(&sf);
	TEST_ASSERT_VAL("srcline", !script_fields__parse(&sf, "srcline"));
	TEST_ASSERT_VAL("srcline without ip", script_fields__check(&sf, &attr, "e", &ctx));

	TEST_ASSERT_STREQ("field name", script_field__name(SCRIPT_F_SYMOFFSET), "symoff");
	TEST_ASSERT_STREQ("no name for two", script_field__name(SCRIPT_F_TID | SCRIPT_F_PID), "");
	TEST_ASSERT_EQUAL("synth type", script_output_type(PERF_TYPE_SYNTH), SCRIPT_OUT_SYNTH);
	TEST_ASSERT_EQUAL("pmu type", script_output_type(9), SCRIPT_OUT_OTHER);
	TEST_ASSERT_STREQ("raw named unknown", script_output_type__name(SCRIPT_OUT_RAW), "unknown");
	verbose = saved_verbose;
	return TEST_OK;
}

static int test__script_filters(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	uint64_t bitmap[SCRIPT_MAX_NR_CPUS / 64];
	struct name_list list;
	struct time_range *r = NULL;
	int saved_verbose = verbose, n;

	verbose = -2;	/* the parsers print the reference's errors */
	TEST_ASSERT_VAL("cpu list", !cpu_bitmap__parse(bitmap, "0,2-3", 4));
	TEST_ASSERT_VAL("cpu 0", cpu_bitmap__test(bitmap, 0));
	TEST_ASSERT_VAL("cpu 1", !cpu_bitmap__test(bitmap, 1));
	TEST_ASSERT_VAL("cpu 3", cpu_bitmap__test(bitmap, 3));
	TEST_ASSERT_VAL("too large", cpu_bitmap__parse(bitmap, "4", 4));
	TEST_ASSERT_VAL("backwards", cpu_bitmap__parse(bitmap, "1-0", 4));
	TEST_ASSERT_VAL("garbage", cpu_bitmap__parse(bitmap, "x", 4));

	TEST_ASSERT_VAL("names", !name_list__parse(&list, "sh,perf,seq"));
	TEST_ASSERT_VAL("has perf", name_list__has(&list, "perf"));
	TEST_ASSERT_VAL("not bash", !name_list__has(&list, "bash"));
	name_list__exit(&list);
	TEST_ASSERT_VAL("ids", !id_list__parse(&list, "12,7"));
	TEST_ASSERT_VAL("has 7", id_list__has(&list, 7));
	TEST_ASSERT_VAL("not 8", !id_list__has(&list, 8));
	name_list__exit(&list);
	TEST_ASSERT_VAL("bad ids", id_list__parse(&list, "12,x") == -EINVAL);

	/* "start,stop", fractions padded to nanoseconds. */
	n = time_ranges__parse("10.5,11", 0, 0, false, &r);
	TEST_ASSERT_EQUAL("one range", n, 1);
	TEST_ASSERT_EQUAL("start", r[0].start, 10500000000ULL);
	TEST_ASSERT_EQUAL("stop", r[0].end, 11000000000ULL);
	TEST_ASSERT_VAL("before", time_ranges__skip(r, n, 10400000000ULL));
	TEST_ASSERT_VAL("inside", !time_ranges__skip(r, n, 10600000000ULL));
	TEST_ASSERT_VAL("no time: kept", !time_ranges__skip(r, n, 0));
	free(r);
	n = time_ranges__parse("1,2 3,4", 0, 0, false, &r);
	TEST_ASSERT_EQUAL("two ranges", n, 2);
	TEST_ASSERT_VAL("between", time_ranges__skip(r, n, 2500000000ULL));
	TEST_ASSERT_VAL("in the second", !time_ranges__skip(r, n, 3500000000ULL));
	free(r);
	TEST_ASSERT_VAL("no comma", time_ranges__parse("10", 0, 0, false, &r) < 0);
	TEST_ASSERT_VAL("backwards", time_ranges__parse("2,1", 0, 0, false, &r) < 0);
	TEST_ASSERT_VAL("overlap", time_ranges__parse("1,3 2,4", 0, 0, false, &r) < 0);
	TEST_ASSERT_VAL("percent without sample times", time_ranges__parse("10%/1", 0, 0, false, &r) < 0);

	/* Percent slices of [1000, 2000]: the second tenth. */
	n = time_ranges__parse("10%/2", 1000, 2000, false, &r);
	TEST_ASSERT_EQUAL("one slice", n, 1);
	TEST_ASSERT_EQUAL("slice start", r[0].start, 1100);
	TEST_ASSERT_EQUAL("slice end", r[0].end, 1199);
	free(r);
	n = time_ranges__parse("0%-10%,90%-100%", 1000, 2000, false, &r);
	TEST_ASSERT_EQUAL("two slices", n, 2);
	TEST_ASSERT_EQUAL("last ends at the end", r[1].end, 2000);
	free(r);
	verbose = saved_verbose;
	return TEST_OK;
}

/* Print with @fn into a string the test owns. */
static char *print_to_string(struct script_print *sp, void (*fn)(struct script_print *, void *),
			     void *arg)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	if (!fp)
		return NULL;
	sp->fp = fp;
	fn(sp, arg);
	script_print__flush(sp);
	fclose(fp);
	return buf;
}

static void print_start(struct script_print *sp, void *arg)
{
	struct script_output *o = arg;
	struct perf_sample sample = {
		.pid = 15568, .tid = 15569, .cpu = 1, .time = 1948792993255ULL,
	};

	script_print__start(sp, o, &sample, NULL, PERF_RECORD_MISC_USER, PERF_RECORD_SAMPLE,
			    false);
	script_print__period(sp, 1000000);
	script_print__evname(sp, "cpu-clock", 13);
}

static void print_flags(struct script_print *sp, void *arg __maybe_unused)
{
	script_print__flags(sp, 0);
	script_print__flags(sp, 1 | 2);	/* branch | call */
}

static int test__script_print(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct script_print *sp = calloc(1, sizeof(*sp));
	struct script_output o = { .fields = SCRIPT_F_COMM | SCRIPT_F_TID | SCRIPT_F_TIME };
	char *s;

	TEST_ASSERT_VAL("alloc", sp);
	sp->max_stack = 127;
	/* No thread: ":-1", as the reference names an unknown one. */
	s = print_to_string(sp, print_start, &o);
	TEST_ASSERT_STREQ("comm tid time period event", s,
			  "             :-1 15569  1948.792993:    1000000     cpu-clock: ");
	free(s);

	o.fields = SCRIPT_F_PID | SCRIPT_F_TID | SCRIPT_F_CPU | SCRIPT_F_TIME | SCRIPT_F_MISC;
	sp->nanosecs = true;
	s = print_to_string(sp, print_start, &o);
	TEST_ASSERT_STREQ("pid/tid cpu misc ns", s,
			  "15568/15569 [001] U      1948.792993255:    1000000     cpu-clock: ");
	free(s);

	/* --reltime counts from the first event printed, --deltatime from the last. */
	sp->nanosecs = false;
	sp->reltime = true;
	o.fields = SCRIPT_F_TIME;
	s = print_to_string(sp, print_start, &o);
	TEST_ASSERT_STREQ("reltime", s, "    0.000000:    1000000     cpu-clock: ");
	free(s);

	s = print_to_string(sp, print_flags, NULL);
	/* "  %-21s ": empty, then "call" */
	TEST_ASSERT_STREQ("flags column", s,
			  "                        " "  call                  ");
	free(s);
	free(sp);
	return TEST_OK;
}

/* Lengths the reference's decoder gives for instructions seen in samples. */
static int test__script_insn(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static const struct {
		const char *bytes;
		int len;
	} cases[] = {
		{ "\xe8\x1d\x08\x00\x00", 5 },			/* call rel32 */
		{ "\x48\x89\xe7", 3 },				/* mov %rsp,%rdi */
		{ "\xc5\xfb\x93\xc1", 4 },			/* kmovd %k1,%eax (VEX) */
		{ "\x48\x3d\x00\xf0\xff\xff", 6 },		/* cmp $imm32,%rax */
		{ "\x0f\x1f\x00", 3 },				/* nopl (%rax) */
		{ "\xc3", 1 },					/* ret */
		{ "\x41\x54", 2 },				/* push %r12 */
		{ "\x64\x48\x2b\x04\x25\x28\x00\x00\x00", 9 },	/* sub %fs:0x28,%rax */
		{ "\x48\xb8\x01\x02\x03\x04\x05\x06\x07\x08", 10 },	/* movabs */
		{ "\x62\xf1\x7d\x48\x6f\x44\x24\x01", 8 },	/* vmovdqa32 disp8 (EVEX) */
		{ "\x66\x0f\x3a\x0f\xc1\x08", 6 },		/* palignr $8 */
		{ "\xf6\x05\x00\x00\x00\x00\x01", 7 },	/* testb $1,rip+0 */
		{ "\x0f\x84\x00\x01\x00\x00", 6 },		/* je rel32 */
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const uint8_t *b = (const uint8_t *)cases[i].bytes;

		TEST_ASSERT_EQUAL(cases[i].bytes, insn_x86__len(b, 15, true), cases[i].len);
		/* One byte short is not an instruction. */
		TEST_ASSERT_EQUAL("short", insn_x86__len(b, (size_t)cases[i].len - 1, true), 0);
	}
	return TEST_OK;
}

static struct test_case script_tests[] = {
	TEST_CASE("-F field selection and checks", script_fields),
	TEST_CASE("CPU, id, name and time filters", script_filters),
	TEST_CASE("sample columns as the reference prints them", script_print),
	TEST_CASE("x86 instruction lengths (-F insnlen)", script_insn),
	{ .name = NULL, }
};

struct test_suite suite__script = {
	.desc = "perf script fields, filters and printers",
	.test_cases = script_tests,
};
