/* Inlined code for tests/compat/symbols.sh: most samples land on lines
 * of inner() inside work(), whose srcline the reference takes from the
 * line table (the inlined function's line, not the call site's). */
#include <stdlib.h>

static volatile long inl_sink;

static inline __attribute__((always_inline)) void inner(long i)
{
	inl_sink += i * 3;
	inl_sink ^= i;
}

__attribute__((noinline)) void work(long n)
{
	for (long i = 0; i < n; i++)
		inner(i);
}

int main(int argc, char **argv)
{
	work(argc > 1 ? atol(argv[1]) : 30000000);
	return 0;
}
