/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PERF_RECORD_COMPRESSED payloads (perf record -z) with libzstd.
 * Decompressing: one stream per session, as a record may end in the
 * middle of an event, which continues in the next one. Compressing: each
 * record holds one complete zstd frame of whole events, which any of
 * those readers accepts.
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
struct zstd_cdata;

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

/* A compressor at zstd level @level (1..22); NULL if out of memory. */
struct zstd_cdata *zstd__new_compressor(int level);
void zstd__delete_compressor(struct zstd_cdata *z);
/* Bytes one call may need in @dst for @src_size bytes of input. */
size_t zstd__compress_bound(size_t src_size);
/*
 * Compress @src into one frame at @dst. Returns its size, or -EINVAL
 * when libzstd fails (the caller then writes the records uncompressed).
 */
ssize_t zstd__compress(struct zstd_cdata *z, const void *src, size_t src_size,
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
static inline struct zstd_cdata *zstd__new_compressor(int level) { (void)level; return NULL; }
static inline void zstd__delete_compressor(struct zstd_cdata *z) { (void)z; }
static inline size_t zstd__compress_bound(size_t src_size) { return src_size; }
static inline ssize_t zstd__compress(struct zstd_cdata *z, const void *src, size_t src_size,
				     void *dst, size_t dst_size)
{
	(void)z; (void)src; (void)src_size; (void)dst; (void)dst_size;
	return -EOPNOTSUPP;
}
#endif

#endif /* PERF_UTIL_COMPRESS_H */
