/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Capabilities of a perf binary installed for the perf_users group
 * (setcap cap_perfmon,cap_sys_ptrace,cap_syslog=ep perf, mode 750). The
 * kernel hands those capabilities to whoever runs the file; they are
 * meant for perf_event_open(), /proc/kallsyms and reading other tasks,
 * not for code the user chooses. So before perf runs such code - a Python
 * script in this process, or a command, a pager or a helper in a child -
 * it gives them up for good.
 *
 * "Elevated" means the kernel raised our privileges at exec (AT_SECURE:
 * file capabilities, set-user-ID or set-group-ID). A root user, or a user
 * whose capabilities came from a service manager (ambient capabilities),
 * keeps them: dropping would change what their commands may do, and
 * nothing was granted by the perf file itself.
 *
 * Everything here uses raw system calls only (no allocation, no stdio),
 * so it is safe between fork() and exec() of a multi-threaded process.
 *
 * Layer 0: depends on libc and <linux/capability.h> only.
 */
#ifndef PERF_UTIL_CAPS_H
#define PERF_UTIL_CAPS_H

#include <stdbool.h>

/* The kernel raised our privileges when it ran perf (see above). */
bool perf_caps__elevated(void);

/*
 * Whether the effective set holds capability @cap (CAP_PERFMON, ...).
 * False when the kernel does not know @cap.
 */
bool perf_caps__has(int cap);

/*
 * Give up, in this process and for good, what an elevated start granted:
 * the effective, permitted and inheritable sets, the ambient set, the
 * bounding set as far as the kernel lets us (it needs CAP_SETPCAP), and
 * a set-user-ID or set-group-ID identity (back to the real ids).
 * Does nothing when perf_caps__elevated() is false.
 *
 * Call it before running user code in-process (Python scripts). Returns
 * 0, or a negative errno if a set could not be cleared; then the caller
 * must not run the user's code.
 */
int perf_caps__drop_for_user_code(void);

/*
 * The same, in a child between fork() and exec() of the workload, the
 * pager or a helper. On failure the child must _exit() instead of
 * exec'ing with privileges.
 */
int perf_caps__drop_for_child(void);

#endif /* PERF_UTIL_CAPS_H */
