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

/*
 * Run @cmd with "sh -c" and wait for it, as system(3) does, but without
 * the capabilities of a perf_users install (see caps.h). Returns the
 * wait status (0 for success; see waitpid(2)) or a negative errno if
 * the shell could not be started.
 */
int run_command_shell(const char *cmd);

#endif /* PERF_UTIL_RUN_COMMAND_H */
