// SPDX-License-Identifier: GPL-2.0
/* Walking the tracing data blob of a perf.data file to find event formats. */
#include <byteswap.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "trace-data.h"

/* "\027\010\104tracing": the blob's magic. */
static const char trace_magic[] = { 0x17, 0x08, 0x44, 't', 'r', 'a', 'c', 'i', 'n', 'g' };

struct blob {
	const char *p, *end;
	bool swap;	/* the recording machine had the other byte order */
	bool failed;
};

static bool blob__take(struct blob *b, void *dst, size_t n)
{
	if (b->failed || (size_t)(b->end - b->p) < n) {
		b->failed = true;
		return false;
	}
	if (dst)
		memcpy(dst, b->p, n);
	b->p += n;
	return true;
}

static uint32_t blob__u32(struct blob *b)
{
	uint32_t v = 0;

	blob__take(b, &v, sizeof(v));
	return b->swap ? bswap_32(v) : v;
}

static uint64_t blob__u64(struct blob *b)
{
	uint64_t v = 0;

	blob__take(b, &v, sizeof(v));
	return b->swap ? bswap_64(v) : v;
}

/* A NUL-terminated string; returns it (in place) and its length. */
static const char *blob__str(struct blob *b, size_t *len)
{
	const char *s = b->p, *nul;

	if (b->failed)
		return NULL;
	nul = memchr(s, '\0', (size_t)(b->end - s));
	if (!nul) {
		b->failed = true;
		return NULL;
	}
	*len = (size_t)(nul - s);
	b->p = nul + 1;
	return s;
}

/* Skip a section named @name followed by a u64 size and its bytes. */
static void blob__skip_named(struct blob *b, const char *name)
{
	size_t len;
	const char *s = blob__str(b, &len);
	uint64_t size;

	if (!s || len != strlen(name) || memcmp(s, name, len)) {
		b->failed = true;
		return;
	}
	size = blob__u64(b);
	if (size > (uint64_t)(b->end - b->p))
		b->failed = true;
	else
		b->p += size;
}

/* The value after "<key>: " on a line of @text, as a number. */
static bool format__number(const char *text, size_t len, const char *key, uint64_t *val)
{
	size_t klen = strlen(key), i;

	for (i = 0; i + klen < len; i++) {
		if ((i == 0 || text[i - 1] == '\n') && !memcmp(text + i, key, klen)) {
			char buf[32];
			size_t j = 0;

			i += klen;
			while (i < len && text[i] == ' ')
				i++;
			while (i < len && j + 1 < sizeof(buf) && text[i] >= '0' && text[i] <= '9')
				buf[j++] = text[i++];
			buf[j] = '\0';
			if (!j)
				return false;
			*val = strtoull(buf, NULL, 10);
			return true;
		}
	}
	return false;
}

static bool format__name(const char *text, size_t len, const char **name, size_t *nlen)
{
	const char *eol;

	if (len < 6 || memcmp(text, "name: ", 6))
		return false;
	eol = memchr(text + 6, '\n', len - 6);
	*name = text + 6;
	*nlen = eol ? (size_t)(eol - *name) : len - 6;
	return true;
}

int trace_data__find_event(const void *data, size_t size, uint64_t id,
			   struct trace_data_event *ev)
{
	struct blob b = { .p = data, .end = (const char *)data + size };
	uint32_t nr, nr_systems, i, j;
	uint8_t big_endian = 0, long_size = 0;
	const char *version;
	size_t len;

	if (size < sizeof(trace_magic) ||
	    memcmp(data, trace_magic, sizeof(trace_magic)))
		return -EINVAL;
	b.p += sizeof(trace_magic);
	version = blob__str(&b, &len);
	if (!version)
		return -EINVAL;
	blob__take(&b, &big_endian, 1);
	blob__take(&b, &long_size, 1);
	b.swap = big_endian != (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__);
	blob__u32(&b);		/* page size */
	blob__skip_named(&b, "header_page");
	blob__skip_named(&b, "header_event");

	/* ftrace's own formats: not tracepoints a user records. */
	nr = blob__u32(&b);
	for (i = 0; i < nr && !b.failed; i++) {
		uint64_t fsize = blob__u64(&b);

		if (fsize > (uint64_t)(b.end - b.p))
			return -EINVAL;
		b.p += fsize;
	}

	nr_systems = blob__u32(&b);
	for (i = 0; i < nr_systems && !b.failed; i++) {
		size_t sys_len = 0;
		const char *sys = blob__str(&b, &sys_len);

		nr = blob__u32(&b);
		for (j = 0; j < nr && !b.failed; j++) {
			uint64_t fsize = blob__u64(&b), fid;
			const char *fmt = b.p;

			if (b.failed || fsize > (uint64_t)(b.end - b.p))
				return -EINVAL;
			b.p += fsize;
			if (format__number(fmt, fsize, "ID:", &fid) && fid == id &&
			    format__name(fmt, fsize, &ev->name, &ev->name_len)) {
				ev->system = sys;
				ev->system_len = sys_len;
				ev->format = fmt;
				ev->format_len = fsize;
				return 0;
			}
		}
	}
	return b.failed ? -EINVAL : -ENOENT;
}

int trace_data_event__fields(const struct trace_data_event *ev, struct strbuf *sb)
{
	const char *p = ev->format, *end = ev->format + ev->format_len;
	bool first = true;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = eol ? eol : end;
		const char *f = p;

		while (f < line_end && (*f == '\t' || *f == ' '))
			f++;
		if ((size_t)(line_end - f) > 6 && !memcmp(f, "field:", 6)) {
			const char *semi = memchr(f, ';', (size_t)(line_end - f));
			const char *name_end, *name;

			if (semi) {
				/* "type name[16];": the name is the last word, less any array size. */
				name_end = semi;
				if (name_end > f && name_end[-1] == ']') {
					while (name_end > f && *name_end != '[')
						name_end--;
				}
				name = name_end;
				while (name > f && name[-1] != ' ' && name[-1] != '\t' && name[-1] != ':')
					name--;
				if (name_end > name &&
				    !((size_t)(name_end - name) > 7 && !memcmp(name, "common_", 7))) {
					if ((!first && strbuf_addch(sb, ',')) ||
					    strbuf_add(sb, name, (size_t)(name_end - name)))
						return -ENOMEM;
					first = false;
				}
			}
		}
		p = eol ? eol + 1 : end;
	}
	return 0;
}
