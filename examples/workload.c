// SPDX-License-Identifier: GPL-2.0
/*
 * A small, deterministic CPU-bound program to profile with perf: a few
 * named hot functions below one call chain, so `perf record -g` and
 * `perf report` have something recognisable to show.
 *
 *   main -> run -> fill_records
 *               -> compute_checksums -> checksum_record
 *               -> sort_records      -> sift_down
 *               -> lookup_keys       -> find_key
 *
 * Usage: workload [iterations]   (default 80: about half a second)
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define NR_RECORDS	8192
#define PAYLOAD_WORDS	15
#define CHECKSUM_ROUNDS	4
#define NR_LOOKUPS	(NR_RECORDS * 2)
#define DEFAULT_ITERATIONS 80

struct record {
	uint32_t key;
	uint32_t payload[PAYLOAD_WORDS];
};

static struct record records[NR_RECORDS];

/*
 * Every stage stays a function of its own: with -O2 the compiler would
 * otherwise inline the stages into run(), and GCC would also clone them
 * as "sift_down.constprop.0", a name nobody expects in the report.
 */
#if defined(__GNUC__) && !defined(__clang__)
#define STAGE __attribute__((noinline, noclone))
#else
#define STAGE __attribute__((noinline))
#endif

/*
 * GCC 12 sets up no frame in a function that needs no stack, even with
 * -fno-omit-frame-pointer (and -mno-omit-leaf-frame-pointer), so a sample
 * in such a leaf loses its caller in a frame-pointer call graph. A
 * volatile local needs a stack slot, and with it comes the frame.
 */
#define KEEP_FRAME() volatile int frame_anchor = 0; (void)frame_anchor

/* xorshift32: the same sequence on every run and every libc. */
static uint32_t next_random(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

STAGE static void fill_records(uint32_t seed)
{
	uint32_t state = seed ? seed : 1;
	size_t i, w;
	KEEP_FRAME();

	for (i = 0; i < NR_RECORDS; i++) {
		records[i].key = next_random(&state);
		for (w = 0; w < PAYLOAD_WORDS; w++)
			records[i].payload[w] = next_random(&state);
	}
}

/* FNV-1a over the payload bytes, repeated so the stage has weight. */
STAGE static uint32_t checksum_record(const struct record *r)
{
	const unsigned char *p = (const unsigned char *)r->payload;
	uint32_t h = 2166136261u;
	size_t round, i;
	KEEP_FRAME();

	for (round = 0; round < CHECKSUM_ROUNDS; round++)
		for (i = 0; i < sizeof(r->payload); i++) {
			h ^= p[i];
			h *= 16777619u;
		}
	return h;
}

STAGE static uint32_t compute_checksums(void)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i < NR_RECORDS; i++)
		sum = (sum << 1 | sum >> 31) ^ checksum_record(&records[i]);
	return sum;
}

STAGE static void sift_down(struct record *a, size_t start, size_t end)
{
	size_t root = start;
	KEEP_FRAME();

	while (2 * root + 1 <= end) {
		size_t child = 2 * root + 1, swap = root;
		struct record tmp;

		if (a[swap].key < a[child].key)
			swap = child;
		if (child + 1 <= end && a[swap].key < a[child + 1].key)
			swap = child + 1;
		if (swap == root)
			return;
		tmp = a[root];
		a[root] = a[swap];
		a[swap] = tmp;
		root = swap;
	}
}

/*
 * Heapsort rather than qsort(3): the time must land in this binary's
 * symbols, not in libc's, and it must not depend on the libc version.
 */
STAGE static void sort_records(struct record *a, size_t n)
{
	size_t start, end;

	if (n < 2)
		return;
	for (start = (n - 2) / 2 + 1; start-- > 0;)
		sift_down(a, start, n - 1);
	for (end = n - 1; end > 0; end--) {
		struct record tmp = a[0];

		a[0] = a[end];
		a[end] = tmp;
		sift_down(a, 0, end - 1);
	}
}

STAGE static const struct record *find_key(const struct record *a, size_t n,
					   uint32_t key)
{
	size_t lo = 0, hi = n;
	KEEP_FRAME();

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (a[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && a[lo].key == key ? &a[lo] : NULL;
}

/* Half the keys looked up exist, half are fresh random values. */
STAGE static uint32_t lookup_keys(uint32_t seed)
{
	uint32_t state = seed ? seed : 1, found = 0;
	size_t i;

	for (i = 0; i < NR_LOOKUPS; i++) {
		uint32_t r = next_random(&state);
		uint32_t key = (i & 1) ? r : records[r % NR_RECORDS].key;
		const struct record *hit = find_key(records, NR_RECORDS, key);

		if (hit)
			found += hit->payload[0] & 1;
	}
	return found;
}

STAGE static uint32_t run(unsigned long iterations)
{
	uint32_t result = 0;
	unsigned long it;

	for (it = 0; it < iterations; it++) {
		uint32_t seed = 0x9e3779b9u ^ (uint32_t)it;

		fill_records(seed);
		result ^= compute_checksums();
		sort_records(records, NR_RECORDS);
		result += lookup_keys(seed * 2654435761u);
	}
	return result;
}

static int parse_iterations(const char *arg, unsigned long *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || arg[0] == '-' || v == 0)
		return -1;
	*out = v;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long iterations = DEFAULT_ITERATIONS;
	uint32_t result;

	if (argc > 2 || (argc == 2 && parse_iterations(argv[1], &iterations))) {
		fprintf(stderr, "usage: %s [iterations]   (a positive number, default %d)\n",
			argv[0], DEFAULT_ITERATIONS);
		return 2;
	}

	result = run(iterations);
	/* Printing the result keeps the compiler from discarding the work. */
	printf("workload: %lu iterations, result %08x\n", iterations,
	       (unsigned int)result);
	return 0;
}
