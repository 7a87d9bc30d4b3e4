/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The data section writer of perf record: records from the ring buffers
 * and the synthesizers go through a staging buffer into the output fd, a
 * few large writes instead of one per record, optionally zstd-compressed
 * into PERF_RECORD_COMPRESSED records (-z). It keeps what the summary and
 * the header need: bytes on disk, samples, lost records, first and last
 * sample time.
 *
 * The staging buffer only ever holds whole records, so when a write
 * fails half way (a full disk) the bytes that made it to the file are
 * cut back to the last complete record, and @bytes_written describes a
 * readable data section.
 *
 * Layer 2: depends on util/mmap, util/event.h, util/compress.h.
 */
#ifndef PERF_UTIL_RECORD_OUTPUT_H
#define PERF_UTIL_RECORD_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct perf_mmap;
struct zstd_cdata;
union perf_event;

/**
 * struct record_output - where the data section goes
 * @fd:            the output (file positioned at the end of the data, or pipe)
 * @bytes_written: bytes of whole records that reached @fd
 * @time_offset:   of TIME in a sample (the first event's layout), -1 if none
 * @samples, @lost_chunks, @nr_events: records written (of all kinds for
 *                 @nr_events), as a reader's statistics would count them
 * @first_time, @last_time: of the samples, 0 when none had a time
 * @bytes_raw, @bytes_zout: -z: data that went into COMPRESSED records, and
 *                 the records it became
 */
struct record_output {
	int fd;
	char *buf;
	size_t len;
	bool since_round;
	uint64_t bytes_written;
	int time_offset;
	uint64_t samples;
	uint64_t lost_chunks;
	uint64_t nr_events;
	uint64_t first_time, last_time;
	struct zstd_cdata *zstd;
	char *zstage;
	size_t zstage_len;
	char *zout;
	uint64_t bytes_raw;
	uint64_t bytes_zout;
};

/*
 * Set up @out for @fd with zstd level @comp_level (0: no compression).
 * @sample_type decides where a sample's time is. Returns 0, -ENOMEM, or
 * -EOPNOTSUPP when compression is asked of a perf built without libzstd.
 */
int record_output__init(struct record_output *out, int fd, uint64_t sample_type,
			int comp_level);
/* Free the buffers; pending data is dropped (flush first). */
void record_output__exit(struct record_output *out);

/* Start a new file on @fd: counters back to zero, compression kept. */
void record_output__reset(struct record_output *out, int fd);

/*
 * Append raw bytes (whole records, or a record's trailing payload such as
 * pipe-mode tracing data). Returns 0 or -errno of a failed write.
 */
int record_output__write(struct record_output *out, const void *buf, size_t size);

/* Append one synthesized or user record, uncompressed, counting it. */
int record_output__event(struct record_output *out, const union perf_event *event);

/*
 * Copy every record of one read pass of @map (compressed with -z),
 * counting samples, lost records and sample times, and give the space
 * back to the kernel. Returns 0 or -errno.
 */
int record_output__drain(struct record_output *out, struct perf_mmap *map);

/*
 * End a round: when records were added since the last one, a
 * FINISHED_ROUND (readers may sort up to it). It stays staged with the
 * rest: under load, rounds go out a buffer at a time, and the caller
 * flushes before it waits. Returns 0 or -errno.
 */
int record_output__round(struct record_output *out);

/* Write out what is staged. Returns 0 or -errno. */
int record_output__flush(struct record_output *out);

/* Bytes of the data section so far, staged ones included. */
static inline uint64_t record_output__size(const struct record_output *out)
{
	return out->bytes_written + out->len;
}

#endif /* PERF_UTIL_RECORD_OUTPUT_H */
