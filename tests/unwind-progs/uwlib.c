// SPDX-License-Identifier: GPL-2.0
/*
 * The shared library of the unwinding test programs: a frame in another
 * dso, with an inlined helper, calling back into the executable.
 */
#include "uwlib.h"

static volatile unsigned long lib_sink;

/* Always inlined: the samples in it need --inline to show this name. */
static inline __attribute__((always_inline)) unsigned long lib_mix(unsigned long x)
{
	unsigned long i;

	for (i = 0; i < 2000; i++)
		x = x * 6364136223846793005UL + 1442695040888963407UL;
	return x;
}

__attribute__((noinline)) unsigned long uwlib_work(unsigned long n, uwlib_cb cb)
{
	unsigned long acc = lib_mix(n);

	acc += cb(acc);
	lib_sink = acc;
	/* Keep the call above from becoming a tail call. */
	__asm__ volatile("" ::: "memory");
	return acc + 1;
}
