// SPDX-License-Identifier: GPL-2.0
/* perf test -w thloop [seconds]: two threads spinning, for per-thread tests. */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "../tests.h"

static volatile sig_atomic_t done;

static void sighandler(int sig __maybe_unused)
{
	done = 1;
}

static void *thfunc(void *arg)
{
	/* Unsigned: the count may wrap in a long run, which is fine. */
	volatile unsigned int *count = arg;

	while (!done)
		(*count)++;
	return NULL;
}

static int thloop(int argc, const char **argv)
{
	int sec = 1;
	unsigned int count = 0;
	pthread_t th;

	if (argc > 0)
		sec = atoi(argv[0]);
	signal(SIGINT, sighandler);
	signal(SIGALRM, sighandler);
	alarm((unsigned int)sec);
	if (pthread_create(&th, NULL, thfunc, &count))
		return 1;
	thfunc(&count);
	pthread_join(th, NULL);
	return 0;
}

DEFINE_WORKLOAD(thloop);
