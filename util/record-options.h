/* SPDX-License-Identifier: GPL-2.0 */
/*
 * parse_options() callbacks of perf record. Each parses its value into
 * the field its option row points at (@opt->value, named below); a bad
 * value returns -1, after a message where the reference prints one, and
 * the parser shows the option's usage (exit 129).
 *
 * Layer 1: depends on util/parse-options, util/record, util/control.
 */
#ifndef PERF_UTIL_RECORD_OPTIONS_H
#define PERF_UTIL_RECORD_OPTIONS_H

struct option;

/* -b: uint64_t branch mask set to "any". */
int record__branch_any_cb(const struct option *opt, const char *arg, int unset);
/* -j: uint64_t branch mask from filter names. */
int record__branch_filter_cb(const struct option *opt, const char *arg, int unset);
/* -z[N]: uint32_t zstd level, 1 without a value, clamped to 22. */
int record__comp_level_cb(const struct option *opt, const char *arg, int unset);
/* -m: struct record_opts (mmap_pages). */
int record__mmap_pages_cb(const struct option *opt, const char *arg, int unset);
/* --call-graph: struct record_opts. */
int record__call_graph_cb(const struct option *opt, const char *arg, int unset);
/* -g: struct record_opts, frame pointers. */
int record__callgraph_cb(const struct option *opt, const char *arg, int unset);
/* -k: int clockid. */
int record__clockid_cb(const struct option *opt, const char *arg, int unset);
/* --max-size: uint64_t bytes, with B/K/M/G. */
int record__max_size_cb(const struct option *opt, const char *arg, int unset);
/* -D: struct record_opts (initial_delay or ranges). */
int record__delay_cb(const struct option *opt, const char *arg, int unset);
/*
 * --switch-output[=x]: const char *, "signal" without a value; checked
 * after the options, as the reference does (a bad value exits 234).
 */
int record__switch_output_cb(const struct option *opt, const char *arg, int unset);
/* --control: struct perf_control, opened here (FIFOs). */
int record__control_cb(const struct option *opt, const char *arg, int unset);
/*
 * --exclude-perf: struct evlist *; the last event, a tracepoint, gets
 * "common_pid != <our pid>" added to its filter.
 */
int record__exclude_perf_cb(const struct option *opt, const char *arg, int unset);

#endif /* PERF_UTIL_RECORD_OPTIONS_H */
