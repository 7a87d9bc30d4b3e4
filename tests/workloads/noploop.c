// SPDX-License-Identifier: GPL-2.0
/* perf test -w noploop [seconds]: spin in user space for a while. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "../tests.h"

static volatile sig_atomic_t done;

static void sighandler(int sig __maybe_unused)
{
	done = 1;
}

static int noploop(int argc, const char **argv)
{
	int sec = 1;

	if (argc > 0)
		sec = atoi(argv[0]);
	if (sec <= 0)
		return 0;	/* alarm(0) would never fire */
	signal(SIGINT, sighandler);
	signal(SIGALRM, sighandler);
	alarm((unsigned int)sec);
	while (!done)
		continue;
	return 0;
}

DEFINE_WORKLOAD(noploop);
