// SPDX-License-Identifier: GPL-2.0
/*
 * `perf report --stdio` text: column header, entries, callchains, in
 * the reference's layout (widths, separators, the callchain graph's
 * pipes and percentages).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hist.h"
#include "../../util/callchain.h"
#include "../../util/dso.h"
#include "../../util/symbol.h"
#include "../../util/thread.h"

#define LINE_MAX_LEN 8192

static const char * const hpp_headers[HPP_NR_COLUMNS] = {
	[HPP_OVERHEAD] = "Overhead",
	[HPP_OVERHEAD_SYS] = "sys",
	[HPP_OVERHEAD_US] = "usr",
	[HPP_OVERHEAD_CHILDREN] = "Children",
	[HPP_SAMPLE] = "Samples",
	[HPP_PERIOD] = "Period",
};

static double pct(uint64_t v, uint64_t total)
{
	return total ? 100.0 * (double)v / (double)total : 0.0;
}

static bool hpp__is_percent(int hpp)
{
	return hpp != HPP_SAMPLE && hpp != HPP_PERIOD;
}

/* One event's value of a non-key column; @he NULL shows zero. */
static int hpp__snprintf(int hpp, const struct hist_entry *he, uint64_t total, char *buf,
			 size_t size)
{
	uint64_t v = hist_entry__hpp_value(he, hpp);

	if (hpp__is_percent(hpp))
		return snprintf(buf, size, "%.2f%%", pct(v, total));
	return snprintf(buf, size, "%" PRIu64, v);
}

/* The width of one event's value in a non-key column. */
static int hpp__width(int hpp)
{
	int len = (int)strlen(hpp_headers[hpp]);

	if (!hpp__is_percent(hpp))
		return 12;
	return len < 8 ? 8 : len;
}

/*
 * A non-key column: one value per event of the group, the first in the
 * column's own width and each further one after two spaces in two less,
 * as the reference lays them out; with -t each value after one space.
 */
static int hpp__snprintf_group(int hpp, const struct hist_entry *he, int nr_members,
			       const struct hists_print_opts *opts, char *buf, size_t size)
{
	int base = hpp__width(hpp), i, n = 0;
	char v[64];

	buf[0] = 0;
	for (i = 0; i < nr_members && (size_t)n < size; i++) {
		const struct hist_entry *m = hist_entry__member(he, i);
		uint64_t total = i && opts->group_total ? opts->group_total[i] : opts->total;

		hpp__snprintf(hpp, m, total, v, sizeof(v));
		if (opts->field_sep)
			n += snprintf(buf + n, size - n, " %s", v);
		else if (i == 0)
			n += snprintf(buf + n, size - n, "%*s", base, v);
		else
			n += snprintf(buf + n, size - n, "  %*s", base - 2, v);
	}
	return n;
}

/* The text of @col for @he, unpadded, into @buf. */
static int column__snprintf(const struct hist_column *col, const struct hist_entry *he,
			    const struct hists_print_opts *opts, int nr_members, char *buf,
			    size_t size)
{
	if (col->hpp >= 0) {
		if (nr_members > 1 || opts->field_sep)
			return hpp__snprintf_group(col->hpp, he, nr_members, opts, buf, size);
		return hpp__snprintf(col->hpp, he, opts->total, buf, size);
	}
	return col->key->snprintf(he, buf, size);
}

static bool column__right(const struct hist_column *col)
{
	return col->hpp >= 0 || col->key->right;
}

/* Columns the reference computes lazily, sized by hists__lazy_width(). */
static bool hist_column__lazy(const struct hist_column *col)
{
	return col->key && (col->key->id == SORT_SRCLINE || col->key->id == SORT_SRCFILE ||
			    col->key->id == SORT_TRACE);
}

static const struct hists *prefix_hists;
static int prefix_len;

static int hist_entry__prefix_cmp(const void *pa, const void *pb)
{
	const struct hist_entry *a = *(const struct hist_entry * const *)pa;
	const struct hist_entry *b = *(const struct hist_entry * const *)pb;
	int i, ret;

	for (i = 0; i < prefix_len; i++) {
		ret = prefix_hists->keys[i]->cmp(a, b);
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * The reference looks up an entry's source line (or formats its trace
 * payload) only when its tree compares on that key: when another sample
 * agreed on every key before it. Only those entries size the column; the
 * others print cut to the width. Returns the width, or -1 when every
 * entry counts.
 */
static int hists__lazy_width(struct hists *hists, const struct hist_column *col,
			     const struct hists_print_opts *opts)
{
	struct hist_entry **v;
	char buf[LINE_MAX_LEN];
	size_t i, n = 0, start;
	int idx, width = (int)strlen(col->key->header);

	for (idx = 0; idx < hists->nr_keys && hists->keys[idx] != col->key; idx++)
		;
	if (idx == hists->nr_keys || hists->children || !hists->sorted)
		return -1;
	v = malloc((hists->nr_entries + 1) * sizeof(*v));
	if (!v)
		return -1;
	for (i = 0; i < hists->nr_entries; i++)
		if (!hists->sorted[i]->filtered)
			v[n++] = hists->sorted[i];
	prefix_hists = hists;
	prefix_len = idx;
	qsort(v, n, sizeof(*v), hist_entry__prefix_cmp);
	for (start = 0; start < n; start = i) {
		uint64_t samples = 0;

		/*
		 * In a group, linking a member's entry to the leader's
		 * compares them on every key: count the members' samples.
		 */
		for (i = start; i < n && !hist_entry__prefix_cmp(&v[start], &v[i]); i++)
			for (int m = 0; m < (hists->nr_members > 1 ? hists->nr_members : 1); m++) {
				const struct hist_entry *he = hist_entry__member(v[i], m);

				samples += he ? he->stat.nr_events : 0;
			}
		if (samples < 2)
			continue;
		for (size_t k = start; k < i; k++) {
			int len = column__snprintf(col, v[k], opts, 1, buf, sizeof(buf));

			if (len > width)
				width = len;
		}
	}
	free(v);
	return width;
}

static void hists__calc_widths(struct hists *hists, struct hists_print_opts *opts)
{
	char buf[LINE_MAX_LEN];
	bool unresolved = false;
	size_t i;
	int c;

	for (c = 0; c < opts->nr_cols; c++) {
		struct hist_column *col = &opts->cols[c];

		if (col->hpp >= 0) {
			col->width = hpp__width(col->hpp) * (hists->nr_members > 1 ? hists->nr_members : 1);
			continue;
		}
		col->width = (int)strlen(col->key->header);
		/* The reference sizes the time column for a longer uptime. */
		if (col->key->id == SORT_TIME)
			col->width = 12;
		if (col->key->id == SORT_CPU || col->key->id == SORT_SOCKET)
			continue;
		if (hist_column__lazy(col)) {
			int w = hists__lazy_width(hists, col, opts);

			if (w >= 0) {
				col->width = w;
				continue;
			}
		}
		for (i = 0; hists->sorted && i < hists->nr_entries; i++) {
			const struct hist_entry *he = hists->sorted[i];
			int len;

			if (he->filtered)
				continue;
			len = column__snprintf(col, he, opts, 1, buf, sizeof(buf));
			/*
			 * The reference sizes the comm column by each thread's
			 * latest comm, not the entry's: perf-exec samples of a
			 * thread that became "sleep" print cut to the width.
			 */
			if (col->key->id == SORT_COMM && he->thread)
				len = (int)strlen(thread__comm_str(he->thread));
			/* The reference's width leaves " (inlined)" out, so it sticks out. */
			if (col->key->id == SORT_SYM && he->sym && he->sym->inlined)
				len -= (int)strlen(SYMBOL_INLINED_SUFFIX);
			if (!he->sym)
				unresolved = true;
			if (len > col->width)
				col->width = len;
		}
	}
	/* Unresolved addresses widen the dso column to an address's width. */
	for (c = 0; unresolved && c < opts->nr_cols; c++)
		if (opts->cols[c].key && opts->cols[c].key->id == SORT_DSO && opts->cols[c].width < 16)
			opts->cols[c].width = 16;
}

static size_t hists__fprintf_header(const struct hists_print_opts *opts, FILE *fp)
{
	int c;

	fputs("# ", fp);
	for (c = 0; c < opts->nr_cols; c++) {
		const struct hist_column *col = &opts->cols[c];
		const char *h = col->hpp >= 0 ? hpp_headers[col->hpp] : col->key->header;

		if (col->hpp == HPP_OVERHEAD && opts->children)
			h = "Self";

		if (c)
			fputs(opts->field_sep ? opts->field_sep : "  ", fp);
		fprintf(fp, column__right(col) && col->hpp >= 0 ? "%*s" : "%-*s", col->width, h);
	}
	/* With -t the header is one line. */
	if (opts->field_sep) {
		fputc('\n', fp);
		return 1;
	}
	fputs("\n# ", fp);
	for (c = 0; c < opts->nr_cols; c++) {
		int i;

		if (c)
			fputs("  ", fp);
		for (i = 0; i < opts->cols[c].width; i++)
			fputc('.', fp);
	}
	fputs("\n#\n", fp);
	return 3;
}

/* ---- callchains ---- */

static const char *frame__name(const struct callchain_frame *f, char *buf, size_t size)
{
	if (f->sym && f->sym->inlined) {
		snprintf(buf, size, "%s" SYMBOL_INLINED_SUFFIX, f->sym->name);
		return buf;
	}
	if (f->sym)
		return f->sym->name;
	snprintf(buf, size, "%#" PRIx64, f->ip);
	return buf;
}

static void fprintf_left_margin(FILE *fp, int left_margin)
{
	fprintf(fp, "            %*s", left_margin, "");
}

static void fprintf_value(FILE *fp, uint64_t hits, uint32_t count, uint64_t total)
{
	switch (callchain_param.value) {
	case CCVAL_PERIOD:
		fprintf(fp, "%" PRIu64, hits);
		break;
	case CCVAL_COUNT:
		fprintf(fp, "%u", count);
		break;
	case CCVAL_PERCENT:
	default:
		fprintf(fp, "%.2f%%", pct(hits, total));
		break;
	}
}

/* The last node of the run starting at @node (the reference's one tree node). */
static struct callchain_node *run__end(struct callchain_node *node)
{
	while (!node->hit && node->nr_children == 1)
		node = node->child[0];
	return node;
}

static void graph_line(FILE *fp, int depth, uint64_t mask, int left_margin)
{
	int i;

	fprintf_left_margin(fp, left_margin);
	for (i = 0; i < depth; i++)
		fputs(mask & (1ULL << i) ? "|          " : "           ", fp);
	fputc('\n', fp);
}

static void graph_entry(FILE *fp, uint64_t hits, uint32_t count, const char *name, int depth,
			uint64_t mask, int period, uint64_t total, int left_margin)
{
	int i;

	fprintf_left_margin(fp, left_margin);
	for (i = 0; i < depth; i++) {
		fputc(mask & (1ULL << i) ? '|' : ' ', fp);
		if (!period && i == depth - 1) {
			fputs("--", fp);
			fprintf_value(fp, hits, count, total);
			fputs("--", fp);
		} else {
			fputs("          ", fp);
		}
	}
	fputs(name, fp);
	fputc('\n', fp);
}

static size_t __graph(FILE *fp, struct callchain_node *parent, uint64_t total, int depth,
		      uint64_t mask, int left_margin)
{
	uint64_t remaining = total, new_mask = mask;
	uint32_t i, printed = 0, cumul_count = 0;
	struct callchain_node *child = NULL;
	char buf[1024];
	size_t ret = 0;

	/* Deeper than the pipes can show: stop, rather than print garbage. */
	if (depth >= 63)
		return 0;
	for (i = 0; i < parent->nr_sorted; i++) {
		struct callchain_node *n, *end;
		uint64_t cumul;
		int k = 0;

		child = parent->sorted[i];
		cumul = callchain_node__cumul_hits(child);
		remaining -= cumul;
		cumul_count += callchain_node__cumul_count(child);
		if (i + 1 == parent->nr_sorted &&
		    (callchain_param.mode != CHAIN_GRAPH_REL || !remaining))
			new_mask &= ~(1ULL << (depth - 1));
		graph_line(fp, depth, mask, left_margin);
		ret++;
		end = run__end(child);
		for (n = child;; n = n->child[0]) {
			graph_entry(fp, cumul, callchain_node__cumul_count(child),
				    frame__name(&n->frame, buf, sizeof(buf)), depth, new_mask, k++,
				    total, left_margin);
			ret++;
			if (n == end)
				break;
		}
		ret += __graph(fp, end,
			       callchain_param.mode == CHAIN_GRAPH_REL ? end->children_hit : total,
			       depth + 1, new_mask | (1ULL << depth), left_margin);
		if (++printed == callchain_param.print_limit)
			break;
	}
	if (callchain_param.mode == CHAIN_GRAPH_REL && remaining && remaining != total) {
		uint32_t count = 0;

		if (callchain_param.value == CCVAL_COUNT && child) {
			if (parent->children_count <= cumul_count)
				return ret;
			count = parent->children_count - cumul_count;
		}
		new_mask &= ~(1ULL << (depth - 1));
		/* The reference's filler entry reads so on every run here. */
		graph_entry(fp, remaining, count, "[...]" SYMBOL_INLINED_SUFFIX, depth, new_mask, 0, total, left_margin);
		ret++;
	}
	return ret;
}

static size_t callchain__fprintf_graph(FILE *fp, struct callchain_node *root, uint64_t total,
				       uint64_t parent_total, bool skip_first)
{
	struct callchain_node *from = root;
	int left_margin = 0;
	size_t ret = 0;
	char buf[1024];

	/* One branch with all of the entry's period: no percentage, one column less. */
	if (root->nr_sorted == 1 && callchain_node__cumul_hits(root->sorted[0]) == parent_total) {
		struct callchain_node *n = root->sorted[0], *end = run__end(n);
		uint32_t printed = 0;
		bool started = false;
		int i = 0;

		for (;; n = n->child[0]) {
			if (!(i++ == 0 && skip_first)) {
				if (!started) {
					fprintf_left_margin(fp, left_margin);
					fputs("|\n", fp);
					fprintf_left_margin(fp, left_margin);
					fputs("---", fp);
					left_margin += 3;
					started = true;
					ret += 2;
				} else {
					fprintf_left_margin(fp, left_margin);
					ret++;
				}
				fputs(frame__name(&n->frame, buf, sizeof(buf)), fp);
				fputc('\n', fp);
				if (++printed == callchain_param.print_limit)
					break;
			}
			if (n == end)
				break;
		}
		from = end;
	}
	if (callchain_param.mode == CHAIN_GRAPH_REL)
		total = parent_total;
	ret += __graph(fp, from, total, 1, 1, left_margin);
	if (ret)
		fputc('\n', fp);
	return ret;
}

static void flat__fprintf_path(FILE *fp, const struct callchain_node *node, bool folded,
			       bool *first)
{
	char buf[1024];

	if (!node->parent)
		return;
	flat__fprintf_path(fp, node->parent, folded, first);
	if (folded) {
		fprintf(fp, "%s%s", *first ? "" : ";", frame__name(&node->frame, buf, sizeof(buf)));
		*first = false;
	} else {
		fprintf(fp, "                %s\n", frame__name(&node->frame, buf, sizeof(buf)));
	}
}

static size_t callchain__fprintf_flat(FILE *fp, struct callchain_node *root, uint64_t total,
				      uint64_t min_hit, bool folded)
{
	struct callchain_node **list = NULL;
	int nr = callchain__flat_list(root, min_hit, &list), i;
	size_t ret = 0;

	for (i = 0; i < nr; i++) {
		bool first = true;

		if (folded) {
			fprintf_value(fp, list[i]->hit, list[i]->count, total);
			fputc(' ', fp);
			flat__fprintf_path(fp, list[i], true, &first);
			fputc('\n', fp);
		} else {
			fputs("           ", fp);
			fprintf_value(fp, callchain_node__cumul_hits(list[i]),
				      callchain_node__cumul_count(list[i]), total);
			fputc('\n', fp);
			flat__fprintf_path(fp, list[i], false, &first);
			fputc('\n', fp);
		}
		ret++;
		if ((uint32_t)(i + 1) == callchain_param.print_limit)
			break;
	}
	free(list);
	return ret;
}

static void hist_entry__fprintf_callchain(struct hist_entry *he, struct hists *hists,
					  const struct hists_print_opts *opts, FILE *fp)
{
	uint64_t parent_total = hists->children ? he->stat_acc.period : he->stat.period;
	uint64_t min_hit;

	if (!he->chains.nr && !he->callchain)
		return;
	/*
	 * Graph and flat output leave out what is below a share of all
	 * samples: an entry smaller than that prints nothing, and its tree
	 * is never built.
	 */
	if (callchain_param.mode != CHAIN_GRAPH_REL &&
	    parent_total < (uint64_t)((double)opts->total * (callchain_param.min_percent / 100.0)))
		return;
	if (!he->callchain)
		he->callchain = callchain_refs__tree(&he->chains);
	if (!he->callchain)
		return;
	switch (callchain_param.mode) {
	case CHAIN_GRAPH_ABS:
	case CHAIN_GRAPH_REL:
		/* The threshold follows --percentage, the values do not. */
		min_hit = (uint64_t)((double)opts->total * (callchain_param.min_percent / 100.0));
		if (callchain_param.mode == CHAIN_GRAPH_REL)
			min_hit = (uint64_t)((double)parent_total *
					     (callchain_param.min_percent / 100.0));
		if (callchain__sort(he->callchain, callchain_param.mode, min_hit,
				    callchain_param.min_percent))
			return;
		callchain__fprintf_graph(fp, he->callchain, opts->chain_total, parent_total,
					 opts->first_key_sym);
		break;
	case CHAIN_FLAT:
	case CHAIN_FOLDED:
		min_hit = (uint64_t)((double)opts->total * (callchain_param.min_percent / 100.0));
		callchain__fprintf_flat(fp, he->callchain, opts->chain_total, min_hit,
					callchain_param.mode == CHAIN_FOLDED);
		break;
	case CHAIN_NONE:
	default:
		break;
	}
}

static double hist_entry__percent(const struct hists *hists, const struct hist_entry *he,
				  uint64_t total)
{
	return pct(hists->children ? he->stat_acc.period : he->stat.period, total);
}

size_t hists__fprintf(struct hists *hists, struct hists_print_opts *opts, FILE *fp)
{
	char buf[LINE_MAX_LEN];
	size_t i, ret = 0;
	int c;

	hists__calc_widths(hists, opts);
	if (!opts->quiet)
		ret += hists__fprintf_header(opts, fp);
	for (i = 0; i < hists->nr_entries; i++) {
		struct hist_entry *he = hists->sorted[i];

		if (he->filtered)
			continue;
		if (opts->percent_limit > 0 &&
		    hist_entry__percent(hists, he, opts->total) < opts->percent_limit)
			continue;
		fputs(opts->field_sep ? "" : "  ", fp);
		for (c = 0; c < opts->nr_cols; c++) {
			const struct hist_column *col = &opts->cols[c];
			bool last = c == opts->nr_cols - 1;

			column__snprintf(col, he, opts, hists->nr_members, buf, sizeof(buf));
			/* The reference keeps -t output splittable this way. */
			if (col->key && opts->field_sep && *opts->field_sep) {
				char *p = buf;

				while ((p = strchr(p, *opts->field_sep)))
					*p = '.';
			}
			if (c)
				fputs(opts->field_sep ? opts->field_sep : "  ", fp);
			/* -t still pads, values of non-key columns to the left. */
			if (col->hpp >= 0 && opts->field_sep)
				fprintf(fp, "%-*s", last ? 0 : col->width, buf);
			else if (column__right(col))
				fprintf(fp, "%*s", col->width, buf);
			else if (col->key->id == SORT_COMM ||
				 (hist_column__lazy(col) && (!last || col->key->pad_last)))
				fprintf(fp, "%-*.*s", col->width, col->width, buf);
			else if (hist_column__lazy(col))
				fprintf(fp, "%.*s", col->width, buf);
			else if (!last || col->key->pad_last)
				fprintf(fp, "%-*s", col->width, buf);
			else
				fputs(buf, fp);
		}
		fputc('\n', fp);
		ret++;
		if (opts->use_callchain)
			hist_entry__fprintf_callchain(he, hists, opts, fp);
	}
	return ret;
}
