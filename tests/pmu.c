// SPDX-License-Identifier: GPL-2.0
/*
 * Sysfs PMUs: format strings, bit spreading, and loading the fake trees in
 * tests/data/sysfs/<arch>/ as well as the machine's own /sys.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/cpumap.h"
#include "../util/exec-cmd.h"
#include "../util/fs.h"
#include "../util/pmu.h"
#include "../util/util.h"
#include "../util/zalloc.h"
#include "tests.h"

/* ---- helpers ---- */

/*
 * Run @check with the sysfs root at tests/data/sysfs/@tree, then put the
 * real root back and forget what was loaded, whatever @check returned, so
 * the next case (in this process when run with -F) starts clean.
 */
static int with_tree(const char *tree, int (*check)(void))
{
	char root[PATH_MAX], *data = perf_find_data_path("tests/data/sysfs");
	int ret, n;

	if (!data)
		return TEST_SKIP_REASON("no tests/data/sysfs next to perf");
	n = snprintf(root, sizeof(root), "%s/%s", data, tree);
	free(data);
	if (n < 0 || (size_t)n >= sizeof(root))
		return TEST_FAIL;
	perf_pmus__destroy();
	sysfs__set_mountpoint(root);
	ret = check();
	perf_pmus__destroy();
	sysfs__set_mountpoint(NULL);
	return ret;
}

static int nr_formats(struct perf_pmu *pmu)
{
	struct perf_pmu_format *f;
	int n = 0;

	list_for_each_entry(f, &pmu->formats, list)
		n++;
	return n;
}

static int nr_aliases(struct perf_pmu *pmu)
{
	struct perf_pmu_alias *a;
	int n = 0;

	list_for_each_entry(a, &pmu->aliases, list)
		n++;
	return n;
}

/* Aliases keep the sysfs spelling and are in strcasecmp() order. */
static int check_aliases_sorted(struct perf_pmu *pmu)
{
	struct perf_pmu_alias *a;
	const char *prev = NULL;

	list_for_each_entry(a, &pmu->aliases, list) {
		TEST_ASSERT_VAL("aliases sorted", !prev || strcasecmp(prev, a->name) < 0);
		prev = a->name;
	}
	return TEST_OK;
}

static int check_format(struct perf_pmu *pmu, const char *name,
			enum perf_pmu_format_value value, uint64_t bits)
{
	struct perf_pmu_format *f = perf_pmu__find_format(pmu, name);

	if (!f) {
		pr_err("FAILED: pmu %s has no format '%s'\n", pmu->name, name);
		return TEST_FAIL;
	}
	if (f->value != value || f->bits != bits) {
		pr_err("FAILED: pmu %s format '%s': field %d bits %#llx, expected %d %#llx\n",
		       pmu->name, name, f->value, (unsigned long long)f->bits,
		       value, (unsigned long long)bits);
		return TEST_FAIL;
	}
	return TEST_OK;
}

static int check_cpus(struct perf_pmu *pmu, const char *expected)
{
	char buf[64];

	if (!expected) {
		TEST_ASSERT_VAL("no cpumask", pmu->cpus == NULL);
		return TEST_OK;
	}
	TEST_ASSERT_VAL("has cpumask", pmu->cpus != NULL);
	cpu_map__snprint(pmu->cpus, buf, sizeof(buf));
	TEST_ASSERT_STREQ("cpumask", buf, expected);
	return TEST_OK;
}

#define CHECK(call)					\
	do {						\
		int __r = (call);			\
		if (__r != TEST_OK)			\
			return __r;			\
	} while (0)

/* ---- format strings ---- */

static int test__format_parse(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static const struct {
		const char *text;
		enum perf_pmu_format_value value;
		uint64_t bits;
	} good[] = {
		{ "config:0-7",        PERF_PMU_FORMAT_VALUE_CONFIG,  0xffULL },
		{ "config:0-7\n",      PERF_PMU_FORMAT_VALUE_CONFIG,  0xffULL },
		{ "config:0-7,32-35",  PERF_PMU_FORMAT_VALUE_CONFIG,  0xf000000ffULL },
		{ "config:21",         PERF_PMU_FORMAT_VALUE_CONFIG,  1ULL << 21 },
		{ "config:63",         PERF_PMU_FORMAT_VALUE_CONFIG,  1ULL << 63 },
		{ "config1:0-63",      PERF_PMU_FORMAT_VALUE_CONFIG1, ~0ULL },
		{ "config2:0-11",      PERF_PMU_FORMAT_VALUE_CONFIG2, 0xfffULL },
		{ "config3:4,8-9",     PERF_PMU_FORMAT_VALUE_CONFIG3, 0x310ULL },
		{ "config:0-7,32-35,59-60", PERF_PMU_FORMAT_VALUE_CONFIG,
		  0x1800000f000000ffULL },
		{ " config:007",       PERF_PMU_FORMAT_VALUE_CONFIG,  1ULL << 7 },
		{ "config:5-5",        PERF_PMU_FORMAT_VALUE_CONFIG,  1ULL << 5 },
	};
	static const char *const bad[] = {
		"", "config", "config:", "config:7-0", "config:0-64", "config:64",
		"config:-1", "config:0-", "config:0-3,", "config:,0", "config:a",
		"config4:0", "configX:0-3", "conf:0", "0-7", ":0-7", "config :0",
		"config:0 -7", "config:0-7 junk", "config:0000000000000000000064",
		"config:1,2-1",
	};
	enum perf_pmu_format_value value;
	uint64_t bits;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		value = PERF_PMU_FORMAT_VALUE_CONFIG3 + 1;
		bits = 0;
		if (perf_pmu_format__parse(good[i].text, &value, &bits)) {
			pr_err("FAILED: '%s' rejected\n", good[i].text);
			return TEST_FAIL;
		}
		TEST_ASSERT_EQUAL(good[i].text, value, good[i].value);
		TEST_ASSERT_EQUAL(good[i].text, bits, good[i].bits);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		value = PERF_PMU_FORMAT_VALUE_CONFIG2;
		bits = 0x1234;
		if (perf_pmu_format__parse(bad[i], &value, &bits) != -EINVAL) {
			pr_err("FAILED: '%s' accepted\n", bad[i]);
			return TEST_FAIL;
		}
		TEST_ASSERT_VAL("outputs untouched on error",
				value == PERF_PMU_FORMAT_VALUE_CONFIG2 && bits == 0x1234);
	}
	TEST_ASSERT_EQUAL("NULL text", perf_pmu_format__parse(NULL, &value, &bits), -EINVAL);
	return TEST_OK;
}

static int test__format_apply(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_pmu_format f = { .name = (char *)"event" };
	struct perf_event_attr attr;
	int err;

	/* Contiguous: config:0-7. */
	memset(&attr, 0, sizeof(attr));
	f.value = PERF_PMU_FORMAT_VALUE_CONFIG;
	f.bits = 0xff;
	TEST_ASSERT_EQUAL("max 8 bits", perf_pmu_format__max(&f), 0xff);
	TEST_ASSERT_EQUAL("apply 0x3c", perf_pmu__format_apply(&f, 0x3c, &attr), 0);
	TEST_ASSERT_EQUAL("config", attr.config, 0x3c);
	TEST_ASSERT_EQUAL("0x100 does not fit", perf_pmu__format_apply(&f, 0x100, &attr), -ERANGE);
	TEST_ASSERT_EQUAL("config unchanged on error", attr.config, 0x3c);
	/* Re-applying replaces the field's bits and keeps the others. */
	attr.config |= 0xff00;
	TEST_ASSERT_EQUAL("apply 0x01", perf_pmu__format_apply(&f, 0x01, &attr), 0);
	TEST_ASSERT_EQUAL("override", attr.config, 0xff01);

	/* Split: AMD's event=config:0-7,32-35 takes a 12-bit event code. */
	memset(&attr, 0, sizeof(attr));
	TEST_ASSERT_EQUAL("parse split", perf_pmu_format__parse("config:0-7,32-35", &f.value, &f.bits), 0);
	TEST_ASSERT_EQUAL("max 12 bits", perf_pmu_format__max(&f), 0xfff);
	TEST_ASSERT_EQUAL("apply 0x1c0", perf_pmu__format_apply(&f, 0x1c0, &attr), 0);
	TEST_ASSERT_EQUAL("split low byte, high nibble", attr.config, 0x1000000c0ULL);
	TEST_ASSERT_EQUAL("apply 0xfff", perf_pmu__format_apply(&f, 0xfff, &attr), 0);
	TEST_ASSERT_EQUAL("all bits", attr.config, 0xf000000ffULL);
	TEST_ASSERT_EQUAL("0x1000 overflows", perf_pmu__format_apply(&f, 0x1000, &attr), -ERANGE);

	/* Scattered single bits. */
	memset(&attr, 0, sizeof(attr));
	TEST_ASSERT_EQUAL("parse bits", perf_pmu_format__parse("config:3,10,63", &f.value, &f.bits), 0);
	TEST_ASSERT_EQUAL("apply 0b101", perf_pmu__format_apply(&f, 5, &attr), 0);
	TEST_ASSERT_EQUAL("bits 3 and 63", attr.config, (1ULL << 3) | (1ULL << 63));
	TEST_ASSERT_EQUAL("8 overflows", perf_pmu__format_apply(&f, 8, &attr), -ERANGE);

	/* A single bit field (any=config:21). */
	memset(&attr, 0, sizeof(attr));
	f.bits = 1ULL << 21;
	TEST_ASSERT_EQUAL("max 1 bit", perf_pmu_format__max(&f), 1);
	TEST_ASSERT_EQUAL("apply 1", perf_pmu__format_apply(&f, 1, &attr), 0);
	TEST_ASSERT_EQUAL("bit 21", attr.config, 1ULL << 21);
	TEST_ASSERT_EQUAL("2 overflows", perf_pmu__format_apply(&f, 2, &attr), -ERANGE);
	TEST_ASSERT_EQUAL("apply 0", perf_pmu__format_apply(&f, 0, &attr), 0);
	TEST_ASSERT_EQUAL("bit 21 cleared", attr.config, 0);

	/* The whole of config1, and config2. */
	memset(&attr, 0, sizeof(attr));
	f.value = PERF_PMU_FORMAT_VALUE_CONFIG1;
	f.bits = ~0ULL;
	TEST_ASSERT_EQUAL("max 64 bits", perf_pmu_format__max(&f), ~0ULL);
	TEST_ASSERT_EQUAL("apply all ones", perf_pmu__format_apply(&f, ~0ULL, &attr), 0);
	TEST_ASSERT_EQUAL("config1", attr.config1, ~0ULL);
	TEST_ASSERT_EQUAL("config untouched", attr.config, 0);
	f.value = PERF_PMU_FORMAT_VALUE_CONFIG2;
	f.bits = 0xfff;
	TEST_ASSERT_EQUAL("apply min_latency", perf_pmu__format_apply(&f, 20, &attr), 0);
	TEST_ASSERT_EQUAL("config2", attr.config2, 20);

	/* config3 needs uapi headers from Linux 6.3 or later. */
	f.value = PERF_PMU_FORMAT_VALUE_CONFIG3;
	f.bits = 0xf0;
	err = perf_pmu__format_apply(&f, 3, &attr);
	TEST_ASSERT_VAL("config3 applied or unsupported", err == 0 || err == -EOPNOTSUPP);
	TEST_ASSERT_EQUAL("config3 overflow first", perf_pmu__format_apply(&f, 16, &attr), -ERANGE);
	return TEST_OK;
}

/* ---- fake trees ---- */

static int check_intel(void)
{
	struct perf_pmu *cpu, *power, *imc, *cstate, *pmu;
	struct perf_pmu_alias *a;
	struct perf_event_attr attr;
	int idx;

	cpu = perf_pmus__find("cpu");
	TEST_ASSERT_VAL("cpu found", cpu);
	TEST_ASSERT_STREQ("name", cpu->name, "cpu");
	TEST_ASSERT_EQUAL("cpu type", cpu->type, PERF_TYPE_RAW);
	TEST_ASSERT_VAL("cpu is core", cpu->is_core && !cpu->is_uncore);
	CHECK(check_cpus(cpu, NULL));
	TEST_ASSERT_EQUAL("12 formats", nr_formats(cpu), 12);
	CHECK(check_format(cpu, "event", PERF_PMU_FORMAT_VALUE_CONFIG, 0xff));
	CHECK(check_format(cpu, "umask", PERF_PMU_FORMAT_VALUE_CONFIG, 0xff00));
	CHECK(check_format(cpu, "edge", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 18));
	CHECK(check_format(cpu, "pc", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 19));
	CHECK(check_format(cpu, "any", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 21));
	CHECK(check_format(cpu, "inv", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 23));
	CHECK(check_format(cpu, "cmask", PERF_PMU_FORMAT_VALUE_CONFIG, 0xff000000ULL));
	CHECK(check_format(cpu, "in_tx", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 32));
	CHECK(check_format(cpu, "in_tx_cp", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 33));
	CHECK(check_format(cpu, "ldlat", PERF_PMU_FORMAT_VALUE_CONFIG1, 0xffff));
	CHECK(check_format(cpu, "frontend", PERF_PMU_FORMAT_VALUE_CONFIG1, 0xffffff));
	CHECK(check_format(cpu, "offcore_rsp", PERF_PMU_FORMAT_VALUE_CONFIG1, ~0ULL));
	TEST_ASSERT_VAL("no such format", !perf_pmu__find_format(cpu, "nope"));
	TEST_ASSERT_STREQ("formats ordered by field and bit",
			  list_first_entry(&cpu->formats, struct perf_pmu_format, list)->name,
			  "event");
	TEST_ASSERT_STREQ("config1 formats last",
			  list_last_entry(&cpu->formats, struct perf_pmu_format, list)->name,
			  "offcore_rsp");

	TEST_ASSERT_EQUAL("8 aliases", nr_aliases(cpu), 8);
	CHECK(check_aliases_sorted(cpu));
	a = perf_pmu__find_alias(cpu, "cpu-cycles");
	TEST_ASSERT_VAL("cpu-cycles", a);
	TEST_ASSERT_STREQ("cpu-cycles terms", a->terms, "event=0x3c");
	TEST_ASSERT_VAL("default scale", a->scale == 1.0);
	TEST_ASSERT_VAL("no unit", !a->unit && !a->per_pkg && !a->snapshot && !a->desc);
	a = perf_pmu__find_alias(cpu, "instructions");
	TEST_ASSERT_STREQ("instructions terms", a ? a->terms : NULL, "event=0xc0");
	a = perf_pmu__find_alias(cpu, "mem-loads");
	TEST_ASSERT_STREQ("mem-loads terms", a ? a->terms : NULL, "event=0xcd,umask=0x1,ldlat=3");
	a = perf_pmu__find_alias(cpu, "topdown-retiring");
	TEST_ASSERT_VAL("topdown-retiring", a);
	TEST_ASSERT_STREQ("topdown terms", a->terms, "event=0x00,umask=0x80");
	TEST_ASSERT_VAL("topdown scale 4", a->scale == 4.0);
	TEST_ASSERT_VAL("sidecar is no event", !perf_pmu__find_alias(cpu, "topdown-retiring.scale"));

	/* Event terms expand through the formats. */
	memset(&attr, 0, sizeof(attr));
	a = perf_pmu__find_alias(cpu, "mem-loads");
	TEST_ASSERT_EQUAL("mem-loads config", perf_pmu__config_terms(cpu, a->terms, &attr, NULL), 0);
	TEST_ASSERT_EQUAL("mem-loads config", attr.config, 0x1cd);
	TEST_ASSERT_EQUAL("mem-loads config1", attr.config1, 3);
	memset(&attr, 0, sizeof(attr));
	a = perf_pmu__find_alias(cpu, "el-start");
	TEST_ASSERT_VAL("el-start", a);
	TEST_ASSERT_EQUAL("bare term", perf_pmu__config_terms(cpu, a->terms, &attr, NULL), 0);
	TEST_ASSERT_EQUAL("edge means 1", attr.config, 0x1c8 | (1ULL << 18));
	memset(&attr, 0, sizeof(attr));
	TEST_ASSERT_EQUAL("whole fields",
			  perf_pmu__config_terms(cpu, "config=0x1234,config1=7,cmask=2", &attr, NULL), 0);
	TEST_ASSERT_EQUAL("config then cmask", attr.config, 0x02001234);
	TEST_ASSERT_EQUAL("config1", attr.config1, 7);
	idx = -1;
	TEST_ASSERT_EQUAL("unknown term",
			  perf_pmu__config_terms(cpu, "event=1,bogus=2", &attr, &idx), -EINVAL);
	TEST_ASSERT_EQUAL("unknown term offset", idx, 8);
	idx = -1;
	TEST_ASSERT_EQUAL("too wide",
			  perf_pmu__config_terms(cpu, "umask=0x100", &attr, &idx), -ERANGE);
	TEST_ASSERT_EQUAL("too wide offset", idx, 0);
	TEST_ASSERT_EQUAL("empty value", perf_pmu__config_terms(cpu, "event=", &attr, &idx), -EINVAL);
	TEST_ASSERT_EQUAL("double comma",
			  perf_pmu__config_terms(cpu, "event=1,,umask=1", &attr, &idx), -EINVAL);
	TEST_ASSERT_EQUAL("double comma offset", idx, 8);
	TEST_ASSERT_EQUAL("trailing comma", perf_pmu__config_terms(cpu, "event=1,", &attr, &idx), -EINVAL);
	TEST_ASSERT_EQUAL("param", perf_pmu__config_terms(cpu, "event=?", &attr, &idx), -EINVAL);
	TEST_ASSERT_EQUAL("bad number", perf_pmu__config_terms(cpu, "event=0x", &attr, &idx), -EINVAL);
	TEST_ASSERT_EQUAL("sign", perf_pmu__config_terms(cpu, "event=-1", &attr, &idx), -EINVAL);
	TEST_ASSERT_EQUAL("64-bit overflow",
			  perf_pmu__config_terms(cpu, "config=0x10000000000000000", &attr, &idx), -ERANGE);
	TEST_ASSERT_EQUAL("empty list", perf_pmu__config_terms(cpu, "", &attr, NULL), 0);

	TEST_ASSERT_EQUAL("max_precise", cpu->max_precise, 3);
	TEST_ASSERT_STREQ("caps/branches", perf_pmu__find_cap(cpu, "branches"), "32");
	TEST_ASSERT_STREQ("caps/pmu_name", perf_pmu__find_cap(cpu, "pmu_name"), "skylake");
	TEST_ASSERT_VAL("no caps/pmu", !perf_pmu__find_cap(cpu, "pmu"));
	TEST_ASSERT_STREQ("caps sorted", cpu->caps[0], "branches=32");
	TEST_ASSERT_VAL("caps NULL-terminated", cpu->caps[3] == NULL);

	power = perf_pmus__find("power");
	TEST_ASSERT_VAL("power", power);
	TEST_ASSERT_EQUAL("power type", power->type, 14);
	TEST_ASSERT_VAL("power is uncore", !power->is_core && power->is_uncore);
	CHECK(check_cpus(power, "0"));
	TEST_ASSERT_EQUAL("power max_precise absent", power->max_precise, -1);
	TEST_ASSERT_VAL("power has no caps", power->caps == NULL);
	a = perf_pmu__find_alias(power, "energy-pkg");
	TEST_ASSERT_VAL("energy-pkg", a);
	TEST_ASSERT_STREQ("energy-pkg terms", a->terms, "event=0x02");
	TEST_ASSERT_VAL("energy-pkg scale", a->scale == 2.3283064365386962890625e-10);
	TEST_ASSERT_STREQ("energy-pkg unit", a->unit, "Joules");

	imc = perf_pmus__find("uncore_imc_0");
	TEST_ASSERT_VAL("uncore_imc_0", imc);
	TEST_ASSERT_EQUAL("imc type", imc->type, 15);
	TEST_ASSERT_VAL("imc is uncore", !imc->is_core && imc->is_uncore);
	CHECK(check_cpus(imc, "0"));
	a = perf_pmu__find_alias(imc, "data_reads");
	TEST_ASSERT_VAL("data_reads", a);
	TEST_ASSERT_VAL("MiB scale", a->scale == 6.103515625e-5);
	TEST_ASSERT_STREQ("MiB", a->unit, "MiB");

	cstate = perf_pmus__find("cstate_pkg");
	a = perf_pmu__find_alias(cstate, "c2-residency");
	TEST_ASSERT_VAL("c2-residency", a);
	TEST_ASSERT_VAL("per-pkg and snapshot", a->per_pkg && a->snapshot);

	pmu = perf_pmus__find("software");
	TEST_ASSERT_VAL("software", pmu && pmu->type == PERF_TYPE_SOFTWARE && !pmu->is_core);
	pmu = perf_pmus__find("tracepoint");
	TEST_ASSERT_VAL("tracepoint", pmu && pmu->type == PERF_TYPE_TRACEPOINT);
	pmu = perf_pmus__find("breakpoint");
	TEST_ASSERT_VAL("breakpoint", pmu && pmu->type == PERF_TYPE_BREAKPOINT && !pmu->is_uncore);
	pmu = perf_pmus__find("msr");
	TEST_ASSERT_VAL("msr", pmu && pmu->type == 9);
	a = perf_pmu__find_alias(pmu, "tsc");
	TEST_ASSERT_STREQ("tsc", a ? a->terms : NULL, "event=0x00");

	TEST_ASSERT_VAL("no such pmu", !perf_pmus__find("nope"));
	TEST_ASSERT_VAL("no path games", !perf_pmus__find("../devices/cpu") && !perf_pmus__find(".."));
	TEST_ASSERT_VAL("find_by_type", perf_pmus__find_by_type(15) == imc);
	TEST_ASSERT_VAL("find_by_type loads lazily", perf_pmus__find_by_type(16) != NULL);
	TEST_ASSERT_VAL("find_by_type none", !perf_pmus__find_by_type(1000));
	TEST_ASSERT_VAL("core pmu", perf_pmus__find_core_pmu() == cpu);
	TEST_ASSERT_VAL("same pointer on second find", perf_pmus__find("cpu") == cpu);
	return TEST_OK;
}

static int test__intel(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	return with_tree("intel", check_intel);
}

static int check_amd(void)
{
	struct perf_pmu *cpu, *op, *fetch, *df, *l3;
	struct perf_event_attr attr;

	cpu = perf_pmus__find("cpu");
	TEST_ASSERT_VAL("cpu", cpu && cpu->type == PERF_TYPE_RAW && cpu->is_core);
	CHECK(check_format(cpu, "event", PERF_PMU_FORMAT_VALUE_CONFIG, 0xf000000ffULL));
	TEST_ASSERT_EQUAL("max_precise 0", cpu->max_precise, 0);
	memset(&attr, 0, sizeof(attr));
	TEST_ASSERT_EQUAL("12-bit event",
			  perf_pmu__config_terms(cpu, "event=0x1c0,umask=1", &attr, NULL), 0);
	TEST_ASSERT_EQUAL("split event", attr.config, 0x1000001c0ULL);

	op = perf_pmus__find("ibs_op");
	TEST_ASSERT_VAL("ibs_op", op && op->type == 11);
	TEST_ASSERT_VAL("ibs_op not core", !op->is_core);
	CHECK(check_format(op, "cnt_ctl", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 19));
	CHECK(check_format(op, "swfilt", PERF_PMU_FORMAT_VALUE_CONFIG2, 1));
	TEST_ASSERT_STREQ("zen4 ibs", perf_pmu__find_cap(op, "zen4_ibs_extensions"), "1");
	TEST_ASSERT_EQUAL("no max_precise", op->max_precise, -1);
	CHECK(check_cpus(op, "0-7"));

	fetch = perf_pmus__find("ibs_fetch");
	TEST_ASSERT_VAL("ibs_fetch", fetch && fetch->type == 10);
	CHECK(check_format(fetch, "rand_en", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 57));

	df = perf_pmus__find("amd_df");
	TEST_ASSERT_VAL("amd_df", df && df->is_uncore);
	CHECK(check_format(df, "event", PERF_PMU_FORMAT_VALUE_CONFIG,
			   0xffULL | (0xfULL << 32) | (3ULL << 59)));
	memset(&attr, 0, sizeof(attr));
	TEST_ASSERT_EQUAL("14-bit df event",
			  perf_pmu__config_terms(df, "event=0x3fff", &attr, NULL), 0);
	TEST_ASSERT_EQUAL("df event over three ranges", attr.config,
			  0xffULL | (0xfULL << 32) | (3ULL << 59));
	TEST_ASSERT_EQUAL("df event overflow",
			  perf_pmu__config_terms(df, "event=0x4000", &attr, NULL), -ERANGE);

	l3 = perf_pmus__find("amd_l3");
	TEST_ASSERT_VAL("amd_l3", l3 && l3->is_uncore && l3->type == 13);
	CHECK(check_cpus(l3, "0,4"));
	TEST_ASSERT_VAL("core pmu", perf_pmus__find_core_pmu() == cpu);
	return TEST_OK;
}

static int test__amd(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	return with_tree("amd", check_amd);
}

static int check_arm64(void)
{
	struct perf_pmu *pmu, *spe;
	struct perf_pmu_alias *a;
	struct perf_event_attr attr;

	TEST_ASSERT_VAL("no cpu pmu on arm64", !perf_pmus__find("cpu"));
	pmu = perf_pmus__find("armv8_pmuv3_0");
	TEST_ASSERT_VAL("armv8_pmuv3_0", pmu);
	TEST_ASSERT_EQUAL("type", pmu->type, 8);
	TEST_ASSERT_VAL("armv8 is core", pmu->is_core && !pmu->is_uncore);
	CHECK(check_cpus(pmu, "0-7"));
	CHECK(check_format(pmu, "event", PERF_PMU_FORMAT_VALUE_CONFIG, 0xffff));
	CHECK(check_format(pmu, "long", PERF_PMU_FORMAT_VALUE_CONFIG1, 1));
	a = perf_pmu__find_alias(pmu, "cpu_cycles");
	TEST_ASSERT_STREQ("cpu_cycles", a ? a->terms : NULL, "event=0x0011");
	a = perf_pmu__find_alias(pmu, "inst_retired");
	TEST_ASSERT_STREQ("inst_retired", a ? a->terms : NULL, "event=0x0008");
	memset(&attr, 0, sizeof(attr));
	TEST_ASSERT_EQUAL("apply",
			  perf_pmu__config_terms(pmu, "event=0x0011,long", &attr, NULL), 0);
	TEST_ASSERT_VAL("chained", attr.config == 0x11 && attr.config1 == 1);
	CHECK(check_aliases_sorted(pmu));

	spe = perf_pmus__find("arm_spe_0");
	TEST_ASSERT_VAL("arm_spe_0", spe && spe->type == 9);
	TEST_ASSERT_VAL("spe not core", !spe->is_core && spe->is_uncore);
	TEST_ASSERT_EQUAL("spe formats", nr_formats(spe), 8);
	CHECK(check_format(spe, "ts_enable", PERF_PMU_FORMAT_VALUE_CONFIG, 1));
	CHECK(check_format(spe, "pa_enable", PERF_PMU_FORMAT_VALUE_CONFIG, 2));
	CHECK(check_format(spe, "pct_enable", PERF_PMU_FORMAT_VALUE_CONFIG, 4));
	CHECK(check_format(spe, "jitter", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 16));
	CHECK(check_format(spe, "branch_filter", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 32));
	CHECK(check_format(spe, "load_filter", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 33));
	CHECK(check_format(spe, "store_filter", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 34));
	CHECK(check_format(spe, "min_latency", PERF_PMU_FORMAT_VALUE_CONFIG2, 0xfff));
	TEST_ASSERT_STREQ("min_interval", perf_pmu__find_cap(spe, "min_interval"), "256");
	TEST_ASSERT_EQUAL("no aliases", nr_aliases(spe), 0);
	TEST_ASSERT_VAL("core pmu", perf_pmus__find_core_pmu() == pmu);
	return TEST_OK;
}

static int test__arm64(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	return with_tree("arm64", check_arm64);
}

static int check_riscv(void)
{
	struct perf_pmu *cpu = perf_pmus__find("cpu");
	struct perf_event_attr attr;

	TEST_ASSERT_VAL("cpu", cpu && cpu->type == PERF_TYPE_RAW && cpu->is_core);
	CHECK(check_format(cpu, "event", PERF_PMU_FORMAT_VALUE_CONFIG, 0xffffffffffffULL));
	CHECK(check_format(cpu, "firmware", PERF_PMU_FORMAT_VALUE_CONFIG, 1ULL << 63));
	TEST_ASSERT_EQUAL("2 aliases", nr_aliases(cpu), 2);
	TEST_ASSERT_VAL("cpu-cycles", perf_pmu__find_alias(cpu, "cpu-cycles"));
	memset(&attr, 0, sizeof(attr));
	TEST_ASSERT_EQUAL("firmware event",
			  perf_pmu__config_terms(cpu, "event=0x15,firmware", &attr, NULL), 0);
	TEST_ASSERT_EQUAL("bit 63", attr.config, 0x15 | (1ULL << 63));
	TEST_ASSERT_VAL("core pmu", perf_pmus__find_core_pmu() == cpu);
	return TEST_OK;
}

static int test__riscv(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	return with_tree("riscv", check_riscv);
}

/* tests/data/sysfs/broken holds the malformed files; see each comment. */
static int check_broken(void)
{
	struct perf_pmu *good, *pmu;
	struct perf_pmu_alias *a;
	int n = 0;

	TEST_ASSERT_VAL("no type file", !perf_pmus__find("notype"));
	TEST_ASSERT_VAL("type 'four'", !perf_pmus__find("badtype"));
	TEST_ASSERT_VAL("type above 32 bits", !perf_pmus__find("hugetype"));
	good = perf_pmus__find("good");
	TEST_ASSERT_VAL("good", good && good->type == 20);
	/* Only format/event survives; reversed, 64, trailing comma... are dropped. */
	TEST_ASSERT_EQUAL("one format", nr_formats(good), 1);
	CHECK(check_format(good, "event", PERF_PMU_FORMAT_VALUE_CONFIG, 0xff));
	/* cpumask "zero": no map, but the file says it is an uncore PMU. */
	CHECK(check_cpus(good, NULL));
	TEST_ASSERT_VAL("not core", !good->is_core);
	TEST_ASSERT_EQUAL("max_precise 'many'", good->max_precise, -1);
	TEST_ASSERT_STREQ("cap kept verbatim", perf_pmu__find_cap(good, "max_precise"), "many");

	/* ok, nan, mixed-case; junk, empty and hexjunk are dropped. */
	TEST_ASSERT_EQUAL("three aliases", nr_aliases(good), 3);
	CHECK(check_aliases_sorted(good));
	a = perf_pmu__find_alias(good, "ok");
	TEST_ASSERT_VAL("ok", a);
	TEST_ASSERT_VAL("garbage scale ignored", a->scale == 1.0);
	TEST_ASSERT_VAL("empty unit ignored", a->unit == NULL);
	TEST_ASSERT_VAL("per-pkg 'yes' ignored", !a->per_pkg);
	a = perf_pmu__find_alias(good, "nan");
	TEST_ASSERT_VAL("nan scale ignored", a && a->scale == 1.0);
	TEST_ASSERT_VAL("mixed-case", perf_pmu__find_alias(good, "mixed-case"));
	TEST_ASSERT_VAL("no orphan sidecar", !perf_pmu__find_alias(good, "orphan"));
	TEST_ASSERT_VAL("no junk", !perf_pmu__find_alias(good, "junk"));

	for (pmu = perf_pmus__scan(NULL); pmu; pmu = perf_pmus__scan(pmu))
		n++;
	TEST_ASSERT_EQUAL("only good is a PMU", n, 1);
	TEST_ASSERT_VAL("no core pmu", !perf_pmus__find_core_pmu());
	return TEST_OK;
}

static int test__broken(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	return with_tree("broken", check_broken);
}

static int check_scan_intel(void)
{
	static const char *const expected[] = {
		"breakpoint", "cpu", "cstate_pkg", "msr", "power", "software",
		"tracepoint", "uncore_cbox_2", "uncore_cbox_10", "uncore_imc_0",
	};
	struct perf_pmu *pmu, *cpu;
	size_t i = 0;

	/* A PMU loaded before the scan must take its place in the order. */
	cpu = perf_pmus__find("cpu");
	TEST_ASSERT_VAL("cpu", cpu);
	for (pmu = perf_pmus__scan(NULL); pmu; pmu = perf_pmus__scan(pmu), i++) {
		TEST_ASSERT_VAL("not too many", i < ARRAY_SIZE(expected));
		TEST_ASSERT_STREQ("scan order", pmu->name, expected[i]);
	}
	TEST_ASSERT_EQUAL("all PMUs", i, ARRAY_SIZE(expected));
	TEST_ASSERT_VAL("loaded once", perf_pmus__find("cpu") == cpu);
	TEST_ASSERT_VAL("absent after scan", !perf_pmus__find("cpu_core"));
	return TEST_OK;
}

static int check_scan_arm64(void)
{
	static const char *const expected[] = {
		"arm_spe_0", "armv8_pmuv3_0", "breakpoint", "software", "tracepoint",
	};
	struct perf_pmu *pmu;
	size_t i = 0;

	for (pmu = perf_pmus__scan(NULL); pmu; pmu = perf_pmus__scan(pmu), i++) {
		TEST_ASSERT_VAL("not too many", i < ARRAY_SIZE(expected));
		TEST_ASSERT_STREQ("scan order", pmu->name, expected[i]);
	}
	TEST_ASSERT_EQUAL("all PMUs", i, ARRAY_SIZE(expected));
	return TEST_OK;
}

static int test__scan(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	int ret = with_tree("intel", check_scan_intel);

	/* Switching trees after perf_pmus__destroy() must show the new one. */
	if (ret == TEST_OK)
		ret = with_tree("arm64", check_scan_arm64);
	return ret;
}

static int check_alias_case(void)
{
	struct perf_pmu *cpu = perf_pmus__find("cpu"), *power = perf_pmus__find("power");
	struct perf_pmu_alias *a;

	TEST_ASSERT_VAL("pmus", cpu && power);
	a = perf_pmu__find_alias(cpu, "cpu-cycles");
	TEST_ASSERT_VAL("exact", a);
	TEST_ASSERT_VAL("upper", perf_pmu__find_alias(cpu, "CPU-CYCLES") == a);
	TEST_ASSERT_VAL("mixed", perf_pmu__find_alias(cpu, "Cpu-Cycles") == a);
	TEST_ASSERT_VAL("Energy-Pkg", perf_pmu__find_alias(power, "Energy-Pkg"));
	TEST_ASSERT_VAL("prefix is no match", !perf_pmu__find_alias(cpu, "cpu-cycle"));
	TEST_ASSERT_VAL("longer is no match", !perf_pmu__find_alias(cpu, "cpu-cycles2"));
	TEST_ASSERT_VAL("NULL name", !perf_pmu__find_alias(cpu, NULL));
	TEST_ASSERT_VAL("NULL pmu", !perf_pmu__find_alias(NULL, "cpu-cycles"));
	TEST_ASSERT_VAL("PMU names are case-sensitive", !perf_pmus__find("CPU"));
	return TEST_OK;
}

static int test__alias_case(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	return with_tree("intel", check_alias_case);
}

static int check_valid_terms(void)
{
	static const char generic[] =
		"config,config1,config2,config3,name,period,freq,branch_type,"
		"time,call-graph,stack-size,no-inherit,inherit,max-stack,nr,"
		"no-overwrite,overwrite,driver-config,percore,aux-output,"
		"aux-sample-size,metric-id";
	char *s, expected[1024];

	s = perf_pmu__valid_terms(perf_pmus__find("cpu"));
	snprintf(expected, sizeof(expected), "%s,%s",
		 "event,umask,edge,pc,any,inv,cmask,in_tx,in_tx_cp,"
		 "frontend,ldlat,offcore_rsp", generic);
	TEST_ASSERT_STREQ("cpu terms", s, expected);
	free(s);

	s = perf_pmu__valid_terms(perf_pmus__find("software"));
	TEST_ASSERT_STREQ("no formats", s, generic);
	free(s);

	s = perf_pmu__valid_terms(NULL);
	TEST_ASSERT_STREQ("NULL pmu", s, generic);
	free(s);
	return TEST_OK;
}

static int test__valid_terms(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	return with_tree("intel", check_valid_terms);
}

static int check_real_sysfs(void)
{
	struct perf_pmu *sw, *tp, *pmu;
	int n = 0;

	sw = perf_pmus__find("software");
	TEST_ASSERT_VAL("software PMU", sw);
	TEST_ASSERT_EQUAL("software type", sw->type, PERF_TYPE_SOFTWARE);
	tp = perf_pmus__find("tracepoint");
	TEST_ASSERT_VAL("tracepoint PMU", tp);
	TEST_ASSERT_EQUAL("tracepoint type", tp->type, PERF_TYPE_TRACEPOINT);
	TEST_ASSERT_VAL("by type", perf_pmus__find_by_type(PERF_TYPE_SOFTWARE) == sw);
	for (pmu = perf_pmus__scan(NULL); pmu; pmu = perf_pmus__scan(pmu)) {
		struct perf_pmu *next = perf_pmus__scan(pmu);
		char *terms = perf_pmu__valid_terms(pmu);

		pr_debug("pmu %s type %u%s%s\n", pmu->name, pmu->type,
			 pmu->is_core ? " core" : "", pmu->is_uncore ? " uncore" : "");
		TEST_ASSERT_VAL("valid terms", terms);
		free(terms);
		TEST_ASSERT_VAL("software and tracepoint are not core",
				(pmu != sw && pmu != tp) || !pmu->is_core);
		if (next)
			TEST_ASSERT_VAL("unique names", strcmp(pmu->name, next->name) != 0);
		n++;
	}
	TEST_ASSERT_VAL("at least software and tracepoint", n >= 2);
	return TEST_OK;
}

static int test__real_sysfs(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	int ret;

	if (access("/sys/bus/event_source/devices", R_OK | X_OK))
		return TEST_SKIP_REASON("/sys/bus/event_source is not readable");
	perf_pmus__destroy();
	sysfs__set_mountpoint("/sys");
	ret = check_real_sysfs();
	perf_pmus__destroy();
	sysfs__set_mountpoint(NULL);
	return ret;
}

static struct test_case pmu_cases[] = {
	TEST_CASE("Parsing of PMU format strings", format_parse),
	TEST_CASE("Applying values to PMU format bits", format_apply),
	TEST_CASE("Loading a fake Intel sysfs", intel),
	TEST_CASE("Loading a fake AMD sysfs", amd),
	TEST_CASE("Loading a fake arm64 sysfs", arm64),
	TEST_CASE("Loading a fake RISC-V sysfs", riscv),
	TEST_CASE("Malformed sysfs PMU files", broken),
	TEST_CASE("PMU scan order", scan),
	TEST_CASE("Case-insensitive event lookup", alias_case),
	TEST_CASE("Valid terms hint", valid_terms),
	TEST_CASE("PMUs of this machine", real_sysfs),
	{ .name = NULL, }
};

struct test_suite suite__pmu = {
	.desc = "Sysfs PMU info",
	.test_cases = pmu_cases,
};
