// SPDX-License-Identifier: GPL-2.0
/*
 * Unwinding test program in C, built with -O2 -fomit-frame-pointer:
 * main -> run_loop -> uwlib_work (shared library) -> leaf_cb -> spin,
 * and a SIGPROF handler (handler -> spin) interrupting that stack.
 * Runs for the seconds given as the first argument (default 1), of
 * wall-clock time, or of its own CPU time when the second is "cpu" (a
 * sample count that does not depend on the load, for bench/cases).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "uwlib.h"

static volatile unsigned long sink;

__attribute__((noinline)) static unsigned long spin(unsigned long x, int rounds)
{
	int i;

	for (i = 0; i < rounds; i++)
		x = (x << 7) ^ (x >> 3) ^ (unsigned long)i;
	__asm__ volatile("" ::: "memory");
	return x;
}

/* Inlined into leaf_cb: --inline shows it above leaf_cb. */
static inline __attribute__((always_inline)) unsigned long leaf_inline(unsigned long x)
{
	unsigned long i;

	for (i = 0; i < 3000; i++)
		x ^= x * 31 + i;
	return x;
}

__attribute__((noinline)) static unsigned long leaf_cb(unsigned long x)
{
	unsigned long r = leaf_inline(x);

	r += spin(r, 5000);
	__asm__ volatile("" ::: "memory");
	return r;
}

static void on_prof(int sig)
{
	(void)sig;
	sink += spin(sink, 300000);
}

__attribute__((noinline)) static void run_loop(double seconds, clockid_t clock)
{
	struct timespec t0, t;
	unsigned long n = 1;

	clock_gettime(clock, &t0);
	do {
		n = uwlib_work(n, leaf_cb);
		sink = n;
		clock_gettime(clock, &t);
	} while ((double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) / 1e9 < seconds);
	__asm__ volatile("" ::: "memory");
}

int main(int argc, char **argv)
{
	struct itimerval it;
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_prof;
	sigaction(SIGPROF, &sa, NULL);
	memset(&it, 0, sizeof(it));
	it.it_interval.tv_usec = 2000;
	it.it_value.tv_usec = 2000;
	setitimer(ITIMER_PROF, &it, NULL);
	run_loop(argc > 1 ? atof(argv[1]) : 1.0,
		 argc > 2 && !strcmp(argv[2], "cpu") ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC);
	return 0;
}
