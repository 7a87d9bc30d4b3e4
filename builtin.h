/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The subcommands. Each builtin-<name>.c defines cmd_<name>(); perf.c finds
 * it in its commands[] table.
 *
 * Adding a command:
 *  1. write int cmd_foo(int argc, const char **argv) in builtin-foo.c
 *     (it returns the command's exit status; perf.c keeps the low 8 bits);
 *  2. declare it below;
 *  3. add a row to commands[] in perf.c (with RUN_SETUP_PAGER if its stdio
 *     output may be long);
 *  4. add it to command-list.txt with a one-line summary;
 *  5. write Documentation/perf-foo.txt whose SYNOPSIS matches the usage
 *     strings;
 *  6. add tests/shell/foo.sh, and unit suites in tests/ for its util/ code.
 * The Makefile picks up builtin-*.c by itself.
 */
#ifndef PERF_BUILTIN_H
#define PERF_BUILTIN_H

int cmd_config(int argc, const char **argv);
int cmd_evlist(int argc, const char **argv);
int cmd_help(int argc, const char **argv);
int cmd_list(int argc, const char **argv);
int cmd_record(int argc, const char **argv);
int cmd_report(int argc, const char **argv);
int cmd_script(int argc, const char **argv);
int cmd_stat(int argc, const char **argv);
int cmd_test(int argc, const char **argv);
int cmd_version(int argc, const char **argv);

/* The common-commands list printed by `perf` and `perf help`. */
void list_common_cmds_help(void);
/* The main usage line, shared by perf.c and builtin-help.c. */
extern const char perf_usage_string[];
extern const char perf_more_info_string[];

#endif /* PERF_BUILTIN_H */
