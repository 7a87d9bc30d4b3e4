// SPDX-License-Identifier: GPL-2.0
/*
 * perf test -w unwindloop [seconds]: stacks for --call-graph dwarf, in
 * code built like the rest of perf (-O2, no frame pointer): main ->
 * unwindloop__outer -> unwindloop__middle -> qsort (libc) ->
 * unwindloop__cmp, with an inlined helper, and a SIGPROF handler that
 * runs on top of whatever it interrupts.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "../tests.h"

static volatile sig_atomic_t done;
static volatile unsigned long unwindloop_sink;

static void unwindloop__stop(int sig __maybe_unused)
{
	done = 1;
}

/* Inlined into the comparator: --inline shows it. */
static inline __attribute__((always_inline)) unsigned long unwindloop__mix(unsigned long x)
{
	int i;

	for (i = 0; i < 200; i++)
		x = x * 6364136223846793005UL + 1442695040888963407UL;
	return x;
}

__attribute__((noinline)) int unwindloop__cmp(const void *a, const void *b);
__attribute__((noinline)) void unwindloop__middle(unsigned long *v, size_t n);
__attribute__((noinline)) void unwindloop__outer(unsigned long seed);
__attribute__((noinline)) unsigned long unwindloop__spin(unsigned long x, int rounds);

__attribute__((noinline)) int unwindloop__cmp(const void *a, const void *b)
{
	unsigned long x = unwindloop__mix(*(const unsigned long *)a);
	unsigned long y = unwindloop__mix(*(const unsigned long *)b);

	return x < y ? -1 : x > y;
}

__attribute__((noinline)) unsigned long unwindloop__spin(unsigned long x, int rounds)
{
	int i;

	for (i = 0; i < rounds; i++)
		x = (x << 7) ^ (x >> 3) ^ (unsigned long)i;
	__asm__ volatile("" ::: "memory");
	return x;
}

static void unwindloop__prof(int sig __maybe_unused)
{
	unwindloop_sink += unwindloop__spin(unwindloop_sink, 20000);
}

__attribute__((noinline)) void unwindloop__middle(unsigned long *v, size_t n)
{
	qsort(v, n, sizeof(*v), unwindloop__cmp);
	/* No tail call: this frame must stay on the stack. */
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void unwindloop__outer(unsigned long seed)
{
	unsigned long v[256];
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		v[i] = seed * 2654435761UL + i;
	unwindloop__middle(v, sizeof(v) / sizeof(v[0]));
	unwindloop_sink = v[0];
	__asm__ volatile("" ::: "memory");
}

static int unwindloop(int argc, const char **argv)
{
	struct itimerval it;
	unsigned long seed = 1;
	int sec = 1;

	if (argc > 0)
		sec = atoi(argv[0]);
	signal(SIGINT, unwindloop__stop);
	signal(SIGALRM, unwindloop__stop);
	signal(SIGPROF, unwindloop__prof);
	memset(&it, 0, sizeof(it));
	it.it_interval.tv_usec = 5000;
	it.it_value.tv_usec = 5000;
	setitimer(ITIMER_PROF, &it, NULL);
	alarm((unsigned int)sec);
	while (!done)
		unwindloop__outer(seed++);
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_PROF, &it, NULL);
	return 0;
}

DEFINE_WORKLOAD(unwindloop);
