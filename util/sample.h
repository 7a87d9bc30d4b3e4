/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decoding the variable part of records: the body of PERF_RECORD_SAMPLE
 * (whose fields follow attr.sample_type in the kernel's output order) and
 * the sample_id_all trailer the kernel appends to every other record.
 * Also the byte swap of records from a machine of the other endianness,
 * which needs the same knowledge of the layout.
 *
 * Every read is checked against header.size: a record that claims more
 * than it holds is refused with -EFAULT, never read past.
 *
 * Layer 2: depends on util/event.h and the attr only (no evlist, no I/O).
 */
#ifndef PERF_UTIL_SAMPLE_H
#define PERF_UTIL_SAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/perf_event.h>

#include "event.h"

struct evsel;

/* Sample fields of fixed size (one u64 each) that can appear in a trailer. */
#define PERF_SAMPLE_FIXED_MASK						\
	(PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_TIME |		\
	 PERF_SAMPLE_ADDR | PERF_SAMPLE_ID | PERF_SAMPLE_STREAM_ID |	\
	 PERF_SAMPLE_CPU | PERF_SAMPLE_PERIOD | PERF_SAMPLE_IDENTIFIER)

/* Bytes of the fixed-size fields of a sample with @sample_type. */
size_t perf_evsel__sample_size(uint64_t sample_type);

/*
 * Bytes of the sample_id_all trailer of non-sample records for
 * @sample_type (TID, TIME, ID, STREAM_ID, CPU, IDENTIFIER).
 */
size_t perf_evsel__id_hdr_size(uint64_t sample_type);

/*
 * Where the event id sits: perf_sample__id_pos() is the index (in u64s)
 * from the start of a sample body, perf_sample__is_pos() the index from
 * the end of a trailer counted backwards (1 = last u64). -1 when
 * @sample_type carries no id.
 */
int perf_sample__id_pos(uint64_t sample_type);
int perf_sample__is_pos(uint64_t sample_type);

/*
 * Decode @event for @attr into @sample. For PERF_RECORD_SAMPLE the whole
 * body; for other records only the sample_id_all trailer (when
 * attr->sample_id_all), the rest of @sample getting the reference's
 * defaults (pid/tid/cpu -1, time/id/stream_id ~0). Pointers in @sample
 * point into @event. Returns 0 or -EFAULT when a field would lie beyond
 * header.size (nothing beyond it is read).
 */
int perf_sample__parse(const struct perf_event_attr *attr,
		       const union perf_event *event, struct perf_sample *sample);

/* The same, with the attr of @evsel. */
int evsel__parse_sample(struct evsel *evsel, const union perf_event *event,
			struct perf_sample *sample);

/*
 * Only the timestamp of @event (sample body or trailer): 0 and *@time set,
 * -ENOENT when @attr records no time, -EFAULT for a short record.
 */
int perf_sample__parse_time(const struct perf_event_attr *attr,
			    const union perf_event *event, uint64_t *time);

/*
 * The id of @event at the position @sample_type puts it (sample body or
 * trailer), in the record's byte order. 0 and *@id set, -ENOENT when the
 * record carries no id, -EFAULT when it is too short.
 */
int perf_event__read_id(uint64_t sample_type, bool sample_id_all,
			const union perf_event *event, uint64_t *id);

/* The branch entries of a decoded sample (hw_idx present or not). */
const struct branch_entry *perf_sample__branch_entries(const struct perf_sample *sample);

/* The header of a record of the other endianness, swapped in place. */
void perf_event_header__bswap(struct perf_event_header *hdr);

/* Swap a perf_event_attr of the other endianness in place (@size bytes known). */
void perf_event_attr__bswap(struct perf_event_attr *attr);

/*
 * Swap the payload of @event (header already swapped) into native byte
 * order, field by field: u64s as u64s, u32 pairs as u32s, strings and raw
 * bytes untouched. @attr describes samples and trailers (NULL when the
 * event could not be matched to an attr: only the fixed part is swapped).
 * Every access stays inside header.size.
 */
void perf_event__bswap(union perf_event *event, const struct perf_event_attr *attr);

#endif /* PERF_UTIL_SAMPLE_H */
