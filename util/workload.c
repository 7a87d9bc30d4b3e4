// SPDX-License-Identifier: GPL-2.0
/* Forking a command, holding it until the counters are ready, reaping it. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caps.h"
#include "workload.h"

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static ssize_t read_full(int fd, void *buf, size_t size)
{
	ssize_t n;

	do {
		n = read(fd, buf, size);
	} while (n < 0 && errno == EINTR);
	return n;
}

static __attribute__((noreturn)) void workload__child(int go_fd, int err_fd,
						       const char **argv)
{
	char go;
	int err;

	/*
	 * The parent may ignore SIGTERM while it sets up; the command must
	 * not inherit that (exec keeps ignored signals ignored).
	 */
	signal(SIGTERM, SIG_DFL);

	/*
	 * The capabilities of a perf_users install are for opening the
	 * counters, which the parent does; the command gets the user's
	 * own rights. A failure is reported like a failed exec, after the
	 * go byte, so the parent never writes into a closed pipe.
	 */
	err = -perf_caps__drop_for_child();
	/*
	 * A set-user-ID perf, or one the user may not read, is undumpable
	 * after its exec, and so is this copy of it: a parent holding only
	 * CAP_PERFMON could not attach. With nothing left to protect,
	 * undo that.
	 */
	if (!err && perf_caps__elevated())
		prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);

	if (read_full(go_fd, &go, 1) != 1)
		_exit(0);	/* the parent gave up before starting us */
	close(go_fd);

	if (!err) {
		execvp(argv[0], (char *const *)argv);
		err = errno;
	}
	if (write(err_fd, &err, sizeof(err)) < 0)
		_exit(127);
	_exit(127);
}

int workload__prepare(struct workload *w, const char **argv)
{
	int go[2], err[2];

	w->pid = -1;
	w->go_fd = w->err_fd = -1;
	w->exec_errno = 0;
	w->status = 0;
	w->reaped = false;

	if (pipe2(go, O_CLOEXEC) < 0)
		return -errno;
	if (pipe2(err, O_CLOEXEC) < 0) {
		int ret = -errno;

		close(go[0]);
		close(go[1]);
		return ret;
	}

	w->pid = fork();
	if (w->pid < 0) {
		int ret = -errno;

		close(go[0]);
		close(go[1]);
		close(err[0]);
		close(err[1]);
		return ret;
	}
	if (w->pid == 0) {
		close(go[1]);
		close(err[0]);
		workload__child(go[0], err[1], argv);
	}
	close(go[0]);
	close(err[1]);
	w->go_fd = go[1];
	w->err_fd = err[0];
	return 0;
}

int workload__start(struct workload *w)
{
	char go = 0;
	int err;
	ssize_t n;

	if (w->go_fd < 0)
		return -EINVAL;
	n = write(w->go_fd, &go, 1);
	close_fd(&w->go_fd);
	if (n != 1)
		return -EPIPE;

	/* EOF: the exec closed the pipe. An int: the exec failed with it. */
	n = read_full(w->err_fd, &err, sizeof(err));
	close_fd(&w->err_fd);
	if (n == (ssize_t)sizeof(err)) {
		w->exec_errno = err;
		return -err;
	}
	return 0;
}

void workload__abandon(struct workload *w)
{
	close_fd(&w->go_fd);
	close_fd(&w->err_fd);
	if (w->pid > 0 && !w->reaped) {
		while (waitpid(w->pid, &w->status, 0) < 0 && errno == EINTR)
			;
		w->reaped = true;
	}
}

int workload__wait(struct workload *w, int flags, struct rusage *ru)
{
	pid_t ret;

	if (w->pid <= 0 || w->reaped)
		return w->reaped ? 1 : -ECHILD;
	if (ru)
		ret = wait4(w->pid, &w->status, flags, ru);
	else
		ret = waitpid(w->pid, &w->status, flags);
	if (ret < 0)
		return -errno;
	if (ret == 0)
		return 0;
	w->reaped = true;
	return 1;
}

void workload__kill(struct workload *w, int sig)
{
	if (w->pid > 0 && !w->reaped)
		kill(w->pid, sig);
}
