// SPDX-License-Identifier: GPL-2.0
/*
 * Building the tracing data blob: a magic and version, then the ring
 * buffer's header_page and header_event formats, the ftrace formats, the
 * format of every recorded tracepoint grouped by system, and the optional
 * kallsyms, printk formats and saved cmdlines (left empty here).
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evlist.h"
#include "evsel.h"
#include "fs.h"
#include "strbuf.h"
#include "trace-event-info.h"
#include "tracepoint.h"
#include "util.h"

/* A tracepoint recorded: "sys:name" split, as evsel names carry it. */
struct tp_entry {
	char *sys;
	char *name;
};

static int add_file(struct strbuf *out, const char *path, int size_bytes)
{
	char *buf;
	size_t len;
	int err = filename__read_str(path, &buf, &len);

	if (err)
		return err;
	if (size_bytes == 8) {
		uint64_t sz = len;

		err = strbuf_add(out, &sz, sizeof(sz));
	} else {
		uint32_t sz = (uint32_t)len;

		err = strbuf_add(out, &sz, sizeof(sz));
	}
	if (!err)
		err = strbuf_add(out, buf, len);
	free(buf);
	return err;
}

static int tp_cmp(const void *a, const void *b)
{
	const struct tp_entry *x = a, *y = b;
	int c = strcmp(x->sys, y->sys);

	return c ? c : strcmp(x->name, y->name);
}

int tracing_data__build(struct evlist *evlist, struct strbuf *out)
{
	const char *tracefs = tracefs__mountpoint();
	struct tp_entry *tps = NULL;
	char path[PATH_MAX];
	struct evsel *evsel;
	size_t nr = 0, i, j;
	uint32_t u32;
	char c;
	int err = 0;

	evlist__for_each_entry(evlist, evsel) {
		const char *colon;
		struct tp_entry *n;

		if (evsel->attr.type != PERF_TYPE_TRACEPOINT || !evsel->name)
			continue;
		colon = strchr(evsel->name, ':');
		if (!colon)
			continue;
		n = realloc(tps, (nr + 1) * sizeof(*n));
		if (!n) {
			err = -ENOMEM;
			goto out;
		}
		tps = n;
		tps[nr].sys = strndup(evsel->name, (size_t)(colon - evsel->name));
		tps[nr].name = strndup(colon + 1, strcspn(colon + 1, ":"));
		nr++;
	}
	if (!nr)
		return -ENOENT;
	if (!tracefs) {
		err = -ENOENT;
		goto out;
	}
	qsort(tps, nr, sizeof(*tps), tp_cmp);

	/* Magic, version, endianness, sizeof(long), page size. */
	strbuf_add(out, "\027\010\104tracing", 10);
	strbuf_add(out, "0.6", 4);
	c = 0;	/* little endian: the only kind we build for */
	strbuf_add(out, &c, 1);
	c = (char)sizeof(long);
	strbuf_add(out, &c, 1);
	u32 = (uint32_t)sysconf(_SC_PAGESIZE);
	strbuf_add(out, &u32, sizeof(u32));

	strbuf_add(out, "header_page", 12);
	snprintf(path, sizeof(path), "%s/events/header_page", tracefs);
	err = add_file(out, path, 8);
	if (!err) {
		strbuf_add(out, "header_event", 13);
		snprintf(path, sizeof(path), "%s/events/header_event", tracefs);
		err = add_file(out, path, 8);
	}
	if (err)
		goto out;

	/* No ftrace-internal formats: perf does not record those events. */
	u32 = 0;
	strbuf_add(out, &u32, sizeof(u32));

	/* Systems, each with its events' formats. */
	for (i = 0, u32 = 0; i < nr; i++)
		if (!i || strcmp(tps[i].sys, tps[i - 1].sys))
			u32++;
	strbuf_add(out, &u32, sizeof(u32));
	for (i = 0; i < nr && !err; i = j) {
		uint32_t count = 0;

		for (j = i; j < nr && !strcmp(tps[j].sys, tps[i].sys); j++)
			if (j == i || strcmp(tps[j].name, tps[j - 1].name))
				count++;
		strbuf_addstr(out, tps[i].sys);
		strbuf_addch(out, '\0');
		strbuf_add(out, &count, sizeof(count));
		for (j = i; j < nr && !strcmp(tps[j].sys, tps[i].sys) && !err; j++) {
			if (j != i && !strcmp(tps[j].name, tps[j - 1].name))
				continue;
			snprintf(path, sizeof(path), "%s/events/%s/%s/format", tracefs,
				 tps[j].sys, tps[j].name);
			err = add_file(out, path, 8);
		}
	}
	if (err)
		goto out;

	/* kallsyms (u32 size), printk formats (u32 size), saved cmdlines (u64). */
	u32 = 0;
	strbuf_add(out, &u32, sizeof(u32));
	snprintf(path, sizeof(path), "%s/printk_formats", tracefs);
	if (add_file(out, path, 4))
		strbuf_add(out, &u32, sizeof(u32));
	{
		uint64_t zero = 0;

		strbuf_add(out, &zero, sizeof(zero));
	}
out:
	for (i = 0; i < nr; i++) {
		free(tps[i].sys);
		free(tps[i].name);
	}
	free(tps);
	return err;
}
