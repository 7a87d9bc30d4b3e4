/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where perf finds its helper files: the exec path (external perf-<cmd>
 * programs, scripts, shell tests) and the documentation.
 *
 * Layer 0: depends on libc only.
 */
#ifndef PERF_UTIL_EXEC_CMD_H
#define PERF_UTIL_EXEC_CMD_H

/*
 * Set the exec path (from --exec-path=DIR). @path is not copied: it must
 * live as long as the process (argv does).
 */
void perf_set_exec_path(const char *path);

/*
 * The exec path: --exec-path, else $PERF_EXEC_PATH, else the directory
 * chosen at build time. Never NULL; the string is owned by this module.
 */
const char *perf_exec_path(void);

/*
 * The directory holding the running perf binary (from /proc/self/exe),
 * or NULL if it cannot be read. Owned by this module.
 */
const char *perf_binary_dir(void);

/*
 * Find @relpath (e.g. "tests/shell") next to the running binary, as in a
 * build tree, or under the exec path, as after `make install`. Returns a
 * malloc'ed path the caller frees, or NULL if neither exists.
 */
char *perf_find_data_path(const char *relpath);

/* Documentation directory chosen at build time (installed .txt pages). */
const char *perf_doc_path(void);

#endif /* PERF_UTIL_EXEC_CMD_H */
