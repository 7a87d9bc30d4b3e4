/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Capabilities of the perf process itself (a binary installed with file
 * capabilities, e.g. cap_perfmon).
 *
 * Layer 0: depends on libc and the kernel's capability ABI only.
 */
#ifndef PERF_UTIL_CAPS_H
#define PERF_UTIL_CAPS_H

/*
 * Give up every capability for good before running code the user
 * supplied (a python script), so that a perf binary with file
 * capabilities does not lend them to it. A process started by root keeps
 * what it has: root is not raised by file capabilities. Returns 0, or a
 * negative errno when the capabilities could not be dropped (the caller
 * must then not run the code).
 */
int perf_caps__drop_for_user_code(void);

#endif /* PERF_UTIL_CAPS_H */
