/* SPDX-License-Identifier: GPL-2.0 */
/*
 * workload: the command a collecting tool runs and counts ("perf stat --
 * cmd args"). It is forked first and held before exec, so that counters
 * can be opened on its pid; workload__start() lets it exec, and the
 * kernel starts counting at the exec (enable_on_exec).
 *
 * Two pipes make the handshake: the child blocks reading the "go" pipe,
 * and reports a failed exec through a close-on-exec "error" pipe, so the
 * parent learns the errno (ENOENT, EACCES) at once, without signals.
 *
 * Layer 1: depends on libc only.
 */
#ifndef PERF_UTIL_WORKLOAD_H
#define PERF_UTIL_WORKLOAD_H

#include <stdbool.h>
#include <sys/resource.h>
#include <sys/types.h>

/**
 * struct workload - a forked, held or running command
 * @pid:        the child, -1 before workload__prepare() and after it is
 *              reaped
 * @go_fd:      write end of the go pipe, -1 once used or closed
 * @err_fd:     read end of the error pipe, -1 once read
 * @exec_errno: why exec failed (0 if it did not, or not yet known)
 * @status:     wait status once reaped (see waitpid(2))
 * @reaped:     @status is valid
 */
struct workload {
	pid_t pid;
	int go_fd;
	int err_fd;
	int exec_errno;
	int status;
	bool reaped;
};

/*
 * Fork the child for @argv (argv[0] is looked up in $PATH at exec). The
 * child waits until workload__start(); if the parent goes away or calls
 * workload__abandon() first, it exits with status 0 without running
 * anything. Returns 0 or -errno (pipe or fork failed).
 */
int workload__prepare(struct workload *w, const char **argv);

/*
 * Let the child exec, then wait for the exec to happen or fail. Returns
 * 0 once the command runs, or -errno of a failed exec (also stored in
 * @exec_errno); after a failure the child has exited (reap it with
 * workload__wait()).
 */
int workload__start(struct workload *w);

/* Make a held child exit without running the command, and reap it. */
void workload__abandon(struct workload *w);

/*
 * Wait for the child. @flags are waitpid's (WNOHANG). Fills @ru with the
 * child's resource usage when non-NULL. Returns 1 when it was reaped (its
 * status in @status), 0 when WNOHANG found it still running, -errno on
 * error (EINTR when a signal arrived first).
 */
int workload__wait(struct workload *w, int flags, struct rusage *ru);

/* Send @sig to the child if it has not been reaped. */
void workload__kill(struct workload *w, int sig);

#endif /* PERF_UTIL_WORKLOAD_H */
