// SPDX-License-Identifier: GPL-2.0
/* Decoding sample bodies and sample_id_all trailers; byte-swapping records. */
#include <byteswap.h>
#include <errno.h>
#include <string.h>

#include "evsel.h"
#include "sample.h"
#include "util.h"

/*
 * A cursor over the u64 words of one record. The session hands us records
 * copied to 8-byte aligned memory; damaged sizes (a RAW size that breaks
 * the alignment) are refused rather than read unaligned.
 */
struct cursor {
	const uint64_t *p;
	const char *end;
};

static inline size_t cursor__left(const struct cursor *c)
{
	return (size_t)(c->end - (const char *)c->p);
}

static inline int cursor__u64(struct cursor *c, uint64_t *v)
{
	if (cursor__left(c) < sizeof(uint64_t))
		return -EFAULT;
	*v = *c->p++;
	return 0;
}

/* Two u32 halves of one u64 word, in memory order. */
static inline int cursor__u32x2(struct cursor *c, uint32_t *a, uint32_t *b)
{
	const uint32_t *w;

	if (cursor__left(c) < sizeof(uint64_t))
		return -EFAULT;
	w = (const uint32_t *)c->p++;
	*a = w[0];
	*b = w[1];
	return 0;
}

/* Skip @n u64 words, refusing counts that would overflow or overrun. */
static inline int cursor__skip(struct cursor *c, uint64_t n)
{
	if (n > cursor__left(c) / sizeof(uint64_t))
		return -EFAULT;
	c->p += n;
	return 0;
}

size_t perf_evsel__sample_size(uint64_t sample_type)
{
	return (size_t)__builtin_popcountll(sample_type & PERF_SAMPLE_FIXED_MASK) *
	       sizeof(uint64_t);
}

size_t perf_evsel__id_hdr_size(uint64_t sample_type)
{
	uint64_t mask = PERF_SAMPLE_TID | PERF_SAMPLE_TIME | PERF_SAMPLE_ID |
			PERF_SAMPLE_STREAM_ID | PERF_SAMPLE_CPU |
			PERF_SAMPLE_IDENTIFIER;

	return (size_t)__builtin_popcountll(sample_type & mask) * sizeof(uint64_t);
}

int perf_sample__id_pos(uint64_t sample_type)
{
	int idx = 0;

	if (sample_type & PERF_SAMPLE_IDENTIFIER)
		return 0;
	if (!(sample_type & PERF_SAMPLE_ID))
		return -1;
	idx += !!(sample_type & PERF_SAMPLE_IP);
	idx += !!(sample_type & PERF_SAMPLE_TID);
	idx += !!(sample_type & PERF_SAMPLE_TIME);
	idx += !!(sample_type & PERF_SAMPLE_ADDR);
	return idx;
}

int perf_sample__is_pos(uint64_t sample_type)
{
	int idx = 1;

	if (sample_type & PERF_SAMPLE_IDENTIFIER)
		return 1;
	if (!(sample_type & PERF_SAMPLE_ID))
		return -1;
	idx += !!(sample_type & PERF_SAMPLE_CPU);
	idx += !!(sample_type & PERF_SAMPLE_STREAM_ID);
	return idx;
}

static void sample__init(struct perf_sample *s, const struct perf_event_attr *attr,
			 const union perf_event *event)
{
	memzero_outline(s, sizeof(*s));
	s->pid = s->tid = s->cpu = (uint32_t)-1;
	s->time = s->id = s->stream_id = (uint64_t)-1;
	s->period = attr->sample_period;
	s->cpumode = event->header.misc & PERF_RECORD_MISC_CPUMODE_MASK;
	/* PERF_MEM_DATA_SRC_NONE: nothing known about the access. */
	s->data_src = ((uint64_t)PERF_MEM_OP_NA << PERF_MEM_OP_SHIFT) |
		      ((uint64_t)PERF_MEM_LVL_NA << PERF_MEM_LVL_SHIFT) |
		      ((uint64_t)PERF_MEM_SNOOP_NA << PERF_MEM_SNOOP_SHIFT) |
		      ((uint64_t)PERF_MEM_LOCK_NA << PERF_MEM_LOCK_SHIFT) |
		      ((uint64_t)PERF_MEM_TLB_NA << PERF_MEM_TLB_SHIFT);
}

/* The trailer: TID, TIME, ID, STREAM_ID, CPU, IDENTIFIER, in that order. */
static int parse_id_trailer(const struct perf_event_attr *attr,
			    const union perf_event *event, struct perf_sample *s)
{
	uint64_t type = attr->sample_type;
	size_t need = perf_evsel__id_hdr_size(type);
	struct cursor c;
	uint32_t res;

	if (event->header.size < sizeof(event->header) + need)
		return -EFAULT;
	c.end = (const char *)event + event->header.size;
	c.p = (const uint64_t *)(c.end - need);

	if ((type & PERF_SAMPLE_TID) && cursor__u32x2(&c, &s->pid, &s->tid))
		return -EFAULT;
	if ((type & PERF_SAMPLE_TIME) && cursor__u64(&c, &s->time))
		return -EFAULT;
	if ((type & PERF_SAMPLE_ID) && cursor__u64(&c, &s->id))
		return -EFAULT;
	if ((type & PERF_SAMPLE_STREAM_ID) && cursor__u64(&c, &s->stream_id))
		return -EFAULT;
	if ((type & PERF_SAMPLE_CPU) && cursor__u32x2(&c, &s->cpu, &res))
		return -EFAULT;
	if ((type & PERF_SAMPLE_IDENTIFIER) && cursor__u64(&c, &s->id))
		return -EFAULT;
	return 0;
}

static int parse_read(const struct perf_event_attr *attr, struct cursor *c,
		      struct perf_sample *s)
{
	uint64_t fmt = attr->read_format;

	if (fmt & PERF_FORMAT_GROUP) {
		uint64_t words = 1 + !!(fmt & PERF_FORMAT_ID) + !!(fmt & PERF_FORMAT_LOST);

		if (cursor__u64(c, &s->read.nr))
			return -EFAULT;
		if ((fmt & PERF_FORMAT_TOTAL_TIME_ENABLED) &&
		    cursor__u64(c, &s->read.time_enabled))
			return -EFAULT;
		if ((fmt & PERF_FORMAT_TOTAL_TIME_RUNNING) &&
		    cursor__u64(c, &s->read.time_running))
			return -EFAULT;
		/* nr comes from the file: a huge one must not wrap the product. */
		if (s->read.nr > cursor__left(c) / (words * sizeof(uint64_t)))
			return -EFAULT;
		s->read.values = c->p;
		return cursor__skip(c, s->read.nr * words);
	}
	if (cursor__u64(c, &s->read.one.value))
		return -EFAULT;
	if ((fmt & PERF_FORMAT_TOTAL_TIME_ENABLED) &&
	    cursor__u64(c, &s->read.time_enabled))
		return -EFAULT;
	if ((fmt & PERF_FORMAT_TOTAL_TIME_RUNNING) &&
	    cursor__u64(c, &s->read.time_running))
		return -EFAULT;
	if ((fmt & PERF_FORMAT_ID) && cursor__u64(c, &s->read.one.id))
		return -EFAULT;
	if ((fmt & PERF_FORMAT_LOST) && cursor__u64(c, &s->read.one.lost))
		return -EFAULT;
	return 0;
}

static int parse_regs(struct cursor *c, uint64_t mask, struct regs_dump *regs)
{
	if (cursor__u64(c, &regs->abi))
		return -EFAULT;
	if (!regs->abi)
		return 0;
	regs->mask = mask;
	regs->regs = c->p;
	return cursor__skip(c, (uint64_t)__builtin_popcountll(mask));
}

int perf_sample__parse(const struct perf_event_attr *attr,
		       const union perf_event *event, struct perf_sample *s)
{
	uint64_t type = attr->sample_type;
	struct cursor c;
	uint32_t res;
	uint64_t v;

	sample__init(s, attr, event);
	/* The kernel pads every record to u64s; one that is not is damaged. */
	if (event->header.size < sizeof(event->header) || event->header.size % sizeof(uint64_t))
		return -EFAULT;
	if (event->header.type != PERF_RECORD_SAMPLE) {
		if (!attr->sample_id_all)
			return 0;
		return parse_id_trailer(attr, event, s);
	}

	c.p = (const uint64_t *)(&event->header + 1);
	c.end = (const char *)event + event->header.size;

	if ((type & PERF_SAMPLE_IDENTIFIER) && cursor__u64(&c, &s->id))
		return -EFAULT;
	if ((type & PERF_SAMPLE_IP) && cursor__u64(&c, &s->ip))
		return -EFAULT;
	if ((type & PERF_SAMPLE_TID) && cursor__u32x2(&c, &s->pid, &s->tid))
		return -EFAULT;
	if ((type & PERF_SAMPLE_TIME) && cursor__u64(&c, &s->time))
		return -EFAULT;
	if ((type & PERF_SAMPLE_ADDR) && cursor__u64(&c, &s->addr))
		return -EFAULT;
	if ((type & PERF_SAMPLE_ID) && cursor__u64(&c, &s->id))
		return -EFAULT;
	if ((type & PERF_SAMPLE_STREAM_ID) && cursor__u64(&c, &s->stream_id))
		return -EFAULT;
	if ((type & PERF_SAMPLE_CPU) && cursor__u32x2(&c, &s->cpu, &res))
		return -EFAULT;
	if ((type & PERF_SAMPLE_PERIOD) && cursor__u64(&c, &s->period))
		return -EFAULT;
	if ((type & PERF_SAMPLE_READ) && parse_read(attr, &c, s))
		return -EFAULT;
	if (type & PERF_SAMPLE_CALLCHAIN) {
		const struct ip_callchain *chain = (const void *)c.p;

		if (cursor__u64(&c, &v) || cursor__skip(&c, v))
			return -EFAULT;
		s->callchain = chain;
	}
	if (type & PERF_SAMPLE_RAW) {
		uint32_t size;

		if (cursor__left(&c) < sizeof(uint32_t))
			return -EFAULT;
		size = *(const uint32_t *)c.p;
		/* The kernel pads u32 size + data to whole u64s. */
		if ((size + sizeof(uint32_t)) % sizeof(uint64_t) ||
		    size > cursor__left(&c) - sizeof(uint32_t))
			return -EFAULT;
		s->raw_size = size;
		s->raw_data = (const char *)c.p + sizeof(uint32_t);
		c.p = (const uint64_t *)((const char *)c.p + sizeof(uint32_t) + size);
	}
	if (type & PERF_SAMPLE_BRANCH_STACK) {
		const struct branch_stack *bs = (const void *)c.p;
		uint64_t nr;

		if (cursor__u64(&c, &nr))
			return -EFAULT;
		if (attr->branch_sample_type & PERF_SAMPLE_BRANCH_HW_INDEX) {
			if (cursor__skip(&c, 1))
				return -EFAULT;
		} else {
			s->no_hw_idx = true;
		}
		if (nr > cursor__left(&c) / sizeof(struct branch_entry))
			return -EFAULT;
		c.p += nr * (sizeof(struct branch_entry) / sizeof(uint64_t));
		s->branch_stack = bs;
	}
	if ((type & PERF_SAMPLE_REGS_USER) &&
	    parse_regs(&c, attr->sample_regs_user, &s->user_regs))
		return -EFAULT;
	if (type & PERF_SAMPLE_STACK_USER) {
		uint64_t size;

		s->user_stack.offset = (uint16_t)((const char *)c.p - (const char *)event);
		if (cursor__u64(&c, &size))
			return -EFAULT;
		if (size) {
			uint64_t dyn;

			if (size % sizeof(uint64_t))
				return -EFAULT;
			s->user_stack.data = (const char *)c.p;
			if (cursor__skip(&c, size / sizeof(uint64_t)) ||
			    cursor__u64(&c, &dyn) || dyn > size)
				return -EFAULT;
			s->user_stack.size = dyn;
		}
	}
	if (type & (PERF_SAMPLE_WEIGHT | PERF_SAMPLE_WEIGHT_STRUCT)) {
		if (cursor__u64(&c, &v))
			return -EFAULT;
		if (type & PERF_SAMPLE_WEIGHT) {
			s->weight = v;
		} else {
			/* union perf_sample_weight: u32 var1, u16 var2, u16 var3 */
			s->weight = (uint32_t)v;
			s->ins_lat = (uint16_t)(v >> 32);
			s->p_stage_cyc = (uint16_t)(v >> 48);
		}
	}
	if ((type & PERF_SAMPLE_DATA_SRC) && cursor__u64(&c, &s->data_src))
		return -EFAULT;
	if ((type & PERF_SAMPLE_TRANSACTION) && cursor__u64(&c, &s->transaction))
		return -EFAULT;
	if ((type & PERF_SAMPLE_REGS_INTR) &&
	    parse_regs(&c, attr->sample_regs_intr, &s->intr_regs))
		return -EFAULT;
	if ((type & PERF_SAMPLE_PHYS_ADDR) && cursor__u64(&c, &s->phys_addr))
		return -EFAULT;
	if ((type & PERF_SAMPLE_CGROUP) && cursor__u64(&c, &s->cgroup))
		return -EFAULT;
	if ((type & PERF_SAMPLE_DATA_PAGE_SIZE) && cursor__u64(&c, &s->data_page_size))
		return -EFAULT;
	if ((type & PERF_SAMPLE_CODE_PAGE_SIZE) && cursor__u64(&c, &s->code_page_size))
		return -EFAULT;
	if (type & PERF_SAMPLE_AUX) {
		uint64_t size;

		if (cursor__u64(&c, &size) || size > cursor__left(&c))
			return -EFAULT;
		s->aux_sample.size = size;
		s->aux_sample.data = c.p;
	}
	return 0;
}

int evsel__parse_sample(struct evsel *evsel, const union perf_event *event,
			struct perf_sample *sample)
{
	return perf_sample__parse(&evsel->attr, event, sample);
}

int perf_sample__parse_time(const struct perf_event_attr *attr,
			    const union perf_event *event, uint64_t *time)
{
	uint64_t type = attr->sample_type;
	size_t size = event->header.size;
	const char *base = (const char *)event;
	size_t off;

	if (!(type & PERF_SAMPLE_TIME))
		return -ENOENT;
	if (event->header.type == PERF_RECORD_SAMPLE) {
		off = sizeof(event->header) + sizeof(uint64_t) *
		      (!!(type & PERF_SAMPLE_IDENTIFIER) + !!(type & PERF_SAMPLE_IP) +
		       !!(type & PERF_SAMPLE_TID));
	} else {
		size_t back;

		if (!attr->sample_id_all)
			return -ENOENT;
		back = sizeof(uint64_t) *
		       (1 + !!(type & PERF_SAMPLE_ID) + !!(type & PERF_SAMPLE_STREAM_ID) +
			!!(type & PERF_SAMPLE_CPU) + !!(type & PERF_SAMPLE_IDENTIFIER));
		if (size < sizeof(event->header) + back)
			return -EFAULT;
		off = size - back;
	}
	if (off + sizeof(uint64_t) > size)
		return -EFAULT;
	memcpy(time, base + off, sizeof(*time));
	return 0;
}

int perf_event__read_id(uint64_t sample_type, bool sample_id_all,
			const union perf_event *event, uint64_t *id)
{
	size_t size = event->header.size;
	size_t off;
	int pos;

	if (event->header.type == PERF_RECORD_SAMPLE) {
		pos = perf_sample__id_pos(sample_type);
		if (pos < 0)
			return -ENOENT;
		off = sizeof(event->header) + (size_t)pos * sizeof(uint64_t);
	} else {
		if (!sample_id_all || event->header.type >= PERF_RECORD_USER_TYPE_START)
			return -ENOENT;
		pos = perf_sample__is_pos(sample_type);
		if (pos < 0)
			return -ENOENT;
		if (size < sizeof(event->header) + (size_t)pos * sizeof(uint64_t))
			return -EFAULT;
		off = size - (size_t)pos * sizeof(uint64_t);
	}
	if (off + sizeof(uint64_t) > size)
		return -EFAULT;
	memcpy(id, (const char *)event + off, sizeof(*id));
	return 0;
}

const struct branch_entry *perf_sample__branch_entries(const struct perf_sample *sample)
{
	const uint64_t *p = (const uint64_t *)sample->branch_stack;

	if (!p)
		return NULL;
	/* Without HW_INDEX the kernel writes nr and then the entries. */
	return (const struct branch_entry *)(p + (sample->no_hw_idx ? 1 : 2));
}

/* ---- byte swap ---- */

void perf_event_header__bswap(struct perf_event_header *hdr)
{
	hdr->type = bswap_32(hdr->type);
	hdr->misc = bswap_16(hdr->misc);
	hdr->size = bswap_16(hdr->size);
}

/*
 * The attr's flag bits are C bitfields: a big-endian compiler allocates
 * them from the most significant bit of the first byte, a little-endian
 * one from the least significant. Reversing the bits of each byte (and
 * not swapping the bytes) maps one onto the other.
 */
static void bitfield__reverse(uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		uint8_t b = p[i], r = 0;
		int k;

		for (k = 0; k < 8; k++)
			if (b & (1u << k))
				r |= (uint8_t)(1u << (7 - k));
		p[i] = r;
	}
}

void perf_event_attr__bswap(struct perf_event_attr *attr)
{
	size_t size;

	attr->type = bswap_32(attr->type);
	attr->size = bswap_32(attr->size);
	size = attr->size ? attr->size : PERF_ATTR_SIZE_VER0;
	if (size > sizeof(*attr))
		size = sizeof(*attr);

#define SWAP(field, bits)						\
	do {								\
		if (offsetof(struct perf_event_attr, field) +		\
		    sizeof(attr->field) <= size)				\
			attr->field = bswap_##bits(attr->field);	\
	} while (0)
	SWAP(config, 64);
	SWAP(sample_period, 64);
	SWAP(sample_type, 64);
	SWAP(read_format, 64);
	bitfield__reverse((uint8_t *)(&attr->read_format + 1), sizeof(uint64_t));
	SWAP(wakeup_events, 32);
	SWAP(bp_type, 32);
	SWAP(config1, 64);
	SWAP(config2, 64);
	SWAP(branch_sample_type, 64);
	SWAP(sample_regs_user, 64);
	SWAP(sample_stack_user, 32);
	SWAP(clockid, 32);
	SWAP(sample_regs_intr, 64);
	SWAP(aux_watermark, 32);
	SWAP(sample_max_stack, 16);
	SWAP(__reserved_2, 16);
	SWAP(aux_sample_size, 32);
	SWAP(__reserved_3, 32);
	SWAP(sig_data, 64);
#undef SWAP
}

/*
 * Swap helpers bounded by @end: nothing at or past it is touched. They
 * go through memcpy: payloads such as the cpu map's masks sit at
 * offsets that are not multiples of their size.
 */
static void swap64_at(void *p, const void *end)
{
	uint64_t v;

	if ((const char *)end - (const char *)p < (ptrdiff_t)sizeof(v))
		return;
	memcpy(&v, p, sizeof(v));
	v = bswap_64(v);
	memcpy(p, &v, sizeof(v));
}

static void swap32_at(void *p, const void *end)
{
	uint32_t v;

	if ((const char *)end - (const char *)p < (ptrdiff_t)sizeof(v))
		return;
	memcpy(&v, p, sizeof(v));
	v = bswap_32(v);
	memcpy(p, &v, sizeof(v));
}

static void swap16_at(void *p, const void *end)
{
	uint16_t v;

	if ((const char *)end - (const char *)p < (ptrdiff_t)sizeof(v))
		return;
	memcpy(&v, p, sizeof(v));
	v = bswap_16(v);
	memcpy(p, &v, sizeof(v));
}

static void swap64_range(void *from, const void *end)
{
	char *p = from;

	while ((const char *)end - p >= 8) {
		swap64_at(p, end);
		p += 8;
	}
}

/* The trailer: u32 pairs for TID and CPU, u64 otherwise. Returns its start. */
static char *swap_trailer(union perf_event *event, const struct perf_event_attr *attr)
{
	char *end = (char *)event + event->header.size;
	uint64_t type;
	size_t need;
	char *p;

	if (!attr || !attr->sample_id_all)
		return end;
	type = attr->sample_type;
	need = perf_evsel__id_hdr_size(type);
	if (event->header.size < sizeof(event->header) + need)
		return end;
	p = end - need;
	if (type & PERF_SAMPLE_TID) {
		swap32_at(p, end);
		swap32_at(p + 4, end);
		p += 8;
	}
	if (type & PERF_SAMPLE_TIME) {
		swap64_at(p, end);
		p += 8;
	}
	if (type & PERF_SAMPLE_ID) {
		swap64_at(p, end);
		p += 8;
	}
	if (type & PERF_SAMPLE_STREAM_ID) {
		swap64_at(p, end);
		p += 8;
	}
	if (type & PERF_SAMPLE_CPU) {
		swap32_at(p, end);
		swap32_at(p + 4, end);
		p += 8;
	}
	if (type & PERF_SAMPLE_IDENTIFIER)
		swap64_at(p, end);
	return end - need;
}

static void swap_sample(union perf_event *event, const struct perf_event_attr *attr)
{
	char *end = (char *)event + event->header.size;
	char *p = (char *)(&event->header + 1);
	uint64_t type, v;

	if (!attr) {
		swap64_range(p, end);
		return;
	}
	type = attr->sample_type;

	/* Each step stops at the end: a damaged count must not walk past it. */
#define U64() do { if (end - p < 8) return; swap64_at(p, end); p += 8; } while (0)
#define U32X2() do { if (end - p < 8) return; swap32_at(p, end); swap32_at(p + 4, end); p += 8; } while (0)
	if (type & PERF_SAMPLE_IDENTIFIER)
		U64();
	if (type & PERF_SAMPLE_IP)
		U64();
	if (type & PERF_SAMPLE_TID)
		U32X2();
	if (type & PERF_SAMPLE_TIME)
		U64();
	if (type & PERF_SAMPLE_ADDR)
		U64();
	if (type & PERF_SAMPLE_ID)
		U64();
	if (type & PERF_SAMPLE_STREAM_ID)
		U64();
	if (type & PERF_SAMPLE_CPU)
		U32X2();
	if (type & PERF_SAMPLE_PERIOD)
		U64();
	if (type & PERF_SAMPLE_READ) {
		uint64_t fmt = attr->read_format, n = 1, words;

		if (fmt & PERF_FORMAT_GROUP) {
			U64();
			memcpy(&n, p - 8, 8);
		}
		words = 1 + !!(fmt & PERF_FORMAT_ID) + !!(fmt & PERF_FORMAT_LOST);
		if (fmt & PERF_FORMAT_TOTAL_TIME_ENABLED)
			U64();
		if (fmt & PERF_FORMAT_TOTAL_TIME_RUNNING)
			U64();
		/* All u64s, whatever their meaning: value, id, lost per entry. */
		if (n > (uint64_t)(end - p) / 8 / words)
			return;
		for (v = 0; v < n * words; v++)
			U64();
	}
	if (type & PERF_SAMPLE_CALLCHAIN) {
		U64();
		memcpy(&v, p - 8, 8);
		if (v > (uint64_t)(end - p) / 8)
			return;
		swap64_range(p, p + v * 8);
		p += v * 8;
	}
	if (type & PERF_SAMPLE_RAW) {
		uint32_t size;

		/* Raw tracepoint bytes stay as recorded: their reader knows the order. */
		if (end - p < 4)
			return;
		swap32_at(p, end);
		memcpy(&size, p, 4);
		if (size > (size_t)(end - p) - 4)
			return;
		p += 4 + size;
	}
	if (type & PERF_SAMPLE_BRANCH_STACK) {
		U64();
		memcpy(&v, p - 8, 8);
		if (attr->branch_sample_type & PERF_SAMPLE_BRANCH_HW_INDEX)
			U64();
		if (v > (uint64_t)(end - p) / 24)
			return;
		/*
		 * from and to swap as u64s; the flags word is a bitfield,
		 * mapped like the attr's.
		 */
		for (; v; v--) {
			U64();
			U64();
			if (end - p < 8)
				return;
			bitfield__reverse((uint8_t *)p, 8);
			p += 8;
		}
	}
	if (type & PERF_SAMPLE_REGS_USER) {
		U64();
		memcpy(&v, p - 8, 8);
		if (v) {
			uint64_t n = (uint64_t)__builtin_popcountll(attr->sample_regs_user);

			if (n > (uint64_t)(end - p) / 8)
				return;
			swap64_range(p, p + n * 8);
			p += n * 8;
		}
	}
	if (type & PERF_SAMPLE_STACK_USER) {
		U64();
		memcpy(&v, p - 8, 8);
		if (v) {
			/* Stack bytes are memory contents: left alone. */
			if (v > (uint64_t)(end - p))
				return;
			p += v;
			U64();
		}
	}
	if (type & (PERF_SAMPLE_WEIGHT | PERF_SAMPLE_WEIGHT_STRUCT)) {
		if (type & PERF_SAMPLE_WEIGHT) {
			U64();
		} else {
			if (end - p < 8)
				return;
			swap32_at(p, end);
			swap16_at(p + 4, end);
			swap16_at(p + 6, end);
			p += 8;
		}
	}
	if (type & PERF_SAMPLE_DATA_SRC)
		U64();
	if (type & PERF_SAMPLE_TRANSACTION)
		U64();
	if (type & PERF_SAMPLE_REGS_INTR) {
		U64();
		memcpy(&v, p - 8, 8);
		if (v) {
			uint64_t n = (uint64_t)__builtin_popcountll(attr->sample_regs_intr);

			if (n > (uint64_t)(end - p) / 8)
				return;
			swap64_range(p, p + n * 8);
			p += n * 8;
		}
	}
	if (type & PERF_SAMPLE_PHYS_ADDR)
		U64();
	if (type & PERF_SAMPLE_CGROUP)
		U64();
	if (type & PERF_SAMPLE_DATA_PAGE_SIZE)
		U64();
	if (type & PERF_SAMPLE_CODE_PAGE_SIZE)
		U64();
	if (type & PERF_SAMPLE_AUX)
		U64();
#undef U64
#undef U32X2
}

static void swap_cpu_map_data(char *p, char *end)
{
	uint16_t type, nr = 0;

	swap16_at(p, end);
	if (p + 2 > end)
		return;
	memcpy(&type, p, 2);
	p += 2;
	switch (type) {
	case PERF_CPU_MAP__CPUS:
		swap16_at(p, end);
		if (p + 2 <= end)
			memcpy(&nr, p, 2);
		for (p += 2; nr && p < end; nr--, p += 2)
			swap16_at(p, end);
		break;
	case PERF_CPU_MAP__MASK: {
		uint16_t long_size = 0;

		swap16_at(p, end);
		swap16_at(p + 2, end);
		if (p + 4 <= end) {
			memcpy(&nr, p, 2);
			memcpy(&long_size, p + 2, 2);
		}
		if (long_size == 4) {
			for (p += 4; nr && p < end; nr--, p += 4)
				swap32_at(p, end);
		} else {
			for (p += 8; nr && p < end; nr--, p += 8)
				swap64_at(p, end);
		}
		break;
	}
	case PERF_CPU_MAP__RANGE_CPUS:
		swap16_at(p + 2, end);
		swap16_at(p + 4, end);
		break;
	default:
		break;
	}
}

void perf_event__bswap(union perf_event *event, const struct perf_event_attr *attr)
{
	char *base = (char *)event;
	char *end = base + event->header.size;
	char *body = (char *)(&event->header + 1);
	char *tail;

	switch (event->header.type) {
	case PERF_RECORD_SAMPLE:
		swap_sample(event, attr);
		return;
	case PERF_RECORD_MMAP:
		swap32_at(body, end);
		swap32_at(body + 4, end);
		swap64_range(body + 8, body + 32 < end ? body + 32 : end);
		break;
	case PERF_RECORD_MMAP2:
		swap32_at(body, end);
		swap32_at(body + 4, end);
		swap64_range(body + 8, body + 32 < end ? body + 32 : end);
		if (!(event->header.misc & PERF_RECORD_MISC_MMAP_BUILD_ID)) {
			swap32_at(body + 32, end);
			swap32_at(body + 36, end);
			swap64_at(body + 40, end);
			swap64_at(body + 48, end);
		}
		swap32_at(body + 56, end);
		swap32_at(body + 60, end);
		break;
	case PERF_RECORD_COMM:
	case PERF_RECORD_ITRACE_START:
	case PERF_RECORD_SWITCH_CPU_WIDE:
		swap32_at(body, end);
		swap32_at(body + 4, end);
		break;
	case PERF_RECORD_NAMESPACES: {
		uint64_t nr = 0;

		swap32_at(body, end);
		swap32_at(body + 4, end);
		swap64_at(body + 8, end);
		if (body + 16 <= end)
			memcpy(&nr, body + 8, 8);
		if (nr > (uint64_t)(end - body) / 16)
			nr = (uint64_t)(end - body) / 16;
		swap64_range(body + 16, body + 16 + nr * 16 < end ? body + 16 + nr * 16 : end);
		break;
	}
	case PERF_RECORD_FORK:
	case PERF_RECORD_EXIT:
		for (tail = body; tail < body + 16; tail += 4)
			swap32_at(tail, end);
		swap64_at(body + 16, end);
		break;
	case PERF_RECORD_LOST:
	case PERF_RECORD_THROTTLE:
	case PERF_RECORD_UNTHROTTLE:
	case PERF_RECORD_AUX: {
		size_t words = event->header.type == PERF_RECORD_LOST ? 2 : 3;

		swap64_range(body, body + words * 8 < end ? body + words * 8 : end);
		break;
	}
	case PERF_RECORD_LOST_SAMPLES:
	case PERF_RECORD_CGROUP:
	case PERF_RECORD_AUX_OUTPUT_HW_ID:
		swap64_at(body, end);
		break;
	case PERF_RECORD_READ: {
		char *stop = end;

		swap32_at(body, end);
		swap32_at(body + 4, end);
		if (attr && attr->sample_id_all &&
		    event->header.size >= 16 + perf_evsel__id_hdr_size(attr->sample_type))
			stop = end - perf_evsel__id_hdr_size(attr->sample_type);
		swap64_range(body + 8, stop);
		break;
	}
	case PERF_RECORD_KSYMBOL:
		swap64_at(body, end);
		swap32_at(body + 8, end);
		swap16_at(body + 12, end);
		swap16_at(body + 14, end);
		break;
	case PERF_RECORD_BPF_EVENT:
		swap16_at(body, end);
		swap16_at(body + 2, end);
		swap32_at(body + 4, end);
		break;
	case PERF_RECORD_TEXT_POKE:
		swap64_at(body, end);
		swap16_at(body + 8, end);
		swap16_at(body + 10, end);
		break;
	case PERF_RECORD_SWITCH:
		break;

	/* perf's own records carry no trailer. */
	case PERF_RECORD_HEADER_ATTR: {
		size_t asz;

		if (event->header.size < sizeof(event->header) + PERF_ATTR_SIZE_VER0)
			return;
		/* The attr's size field, read before swapping, locates the ids. */
		asz = bswap_32(event->attr.attr.size);
		if (!asz)
			asz = PERF_ATTR_SIZE_VER0;
		if (asz > sizeof(struct perf_event_attr) ||
		    sizeof(event->header) + asz > event->header.size)
			return;
		perf_event_attr__bswap(&event->attr.attr);
		swap64_range(body + asz, end);
		return;
	}
	case PERF_RECORD_HEADER_TRACING_DATA:
		swap32_at(body, end);
		return;
	case PERF_RECORD_HEADER_BUILD_ID:
		swap32_at(body, end);
		return;
	case PERF_RECORD_ID_INDEX:
	case PERF_RECORD_STAT_CONFIG:
	case PERF_RECORD_STAT_ROUND:
		swap64_range(body, end);
		return;
	case PERF_RECORD_AUXTRACE_INFO:
		swap32_at(body, end);
		swap32_at(body + 4, end);
		swap64_range(body + 8, end);
		return;
	case PERF_RECORD_AUXTRACE:
		swap64_range(body, body + 24 < end ? body + 24 : end);
		for (tail = body + 24; tail < body + 40; tail += 4)
			swap32_at(tail, end);
		return;
	case PERF_RECORD_AUXTRACE_ERROR:
		for (tail = body; tail < body + 24; tail += 4)
			swap32_at(tail, end);
		swap64_at(body + 24, end);
		swap32_at(body + 32 + MAX_AUXTRACE_ERROR_MSG, end);
		swap32_at(body + 36 + MAX_AUXTRACE_ERROR_MSG, end);
		return;
	case PERF_RECORD_THREAD_MAP: {
		uint64_t nr = 0;

		swap64_at(body, end);
		if (body + 8 <= end)
			memcpy(&nr, body, 8);
		for (tail = body + 8; nr && tail + 24 <= end; nr--, tail += 24)
			swap64_at(tail, end);
		return;
	}
	case PERF_RECORD_CPU_MAP:
		swap_cpu_map_data(body, end);
		return;
	case PERF_RECORD_STAT:
		swap64_at(body, end);
		swap32_at(body + 8, end);
		swap32_at(body + 12, end);
		swap64_range(body + 16, end);
		return;
	case PERF_RECORD_EVENT_UPDATE: {
		uint64_t type = 0;

		swap64_at(body, end);
		swap64_at(body + 8, end);
		if (body + 8 <= end)
			memcpy(&type, body, 8);
		if (type == PERF_EVENT_UPDATE__SCALE)
			swap64_at(body + 16, end);
		else if (type == PERF_EVENT_UPDATE__CPUS)
			swap_cpu_map_data(body + 16, end);
		return;
	}
	case PERF_RECORD_TIME_CONV:
		swap64_range(body, body + 40 < end ? body + 40 : end);
		return;
	case PERF_RECORD_HEADER_FEATURE:
		/* The payload is a feature section: its reader swaps it. */
		swap64_at(body, end);
		return;
	default:
		/* Unknown or payload-opaque records (COMPRESSED): left as they are. */
		return;
	}
	swap_trailer(event, attr);
}
