/* SPDX-License-Identifier: GPL-2.0 */
/*
 * strbuf: a growable NUL-terminated byte buffer.
 *
 * Invariants: buf is never NULL (it points at a shared empty string until
 * the first append), len < alloc whenever alloc > 0, and buf[len] == '\0'.
 * Functions that append return 0 or -ENOMEM; on -ENOMEM the buffer keeps
 * its old contents.
 *
 * Layer 0: depends on libc only.
 */
#ifndef PERF_UTIL_STRBUF_H
#define PERF_UTIL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include "util.h"

struct strbuf {
	size_t alloc;
	size_t len;
	char *buf;
};

extern char strbuf_slopbuf[];
#define STRBUF_INIT { 0, 0, strbuf_slopbuf }

void strbuf_init(struct strbuf *sb, size_t hint);
/* Free the storage and return to the STRBUF_INIT state. */
void strbuf_release(struct strbuf *sb);
/* Hand the string to the caller (who frees it); @sz may be NULL. */
char *strbuf_detach(struct strbuf *sb, size_t *sz);
/* Make room for @extra more bytes. */
int strbuf_grow(struct strbuf *sb, size_t extra);

int strbuf_add(struct strbuf *sb, const void *data, size_t len);
int strbuf_addstr(struct strbuf *sb, const char *s);
int strbuf_addch(struct strbuf *sb, int c);
int strbuf_addf(struct strbuf *sb, const char *fmt, ...) __printf(2, 3);
int strbuf_addvf(struct strbuf *sb, const char *fmt, va_list ap);

static inline void strbuf_reset(struct strbuf *sb)
{
	if (sb->alloc) {
		sb->len = 0;
		sb->buf[0] = '\0';
	}
}

#endif /* PERF_UTIL_STRBUF_H */
