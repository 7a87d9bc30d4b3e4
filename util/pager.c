// SPDX-License-Identifier: GPL-2.0
/* Piping stdout through a pager when it is a terminal. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caps.h"
#include "pager.h"

static pid_t pager_pid;
static const char *config_pager;
static int pager_columns;

void pager_set_config(const char *pager)
{
	config_pager = pager;
}

bool pager_in_use(void)
{
	return pager_pid > 0;
}

static void wait_for_pager(void)
{
	int status;

	if (pager_pid <= 0)
		return;
	fflush(stdout);
	fflush(stderr);
	/* The pager reads until EOF: close our ends of its pipe. */
	close(STDOUT_FILENO);
	close(STDERR_FILENO);
	while (waitpid(pager_pid, &status, 0) < 0 && errno == EINTR)
		;
	pager_pid = 0;
}

static void wait_for_pager_signal(int signo)
{
	wait_for_pager();
	signal(signo, SIG_DFL);
	raise(signo);
}

static const char *pager_program(void)
{
	const char *pager = getenv("PERF_PAGER");

	if (!pager)
		pager = config_pager;
	if (!pager)
		pager = getenv("PAGER");
	if (!pager)
		pager = "less";
	return pager;
}

void setup_pager(void)
{
	const char *pager;
	struct winsize ws;
	int fds[2];

	if (pager_pid > 0 || !isatty(STDOUT_FILENO))
		return;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		pager_columns = ws.ws_col;
	pager = pager_program();
	if (!*pager || !strcmp(pager, "cat"))
		return;
	if (pipe(fds) < 0)
		return;

	fflush(stdout);
	pager_pid = fork();
	if (pager_pid < 0) {
		pager_pid = 0;
		close(fds[0]);
		close(fds[1]);
		return;
	}
	if (pager_pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		/* The pager is the user's program: no perf_users capabilities. */
		if (perf_caps__drop_for_child())
			_exit(127);
		/* Quit at the end of short output, keep colours, no init. */
		setenv("LESS", "FRSX", 0);
		execlp("sh", "sh", "-c", pager, (char *)NULL);
		_exit(127);
	}

	dup2(fds[1], STDOUT_FILENO);
	if (isatty(STDERR_FILENO))
		dup2(fds[1], STDERR_FILENO);
	close(fds[0]);
	close(fds[1]);

	atexit(wait_for_pager);
	signal(SIGINT, wait_for_pager_signal);
	signal(SIGHUP, wait_for_pager_signal);
	signal(SIGTERM, wait_for_pager_signal);
	signal(SIGQUIT, wait_for_pager_signal);
	signal(SIGPIPE, wait_for_pager_signal);
}

int pager_get_columns(void)
{
	struct winsize ws;
	const char *env;

	if (pager_columns)
		return pager_columns;
	env = getenv("COLUMNS");
	if (env && atoi(env) > 0)
		return pager_columns = atoi(env);
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		return pager_columns = ws.ws_col;
	return pager_columns = 80;
}
