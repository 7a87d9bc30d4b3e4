// SPDX-License-Identifier: GPL-2.0
/*
 * perf record: sample a command, processes or the whole system into
 * perf.data. Events are opened per CPU (or per thread with --per-thread),
 * their ring buffers drained in a poll loop into the data section, and
 * the header with the machine's description written at the end.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "builtin.h"
#include "util/cpumap.h"
#include "util/compress.h"
#include "util/data.h"
#include "util/debug.h"
#include "util/evlist.h"
#include "util/evsel.h"
#include "util/exec-cmd.h"
#include "util/header.h"
#include "util/machine.h"
#include "util/map.h"
#include "util/dso.h"
#include "util/mmap.h"
#include "util/session.h"
#include "util/thread.h"
#include "util/parse-events.h"
#include "util/parse-options.h"
#include "util/perf_regs.h"
#include "util/record.h"
#include "util/synthetic-events.h"
#include "util/strbuf.h"
#include "util/thread_map.h"
#include "util/trace-event-info.h"
#include "util/util.h"
#include "util/xyarray.h"
#include "util/zalloc.h"
#include "build-options.h"

/* Default ring buffer: 512 KiB of data pages per CPU, as the reference. */
#define DEFAULT_MMAP_PAGES 128

struct record {
	struct record_opts opts;
	struct evlist *evlist;
	struct perf_data data;
	struct perf_header header;
	struct perf_mmap *mmaps;
	int nr_mmaps;
	struct pollfd *pollfd;
	int nr_pollfd;
	const char *freq_str;
	const char *callgraph_str;
	const char *mmap_pages_str;
	const char *intr_regs_str;
	const char *user_regs_str;
	const char *clockid_str;
	bool no_buildid;
	bool no_buildid_cache;
	bool quiet;
	bool per_thread;
	bool no_bpf_event;
	bool dry_run;
	bool timestamp_filename;
	bool renamed;
	const char *max_size_str;
	uint64_t max_size;
	const char *accepted_str;
	bool per_thread_stat;
	bool no_buffering;
	int delay_ms;
	int verbose;
	int realtime;
	bool group;
	/* Accounting, for the summary and the header. */
	uint64_t bytes_written;
	uint64_t samples;
	uint64_t lost;
	int wakeups;
	uint64_t first_time, last_time;
	int time_offset;		/* of TIME in a sample, -1 if none */
	time_t next_checkpoint;		/* next header update, CLOCK_MONOTONIC s */
	/* -z: events are staged here, then written as COMPRESSED records. */
	int comp_level;
	struct zstd_cdata *zstd;
	char *zstage;
	size_t zstage_len;
	char *zout;
	uint64_t bytes_raw;		/* data that went into COMPRESSED records */
	uint64_t bytes_zout;		/* the COMPRESSED records it became */
};

/* Set from signal handlers: the only mutable file-scope state. */
static volatile sig_atomic_t done;
static volatile sig_atomic_t child_finished;
static volatile sig_atomic_t signr = -1;

static void sig_handler(int sig)
{
	if (sig == SIGCHLD)
		child_finished = 1;
	else
		signr = sig;
	done = 1;
}

/* ---- writing ---- */

static int record__write(struct record *rec, const void *buf, size_t size)
{
	int err = perf_data__write(&rec->data, buf, size);

	if (!err)
		rec->bytes_written += size;
	return err;
}

static int record__write_event(void *ctx, const union perf_event *event)
{
	return record__write(ctx, event, event->header.size);
}

/*
 * Input per COMPRESSED record: whole events up to this many bytes, so
 * one frame (at most zstd's bound of it) fits in the 16-bit record size
 * and readers' per-record output buffer (the mmap size) is never short.
 */
#define ZSTAGE_MAX (60 * 1024)

static int record__zflush(struct record *rec)
{
	struct perf_record_compressed *rc = (void *)rec->zout;
	ssize_t n;
	int err;

	if (!rec->zstage_len)
		return 0;
	n = zstd__compress(rec->zstd, rec->zstage, rec->zstage_len, rc->data,
			   zstd__compress_bound(ZSTAGE_MAX));
	if (n < 0 || sizeof(*rc) + (size_t)n > 0xffff) {
		/* Incompressible or failed: the events go out as they are. */
		err = record__write(rec, rec->zstage, rec->zstage_len);
	} else {
		rc->header.type = PERF_RECORD_COMPRESSED;
		rc->header.misc = 0;
		rc->header.size = (uint16_t)(sizeof(*rc) + (size_t)n);
		err = record__write(rec, rc, rc->header.size);
		if (!err) {
			rec->bytes_raw += rec->zstage_len;
			rec->bytes_zout += rc->header.size;
		}
	}
	rec->zstage_len = 0;
	return err;
}

static int record__stage(struct record *rec, const union perf_event *event)
{
	int err;

	if (rec->zstage_len + event->header.size > ZSTAGE_MAX) {
		err = record__zflush(rec);
		if (err)
			return err;
	}
	memcpy(rec->zstage + rec->zstage_len, event, event->header.size);
	rec->zstage_len += event->header.size;
	return 0;
}

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

/*
 * Copy one ring's pass record by record: counting samples and lost
 * records and keeping the first and last sample times costs a header
 * read per record, far less than the write itself.
 */
static int record__drain(struct record *rec, struct perf_mmap *map)
{
	union perf_event *event;
	int err = 0;

	if (perf_mmap__read_init(map))
		return 0;
	while ((event = perf_mmap__read_event(map)) != NULL) {
		err = rec->zstd ? record__stage(rec, event) :
				  record__write(rec, event, event->header.size);
		if (err)
			break;
		switch (event->header.type) {
		case PERF_RECORD_SAMPLE:
			rec->samples++;
			if (rec->time_offset > 0 &&
			    event->header.size >= rec->time_offset + 8) {
				uint64_t t;

				memcpy(&t, (char *)event + rec->time_offset, sizeof(t));
				if (!rec->first_time || t < rec->first_time)
					rec->first_time = t;
				if (t > rec->last_time)
					rec->last_time = t;
			}
			break;
		case PERF_RECORD_LOST:
			rec->lost += event->lost.lost;
			break;
		default:
			break;
		}
	}
	if (!err && rec->zstd)
		err = record__zflush(rec);
	perf_mmap__consume(map);
	return err;
}

static int record__mmap_read_all(struct record *rec, bool *wrote)
{
	uint64_t before = rec->bytes_written;
	int i, err;

	for (i = 0; i < rec->nr_mmaps; i++) {
		err = record__drain(rec, &rec->mmaps[i]);
		if (err)
			return err;
	}
	*wrote = rec->bytes_written != before;
	/* Nothing is reordered across a round: readers may sort up to here. */
	if (*wrote) {
		struct perf_event_header round = {
			.type = PERF_RECORD_FINISHED_ROUND,
			.size = sizeof(round),
		};

		err = record__write(rec, &round, sizeof(round));
		if (err)
			return err;
	}
	return 0;
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
	memcpy(saved, rec->header.adds_features, sizeof(saved));
	memset(rec->header.adds_features, 0, sizeof(saved));
	rec->header.data_size = rec->bytes_written;
	if (perf_header__write(&rec->header, rec->evlist, rec->data.fd, false))
		pr_debug("checkpoint of the perf.data header failed\n");
	memcpy(rec->header.adds_features, saved, sizeof(saved));
}

/*
 * --timestamp-filename: the finished file becomes NAME.YYYYMMDDhhmmsscc
 * (hundredths of a second), announced with a "Dump" line as the reference.
 */
static void record__rename_timestamp(struct record *rec)
{
	const char *path = perf_data__path(&rec->data);
	char stamp[32], *newname;
	struct timeval tv;
	struct tm tm;

	gettimeofday(&tv, NULL);
	localtime_r(&tv.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", &tm);
	if (asprintf(&newname, "%s.%s%02d", path, stamp, (int)(tv.tv_usec / 10000)) < 0)
		return;
	if (rename(path, newname) == 0) {
		if (!rec->quiet)
			fprintf(stderr, "[ perf record: Dump %s ]\n", newname);
		rec->renamed = true;
	} else {
		pr_err("failed to rename %s to %s: %s\n", path, newname, strerror(errno));
	}
	free(newname);
}

/*
 * The build-ids of the binaries samples hit, as the reference writes
 * them: read the data back through the session and the machine model,
 * mark each sample's dso, then rewrite the features with HEADER_BUILD_ID.
 * Hit binaries also go into the build-id cache unless -N.
 */
static int record__mark_hit(struct perf_tool *tool __maybe_unused,
			    union perf_event *event __maybe_unused,
			    struct perf_sample *sample, struct evsel *evsel __maybe_unused,
			    struct machine *machine)
{
	struct thread *thread = machine__findnew_thread(machine, (pid_t)sample->pid,
							(pid_t)sample->tid);
	struct addr_location al;

	/* The map is enough: no symbol table needs loading to mark a hit. */
	addr_location__init(&al);
	if (thread && thread__find_map_fb(thread, sample->cpumode, sample->ip, &al) &&
	    al.map->dso)
		al.map->dso->hit = true;
	addr_location__exit(&al);
	thread__put(thread);
	return 0;
}

static int record__write_build_ids(struct record *rec)
{
	struct perf_data data = {
		.path = perf_data__path(&rec->data),
		.mode = PERF_DATA_MODE_READ,
		.force = true,
	};
	struct perf_tool tool = {
		.sample = record__mark_hit,
		.mmap = perf_event__process_mmap,
		.mmap2 = perf_event__process_mmap2,
		.comm = perf_event__process_comm,
		.fork = perf_event__process_fork,
		.exit = perf_event__process_exit,
		.ksymbol = perf_event__process_ksymbol,
	};
	struct perf_session *session;
	struct machine *machine;
	int err;

	session = perf_session__new(&data, &tool);
	if (IS_ERR(session))
		return (int)PTR_ERR(session);
	machine = machine__new_host(&session->header.env);
	if (!machine) {
		perf_session__delete(session);
		return -ENOMEM;
	}
	session->machine = machine;
	err = perf_session__process_events(session);
	if (!err)
		err = machine__hit_build_ids(machine, !rec->no_buildid_cache,
					     &rec->header.build_ids, &rec->header.nr_build_ids);
	session->machine = NULL;
	machine__delete(machine);
	perf_session__delete(session);
	if (err || !rec->header.nr_build_ids)
		return err;
	perf_header__feat_set(rec->header.adds_features, HEADER_BUILD_ID);
	return perf_header__write(&rec->header, rec->evlist, rec->data.fd, true);
}

/* ---- ring buffers ---- */

static int record__mmap(struct record *rec)
{
	struct evsel *evsel, *first = evlist__first(rec->evlist);
	unsigned int pages = rec->opts.mmap_pages ? rec->opts.mmap_pages : DEFAULT_MMAP_PAGES;
	int ncpus = xyarray__max_x(first->fd), nthreads = xyarray__max_y(first->fd);
	bool per_cpu = !perf_cpu_map__has_any_cpu(first->cpus);
	int nr = per_cpu ? ncpus : nthreads, c, t, err;

	rec->mmaps = calloc((size_t)nr, sizeof(*rec->mmaps));
	rec->pollfd = calloc((size_t)nr, sizeof(*rec->pollfd));
	if (!rec->mmaps || !rec->pollfd)
		return -ENOMEM;

	/*
	 * One ring per CPU (per thread with --per-thread): the first fd on
	 * it owns the buffer, all the others are redirected into it.
	 */
	for (c = 0; c < ncpus; c++) {
		for (t = 0; t < nthreads; t++) {
			int idx = per_cpu ? c : t;

			evlist__for_each_entry(rec->evlist, evsel) {
				int fd = evsel__fd(evsel, c, t);

				if (fd < 0)
					continue;
				if (!rec->mmaps[idx].base) {
					err = perf_mmap__mmap(&rec->mmaps[idx], fd,
							      per_cpu ? perf_cpu_map__cpu(first->cpus, c).cpu : -1,
							      pages);
					if (err)
						return err;
					rec->pollfd[idx].fd = fd;
					rec->pollfd[idx].events = POLLIN;
					continue;
				}
				if (ioctl(fd, PERF_EVENT_IOC_SET_OUTPUT, rec->mmaps[idx].fd) < 0)
					return -errno;
			}
		}
	}
	rec->nr_mmaps = nr;
	rec->nr_pollfd = nr;
	return 0;
}

static void record__munmap(struct record *rec)
{
	int i;

	for (i = 0; i < rec->nr_mmaps; i++)
		perf_mmap__munmap(&rec->mmaps[i]);
	zfree(&rec->mmaps);
	zfree(&rec->pollfd);
	rec->nr_mmaps = 0;
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
	err = record__write(rec, &ev, sizeof(ev));
	if (!err)
		err = record__write(rec, env->tracing_data, env->tracing_data_size);
	if (!err && padded > env->tracing_data_size)
		err = record__write(rec, pad, padded - env->tracing_data_size);
	return err;
}

static void record__init_features(struct record *rec, int argc, const char **argv)
{
	struct perf_header *h = &rec->header;
	struct perf_env *env = &h->env;
	struct evsel *evsel;
	int feat, i;

	perf_env__init_host(env);
	env->version = strdup(PERF_VERSION);
	/* The command line as run: argv[0] is the binary's full path. */
	env->cmdline_argv = calloc((size_t)argc + 2, sizeof(char *));
	if (env->cmdline_argv) {
		const char *dir = perf_binary_dir();
		char *exe = NULL;

		if (dir && asprintf(&exe, "%s/perf", dir) < 0)
			exe = NULL;
		env->cmdline_argv[0] = exe ? exe : strdup("perf");
		env->cmdline_argv[1] = strdup("record");
		for (i = 1; i < argc; i++)
			env->cmdline_argv[i + 1] = strdup(argv[i]);
		env->nr_cmdline = argc + 1;
	}

	for (feat = HEADER_FIRST_FEATURE; feat < HEADER_LAST_FEATURE; feat++)
		perf_header__feat_set(h->adds_features, feat);
	/* Only what we can describe: the rest stays off, as on the reference's files. */
	h->adds_features[0] &= ~((1ULL << HEADER_TRACING_DATA) | (1ULL << HEADER_BRANCH_STACK) |
				 (1ULL << HEADER_AUXTRACE) | (1ULL << HEADER_STAT) |
				 (1ULL << HEADER_CLOCKID) | (1ULL << HEADER_DIR_FORMAT) |
				 (1ULL << HEADER_BPF_PROG_INFO) | (1ULL << HEADER_BPF_BTF) |
				 (1ULL << HEADER_COMPRESSED) | (1ULL << HEADER_CPU_PMU_CAPS) |
				 (1ULL << HEADER_CLOCK_DATA) | (1ULL << HEADER_HYBRID_TOPOLOGY) |
				 (1ULL << HEADER_PMU_CAPS) | (1ULL << HEADER_BUILD_ID));
	if (!rec->evlist->nr_groups)
		h->adds_features[0] &= ~(1ULL << HEADER_GROUP_DESC);
	if (rec->zstd) {
		/* Readers size their buffer for one record's output by mmap_len. */
		perf_header__feat_set(h->adds_features, HEADER_COMPRESSED);
		env->comp.version = 0;
		env->comp.type = 1;	/* zstd */
		env->comp.level = (uint32_t)rec->comp_level;
		env->comp.mmap_len = (uint32_t)(((rec->opts.mmap_pages ? rec->opts.mmap_pages :
						  DEFAULT_MMAP_PAGES) + 1) * sysconf(_SC_PAGESIZE));
	}
	if (rec->opts.clockid >= 0) {
		struct timespec res;

		perf_header__feat_set(h->adds_features, HEADER_CLOCKID);
		if (!clock_getres(rec->opts.clockid, &res))
			env->clockid_res_ns = (uint64_t)res.tv_sec * 1000000000ULL +
					      (uint64_t)res.tv_nsec;
	}
	evlist__for_each_entry(rec->evlist, evsel) {
		struct strbuf td = STRBUF_INIT;

		if (evsel->attr.type != PERF_TYPE_TRACEPOINT)
			continue;
		/* Readers decode tracepoint payloads with these formats. */
		if (!tracing_data__build(rec->evlist, &td)) {
			size_t len;

			env->tracing_data = strbuf_detach(&td, &len);
			env->tracing_data_size = len;
			perf_header__feat_set(h->adds_features, HEADER_TRACING_DATA);
		}
		strbuf_release(&td);
		break;
	}
}

/* ---- options ---- */

static int parse_freq(struct record *rec)
{
	int max = record__max_sample_rate();
	char *end;
	unsigned long long f;

	if (!rec->freq_str) {
		/* The default rate is lowered quietly to what the kernel allows. */
		if (rec->opts.freq > (uint64_t)max && !rec->opts.user_period) {
			pr_info("info: Using a maximum frequency rate of %'d Hz\n", max);
			rec->opts.freq = (uint64_t)max;
		}
		return 0;
	}
	if (!strcmp(rec->freq_str, "max")) {
		rec->opts.freq = (uint64_t)max;
		pr_info("info: Using a maximum frequency rate of %'d Hz\n", max);
		return 0;
	}
	f = strtoull(rec->freq_str, &end, 0);
	if (*end || end == rec->freq_str) {
		pr_err("invalid frequency '%s'\n", rec->freq_str);
		return -EINVAL;
	}
	if (f > (unsigned long long)max) {
		pr_err("Maximum frequency rate (%'d Hz) exceeded, reducing it to %'d Hz.\n"
		       "Please use -F freq option with a lower value or consider\n"
		       "tweaking /proc/sys/kernel/perf_event_max_sample_rate.\n", max, max);
		f = (unsigned long long)max;
	}
	rec->opts.freq = f;
	rec->opts.user_freq = true;
	return 0;
}

static int parse_callgraph(struct record *rec, const char *s)
{
	char *end;

	if (!s || !strcmp(s, "fp")) {
		rec->opts.callgraph = CALLCHAIN_FP;
		return 0;
	}
	if (!strcmp(s, "lbr")) {
		rec->opts.callgraph = CALLCHAIN_LBR;
		return 0;
	}
	if (!strcmp(s, "no")) {
		rec->opts.callgraph = CALLCHAIN_NONE;
		return 0;
	}
	if (!strncmp(s, "dwarf", 5)) {
		rec->opts.callgraph = CALLCHAIN_DWARF;
		if (s[5] == ',') {
			unsigned long sz = strtoul(s + 6, &end, 0);

			/* The kernel copies at most 64 KiB, in multiples of 8. */
			if (*end || !sz || sz > 65528) {
				pr_err("callchain: Incorrect stack dump size (max 65528): %s\n", s + 6);
				return -EINVAL;
			}
			rec->opts.stack_size = (uint32_t)((sz + 7) & ~7UL);
		} else if (s[5]) {
			goto bad;
		}
		return 0;
	}
bad:
	pr_err("callchain: Unknown --call-graph option value: %s\n", s);
	return -EINVAL;
}

static int record__check_options(struct record *rec)
{
	char *end;

	if (parse_freq(rec))
		return -EINVAL;
	if (rec->callgraph_str && parse_callgraph(rec, rec->callgraph_str))
		return -EINVAL;
	if (rec->mmap_pages_str) {
		unsigned long pages = strtoul(rec->mmap_pages_str, &end, 0);

		if ((*end && *end != ',') || !pages || (pages & (pages - 1))) {
			pr_err("Invalid argument for --mmap_pages/-m\n");
			return -EINVAL;
		}
		rec->opts.mmap_pages = (unsigned int)pages;
	}
	if (rec->max_size_str) {
		unsigned long long v = strtoull(rec->max_size_str, &end, 0);

		switch (*end) {
		case 'B': case 'b': end++; break;
		case 'K': case 'k': v <<= 10; end++; break;
		case 'M': case 'm': v <<= 20; end++; break;
		case 'G': case 'g': v <<= 30; end++; break;
		default: break;
		}
		if (*end || end == rec->max_size_str) {
			pr_err("invalid --max-size '%s'\n", rec->max_size_str);
			return -EINVAL;
		}
		rec->max_size = v;
	}
	if (rec->clockid_str) {
		static const struct { const char *name; int id; } clocks[] = {
			{ "monotonic", CLOCK_MONOTONIC }, { "monotonic_raw", CLOCK_MONOTONIC_RAW },
			{ "realtime", CLOCK_REALTIME }, { "boottime", CLOCK_BOOTTIME },
			{ "tai", CLOCK_TAI }, { "mono", CLOCK_MONOTONIC },
			{ "raw", CLOCK_MONOTONIC_RAW }, { "real", CLOCK_REALTIME },
			{ "boot", CLOCK_BOOTTIME },
		};
		const char *s = rec->clockid_str;
		size_t i;

		if (!strncasecmp(s, "CLOCK_", 6))
			s += 6;
		for (i = 0; i < ARRAY_SIZE(clocks); i++)
			if (!strcasecmp(s, clocks[i].name))
				rec->opts.clockid = clocks[i].id;
		if (rec->opts.clockid < 0) {
			long v = strtol(rec->clockid_str, &end, 0);

			if (*end || v < 0) {
				pr_err("unknown clockid %s, check man page\n", rec->clockid_str);
				return -EINVAL;
			}
			rec->opts.clockid = (int)v;
		}
	}
	return 0;
}

/* ---- the run ---- */

static void record__print_summary(struct record *rec)
{
	double mb = (double)(rec->bytes_written + rec->header.data_offset) / 1024.0 / 1024.0;

	if (rec->quiet)
		return;
	if (rec->lost)
		fprintf(stderr, "Processed %" PRIu64 " events and lost %" PRIu64 " chunks!\n\n"
			"Check IO/CPU overload!\n\n", rec->samples, rec->lost);
	if (rec->data.is_pipe)
		return;
	/* With --timestamp-filename the reference prints the name as a pattern. */
	if (rec->zstd) {
		double raw = (double)(rec->bytes_written - rec->bytes_zout + rec->bytes_raw +
				      rec->header.data_offset) / 1024.0 / 1024.0;

		fprintf(stderr, "[ perf record: Captured and wrote %.3f MB %s%s, compressed "
			"(original %.3f MB, ratio is %.3f) ]\n", mb, perf_data__path(&rec->data),
			rec->renamed ? ".<timestamp>" : "", raw, mb > 0 ? raw / mb : 1.0);
		return;
	}
	fprintf(stderr, "[ perf record: Captured and wrote %.3f MB %s%s (%" PRIu64 " samples) ]\n",
		mb, perf_data__path(&rec->data), rec->renamed ? ".<timestamp>" : "",
		rec->samples);
}

static int record__synthesize(struct record *rec)
{
	struct synth_ctx s;
	struct evsel *first = evlist__first(rec->evlist);
	int err;

	synth_ctx__init(&s, rec->evlist, record__write_event, rec);
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
	if (!err && rec->evlist->workload.pid > 0)
		err = perf_event__synthesize_comm(&s, rec->evlist->workload.pid,
						  rec->evlist->workload.pid, "perf-exec");
	if (!err && (target__has_task(&rec->opts.target) || rec->opts.target.system_wide))
		err = perf_event__synthesize_threads(&s, first->threads,
						     target__has_cpu(&rec->opts.target) &&
						     !target__has_task(&rec->opts.target));
	if (!err)
		err = perf_event__synthesize_finished_init(&s);
	return err;
}

static int __cmd_record(struct record *rec, int argc, const char **argv,
			int full_argc, const char **full_argv)
{
	struct evlist *evlist = rec->evlist;
	struct sigaction sa = { .sa_handler = sig_handler };
	char msg[512];
	int err, status = 0, exit_code = 0, alive;
	bool wrote;

	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* 1. the workload, held before exec so its pid can be profiled */
	if (argc) {
		err = evlist__prepare_workload(evlist, argv);
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
	}

	/* 2. open, map, and learn the ids */
	err = record__open(rec);
	if (err)
		return -1;	/* exit 255 after the explanation, as the reference */
	rec->time_offset = sample_time_offset(evlist__first(evlist)->attr.sample_type);
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

	if (rec->comp_level > 0) {
		rec->zstd = zstd__new_compressor(rec->comp_level);
		rec->zstage = malloc(ZSTAGE_MAX);
		rec->zout = malloc(sizeof(struct perf_record_compressed) +
				   zstd__compress_bound(ZSTAGE_MAX));
		if (!rec->zstd || !rec->zstage || !rec->zout) {
			pr_err("-z: cannot set up zstd compression%s\n",
			       rec->zstd ? "" : " (this perf may be built without libzstd)");
			return -1;
		}
	}

	/* 3. the output file, and its header (rewritten at the end) */
	rec->data.mode = PERF_DATA_MODE_WRITE;
	err = perf_data__open(&rec->data, msg, sizeof(msg));
	if (err) {
		pr_err("%s\n", msg);
		return err;
	}
	record__init_features(rec, full_argc, full_argv);
	if (rec->data.is_pipe) {
		err = perf_header__write_pipe(rec->data.fd);
		if (!err)
			err = perf_header__synthesize_pipe(&rec->header, evlist,
							   record__write_event, rec);
		if (!err && rec->header.env.tracing_data)
			err = record__write_tracing_data(rec);
		rec->bytes_written = 0;
	} else {
		err = perf_header__write(&rec->header, evlist, rec->data.fd, false);
		if (!err && lseek(rec->data.fd, (off_t)rec->header.data_offset, SEEK_SET) < 0)
			err = -errno;
	}
	if (!err)
		err = record__synthesize(rec);
	if (err) {
		pr_err("failed to write perf data: %s\n", strerror(-err));
		goto out;
	}

	/* 4. go: the workload's exec enables the events, else we do */
	if (rec->delay_ms > 0)
		usleep((useconds_t)rec->delay_ms * 1000);
	if (evlist->workload.pid > 0) {
		int exec_err;

		evlist__start_workload(evlist);
		exec_err = evlist__workload_exec_error(evlist);

		if (exec_err) {
			pr_err("Failed to collect '%s' for the '%s' workload: %s\n",
			       evsel__name(evlist__first(evlist)), argv[0], strerror(exec_err));
			waitpid(evlist->workload.pid, &status, 0);
			err = -1;	/* exit 255, as the reference */
			goto out_discard;
		}
	}
	if (target__has_cpu(&rec->opts.target) || target__has_task(&rec->opts.target) ||
	    rec->delay_ms > 0)
		evlist__enable(evlist);

	/*
	 * 5. drain until the workload exits or we are told to stop. An fd
	 * reports POLLHUP once its task is gone: it leaves the poll set, and
	 * when none is left there is nothing more to wait for.
	 */
	alive = rec->nr_pollfd;
	for (;;) {
		err = record__mmap_read_all(rec, &wrote);
		if (err || done || !alive)
			break;
		if (rec->max_size && rec->bytes_written >= rec->max_size) {
			if (!rec->quiet)
				fprintf(stderr, "[ perf record: perf size limit reached (%" PRIu64
					" KB), stopping session ]\n", rec->bytes_written / 1024);
			break;
		}
		if (wrote) {
			record__checkpoint(rec);
			continue;
		}
		if (poll(rec->pollfd, (nfds_t)rec->nr_pollfd, 100) > 0) {
			int i;

			rec->wakeups++;
			for (i = 0; i < rec->nr_pollfd; i++) {
				if (rec->pollfd[i].fd >= 0 &&
				    (rec->pollfd[i].revents & (POLLHUP | POLLERR))) {
					rec->pollfd[i].fd = -1;
					alive--;
				}
			}
		}
	}
	evlist__disable(evlist);
	if (!err)
		err = record__mmap_read_all(rec, &wrote);
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
	if (!rec->data.is_pipe) {
		rec->header.data_size = rec->bytes_written;
		rec->header.env.first_sample_time = rec->first_time;
		if (rec->zstd && rec->bytes_zout)
			rec->header.env.comp.ratio = (uint32_t)((rec->bytes_raw + rec->bytes_zout / 2) /
								rec->bytes_zout);
		rec->header.env.last_sample_time = rec->last_time;
		err = perf_header__write(&rec->header, evlist, rec->data.fd, true);
		if (err) {
			/*
			 * No room for the features (a full disk): the header
			 * alone still makes every complete record readable.
			 */
			memset(rec->header.adds_features, 0, sizeof(rec->header.adds_features));
			if (!perf_header__write(&rec->header, evlist, rec->data.fd, false))
				pr_err("perf.data header written without its features (%s); "
				       "the %" PRIu64 " bytes of complete records stay readable\n",
				       strerror(-err), rec->bytes_written);
			else
				pr_err("failed to write the perf.data header: %s\n", strerror(-err));
			exit_code = -1;
		} else if (!rec->no_buildid && rec->samples) {
			/* Best effort: a file without build-ids is still a good file. */
			if (record__write_build_ids(rec))
				pr_debug("could not add build-ids to %s\n", perf_data__path(&rec->data));
		}
	}
	if (!rec->wakeups)
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
out:
	perf_data__close(&rec->data);
	record__munmap(rec);
	zstd__delete_compressor(rec->zstd);
	free(rec->zstage);
	free(rec->zout);
	return exit_code ? exit_code : (err < 0 ? err : 0);

out_discard:
	perf_data__close(&rec->data);
	record__munmap(rec);
	return err;
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

static int record__branch_any_cb(const struct option *opt, const char *arg __maybe_unused,
				 int unset)
{
	uint64_t *mask = opt->value;

	*mask = unset ? 0 : PERF_SAMPLE_BRANCH_ANY;
	return 0;
}

static int record__branch_filter_cb(const struct option *opt, const char *arg, int unset)
{
	static const struct {
		const char *name;
		uint64_t bit;
	} modes[] = {
		{ "u", PERF_SAMPLE_BRANCH_USER }, { "k", PERF_SAMPLE_BRANCH_KERNEL },
		{ "hv", PERF_SAMPLE_BRANCH_HV }, { "any", PERF_SAMPLE_BRANCH_ANY },
		{ "any_call", PERF_SAMPLE_BRANCH_ANY_CALL },
		{ "any_ret", PERF_SAMPLE_BRANCH_ANY_RETURN },
		{ "ind_call", PERF_SAMPLE_BRANCH_IND_CALL },
		{ "abort_tx", PERF_SAMPLE_BRANCH_ABORT_TX },
		{ "in_tx", PERF_SAMPLE_BRANCH_IN_TX }, { "no_tx", PERF_SAMPLE_BRANCH_NO_TX },
		{ "cond", PERF_SAMPLE_BRANCH_COND }, { "ind_jmp", PERF_SAMPLE_BRANCH_IND_JUMP },
		{ "call", PERF_SAMPLE_BRANCH_CALL }, { "save_type", PERF_SAMPLE_BRANCH_TYPE_SAVE },
		{ "stack", PERF_SAMPLE_BRANCH_CALL_STACK },
	};
	uint64_t *mask = opt->value;
	char *copy, *tok, *save = NULL;
	int err = 0;

	if (unset) {
		*mask = 0;
		return 0;
	}
	copy = strdup(arg);
	if (!copy)
		return -1;
	*mask = 0;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < ARRAY_SIZE(modes); i++)
			if (!strcasecmp(tok, modes[i].name))
				break;
		if (i == ARRAY_SIZE(modes)) {
			fprintf(stderr, "unknown branch filter %s, check man page\n", tok);
			err = -1;
			break;
		}
		*mask |= modes[i].bit;
	}
	free(copy);
	/* Privilege levels alone mean "any branch" at those levels. */
	if (!err && !(*mask & ~(uint64_t)(PERF_SAMPLE_BRANCH_USER | PERF_SAMPLE_BRANCH_KERNEL |
					 PERF_SAMPLE_BRANCH_HV)))
		*mask |= PERF_SAMPLE_BRANCH_ANY;
	return err;
}

static int record__comp_level_cb(const struct option *opt, const char *arg, int unset)
{
	int *level = opt->value;
	char *end;
	long v;

	if (unset) {
		*level = 0;
		return 0;
	}
	if (!arg) {
		*level = 1;
		return 0;
	}
	v = strtol(arg, &end, 0);
	if (*end || v < 0) {
		fprintf(stderr, "invalid compression level '%s'\n", arg);
		return -1;
	}
	/* zstd's levels end at 22; the reference accepts more and clamps. */
	*level = v > 22 ? 22 : (int)v;
	return 0;
}

static int record__not_yet_cb(const struct option *opt, const char *arg __maybe_unused,
			      int unset)
{
	if (unset)
		return 0;
	fprintf(stderr, "perf record: --%s is not supported by this perf yet\n",
		opt->long_name);
	exit(1);
}

static int record__callgraph_cb(const struct option *opt, const char *arg __maybe_unused,
				int unset)
{
	struct record_opts *opts = opt->value;

	opts->callgraph = unset ? CALLCHAIN_NONE : CALLCHAIN_FP;
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
		OPT_STRING('p', "pid", &rec.opts.target.pid, "pid",
			   "sample existing processes (comma separated)"),
		OPT_STRING('t', "tid", &rec.opts.target.tid, "tid",
			   "sample existing threads (comma separated)"),
		OPT_INTEGER('r', "realtime", &rec.realtime,
			    "run perf with this SCHED_FIFO priority"),
		OPT_BOOLEAN(0, "no-buffering", &rec.no_buffering, "accepted for compatibility"),
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
		OPT_STRING('m', "mmap-pages", &rec.mmap_pages_str, "pages[,pages]",
			   "ring buffer data pages per CPU (power of two)"),
		OPT_CALLBACK_NOOPT('g', NULL, &rec.opts, NULL,
				   "record call chains (frame pointers unless record.call-graph says otherwise)",
				   record__callgraph_cb),
		OPT_STRING(0, "call-graph", &rec.callgraph_str, "record_mode[,record_size]",
			   "call chains: fp, dwarf[,stack bytes], lbr or no"),
		OPT_INCR('v', "verbose", &rec.verbose, "say more"),
		OPT_BOOLEAN('q', "quiet", &rec.quiet, "print no summary or warnings"),
		OPT_BOOLEAN('s', "stat", &rec.per_thread_stat, "accepted for compatibility"),
		OPT_BOOLEAN('d', "data", &rec.opts.sample_address, "sample data addresses"),
		OPT_BOOLEAN(0, "phys-data", &rec.opts.sample_phys_addr,
			    "sample physical data addresses"),
		OPT_BOOLEAN('T', "timestamp", &rec.opts.sample_time, "sample timestamps"),
		OPT_BOOLEAN('P', "period", &rec.opts.period_in_sample, "sample the period"),
		OPT_BOOLEAN('n', "no-samples", &rec.opts.no_samples, "count, do not sample"),
		OPT_BOOLEAN('N', "no-buildid-cache", &rec.no_buildid_cache,
			    "do not add build-ids to ~/.debug"),
		OPT_BOOLEAN('B', "no-buildid", &rec.no_buildid,
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
		OPT_STRING('k', "clockid", &rec.clockid_str, "clockid",
			   "clock for event timestamps (see clock_gettime())"),
		OPT_BOOLEAN(0, "no-bpf-event", &rec.no_bpf_event,
			    "do not record BPF program events (none are recorded yet)"),
		OPT_INTEGER('D', "delay", &rec.delay_ms,
			    "ms to wait after starting the command before sampling"),
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
		OPT_STRING(0, "max-size", &rec.max_size_str, "size",
			   "stop when the output reaches this size (B, K, M, G)"),
		OPT_STRING(0, "mmap-flush", &rec.accepted_str, "number",
			   "accepted for compatibility"),
		OPT_STRING(0, "affinity", &rec.accepted_str, "node|cpu",
			   "accepted for compatibility"),
		OPT_CALLBACK_OPTARG('z', "compression-level", &rec.comp_level, NULL, "n",
				    "compress the records with zstd at level n (1-22, default 1)",
				    record__comp_level_cb),
		OPT_CALLBACK_NOOPT(0, "overwrite", &rec, NULL,
				   "overwrite mode (not supported by this perf yet)",
				   record__not_yet_cb),
		OPT_CALLBACK_OPTARG(0, "switch-output", &rec, NULL, "signal or size[BKMG] or time[smhd]",
				    "rotate the output file (not supported by this perf yet)",
				    record__not_yet_cb),
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
	rec.evlist = evlist__new();
	if (!rec.evlist) {
		free(full_argv);
		return -ENOMEM;
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
	if (record__check_options(&rec)) {
		evlist__delete(rec.evlist);
		return -1;
	}
	{
		enum target_errno terr = target__validate(&rec.opts.target);

		if (terr) {
			char buf[256];

			target__strerror(&rec.opts.target, terr, buf, sizeof(buf));
			pr_warning("Warning:\n%s\n", buf);
		}
	}
	if (rec.opts.user_freq && rec.opts.period)
		rec.opts.user_period = false;
	rec.opts.user_period = rec.opts.period != 0;
	if (rec.opts.user_period)
		rec.opts.freq = 0;

	if (evlist__empty(rec.evlist)) {
		struct parse_events_error perr;

		/* The reference's default: cycles at the highest precision that opens. */
		parse_events_error__init(&perr);
		err = parse_events(rec.evlist, "cycles:P", &perr);
		parse_events_error__exit(&perr);
		if (err) {
			evlist__delete(rec.evlist);
			return err;
		}
		/* "P" asks for the best precision; as the reference, start at 3. */
		evlist__first(rec.evlist)->attr.precise_ip = 3;
		evlist__first(rec.evlist)->attr.exclude_guest = 0;
	}
	if (rec.group && rec.evlist->nr_entries > 1)
		evlist__set_leader(rec.evlist, evlist__first(rec.evlist), rec.evlist->nr_entries);

	if (target__has_task(&rec.opts.target) || target__has_cpu(&rec.opts.target)) {
		err = evlist__create_maps(rec.evlist, &rec.opts.target);
		if (err) {
			if (err == -ESRCH)
				pr_err("Couldn't find the task: no such process\n");
			else if (err == -EINVAL && rec.opts.target.cpu_list)
				pr_err("Invalid cpu list: %s\n", rec.opts.target.cpu_list);
			else
				pr_err("Couldn't create the cpu and thread maps: %s\n", strerror(-err));
			evlist__delete(rec.evlist);
			return -1;
		}
		/* System-wide on all CPUs: the dummy thread map, one fd per CPU. */
		if (target__has_cpu(&rec.opts.target) && !target__has_task(&rec.opts.target)) {
			struct perf_thread_map *dummy = perf_thread_map__new_dummy();
			struct perf_cpu_map *cpus = perf_cpu_map__get(rec.evlist->cpus);

			evlist__set_maps(rec.evlist, cpus, dummy);
			perf_cpu_map__put(cpus);
			perf_thread_map__put(dummy);
		} else if (target__has_task(&rec.opts.target) && !rec.per_thread &&
			   !rec.opts.target.cpu_list) {
			/* Existing tasks are followed on every CPU, like a workload. */
			struct perf_cpu_map *cpus = perf_cpu_map__new_online_cpus();
			struct perf_thread_map *threads = perf_thread_map__get(rec.evlist->threads);

			evlist__set_maps(rec.evlist, cpus, threads);
			perf_cpu_map__put(cpus);
			perf_thread_map__put(threads);
		}
	}

	err = evlist__config(rec.evlist, &rec.opts);
	if (!err && argc && !target__has_task(&rec.opts.target) &&
	    !target__has_cpu(&rec.opts.target)) {
		/* The maps follow the workload; set when it is forked. */
	}
	if (!err && target__has_cpu(&rec.opts.target) && !target__has_task(&rec.opts.target)) {
		/* The dummy added by evlist__config needs the same maps. */
		struct perf_cpu_map *cpus = perf_cpu_map__get(rec.evlist->cpus);
		struct perf_thread_map *threads = perf_thread_map__get(rec.evlist->threads);

		evlist__set_maps(rec.evlist, cpus, threads);
		perf_cpu_map__put(cpus);
		perf_thread_map__put(threads);
	} else if (!err && target__has_task(&rec.opts.target)) {
		struct perf_cpu_map *cpus = perf_cpu_map__get(rec.evlist->cpus);
		struct perf_thread_map *threads = perf_thread_map__get(rec.evlist->threads);

		evlist__set_maps(rec.evlist, cpus, threads);
		perf_cpu_map__put(cpus);
		perf_thread_map__put(threads);
	}
	if (!err && rec.dry_run) {
		evlist__delete(rec.evlist);
		return 0;
	}
	if (!err)
		err = __cmd_record(&rec, argc, argv, full_argc, full_argv);

	evlist__delete(rec.evlist);
	perf_env__exit(&rec.header.env);
	build_id_entries__free(rec.header.build_ids, rec.header.nr_build_ids);
	free(full_argv);
	return err;
}
