/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decompressing PERF_RECORD_COMPRESSED payloads (perf record -z) with
 * libzstd. One stream per session: a record may end in the middle of an
 * event, which continues in the next one.
 *
 * (Named compress.h because -Iutil would make <zstd.h> find it.)
 *
 * Layer 2: the implementation (util/zstd.c) needs libzstd; without it
 * the stubs below report -EOPNOTSUPP and the reader says so.
 */
#ifndef PERF_UTIL_COMPRESS_H
#define PERF_UTIL_COMPRESS_H

#include <errno.h>
#include <stddef.h>
#include <sys/types.h>

struct zstd_data;

#ifdef HAVE_ZSTD_SUPPORT
/* A decompression stream; NULL if out of memory. */
struct zstd_data *zstd__new(void);
void zstd__delete(struct zstd_data *z);

/*
 * Decompress all of @src into @dst. Returns the bytes written, or
 * -ENOSPC when @dst (@dst_size bytes) is too small for the output (a
 * damaged or foreign stream: the output of one record is bounded by the
 * recording's mmap size), -EINVAL when libzstd rejects the data.
 */
ssize_t zstd__decompress(struct zstd_data *z, const void *src, size_t src_size,
			 void *dst, size_t dst_size);
#else
static inline struct zstd_data *zstd__new(void) { return NULL; }
static inline void zstd__delete(struct zstd_data *z) { (void)z; }
static inline ssize_t zstd__decompress(struct zstd_data *z, const void *src, size_t src_size,
				       void *dst, size_t dst_size)
{
	(void)z; (void)src; (void)src_size; (void)dst; (void)dst_size;
	return -EOPNOTSUPP;
}
#endif

#endif /* PERF_UTIL_COMPRESS_H */
