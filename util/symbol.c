// SPDX-License-Identifier: GPL-2.0
/* Symbol tables: building them the way the reference does, and lookups. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	memcpy(sym->name, name, n);
	return sym;
}

void symbol__delete(struct symbol *sym)
{
	free(sym);
}

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
	free(syms->by_name);
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
	zfree(&syms->by_name);
	syms->nr_by_name = 0;
	return 0;
}

/*
 * Merge sort by start, stable: among symbols at one address the order of
 * the file decides ties in the alias choice, as in the reference.
 */
static void sort_by_start(struct symbol **a, struct symbol **tmp, size_t n)
{
	size_t mid = n / 2, i = 0, j = mid, k = 0;

	if (n < 2)
		return;
	sort_by_start(a, tmp, mid);
	sort_by_start(a + mid, tmp, n - mid);
	if (a[mid - 1]->start <= a[mid]->start)
		return;
	while (i < mid && j < n)
		tmp[k++] = a[j]->start < a[i]->start ? a[j++] : a[i++];
	while (i < mid)
		tmp[k++] = a[i++];
	while (j < n)
		tmp[k++] = a[j++];
	memcpy(a, tmp, n * sizeof(*a));
}

static int symbols__index(struct symbols *syms)
{
	uint64_t *max_end, m = 0;
	size_t i;

	max_end = realloc(syms->max_end, (syms->nr ? syms->nr : 1) * sizeof(*max_end));
	if (!max_end)
		return -ENOMEM;
	for (i = 0; i < syms->nr; i++) {
		if (syms->entries[i]->end > m)
			m = syms->entries[i]->end;
		max_end[i] = m;
	}
	syms->max_end = max_end;
	syms->sorted = true;
	return 0;
}

int symbols__sort(struct symbols *syms)
{
	struct symbol **tmp;

	if (syms->nr > 1) {
		tmp = malloc(syms->nr * sizeof(*tmp));
		if (!tmp)
			return -ENOMEM;
		sort_by_start(syms->entries, tmp, syms->nr);
		free(tmp);
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

/* True when @a is the better name for the address both start at. */
static bool symbol__better(const struct symbol *a, const struct symbol *b)
{
	uint64_t sa = symbol__size(a), sb = symbol__size(b);
	size_t la, lb;
	int ua, ub;

	if (sa && !sb)
		return true;
	if (sb && !sa)
		return false;
	if ((a->binding == SYMBOL_BIND_WEAK) != (b->binding == SYMBOL_BIND_WEAK))
		return b->binding == SYMBOL_BIND_WEAK;
	if ((a->binding == SYMBOL_BIND_GLOBAL) != (b->binding == SYMBOL_BIND_GLOBAL))
		return a->binding == SYMBOL_BIND_GLOBAL;
	ua = leading_underscores(a->name);
	ub = leading_underscores(b->name);
	if (ua != ub)
		return ua < ub;
	la = strlen(a->name);
	lb = strlen(b->name);
	if (la != lb)
		return la > lb;
	return true;
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

static size_t last_at_or_below(const struct symbols *syms, uint64_t addr)
{
	size_t lo = 0, hi = syms->nr;

	/* Invariant: entries[< lo] start <= addr, entries[>= hi] start > addr. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (syms->entries[mid]->start <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;	/* count of symbols starting at or below addr */
}

struct symbol *symbols__find(const struct symbols *syms, uint64_t addr)
{
	size_t n;

	if (!syms->sorted || !syms->nr)
		return NULL;
	n = last_at_or_below(syms, addr);
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
