// SPDX-License-Identifier: GPL-2.0
/*
 * Reading a perf.data stream: records out of the file or pipe in large
 * reads, byte-swapped when the recording machine had the other order,
 * decompressed when perf record -z packed them, put in timestamp order
 * when the tool asks, and handed to the tool's callbacks. A record that
 * does not fit what the file holds stops the session with a message that
 * names its offset.
 */
#include <byteswap.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compress.h"
#include "debug.h"
#include "event.h"
#include "evlist.h"
#include "evsel.h"
#include "header.h"
#include "ordered-events.h"
#include "sample.h"
#include "session.h"
#include "util.h"
#include "zalloc.h"

/*
 * Reads of 128 KB: the syscall cost is already small, and the buffer
 * stays in the L2 cache and adds little to the peak RSS (4 MB took 10%
 * of a report's time in the kernel's copy, to memory that had to be
 * faulted in; 256 KB read no faster and its 32 more fresh pages cost
 * 0.4 ms of page faults in a VM). A record is at most 64 KB, so one
 * always fits.
 */
#define MAX_RECORD_SIZE		0x10000
#define READ_BUF_SIZE		(2 * MAX_RECORD_SIZE)
/* Ceiling for one COMPRESSED record's output when the header gives none. */
#define DECOMP_DEFAULT_LEN	(1UL << 20)
#define DECOMP_MAX_LEN		(256UL << 20)
/* Tracing data in a pipe: refused beyond this (a damaged size field). */
#define TRACING_DATA_MAX	(256UL << 20)

/* ---- id -> evsel ---- */

struct id_hash_entry {
	uint64_t id;
	struct evsel *evsel;
	uint64_t last_value;	/* PERF_SAMPLE_READ: the counter at its last sample */
};

/* Open addressing, power-of-two sized, at most half full. */
struct id_hash {
	struct id_hash_entry *slots;
	size_t mask;
	size_t nr;
	bool has_zero;
	struct evsel *zero;
};

static size_t id_hash__slot(const struct id_hash *h, uint64_t id)
{
	uint64_t x = id * 0x9E3779B97F4A7C15ULL;

	return (size_t)(x >> 17) & h->mask;
}

static int id_hash__grow(struct id_hash *h)
{
	size_t n = h->slots ? (h->mask + 1) * 2 : 64, i;
	struct id_hash_entry *old = h->slots;
	size_t old_n = h->slots ? h->mask + 1 : 0;

	h->slots = calloc(n, sizeof(*h->slots));
	if (!h->slots) {
		h->slots = old;
		return -ENOMEM;
	}
	h->mask = n - 1;
	for (i = 0; i < old_n; i++) {
		size_t s;

		if (!old[i].evsel)
			continue;
		for (s = id_hash__slot(h, old[i].id); h->slots[s].evsel; s = (s + 1) & h->mask)
			;
		h->slots[s] = old[i];
	}
	free(old);
	return 0;
}

static int id_hash__add(struct id_hash *h, uint64_t id, struct evsel *evsel)
{
	size_t s;

	/* Id 0 is the synthesized events' "no id"; kept apart. */
	if (!id) {
		h->has_zero = true;
		h->zero = evsel;
		return 0;
	}
	if ((h->nr + 1) * 2 > (h->slots ? h->mask + 1 : 0) && id_hash__grow(h))
		return -ENOMEM;
	for (s = id_hash__slot(h, id); h->slots[s].evsel; s = (s + 1) & h->mask)
		if (h->slots[s].id == id)
			return 0;	/* first attr to claim an id keeps it */
	h->slots[s].id = id;
	h->slots[s].evsel = evsel;
	h->nr++;
	return 0;
}

static struct id_hash_entry *id_hash__find_entry(struct id_hash *h, uint64_t id)
{
	size_t s;

	if (!h || !h->slots)
		return NULL;
	for (s = id_hash__slot(h, id); h->slots[s].evsel; s = (s + 1) & h->mask)
		if (h->slots[s].id == id)
			return &h->slots[s];
	return NULL;
}

static struct evsel *id_hash__find(struct id_hash *h, uint64_t id)
{
	struct id_hash_entry *e = id_hash__find_entry(h, id);

	return e ? e->evsel : NULL;
}

static void id_hash__delete(struct id_hash *h)
{
	if (!h)
		return;
	free(h->slots);
	free(h);
}

static int session__index_evlist(struct perf_session *s)
{
	struct evsel *evsel;
	int nr = 0, i;

	id_hash__delete(s->ids);
	s->ids = zalloc(sizeof(*s->ids));
	if (!s->ids)
		return -ENOMEM;
	evlist__for_each_entry(s->evlist, evsel) {
		for (i = 0; i < evsel->ids; i++)
			if (id_hash__add(s->ids, evsel->id[i], evsel))
				return -ENOMEM;
		if (evsel->idx >= nr)
			nr = evsel->idx + 1;
	}
	if (nr > s->nr_evsel_stats) {
		struct evsel_stats *st = realloc(s->evsel_stats, (size_t)nr * sizeof(*st));

		if (!st)
			return -ENOMEM;
		memset(st + s->nr_evsel_stats, 0,
		       (size_t)(nr - s->nr_evsel_stats) * sizeof(*st));
		s->evsel_stats = st;
		s->nr_evsel_stats = nr;
	}
	return 0;
}

struct evsel *perf_session__find_evsel(struct perf_session *session, uint64_t id)
{
	if (session->evlist->nr_entries == 1)
		return evlist__first(session->evlist);
	if (!id)
		return evlist__empty(session->evlist) ? NULL : evlist__first(session->evlist);
	return session->ids ? id_hash__find(session->ids, id) : NULL;
}

struct evsel_stats *perf_session__evsel_stats(struct perf_session *session,
					      struct evsel *evsel)
{
	static struct evsel_stats dummy;

	if (!evsel || evsel->idx < 0 || evsel->idx >= session->nr_evsel_stats)
		return &dummy;
	return &session->evsel_stats[evsel->idx];
}

/*
 * The evsel of a kernel record: by its id where sample_type puts one,
 * else the first. @raw_swapped: the id is still in the file's byte order.
 */
static struct evsel *session__event_evsel(struct perf_session *s,
					  const union perf_event *event, bool raw_swapped,
					  bool *unknown)
{
	struct evsel *first;
	uint64_t id;

	*unknown = false;
	if (evlist__empty(s->evlist))
		return NULL;
	first = evlist__first(s->evlist);
	if (s->evlist->nr_entries == 1)
		return first;
	if (event->header.type != PERF_RECORD_SAMPLE && !first->attr.sample_id_all)
		return first;
	if (perf_event__read_id(first->attr.sample_type, first->attr.sample_id_all,
				event, &id))
		return first;
	if (raw_swapped)
		id = bswap_64(id);
	if (!id)
		return first;
	first = id_hash__find(s->ids, id);
	if (!first)
		*unknown = true;
	return first;
}

/* ---- evlist checks ---- */

static int session__check_evlist(struct perf_session *s)
{
	struct evsel *first, *evsel;
	int id_pos, is_pos;

	if (evlist__empty(s->evlist))
		return 0;
	first = evlist__first(s->evlist);
	id_pos = perf_sample__id_pos(first->attr.sample_type);
	is_pos = perf_sample__is_pos(first->attr.sample_type);
	/*
	 * The reference checks this for files only: its `perf stat record`
	 * pipes carry attrs without any sample_type (counts need no ids in
	 * samples).
	 */
	if (s->evlist->nr_entries > 1 && !s->header.is_pipe) {
		evlist__for_each_entry(s->evlist, evsel) {
			if (id_pos < 0 || is_pos < 0 ||
			    perf_sample__id_pos(evsel->attr.sample_type) != id_pos ||
			    perf_sample__is_pos(evsel->attr.sample_type) != is_pos) {
				pr_err("non matching sample_type\n");
				return -EINVAL;
			}
		}
	}
	evlist__for_each_entry(s->evlist, evsel) {
		if (evsel->attr.sample_id_all != first->attr.sample_id_all) {
			pr_err("non matching sample_id_all\n");
			return -EINVAL;
		}
	}
	evlist__for_each_entry(s->evlist, evsel) {
		if (evsel->attr.read_format != first->attr.read_format) {
			pr_debug("Read format differs %#llx vs %#llx\n",
				 (unsigned long long)first->attr.read_format,
				 (unsigned long long)evsel->attr.read_format);
			pr_err("non matching read_format\n");
			return -EINVAL;
		}
	}
	if ((first->attr.sample_type & PERF_SAMPLE_READ) &&
	    !(first->attr.read_format & PERF_FORMAT_ID)) {
		pr_err("non matching read_format\n");
		return -EINVAL;
	}
	return 0;
}

/* ---- construction ---- */

static int session__deliver_queued(struct ordered_events *oe, struct ordered_event *ev,
				   void *ctx);

struct perf_session *perf_session__new(struct perf_data *data, struct perf_tool *tool)
{
	struct perf_session *s = zalloc(sizeof(*s));
	char msg[512];
	int err;

	if (!s)
		return ERR_PTR(-ENOMEM);
	s->data = data;
	s->tool = tool;
	if (tool)
		perf_tool__fill_defaults(tool);
	data->mode = PERF_DATA_MODE_READ;
	err = perf_data__open(data, msg, sizeof(msg));
	if (err) {
		pr_err("%s\n", msg);
		free(s);
		return ERR_PTR(err);
	}
	s->evlist = evlist__new();
	if (!s->evlist) {
		err = -ENOMEM;
		goto out_delete;
	}
	err = perf_header__read(&s->header, data, s->evlist);
	if (err)
		goto out_delete;
	if (s->header.is_pipe)
		data->is_pipe = true;
	err = session__check_evlist(s);
	if (err)
		goto out_delete;
	err = session__index_evlist(s);
	if (err)
		goto out_delete;
	s->evlist_final = !s->header.is_pipe;
	/* Without timestamps on every record there is nothing to order by. */
	if (tool && tool->ordered_events && !evlist__empty(s->evlist) &&
	    !evlist__first(s->evlist)->attr.sample_id_all) {
		dump_printf("WARNING: No sample_id_all support, falling back to unordered processing\n");
		tool->ordered_events = false;
	}
	s->first_sample_time = s->header.env.first_sample_time;
	s->last_sample_time = s->header.env.last_sample_time;
	if (tool && tool->ordered_events) {
		s->ordered = zalloc(sizeof(*s->ordered));
		if (!s->ordered) {
			err = -ENOMEM;
			goto out_delete;
		}
		ordered_events__init(s->ordered, session__deliver_queued, s);
	}
	return s;

out_delete:
	perf_session__delete(s);
	return ERR_PTR(err);
}

void perf_session__delete(struct perf_session *s)
{
	if (!s)
		return;
	if (s->ordered) {
		ordered_events__exit(s->ordered);
		free(s->ordered);
	}
	id_hash__delete(s->ids);
	free(s->evsel_stats);
	zstd__delete(s->zstd);
	free(s->decomp);
	free(s->scratch);
	free(s->dir_main_path);
	evlist__delete(s->evlist);
	perf_env__exit(&s->header.env);
	if (s->data)
		perf_data__close(s->data);
	free(s);
}

const char *perf_session__dump_path(const struct perf_session *s)
{
	if (s->cur_path)
		return s->cur_path;
	return s->header.is_pipe ? "pipe" : perf_data__path(s->data);
}

/* ---- dumping (-D) ---- */

static void session__dump_event(struct perf_session *s, const union perf_event *event,
				uint64_t file_offset, const struct perf_sample *sample)
{
	struct evsel *first;
	uint64_t type = 0;

	if (!dump_trace)
		return;
	printf("\n%#" PRIx64 "@%s [%#x]: event: %d\n", file_offset, perf_session__dump_path(s),
	       event->header.size, event->header.type);
	perf_event__fprintf_raw(event, stdout);

	first = evlist__empty(s->evlist) ? NULL : evlist__first(s->evlist);
	if (event->header.type != PERF_RECORD_SAMPLE && (!first || !first->attr.sample_id_all)) {
		fputs("-1 -1 ", stdout);
	} else {
		struct evsel *evsel;

		/* The union of the events' sample types decides what the prefix shows. */
		evlist__for_each_entry(s->evlist, evsel)
			type |= evsel->attr.sample_type;
		if (type & PERF_SAMPLE_CPU)
			printf("%u ", sample->cpu);
		if (type & PERF_SAMPLE_TIME)
			printf("%" PRIu64 " ", sample->time);
	}
	printf("%#" PRIx64 " [%#x]: PERF_RECORD_%s", file_offset, event->header.size,
	       perf_event__name(event->header.type));
}

/* ---- errors ---- */

static int session__bad_record(struct perf_session *s, uint64_t off, const char *what,
			       const union perf_event *event)
{
	pr_err("'%s': damaged record at offset %#" PRIx64 " (type %u, size %u): %s\n",
	       s->cur_path ? s->cur_path : perf_data__path(s->data), off, event->header.type,
	       event->header.size, what);
	return -EINVAL;
}

/* ---- delivery of kernel records ---- */

static void session__finalize_evlist(struct perf_session *s)
{
	if (s->evlist_final)
		return;
	s->evlist_final = true;
	if (perf_header__apply_to_evlist(&s->header, s->evlist, true))
		pr_debug("out of memory naming events\n");
}

/* Whether the reference prints the record's fields before calling @cb. */
static bool handled(event_op cb)
{
	return cb != perf_tool__unhandled_op;
}

static int session__deliver_sample(struct perf_session *s, union perf_event *event,
				   struct perf_sample *sample, struct evsel *evsel)
{
	struct evsel_stats *st = perf_session__evsel_stats(s, evsel);

	st->nr_samples++;
	st->total_period += sample->period;
	s->stats.nr_samples++;
	s->stats.total_period += sample->period;
	return s->tool->sample(s->tool, event, sample, evsel, s->machine);
}

/*
 * One counter value of a PERF_SAMPLE_READ sample: a sample of the event
 * that owns the id, with the counter's growth since its last sample as
 * period (as the reference delivers them; no growth, no sample).
 */
static int session__deliver_read_value(struct perf_session *s, union perf_event *event,
				       struct perf_sample *sample, uint64_t id, uint64_t value)
{
	struct id_hash_entry *e = id_hash__find_entry(s->ids, id);

	if (!e) {
		s->stats.nr_unknown_id++;
		return 0;
	}
	sample->id = id;
	sample->period = value - e->last_value;
	e->last_value = value;
	if (!sample->period)
		return 0;
	return session__deliver_sample(s, event, sample, e->evsel);
}

static int session__deliver_sample_read(struct perf_session *s, union perf_event *event,
					struct perf_sample *sample, struct evsel *evsel)
{
	uint64_t fmt = evsel->attr.read_format, i;
	size_t words = 1 + !!(fmt & PERF_FORMAT_ID) + !!(fmt & PERF_FORMAT_LOST);
	const uint64_t *v = sample->read.values;
	int err = 0;

	if (!(fmt & PERF_FORMAT_GROUP))
		return session__deliver_read_value(s, event, sample, sample->read.one.id,
						   sample->read.one.value);
	/* Without ids the values cannot be told apart: the session refuses such files. */
	for (i = 0; i < sample->read.nr && !err; i++, v += words)
		err = session__deliver_read_value(s, event, sample,
						  fmt & PERF_FORMAT_ID ? v[1] : 0, v[0]);
	return err;
}

/* @evsel: the record's, when the caller looked it up already (else NULL). */
static int session__deliver_event(struct perf_session *s, union perf_event *event,
				  uint64_t file_offset, struct evsel *evsel)
{
	struct perf_tool *tool = s->tool;
	struct perf_sample sample;
	bool unknown;
	event_op cb = NULL;
	int err;

	if (!evsel)
		evsel = session__event_evsel(s, event, false, &unknown);
	if (!evsel) {
		/* No attr matches: counted, like the reference's unknown ids. */
		s->stats.nr_unknown_id++;
		return 0;
	}
	err = evsel__parse_sample(evsel, event, &sample);
	if (err)
		return session__bad_record(s, file_offset, "its sample fields run past its size",
					   event);
	session__dump_event(s, event, file_offset, &sample);

	switch (event->header.type) {
	case PERF_RECORD_SAMPLE:
		if (dump_trace)
			perf_sample__fprintf_dump(&sample, event, &evsel->attr,
						  perf_env__arch(&s->header.env), stdout);
		if (evsel->attr.sample_type & PERF_SAMPLE_READ)
			return session__deliver_sample_read(s, event, &sample, evsel);
		return session__deliver_sample(s, event, &sample, evsel);
	case PERF_RECORD_READ:
		if (dump_trace)
			perf_event__fprintf_read(event, &evsel->attr, evsel__name(evsel), stdout);
		return tool->read(tool, event, &sample, evsel, s->machine);
	case PERF_RECORD_MMAP:
		cb = tool->mmap;
		break;
	case PERF_RECORD_MMAP2:
		cb = tool->mmap2;
		break;
	case PERF_RECORD_COMM:
		cb = tool->comm;
		break;
	case PERF_RECORD_NAMESPACES:
		cb = tool->namespaces;
		break;
	case PERF_RECORD_CGROUP:
		cb = tool->cgroup;
		break;
	case PERF_RECORD_FORK:
		cb = tool->fork;
		break;
	case PERF_RECORD_EXIT:
		cb = tool->exit;
		break;
	case PERF_RECORD_LOST:
		s->stats.total_lost += event->lost.lost;
		cb = tool->lost;
		break;
	case PERF_RECORD_LOST_SAMPLES:
		s->stats.total_lost_samples += event->lost_samples.lost;
		perf_session__evsel_stats(s, evsel)->nr_lost_samples += event->lost_samples.lost;
		cb = tool->lost_samples;
		break;
	case PERF_RECORD_THROTTLE:
		return tool->throttle(tool, event, &sample, s->machine);
	case PERF_RECORD_UNTHROTTLE:
		return tool->unthrottle(tool, event, &sample, s->machine);
	case PERF_RECORD_AUX:
		if (event->aux.flags & PERF_AUX_FLAG_TRUNCATED)
			s->stats.total_aux_lost++;
		cb = tool->aux;
		break;
	case PERF_RECORD_ITRACE_START:
		cb = tool->itrace_start;
		break;
	case PERF_RECORD_SWITCH:
	case PERF_RECORD_SWITCH_CPU_WIDE:
		cb = tool->context_switch;
		break;
	case PERF_RECORD_KSYMBOL:
		cb = tool->ksymbol;
		break;
	case PERF_RECORD_BPF_EVENT:
		cb = tool->bpf;
		break;
	case PERF_RECORD_TEXT_POKE:
		cb = tool->text_poke;
		break;
	case PERF_RECORD_AUX_OUTPUT_HW_ID:
		cb = tool->aux_output_hw_id;
		break;
	default:
		dump_printf(": unhandled!\n");
		return 0;
	}
	if (dump_trace && handled(cb))
		perf_event__fprintf_details(event, &sample, stdout);
	return cb(tool, event, &sample, s->machine);
}

static int session__deliver_queued(struct ordered_events *oe, struct ordered_event *ev,
				   void *ctx)
{
	struct perf_session *s = ctx;
	const char *saved = s->cur_path;
	int err;

	(void)oe;
	/* -D names the file the record came from (perf record --threads). */
	if (ev->file > 0 && ev->file <= s->data->nr_files)
		s->cur_path = s->data->files[ev->file - 1].path;
	else if (ev->file == 0 && s->data->is_dir)
		s->cur_path = s->dir_main_path;
	err = session__deliver_event(s, ev->event, ev->file_offset, ev->data);
	s->cur_path = saved;
	return err;
}

/* ---- perf's own records ---- */

struct reader;
static int reader__take(struct reader *rd, void *dst, uint64_t n);

static int session__process_tracing_data(struct perf_session *s, union perf_event *event,
					 struct reader *rd, uint64_t off)
{
	struct perf_env *env = &s->header.env;
	uint32_t size = event->tracing_data.size;
	void *buf;
	int err;

	/* The blob follows the record, outside header.size. */
	if (size > TRACING_DATA_MAX || (rd == NULL))
		return session__bad_record(s, off, "tracing data size is not plausible", event);
	buf = malloc(size ? size : 1);
	if (!buf)
		return -ENOMEM;
	err = reader__take(rd, buf, size);
	if (err) {
		free(buf);
		return session__bad_record(s, off, "the tracing data runs past the end", event);
	}
	free(env->tracing_data);
	env->tracing_data = buf;
	env->tracing_data_size = size;
	return 0;
}

static int session__process_event_update(struct perf_session *s, union perf_event *event)
{
	struct perf_record_event_update *ev = &event->event_update;
	const char *end = (const char *)event + event->header.size;
	struct evsel *evsel = id_hash__find(s->ids, ev->id);

	if (!evsel && s->evlist->nr_entries == 1)
		evsel = evlist__first(s->evlist);
	if (!evsel)
		return 0;
	switch (ev->type) {
	case PERF_EVENT_UPDATE__NAME: {
		const char *name = (const char *)ev->data;
		char *copy = strndup(name, (size_t)(end - name));

		if (!copy)
			return -ENOMEM;
		free(evsel->name);
		evsel->name = copy;
		break;
	}
	case PERF_EVENT_UPDATE__SCALE:
		if ((const char *)ev->data + sizeof(double) <= end)
			memcpy(&evsel->scale, ev->data, sizeof(double));
		break;
	default:
		break;
	}
	return 0;
}

static int session__process_id_index(struct perf_session *s, union perf_event *event,
				     uint64_t off)
{
	struct perf_record_id_index *ii = &event->id_index;
	size_t room = event->header.size - sizeof(*ii);

	if (ii->nr && room / ii->nr < sizeof(struct id_index_entry))
		return session__bad_record(s, off, "more id entries than fit", event);
	return 0;
}

static int session__process_compressed(struct perf_session *s, union perf_event *event,
				       uint64_t off);

static int session__process_user_event(struct perf_session *s, union perf_event *event,
				       uint64_t off, struct reader *rd, bool nested)
{
	struct perf_tool *tool = s->tool;
	struct perf_sample sample;
	int err;

	memset(&sample, 0, sizeof(sample));
	if (event->header.type != PERF_RECORD_COMPRESSED)
		session__dump_event(s, event, off, &sample);

	switch (event->header.type) {
	case PERF_RECORD_HEADER_ATTR:
		err = perf_header__process_attr(&s->header, s->evlist, event);
		if (err == -EINVAL)
			return session__bad_record(s, off, "the attr does not fit", event);
		if (!err)
			err = session__check_evlist(s);
		if (!err)
			err = session__index_evlist(s);
		if (err)
			return err;
		s->evlist_final = false;
		return tool->attr(s, event);
	case PERF_RECORD_HEADER_EVENT_TYPE:
		return 0;
	case PERF_RECORD_HEADER_TRACING_DATA:
		err = session__process_tracing_data(s, event, nested ? NULL : rd, off);
		if (err)
			return err;
		return tool->tracing_data(s, event);
	case PERF_RECORD_HEADER_BUILD_ID: {
		const struct perf_record_header_build_id *b = &event->build_id;
		struct perf_env *env = &s->header.env;
		struct perf_build_id_entry *n;
		size_t name_max = event->header.size - sizeof(*b);

		n = realloc(env->build_ids, ((size_t)env->nr_build_ids + 1) * sizeof(*n));
		if (!n)
			return -ENOMEM;
		env->build_ids = n;
		n += env->nr_build_ids;
		memset(n, 0, sizeof(*n));
		n->pid = b->pid;
		n->misc = event->header.misc;
		n->size = event->header.misc & (1 << 15) && b->size <= BUILD_ID_SIZE ?
			  b->size : BUILD_ID_SIZE;
		memcpy(n->build_id, b->data, BUILD_ID_SIZE);
		n->filename = strndup(b->filename, name_max);
		if (!n->filename)
			return -ENOMEM;
		env->nr_build_ids++;
		return tool->build_id(s, event);
	}
	case PERF_RECORD_FINISHED_ROUND:
		dump_printf("\n");
		if (s->ordered) {
			err = ordered_events__flush(s->ordered, OE_FLUSH__ROUND);
			if (err)
				return err;
		}
		return tool->finished_round(s, event);
	case PERF_RECORD_ID_INDEX:
		err = session__process_id_index(s, event, off);
		if (err)
			return err;
		if (dump_trace)
			perf_event__fprintf_details(event, NULL, stdout);
		return tool->id_index(s, event);
	case PERF_RECORD_AUXTRACE_INFO:
		return tool->auxtrace_info(s, event);
	case PERF_RECORD_AUXTRACE:
		/* The trace bytes follow the record; only their decoders care. */
		if (dump_trace)
			perf_event__fprintf_details(event, NULL, stdout);
		if (!nested && reader__take(rd, NULL, event->auxtrace.size))
			return session__bad_record(s, off, "the AUX data runs past the end", event);
		return tool->auxtrace(s, event);
	case PERF_RECORD_AUXTRACE_ERROR:
		s->stats.nr_auxtrace_errors++;
		return tool->auxtrace_error(s, event);
	case PERF_RECORD_THREAD_MAP:
		if (dump_trace)
			perf_event__fprintf_details(event, NULL, stdout);
		return tool->thread_map(s, event);
	case PERF_RECORD_CPU_MAP:
		if (dump_trace)
			perf_event__fprintf_details(event, NULL, stdout);
		return tool->cpu_map(s, event);
	case PERF_RECORD_STAT_CONFIG:
		if (dump_trace)
			perf_event__fprintf_details(event, NULL, stdout);
		return tool->stat_config(s, event);
	case PERF_RECORD_STAT:
		if (dump_trace)
			perf_event__fprintf_details(event, NULL, stdout);
		return tool->stat(s, event);
	case PERF_RECORD_STAT_ROUND:
		if (dump_trace)
			perf_event__fprintf_details(event, NULL, stdout);
		return tool->stat_round(s, event);
	case PERF_RECORD_EVENT_UPDATE:
		if (dump_trace)
			perf_event__fprintf_details(event, NULL, stdout);
		err = session__process_event_update(s, event);
		if (err)
			return err;
		return tool->event_update(s, event);
	case PERF_RECORD_TIME_CONV:
		if (dump_trace)
			perf_event__fprintf_details(event, NULL, stdout);
		return tool->time_conv(s, event);
	case PERF_RECORD_HEADER_FEATURE:
		err = perf_header__process_feature(&s->header, event);
		if (err == -ENOMEM)
			return err;
		if (err)
			pr_warning("'%s': feature record at offset %#" PRIx64 " is damaged, ignored\n",
				   perf_data__path(s->data), off);
		if (perf_header__apply_to_evlist(&s->header, s->evlist, false))
			return -ENOMEM;
		return tool->feature(s, event);
	case PERF_RECORD_COMPRESSED:
		if (nested)
			return session__bad_record(s, off, "compressed data inside compressed data",
						   event);
		return session__process_compressed(s, event, off);
	case PERF_RECORD_FINISHED_INIT:
		return tool->finished_init(s, event);
	default:
		s->stats.nr_unknown_events++;
		dump_printf(": unhandled!\n");
		return 0;
	}
}

/*
 * One record, native byte order and 8-byte aligned: count it, and either
 * queue it for ordering or deliver it now.
 */
static int session__process_event(struct perf_session *s, union perf_event *event,
				  uint64_t off, struct reader *rd, bool nested)
{
	unsigned int type = event->header.type;
	struct perf_tool *tool = s->tool;

	if (event->header.size < perf_event__min_size(type))
		return session__bad_record(s, off, "it is shorter than its type requires", event);
	/* The kernel pads its records to u64s: the decoders rely on it. */
	if (type < PERF_RECORD_USER_TYPE_START && event->header.size % sizeof(uint64_t))
		return session__bad_record(s, off, "its size is not a multiple of 8", event);

	if (type >= PERF_RECORD_HEADER_MAX ||
	    (type < PERF_RECORD_USER_TYPE_START && (type == 0 || type >= PERF_RECORD_MAX))) {
		/* From a newer kernel or perf: skipped, and said so at the end. */
		s->stats.nr_unknown_events++;
		if (dump_trace) {
			struct perf_sample sample;

			memset(&sample, 0, sizeof(sample));
			session__dump_event(s, event, off, &sample);
			dump_printf(": unhandled!\n");
		}
		return 0;
	}
	s->stats.nr_events[type]++;
	s->stats.nr_events[0]++;

	if (type >= PERF_RECORD_USER_TYPE_START)
		return session__process_user_event(s, event, off, rd, nested);

	session__finalize_evlist(s);
	if (s->ordered && tool->ordered_events) {
		bool unknown;
		struct evsel *evsel = session__event_evsel(s, event, false, &unknown);
		uint64_t ts;

		if (evsel && !perf_sample__parse_time(&evsel->attr, event, &ts) &&
		    ts && ts != UINT64_MAX)
			return ordered_events__queue(s->ordered, event, ts, off, evsel);
		return session__deliver_event(s, event, off, evsel);
	}
	return session__deliver_event(s, event, off, NULL);
}

/* ---- byte order ---- */

static void session__swap_event(struct perf_session *s, union perf_event *event)
{
	const struct perf_event_attr *attr = NULL;

	if (event->header.type < PERF_RECORD_USER_TYPE_START) {
		bool unknown;
		struct evsel *evsel = session__event_evsel(s, event, true, &unknown);

		attr = evsel ? &evsel->attr : NULL;
	}
	perf_event__bswap(event, attr);
}

/* ---- compressed records ---- */

static int session__process_compressed(struct perf_session *s, union perf_event *event,
				       uint64_t off)
{
	size_t payload = event->header.size - sizeof(event->header);
	size_t want = s->header.env.comp.mmap_len ? s->header.env.comp.mmap_len :
		      DECOMP_DEFAULT_LEN;
	size_t pos = 0;
	ssize_t n;

	if (want > DECOMP_MAX_LEN)
		want = DECOMP_MAX_LEN;
	if (!s->zstd) {
		s->zstd = zstd__new();
		if (!s->zstd) {
			pr_err("'%s': cannot read compressed records: %s\n", perf_data__path(s->data),
			       zstd__decompress(NULL, NULL, 0, NULL, 0) == -EOPNOTSUPP ?
			       "this perf was built without libzstd support" : "out of memory");
			return -EOPNOTSUPP;
		}
	}
	/* What an earlier record left unfinished comes first. */
	if (s->decomp_len + want > s->decomp_alloc) {
		size_t n_alloc = s->decomp_len + want;
		char *p = realloc(s->decomp, n_alloc);

		if (!p)
			return -ENOMEM;
		s->decomp = p;
		s->decomp_alloc = n_alloc;
	}
	n = zstd__decompress(s->zstd, event->pack.data, payload, s->decomp + s->decomp_len,
			     s->decomp_alloc - s->decomp_len);
	if (n < 0)
		return session__bad_record(s, off, n == -ENOSPC ?
					   "it decompresses to more than the recording's buffer size" :
					   "its compressed data is damaged", event);
	s->decomp_len += (size_t)n;

	while (s->decomp_len - pos >= sizeof(struct perf_event_header)) {
		union perf_event *ev = (union perf_event *)(s->decomp + pos);
		struct perf_event_header hdr;
		int err;

		memcpy(&hdr, ev, sizeof(hdr));
		if (s->header.needs_swap)
			perf_event_header__bswap(&hdr);
		if (hdr.size < sizeof(hdr))
			return session__bad_record(s, off, "a record inside it has an invalid size",
						   event);
		if (hdr.size > s->decomp_len - pos)
			break;
		if ((uintptr_t)ev & 7) {
			memcpy(s->scratch, ev, hdr.size);
			ev = s->scratch;
		}
		if (s->header.needs_swap) {
			ev->header = hdr;
			session__swap_event(s, ev);
		}
		err = session__process_event(s, ev, off, NULL, true);
		if (err)
			return err;
		pos += hdr.size;
		if (s->done)
			break;
	}
	memmove(s->decomp, s->decomp + pos, s->decomp_len - pos);
	s->decomp_len -= pos;
	return 0;
}

/* ---- the reader ---- */

/**
 * struct reader - buffered input of one data section or pipe
 * @pos:  input offset of buf[0]
 * @end:  input offset where records stop (UINT64_MAX: end of input)
 * @base: subtracted from input offsets for display (the pipe header)
 */
struct reader {
	int fd;
	bool pipe;
	bool eof;
	char *buf;
	size_t head, len, cap;
	uint64_t pos, end, base;
	/*
	 * Where what perf record's header vouches for ends, when -f reads
	 * past it (0: it does not): beyond it, a record that does not parse
	 * is where a killed or full-disk writer stopped, not damage.
	 */
	uint64_t vouched_end;
};

static int reader__fill(struct reader *rd)
{
	uint64_t at = rd->pos + rd->len;
	size_t room, want;
	ssize_t n;

	if (rd->head) {
		memmove(rd->buf, rd->buf + rd->head, rd->len - rd->head);
		rd->pos += rd->head;
		rd->len -= rd->head;
		rd->head = 0;
		at = rd->pos + rd->len;
	}
	room = rd->cap - rd->len;
	want = room;
	if (rd->end != UINT64_MAX && rd->end - at < want)
		want = (size_t)(rd->end - at);
	if (!want) {
		rd->eof = true;
		return 0;
	}
	for (;;) {
		n = rd->pipe ? read(rd->fd, rd->buf + rd->len, want) :
			       pread(rd->fd, rd->buf + rd->len, want, (off_t)at);
		if (n < 0 && errno == EINTR)
			continue;
		break;
	}
	if (n < 0)
		return -errno;
	if (n == 0)
		rd->eof = true;
	rd->len += (size_t)n;
	return 0;
}

/* Make @n bytes available at head. 1 when the input ends first. */
static int reader__need(struct reader *rd, size_t n)
{
	while (rd->len - rd->head < n) {
		int err;

		if (rd->eof)
			return 1;
		err = reader__fill(rd);
		if (err)
			return err;
	}
	return 0;
}

/* Consume @n bytes (into @dst if not NULL), however many reads it takes. */
static int reader__take(struct reader *rd, void *dst, uint64_t n)
{
	char *p = dst;

	while (n) {
		size_t have = rd->len - rd->head, chunk;

		if (!have) {
			int err;

			if (rd->eof)
				return -EIO;
			/* Skipping in a file needs no read at all. */
			if (!dst && !rd->pipe) {
				uint64_t left = rd->end == UINT64_MAX ? n : rd->end - (rd->pos + rd->len);

				if (left < n)
					return -EIO;
				rd->pos += rd->len + n;
				rd->head = rd->len = 0;
				return 0;
			}
			err = reader__fill(rd);
			if (err)
				return err;
			continue;
		}
		chunk = have < n ? have : (size_t)n;
		if (p) {
			memcpy(p, rd->buf + rd->head, chunk);
			p += chunk;
		}
		rd->head += chunk;
		n -= chunk;
	}
	return 0;
}

static int session__read_loop(struct perf_session *s, struct reader *rd, bool truncate_ok)
{
	const char *path = s->cur_path ? s->cur_path : perf_data__path(s->data);
	int err = 0;

	while (!s->done) {
		struct perf_event_header hdr;
		union perf_event *event;
		uint64_t off;

		err = reader__need(rd, sizeof(hdr));
		if (err < 0)
			break;
		off = rd->pos + rd->head - rd->base;
		if (err) {
			size_t left = rd->len - rd->head;

			err = 0;
			if (left && !truncate_ok) {
				pr_err("'%s': truncated record at offset %#" PRIx64
				       ": %zu bytes left, less than a record header\n", path, off, left);
				err = -EINVAL;
			} else if (left) {
				pr_debug("'%s': %zu bytes of an incomplete record at offset %#" PRIx64
					 " ignored\n", path, left, off);
			}
			break;
		}
		memcpy(&hdr, rd->buf + rd->head, sizeof(hdr));
		if (s->header.needs_swap)
			perf_event_header__bswap(&hdr);
		if (hdr.size < sizeof(hdr) && rd->vouched_end && off >= rd->vouched_end) {
			pr_debug("'%s': the data ends at offset %#" PRIx64 "\n", path, off);
			break;
		}
		if (hdr.size < sizeof(hdr)) {
			pr_err("'%s': damaged record at offset %#" PRIx64
			       ": size %u is smaller than a record header\n", path, off, hdr.size);
			err = -EINVAL;
			break;
		}
		err = reader__need(rd, hdr.size);
		if (err < 0)
			break;
		if (err) {
			err = 0;
			if (!truncate_ok) {
				pr_err("'%s': truncated record at offset %#" PRIx64
				       ": size %u, only %zu bytes left\n", path, off, hdr.size,
				       rd->len - rd->head);
				err = -EINVAL;
			} else {
				pr_debug("'%s': incomplete record at offset %#" PRIx64 " ignored\n",
					 path, off);
			}
			break;
		}
		event = (union perf_event *)(rd->buf + rd->head);
		if ((uintptr_t)event & 7) {
			memcpy(s->scratch, event, hdr.size);
			event = s->scratch;
		}
		if (s->header.needs_swap) {
			event->header = hdr;
			session__swap_event(s, event);
		}
		rd->head += hdr.size;
		err = session__process_event(s, event, off, rd, false);
		if (err)
			break;
	}
	return err;
}

static void session__warn_about_errors(struct perf_session *s)
{
	const struct events_stats *st = &s->stats;

	if (st->nr_events[PERF_RECORD_LOST] && s->tool->lost == perf_tool__noop)
		pr_warning("Warning:\nProcessed %" PRIu64 " events and lost %" PRIu64 " chunks!\n\n"
			   "Check IO/CPU overload!\n\n",
			   st->nr_events[0], st->nr_events[PERF_RECORD_LOST]);
	if (st->total_lost_samples && s->tool->lost_samples == perf_tool__noop) {
		double rate = (double)st->total_lost_samples /
			      (double)(st->nr_events[PERF_RECORD_SAMPLE] + st->total_lost_samples);

		if (rate > 0.05)
			pr_warning("Warning:\nProcessed %" PRIu64 " samples and lost %3.2f%%!\n\n",
				   st->nr_events[PERF_RECORD_SAMPLE] + st->total_lost_samples,
				   rate * 100.0);
	}
	if (st->total_aux_lost && s->tool->aux == perf_tool__noop)
		pr_warning("Warning:\nAUX data lost %" PRIu64 " times out of %" PRIu64 "!\n\n",
			   st->total_aux_lost, st->nr_events[PERF_RECORD_AUX]);
	if (st->nr_unknown_events)
		pr_warning("Warning:\nFound %" PRIu64 " unknown events!\n\n"
			   "Is this an older tool processing a perf.data file generated by a more recent tool?\n\n"
			   "If that is not the case, consider reporting to linux-kernel@vger.kernel.org.\n\n",
			   st->nr_unknown_events);
	if (st->nr_unknown_id)
		pr_warning("Warning:\n%" PRIu64 " samples with id not present in the header\n",
			   st->nr_unknown_id);
	if (st->nr_invalid_chains)
		pr_warning("Warning:\nFound invalid callchains!\n\n"
			   "%" PRIu64 " out of %" PRIu64 " events were discarded for this reason.\n\n"
			   "Consider reporting to linux-kernel@vger.kernel.org.\n\n",
			   st->nr_invalid_chains, st->nr_events[PERF_RECORD_SAMPLE]);
	if (st->nr_unordered_events)
		pr_warning("Warning:\n%" PRIu64 " out of order events recorded.\n",
			   st->nr_unordered_events);
	if (st->nr_forced_flushes)
		pr_warning("Warning:\nthe ordering queue reached its memory limit %" PRIu64
			   " times: events around those points may be out of order\n",
			   st->nr_forced_flushes);
}

static bool header__has_features(const struct perf_header *h)
{
	size_t i;

	for (i = 0; i < sizeof(h->adds_features) / sizeof(h->adds_features[0]); i++)
		if (h->adds_features[i])
			return true;
	return false;
}

int perf_session__process_events(struct perf_session *s)
{
	struct perf_header *h = &s->header;
	struct reader rd = { .fd = s->data->fd, .end = UINT64_MAX };
	bool truncate_ok = false;
	int err, i;

	if (!s->tool) {
		static struct perf_tool none;

		s->tool = &none;
	}
	perf_tool__fill_defaults(s->tool);
	if (s->ordered)
		s->ordered->nr_unordered = 0;

	if (h->unfinished) {
		/*
		 * perf record was killed before writing the data size: with
		 * -f, every complete record up to the end of the file is data.
		 */
		if (!s->data->force)
			return -ENODATA;
		rd.pos = h->data_offset;
		rd.end = h->file_size;
		truncate_ok = true;
	} else if (h->is_pipe) {
		/* A stream whose writer died ends mid-record: -f takes what came. */
		truncate_ok = s->data->force;
		rd.pipe = s->data->is_pipe && !h->file_size;
		rd.pos = rd.base = h->file_size ? sizeof(struct perf_pipe_file_header) : 0;
		if (rd.pipe)
			rd.pos = rd.base = 0;
	} else {
		rd.pos = h->data_offset;
		rd.end = h->data_offset + h->data_size;
		/*
		 * A header checkpoint of a perf record that was killed: the
		 * data size is that of the last checkpoint and no feature
		 * follows the data (a finished file always has some). With
		 * -f the records written after the checkpoint count too.
		 */
		if (s->data->force && !header__has_features(h) && h->file_size > rd.end) {
			rd.vouched_end = rd.end;
			rd.end = h->file_size;
			truncate_ok = true;
		}
	}

	if (!s->scratch)
		s->scratch = malloc(MAX_RECORD_SIZE);
	if (!s->scratch)
		return -ENOMEM;
	/*
	 * Large reads into one buffer: mmap would save the copy, but costs
	 * more in page faults (measured: 84 MB file, 2x slower in a VM; 40 MB
	 * with MAP_POPULATE 3-5x slower) and turns a file truncated under us
	 * into SIGBUS.
	 */
	rd.cap = READ_BUF_SIZE;
	rd.buf = malloc(rd.cap);
	if (!rd.buf)
		return -ENOMEM;

	if (s->data->is_dir && !s->dir_main_path &&
	    asprintf(&s->dir_main_path, "%s/data", perf_data__path(s->data)) < 0)
		s->dir_main_path = NULL;
	s->cur_path = s->dir_main_path;
	err = session__read_loop(s, &rd, truncate_ok);
	/*
	 * perf record --threads: the other writers' files hold records
	 * only, from their first byte; the queue puts them in time order.
	 */
	for (i = 0; !err && !s->done && i < s->data->nr_files; i++) {
		struct perf_data_file *f = &s->data->files[i];

		s->cur_path = f->path;
		if (s->ordered)
			s->ordered->cur_file = i + 1;
		rd.fd = f->fd;
		rd.pos = rd.base = 0;
		rd.end = f->size;
		rd.head = rd.len = 0;
		rd.eof = false;
		rd.pipe = false;
		err = session__read_loop(s, &rd, truncate_ok);
	}
	s->cur_path = s->dir_main_path;
	if (s->ordered)
		s->ordered->cur_file = 0;
	if (!err)
		session__finalize_evlist(s);
	if (!err && s->ordered)
		err = ordered_events__flush(s->ordered, OE_FLUSH__FINAL);
	if (s->ordered) {
		s->stats.nr_unordered_events = s->ordered->nr_unordered;
		s->stats.nr_forced_flushes = s->ordered->nr_forced;
	}
	if (!err && s->decomp_len)
		pr_debug("'%s': %zu bytes of an incomplete compressed record ignored\n",
			 perf_data__path(s->data), s->decomp_len);
	free(rd.buf);
	session__warn_about_errors(s);
	return err;
}

/* ---- --stats ---- */

static void events_stats__fprintf(const uint64_t *nr, FILE *fp, bool skip_empty)
{
	uint64_t total = nr[0];
	int i;

	for (i = 0; i < PERF_RECORD_HEADER_MAX; i++) {
		const char *name = perf_event__name((unsigned int)i);

		if (!strcmp(name, "UNKNOWN"))
			continue;
		if (skip_empty && !nr[i])
			continue;
		if (i && total)
			fprintf(fp, "%16s events: %10d  (%4.1f%%)\n", name, (int)nr[i],
				100.0 * (double)nr[i] / (double)total);
		else
			fprintf(fp, "%16s events: %10d\n", name, (int)nr[i]);
	}
}

void perf_session__fprintf_nr_events(struct perf_session *s, FILE *fp, bool skip_empty)
{
	struct evsel *evsel;

	fprintf(fp, "\nAggregated stats:%s\n",
		perf_header__feat_test(s->header.adds_features, HEADER_AUXTRACE) ?
		" (excludes AUX area (e.g. instruction trace) decoded / synthesized events)" : "");
	events_stats__fprintf(s->stats.nr_events, fp, skip_empty);

	evlist__for_each_entry(s->evlist, evsel) {
		struct evsel_stats *st = perf_session__evsel_stats(s, evsel);

		if (skip_empty && !st->nr_samples)
			continue;
		fprintf(fp, "%s stats:\n", evsel__name(evsel));
		if (st->nr_samples)
			fprintf(fp, "%16s events: %10d\n", "SAMPLE", (int)st->nr_samples);
		if (st->nr_lost_samples)
			fprintf(fp, "%16s events: %10d\n", "LOST_SAMPLES", (int)st->nr_lost_samples);
	}
}
