/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running other programs: the pager, man, external perf-<cmd> helpers.
 *
 * Layer 0: depends on libc only.
 */
#ifndef PERF_UTIL_RUN_COMMAND_H
#define PERF_UTIL_RUN_COMMAND_H

/*
 * Run @argv (NULL-terminated, argv[0] looked up in $PATH) and wait for it.
 * Returns its exit status (0..255), 128+signal if it was killed, or a
 * negative errno if it could not be started (-ENOENT: no such program).
 */
int run_command_v(const char *const *argv);

#endif /* PERF_UTIL_RUN_COMMAND_H */
