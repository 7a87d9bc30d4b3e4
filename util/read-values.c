// SPDX-License-Identifier: GPL-2.0
/* Per-thread counter values of READ records, for perf report -T. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "read-values.h"

static int read_values__counter(struct read_values *rv, uint64_t id, const char *name)
{
	const char **names;
	uint64_t *ids;
	size_t i, n = rv->nr_counters;

	for (i = 0; i < n; i++)
		if (rv->ids[i] == id)
			return (int)i;
	names = realloc(rv->names, (n + 1) * sizeof(*names));
	if (!names)
		return -ENOMEM;
	rv->names = names;
	ids = realloc(rv->ids, (n + 1) * sizeof(*ids));
	if (!ids)
		return -ENOMEM;
	rv->ids = ids;
	/* Every thread's row grows by the new column, at zero. */
	for (i = 0; i < rv->nr_threads; i++) {
		uint64_t *v = realloc(rv->threads[i].values, (n + 1) * sizeof(*v));

		if (!v)
			return -ENOMEM;
		v[n] = 0;
		rv->threads[i].values = v;
	}
	names[n] = name;
	ids[n] = id;
	rv->nr_counters = n + 1;
	return (int)n;
}

static struct read_values_thread *read_values__thread(struct read_values *rv, int pid, int tid)
{
	struct read_values_thread *t;
	size_t i;

	if (rv->thread_hint < rv->nr_threads) {
		t = &rv->threads[rv->thread_hint];
		if (t->pid == pid && t->tid == tid)
			return t;
	}
	for (i = 0; i < rv->nr_threads; i++) {
		t = &rv->threads[i];
		if (t->pid == pid && t->tid == tid) {
			rv->thread_hint = i;
			return t;
		}
	}
	if (rv->nr_threads == rv->threads_alloc) {
		size_t n = rv->threads_alloc ? rv->threads_alloc * 2 : 16;

		t = realloc(rv->threads, n * sizeof(*t));
		if (!t)
			return NULL;
		rv->threads = t;
		rv->threads_alloc = n;
	}
	t = &rv->threads[rv->nr_threads];
	t->pid = pid;
	t->tid = tid;
	t->values = calloc(rv->nr_counters ? rv->nr_counters : 1, sizeof(*t->values));
	if (!t->values)
		return NULL;
	rv->thread_hint = rv->nr_threads++;
	return t;
}

int read_values__add(struct read_values *rv, int pid, int tid, uint64_t id,
		     const char *name, uint64_t value)
{
	struct read_values_thread *t;
	int c = read_values__counter(rv, id, name);

	if (c < 0)
		return c;
	t = read_values__thread(rv, pid, tid);
	if (!t)
		return -ENOMEM;
	t->values[c] += value;
	return 0;
}

static int digits(uint64_t v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

static int int_width(int v)
{
	return v < 0 ? digits((uint64_t)-(int64_t)v) + 1 : digits((uint64_t)v);
}

void read_values__fprintf(const struct read_values *rv, FILE *fp)
{
	int pid_w = 3, tid_w = 3, *w;
	size_t i, c;

	w = calloc(rv->nr_counters ? rv->nr_counters : 1, sizeof(*w));
	if (!w)
		return;
	for (c = 0; c < rv->nr_counters; c++)
		w[c] = (int)strlen(rv->names[c]);
	for (i = 0; i < rv->nr_threads; i++) {
		const struct read_values_thread *t = &rv->threads[i];

		if (int_width(t->pid) > pid_w)
			pid_w = int_width(t->pid);
		if (int_width(t->tid) > tid_w)
			tid_w = int_width(t->tid);
		for (c = 0; c < rv->nr_counters; c++)
			if (digits(t->values[c]) > w[c])
				w[c] = digits(t->values[c]);
	}
	fprintf(fp, "# %*s  %*s", pid_w, "PID", tid_w, "TID");
	for (c = 0; c < rv->nr_counters; c++)
		fprintf(fp, "  %*s", w[c], rv->names[c]);
	fputc('\n', fp);
	for (i = 0; i < rv->nr_threads; i++) {
		const struct read_values_thread *t = &rv->threads[i];

		fprintf(fp, "  %*d  %*d", pid_w, t->pid, tid_w, t->tid);
		for (c = 0; c < rv->nr_counters; c++)
			fprintf(fp, "  %*" PRIu64, w[c], t->values[c]);
		fputc('\n', fp);
	}
	free(w);
}

void read_values__exit(struct read_values *rv)
{
	size_t i;

	for (i = 0; i < rv->nr_threads; i++)
		free(rv->threads[i].values);
	free(rv->threads);
	free(rv->names);
	free(rv->ids);
	memset(rv, 0, sizeof(*rv));
}
