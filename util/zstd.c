// SPDX-License-Identifier: GPL-2.0
/* The libzstd side of PERF_RECORD_COMPRESSED. */
#include <stdlib.h>
#include <zstd.h>

#include "debug.h"
#include "compress.h"

struct zstd_data {
	ZSTD_DStream *dstream;
};

struct zstd_data *zstd__new(void)
{
	struct zstd_data *z = calloc(1, sizeof(*z));

	if (!z)
		return NULL;
	z->dstream = ZSTD_createDStream();
	if (!z->dstream || ZSTD_isError(ZSTD_initDStream(z->dstream))) {
		ZSTD_freeDStream(z->dstream);
		free(z);
		return NULL;
	}
	return z;
}

void zstd__delete(struct zstd_data *z)
{
	if (!z)
		return;
	ZSTD_freeDStream(z->dstream);
	free(z);
}

ssize_t zstd__decompress(struct zstd_data *z, const void *src, size_t src_size,
			 void *dst, size_t dst_size)
{
	ZSTD_inBuffer in = { .src = src, .size = src_size, .pos = 0 };
	ZSTD_outBuffer out = { .dst = dst, .size = dst_size, .pos = 0 };

	while (in.pos < in.size) {
		size_t ret = ZSTD_decompressStream(z->dstream, &out, &in);

		if (ZSTD_isError(ret)) {
			pr_debug("zstd: %s\n", ZSTD_getErrorName(ret));
			/* Start clean for the next record rather than stay broken. */
			ZSTD_initDStream(z->dstream);
			return -EINVAL;
		}
		/* Output full with input left: more than one record may produce. */
		if (out.pos == out.size && in.pos < in.size)
			return -ENOSPC;
	}
	return (ssize_t)out.pos;
}

struct zstd_cdata {
	ZSTD_CCtx *cctx;
};

struct zstd_cdata *zstd__new_compressor(int level)
{
	struct zstd_cdata *z = calloc(1, sizeof(*z));

	if (!z)
		return NULL;
	z->cctx = ZSTD_createCCtx();
	if (!z->cctx ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_compressionLevel, level))) {
		ZSTD_freeCCtx(z->cctx);
		free(z);
		return NULL;
	}
	return z;
}

void zstd__delete_compressor(struct zstd_cdata *z)
{
	if (!z)
		return;
	ZSTD_freeCCtx(z->cctx);
	free(z);
}

size_t zstd__compress_bound(size_t src_size)
{
	return ZSTD_compressBound(src_size);
}

ssize_t zstd__compress(struct zstd_cdata *z, const void *src, size_t src_size,
		       void *dst, size_t dst_size)
{
	size_t ret = ZSTD_compress2(z->cctx, dst, dst_size, src, src_size);

	if (ZSTD_isError(ret)) {
		pr_debug("zstd: %s\n", ZSTD_getErrorName(ret));
		return -EINVAL;
	}
	return (ssize_t)ret;
}
