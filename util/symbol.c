// SPDX-License-Identifier: GPL-2.0
/* Symbol tables: building them the way the reference does, and lookups. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "symbol.h"
#include "zalloc.h"

struct symbol_conf symbol_conf = {
	.demangle = true,
	.symfs = "",
};

const char *symbol_conf__buildid_dir(void)
{
	static char dir[4096];
	const char *env, *home;

	if (symbol_conf.buildid_dir)
		return symbol_conf.buildid_dir;
	if (dir[0])
		return dir;
	env = getenv("PERF_BUILDID_DIR");
	if (env && *env) {
		snprintf(dir, sizeof(dir), "%s", env);
		return dir;
	}
	home = getenv("HOME");
	snprintf(dir, sizeof(dir), "%s/.debug", home && *home ? home : "");
	return dir;
}

const char *symbol_conf__missing_file(void)
{
	if (symbol_conf.vmlinux_name && access(symbol_conf.vmlinux_name, F_OK))
		return symbol_conf.vmlinux_name;
	if (symbol_conf.kallsyms_name && access(symbol_conf.kallsyms_name, F_OK))
		return symbol_conf.kallsyms_name;
	return NULL;
}

struct symbol *symbol__new(uint64_t start, uint64_t len, uint8_t binding,
			   uint8_t type, const char *name)
{
	size_t n = strlen(name) + 1;
	struct symbol *sym = malloc(sizeof(*sym) + n);

	if (!sym)
		return NULL;
	sym->start = start;
	sym->end = start + len;
	sym->binding = binding;
	sym->type = type;
	sym->idle = false;
	sym->inlined = false;
	sym->in_block = false;
	memcpy(sym->name, name, n);
	return sym;
}

void symbol__delete(struct symbol *sym)
{
	if (sym && !sym->in_block)
		free(sym);
}

/* Symbols made together, freed together: one allocation, no per-symbol header. */
struct symbol_block {
	struct symbol_block *next;
	uint64_t mem[];
};

void symbols__init(struct symbols *syms)
{
	memset(syms, 0, sizeof(*syms));
}

void symbols__exit(struct symbols *syms)
{
	size_t i;

	for (i = 0; i < syms->nr; i++)
		symbol__delete(syms->entries[i]);
	free(syms->entries);
	free(syms->max_end);
	free(syms->starts);
	free(syms->cache);
	free(syms->bucket);
	free(syms->by_name);
	while (syms->blocks) {
		struct symbol_block *b = syms->blocks;

		syms->blocks = b->next;
		free(b);
	}
	symbols__init(syms);
}

int symbols__add(struct symbols *syms, struct symbol *sym)
{
	if (syms->nr == syms->alloc) {
		size_t n = syms->alloc ? syms->alloc * 2 : 256;
		struct symbol **e = realloc(syms->entries, n * sizeof(*e));

		if (!e) {
			symbol__delete(sym);
			return -ENOMEM;
		}
		syms->entries = e;
		syms->alloc = n;
	}
	syms->entries[syms->nr++] = sym;
	syms->sorted = false;
	zfree(&syms->cache);
	zfree(&syms->by_name);
	syms->nr_by_name = 0;
	return 0;
}

/* A symbol (or seed) and its start side by side: the sort reads neither. */
struct start_ent {
	uint64_t start;
	void *item;
};

static void merge_runs(const struct start_ent *a, size_t mid, size_t n, struct start_ent *out)
{
	size_t i = 0, j = mid, k = 0;

	while (i < mid && j < n)
		out[k++] = a[j].start < a[i].start ? a[j++] : a[i++];
	while (i < mid)
		out[k++] = a[i++];
	while (j < n)
		out[k++] = a[j++];
}

/*
 * Merge sort by start, stable: among symbols at one address the order of
 * the file decides ties in the alias choice, as in the reference. Bottom
 * up from the runs already in order: a symtab is sorted per object file,
 * so a libc's 10000 symbols are a few hundred runs, not 10000.
 * @runs has room for n + 1 boundaries; the result is in @a.
 */
static void sort_by_start(struct start_ent *a, struct start_ent *tmp, size_t *runs, size_t n)
{
	struct start_ent *src = a, *dst = tmp, *t;
	size_t nr = 0, i;

	runs[nr++] = 0;
	for (i = 1; i < n; i++)
		if (a[i].start < a[i - 1].start)
			runs[nr++] = i;
	runs[nr] = n;
	while (nr > 1) {
		size_t out = 0;

		for (i = 0; i + 1 < nr; i += 2) {
			merge_runs(src + runs[i], runs[i + 1] - runs[i], runs[i + 2] - runs[i],
				   dst + runs[i]);
			runs[out++] = runs[i];
		}
		if (i < nr) {
			memcpy(dst + runs[i], src + runs[i], (runs[i + 1] - runs[i]) * sizeof(*src));
			runs[out++] = runs[i];
		}
		runs[out] = n;
		nr = out;
		t = src;
		src = dst;
		dst = t;
	}
	if (src != a)
		memcpy(a, src, n * sizeof(*a));
}

/*
 * About four symbols a bucket over the span of their starts: a lookup
 * reads one bucket and searches a few starts instead of the whole array
 * (13 steps for a libc, each a likely cache miss).
 */
static int symbols__index_buckets(struct symbols *syms)
{
	uint64_t first, span;
	size_t nb = 1, i, b;
	unsigned int shift = 0;
	uint32_t *bucket;

	zfree(&syms->bucket);
	syms->nr_buckets = 0;
	if (syms->nr < 16 || syms->nr > UINT32_MAX)
		return 0;
	while (nb < syms->nr / 4)
		nb <<= 1;
	first = syms->starts[0];
	span = syms->starts[syms->nr - 1] - first;
	/* nb << shift must not overflow: such a table keeps the plain search. */
	if (span > (UINT64_MAX >> 2) / nb)
		return 0;
	while (shift < 63 && (span >> shift) >= nb)
		shift++;
	bucket = malloc((nb + 1) * sizeof(*bucket));
	if (!bucket)
		return -ENOMEM;
	for (b = 0, i = 0; b <= nb; b++) {
		uint64_t lo = (uint64_t)b << shift;

		while (i < syms->nr && syms->starts[i] - first < lo)
			i++;
		bucket[b] = (uint32_t)i;
	}
	syms->bucket = bucket;
	syms->nr_buckets = nb;
	syms->bucket_shift = shift;
	return 0;
}

static int symbols__index(struct symbols *syms)
{
	uint64_t *max_end, *starts, m = 0;
	size_t i, n = syms->nr ? syms->nr : 1;

	zfree(&syms->cache);
	max_end = realloc(syms->max_end, n * sizeof(*max_end));
	if (!max_end)
		return -ENOMEM;
	syms->max_end = max_end;
	starts = realloc(syms->starts, n * sizeof(*starts));
	if (!starts)
		return -ENOMEM;
	syms->starts = starts;
	for (i = 0; i < syms->nr; i++) {
		if (syms->entries[i]->end > m)
			m = syms->entries[i]->end;
		max_end[i] = m;
		starts[i] = syms->entries[i]->start;
	}
	syms->sorted = true;
	return symbols__index_buckets(syms);
}

int symbols__sort(struct symbols *syms)
{
	struct start_ent *ents;
	size_t *runs;
	size_t i, n = syms->nr;
	bool sorted = true;

	if (n > 1) {
		/* One pass over the symbols: each is a likely cache miss. */
		ents = malloc(2 * n * sizeof(*ents));
		runs = malloc((n + 1) * sizeof(*runs));
		if (!ents || !runs) {
			free(ents);
			free(runs);
			return -ENOMEM;
		}
		for (i = 0; i < n; i++) {
			ents[i].start = syms->entries[i]->start;
			ents[i].item = syms->entries[i];
			if (i && ents[i].start < ents[i - 1].start)
				sorted = false;
		}
		/* Already in order (a JIT map, a re-sort): nothing to move. */
		if (!sorted) {
			sort_by_start(ents, ents + n, runs, n);
			for (i = 0; i < n; i++)
				syms->entries[i] = ents[i].item;
		}
		free(runs);
		free(ents);
	}
	return symbols__index(syms);
}

static bool kallsyms_is_module(const struct symbol *sym)
{
	return strchr(sym->name, '[') != NULL;
}

static void fixup_end(struct symbols *syms, bool is_kallsyms)
{
	struct symbol *prev, *curr;
	size_t i;

	if (!syms->nr)
		return;
	for (i = 1; i < syms->nr; i++) {
		prev = syms->entries[i - 1];
		curr = syms->entries[i];
		if (prev->end != prev->start)
			continue;
		/*
		 * Kernel text and module text can be far apart: the last
		 * symbol before the other kind starts gets one page, not
		 * the whole gap.
		 */
		if (is_kallsyms && kallsyms_is_module(prev) != kallsyms_is_module(curr))
			prev->end = (prev->end + 4096 + 4095) & ~4095ULL;
		else
			prev->end = curr->start;
	}
	curr = syms->entries[syms->nr - 1];
	if (curr->end == curr->start)
		curr->end = ((curr->start + 4095) & ~4095ULL) + 4096;
}

static int leading_underscores(const char *s)
{
	int n = 0;

	while (s[n] == '_')
		n++;
	return n;
}

/* What the choice among aliases looks at, of a symbol or of a seed. */
struct alias {
	uint64_t size;
	uint8_t binding;
	const char *name;
	size_t len;		/* SIZE_MAX: strlen(name) when needed */
};

/* True when @a is the better name for the address both start at. */
static bool alias__better(struct alias a, struct alias b)
{
	int ua, ub;

	if (a.size && !b.size)
		return true;
	if (b.size && !a.size)
		return false;
	if ((a.binding == SYMBOL_BIND_WEAK) != (b.binding == SYMBOL_BIND_WEAK))
		return b.binding == SYMBOL_BIND_WEAK;
	if ((a.binding == SYMBOL_BIND_GLOBAL) != (b.binding == SYMBOL_BIND_GLOBAL))
		return a.binding == SYMBOL_BIND_GLOBAL;
	ua = leading_underscores(a.name);
	ub = leading_underscores(b.name);
	if (ua != ub)
		return ua < ub;
	if (a.len == SIZE_MAX)
		a.len = strlen(a.name);
	if (b.len == SIZE_MAX)
		b.len = strlen(b.name);
	if (a.len != b.len)
		return a.len > b.len;
	return true;
}

static bool symbol__better(const struct symbol *a, const struct symbol *b)
{
	struct alias x = { symbol__size(a), a->binding, a->name, SIZE_MAX };
	struct alias y = { symbol__size(b), b->binding, b->name, SIZE_MAX };

	return alias__better(x, y);
}

static void fixup_duplicate(struct symbols *syms)
{
	size_t i, out = 0;

	for (i = 0; i < syms->nr; i++) {
		struct symbol *s = syms->entries[i];

		if (out && syms->entries[out - 1]->start == s->start) {
			struct symbol **kept = &syms->entries[out - 1];

			if (symbol__better(*kept, s)) {
				symbol__delete(s);
			} else {
				symbol__delete(*kept);
				*kept = s;
			}
			continue;
		}
		syms->entries[out++] = s;
	}
	syms->nr = out;
}

void symbols__fixup(struct symbols *syms, bool is_kallsyms)
{
	symbols__sort(syms);
	fixup_end(syms, is_kallsyms);
	fixup_duplicate(syms);
	symbols__index(syms);
}

/* symbols__add_seeds() for a table that has symbols already: one by one. */
static int symbols__add_seeds_slow(struct symbols *syms, const struct symbol_seed *seeds,
				   size_t n)
{
	size_t i, nr = syms->nr;

	for (i = 0; i < n; i++) {
		const struct symbol_seed *sd = &seeds[i];
		struct symbol *sym = symbol__new(sd->start, sd->len, sd->binding, sd->type, sd->name);

		if (!sym || symbols__add(syms, sym)) {
			while (syms->nr > nr)
				symbol__delete(syms->entries[--syms->nr]);
			return -ENOMEM;
		}
	}
	symbols__fixup(syms, false);
	return 0;
}

#define SYMBOL_BLOCK_ALIGN(n) (((n) + 7) & ~(size_t)7)

/*
 * symbols__fixup() on the seeds: sort (stable, the file order breaks
 * ties), grow zero-size ones, keep the best alias per start; then make
 * the survivors in one block. The symbols are read once, in a dense
 * array, and a libc's 10000 make no 10000 allocations.
 */
int symbols__add_seeds(struct symbols *syms, struct symbol_seed *seeds, size_t n)
{
	struct start_ent *ents;
	struct symbol_block *block;
	struct symbol_seed **keep = NULL;
	size_t *runs, i, nr_keep = 0, bytes = 0;
	char *p;
	int err = -ENOMEM;

	if (syms->nr)
		return symbols__add_seeds_slow(syms, seeds, n);
	if (!n)
		return symbols__index(syms);
	/*
	 * Each array is freed as soon as it is done with, so that the next
	 * one takes its pages: fresh ones are page faults.
	 */
	ents = malloc(2 * n * sizeof(*ents));
	runs = malloc((n + 1) * sizeof(*runs));
	if (!ents || !runs)
		goto out;
	for (i = 0; i < n; i++) {
		ents[i].start = seeds[i].start;
		ents[i].item = &seeds[i];
		/* From here on len is the end. */
		seeds[i].len += seeds[i].start;
	}
	sort_by_start(ents, ents + n, runs, n);
	zfree(&runs);
	keep = malloc(n * sizeof(*keep));
	if (!keep)
		goto out;

	/* fixup_end() */
	for (i = 1; i < n; i++) {
		struct symbol_seed *prev = ents[i - 1].item;

		if (prev->len == prev->start)
			prev->len = ents[i].start;
	}
	{
		struct symbol_seed *last = ents[n - 1].item;

		if (last->len == last->start)
			last->len = ((last->start + 4095) & ~4095ULL) + 4096;
	}

	/* fixup_duplicate() */
	for (i = 0; i < n; i++) {
		struct symbol_seed *sd = ents[i].item;

		if (nr_keep && keep[nr_keep - 1]->start == sd->start) {
			struct symbol_seed *kept = keep[nr_keep - 1];
			struct alias a = { kept->len - kept->start, kept->binding, kept->name,
					   kept->name_len };
			struct alias b = { sd->len - sd->start, sd->binding, sd->name, sd->name_len };

			if (!alias__better(a, b))
				keep[nr_keep - 1] = sd;
			continue;
		}
		keep[nr_keep++] = sd;
	}
	zfree(&ents);

	for (i = 0; i < nr_keep; i++)
		bytes += SYMBOL_BLOCK_ALIGN(sizeof(struct symbol) + keep[i]->name_len + 1);
	block = malloc(sizeof(*block) + bytes);
	if (!block)
		goto out;
	if (nr_keep > syms->alloc) {
		struct symbol **e = realloc(syms->entries, nr_keep * sizeof(*e));

		if (!e) {
			free(block);
			goto out;
		}
		syms->entries = e;
		syms->alloc = nr_keep;
	}
	block->next = syms->blocks;
	syms->blocks = block;
	p = (char *)block->mem;
	for (i = 0; i < nr_keep; i++) {
		const struct symbol_seed *sd = keep[i];
		struct symbol *sym = (struct symbol *)p;

		sym->start = sd->start;
		sym->end = sd->len;
		sym->binding = sd->binding;
		sym->type = sd->type;
		sym->idle = false;
		sym->inlined = false;
		sym->in_block = true;
		memcpy(sym->name, sd->name, sd->name_len);
		sym->name[sd->name_len] = '\0';
		syms->entries[i] = sym;
		p += SYMBOL_BLOCK_ALIGN(sizeof(struct symbol) + sd->name_len + 1);
	}
	syms->nr = nr_keep;
	zfree(&syms->by_name);
	syms->nr_by_name = 0;
	err = symbols__index(syms);
out:
	free(keep);
	free(runs);
	free(ents);
	return err;
}

static size_t last_at_or_below(const struct symbols *syms, uint64_t addr)
{
	const uint64_t *starts = syms->starts;
	size_t lo = 0, hi = syms->nr;

	if (syms->bucket) {
		uint64_t b;

		if (addr < starts[0])
			return 0;
		b = (addr - starts[0]) >> syms->bucket_shift;
		if (b < syms->nr_buckets) {
			/* Starts below the bucket are <= addr, from the next one on > addr. */
			lo = syms->bucket[b];
			hi = syms->bucket[b + 1];
		} else {
			lo = syms->bucket[syms->nr_buckets];
		}
	}

	/* Invariant: entries[< lo] start <= addr, entries[>= hi] start > addr. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (starts[mid] <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;	/* count of symbols starting at or below addr */
}

/* 4096 slots of 16 bytes: the hot addresses of a dso, in 64 KB. */
#define SYMBOLS_CACHE_BITS 12

struct symbols_cache_slot {
	uint64_t addr;
	struct symbol *sym;	/* NULL: empty, or the address has no symbol */
};

static struct symbol *symbols__search(const struct symbols *syms, uint64_t addr)
{
	size_t n = last_at_or_below(syms, addr);

	while (n > 0) {
		struct symbol *s = syms->entries[n - 1];

		if (addr < s->end)
			return s;
		if (n == 1 || syms->max_end[n - 2] <= addr)
			break;
		n--;
	}
	return NULL;
}

struct symbol *symbols__find(const struct symbols *syms, uint64_t addr)
{
	struct symbols_cache_slot *slot;
	struct symbol *sym;

	if (!syms->sorted || !syms->nr)
		return NULL;
	if (!syms->cache) {
		/* The table is logically const: the cache only remembers answers. */
		((struct symbols *)syms)->cache = calloc(1UL << SYMBOLS_CACHE_BITS,
							  sizeof(*syms->cache));
		if (!syms->cache)
			return symbols__search(syms, addr);
	}
	slot = &syms->cache[(addr * 0x9e3779b97f4a7c15ULL) >> (64 - SYMBOLS_CACHE_BITS)];
	if (slot->sym && slot->addr == addr)
		return slot->sym;
	sym = symbols__search(syms, addr);
	if (sym) {
		slot->addr = addr;
		slot->sym = sym;
	}
	return sym;
}

struct symbol *symbols__first(const struct symbols *syms)
{
	return syms->nr ? syms->entries[0] : NULL;
}

struct symbol *symbols__next(const struct symbols *syms, const struct symbol *sym)
{
	size_t n = last_at_or_below(syms, sym->start);

	/* Walk back over aliases at the same start to find @sym itself. */
	while (n > 0 && syms->entries[n - 1] != sym)
		n--;
	return n > 0 && n < syms->nr ? syms->entries[n] : NULL;
}

static int cmp_name(const void *a, const void *b)
{
	const struct symbol *x = *(const struct symbol * const *)a;
	const struct symbol *y = *(const struct symbol * const *)b;
	int r = strcmp(x->name, y->name);

	if (r)
		return r;
	return x->start < y->start ? -1 : x->start > y->start;
}

struct symbol *symbols__find_by_name(struct symbols *syms, const char *name)
{
	size_t lo = 0, hi;

	if (!syms->by_name && syms->nr) {
		syms->by_name = malloc(syms->nr * sizeof(*syms->by_name));
		if (!syms->by_name)
			return NULL;
		memcpy(syms->by_name, syms->entries, syms->nr * sizeof(*syms->by_name));
		qsort(syms->by_name, syms->nr, sizeof(*syms->by_name), cmp_name);
		syms->nr_by_name = syms->nr;
	}
	hi = syms->nr_by_name;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(syms->by_name[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < syms->nr_by_name && !strcmp(syms->by_name[lo]->name, name))
		return syms->by_name[lo];
	return NULL;
}

bool symbol__is_idle(const char *name)
{
	/* The reference's list of kernel idle loops, by name. */
	static const char * const idle[] = {
		"acpi_idle_do_entry",
		"acpi_processor_ffh_cstate_enter",
		"arch_cpu_idle",
		"cpu_idle",
		"cpu_startup_entry",
		"idle_cpu",
		"intel_idle",
		"intel_idle_ibrs",
		"default_idle",
		"native_safe_halt",
		"enter_idle",
		"exit_idle",
		"mwait_idle",
		"mwait_idle_with_hints",
		"mwait_idle_with_hints.constprop.0",
		"poll_idle",
		"ppc64_runlatch_off",
		"pseries_dedicated_idle_sleep",
		"psw_idle",
		"psw_idle_exit",
	};
	size_t i;

	if (name[0] == '.')	/* ppc64 function descriptors */
		name++;
	for (i = 0; i < sizeof(idle) / sizeof(idle[0]); i++)
		if (!strcmp(idle[i], name))
			return true;
	return false;
}
