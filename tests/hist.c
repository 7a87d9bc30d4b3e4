// SPDX-License-Identifier: GPL-2.0
/*
 * hists and callchains: samples merge by sort key, the output order
 * (overhead, then the keys), percentages and the text layout; the
 * callchain tree's sums, threshold, tie order and flat list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ui/stdio/hist.h"
#include "../util/callchain.h"
#include "../util/comm.h"
#include "../util/dso.h"
#include "../util/hist.h"
#include "../util/sort.h"
#include "../util/symbol.h"
#include "../util/thread.h"
#include "tests.h"

static void key__set(struct hists *hists, struct hist_entry *key, const char *comm,
		     struct dso *dso, struct symbol *sym, uint64_t ip)
{
	memset(key, 0, sizeof(*key));
	key->comm = comm_str__intern(comm);
	key->dso = dso;
	key->sym = sym;
	key->ip = ip;
	key->level = '.';
	key->hash = hists__hash(hists, key);
}

static int add(struct hists *hists, const char *comm, struct dso *dso, struct symbol *sym,
	       uint64_t ip, uint64_t period)
{
	struct hist_entry key, *he;

	key__set(hists, &key, comm, dso, sym, ip);
	he = hists__findnew(hists, &key);
	if (!he)
		return -1;
	he->stat.period += period;
	he->stat.nr_events++;
	hists->total_period += period;
	hists->nr_samples++;
	return 0;
}

static int test__hist_sort(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	const struct sort_key *keys[] = {
		sort_key__find("comm"), sort_key__find("dso"), sort_key__find("sym"),
	};
	struct hist_sort_item order[] = {
		{ HPP_OVERHEAD, NULL }, { -1, keys[0] }, { -1, keys[1] }, { -1, keys[2] },
	};
	struct dso *libc = dso__new("/lib/libc.so.6"), *bin = dso__new("/bin/prog");
	struct symbol *a = symbol__new(0x100, 0x10, SYMBOL_BIND_GLOBAL, SYMBOL_TYPE_FUNC, "alpha");
	struct symbol *b = symbol__new(0x200, 0x10, SYMBOL_BIND_GLOBAL, SYMBOL_TYPE_FUNC, "beta");
	struct hists_print_opts po = { .nr_cols = 4 };
	struct hists hists;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;

	TEST_ASSERT_VAL("setup", libc && bin && a && b && keys[0] && keys[1] && keys[2]);
	hists__init(&hists, keys, 3, order, 4, false);
	TEST_ASSERT_VAL("add", !add(&hists, "sh", libc, a, 0x104, 100));
	TEST_ASSERT_VAL("add", !add(&hists, "sh", libc, a, 0x108, 100));	/* same symbol: merged */
	TEST_ASSERT_VAL("add", !add(&hists, "sh", libc, b, 0x204, 100));
	TEST_ASSERT_VAL("add", !add(&hists, "ls", libc, b, 0x204, 100));
	TEST_ASSERT_VAL("add", !add(&hists, "sh", bin, NULL, 0x5000, 400));
	TEST_ASSERT_VAL("add", !add(&hists, "sh", bin, NULL, 0x5008, 200));	/* unresolved: by address */
	TEST_ASSERT_EQUAL("entries", hists.nr_entries, 5);
	TEST_ASSERT_VAL("resort", !hists__output_resort(&hists));
	TEST_ASSERT_EQUAL("largest first", hists.sorted[0]->stat.period, 400);
	TEST_ASSERT_EQUAL("merged", hists.sorted[1]->stat.period, 200);
	/* The two of 200 tie: the same comm, then the dso by name. */
	TEST_ASSERT_VAL("tie by dso name", hists.sorted[1]->dso == libc && hists.sorted[1]->sym == a);
	TEST_ASSERT_VAL("then prog", hists.sorted[2]->dso == bin);
	TEST_ASSERT_VAL("comm before the rest on ties", !strcmp(hists.sorted[3]->comm, "ls"));

	po.cols[0] = (struct hist_column){ HPP_OVERHEAD, NULL, 0 };
	po.cols[1] = (struct hist_column){ -1, keys[0], 0 };
	po.cols[2] = (struct hist_column){ -1, keys[1], 0 };
	po.cols[3] = (struct hist_column){ -1, keys[2], 0 };
	po.total = hists.total_period;
	fp = open_memstream(&text, &len);
	TEST_ASSERT_VAL("memstream", fp);
	hists__fprintf(&hists, &po, fp);
	fclose(fp);
	TEST_ASSERT_VAL("header", strstr(text, "# Overhead  Command  Shared Object     Symbol") != NULL);
	TEST_ASSERT_VAL("percent and unresolved address",
			strstr(text, "\n    40.00%  sh       prog              [.] 0x0000000000005000\n"));
	TEST_ASSERT_VAL("10%", strstr(text, "    10.00%  ls       libc.so.6         [.] beta\n"));
	free(text);

	/* --percent-limit hides entries below it. */
	po.percent_limit = 15;
	text = NULL;
	fp = open_memstream(&text, &len);
	TEST_ASSERT_VAL("memstream", fp);
	hists__fprintf(&hists, &po, fp);
	fclose(fp);
	TEST_ASSERT_VAL("limit", !strstr(text, "beta"));
	free(text);

	hists__exit(&hists);
	symbol__delete(a);
	symbol__delete(b);
	dso__put(libc);
	dso__put(bin);
	return TEST_OK;
}

/*
 * The comm column is as wide as the threads' latest comms, and an entry
 * whose comm is older and longer is cut to it, last column or not: the
 * reference's perf-exec child that became "sleep" prints "perf-ex".
 */
static int test__hist_comm_width(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	const struct sort_key *keys[] = { sort_key__find("cpu"), sort_key__find("comm") };
	struct hist_sort_item order[] = { { HPP_OVERHEAD, NULL }, { -1, keys[0] }, { -1, keys[1] } };
	struct thread *child = thread__new(10, 10), *idle = thread__new(0, 0);
	struct hists_print_opts po = { .nr_cols = 3 };
	struct hist_entry key, *he;
	struct hists hists;
	const char *comms[] = { "perf-exec", "swapper" };
	struct thread *threads[] = { child, idle };
	char *text = NULL;
	size_t len = 0;
	FILE *fp;
	int i;

	TEST_ASSERT_VAL("setup", child && idle && keys[0] && keys[1]);
	TEST_ASSERT_VAL("comm", !thread__set_comm(child, "perf-exec", 0, false));
	TEST_ASSERT_VAL("comm", !thread__set_comm(idle, "swapper", 0, false));
	hists__init(&hists, keys, 2, order, 3, false);
	for (i = 0; i < 2; i++) {
		memset(&key, 0, sizeof(key));
		key.thread = threads[i];
		key.comm = comm_str__intern(comms[i]);
		key.level = '.';
		key.hash = hists__hash(&hists, &key);
		he = hists__findnew(&hists, &key);
		TEST_ASSERT_VAL("add", he);
		he->stat.period += 100 * (i + 1);
		he->stat.nr_events++;
		hists.total_period += 100 * (i + 1);
		hists.nr_samples++;
	}
	TEST_ASSERT_VAL("exec", !thread__set_comm(child, "sleep", 1, true));
	TEST_ASSERT_VAL("resort", !hists__output_resort(&hists));
	po.cols[0] = (struct hist_column){ HPP_OVERHEAD, NULL, 0 };
	po.cols[1] = (struct hist_column){ -1, keys[0], 0 };
	po.cols[2] = (struct hist_column){ -1, keys[1], 0 };
	po.total = hists.total_period;
	fp = open_memstream(&text, &len);
	TEST_ASSERT_VAL("memstream", fp);
	hists__fprintf(&hists, &po, fp);
	fclose(fp);
	TEST_ASSERT_VAL("cut to the latest comms' width",
			strstr(text, "\n    33.33%  000  perf-ex\n") != NULL);
	free(text);
	hists__exit(&hists);
	thread__put(child);
	thread__put(idle);
	return TEST_OK;
}

static int test__callchain_tree(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct callchain_frame f[4] = {
		{ 0x10, NULL, NULL }, { 0x20, NULL, NULL }, { 0x30, NULL, NULL }, { 0x40, NULL, NULL },
	};
	struct callchain_frame g[2] = { { 0x10, NULL, NULL }, { 0x50, NULL, NULL } };
	struct callchain_node *root = callchain__new_root(), *other = callchain__new_root();
	struct callchain_node **list = NULL;
	int nr;

	TEST_ASSERT_VAL("roots", root && other);
	TEST_ASSERT_VAL("append", !callchain__append(root, f, 4, 100));
	TEST_ASSERT_VAL("append", !callchain__append(root, f, 2, 50));
	TEST_ASSERT_VAL("append", !callchain__append(root, g, 2, 30));
	TEST_ASSERT_EQUAL("one first frame", root->nr_children, 1);
	TEST_ASSERT_EQUAL("cumulated", callchain_node__cumul_hits(root->child[0]), 180);
	TEST_ASSERT_EQUAL("two branches", root->child[0]->nr_children, 2);
	TEST_ASSERT_EQUAL("self hits at the end of a chain", root->child[0]->child[0]->hit, 50);

	/* Threshold 40: the 30 branch goes; the order is by period. */
	TEST_ASSERT_VAL("sort", !callchain__sort(root, CHAIN_GRAPH_ABS, 40, 0.5));
	TEST_ASSERT_EQUAL("kept", root->child[0]->nr_sorted, 1);
	TEST_ASSERT_EQUAL("largest", root->child[0]->sorted[0]->frame.ip, 0x20);

	/* Flat: the nodes where chains end, largest first. */
	nr = callchain__flat_list(root, 0, &list);
	TEST_ASSERT_EQUAL("flat count", nr, 3);
	TEST_ASSERT_EQUAL("flat first", list[0]->hit, 100);
	TEST_ASSERT_EQUAL("flat last", list[2]->hit, 30);
	free(list);

	/* Merging a tree into another adds its periods. */
	TEST_ASSERT_VAL("append other", !callchain__append(other, f, 4, 5));
	TEST_ASSERT_VAL("merge", !callchain__merge(other, root));
	TEST_ASSERT_EQUAL("merged sum", callchain_node__cumul_hits(other->child[0]), 185);

	/* The -g parser. */
	{
		struct callchain_param p = callchain_param;

		TEST_ASSERT_VAL("parse", !callchain_param__parse(&p, "fractal,2,10,caller,count"));
		TEST_ASSERT_VAL("mode", p.mode == CHAIN_GRAPH_REL && p.order == ORDER_CALLER);
		TEST_ASSERT_VAL("numbers", p.min_percent == 2 && p.print_limit == 10);
		TEST_ASSERT_VAL("value", p.value == CCVAL_COUNT);
		TEST_ASSERT_VAL("bad", callchain_param__parse(&p, "graph,x1"));
	}
	callchain__free_all();
	return TEST_OK;
}

static struct test_case hist_tests[] = {
	TEST_CASE("entries merge by sort key and print in the reference's order", hist_sort),
	TEST_CASE("the comm column: the latest comms' width, older comms cut", hist_comm_width),
	TEST_CASE("callchain tree: sums, threshold, flat list, merge, -g parsing", callchain_tree),
	{ .name = NULL, },
};

struct test_suite suite__hist = {
	.desc = "report histogram and callchains",
	.test_cases = hist_tests,
};
