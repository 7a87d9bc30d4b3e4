/* Stripped later, its symbols in a file named by .gnu_debuglink. */
#include <stdlib.h>

volatile unsigned long sink;

static __attribute__((noinline)) unsigned long dbg_static(unsigned long x)
{
	for (int i = 0; i < 300; i++)
		x = (x * 29 + (unsigned long)i) ^ (x >> 7);
	return x;
}

__attribute__((noinline)) unsigned long dbg_global(unsigned long n)
{
	unsigned long s = 0;

	for (unsigned long i = 0; i < n; i++)
		s += dbg_static(i);
	return s;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 300;

	for (long i = 0; i < n; i++)
		sink += dbg_global(1000 + (unsigned long)i % 3);
	return 0;
}
