// SPDX-License-Identifier: GPL-2.0
/*
 * The --sort keys: how each compares, orders and prints an entry, with
 * the reference's column headers and formats.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "dso.h"
#include "hist.h"
#include "sort.h"
#include "symbol.h"
#include "thread.h"

uint64_t sort_time_quantum = 100000000ULL;

static int cmp_u64(uint64_t a, uint64_t b)
{
	return a < b ? -1 : a > b;
}

static int cmp_int(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

/* NULL sorts after everything, as the reference's cmp_null does. */
static int cmp_null(const void *a, const void *b)
{
	if (!a && !b)
		return 0;
	return !a ? 1 : -1;
}

static int cmp_str(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (!a || !b)
		return cmp_null(a, b);
	return strcmp(a, b);
}

/* ---- comm ---- */

static int comm__cmp(const struct hist_entry *a, const struct hist_entry *b)
{
	return cmp_str(a->comm, b->comm);
}

static int comm__snprintf(const struct hist_entry *he, char *buf, size_t size)
{
	return snprintf(buf, size, "%s", he->comm ? he->comm : "");
}

/* ---- pid: "tid:comm" ---- */

static int pid__cmp(const struct hist_entry *a, const struct hist_entry *b)
{
	return cmp_int(a->tid, b->tid);
}

static int pid__snprintf(const struct hist_entry *he, char *buf, size_t size)
{
	return snprintf(buf, size, "%7d:%s", he->tid,
			he->thread ? thread__comm_str(he->thread) : "");
}

/* ---- dso ---- */

static const char *hist_entry__dso_name(const struct hist_entry *he)
{
	return he->dso ? he->dso->short_name : NULL;
}

static int dso__cmp(const struct hist_entry *a, const struct hist_entry *b)
{
	if (a->dso == b->dso)
		return 0;
	return cmp_str(hist_entry__dso_name(a), hist_entry__dso_name(b));
}

static int dso__snprintf(const struct hist_entry *he, char *buf, size_t size)
{
	const char *name = hist_entry__dso_name(he);

	return snprintf(buf, size, "%s", name ? name : "[unknown]");
}

/* ---- symbol ---- */

static int sym__cmp(const struct hist_entry *a, const struct hist_entry *b)
{
	/*
	 * An address is relative to its dso: the dso tells them apart, by
	 * identity (the reference's order among dsos is their creation
	 * order, which our allocation order follows).
	 */
	int ret = 0;

	if (a->dso != b->dso)
		return (uintptr_t)a->dso < (uintptr_t)b->dso ? -1 : 1;
	/*
	 * The reference orders raw addresses by their signed difference:
	 * one near the top of the address space comes before user ones.
	 */
	if (!a->sym && !b->sym) {
		int64_t d = (int64_t)(b->ip - a->ip);

		return d > 0 ? -1 : d < 0;
	}
	if (!a->sym || !b->sym)
		return cmp_null(a->sym, b->sym);
	if (a->sym == b->sym)
		return 0;
	/* Inline levels share their symbol's range: the name tells them apart. */
	if (a->sym->inlined || b->sym->inlined) {
		ret = strcmp(a->sym->name, b->sym->name);
		if (ret)
			return ret;
	}
	ret = cmp_u64(a->sym->start, b->sym->start);
	return ret ? ret : cmp_u64(a->sym->end, b->sym->end);
}

static int sym__sort(const struct hist_entry *a, const struct hist_entry *b)
{
	if (!a->sym || !b->sym)
		return cmp_null(a->sym, b->sym);
	return strcmp(a->sym->name, b->sym->name);
}

static int sym__snprintf(const struct hist_entry *he, char *buf, size_t size)
{
	if (he->sym)
		return snprintf(buf, size, "[%c] %s%s", he->level, he->sym->name,
				he->sym->inlined ? SYMBOL_INLINED_SUFFIX : "");
	/* "%#.16x": zero prints without the 0x, as the reference's does. */
	return snprintf(buf, size, "[%c] %#.16" PRIx64, he->level, he->ip);
}

/* ---- srcline, srcfile ---- */

static int srcline__cmp(const struct hist_entry *a, const struct hist_entry *b)
{
	return cmp_str(a->srcline, b->srcline);
}

static int srcline__snprintf(const struct hist_entry *he, char *buf, size_t size)
{
	return snprintf(buf, size, "%s", he->srcline ? he->srcline : "");
}

static int srcfile__cmp(const struct hist_entry *a, const struct hist_entry *b)
{
	return cmp_str(a->srcfile, b->srcfile);
}

static int srcfile__snprintf(const struct hist_entry *he, char *buf, size_t size)
{
	return snprintf(buf, size, "%s", he->srcfile ? he->srcfile : "");
}

/* ---- parent ---- */

static int parent__cmp(const struct hist_entry *a, const struct hist_entry *b)
{
	return cmp_str(a->parent, b->parent);
}

static int parent__snprintf(const struct hist_entry *he, char *buf, size_t size)
{
	return snprintf(buf, size, "%s", he->parent ? he->parent : "[other]");
}

/* ---- cpu, socket ---- */

static int cpu__cmp(const struct hist_entry *a, const struct hist_entry *b)
{
	return cmp_int(a->cpu, b->cpu);
}

static int cpu__snprintf(const struct hist_entry *he, char *buf, size_t size)
{
	return snprintf(buf, size, "%3.3d", he->cpu);
}

static int socket__cmp(const struct hist_entry *a, const struct hist_entry *b)
{
	return cmp_int(a->socket, b->socket);
}

static int socket__snprintf(const struct hist_entry *he, char *buf, size_t size)
{
	return snprintf(buf, size, "%6.3d", he->socket);
}

/* ---- time ---- */

static int time__cmp(const struct hist_entry *a, const struct hist_entry *b)
{
	return cmp_u64(a->time, b->time);
}

static int time__snprintf(const struct hist_entry *he, char *buf, size_t size)
{
	return snprintf(buf, size, "%" PRIu64 ".%06" PRIu64, he->time / (uint64_t)1000000000,
			(he->time % (uint64_t)1000000000) / (uint64_t)1000);
}

/* ---- trace ---- */

static int trace__cmp(const struct hist_entry *a, const struct hist_entry *b)
{
	return cmp_str(a->trace, b->trace);
}

static int trace__snprintf(const struct hist_entry *he, char *buf, size_t size)
{
	return snprintf(buf, size, "%s", he->trace ? he->trace : "N/A");
}

const struct sort_key sort_keys[SORT_NR_KEYS] = {
	[SORT_COMM]    = { "comm", "Command", SORT_COMM, comm__cmp, NULL, comm__snprintf, true, false },
	[SORT_PID]     = { "pid", "    Pid:Command", SORT_PID, pid__cmp, NULL, pid__snprintf, true, false },
	[SORT_DSO]     = { "dso", "Shared Object", SORT_DSO, dso__cmp, NULL, dso__snprintf, true, false },
	[SORT_SYM]     = { "symbol", "Symbol", SORT_SYM, sym__cmp, sym__sort, sym__snprintf, false, false },
	[SORT_SRCLINE] = { "srcline", "Source:Line", SORT_SRCLINE, srcline__cmp, NULL, srcline__snprintf, false, false },
	[SORT_SRCFILE] = { "srcfile", "Source File", SORT_SRCFILE, srcfile__cmp, NULL, srcfile__snprintf, false, false },
	[SORT_PARENT]  = { "parent", "Parent symbol", SORT_PARENT, parent__cmp, NULL, parent__snprintf, true, false },
	[SORT_CPU]     = { "cpu", "CPU", SORT_CPU, cpu__cmp, NULL, cpu__snprintf, true, true },
	[SORT_SOCKET]  = { "socket", "Socket", SORT_SOCKET, socket__cmp, NULL, socket__snprintf, true, true },
	[SORT_TIME]    = { "time", "Time", SORT_TIME, time__cmp, NULL, time__snprintf, false, false },
	[SORT_TRACE]   = { "trace", "Trace output", SORT_TRACE, trace__cmp, NULL, trace__snprintf, false, false },
};

const struct sort_key *sort_key__find(const char *name)
{
	int i;

	if (!strcmp(name, "sym"))
		name = "symbol";
	for (i = 0; i < SORT_NR_KEYS; i++)
		if (!strcmp(sort_keys[i].name, name))
			return &sort_keys[i];
	return NULL;
}

int hpp_column__find(const char *name)
{
	static const char * const names[HPP_NR_COLUMNS] = {
		[HPP_OVERHEAD] = "overhead",
		[HPP_OVERHEAD_SYS] = "overhead_sys",
		[HPP_OVERHEAD_US] = "overhead_us",
		[HPP_OVERHEAD_CHILDREN] = "overhead_children",
		[HPP_SAMPLE] = "sample",
		[HPP_PERIOD] = "period",
	};
	int i;

	for (i = 0; i < HPP_NR_COLUMNS; i++)
		if (!strcmp(names[i], name))
			return i;
	return -1;
}
