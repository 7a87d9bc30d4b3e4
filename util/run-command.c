// SPDX-License-Identifier: GPL-2.0
/* fork + exec + wait, reporting exec failures to the parent. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caps.h"
#include "run-command.h"

int run_command_v(const char *const *argv)
{
	int pipefd[2], status, child_errno = 0;
	ssize_t n;
	pid_t pid;

	/* A close-on-exec pipe tells the parent whether exec succeeded. */
	if (pipe2(pipefd, O_CLOEXEC) < 0)
		return -errno;
	pid = fork();
	if (pid < 0) {
		int err = errno;

		close(pipefd[0]);
		close(pipefd[1]);
		return -err;
	}
	if (pid == 0) {
		close(pipefd[0]);
		/* Helpers (man, perf-<cmd>) run with the user's rights only. */
		child_errno = -perf_caps__drop_for_child();
		if (child_errno) {
			n = write(pipefd[1], &child_errno, sizeof(child_errno));
			(void)n;
			_exit(127);
		}
		execvp(argv[0], (char *const *)argv);
		child_errno = errno;
		n = write(pipefd[1], &child_errno, sizeof(child_errno));
		(void)n;
		_exit(127);
	}
	close(pipefd[1]);
	do {
		n = read(pipefd[0], &child_errno, sizeof(child_errno));
	} while (n < 0 && errno == EINTR);
	close(pipefd[0]);

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	if (n == sizeof(child_errno))
		return -child_errno;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int run_command_shell(const char *cmd)
{
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		if (perf_caps__drop_for_child())
			_exit(127);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	return status;
}
