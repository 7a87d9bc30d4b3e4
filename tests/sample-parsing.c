// SPDX-License-Identifier: GPL-2.0
/*
 * Sample decoding: every PERF_SAMPLE_* field in the kernel's order, the
 * sample_id_all trailer, bounds (a record that claims more than it holds
 * is refused at every length), and records of the other byte order.
 */
#include <byteswap.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../util/event.h"
#include "../util/sample.h"
#include "tests.h"

/* A record under construction, u64 words, in native or swapped order. */
struct rec {
	uint64_t w[1024];	/* larger than union perf_event */
	size_t n;
	bool swap;
};

static void put64(struct rec *r, uint64_t v)
{
	r->w[r->n++] = r->swap ? bswap_64(v) : v;
}

static void put32x2(struct rec *r, uint32_t a, uint32_t b)
{
	uint32_t *p = (uint32_t *)&r->w[r->n++];

	p[0] = r->swap ? bswap_32(a) : a;
	p[1] = r->swap ? bswap_32(b) : b;
}

static union perf_event *rec__finish(struct rec *r, uint32_t type, uint16_t misc)
{
	struct perf_event_header *h = (struct perf_event_header *)&r->w[0];

	h->type = r->swap ? bswap_32(type) : type;
	h->misc = r->swap ? bswap_16(misc) : misc;
	h->size = (uint16_t)(r->n * 8);
	if (r->swap)
		h->size = bswap_16(h->size);
	return (union perf_event *)r->w;
}

static const uint64_t all_types =
	PERF_SAMPLE_IDENTIFIER | PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_TIME |
	PERF_SAMPLE_ADDR | PERF_SAMPLE_ID | PERF_SAMPLE_STREAM_ID | PERF_SAMPLE_CPU |
	PERF_SAMPLE_PERIOD | PERF_SAMPLE_READ | PERF_SAMPLE_CALLCHAIN | PERF_SAMPLE_RAW |
	PERF_SAMPLE_BRANCH_STACK | PERF_SAMPLE_REGS_USER | PERF_SAMPLE_STACK_USER |
	PERF_SAMPLE_WEIGHT_STRUCT | PERF_SAMPLE_DATA_SRC | PERF_SAMPLE_TRANSACTION |
	PERF_SAMPLE_REGS_INTR | PERF_SAMPLE_PHYS_ADDR | PERF_SAMPLE_CGROUP |
	PERF_SAMPLE_DATA_PAGE_SIZE | PERF_SAMPLE_CODE_PAGE_SIZE | PERF_SAMPLE_AUX;

static void attr__init_all(struct perf_event_attr *attr, uint64_t read_format)
{
	memset(attr, 0, sizeof(*attr));
	attr->sample_type = all_types;
	attr->read_format = read_format;
	attr->branch_sample_type = PERF_SAMPLE_BRANCH_ANY | PERF_SAMPLE_BRANCH_HW_INDEX;
	attr->sample_regs_user = 0x7;		/* three registers */
	attr->sample_regs_intr = 0x3;		/* two */
	attr->sample_id_all = 1;
}

/* Every field, values derived from their position so mix-ups show. */
static union perf_event *build_sample(struct rec *r, const struct perf_event_attr *attr)
{
	uint64_t fmt = attr->read_format;
	int i;

	r->n = 1;
	put64(r, 0x1d);				/* IDENTIFIER */
	put64(r, 0xffffffff81000010ULL);	/* IP */
	put32x2(r, 100, 101);			/* TID */
	put64(r, 123456789);			/* TIME */
	put64(r, 0xadd);			/* ADDR */
	put64(r, 0x1d);				/* ID */
	put64(r, 0x5d);				/* STREAM_ID */
	put32x2(r, 3, 0);			/* CPU */
	put64(r, 4000);				/* PERIOD */
	if (fmt & PERF_FORMAT_GROUP) {
		put64(r, 2);			/* nr */
		put64(r, 1000);			/* enabled */
		put64(r, 900);			/* running */
		put64(r, 11);			/* value, id */
		put64(r, 0x1d);
		put64(r, 22);
		put64(r, 0x1e);
	} else {
		put64(r, 33);
		put64(r, 1000);
		put64(r, 900);
		put64(r, 0x1d);
	}
	put64(r, 3);				/* CALLCHAIN */
	put64(r, PERF_CONTEXT_KERNEL);
	put64(r, 0xffffffff81000010ULL);
	put64(r, 0xffffffff81000020ULL);
	/* RAW: u32 size 12 + 12 bytes = two words */
	{
		uint32_t *p = (uint32_t *)&r->w[r->n];

		p[0] = r->swap ? bswap_32(12) : 12;
		memcpy(p + 1, "rawdata-1234", 12);
		r->n += 2;
	}
	put64(r, 2);				/* BRANCH_STACK nr */
	put64(r, 7);				/* hw_idx */
	for (i = 0; i < 2; i++) {
		put64(r, 0x1000 + (uint64_t)i);
		put64(r, 0x2000 + (uint64_t)i);
		/*
		 * flags 0x51: mispred and cycles 5. Big-endian bitfields are
		 * allocated from each byte's top bit: 0x51 reads 0x8a there.
		 */
		r->w[r->n++] = r->swap ? 0x8a : 0x51;
	}
	put64(r, PERF_SAMPLE_REGS_ABI_64);	/* REGS_USER */
	put64(r, 0xa0);
	put64(r, 0xa1);
	put64(r, 0xa2);
	put64(r, 16);				/* STACK_USER size */
	r->w[r->n++] = 0x1111111111111111ULL;
	r->w[r->n++] = 0x2222222222222222ULL;
	put64(r, 8);				/* dyn_size */
	/* WEIGHT_STRUCT: var1 u32 | var2 u16 | var3 u16 */
	{
		uint32_t *p32 = (uint32_t *)&r->w[r->n];
		uint16_t *p16 = (uint16_t *)(p32 + 1);

		p32[0] = r->swap ? bswap_32(77) : 77;
		p16[0] = r->swap ? bswap_16(5) : 5;
		p16[1] = r->swap ? bswap_16(6) : 6;
		r->n++;
	}
	put64(r, 0x68100142);			/* DATA_SRC */
	put64(r, 0x3);				/* TRANSACTION */
	put64(r, PERF_SAMPLE_REGS_ABI_64);	/* REGS_INTR */
	put64(r, 0xb0);
	put64(r, 0xb1);
	put64(r, 0x12345000);			/* PHYS_ADDR */
	put64(r, 42);				/* CGROUP */
	put64(r, 4096);				/* DATA_PAGE_SIZE */
	put64(r, 2 << 20);			/* CODE_PAGE_SIZE */
	put64(r, 8);				/* AUX size */
	r->w[r->n++] = 0x4141414141414141ULL;
	return rec__finish(r, PERF_RECORD_SAMPLE, PERF_RECORD_MISC_KERNEL);
}

static int check_sample(const struct perf_sample *s, bool group)
{
	const struct branch_entry *be = perf_sample__branch_entries(s);
	const uint64_t *v = s->read.values;

	TEST_ASSERT_EQUAL("id", s->id, 0x1d);
	TEST_ASSERT_EQUAL("ip", s->ip, 0xffffffff81000010ULL);
	TEST_ASSERT_EQUAL("pid", s->pid, 100);
	TEST_ASSERT_EQUAL("tid", s->tid, 101);
	TEST_ASSERT_EQUAL("time", s->time, 123456789);
	TEST_ASSERT_EQUAL("addr", s->addr, 0xadd);
	TEST_ASSERT_EQUAL("stream_id", s->stream_id, 0x5d);
	TEST_ASSERT_EQUAL("cpu", s->cpu, 3);
	TEST_ASSERT_EQUAL("period", s->period, 4000);
	TEST_ASSERT_EQUAL("cpumode", s->cpumode, PERF_RECORD_MISC_KERNEL);
	TEST_ASSERT_EQUAL("time enabled", s->read.time_enabled, 1000);
	TEST_ASSERT_EQUAL("time running", s->read.time_running, 900);
	if (group) {
		TEST_ASSERT_EQUAL("group nr", s->read.nr, 2);
		TEST_ASSERT_EQUAL("group value 1", v[2], 22);
		TEST_ASSERT_EQUAL("group id 1", v[3], 0x1e);
	} else {
		TEST_ASSERT_EQUAL("read value", s->read.one.value, 33);
		TEST_ASSERT_EQUAL("read id", s->read.one.id, 0x1d);
	}
	TEST_ASSERT_EQUAL("callchain nr", s->callchain->nr, 3);
	TEST_ASSERT_EQUAL("callchain[2]", s->callchain->ips[2], 0xffffffff81000020ULL);
	TEST_ASSERT_EQUAL("raw size", s->raw_size, 12);
	TEST_ASSERT_VAL("raw data", !memcmp(s->raw_data, "rawdata-1234", 12));
	TEST_ASSERT_EQUAL("branch nr", s->branch_stack->nr, 2);
	TEST_ASSERT_EQUAL("branch hw_idx", s->branch_stack->hw_idx, 7);
	TEST_ASSERT_VAL("hw_idx present", !s->no_hw_idx);
	TEST_ASSERT_EQUAL("branch[1].from", be[1].from, 0x1001);
	TEST_ASSERT_EQUAL("branch[1].to", be[1].to, 0x2001);
	TEST_ASSERT_EQUAL("branch flags", be[1].flags, 0x51);
	TEST_ASSERT_EQUAL("user abi", s->user_regs.abi, PERF_SAMPLE_REGS_ABI_64);
	TEST_ASSERT_EQUAL("user regs mask", s->user_regs.mask, 0x7);
	TEST_ASSERT_EQUAL("user reg 2", s->user_regs.regs[2], 0xa2);
	TEST_ASSERT_EQUAL("stack dyn size", s->user_stack.size, 8);
	TEST_ASSERT_EQUAL("stack byte", (unsigned char)s->user_stack.data[0], 0x11);
	TEST_ASSERT_EQUAL("weight", s->weight, 77);
	TEST_ASSERT_EQUAL("ins_lat", s->ins_lat, 5);
	TEST_ASSERT_EQUAL("p_stage_cyc", s->p_stage_cyc, 6);
	TEST_ASSERT_EQUAL("data_src", s->data_src, 0x68100142);
	TEST_ASSERT_EQUAL("transaction", s->transaction, 3);
	TEST_ASSERT_EQUAL("intr reg 1", s->intr_regs.regs[1], 0xb1);
	TEST_ASSERT_EQUAL("phys_addr", s->phys_addr, 0x12345000);
	TEST_ASSERT_EQUAL("cgroup", s->cgroup, 42);
	TEST_ASSERT_EQUAL("data page size", s->data_page_size, 4096);
	TEST_ASSERT_EQUAL("code page size", s->code_page_size, 2 << 20);
	TEST_ASSERT_EQUAL("aux size", s->aux_sample.size, 8);
	return TEST_OK;
}

static int test__sample_all_fields(struct test_suite *t __maybe_unused,
				   int subtest __maybe_unused)
{
	static struct rec r;
	struct perf_event_attr attr;
	struct perf_sample s;
	union perf_event *ev;
	int g;

	for (g = 0; g < 2; g++) {
		uint64_t fmt = PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_TOTAL_TIME_RUNNING |
			       PERF_FORMAT_ID | (g ? PERF_FORMAT_GROUP : 0);

		attr__init_all(&attr, fmt);
		memset(&r, 0, sizeof(r));
		ev = build_sample(&r, &attr);
		TEST_ASSERT_EQUAL("parses", perf_sample__parse(&attr, ev, &s), 0);
		if (check_sample(&s, g) != TEST_OK)
			return TEST_FAIL;
		TEST_ASSERT_EQUAL("fixed size", perf_evsel__sample_size(attr.sample_type), 9 * 8);
	}
	return TEST_OK;
}

/* Shortened at every word, the record must be refused, never over-read. */
static int test__sample_bounds(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static struct rec r;
	struct perf_event_attr attr;
	struct perf_sample s;
	union perf_event *ev;
	uint16_t full, size;
	size_t i;

	attr__init_all(&attr, PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_TOTAL_TIME_RUNNING |
			      PERF_FORMAT_ID | PERF_FORMAT_GROUP);
	memset(&r, 0, sizeof(r));
	ev = build_sample(&r, &attr);
	full = ev->header.size;
	TEST_ASSERT_EQUAL("intact", perf_sample__parse(&attr, ev, &s), 0);
	for (size = 8; size < full; size += 8) {
		/* A copy exactly as long as it claims: ASan catches any over-read. */
		union perf_event *copy = malloc(size);

		TEST_ASSERT_VAL("alloc", copy);
		memcpy(copy, ev, size);
		copy->header.size = size;
		TEST_ASSERT_EQUAL("short record refused", perf_sample__parse(&attr, copy, &s),
				  -EFAULT);
		free(copy);
	}

	/* Huge counts that would wrap a size computation. */
	for (i = 1; i < (size_t)full / 8; i++) {
		uint64_t saved = r.w[i];

		r.w[i] = 0x2000000000000001ULL;
		perf_sample__parse(&attr, ev, &s);	/* any result but a crash */
		r.w[i] = ~0ULL;
		perf_sample__parse(&attr, ev, &s);
		r.w[i] = saved;
	}
	TEST_ASSERT_EQUAL("intact again", perf_sample__parse(&attr, ev, &s), 0);
	return TEST_OK;
}

static int test__sample_trailer(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static struct rec r;
	struct perf_event_attr attr = {
		.sample_type = PERF_SAMPLE_TID | PERF_SAMPLE_TIME | PERF_SAMPLE_ID |
			       PERF_SAMPLE_CPU | PERF_SAMPLE_IDENTIFIER | PERF_SAMPLE_IP,
		.sample_id_all = 1,
	};
	struct perf_sample s;
	union perf_event *ev;
	uint64_t time, id;

	/* A COMM record: pid, tid, "sh", then the trailer. */
	memset(&r, 0, sizeof(r));
	r.n = 1;
	put32x2(&r, 7, 8);
	memcpy(&r.w[r.n], "sh\0\0\0\0\0\0", 8);
	r.n += 2;
	put32x2(&r, 7, 8);	/* TID */
	put64(&r, 555);		/* TIME */
	put64(&r, 0x77);	/* ID */
	put32x2(&r, 1, 0);	/* CPU */
	put64(&r, 0x77);	/* IDENTIFIER */
	ev = rec__finish(&r, PERF_RECORD_COMM, 0);

	TEST_ASSERT_EQUAL("trailer parses", perf_sample__parse(&attr, ev, &s), 0);
	TEST_ASSERT_EQUAL("pid", s.pid, 7);
	TEST_ASSERT_EQUAL("time", s.time, 555);
	TEST_ASSERT_EQUAL("cpu", s.cpu, 1);
	TEST_ASSERT_EQUAL("id", s.id, 0x77);
	TEST_ASSERT_EQUAL("ip untouched", s.ip, 0);
	TEST_ASSERT_EQUAL("time alone", perf_sample__parse_time(&attr, ev, &time), 0);
	TEST_ASSERT_EQUAL("time value", time, 555);
	TEST_ASSERT_EQUAL("id alone", perf_event__read_id(attr.sample_type, true, ev, &id), 0);
	TEST_ASSERT_EQUAL("id value", id, 0x77);
	TEST_ASSERT_EQUAL("id_hdr_size", perf_evsel__id_hdr_size(attr.sample_type), 40);
	TEST_ASSERT_EQUAL("is_pos", perf_sample__is_pos(attr.sample_type), 1);

	/* Without sample_id_all the defaults stay. */
	attr.sample_id_all = 0;
	TEST_ASSERT_EQUAL("no trailer", perf_sample__parse(&attr, ev, &s), 0);
	TEST_ASSERT_EQUAL("pid default", s.pid, (uint32_t)-1);
	TEST_ASSERT_EQUAL("time default", s.time, ~0ULL);
	TEST_ASSERT_EQUAL("no time", perf_sample__parse_time(&attr, ev, &time), -ENOENT);

	/* A trailer longer than the record. */
	attr.sample_id_all = 1;
	ev->header.size = 24;
	TEST_ASSERT_EQUAL("short trailer", perf_sample__parse(&attr, ev, &s), -EFAULT);

	/* id positions without IDENTIFIER */
	TEST_ASSERT_EQUAL("id_pos", perf_sample__id_pos(PERF_SAMPLE_IP | PERF_SAMPLE_TID |
							PERF_SAMPLE_TIME | PERF_SAMPLE_ID), 3);
	TEST_ASSERT_EQUAL("is_pos", perf_sample__is_pos(PERF_SAMPLE_ID | PERF_SAMPLE_CPU |
							PERF_SAMPLE_STREAM_ID), 3);
	TEST_ASSERT_EQUAL("no id", perf_sample__id_pos(PERF_SAMPLE_IP), -1);
	return TEST_OK;
}

/* A big-endian record swapped to native decodes like the native one. */
static int test__sample_swap(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static struct rec r;
	struct perf_event_attr attr, be_attr;
	struct perf_sample s;
	union perf_event *ev;
	int g;

	for (g = 0; g < 2; g++) {
		uint64_t fmt = PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_TOTAL_TIME_RUNNING |
			       PERF_FORMAT_ID | (g ? PERF_FORMAT_GROUP : 0);

		attr__init_all(&attr, fmt);
		memset(&r, 0, sizeof(r));
		r.swap = true;
		ev = build_sample(&r, &attr);
		perf_event_header__bswap(&ev->header);
		perf_event__bswap(ev, &attr);
		TEST_ASSERT_EQUAL("swapped parses", perf_sample__parse(&attr, ev, &s), 0);
		if (check_sample(&s, g) != TEST_OK)
			return TEST_FAIL;
	}

	/* The attr itself: numbers swap, bitfields reverse within bytes. */
	attr__init_all(&attr, PERF_FORMAT_ID);
	attr.size = sizeof(attr);
	attr.type = PERF_TYPE_SOFTWARE;
	attr.freq = 1;
	attr.precise_ip = 2;
	attr.clockid = 1;
	be_attr = attr;
	be_attr.type = bswap_32(attr.type);
	be_attr.size = bswap_32(attr.size);
	be_attr.sample_type = bswap_64(attr.sample_type);
	be_attr.read_format = bswap_64(attr.read_format);
	be_attr.branch_sample_type = bswap_64(attr.branch_sample_type);
	be_attr.sample_regs_user = bswap_64(attr.sample_regs_user);
	be_attr.sample_regs_intr = bswap_64(attr.sample_regs_intr);
	be_attr.clockid = (int32_t)bswap_32((uint32_t)attr.clockid);
	{
		/* The flag bytes as a big-endian compiler lays them out. */
		uint8_t *le = (uint8_t *)(&attr.read_format + 1);
		uint8_t *be = (uint8_t *)(&be_attr.read_format + 1);
		int i, k;

		for (i = 0; i < 8; i++) {
			be[i] = 0;
			for (k = 0; k < 8; k++)
				if (le[i] & (1 << k))
					be[i] |= (uint8_t)(1 << (7 - k));
		}
	}
	perf_event_attr__bswap(&be_attr);
	TEST_ASSERT_EQUAL("type", be_attr.type, PERF_TYPE_SOFTWARE);
	TEST_ASSERT_EQUAL("size", be_attr.size, sizeof(attr));
	TEST_ASSERT_EQUAL("sample_type", be_attr.sample_type, attr.sample_type);
	TEST_ASSERT_EQUAL("clockid", be_attr.clockid, 1);
	TEST_ASSERT_EQUAL("freq bit", be_attr.freq, 1);
	TEST_ASSERT_EQUAL("precise_ip", be_attr.precise_ip, 2);
	TEST_ASSERT_EQUAL("sample_id_all", be_attr.sample_id_all, 1);
	TEST_ASSERT_EQUAL("no stray bits", be_attr.disabled | be_attr.inherit | be_attr.mmap, 0);
	return TEST_OK;
}

static struct test_case sample_parsing_tests[] = {
	TEST_CASE("Every sample field, kernel order", sample_all_fields),
	TEST_CASE("Short and absurd records refused", sample_bounds),
	TEST_CASE("sample_id_all trailer", sample_trailer),
	TEST_CASE("Records of the other byte order", sample_swap),
	{ .name = NULL, }
};

struct test_suite suite__sample_parsing = {
	.desc = "Sample parsing",
	.test_cases = sample_parsing_tests,
};
