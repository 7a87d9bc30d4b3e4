// SPDX-License-Identifier: GPL-2.0
/* perf record's data section writer: staging, compression, accounting. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compress.h"
#include "event.h"
#include "mmap.h"
#include "record-output.h"

/*
 * Staged bytes per write(2). At 256 KiB a busy 2-CPU recording makes a
 * few dozen writes per second; one write per record, as before, made the
 * writer the bottleneck of high-rate tracepoint recordings (half the
 * samples lost where the reference lost a quarter).
 */
#define OBUF_SIZE (256 * 1024)

/*
 * Input per COMPRESSED record: whole events up to this many bytes, so
 * one frame (at most zstd's bound of it) fits in the 16-bit record size
 * and readers' per-record output buffer (the mmap size) is never short.
 */
#define ZSTAGE_MAX (60 * 1024)

/* Offset of the TIME field in a sample for this sample_type, -1 if none. */
static int sample_time_offset(uint64_t sample_type)
{
	int off = sizeof(struct perf_event_header);

	if (!(sample_type & PERF_SAMPLE_TIME))
		return -1;
	if (sample_type & PERF_SAMPLE_IDENTIFIER)
		off += 8;
	if (sample_type & PERF_SAMPLE_IP)
		off += 8;
	if (sample_type & PERF_SAMPLE_TID)
		off += 8;
	return off;
}

int record_output__init(struct record_output *out, int fd, uint64_t sample_type,
			int comp_level)
{
	memset(out, 0, sizeof(*out));
	out->fd = fd;
	out->time_offset = sample_time_offset(sample_type);
	out->buf = malloc(OBUF_SIZE);
	if (!out->buf)
		return -ENOMEM;
	if (comp_level <= 0)
		return 0;
	out->zstd = zstd__new_compressor(comp_level);
	if (!out->zstd)
		return -EOPNOTSUPP;
	out->zstage = malloc(ZSTAGE_MAX);
	out->zout = malloc(sizeof(struct perf_record_compressed) +
			   zstd__compress_bound(ZSTAGE_MAX));
	if (!out->zstage || !out->zout)
		return -ENOMEM;
	return 0;
}

void record_output__exit(struct record_output *out)
{
	zstd__delete_compressor(out->zstd);
	free(out->zstage);
	free(out->zout);
	free(out->buf);
	memset(out, 0, sizeof(*out));
	out->fd = -1;
}

void record_output__reset(struct record_output *out, int fd)
{
	out->fd = fd;
	out->len = 0;
	out->zstage_len = 0;
	out->since_round = false;
	out->bytes_written = 0;
	out->samples = out->lost_chunks = out->nr_events = 0;
	out->first_time = out->last_time = 0;
	out->bytes_raw = out->bytes_zout = 0;
}

/* Bytes of whole records at the start of @buf's first @done bytes. */
static size_t whole_records(const char *buf, size_t done)
{
	size_t off = 0;

	while (off + sizeof(struct perf_event_header) <= done) {
		const struct perf_event_header *h = (const void *)(buf + off);

		if (!h->size || off + h->size > done)
			break;
		off += h->size;
	}
	return off;
}

/*
 * write(2) all of @buf. On failure, only the whole records that reached
 * the file count as written: the header will end the data there.
 */
static int output__write_out(struct record_output *out, const char *buf, size_t size)
{
	size_t done = 0;

	while (done < size) {
		ssize_t n = write(out->fd, buf + done, size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int err = n < 0 ? -errno : -ENOSPC;

			out->bytes_written += whole_records(buf, done);
			return err;
		}
		done += (size_t)n;
	}
	out->bytes_written += size;
	return 0;
}

int record_output__flush(struct record_output *out)
{
	size_t len = out->len;

	if (!len)
		return 0;
	out->len = 0;
	return output__write_out(out, out->buf, len);
}

int record_output__write(struct record_output *out, const void *buf, size_t size)
{
	int err;

	if (out->len + size > OBUF_SIZE) {
		err = record_output__flush(out);
		if (err)
			return err;
	}
	if (size > OBUF_SIZE / 2)
		return output__write_out(out, buf, size);
	memcpy(out->buf + out->len, buf, size);
	out->len += size;
	return 0;
}

int record_output__event(struct record_output *out, const union perf_event *event)
{
	out->nr_events++;
	out->since_round = true;
	return record_output__write(out, event, event->header.size);
}

static int output__zflush(struct record_output *out)
{
	struct perf_record_compressed *rc = (void *)out->zout;
	ssize_t n;
	int err;

	if (!out->zstage_len)
		return 0;
	n = zstd__compress(out->zstd, out->zstage, out->zstage_len, rc->data,
			   zstd__compress_bound(ZSTAGE_MAX));
	if (n < 0 || sizeof(*rc) + (size_t)n > 0xffff) {
		/* Incompressible or failed: the events go out as they are. */
		err = record_output__write(out, out->zstage, out->zstage_len);
	} else {
		rc->header.type = PERF_RECORD_COMPRESSED;
		rc->header.misc = 0;
		rc->header.size = (uint16_t)(sizeof(*rc) + (size_t)n);
		err = record_output__write(out, rc, rc->header.size);
		if (!err) {
			out->bytes_raw += out->zstage_len;
			out->bytes_zout += rc->header.size;
		}
	}
	out->zstage_len = 0;
	return err;
}

static int output__stage(struct record_output *out, const union perf_event *event)
{
	int err;

	if (out->zstage_len + event->header.size > ZSTAGE_MAX) {
		err = output__zflush(out);
		if (err)
			return err;
	}
	memcpy(out->zstage + out->zstage_len, event, event->header.size);
	out->zstage_len += event->header.size;
	return 0;
}

/*
 * Counting samples and lost records and keeping the first and last
 * sample times costs a header read per record, far less than the copy.
 */
static void output__account(struct record_output *out, const union perf_event *event)
{
	out->nr_events++;
	switch (event->header.type) {
	case PERF_RECORD_SAMPLE:
		out->samples++;
		if (out->time_offset > 0 && event->header.size >= out->time_offset + 8) {
			uint64_t t;

			memcpy(&t, (const char *)event + out->time_offset, sizeof(t));
			if (!out->first_time || t < out->first_time)
				out->first_time = t;
			if (t > out->last_time)
				out->last_time = t;
		}
		break;
	case PERF_RECORD_LOST:
		out->lost_chunks++;
		break;
	default:
		break;
	}
}

int record_output__drain(struct record_output *out, struct perf_mmap *map)
{
	union perf_event *event;
	int err = 0;

	err = perf_mmap__read_init(map);
	if (err)
		return err == -EAGAIN ? 0 : err;
	while ((event = perf_mmap__read_event(map)) != NULL) {
		err = out->zstd ? output__stage(out, event) :
				  record_output__write(out, event, event->header.size);
		if (err)
			break;
		output__account(out, event);
		out->since_round = true;
	}
	if (!err && out->zstd)
		err = output__zflush(out);
	perf_mmap__consume(map);
	return err;
}

int record_output__round(struct record_output *out)
{
	if (out->since_round) {
		struct perf_event_header round = {
			.type = PERF_RECORD_FINISHED_ROUND,
			.size = sizeof(round),
		};
		int err = record_output__write(out, &round, sizeof(round));

		if (err)
			return err;
		out->nr_events++;
		out->since_round = false;
	}
	return 0;
}
