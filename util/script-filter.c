// SPDX-License-Identifier: GPL-2.0
/* Event filters of perf script: CPU lists, id and name lists, time ranges. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "dso.h"
#include "map.h"
#include "script-filter.h"
#include "symbol.h"
#include "thread.h"

#define NSEC_PER_SEC 1000000000ULL

int cpu_bitmap__parse(uint64_t *bitmap, const char *list, int nr_cpus)
{
	const char *p = list;

	memset(bitmap, 0, SCRIPT_MAX_NR_CPUS / 8);
	if (!*p)
		goto invalid;
	while (*p) {
		unsigned long start, end, cpu;
		char *e;

		if (!isdigit((unsigned char)*p))
			goto invalid;
		start = end = strtoul(p, &e, 10);
		p = e;
		if (*p == '-') {
			if (!isdigit((unsigned char)p[1]))
				goto invalid;
			end = strtoul(p + 1, &e, 10);
			p = e;
			if (end < start)
				goto invalid;
		}
		if (*p == ',')
			p++;
		else if (*p)
			goto invalid;
		for (cpu = start; cpu <= end; cpu++) {
			if (cpu >= SCRIPT_MAX_NR_CPUS) {
				pr_err("Perf can support %d CPUs. Consider raising MAX_NR_CPUS\n",
				       SCRIPT_MAX_NR_CPUS);
				pr_err("Requested CPU %lu too large. Consider raising MAX_NR_CPUS\n",
				       cpu);
				return -EINVAL;
			}
			if ((long)cpu >= nr_cpus) {
				pr_err("Requested CPU %lu too large. Consider raising MAX_NR_CPUS\n",
				       cpu);
				return -EINVAL;
			}
			bitmap[cpu / 64] |= 1ULL << (cpu % 64);
		}
	}
	return 0;
invalid:
	pr_err("Invalid cpu_list\n");
	return -EINVAL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char * const *)a, *(char * const *)b);
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

int name_list__parse(struct name_list *list, const char *str)
{
	char *copy = strdup(str), *tok, *save = NULL;

	memset(list, 0, sizeof(*list));
	if (!copy)
		return -ENOMEM;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char **n = realloc(list->names, (list->nr + 1) * sizeof(*n));

		if (!n)
			goto out_enomem;
		list->names = n;
		list->names[list->nr] = strdup(tok);
		if (!list->names[list->nr])
			goto out_enomem;
		list->nr++;
	}
	free(copy);
	qsort(list->names, list->nr, sizeof(*list->names), cmp_str);
	return 0;
out_enomem:
	free(copy);
	name_list__exit(list);
	return -ENOMEM;
}

int id_list__parse(struct name_list *list, const char *str)
{
	const char *p = str;

	memset(list, 0, sizeof(*list));
	while (*p) {
		char *e;
		long v = strtol(p, &e, 10);
		long *ids;

		if (e == p || (*e && *e != ',')) {
			name_list__exit(list);
			return -EINVAL;
		}
		ids = realloc(list->ids, (list->nr_ids + 1) * sizeof(*ids));
		if (!ids) {
			name_list__exit(list);
			return -ENOMEM;
		}
		list->ids = ids;
		list->ids[list->nr_ids++] = v;
		p = *e ? e + 1 : e;
	}
	qsort(list->ids, list->nr_ids, sizeof(*list->ids), cmp_long);
	return 0;
}

void name_list__exit(struct name_list *list)
{
	size_t i;

	for (i = 0; i < list->nr; i++)
		free(list->names[i]);
	free(list->names);
	free(list->ids);
	memset(list, 0, sizeof(*list));
}

bool name_list__has(const struct name_list *list, const char *name)
{
	return list->nr && bsearch(&name, list->names, list->nr, sizeof(*list->names), cmp_str);
}

bool id_list__has(const struct name_list *list, long id)
{
	return list->nr_ids && bsearch(&id, list->ids, list->nr_ids, sizeof(*list->ids), cmp_long);
}

/* ---- --time ---- */

/* "sec[.frac]" with at most 9 decimals. */
static int parse_nsec_time(const char *s, uint64_t *t)
{
	char *end, frac[10];
	uint64_t sec, nsec = 0;
	size_t n;

	sec = strtoull(s, &end, 10);
	if (*end && *end != '.')
		return -EINVAL;
	if (*end == '.') {
		end++;
		n = strlen(end);
		if (n > 9)
			return -EINVAL;
		memcpy(frac, end, n);
		memset(frac + n, '0', 9 - n);
		frac[9] = '\0';
		nsec = strtoull(frac, &end, 10);
		if (*end)
			return -EINVAL;
	}
	*t = sec * NSEC_PER_SEC + nsec;
	return 0;
}

/* One "start,stop" range; either side may be empty. */
static int parse_one_range(char *s, struct time_range *r)
{
	char *comma = strchr(s, ',');

	r->start = r->end = 0;
	if (comma)
		*comma++ = '\0';
	if (*s && parse_nsec_time(s, &r->start))
		return -EINVAL;
	if (comma && *comma && parse_nsec_time(comma, &r->end))
		return -EINVAL;
	if (r->end && r->end < r->start)
		return -EINVAL;
	return 0;
}

/* Ranges separated by blanks; as many ranges as commas. */
static int parse_abs_ranges(char *s, struct time_range *r, int num)
{
	char *p = s, *arg;
	int i;

	for (i = 0; i < num - 1; i++) {
		arg = p;
		p = strchr(p, ',') + 1;
		while (isspace((unsigned char)*p))
			p++;
		while (*p && !isspace((unsigned char)*p))
			if (*p++ == ',')
				return -EINVAL;
		if (*p)
			*p++ = '\0';
		if (parse_one_range(arg, &r[i]))
			return -EINVAL;
	}
	if (parse_one_range(p, &r[i]))
		return -EINVAL;
	for (i = 0; i < num - 1; i++)
		if (r[i].end >= r[i + 1].start)
			return -EINVAL;
	return num;
}

static int parse_percent(char *s, double *pcnt)
{
	char *pc = strchr(s, '%'), *end;

	if (!pc)
		return -EINVAL;
	*pc = '\0';
	*pcnt = strtod(s, &end) / 100.0;
	return end == pc ? 0 : -EINVAL;
}

static int set_percent(struct time_range *r, double from, double to, uint64_t first,
		       uint64_t last)
{
	uint64_t total = last - first;

	if (from < 0.0 || from > 1.0 || to < 0.0 || to > 1.0)
		return -EINVAL;
	r->start = first + (uint64_t)round(from * (double)total);
	r->end = first + (uint64_t)round(to * (double)total);
	/* Slices do not share their boundary, except at the very end. */
	if (r->end > r->start && to != 1.0)
		r->end -= 1;
	return 0;
}

/* "10%/2": the second slice of 10%. */
static int percent_slash(char *s, struct time_range *r, uint64_t first, uint64_t last)
{
	char *slash = strchr(s, '/'), *end;
	double pcnt;
	long i;

	if (!slash)
		return -EINVAL;
	*slash = '\0';
	if (parse_percent(s, &pcnt))
		return -EINVAL;
	i = strtol(slash + 1, &end, 10);
	if (*end || pcnt <= 0.0)
		return -EINVAL;
	return set_percent(r, pcnt * (double)(i - 1), pcnt * (double)i, first, last);
}

/* "0%-10%" */
static int percent_dash(char *s, struct time_range *r, uint64_t first, uint64_t last)
{
	char *dash = strchr(s, '-');
	double from, to;

	if (!dash)
		return -EINVAL;
	*dash = '\0';
	if (parse_percent(s, &from) || parse_percent(dash + 1, &to))
		return -EINVAL;
	return set_percent(r, from, to, first, last);
}

static int parse_percent_ranges(char *s, struct time_range *r, int size, uint64_t first,
				uint64_t last)
{
	int (*split)(char *, struct time_range *, uint64_t, uint64_t);
	char *p = s, *comma;
	int i = 0;

	if (strchr(s, '/')) {
		split = percent_slash;
	} else if (strchr(s, '-')) {
		split = percent_dash;
	} else {
		/* "50%": the first slice of 50%; the '%' must end the string. */
		size_t len = strlen(s);
		double pcnt;

		if (!len || strchr(s, '%') != s + len - 1 || parse_percent(s, &pcnt) ||
		    pcnt <= 0.0 || set_percent(r, 0.0, pcnt, first, last))
			return -EINVAL;
		return 1;
	}
	while (*p) {
		if (i >= size)
			return -EINVAL;
		comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		if (split(p, &r[i], first, last))
			return -EINVAL;
		i++;
		if (!comma)
			break;
		p = comma + 1;
	}
	return i;
}

int time_ranges__parse(const char *str, uint64_t first, uint64_t last, bool reltime,
		       struct time_range **ranges)
{
	bool has_percent = strchr(str, '%');
	struct time_range *r;
	char *copy;
	int size = 1, num, i;
	const char *p;

	/* As many ranges as commas, and at least one. */
	for (p = str; *p; p++)
		size += *p == ',';
	r = calloc((size_t)size, sizeof(*r));
	copy = strdup(str);
	if (!r || !copy) {
		free(r);
		free(copy);
		return -ENOMEM;
	}
	if ((has_percent || reltime) && !first && !last) {
		pr_err("HINT: no first/last sample time found in perf data.\n"
		       "Please use latest perf binary to execute 'perf record'\n"
		       "(if '--buildid-all' is enabled, please set '--timestamp-boundary').\n");
		num = -EINVAL;
		goto out;
	}
	if (has_percent)
		num = parse_percent_ranges(copy, r, size, first, last);
	else
		num = size > 1 ? parse_abs_ranges(copy, r, size - 1) : -EINVAL;
	if (num < 0) {
		pr_err("Invalid time string\n");
		goto out;
	}
	if (reltime) {
		for (i = 0; i < num; i++) {
			r[i].start += first;
			r[i].end += first;
		}
	}
	*ranges = r;
	r = NULL;
out:
	free(r);
	free(copy);
	return num < 0 ? -EINVAL : num;
}

bool time_ranges__skip(const struct time_range *ranges, int nr, uint64_t t)
{
	int i;

	if (!ranges || !nr || !t)
		return false;
	if (nr == 1)
		return (ranges[0].start && t < ranges[0].start) ||
		       (ranges[0].end && t > ranges[0].end);
	for (i = 0; i < nr; i++)
		if (t >= ranges[i].start && (t <= ranges[i].end || !ranges[i].end))
			return false;
	return true;
}

bool addr_location__filtered_out(const struct addr_location *al, const struct name_list *comms,
				 const struct name_list *pids, const struct name_list *tids,
				 const struct name_list *dsos)
{
	struct thread *thread = al->thread;
	const struct dso *dso = al->map ? al->map->dso : NULL;

	if (comms && !name_list__has(comms, thread__comm_str(thread)))
		return true;
	if (pids && !id_list__has(pids, thread->pid_))
		return true;
	if (tids && !id_list__has(tids, thread->tid))
		return true;
	return dsos && (!dso || !(name_list__has(dsos, dso->short_name) ||
				  name_list__has(dsos, dso->long_name)));
}
