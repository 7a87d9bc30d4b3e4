// SPDX-License-Identifier: GPL-2.0
/*
 * perf record: sample a command, processes or the whole system into
 * perf.data. Events are opened per CPU (or per thread with --per-thread),
 * their ring buffers drained in a poll loop into the data section, and
 * the header with the machine's description written at the end. With
 * --switch-output the output is cut into several complete files.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "builtin.h"
#include "util/control.h"
#include "util/config.h"
#include "util/cpumap.h"
#include "util/data.h"
#include "util/debug.h"
#include "util/evlist.h"
#include "util/evsel.h"
#include "util/header.h"
#include "util/machine.h"
#include "util/mmap.h"
#include "util/parse-events.h"
#include "util/parse-options.h"
#include "util/perf_regs.h"
#include "util/record.h"
#include "util/record-file.h"
#include "util/record-options.h"
#include "util/record-output.h"
#include "util/synthetic-events.h"
#include "util/thread_map.h"
#include "util/util.h"
#include "util/xyarray.h"
#include "util/zalloc.h"
#include "build-options.h"

/* Default ring buffer: 512 KiB of data pages per CPU, as the reference. */
#define DEFAULT_MMAP_PAGES 128

/**
 * struct record - the state of one perf record run
 * @out:        the data section writer of the current file
 * @mmaps:      forward rings, one per CPU (or thread); @ovw_mmaps the
 *              overwrite rings at the same indexes (unmapped when unused)
 * @pollfd:     the rings' fds (overwrite ones only for POLLHUP), then the
 *              control fd when there is one
 * @wakeups:    poll wakeups since the last file switch
 * @files:      --switch-max-files: the names of the kept files, a ring
 * @t0:         when the workload (or the recording) started, for -D
 * @range:      the next -D range edge: 2*i is range i's start, 2*i+1 its end
 */
struct record {
	struct record_opts opts;
	struct evlist *evlist;
	struct perf_data data;
	struct perf_header header;
	struct record_output out;
	struct perf_mmap *mmaps, *ovw_mmaps;
	int nr_mmaps;
	struct pollfd *pollfd;
	int nr_pollfd;
	struct perf_control ctl;
	struct switch_output so;
	char **files;
	int cur_file;
	const char *freq_str;
	const char *accepted_str;
	const char *switch_output_str;
	bool no_buildid, no_buildid_set;
	bool no_buildid_cache, no_buildid_cache_set;
	bool quiet;
	bool per_thread;
	bool no_bpf_event;
	bool dry_run;
	bool timestamp_filename;
	bool renamed;
	bool group;
	bool timestamp_boundary;
	bool session_warned;	/* the build-id pass printed the lost-event warnings */
	int verbose;
	int realtime;
	uint64_t max_size;
	uint64_t lost_samples;
	int wakeups;
	time_t next_checkpoint;	/* next header update, CLOCK_MONOTONIC s */
	struct timespec t0;
	int range;
};

/* Set from signal handlers: the only mutable file-scope state. */
static volatile sig_atomic_t done;
static volatile sig_atomic_t child_finished;
static volatile sig_atomic_t signr = -1;
static volatile sig_atomic_t switch_pending;
/* Whether SIGUSR2 (signal mode) or SIGALRM (time mode) cut the output. */
static volatile sig_atomic_t switch_on_usr2, switch_on_alarm;

static void sig_handler(int sig)
{
	if (sig == SIGCHLD)
		child_finished = 1;
	else
		signr = sig;
	done = 1;
}

static void switch_handler(int sig)
{
	if ((sig == SIGUSR2 && switch_on_usr2) || (sig == SIGALRM && switch_on_alarm))
		switch_pending = 1;
}

/* ---- writing ---- */

static int record__write_event(void *ctx, const union perf_event *event)
{
	struct record *rec = ctx;

	return record_output__event(&rec->out, event);
}

/*
 * Every second of writing, make the file's header describe the data
 * written so far. A run killed with SIGKILL, or a machine that crashes,
 * then leaves a file whose complete records are all readable (without
 * the features that only the end of the run writes); the reference's
 * file would claim an empty data section.
 */
static void record__checkpoint(struct record *rec)
{
	uint64_t saved[HEADER_FEAT_BITS / 64];
	struct timespec now;

	if (rec->data.is_pipe)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec < rec->next_checkpoint)
		return;
	rec->next_checkpoint = now.tv_sec + 1;
	/* What is staged counts once it is on disk. */
	if (record_output__flush(&rec->out))
		return;
	memcpy(saved, rec->header.adds_features, sizeof(saved));
	memset(rec->header.adds_features, 0, sizeof(saved));
	rec->header.data_size = rec->out.bytes_written;
	if (perf_header__write(&rec->header, rec->evlist, rec->data.fd, false))
		pr_debug("checkpoint of the perf.data header failed\n");
	memcpy(rec->header.adds_features, saved, sizeof(saved));
}

/*
 * --switch-max-files: @name is the newest file; the oldest beyond the
 * limit is removed. Takes @name.
 */
static void record__keep_file(struct record *rec, char *name)
{
	int n = rec->so.max_files;

	if (!n || !rec->files) {
		free(name);
		return;
	}
	rec->cur_file = (rec->cur_file + 1) % n;
	if (rec->files[rec->cur_file]) {
		remove(rec->files[rec->cur_file]);
		free(rec->files[rec->cur_file]);
	}
	rec->files[rec->cur_file] = name;
}

/*
 * --timestamp-filename: the finished file becomes NAME.YYYYMMDDhhmmsscc
 * (hundredths of a second), announced with a "Dump" line as the reference.
 */
static void record__rename_timestamp(struct record *rec)
{
	const char *path = perf_data__path(&rec->data);
	char *newname = record_file__timestamp_name(path);

	if (!newname)
		return;
	if (rename(path, newname) == 0) {
		if (!rec->quiet)
			fprintf(stderr, "[ perf record: Dump %s ]\n", newname);
		rec->renamed = true;
		record__keep_file(rec, newname);
		return;
	}
	pr_err("failed to rename %s to %s: %s\n", path, newname, strerror(errno));
	free(newname);
}

/* ---- ring buffers ---- */

static int record__mmap(struct record *rec)
{
	struct evsel *evsel, *first = evlist__first(rec->evlist);
	unsigned int pages = rec->opts.mmap_pages ? rec->opts.mmap_pages : DEFAULT_MMAP_PAGES;
	int ncpus = xyarray__max_x(first->fd), nthreads = xyarray__max_y(first->fd);
	bool per_cpu = !perf_cpu_map__has_any_cpu(first->cpus);
	int nr = per_cpu ? ncpus : nthreads, c, t, i, err;

	rec->mmaps = calloc((size_t)nr, sizeof(*rec->mmaps));
	rec->ovw_mmaps = calloc((size_t)nr, sizeof(*rec->ovw_mmaps));
	/* Room for both kinds of ring per index, and the control fd. */
	rec->pollfd = calloc((size_t)nr * 2 + 1, sizeof(*rec->pollfd));
	if (!rec->mmaps || !rec->ovw_mmaps || !rec->pollfd)
		return -ENOMEM;
	rec->nr_mmaps = nr;

	/*
	 * One ring per CPU (per thread with --per-thread) and direction:
	 * the first fd on it owns the buffer, all the others are redirected
	 * into it (the kernel only joins rings of the same direction).
	 */
	for (c = 0; c < ncpus; c++) {
		for (t = 0; t < nthreads; t++) {
			int idx = per_cpu ? c : t;

			evlist__for_each_entry(rec->evlist, evsel) {
				int fd = evsel__fd(evsel, c, t);
				bool ovw = evsel->attr.write_backward;
				struct perf_mmap *map = ovw ? &rec->ovw_mmaps[idx] : &rec->mmaps[idx];

				if (fd < 0)
					continue;
				if (!map->base) {
					err = perf_mmap__mmap(map, fd,
							      per_cpu ? perf_cpu_map__cpu(first->cpus, c).cpu : -1,
							      pages, ovw);
					if (err)
						return err;
					continue;
				}
				if (ioctl(fd, PERF_EVENT_IOC_SET_OUTPUT, map->fd) < 0)
					return -errno;
			}
		}
	}
	/* Overwrite rings are read at the end only: polled for POLLHUP alone. */
	for (i = 0; i < nr; i++) {
		struct perf_mmap *maps[2] = { &rec->mmaps[i], &rec->ovw_mmaps[i] };
		int k;

		for (k = 0; k < 2; k++) {
			if (!maps[k]->base)
				continue;
			rec->pollfd[rec->nr_pollfd].fd = maps[k]->fd;
			rec->pollfd[rec->nr_pollfd].events = k ? 0 : POLLIN;
			rec->nr_pollfd++;
		}
	}
	return 0;
}

static void record__munmap(struct record *rec)
{
	int i;

	for (i = 0; i < rec->nr_mmaps; i++) {
		perf_mmap__munmap(&rec->mmaps[i]);
		perf_mmap__munmap(&rec->ovw_mmaps[i]);
	}
	zfree(&rec->mmaps);
	zfree(&rec->ovw_mmaps);
	zfree(&rec->pollfd);
	rec->nr_mmaps = 0;
}

/*
 * Drain the forward rings (and with @ovw, the overwrite rings, held
 * still while they are read) and end the round. *@wrote tells whether
 * anything came.
 */
static int record__mmap_read_all(struct record *rec, bool ovw, bool *wrote)
{
	uint64_t before = record_output__size(&rec->out);
	int i, err;

	for (i = 0; i < rec->nr_mmaps; i++) {
		err = record_output__drain(&rec->out, &rec->mmaps[i]);
		if (err)
			return err;
	}
	for (i = 0; ovw && i < rec->nr_mmaps; i++) {
		struct perf_mmap *map = &rec->ovw_mmaps[i];

		if (!map->base)
			continue;
		perf_mmap__pause(map, true);
		err = record_output__drain(&rec->out, map);
		perf_mmap__pause(map, false);
		if (err)
			return err;
	}
	*wrote = record_output__size(&rec->out) != before;
	/* Nothing is reordered across a round: readers may sort up to here. */
	return record_output__round(&rec->out);
}

/* The kernel's id for every fd, for the attr section and sample lookup. */
static int record__read_ids(struct record *rec)
{
	struct evsel *evsel;

	evlist__for_each_entry(rec->evlist, evsel) {
		int ncpus = xyarray__max_x(evsel->fd), nthreads = xyarray__max_y(evsel->fd);
		int c, t;

		evsel->id = calloc((size_t)(ncpus * nthreads), sizeof(uint64_t));
		if (!evsel->id)
			return -ENOMEM;
		evsel->ids = 0;
		for (c = 0; c < ncpus; c++) {
			for (t = 0; t < nthreads; t++) {
				int fd = evsel__fd(evsel, c, t);
				uint64_t id;

				if (fd < 0)
					continue;
				if (ioctl(fd, PERF_EVENT_IOC_ID, &id) < 0)
					return -errno;
				evsel->id[evsel->ids++] = id;
			}
		}
	}
	return 0;
}

/*
 * The samples the kernel dropped for want of ring space, per fd, as the
 * reference records them: a LOST_SAMPLES record with the fd's id.
 */
static int record__write_lost_samples(struct record *rec)
{
	struct synth_ctx s;
	struct evsel *evsel;
	int err = 0;

	synth_ctx__init(&s, rec->evlist, record__write_event, rec);
	evlist__for_each_entry(rec->evlist, evsel) {
		int ncpus = xyarray__max_x(evsel->fd), nthreads = xyarray__max_y(evsel->fd);
		int c, t, k = 0;

		for (c = 0; c < ncpus && !err; c++) {
			for (t = 0; t < nthreads && !err; t++) {
				uint64_t lost;

				if (evsel__fd(evsel, c, t) < 0)
					continue;
				k++;
				if (record__read_lost(evsel, c, t, &lost) || !lost)
					continue;
				rec->lost_samples += lost;
				err = perf_event__synthesize_lost_samples(&s, evsel->attr.sample_type,
									  evsel->id[k - 1], lost);
			}
		}
	}
	return err ? err : record_output__round(&rec->out);
}

/* ---- opening ---- */

static int record__open(struct record *rec)
{
	struct evsel *evsel;
	char msg[4096];
	int err;

	evlist__for_each_entry(rec->evlist, evsel) {
		for (;;) {
			err = evsel__open(evsel, evsel->cpus, evsel->threads);
			if (!err)
				break;
			if (evsel__fallback(evsel, -err, msg, sizeof(msg))) {
				if (verbose > 0)
					pr_warning("%s\n", msg);
				continue;
			}
			if (evsel__detect_missing_features(evsel, -err))
				continue;
			evsel__open_strerror(evsel, &rec->opts.target, -err, msg, sizeof(msg));
			pr_err("Error:\n%s\n", msg);
			return err;
		}
	}
	/* --filter and --exclude-perf, on tracepoints. */
	evlist__for_each_entry(rec->evlist, evsel) {
		if (!evsel->filter)
			continue;
		err = evsel__apply_filter(evsel, evsel->filter);
		if (err) {
			pr_err("failed to set filter \"%s\" on event %s with %d (%s)\n",
			       evsel->filter, evsel__name(evsel), -err, strerror(-err));
			return err;
		}
	}
	return 0;
}

/* ---- the header ---- */

/*
 * Pipe mode: the record's size field covers only itself; the tracing data
 * (often over 64 KiB) follows it, padded to 8, and readers skip by it.
 */
static int record__write_tracing_data(struct record *rec)
{
	struct perf_env *env = &rec->header.env;
	struct perf_record_header_tracing_data ev = {
		.header = {
			.type = PERF_RECORD_HEADER_TRACING_DATA,
			.size = sizeof(ev),
		},
	};
	static const char pad[8];
	size_t padded = (env->tracing_data_size + 7) & ~(size_t)7;
	int err;

	ev.size = (uint32_t)padded;
	err = record_output__write(&rec->out, &ev, sizeof(ev));
	if (!err)
		err = record_output__write(&rec->out, env->tracing_data, env->tracing_data_size);
	if (!err && padded > env->tracing_data_size)
		err = record_output__write(&rec->out, pad, padded - env->tracing_data_size);
	return err;
}

/* ---- the run ---- */

/*
 * What a reader needs before the samples: the id index, the kernel and
 * module maps, the thread and cpu maps, and the tasks that already run.
 * For a later file of --switch-output (@first false), the workload has
 * exec'd: it and its children are described from /proc (the reference
 * describes the workload process alone).
 */
static int record__synthesize(struct record *rec, bool first_file)
{
	struct synth_ctx s;
	struct evsel *first = evlist__first(rec->evlist);
	pid_t workload = rec->evlist->workload.pid;
	int err;

	synth_ctx__init(&s, rec->evlist, record__write_event, rec);
	s.mmap_data = rec->opts.sample_address;
	if (!rec->data.is_pipe) {
		err = perf_event__synthesize_id_index(&s, rec->evlist);
		if (err)
			return err;
	}
	err = perf_event__synthesize_kernel_mmap(&s);
	if (!err)
		err = perf_event__synthesize_modules(&s);
	if (!err)
		err = perf_event__synthesize_thread_map(&s, first->threads);
	if (!err && !perf_cpu_map__has_any_cpu(first->cpus))
		err = perf_event__synthesize_cpu_map(&s, first->cpus);
	if (!err && workload > 0 && first_file)
		err = perf_event__synthesize_comm(&s, workload, workload, "perf-exec");
	if (!err && workload > 0 && !first_file && !target__has_task(&rec->opts.target) &&
	    !target__has_cpu(&rec->opts.target))
		err = perf_event__synthesize_process_tree(&s, workload);
	if (!err && (target__has_task(&rec->opts.target) || rec->opts.target.system_wide))
		err = perf_event__synthesize_threads(&s, first->threads,
						     target__has_cpu(&rec->opts.target) &&
						     !target__has_task(&rec->opts.target));
	if (!err)
		err = perf_event__synthesize_finished_init(&s);
	if (!err)
		err = record_output__round(&rec->out);
	if (!err)
		err = record_output__flush(&rec->out);
	return err;
}

/* Open the output, write its (provisional) header and the side-band. */
static int record__start_file(struct record *rec, bool first_file)
{
	char msg[512];
	int err;

	rec->data.mode = PERF_DATA_MODE_WRITE;
	err = perf_data__open(&rec->data, msg, sizeof(msg));
	if (err) {
		pr_err("%s\n", msg);
		return err;
	}
	record_output__reset(&rec->out, rec->data.fd);
	rec->header.data_size = 0;
	if (rec->data.is_pipe) {
		err = perf_header__write_pipe(rec->data.fd);
		if (!err)
			err = perf_header__synthesize_pipe(&rec->header, rec->evlist,
							   record__write_event, rec);
		if (!err && rec->header.env.tracing_data)
			err = record__write_tracing_data(rec);
		if (!err)
			err = record_output__flush(&rec->out);
		rec->out.bytes_written = 0;
		rec->out.nr_events = 0;
	} else {
		err = perf_header__write(&rec->header, rec->evlist, rec->data.fd, false);
		if (!err && lseek(rec->data.fd, (off_t)rec->header.data_offset, SEEK_SET) < 0)
			err = -errno;
	}
	if (!err)
		err = record__synthesize(rec, first_file);
	if (err)
		pr_err("failed to write perf data: %s\n", strerror(-err));
	return err;
}

/*
 * Complete the current file: the header, now that sizes and sample times
 * are known, and the build-ids. Returns 0, or -errno when even the
 * header could not be written.
 */
static int record__finish_file(struct record *rec)
{
	struct perf_header *h = &rec->header;
	int err;

	err = record_output__flush(&rec->out);
	if (rec->data.is_pipe)
		return err;
	h->data_size = rec->out.bytes_written;
	h->env.first_sample_time = rec->out.first_time;
	h->env.last_sample_time = rec->out.last_time;
	if (rec->out.zstd && rec->out.bytes_zout)
		h->env.comp.ratio = (uint32_t)((rec->out.bytes_raw + rec->out.bytes_zout / 2) /
					       rec->out.bytes_zout);
	if (!err)
		err = perf_header__write(h, rec->evlist, rec->data.fd, true);
	if (err) {
		/* No room for the features (a full disk): the header alone still reads. */
		uint64_t saved[HEADER_FEAT_BITS / 64];

		memcpy(saved, h->adds_features, sizeof(saved));
		memset(h->adds_features, 0, sizeof(h->adds_features));
		if (!perf_header__write(h, rec->evlist, rec->data.fd, false))
			pr_err("perf.data header written without its features (%s); "
			       "the %" PRIu64 " bytes of complete records stay readable\n",
			       strerror(-err), rec->out.bytes_written);
		else
			pr_err("failed to write the perf.data header: %s\n", strerror(-err));
		memcpy(h->adds_features, saved, sizeof(saved));
		return err;
	}
	/* Best effort: a file without build-ids is still a good file. */
	if (!rec->no_buildid && rec->out.samples) {
		rec->session_warned = true;	/* its reader reports lost events */
		if (record_file__write_build_ids(h, rec->evlist, rec->data.fd,
						 perf_data__path(&rec->data), !rec->no_buildid_cache))
			pr_debug("could not add build-ids to %s\n", perf_data__path(&rec->data));
	}
	build_id_entries__free(h->build_ids, h->nr_build_ids);
	h->build_ids = NULL;
	h->nr_build_ids = 0;
	h->adds_features[0] &= ~(1ULL << HEADER_BUILD_ID);
	return 0;
}

/*
 * --switch-output: complete the current file, rename it with a timestamp,
 * and start a new perf.data with everything a reader needs up front.
 */
static int record__switch_output(struct record *rec)
{
	bool wrote;
	int err;

	/* The flight recorder's content goes into the file it belongs to. */
	err = record__mmap_read_all(rec, true, &wrote);
	if (err)
		return err;
	if (!rec->quiet)
		fprintf(stderr, "[ perf record: dump data: Woken up %d times ]\n", rec->wakeups);
	rec->wakeups = 0;
	err = record__finish_file(rec);
	perf_data__close(&rec->data);
	if (err)
		return err;
	record__rename_timestamp(rec);
	err = record__start_file(rec, false);
	rec->next_checkpoint = 0;
	if (rec->so.time)
		alarm((unsigned int)rec->so.time);
	return err;
}

/* ---- enabling: -D and --control ---- */

static bool evsel__is_tracking_dummy(const struct evsel *evsel)
{
	return evsel__match(evsel, PERF_TYPE_SOFTWARE, PERF_COUNT_SW_DUMMY) &&
	       evsel->attr.mmap;
}

/*
 * Turn the events on or off; the side-band dummy stays on, so the
 * mmaps of what runs meanwhile are still known. @name: only that event.
 */
static void record__set_enabled(struct record *rec, bool on, const char *name)
{
	struct evsel *evsel;

	if (name && *name) {
		evsel = evlist__find_evsel_by_str(rec->evlist, name);
		if (!evsel) {
			pr_info("failed: can't find '%s' event\n", name);
			return;
		}
		on ? evsel__enable(evsel) : evsel__disable(evsel);
		pr_info("Event %s %s\n", name, on ? "enabled" : "disabled");
		return;
	}
	evlist__for_each_entry(rec->evlist, evsel) {
		if (evsel__is_group_leader(evsel) && !evsel__is_tracking_dummy(evsel))
			on ? evsel__enable(evsel) : evsel__disable(evsel);
	}
	pr_info("Events %s\n", on ? "enabled" : "disabled");
}

/* Milliseconds since @rec->t0. */
static long record__elapsed_ms(struct record *rec)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - rec->t0.tv_sec) * 1000 + (now.tv_nsec - rec->t0.tv_nsec) / 1000000;
}

/*
 * -D: act on the delay or range edges that are due; returns how many ms
 * until the next one (-1: none left). After the last range, stop.
 */
static int record__delay_tick(struct record *rec)
{
	struct record_opts *o = &rec->opts;
	long now = record__elapsed_ms(rec), edge;

	if (o->initial_delay > 0) {
		if (now < o->initial_delay)
			return (int)(o->initial_delay - now);
		o->initial_delay = 0;
		record__set_enabled(rec, true, NULL);
		return -1;
	}
	while (rec->range < 2 * o->nr_ranges) {
		const struct record_range *r = &o->ranges[rec->range / 2];

		edge = rec->range % 2 ? r->end : r->start;
		if (now < edge)
			return (int)(edge - now);
		record__set_enabled(rec, !(rec->range % 2), NULL);
		if (++rec->range == 2 * o->nr_ranges)
			done = 1;
	}
	return -1;
}

/* "name: type: 1, size: 128, ...", as perf evlist -v prints an event. */
static int record__attr_field(FILE *fp, const char *name, const char *val, void *priv)
{
	bool *first = priv;

	fprintf(fp, "%s %s: %s", *first ? ":" : ",", name, val);
	*first = false;
	return 0;
}

/* --control evlist [-v|-g|-F]: the events, on stderr as the reference. */
static void record__print_evlist(struct record *rec, const char *arg)
{
	struct evsel *evsel;

	evlist__for_each_entry(rec->evlist, evsel) {
		if (!strcmp(arg, "-v")) {
			bool first = true;

			fprintf(stderr, "%s", evsel__name(evsel));
			perf_event_attr__fprintf_cb(stderr, &evsel->attr, record__attr_field, &first);
			fputc('\n', stderr);
		} else if (!strcmp(arg, "-F")) {
			fprintf(stderr, "%s: %s=%llu\n", evsel__name(evsel),
				evsel->attr.freq ? "sample_freq" : "sample_period",
				(unsigned long long)evsel->attr.sample_period);
		} else if (!strcmp(arg, "-g") && evsel__is_group_leader(evsel) &&
			   evsel->nr_members > 1) {
			struct evsel *pos;
			bool first = true;

			fprintf(stderr, "%s{", evsel->group_name ? evsel->group_name : "");
			evlist__for_each_entry(rec->evlist, pos) {
				if (pos->leader != evsel)
					continue;
				fprintf(stderr, "%s%s", first ? "" : ",", evsel__name(pos));
				first = false;
			}
			fprintf(stderr, "}\n");
		} else if (strcmp(arg, "-g") || evsel->nr_members <= 1) {
			fprintf(stderr, "%s\n", evsel__name(evsel));
		}
	}
}

static void record__control(struct record *rec)
{
	char arg[256];
	enum perf_control_cmd cmd;

	if (perf_control__fill(&rec->ctl) == -EPIPE)
		rec->pollfd[rec->nr_pollfd].fd = -1;	/* the writer is gone */
	while ((cmd = perf_control__next(&rec->ctl, arg, sizeof(arg))) != PERF_CONTROL_NONE) {
		switch (cmd) {
		case PERF_CONTROL_ENABLE:
		case PERF_CONTROL_DISABLE:
			record__set_enabled(rec, cmd == PERF_CONTROL_ENABLE, arg);
			break;
		case PERF_CONTROL_EVLIST:
			record__print_evlist(rec, arg);
			break;
		case PERF_CONTROL_STOP:
			done = 1;
			break;
		case PERF_CONTROL_SNAPSHOT:	/* AUX area snapshots: none here */
		case PERF_CONTROL_PING:
			break;
		case PERF_CONTROL_UNKNOWN:
		case PERF_CONTROL_NONE:
		default:
			continue;	/* no ack, as the reference */
		}
		perf_control__ack(&rec->ctl);
	}
}

/* ---- the loop ---- */

/*
 * Drain until the workload exits or we are told to stop. An fd reports
 * POLLHUP once its task is gone: it leaves the poll set, and when none
 * is left there is nothing more to wait for.
 */
static int record__loop(struct record *rec)
{
	int alive = rec->nr_pollfd, nfds = rec->nr_pollfd + (rec->ctl.fd >= 0);
	bool wrote;
	int err;

	for (;;) {
		err = record__mmap_read_all(rec, false, &wrote);
		if (err)
			return err;
		if (switch_pending || (rec->so.size &&
				       record_output__size(&rec->out) >= rec->so.size)) {
			switch_pending = 0;
			err = record__switch_output(rec);
			if (err)
				return err;
		}
		if (done || !alive)
			return 0;
		if (rec->max_size && record_output__size(&rec->out) >= rec->max_size) {
			if (!rec->quiet)
				fprintf(stderr, "[ perf record: perf size limit reached (%" PRIu64
					" KB), stopping session ]\n", record_output__size(&rec->out) / 1024);
			return 0;
		}
		record__checkpoint(rec);
		if (wrote) {
			/* Busy rings must not starve -D's edges and --control. */
			record__delay_tick(rec);
			if (nfds > rec->nr_pollfd && rec->pollfd[rec->nr_pollfd].fd >= 0)
				record__control(rec);
			continue;
		}
		/* Idle: what is staged goes out before we wait (a pipe's reader is waiting). */
		err = record_output__flush(&rec->out);
		if (err)
			return err;
		{
			int timeout = record__delay_tick(rec), i, n;

			/*
			 * The kernel wakes us at half a ring; else a pass a
			 * second keeps the file (and its checkpoint) current.
			 * More often only adds FINISHED_ROUND records.
			 */
			if (timeout < 0 || timeout > 1000)
				timeout = 1000;
			if (done)
				continue;
			/* A signal's interruption counts, as in the reference's count. */
			n = poll(rec->pollfd, (nfds_t)nfds, timeout);
			if (n < 0 && errno == EINTR)
				rec->wakeups++;
			if (n <= 0)
				continue;
			rec->wakeups++;
			for (i = 0; i < rec->nr_pollfd; i++) {
				if (rec->pollfd[i].fd >= 0 &&
				    (rec->pollfd[i].revents & (POLLHUP | POLLERR))) {
					rec->pollfd[i].fd = -1;
					alive--;
				}
			}
			if (nfds > rec->nr_pollfd && rec->pollfd[rec->nr_pollfd].revents)
				record__control(rec);
		}
	}
}

static void record__print_summary(struct record *rec)
{
	struct record_output *o = &rec->out;
	double mb = (double)(o->bytes_written + rec->header.data_offset) / 1024.0 / 1024.0;
	const char *postfix = rec->renamed ? ".<timestamp>" : "";

	if (rec->quiet)
		return;
	/* The build-id pass reads the file like a report, with its warnings. */
	if (!rec->session_warned) {
		if (o->lost_chunks)
			fprintf(stderr, "Warning:\nProcessed %" PRIu64 " events and lost %" PRIu64
				" chunks!\n\nCheck IO/CPU overload!\n\n", o->nr_events, o->lost_chunks);
		if (rec->lost_samples * 20 > o->samples + rec->lost_samples)
			fprintf(stderr, "Warning:\nProcessed %" PRIu64 " samples and lost %3.2f%%!\n\n",
				o->samples + rec->lost_samples,
				100.0 * (double)rec->lost_samples / (double)(o->samples + rec->lost_samples));
	}
	if (rec->data.is_pipe)
		return;
	if (o->zstd) {
		double raw = (double)(o->bytes_written - o->bytes_zout + o->bytes_raw +
				      rec->header.data_offset) / 1024.0 / 1024.0;

		fprintf(stderr, "[ perf record: Captured and wrote %.3f MB %s%s, compressed "
			"(original %.3f MB, ratio is %.3f) ]\n", mb, perf_data__path(&rec->data),
			postfix, raw, mb > 0 ? raw / mb : 1.0);
		return;
	}
	/* The reference leaves the count out when it has none to give. */
	fprintf(stderr, "[ perf record: Captured and wrote %.3f MB %s%s", mb,
		perf_data__path(&rec->data), postfix);
	if (o->samples)
		fprintf(stderr, " (%" PRIu64 " samples)", o->samples);
	fprintf(stderr, " ]\n");
}

static void record__install_signals(struct record *rec)
{
	struct sigaction sa = { .sa_handler = sig_handler };
	struct sigaction sw = { .sa_handler = switch_handler };

	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* SIGUSR2 cuts the output in signal mode; otherwise it is ignored. */
	switch_on_usr2 = rec->so.signal;
	switch_on_alarm = rec->so.time != 0;
	if (rec->so.enabled) {
		sigaction(SIGUSR2, &sw, NULL);
		sigaction(SIGALRM, &sw, NULL);
	} else {
		signal(SIGUSR2, SIG_IGN);
	}
}

/* Fork the workload, held before exec so its pid can be profiled. */
static int record__prepare_workload(struct record *rec, const char **argv)
{
	struct evlist *evlist = rec->evlist;
	int err = evlist__prepare_workload(evlist, argv);

	if (err) {
		pr_err("Couldn't run the workload!\n");
		return err;
	}
	if (!target__has_task(&rec->opts.target) && !target__has_cpu(&rec->opts.target)) {
		struct perf_thread_map *threads = thread_map__new_by_tid(evlist->workload.pid);
		struct perf_cpu_map *cpus = rec->per_thread ? perf_cpu_map__new_any() :
					    perf_cpu_map__new_online_cpus();

		evlist__set_maps(evlist, cpus, threads);
		perf_cpu_map__put(cpus);
		perf_thread_map__put(threads);
	}
	return 0;
}

static int __cmd_record(struct record *rec, int argc, const char **argv,
			int full_argc, const char **full_argv)
{
	struct evlist *evlist = rec->evlist;
	int err, status = 0, exit_code = 0;
	bool wrote;

	record__install_signals(rec);

	/* 1. the workload, and our priority (which it does not inherit) */
	if (argc && record__prepare_workload(rec, argv))
		return -1;
	if (rec->realtime) {
		struct sched_param param = { .sched_priority = rec->realtime };

		if (sched_setscheduler(0, SCHED_FIFO, &param)) {
			pr_err("Could not set realtime priority.\n");
			return -1;
		}
	}

	/* 2. open, map, and learn the ids */
	err = record__open(rec);
	if (err)
		return -1;	/* exit 255 after the explanation, as the reference */
	err = record__read_ids(rec);
	if (!err)
		err = record__mmap(rec);
	if (err) {
		if (err == -EPERM || err == -ENOMEM)
			pr_err("Permission error mapping pages.\n"
			       "Consider increasing /proc/sys/kernel/perf_event_mlock_kb,\n"
			       "or try again with a smaller value of -m/--mmap_pages.\n"
			       "(current value: %u,0)\n",
			       rec->opts.mmap_pages ? rec->opts.mmap_pages : DEFAULT_MMAP_PAGES);
		else
			pr_err("failed to mmap with %d (%s)\n", -err, strerror(-err));
		return err;
	}
	if (rec->ctl.fd >= 0) {
		rec->pollfd[rec->nr_pollfd].fd = rec->ctl.fd;
		rec->pollfd[rec->nr_pollfd].events = POLLIN;
	}

	err = record_output__init(&rec->out, -1, evlist__first(evlist)->attr.sample_type,
				  (int)rec->header.env.comp.level);
	if (err) {
		pr_err("-z: cannot set up zstd compression%s\n",
		       err == -EOPNOTSUPP ? " (this perf may be built without libzstd)" : "");
		goto out;
	}

	/* 3. the output file, and its header (rewritten at the end) */
	record_file__init_features(&rec->header, evlist, full_argc, full_argv, PERF_VERSION,
				   rec->out.zstd ? rec->header.env.comp.level : 0,
				   (uint32_t)((rec->opts.mmap_pages ? rec->opts.mmap_pages :
					       DEFAULT_MMAP_PAGES) + 1) * (uint32_t)sysconf(_SC_PAGESIZE),
				   rec->opts.clockid);
	err = record__start_file(rec, true);
	if (err)
		goto out;

	/* 4. go: the workload's exec enables the events, else we do */
	if (record_opts__start_disabled(&rec->opts))
		pr_info("Events disabled\n");
	if (evlist->workload.pid > 0) {
		int exec_err;

		evlist__start_workload(evlist);
		exec_err = evlist__workload_exec_error(evlist);
		if (exec_err) {
			pr_err("Failed to collect '%s' for the '%s' workload: %s\n",
			       evsel__name(evlist__first(evlist)), argv[0], strerror(exec_err));
			waitpid(evlist->workload.pid, &status, 0);
			err = -1;	/* exit 255, as the reference */
			goto out;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &rec->t0);
	if ((target__has_cpu(&rec->opts.target) || target__has_task(&rec->opts.target)) &&
	    !record_opts__start_disabled(&rec->opts))
		evlist__enable(evlist);
	if (rec->so.time)
		alarm((unsigned int)rec->so.time);

	/* 5. the loop */
	err = record__loop(rec);
	alarm(0);
	evlist__disable(evlist);
	if (!err)
		err = record__mmap_read_all(rec, true, &wrote);
	if (!err)
		err = record__write_lost_samples(rec);
	if (err) {
		pr_err("failed to write perf data, error: %s\n", strerror(-err));
		exit_code = -1;
	}

	if (evlist->workload.pid > 0) {
		if (!child_finished)
			kill(evlist->workload.pid, SIGTERM);
		while (waitpid(evlist->workload.pid, &status, 0) < 0 && errno == EINTR)
			;
		if (WIFSIGNALED(status))
			psignal(WTERMSIG(status), rec->quiet ? NULL : "");
	}

	/* 6. the header, now that sizes and sample times are known */
	if (record__finish_file(rec))
		exit_code = -1;
	if (!rec->wakeups && !rec->so.enabled)
		rec->wakeups = 1;
	if (!rec->quiet)
		fprintf(stderr, "[ perf record: Woken up %d times to write data ]\n", rec->wakeups);
	if (rec->timestamp_filename && !rec->data.is_pipe)
		record__rename_timestamp(rec);
	record__print_summary(rec);

	if (!exit_code && evlist->workload.pid > 0) {
		if (WIFEXITED(status))
			exit_code = WEXITSTATUS(status);
		else if (WIFSIGNALED(status))
			exit_code = 128 + WTERMSIG(status);
	}
	if (!exit_code && signr > 0 && signr != SIGINT && !evlist->workload.pid)
		exit_code = 128 + signr;
	err = exit_code ? exit_code : (err < 0 ? err : 0);
out:
	perf_data__close(&rec->data);
	record__munmap(rec);
	record_output__exit(&rec->out);
	return err;
}

/* ---- options ---- */

/* Checks that the reference makes after the options, exiting with 234. */
static int record__check_options(struct record *rec)
{
	if (record_opts__parse_freq(&rec->opts, rec->freq_str))
		return -EINVAL;
	if (rec->opts.user_freq && rec->opts.period)
		rec->opts.user_period = false;
	rec->opts.user_period = rec->opts.period != 0;
	if (rec->opts.user_period)
		rec->opts.freq = 0;
	return 0;
}

/*
 * --switch-output implies --timestamp-filename, and (to switch fast)
 * --no-buildid and --no-buildid-cache unless --no-no-buildid[-cache]
 * asked for them, as the reference does.
 */
static int record__check_switch_output(struct record *rec, const char *const *usage,
				       const struct option *options)
{
	unsigned long half;
	struct stat st;
	char buf[32];

	if (!rec->switch_output_str)
		return 0;
	if (switch_output__parse(&rec->so, rec->switch_output_str)) {
		parse_options_usage(usage, options, "switch-output", false);
		return -EINVAL;
	}
	/* Without -o, a FIFO on stdout means pipe mode, as in the reference. */
	if (rec->data.path ? !strcmp(rec->data.path, "-") :
	    (!fstat(STDOUT_FILENO, &st) && S_ISFIFO(st.st_mode))) {
		pr_err("--switch-output cannot cut a pipe (-o -, or stdout without -o) into files\n");
		parse_options_usage(usage, options, "switch-output", false);
		return -EINVAL;
	}
	rec->timestamp_filename = true;
	if (!(rec->no_buildid_set && !rec->no_buildid) &&
	    !(rec->no_buildid_cache_set && !rec->no_buildid_cache)) {
		rec->no_buildid = true;
		rec->no_buildid_cache = true;
	}
	if (rec->so.max_files) {
		rec->files = calloc((size_t)rec->so.max_files, sizeof(*rec->files));
		if (!rec->files)
			return -ENOMEM;
		rec->cur_file = -1;
	}
	/* The rings are emptied at the half mark: smaller sizes overshoot. */
	half = (unsigned long)((rec->opts.mmap_pages ? rec->opts.mmap_pages : DEFAULT_MMAP_PAGES) + 1) *
	       (unsigned long)sysconf(_SC_PAGESIZE) / 2;
	if (rec->so.size && rec->so.size < half && !rec->opts.no_buffering) {
		record__unit_number(buf, sizeof(buf), half);
		pr_warning("WARNING: switch-output data size lower than wakeup kernel buffer size (%s) "
			   "expect bigger perf.data sizes\n", buf);
	}
	return 0;
}

static int record__regs_cb(const struct option *opt, const char *arg, int unset)
{
	uint64_t *mask = opt->value;
	int ret;

	if (unset) {
		*mask = 0;
		return 0;
	}
	ret = parse_regs(arg, mask);
	if (ret == 1)	/* the list was asked for and printed */
		exit(PERF_EXIT_USAGE);
	return ret ? -1 : 0;
}

static int record__not_yet_cb(const struct option *opt, const char *arg __maybe_unused,
			      int unset)
{
	if (unset)
		return 0;
	if (opt->long_name)
		fprintf(stderr, "perf record: --%s is not supported by this perf yet\n",
			opt->long_name);
	else
		fprintf(stderr, "perf record: -%c is not supported by this perf yet\n",
			opt->short_name);
	exit(1);
}

/* Options of the reference that change what is recorded, not done here. */
#define OPT_NOT_YET(s, l, a, h) \
	OPT_CALLBACK_FLAG(s, l, NULL, a, h, record__not_yet_cb, PARSE_OPT_OPTARG)

/*
 * The cpu and thread maps for -p/-t/-u/-a/-C. Returns 0, or -1 after
 * saying what was wrong.
 */
static int record__create_maps(struct record *rec)
{
	struct target *target = &rec->opts.target;
	struct perf_cpu_map *cpus = NULL;
	struct perf_thread_map *threads = NULL;
	int err;

	if (!target__has_task(target) && !target__has_cpu(target))
		return 0;
	/* A uid must exist, as the reference checks, numeric or not. */
	if (target->uid_str && !getpwnam(target->uid_str)) {
		char *end;
		long uid = strtol(target->uid_str, &end, 10);

		if (*end || end == target->uid_str || uid < 0) {
			pr_err("Error:\nInvalid User: %s\n", target->uid_str);
			return -1;
		}
		if (!getpwuid((uid_t)uid)) {
			pr_err("Error:\nProblems obtaining information for user %s\n",
			       target->uid_str);
			return -1;
		}
	}
	err = evlist__create_maps(rec->evlist, target);
	if (err) {
		if (err == -ESRCH)
			pr_err("Couldn't find the task: no such process\n");
		else if (err == -EINVAL && target->cpu_list)
			pr_err("Invalid cpu list: %s\n", target->cpu_list);
		else
			pr_err("Couldn't create the cpu and thread maps: %s\n", strerror(-err));
		return -1;
	}
	if (target->uid_str && !perf_thread_map__nr(rec->evlist->threads)) {
		/* Nothing to follow: -u covers running tasks and their children. */
		pr_err("Error:\nuser %s has no processes to profile\n", target->uid_str);
		return -1;
	}
	if (target__has_cpu(target) && !target__has_task(target)) {
		/* System-wide: the dummy thread map, one fd per CPU. */
		threads = perf_thread_map__new_dummy();
		cpus = perf_cpu_map__get(rec->evlist->cpus);
	} else if (!rec->per_thread && !target->cpu_list) {
		/* Existing tasks are followed on every CPU, like a workload. */
		cpus = perf_cpu_map__new_online_cpus();
		threads = perf_thread_map__get(rec->evlist->threads);
	} else {
		return 0;
	}
	evlist__set_maps(rec->evlist, cpus, threads);
	perf_cpu_map__put(cpus);
	perf_thread_map__put(threads);
	return 0;
}

int cmd_record(int argc, const char **argv)
{
	struct record rec = { .verbose = 0 };
	const char *const record_usage[] = {
		"perf record [<options>] [<command>]",
		"perf record [<options>] -- <command> [<options>]",
		NULL
	};
	const struct option options[] = {
		OPT_CALLBACK('e', "event", &rec.evlist, "event",
			     "event to sample; see 'perf list'", parse_events_option),
		OPT_CALLBACK(0, "filter", &rec.evlist, "filter",
			     "filter for the preceding tracepoint event", parse_filter),
		OPT_CALLBACK_NOOPT(0, "exclude-perf", &rec.evlist, NULL,
				   "don't record events from perf itself", record__exclude_perf_cb),
		OPT_STRING('p', "pid", &rec.opts.target.pid, "pid",
			   "sample existing processes (comma separated)"),
		OPT_STRING('t', "tid", &rec.opts.target.tid, "tid",
			   "sample existing threads (comma separated)"),
		OPT_INTEGER('r', "realtime", &rec.realtime,
			    "run perf with this SCHED_FIFO priority"),
		OPT_BOOLEAN(0, "no-buffering", &rec.opts.no_buffering,
			    "wake up perf for every record (no buffering in the rings)"),
		OPT_BOOLEAN('R', "raw-samples", &rec.opts.raw_samples,
			    "also sample raw tracepoint payloads"),
		OPT_BOOLEAN('a', "all-cpus", &rec.opts.target.system_wide,
			    "sample every CPU (the whole system)"),
		OPT_STRING('C', "cpu", &rec.opts.target.cpu_list, "cpu",
			   "sample only these CPUs"),
		OPT_U64('c', "count", &rec.opts.period, "sample every n events"),
		OPT_STRING('o', "output", &rec.data.path, "file", "output file name"),
		OPT_BOOLEAN('i', "no-inherit", &rec.opts.no_inherit,
			    "do not follow child tasks"),
		OPT_STRING('F', "freq", &rec.freq_str, "freq or 'max'",
			   "samples per second"),
		OPT_BOOLEAN(0, "strict-freq", &rec.opts.strict_freq,
			    "fail if the specified frequency can't be used"),
		OPT_CALLBACK('m', "mmap-pages", &rec.opts, "pages[,pages]",
			     "ring buffer size per CPU: pages (a power of two) or B/K/M/G",
			     record__mmap_pages_cb),
		OPT_CALLBACK_NOOPT('g', NULL, &rec.opts, NULL,
				   "record call chains (frame pointers unless record.call-graph says otherwise)",
				   record__callgraph_cb),
		OPT_CALLBACK(0, "call-graph", &rec.opts, "record_mode[,record_size]",
			     "call chains: fp, dwarf[,stack bytes], lbr or no", record__call_graph_cb),
		OPT_BOOLEAN(0, "kernel-callchains", &rec.opts.kernel_callchains,
			    "collect kernel callchains"),
		OPT_BOOLEAN(0, "user-callchains", &rec.opts.user_callchains,
			    "collect user callchains"),
		OPT_INCR('v', "verbose", &rec.verbose, "say more"),
		OPT_BOOLEAN('q', "quiet", &rec.quiet, "print no summary or warnings"),
		OPT_BOOLEAN('s', "stat", &rec.opts.inherit_stat, "per-thread counts"),
		OPT_BOOLEAN('d', "data", &rec.opts.sample_address, "sample data addresses"),
		OPT_BOOLEAN(0, "phys-data", &rec.opts.sample_phys_addr,
			    "sample physical data addresses"),
		OPT_BOOLEAN(0, "data-page-size", &rec.opts.sample_data_page_size,
			    "sample the page size of data addresses"),
		OPT_BOOLEAN(0, "code-page-size", &rec.opts.sample_code_page_size,
			    "sample the page size of code addresses (ip)"),
		OPT_BOOLEAN('T', "timestamp", &rec.opts.sample_time, "sample timestamps"),
		OPT_BOOLEAN(0, "timestamp-boundary", &rec.timestamp_boundary,
			    "record the times of the first and last samples (always done)"),
		OPT_BOOLEAN('P', "period", &rec.opts.period_in_sample, "sample the period"),
		OPT_BOOLEAN(0, "sample-identifier", &rec.opts.sample_identifier,
			    "sample the event identifier"),
		OPT_BOOLEAN(0, "running-time", &rec.opts.running_time,
			    "record running and enabled time of read events"),
		OPT_BOOLEAN(0, "transaction", &rec.opts.sample_transaction,
			    "sample transaction flags (special events only)"),
		OPT_BOOLEAN('n', "no-samples", &rec.opts.no_samples, "count, do not sample"),
		OPT_BOOLEAN_SET('N', "no-buildid-cache", &rec.no_buildid_cache,
				&rec.no_buildid_cache_set, "do not add build-ids to ~/.debug"),
		OPT_BOOLEAN_SET('B', "no-buildid", &rec.no_buildid, &rec.no_buildid_set,
				"do not write build-ids into perf.data"),
		OPT_STRING('u', "uid", &rec.opts.target.uid_str, "user",
			   "sample the processes of this user"),
		OPT_BOOLEAN('W', "weight", &rec.opts.sample_weight, "sample the weight"),
		OPT_BOOLEAN(0, "sample-cpu", &rec.opts.sample_cpu, "sample the CPU"),
		OPT_BOOLEAN(0, "switch-events", &rec.opts.context_switch,
			    "record context switches"),
		OPT_BOOLEAN(0, "namespaces", &rec.opts.namespaces, "record namespace events"),
		OPT_BOOLEAN(0, "all-user", &rec.opts.all_user, "sample user space only"),
		OPT_BOOLEAN(0, "all-kernel", &rec.opts.all_kernel, "sample the kernel only"),
		OPT_CALLBACK('k', "clockid", &rec.opts.clockid, "clockid",
			     "clock for event timestamps (see clock_gettime())", record__clockid_cb),
		OPT_BOOLEAN(0, "no-bpf-event", &rec.no_bpf_event,
			    "do not record BPF program events (none are recorded yet)"),
		OPT_CALLBACK('D', "delay", &rec.opts, "ms",
			     "ms to wait before sampling after the start (-1: start disabled), "
			     "or ranges of ms to sample, e.g. '-D 10-20,30-40'", record__delay_cb),
		OPT_CALLBACK(0, "control", &rec.ctl, "fd:ctl-fd[,ack-fd] or fifo:ctl-fifo[,ack-fifo]",
			     "commands on ctl-fd: 'enable [event]', 'disable [event]', 'ping', "
			     "'stop', 'snapshot', 'evlist [-v|-g|-F]'; 'ack' on ack-fd",
			     record__control_cb),
		OPT_BOOLEAN(0, "per-thread", &rec.per_thread, "one ring buffer per thread"),
		OPT_BOOLEAN(0, "group", &rec.group, "put the events into one group"),
		OPT_BOOLEAN(0, "dry-run", &rec.dry_run, "parse the options, then stop"),
		OPT_CALLBACK_FLAG(0, "user-regs", &rec.opts.user_regs, "any register",
				  "sample these user registers (--user-regs=? lists them)",
				  record__regs_cb, PARSE_OPT_OPTARG),
		OPT_CALLBACK_FLAG('I', "intr-regs", &rec.opts.intr_regs, "any register",
				  "sample these registers at the interrupt (-I? lists them)",
				  record__regs_cb, PARSE_OPT_OPTARG),
		OPT_CALLBACK_NOOPT('b', "branch-any", &rec.opts.branch_stack, NULL,
				   "sample any taken branches", record__branch_any_cb),
		OPT_CALLBACK('j', "branch-filter", &rec.opts.branch_stack, "branch filter mask",
			     "sample branches of these kinds: any, any_call, any_ret, ind_call, "
			     "call, cond, ind_jmp, in_tx, no_tx, abort_tx, u, k, hv, save_type",
			     record__branch_filter_cb),
		OPT_BOOLEAN(0, "timestamp-filename", &rec.timestamp_filename,
			    "append a timestamp to the output file name at the end"),
		OPT_CALLBACK_OPTARG(0, "switch-output", &rec.switch_output_str, NULL,
				    "signal or size[BKMG] or time[smhd]",
				    "start a new output file on SIGUSR2 (signal), or after "
				    "a size or a time", record__switch_output_cb),
		OPT_INTEGER(0, "switch-max-files", &rec.so.max_files,
			    "with --switch-output, keep only the newest n files"),
		OPT_BOOLEAN(0, "overwrite", &rec.opts.overwrite,
			    "flight recorder: rings keep the newest records, written at the end "
			    "(or on each --switch-output)"),
		OPT_CALLBACK(0, "max-size", &rec.max_size, "size",
			     "stop when the output reaches this size (B, K, M, G)", record__max_size_cb),
		OPT_STRING(0, "mmap-flush", &rec.accepted_str, "number",
			   "accepted for compatibility"),
		OPT_STRING(0, "affinity", &rec.accepted_str, "node|cpu",
			   "accepted for compatibility"),
		OPT_STRING(0, "num-thread-synthesize", &rec.accepted_str, "n",
			   "accepted for compatibility (synthesis is single-threaded)"),
		OPT_STRING(0, "proc-map-timeout", &rec.accepted_str, "n",
			   "accepted for compatibility (/proc is read without a timeout)"),
		OPT_CALLBACK_OPTARG('z', "compression-level", &rec.header.env.comp.level, NULL, "n",
				    "compress the records with zstd at level n (1-22, default 1)",
				    record__comp_level_cb),
		OPT_NOT_YET('G', "cgroup", "name", "not implemented here: refused"),
		OPT_NOT_YET('S', "snapshot", "opts", "not implemented here: refused"),
		OPT_NOT_YET(0, "aux-sample", "opts", "not implemented here: refused"),
		OPT_NOT_YET(0, "aio", "n", "not implemented here: refused"),
		OPT_NOT_YET(0, "all-cgroups", NULL, "not implemented here: refused"),
		OPT_NOT_YET(0, "buildid-all", NULL, "not implemented here: refused"),
		OPT_NOT_YET(0, "buildid-mmap", NULL, "not implemented here: refused"),
		OPT_NOT_YET(0, "kcore", NULL, "not implemented here: refused"),
		OPT_NOT_YET(0, "off-cpu", NULL, "not implemented here: refused"),
		OPT_NOT_YET(0, "switch-output-event", "event", "not implemented here: refused"),
		OPT_NOT_YET(0, "synth", "no|all|task|mmap|cgroup", "not implemented here: refused"),
		OPT_NOT_YET(0, "tail-synthesize", NULL, "not implemented here: refused"),
		OPT_NOT_YET(0, "threads", "spec", "not implemented here: refused"),
		OPT_NOT_YET(0, "vmlinux", "file", "not implemented here: refused"),
		OPT_NOT_YET(0, "clang-path", "clang path", "not implemented here: refused"),
		OPT_NOT_YET(0, "clang-opt", "clang options", "not implemented here: refused"),
		OPT_NOT_YET(0, "debuginfod", "urls", "not implemented here: refused"),
		OPT_END()
	};
	int full_argc = argc, err;
	const char **full_argv;

	/* parse_options() reorders argv; the header keeps the command as typed. */
	full_argv = calloc((size_t)argc + 1, sizeof(*full_argv));
	if (!full_argv)
		return -ENOMEM;
	memcpy(full_argv, argv, (size_t)argc * sizeof(*argv));
	record_opts__init(&rec.opts);
	perf_control__init(&rec.ctl);
	rec.evlist = evlist__new();
	if (!rec.evlist) {
		free(full_argv);
		return -ENOMEM;
	}

	/* 1. options, after the config keys that -g follows */
	if (perf_config(record_opts__config, &rec.opts) == -EINVAL) {
		err = -1;
		goto out;
	}
	argc = parse_options(argc, argv, options, record_usage, PARSE_OPT_STOP_AT_NON_OPTION);
	verbose = rec.verbose;
	quiet = rec.quiet;
	rec.opts.have_workload = argc > 0;

	if (!argc && target__none(&rec.opts.target))
		usage_with_options_msg(record_usage, options,
				       "no command given and no target (-p, -t, -a, -C, -u)");
	if (rec.opts.target.uid_str && !rec.opts.target.pid && !rec.opts.target.tid)
		rec.opts.target.inherit = !rec.opts.no_inherit;
	err = record__check_options(&rec);
	if (!err)
		err = record__check_switch_output(&rec, record_usage, options);
	if (err)
		goto out;
	{
		enum target_errno terr = target__validate(&rec.opts.target);

		if (terr) {
			char buf[256];

			target__strerror(&rec.opts.target, terr, buf, sizeof(buf));
			pr_warning("Warning:\n%s\n", buf);
		}
	}

	/* 2. events: the reference's default is cycles at the best precision that opens */
	if (evlist__empty(rec.evlist)) {
		struct parse_events_error perr;

		parse_events_error__init(&perr);
		err = parse_events(rec.evlist, "cycles:P", &perr);
		parse_events_error__exit(&perr);
		if (err)
			goto out;
	}
	if (rec.group && rec.evlist->nr_entries > 1)
		evlist__set_leader(rec.evlist, evlist__first(rec.evlist), rec.evlist->nr_entries);

	/* 3. where: maps, then the attrs (which may add the side-band dummy) */
	if (record__create_maps(&rec)) {
		err = -1;
		goto out;
	}
	err = evlist__config(rec.evlist, &rec.opts);
	if (!err && (target__has_cpu(&rec.opts.target) || target__has_task(&rec.opts.target))) {
		/* The dummy added by evlist__config needs the same maps. */
		struct perf_cpu_map *cpus = perf_cpu_map__get(rec.evlist->cpus);
		struct perf_thread_map *threads = perf_thread_map__get(rec.evlist->threads);

		evlist__set_maps(rec.evlist, cpus, threads);
		perf_cpu_map__put(cpus);
		perf_thread_map__put(threads);
	}

	/* 4. record */
	if (!err && !rec.dry_run)
		err = __cmd_record(&rec, argc, argv, full_argc, full_argv);
out:
	evlist__delete(rec.evlist);
	perf_env__exit(&rec.header.env);
	perf_control__close(&rec.ctl);
	record_opts__exit(&rec.opts);
	if (rec.files) {
		int i;

		for (i = 0; i < rec.so.max_files; i++)
			free(rec.files[i]);
		free(rec.files);
	}
	free(full_argv);
	return err;
}
