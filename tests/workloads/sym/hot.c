/* libhot.so for tests/compat/symbols.sh: hot code in a shared library,
 * two names for one function (the reference picks one), a local symbol. */
volatile unsigned long hot_sink;

static __attribute__((noinline)) unsigned long hot_local(unsigned long x)
{
	for (int i = 0; i < 200; i++)
		x = (x * 33 + (unsigned long)i) ^ (x >> 5);
	return x;
}

unsigned long hot_spin(unsigned long n)
{
	unsigned long s = 0;

	for (unsigned long i = 0; i < n; i++)
		s += hot_local(i);
	hot_sink = s;
	return s;
}

/* Almost nothing: callers spend a good part of their time in its PLT entry. */
unsigned long hot_nop(unsigned long x)
{
	return x + 1;
}

unsigned long hot_alias(unsigned long n) __attribute__((alias("hot_spin")));
unsigned long hot_weak(unsigned long n) __attribute__((weak, alias("hot_spin")));
