/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Text output of a histogram, in the layout of the reference's
 * `perf report --stdio`: the column header, one line per entry and its
 * callchain below it.
 *
 * Layer 5: depends on util/hist.
 */
#ifndef PERF_UI_STDIO_HIST_H
#define PERF_UI_STDIO_HIST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../../util/hist.h"

/**
 * struct hist_column - one output column: a non-key column (@hpp >= 0)
 * or a sort key (@key)
 */
struct hist_column {
	int hpp;
	const struct sort_key *key;
	int width;
};

/**
 * struct hists_print_opts - how to print
 * @total:         period that is 100% (relative or absolute --percentage)
 * @chain_total:   the same for callchains: always every sample's
 * @percent_limit: entries below this percent are not shown
 * @use_callchain: print the callchain tree below each entry
 * @first_key_sym: --sort starts with sym: the chain's first frame is the
 *                 entry itself and is left out, as the reference does
 * @quiet:         -q: no header
 * @field_sep:     -t: columns separated by this instead of two spaces
 * @group_total:   with --group, the 100% of each member (@total is the
 *                 leader's): the hists' nr_members values
 */
struct hists_print_opts {
	struct hist_column cols[HPP_NR_COLUMNS + SORT_NR_KEYS];
	int nr_cols;
	uint64_t total;
	uint64_t chain_total;
	double percent_limit;
	bool use_callchain;
	bool children;
	bool first_key_sym;
	bool quiet;
	const char *field_sep;
	const uint64_t *group_total;
};

/* Print @hists (hists__output_resort() done) to @fp. Returns lines printed. */
size_t hists__fprintf(struct hists *hists, struct hists_print_opts *opts, FILE *fp);

#endif /* PERF_UI_STDIO_HIST_H */
