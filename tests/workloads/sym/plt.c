/* Calls into libhot.so through the PLT; its own hot loop in main's binary,
 * and two names for one function here too. */
#include <stdlib.h>

unsigned long hot_spin(unsigned long n);
unsigned long hot_nop(unsigned long x);
volatile unsigned long sink;

__attribute__((noinline)) unsigned long own_spin(unsigned long n)
{
	unsigned long s = 0;

	for (unsigned long i = 0; i < n; i++)
		s = (s * 7 + i) ^ (s >> 3);
	return s;
}
unsigned long own_alias(unsigned long n) __attribute__((alias("own_spin")));

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200;

	for (long i = 0; i < n; i++) {
		sink += hot_spin(1000);
		sink += own_spin(100000);
		for (int j = 0; j < 20000; j++)
			sink = hot_nop(sink);
	}
	return 0;
}
