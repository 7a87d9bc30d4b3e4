// SPDX-License-Identifier: GPL-2.0
/* maps/map/dso: overlap replacement, lookups, clones, refcounts. */
#include <stdlib.h>
#include <string.h>

#include "../util/dso.h"
#include "../util/map.h"
#include "../util/maps.h"
#include "tests.h"

static struct map *add(struct maps *maps, struct dso *dso, uint64_t start, uint64_t len,
		       uint64_t pgoff)
{
	struct map *m = map__new(start, len, pgoff, dso);

	if (!m || maps__insert(maps, m)) {
		map__put(m);
		return NULL;
	}
	map__put(m);	/* maps holds the only reference now */
	return m;
}

static int test__maps_overlap(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct dso *a = dso__new("/usr/lib/liba.so"), *b = dso__new("/usr/lib/libb.so");
	struct maps *maps = maps__new(NULL, 42);
	struct map *m;

	TEST_ASSERT_VAL("alloc", a && b && maps);
	TEST_ASSERT_VAL("insert", add(maps, a, 0x1000, 0x3000, 0x100));
	TEST_ASSERT_VAL("insert", add(maps, a, 0x8000, 0x1000, 0));
	TEST_ASSERT_EQUAL("two maps", maps__nr(maps), 2);

	/* Punch [0x2000, 0x3000) out of the first map: it splits in two. */
	TEST_ASSERT_VAL("insert middle", add(maps, b, 0x2000, 0x1000, 0x5000));
	TEST_ASSERT_EQUAL("split", maps__nr(maps), 4);
	m = maps__find(maps, 0x1fff);
	TEST_ASSERT_VAL("before part", m && m->dso == a && m->start == 0x1000 && m->end == 0x2000);
	TEST_ASSERT_EQUAL("before pgoff", m->pgoff, 0x100);
	m = maps__find(maps, 0x2000);
	TEST_ASSERT_VAL("new map", m && m->dso == b);
	TEST_ASSERT_EQUAL("map_ip", map__map_ip(m, 0x2010), 0x5010);
	TEST_ASSERT_EQUAL("unmap_ip", map__unmap_ip(m, 0x5010), 0x2010);
	m = maps__find(maps, 0x3000);
	TEST_ASSERT_VAL("after part", m && m->dso == a && m->start == 0x3000 && m->end == 0x4000);
	/* The tail keeps mapping the same file bytes: pgoff moves with the start. */
	TEST_ASSERT_EQUAL("after pgoff", m->pgoff, 0x100 + 0x2000);
	TEST_ASSERT_EQUAL("same file offset", map__map_ip(m, 0x3004), 0x2104);

	/* One map covering several: they all go. */
	TEST_ASSERT_VAL("insert over", add(maps, b, 0x0, 0x9000, 0));
	TEST_ASSERT_EQUAL("replaced", maps__nr(maps), 1);
	TEST_ASSERT_VAL("gone", maps__find(maps, 0x8800)->dso == b);
	TEST_ASSERT_VAL("outside", !maps__find(maps, 0x9000));

	TEST_ASSERT_EQUAL("dso refcount (maps hold it)", a->refcnt, 1);
	TEST_ASSERT_EQUAL("dso b refcount", b->refcnt, 2);
	maps__put(maps);
	TEST_ASSERT_EQUAL("dso b refcount after maps put", b->refcnt, 1);
	dso__put(a);
	dso__put(b);
	return TEST_OK;
}

static int test__maps_lookup(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct dso *d = dso__new("/bin/x");
	struct maps *maps = maps__new(NULL, 1), *copy;
	struct map *m;
	size_t i;

	TEST_ASSERT_VAL("alloc", d && maps);
	/* Inserted out of order, with holes between. */
	for (i = 0; i < 1000; i++) {
		uint64_t start = ((i * 7919) % 1000) * 0x10000;

		TEST_ASSERT_VAL("insert", add(maps, d, start, 0x8000, start));
	}
	TEST_ASSERT_EQUAL("count", maps__nr(maps), 1000);
	for (i = 1; i < maps__nr(maps); i++)
		TEST_ASSERT_VAL("sorted", maps->entries[i - 1]->end <= maps->entries[i]->start);
	for (i = 0; i < 1000; i++) {
		m = maps__find(maps, i * 0x10000 + 0x7fff);
		TEST_ASSERT_VAL("found", m && m->start == i * 0x10000);
		TEST_ASSERT_VAL("hole", !maps__find(maps, i * 0x10000 + 0x8000));
	}

	copy = maps__new(NULL, 2);
	TEST_ASSERT_VAL("clone", copy && !maps__clone(copy, maps));
	TEST_ASSERT_EQUAL("clone count", maps__nr(copy), 1000);
	m = maps__find(copy, 0x30000);
	TEST_ASSERT_VAL("clone is a copy", m && m != maps__find(maps, 0x30000) && m->dso == d);
	TEST_ASSERT_EQUAL("map refcount", m->refcnt, 1);
	TEST_ASSERT_VAL("get", map__get(m) == m);
	TEST_ASSERT_EQUAL("map refcount after get", m->refcnt, 2);
	maps__remove(copy, m);
	TEST_ASSERT_EQUAL("map refcount after remove", m->refcnt, 1);
	TEST_ASSERT_VAL("removed", !maps__find(copy, 0x30000));
	map__put(m);
	TEST_ASSERT_EQUAL("dso refcount", d->refcnt, 1 + 1000 + 999);

	TEST_ASSERT_VAL("maps get", maps__get(copy) == copy);
	TEST_ASSERT_EQUAL("maps refcount", copy->refcnt, 2);
	maps__put(copy);
	maps__put(copy);
	maps__put(maps);
	TEST_ASSERT_EQUAL("dso refcount at the end", d->refcnt, 1);
	dso__put(d);
	return TEST_OK;
}

static int test__dso_names(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static const struct {
		const char *name, *short_name;
		enum dso_kind kind;
	} cases[] = {
		{ "/usr/lib/x86_64-linux-gnu/libc.so.6", "libc.so.6", DSO_KIND_FILE },
		{ "[kernel.kallsyms]_text", "[kernel.kallsyms]", DSO_KIND_KERNEL },
		{ "[vdso]", "[vdso]", DSO_KIND_VDSO },
		{ "/tmp/perf-1234.map", "[JIT] tid 1234", DSO_KIND_JIT_MAP },
		{ "[heap]", "[heap]", DSO_KIND_NO_FILE },
		{ "[stack]", "[stack]", DSO_KIND_NO_FILE },
		{ "/lib/modules/6.1.0/kernel/net/nf-nat.ko.xz", "[nf_nat]", DSO_KIND_MODULE },
	};
	struct dsos dsos;
	struct dso *d, *d2, *d3;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		d = dso__new(cases[i].name);
		TEST_ASSERT_VAL("new", d);
		TEST_ASSERT_STREQ("short name", d->short_name, cases[i].short_name);
		TEST_ASSERT_EQUAL("kind", d->kind, cases[i].kind);
		dso__put(d);
	}

	dsos__init(&dsos);
	d = dsos__findnew(&dsos, "/bin/true");
	d2 = dsos__findnew(&dsos, "/bin/true");
	TEST_ASSERT_VAL("findnew finds", d && d == d2);
	TEST_ASSERT_EQUAL("refcount: set + 2 callers", d->refcnt, 3);
	dso__put(d2);
	d2 = dsos__findnew(&dsos, "[kernel.kallsyms]_text");
	TEST_ASSERT_VAL("kernel", d2 && d2->kind == DSO_KIND_KERNEL);
	d3 = dsos__find(&dsos, "[kernel.kallsyms]");
	TEST_ASSERT_VAL("kernel name trimmed", d3 == d2);
	dso__put(d3);
	dso__put(d2);
	TEST_ASSERT_VAL("kernel of set", dsos__kernel(&dsos) == d2);
	for (i = 0; i < 500; i++) {
		char name[32];

		snprintf(name, sizeof(name), "/lib/l%zu.so", i);
		d2 = dsos__findnew(&dsos, name);
		TEST_ASSERT_VAL("many", d2);
		dso__put(d2);
	}
	d2 = dsos__find(&dsos, "/lib/l123.so");
	TEST_ASSERT_VAL("found after growth", d2 && !strcmp(d2->short_name, "l123.so"));
	dso__put(d2);	/* the find's reference */
	dsos__exit(&dsos);
	TEST_ASSERT_EQUAL("refcount after set exit", d->refcnt, 1);
	dso__put(d);
	return TEST_OK;
}

static struct test_case maps_tests[] = {
	TEST_CASE("overlapping maps replace each other like mmap", maps_overlap),
	TEST_CASE("lookup, clone and refcounts", maps_lookup),
	TEST_CASE("dso names, kinds and the dsos set", dso_names),
	{ .name = NULL, }
};

struct test_suite suite__maps = {
	.desc = "maps, map and dso",
	.test_cases = maps_tests,
};
