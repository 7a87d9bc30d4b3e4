// SPDX-License-Identifier: GPL-2.0
/*
 * perf test -w leafloop [seconds]: main -> parent -> leaf, with the time
 * spent in leaf, so call-graph tests know the expected stack.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "../tests.h"

static volatile sig_atomic_t done;

static void sighandler(int sig __maybe_unused)
{
	done = 1;
}

/* noinline and a volatile sink keep the call chain the compiler emits. */
__attribute__((noinline)) int leaf(int b);
__attribute__((noinline)) int parent(int b);

__attribute__((noinline)) int leaf(int b)
{
	volatile int sink = b;

	return sink + 1;
}

__attribute__((noinline)) int parent(int b)
{
	return leaf(b);
}

static int leafloop(int argc, const char **argv)
{
	int sec = 1;

	if (argc > 0)
		sec = atoi(argv[0]);
	signal(SIGINT, sighandler);
	signal(SIGALRM, sighandler);
	alarm((unsigned int)sec);
	while (!done)
		parent(sec);
	return 0;
}

DEFINE_WORKLOAD(leafloop);
