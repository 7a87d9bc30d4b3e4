// SPDX-License-Identifier: GPL-2.0
/*
 * The header reader on files built here byte by byte: attrs and ids,
 * features, a file from before feature sections, and damaged headers
 * (sections outside the file, overlaps, sizes that lie) that must be
 * refused with a message, not read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/data.h"
#include "../util/evlist.h"
#include "../util/evsel.h"
#include "../util/header.h"
#include "../util/session.h"
#include "../util/util.h"
#include "tests.h"

struct fbuf {
	char b[8192];
	size_t n;
};

static size_t fb_put(struct fbuf *f, const void *p, size_t n)
{
	size_t at = f->n;

	memcpy(f->b + f->n, p, n);
	f->n += n;
	return at;
}

static void fb_u32(struct fbuf *f, uint32_t v) { fb_put(f, &v, 4); }
static void fb_u64(struct fbuf *f, uint64_t v) { fb_put(f, &v, 8); }

static void fb_str(struct fbuf *f, const char *s)
{
	char pad[64] = { 0 };
	uint32_t len = (uint32_t)((strlen(s) + 1 + 7) & ~7UL);

	fb_u32(f, len);
	memcpy(pad, s, strlen(s));
	fb_put(f, pad, len);
}

/*
 * A small valid file: one cpu-clock attr with ids 41 and 42, two records
 * (a COMM and a SAMPLE), features HOSTNAME, CMDLINE and EVENT_DESC.
 */
static void build_file(struct fbuf *f, struct perf_file_header *fh)
{
	struct perf_event_attr attr = {
		.type = PERF_TYPE_SOFTWARE, .size = sizeof(attr),
		.config = PERF_COUNT_SW_CPU_CLOCK, .sample_period = 4000, .freq = 1,
		.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_TIME |
			       PERF_SAMPLE_ID | PERF_SAMPLE_PERIOD,
		.sample_id_all = 1, .exclude_kernel = 1,
	};
	struct perf_file_section secs[3];
	struct perf_file_attr fa;
	size_t ids_at, feat_start, i;

	memset(f, 0, sizeof(*f));
	memset(fh, 0, sizeof(*fh));
	f->n = sizeof(*fh);

	ids_at = f->n;
	fb_u64(f, 41);
	fb_u64(f, 42);
	fa.attr = attr;
	fa.ids.offset = ids_at;
	fa.ids.size = 16;
	fh->attrs.offset = f->n;
	fh->attrs.size = sizeof(fa);
	fb_put(f, &fa, sizeof(fa));

	fh->data.offset = f->n;
	/* COMM: header, pid/tid, comm[8], trailer TID TIME ID */
	fb_u32(f, PERF_RECORD_COMM);
	fb_u32(f, 0 | (48 << 16));
	fb_u32(f, 7);
	fb_u32(f, 7);
	fb_put(f, "true\0\0\0\0", 8);
	fb_u32(f, 7);
	fb_u32(f, 7);
	fb_u64(f, 100);
	fb_u64(f, 41);
	/* SAMPLE: IP TID TIME ID PERIOD */
	fb_u32(f, PERF_RECORD_SAMPLE);
	fb_u32(f, PERF_RECORD_MISC_USER | (48 << 16));
	fb_u64(f, 0x401000);
	fb_u32(f, 7);
	fb_u32(f, 7);
	fb_u64(f, 200);
	fb_u64(f, 42);
	fb_u64(f, 4000);
	fh->data.size = f->n - fh->data.offset;

	/* The feature table, then the sections. */
	feat_start = f->n;
	f->n += sizeof(secs);
	secs[0].offset = f->n;
	fb_str(f, "testhost");
	secs[0].size = f->n - secs[0].offset;
	secs[1].offset = f->n;
	fb_u32(f, 2);
	fb_str(f, "/usr/bin/perf");
	fb_str(f, "it's");
	secs[1].size = f->n - secs[1].offset;
	secs[2].offset = f->n;
	fb_u32(f, 1);
	fb_u32(f, sizeof(attr));
	fb_put(f, &attr, sizeof(attr));
	fb_u32(f, 2);
	fb_str(f, "cpu-clock:u");
	fb_u64(f, 41);
	fb_u64(f, 42);
	secs[2].size = f->n - secs[2].offset;
	memcpy(f->b + feat_start, secs, sizeof(secs));
	(void)i;

	fh->magic = PERF_MAGIC2;
	fh->size = sizeof(*fh);
	fh->attr_size = sizeof(fa);
	perf_header__feat_set(fh->adds_features, HEADER_HOSTNAME);
	perf_header__feat_set(fh->adds_features, HEADER_CMDLINE);
	perf_header__feat_set(fh->adds_features, HEADER_EVENT_DESC);
	memcpy(f->b, fh, sizeof(*fh));
}

static int write_tmp(char *tmp, const struct fbuf *f, size_t n)
{
	int fd = mkstemp(tmp);

	if (fd < 0)
		return -errno;
	if (write(fd, f->b, n) != (ssize_t)n) {
		close(fd);
		return -EIO;
	}
	close(fd);
	return 0;
}

static struct perf_session *open_file(const char *path)
{
	struct perf_data data = { .path = path, .mode = PERF_DATA_MODE_READ };
	static struct perf_data keep;

	/* The session keeps a pointer to the perf_data: it must outlive it. */
	keep = data;
	return perf_session__new(&keep, NULL);
}

static int test__header_read(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static struct fbuf f;
	struct perf_file_header fh;
	struct perf_session *s;
	struct evsel *evsel;
	char tmp[] = "/tmp/perf-test-header.XXXXXX";

	build_file(&f, &fh);
	TEST_ASSERT_EQUAL("written", write_tmp(tmp, &f, f.n), 0);
	s = open_file(tmp);
	unlink(tmp);
	TEST_ASSERT_VAL("opens", !IS_ERR(s));
	TEST_ASSERT_EQUAL("one event", s->evlist->nr_entries, 1);
	evsel = evlist__first(s->evlist);
	TEST_ASSERT_EQUAL("two ids", evsel->ids, 2);
	TEST_ASSERT_EQUAL("id 2", evsel->id[1], 42);
	TEST_ASSERT_STREQ("name from event desc", evsel__name(evsel), "cpu-clock:u");
	TEST_ASSERT_STREQ("hostname", s->header.env.hostname, "testhost");
	TEST_ASSERT_EQUAL("cmdline", s->header.env.nr_cmdline, 2);
	TEST_ASSERT_STREQ("cmdline arg", s->header.env.cmdline_argv[1], "it's");
	TEST_ASSERT_EQUAL("data offset", s->header.data_offset, fh.data.offset);
	TEST_ASSERT_EQUAL("records", perf_session__process_events(s), 0);
	TEST_ASSERT_EQUAL("samples", s->stats.nr_events[PERF_RECORD_SAMPLE], 1);
	TEST_ASSERT_EQUAL("comms", s->stats.nr_events[PERF_RECORD_COMM], 1);
	perf_session__delete(s);
	return TEST_OK;
}

/* Each damage must be refused (or, for features, ignored) with the file open. */
static int test__header_damaged(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static struct fbuf f;
	struct perf_file_header fh, *h;
	struct perf_session *s;
	int saved = dup(STDERR_FILENO), devnull = open("/dev/null", O_WRONLY);
	int i, ret = TEST_OK;

	/* The errors are expected; their text is checked by the shell tests. */
	if (devnull >= 0) {
		dup2(devnull, STDERR_FILENO);
		close(devnull);
	}
	for (i = 0; i < 12 && ret == TEST_OK; i++) {
		char tmp[] = "/tmp/perf-test-header.XXXXXX";
		bool must_fail = true;
		size_t n;

		build_file(&f, &fh);
		h = (struct perf_file_header *)f.b;
		n = f.n;
		switch (i) {
		case 0: h->magic = 0x1234; break;
		case 1: h->attrs.offset = 1 << 30; break;
		case 2: h->attrs.size = 1 << 30; break;
		case 3: h->data.offset = 8; break;			/* overlaps the header */
		case 4: h->attrs.offset = h->data.offset; break;	/* overlaps the data */
		case 5: h->attr_size = 0; break;
		case 6: h->size = 12345; break;
		case 7: n = 60; break;					/* truncated header */
		case 8: h->data.size = 1 << 30; break;			/* data past the end */
		case 9: {						/* ids outside */
			struct perf_file_attr *fa = (void *)(f.b + h->attrs.offset);

			fa->ids.size = 1ULL << 40;
			break;
		}
		case 10: {						/* attr size beyond ours */
			struct perf_file_attr *fa = (void *)(f.b + h->attrs.offset);

			fa->attr.size = 4096;
			break;
		}
		case 11:						/* feature table outside */
			n = h->data.offset + h->data.size;
			must_fail = false;
			break;
		}
		if (write_tmp(tmp, &f, n)) {
			ret = TEST_FAIL;
			break;
		}
		s = open_file(tmp);
		unlink(tmp);
		if (must_fail != IS_ERR(s)) {
			dup2(saved, STDERR_FILENO);
			pr_err("damage %d: %s\n", i, must_fail ? "accepted" : "refused");
			ret = TEST_FAIL;
		}
		if (!IS_ERR(s))
			perf_session__delete(s);
	}
	dup2(saved, STDERR_FILENO);
	close(saved);
	return ret;
}

static int test__header_names(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct perf_event_attr attr = { .type = PERF_TYPE_HARDWARE, .exclude_guest = 1 };
	char buf[128];

	TEST_ASSERT_STREQ("cycles", perf_event_attr__default_name(&attr, NULL, buf, sizeof(buf)),
			  "cycles");
	/* exclude_guest says nothing when it is the default for the other bits */
	attr.exclude_guest = 0;
	attr.exclude_kernel = 1;
	attr.exclude_hv = 1;
	TEST_ASSERT_STREQ("cycles:u", perf_event_attr__default_name(&attr, NULL, buf, sizeof(buf)),
			  "cycles:u");
	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_SOFTWARE;
	attr.precise_ip = 3;
	TEST_ASSERT_STREQ("cpu-clock:ppp",
			  perf_event_attr__default_name(&attr, NULL, buf, sizeof(buf)),
			  "cpu-clock:ppp");
	attr.precise_ip = 0;
	attr.config = PERF_COUNT_SW_DUMMY;
	TEST_ASSERT_STREQ("dummy:HG", perf_event_attr__default_name(&attr, NULL, buf, sizeof(buf)),
			  "dummy:HG");
	attr.type = PERF_TYPE_TRACEPOINT;
	TEST_ASSERT_STREQ("no tracing data",
			  perf_event_attr__default_name(&attr, NULL, buf, sizeof(buf)),
			  "unknown tracepoint");
	attr.type = PERF_TYPE_RAW;
	attr.config = 0x1c0;
	attr.exclude_guest = 1;
	TEST_ASSERT_STREQ("raw", perf_event_attr__default_name(&attr, NULL, buf, sizeof(buf)),
			  "raw 0x1c0");
	TEST_ASSERT_STREQ("feature name", header_feat__name(HEADER_MEM_TOPOLOGY), "MEM_TOPOLOGY");
	TEST_ASSERT_STREQ("bad feature", header_feat__name(200), "UNKNOWN");
	return TEST_OK;
}

static struct test_case header_tests[] = {
	TEST_CASE("Attrs, ids, features of a built file", header_read),
	TEST_CASE("Damaged headers refused", header_damaged),
	TEST_CASE("Event names without a recorded one", header_names),
	{ .name = NULL, }
};

struct test_suite suite__header = {
	.desc = "perf.data header",
	.test_cases = header_tests,
};
