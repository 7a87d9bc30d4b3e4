// SPDX-License-Identifier: GPL-2.0
/* Synthesizing records for the state that existed before recording. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpumap.h"
#include "evlist.h"
#include "evsel.h"
#include "fs.h"
#include "synthetic-events.h"
#include "thread_map.h"
#include "util.h"
#include "xyarray.h"

/* Big enough for any record we build: an MMAP2 with a full path plus trailer. */
#define SYNTH_BUF_SIZE (sizeof(struct perf_record_mmap2) + 64)

void synth_ctx__init(struct synth_ctx *s, struct evlist *evlist,
		     perf_event_write_fn write, void *ctx)
{
	struct evsel *first = evlist__first(evlist);

	s->write = write;
	s->ctx = ctx;
	s->sample_type = first ? first->attr.sample_type : 0;
	s->id_all = first ? first->attr.sample_id_all : false;
}

/*
 * Append the sample_id_all trailer at @buf: the TID, TIME, ID, STREAM_ID,
 * CPU and IDENTIFIER fields the sample_type asks for, in the kernel's
 * order. Synthesized records have no time, id or cpu: zeros.
 */
static size_t id_trailer_of(uint64_t sample_type, void *buf, pid_t pid, pid_t tid,
			    uint64_t id)
{
	uint64_t *p = buf;

	if (sample_type & PERF_SAMPLE_TID) {
		uint32_t *u = (uint32_t *)p;

		u[0] = (uint32_t)pid;
		u[1] = (uint32_t)tid;
		p++;
	}
	if (sample_type & PERF_SAMPLE_TIME)
		*p++ = 0;
	if (sample_type & PERF_SAMPLE_ID)
		*p++ = id;
	if (sample_type & PERF_SAMPLE_STREAM_ID)
		*p++ = 0;
	if (sample_type & PERF_SAMPLE_CPU)
		*p++ = 0;
	if (sample_type & PERF_SAMPLE_IDENTIFIER)
		*p++ = id;
	return (size_t)((char *)p - (char *)buf);
}

static size_t id_trailer(const struct synth_ctx *s, void *buf, pid_t pid, pid_t tid)
{
	if (!s->id_all)
		return 0;
	return id_trailer_of(s->sample_type, buf, pid, tid, 0);
}

static size_t align8(size_t x)
{
	return (x + 7) & ~(size_t)7;
}

/*
 * Size of the kernel text from /proc/iomem's "Kernel code" range, which
 * spans _text.._etext. Reading it costs microseconds; finding _etext in
 * /proc/kallsyms means generating ~100k lines (tens of milliseconds).
 * Returns 0 when unavailable (non-root readers see zeros).
 */
static uint64_t kernel_code_size(void)
{
	char line[256];
	uint64_t size = 0;
	FILE *f = fopen("/proc/iomem", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long a, b;

		if (!strstr(line, ": Kernel code"))
			continue;
		if (sscanf(line, " %llx-%llx", &a, &b) == 2 && b > a)
			size = b - a + 1;
		break;
	}
	fclose(f);
	return size;
}

/* Kernel text start and end from /proc/kallsyms. */
static int kernel_text_range(uint64_t *start, uint64_t *end)
{
	uint64_t code_size = kernel_code_size();
	char line[512];
	FILE *f = fopen("/proc/kallsyms", "r");

	*start = *end = 0;
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long addr;
		char type, name[256];

		if (sscanf(line, "%llx %c %255s", &addr, &type, name) != 3)
			continue;
		if (!*start && (!strcmp(name, "_text") || !strcmp(name, "_stext"))) {
			*start = addr;
			if (code_size) {
				*end = addr + code_size;
				break;
			}
		} else if (!strcmp(name, "_etext")) {
			*end = addr;
		}
		if (*start && *end)
			break;
	}
	fclose(f);
	/* kptr_restrict hides addresses as zeros: nothing useful to write. */
	return *start ? 0 : -EACCES;
}

int perf_event__synthesize_kernel_mmap(struct synth_ctx *s)
{
	static const char name[] = "[kernel.kallsyms]_text";
	char buf[SYNTH_BUF_SIZE];
	struct perf_record_mmap *ev = (void *)buf;
	uint64_t start, end;
	size_t size;

	if (kernel_text_range(&start, &end))
		return 0;	/* no kernel symbols for us: report shows [unknown] */
	memset(buf, 0, sizeof(buf));
	ev->header.type = PERF_RECORD_MMAP;
	ev->header.misc = PERF_RECORD_MISC_KERNEL;
	ev->pid = (uint32_t)-1;
	ev->tid = 0;
	ev->start = start;
	ev->len = end > start ? end - start : 0;
	ev->pgoff = start;
	memcpy(ev->filename, name, sizeof(name));
	size = offsetof(struct perf_record_mmap, filename) + align8(sizeof(name));
	size += id_trailer(s, buf + size, -1, 0);
	ev->header.size = (uint16_t)size;
	return s->write(s->ctx, (union perf_event *)ev);
}

int perf_event__synthesize_modules(struct synth_ctx *s)
{
	char line[512], buf[SYNTH_BUF_SIZE];
	struct perf_record_mmap *ev = (void *)buf;
	int err = 0;
	FILE *f = fopen("/proc/modules", "r");

	if (!f)
		return 0;	/* a kernel without modules */
	while (!err && fgets(line, sizeof(line), f)) {
		unsigned long long size, addr;
		char name[128];
		size_t len, rsize;

		if (sscanf(line, "%127s %llu %*d %*s %*s %llx", name, &size, &addr) != 3 || !addr)
			continue;
		memset(buf, 0, sizeof(buf));
		ev->header.type = PERF_RECORD_MMAP;
		ev->header.misc = PERF_RECORD_MISC_KERNEL;
		ev->pid = (uint32_t)-1;
		ev->start = addr;
		ev->len = size;
		ev->pgoff = 0;
		len = (size_t)snprintf(ev->filename, sizeof(ev->filename), "[%s]", name) + 1;
		rsize = offsetof(struct perf_record_mmap, filename) + align8(len);
		rsize += id_trailer(s, buf + rsize, -1, 0);
		ev->header.size = (uint16_t)rsize;
		err = s->write(s->ctx, (union perf_event *)ev);
	}
	fclose(f);
	return err;
}

int perf_event__synthesize_comm(struct synth_ctx *s, pid_t pid, pid_t tid,
				const char *comm)
{
	char buf[sizeof(struct perf_record_comm) + 64];
	struct perf_record_comm *ev = (void *)buf;
	size_t len = strlen(comm) + 1, size;

	memset(buf, 0, sizeof(buf));
	if (len > sizeof(ev->comm))
		len = sizeof(ev->comm);
	ev->header.type = PERF_RECORD_COMM;
	ev->pid = (uint32_t)pid;
	ev->tid = (uint32_t)tid;
	memcpy(ev->comm, comm, len - 1);
	size = offsetof(struct perf_record_comm, comm) + align8(len);
	size += id_trailer(s, buf + size, pid, tid);
	ev->header.size = (uint16_t)size;
	return s->write(s->ctx, (union perf_event *)ev);
}

static int synthesize_fork(struct synth_ctx *s, pid_t pid, pid_t tid)
{
	char buf[sizeof(struct perf_record_fork) + 64];
	struct perf_record_fork *ev = (void *)buf;
	size_t size = sizeof(*ev);

	memset(buf, 0, sizeof(buf));
	ev->header.type = PERF_RECORD_FORK;
	/* A thread of an existing process: its parent is the leader. */
	ev->pid = (uint32_t)pid;
	ev->ppid = (uint32_t)pid;
	ev->tid = (uint32_t)tid;
	ev->ptid = (uint32_t)pid;
	size += id_trailer(s, buf + size, pid, tid);
	ev->header.size = (uint16_t)size;
	return s->write(s->ctx, (union perf_event *)ev);
}

/* MMAP2 records from /proc/PID/maps. */
static int synthesize_mmaps(struct synth_ctx *s, pid_t pid)
{
	char path[PATH_MAX], line[PATH_MAX + 256], buf[SYNTH_BUF_SIZE];
	struct perf_record_mmap2 *ev = (void *)buf;
	int err = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%d/maps", procfs__mountpoint(), pid);
	f = fopen(path, "r");
	if (!f)
		return 0;	/* it exited, or we may not look */
	while (!err && fgets(line, sizeof(line), f)) {
		unsigned long long start, end, pgoff, ino;
		unsigned int maj, min;
		char perms[8], *name;
		int n = 0;
		size_t len, size;

		if (sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &start, &end, perms,
			   &pgoff, &maj, &min, &ino, &n) < 7)
			continue;
		if (perms[2] != 'x' && !s->mmap_data)
			continue;
		name = line + n;
		name[strcspn(name, "\n")] = '\0';
		if (!*name)
			name = "//anon";
		memset(buf, 0, offsetof(struct perf_record_mmap2, filename));
		ev->header.type = PERF_RECORD_MMAP2;
		ev->header.misc = PERF_RECORD_MISC_USER;
		if (perms[2] != 'x')
			ev->header.misc |= PERF_RECORD_MISC_MMAP_DATA;
		ev->pid = (uint32_t)pid;
		ev->tid = (uint32_t)pid;
		ev->start = start;
		ev->len = end - start;
		ev->pgoff = pgoff;
		ev->maj = maj;
		ev->min = min;
		ev->ino = ino;
		ev->prot = (perms[0] == 'r' ? 1 : 0) | (perms[1] == 'w' ? 2 : 0) |
			   (perms[2] == 'x' ? 4 : 0);
		ev->flags = perms[3] == 's' ? 1 /* MAP_SHARED */ : 2 /* MAP_PRIVATE */;
		len = strlen(name) + 1;
		if (len > sizeof(ev->filename))
			len = sizeof(ev->filename);
		memcpy(ev->filename, name, len - 1);
		ev->filename[len - 1] = '\0';
		size = offsetof(struct perf_record_mmap2, filename) + align8(len);
		memset(buf + offsetof(struct perf_record_mmap2, filename) + len, 0,
		       align8(len) - len);
		size += id_trailer(s, buf + size, pid, pid);
		ev->header.size = (uint16_t)size;
		err = s->write(s->ctx, (union perf_event *)ev);
	}
	fclose(f);
	return err;
}

static int read_comm(pid_t pid, pid_t tid, char *comm, size_t size)
{
	char path[PATH_MAX], *buf;

	snprintf(path, sizeof(path), "%s/%d/task/%d/comm", procfs__mountpoint(), pid, tid);
	if (filename__read_str(path, &buf, NULL))
		return -ESRCH;
	buf[strcspn(buf, "\n")] = '\0';
	snprintf(comm, size, "%s", buf);
	free(buf);
	return 0;
}

static int tgid_of(pid_t tid)
{
	char path[PATH_MAX], *buf, *p;
	int tgid = -1;

	snprintf(path, sizeof(path), "%s/%d/status", procfs__mountpoint(), tid);
	if (filename__read_str(path, &buf, NULL))
		return -1;
	p = strstr(buf, "\nTgid:");
	if (p)
		tgid = atoi(p + 6);
	free(buf);
	return tgid;
}

/* COMM for every thread of @pid, FORK for the non-leaders, then MMAP2s. */
static int synthesize_process(struct synth_ctx *s, pid_t pid)
{
	char path[PATH_MAX], comm[64];
	struct dirent *de;
	int err = 0;
	DIR *d;

	snprintf(path, sizeof(path), "%s/%d/task", procfs__mountpoint(), pid);
	d = opendir(path);
	if (!d)
		return 0;
	while (!err && (de = readdir(d)) != NULL) {
		pid_t tid;

		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		tid = (pid_t)atoi(de->d_name);
		if (read_comm(pid, tid, comm, sizeof(comm)))
			continue;
		if (tid != pid)
			err = synthesize_fork(s, pid, tid);
		if (!err)
			err = perf_event__synthesize_comm(s, pid, tid, comm);
	}
	closedir(d);
	if (!err)
		err = synthesize_mmaps(s, pid);
	return err;
}

int perf_event__synthesize_threads(struct synth_ctx *s,
				   struct perf_thread_map *threads, bool all)
{
	int err = 0, i;

	if (all) {
		struct dirent *de;
		DIR *d = opendir(procfs__mountpoint());

		if (!d)
			return -errno;
		while (!err && (de = readdir(d)) != NULL)
			if (isdigit((unsigned char)de->d_name[0]))
				err = synthesize_process(s, (pid_t)atoi(de->d_name));
		closedir(d);
		return err;
	}
	for (i = 0; threads && i < threads->nr && !err; i++) {
		pid_t tid = threads->map[i].pid, tgid;
		int j;
		bool seen = false;

		if (tid < 0)
			continue;
		tgid = tgid_of(tid);
		if (tgid < 0)
			continue;
		/* A process shows up once, however many of its threads are listed. */
		for (j = 0; j < i && !seen; j++)
			seen = tgid_of(threads->map[j].pid) == tgid;
		if (!seen)
			err = synthesize_process(s, tgid);
	}
	return err;
}

int perf_event__synthesize_thread_map(struct synth_ctx *s,
				      struct perf_thread_map *threads)
{
	size_t size = sizeof(struct perf_record_thread_map) +
		      (size_t)threads->nr * sizeof(struct perf_record_thread_map_entry);
	struct perf_record_thread_map *ev;
	int i, err;

	/* header.size is 16 bits; a huge -u map is only partly described. */
	if (size > 0xfff8)
		return 0;
	ev = calloc(1, size);
	if (!ev)
		return -ENOMEM;
	ev->header.type = PERF_RECORD_THREAD_MAP;
	ev->header.size = (uint16_t)size;
	ev->nr = (uint64_t)threads->nr;
	thread_map__read_comms(threads);
	for (i = 0; i < threads->nr; i++) {
		ev->entries[i].pid = (uint64_t)(int64_t)threads->map[i].pid;
		if (threads->map[i].comm)
			strncpy(ev->entries[i].comm, threads->map[i].comm,
				sizeof(ev->entries[i].comm) - 1);
	}
	err = s->write(s->ctx, (union perf_event *)ev);
	free(ev);
	return err;
}

int perf_event__synthesize_cpu_map(struct synth_ctx *s, struct perf_cpu_map *cpus)
{
	char buf[64];
	struct perf_record_cpu_map *ev = (void *)buf;
	int nr = perf_cpu_map__nr(cpus), i;
	bool range = nr > 0;
	int err;

	for (i = 1; i < nr && range; i++)
		range = cpus->map[i].cpu == cpus->map[i - 1].cpu + 1;
	if (range && cpus->map[0].cpu >= 0) {
		/* type, any_cpu, pad, start_cpu, end_cpu: the compact form. */
		memset(buf, 0, sizeof(buf));
		ev->header.type = PERF_RECORD_CPU_MAP;
		ev->header.size = 16;
		ev->type = PERF_CPU_MAP__RANGE_CPUS;
		ev->data[0] = 0;
		ev->data[1] = 0;
		*(uint16_t *)(ev->data + 2) = (uint16_t)cpus->map[0].cpu;
		*(uint16_t *)(ev->data + 4) = (uint16_t)cpus->map[nr - 1].cpu;
		return s->write(s->ctx, (union perf_event *)ev);
	}
	{
		/* type, nr, cpu[nr] as u16, padded to 8. */
		size_t size = align8(sizeof(struct perf_event_header) + 4 + (size_t)nr * 2);
		struct perf_record_cpu_map *big = calloc(1, size);

		if (!big)
			return -ENOMEM;
		big->header.type = PERF_RECORD_CPU_MAP;
		big->header.size = (uint16_t)size;
		big->type = PERF_CPU_MAP__CPUS;
		*(uint16_t *)big->data = (uint16_t)nr;
		for (i = 0; i < nr; i++)
			((uint16_t *)(big->data + 2))[i] = (uint16_t)cpus->map[i].cpu;
		err = s->write(s->ctx, (union perf_event *)big);
		free(big);
		return err;
	}
}

int perf_event__synthesize_id_index(struct synth_ctx *s, struct evlist *evlist)
{
	struct perf_record_id_index *ev;
	struct evsel *evsel;
	size_t nr = 0, i = 0, size;
	int err;

	evlist__for_each_entry(evlist, evsel)
		nr += (size_t)evsel->ids;
	if (!nr)
		return 0;
	size = sizeof(*ev) + nr * sizeof(struct id_index_entry);
	/* One record holds what fits in 16 bits of size; more go in several. */
	if (size > 0xfff8)
		size = 0xfff8 - (0xfff8 - sizeof(*ev)) % sizeof(struct id_index_entry);
	ev = calloc(1, size);
	if (!ev)
		return -ENOMEM;
	evlist__for_each_entry(evlist, evsel) {
		int ncpus = evsel->fd ? xyarray__max_x(evsel->fd) : 0;
		int nthreads = evsel->fd ? xyarray__max_y(evsel->fd) : 0;
		int c, t, k = 0;

		for (c = 0; c < ncpus; c++) {
			for (t = 0; t < nthreads; t++) {
				struct id_index_entry *e;

				if (k >= evsel->ids)
					break;
				if (evsel__fd(evsel, c, t) < 0)
					continue;
				e = &ev->entries[i++];
				e->id = evsel->id[k++];
				e->idx = (uint64_t)evsel->idx;
				e->cpu = (uint64_t)(int64_t)perf_cpu_map__cpu(evsel->cpus, c).cpu;
				e->tid = (uint64_t)(int64_t)perf_thread_map__pid(evsel->threads, t);
				if (sizeof(*ev) + (i + 1) * sizeof(*e) > size) {
					ev->header.type = PERF_RECORD_ID_INDEX;
					ev->header.size = (uint16_t)(sizeof(*ev) + i * sizeof(*e));
					ev->nr = i;
					err = s->write(s->ctx, (union perf_event *)ev);
					if (err) {
						free(ev);
						return err;
					}
					i = 0;
				}
			}
		}
	}
	err = 0;
	if (i) {
		ev->header.type = PERF_RECORD_ID_INDEX;
		ev->header.size = (uint16_t)(sizeof(*ev) + i * sizeof(struct id_index_entry));
		ev->nr = i;
		err = s->write(s->ctx, (union perf_event *)ev);
	}
	free(ev);
	return err;
}

static int synthesize_bare(struct synth_ctx *s, uint32_t type)
{
	struct perf_event_header h = { .type = type, .size = sizeof(h) };

	return s->write(s->ctx, (union perf_event *)&h);
}

int perf_event__synthesize_finished_init(struct synth_ctx *s)
{
	return synthesize_bare(s, PERF_RECORD_FINISHED_INIT);
}

int perf_event__synthesize_finished_round(struct synth_ctx *s)
{
	return synthesize_bare(s, PERF_RECORD_FINISHED_ROUND);
}

static bool pid_in(const pid_t *set, size_t nr, pid_t pid)
{
	size_t i;

	for (i = 0; i < nr; i++)
		if (set[i] == pid)
			return true;
	return false;
}

/*
 * The processes descending from @pid (itself included), from the ppid
 * field of every /proc/PID/stat, read once; the tree grows a generation
 * per pass over that list, so parents are described before children.
 */
int perf_event__synthesize_process_tree(struct synth_ctx *s, pid_t pid)
{
	pid_t *tree = NULL;
	size_t nr = 0, alloc = 0, i, before;
	struct {
		pid_t pid, ppid;
	} *all = NULL;
	size_t nall = 0, aall = 0;
	struct dirent *de;
	int err = 0;
	DIR *d = opendir(procfs__mountpoint());

	if (!d)
		return -errno;
	while ((de = readdir(d)) != NULL) {
		char path[PATH_MAX], *buf, *p;

		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		snprintf(path, sizeof(path), "%s/%s/stat", procfs__mountpoint(), de->d_name);
		if (filename__read_str(path, &buf, NULL))
			continue;
		/* "pid (comm) state ppid": comm may hold spaces and ')'. */
		p = strrchr(buf, ')');
		if (p && nall == aall) {
			void *n = realloc(all, (aall = aall ? aall * 2 : 512) * sizeof(*all));

			if (!n) {
				free(buf);
				err = -ENOMEM;
				break;
			}
			all = n;
		}
		if (p) {
			all[nall].pid = (pid_t)atoi(de->d_name);
			all[nall].ppid = (pid_t)atoi(p + 4);
			nall++;
		}
		free(buf);
	}
	closedir(d);
	if (err)
		goto out;
	/* Grow the tree until a pass adds nobody. */
	tree = malloc(sizeof(*tree) * (nall + 1));
	if (!tree) {
		err = -ENOMEM;
		goto out;
	}
	tree[nr++] = pid;
	alloc = nall + 1;
	do {
		before = nr;
		for (i = 0; i < nall && nr < alloc; i++)
			if (!pid_in(tree, nr, all[i].pid) && pid_in(tree, nr, all[i].ppid))
				tree[nr++] = all[i].pid;
	} while (nr != before);
	for (i = 0; i < nr && !err; i++)
		err = synthesize_process(s, tree[i]);
out:
	free(tree);
	free(all);
	return err;
}

int perf_event__synthesize_lost_samples(struct synth_ctx *s, uint64_t sample_type,
					uint64_t id, uint64_t lost)
{
	char buf[sizeof(struct perf_record_lost_samples) + 64];
	struct perf_record_lost_samples *ev = (void *)buf;
	size_t size = sizeof(*ev);

	memset(buf, 0, sizeof(buf));
	ev->header.type = PERF_RECORD_LOST_SAMPLES;
	ev->lost = lost;
	if (s->id_all)
		size += id_trailer_of(sample_type, buf + size, 0, 0, id);
	ev->header.size = (uint16_t)size;
	return s->write(s->ctx, (union perf_event *)ev);
}

/* ---- perf stat record: counts and their configuration ---- */

/*
 * The reference sizes its unit, name and scale EVENT_UPDATE records with
 * a 16-byte union after the id, plus the payload: the same sizes here,
 * so the two tools' files match record for record (readers ignore the
 * tail).
 */
#define EVENT_UPDATE_PAD 16

static struct perf_record_event_update *event_update__new(size_t payload, uint64_t type,
							  uint64_t id, size_t pad)
{
	struct perf_record_event_update *ev;
	size_t size = align8(sizeof(*ev) + pad + payload);

	if (size > 0xfff8)
		return NULL;
	ev = calloc(1, size);
	if (!ev)
		return NULL;
	ev->header.type = PERF_RECORD_EVENT_UPDATE;
	ev->header.size = (uint16_t)size;
	ev->type = type;
	ev->id = id;
	return ev;
}

static int event_update__write_str(struct synth_ctx *s, uint64_t type, uint64_t id,
				   const char *str)
{
	size_t len = strlen(str) + 1;
	struct perf_record_event_update *ev;
	int err;

	ev = event_update__new(len, type, id, EVENT_UPDATE_PAD);
	if (!ev)
		return -ENOMEM;
	memcpy(ev->data, str, len);
	err = s->write(s->ctx, (union perf_event *)ev);
	free(ev);
	return err;
}

int perf_event__synthesize_event_update_unit(struct synth_ctx *s, uint64_t id,
					     const char *unit)
{
	return event_update__write_str(s, PERF_EVENT_UPDATE__UNIT, id, unit);
}

int perf_event__synthesize_event_update_name(struct synth_ctx *s, uint64_t id,
					     const char *name)
{
	return event_update__write_str(s, PERF_EVENT_UPDATE__NAME, id, name);
}

int perf_event__synthesize_event_update_scale(struct synth_ctx *s, uint64_t id, double scale)
{
	struct perf_record_event_update *ev;
	int err;

	ev = event_update__new(sizeof(scale), PERF_EVENT_UPDATE__SCALE, id,
			       EVENT_UPDATE_PAD);
	if (!ev)
		return -ENOMEM;
	memcpy(ev->data, &scale, sizeof(scale));
	err = s->write(s->ctx, (union perf_event *)ev);
	free(ev);
	return err;
}

/*
 * The payload of a CPU_MAP record (also the CPUS kind of EVENT_UPDATE)
 * for @cpus into @buf, which has room for 8 + 2 * nr bytes: a range when
 * the CPUs are consecutive, else the list of u16. Returns its length.
 */
static size_t cpu_map_data__encode(const struct perf_cpu_map *cpus, uint8_t *buf)
{
	int nr = perf_cpu_map__nr(cpus), i;
	uint16_t u;
	bool range = nr > 0 && perf_cpu_map__cpu(cpus, 0).cpu >= 0;

	for (i = 1; i < nr && range; i++)
		range = perf_cpu_map__cpu(cpus, i).cpu == perf_cpu_map__cpu(cpus, i - 1).cpu + 1;
	if (range) {
		/* type, any_cpu, pad, start, end */
		u = PERF_CPU_MAP__RANGE_CPUS;
		memcpy(buf, &u, 2);
		buf[2] = 0;
		buf[3] = 0;
		u = (uint16_t)perf_cpu_map__cpu(cpus, 0).cpu;
		memcpy(buf + 4, &u, 2);
		u = (uint16_t)perf_cpu_map__cpu(cpus, nr - 1).cpu;
		memcpy(buf + 6, &u, 2);
		return 8;
	}
	u = PERF_CPU_MAP__CPUS;
	memcpy(buf, &u, 2);
	u = (uint16_t)nr;
	memcpy(buf + 2, &u, 2);
	for (i = 0; i < nr; i++) {
		/* -1, the "any CPU" entry, travels as (u16)-1. */
		u = (uint16_t)perf_cpu_map__cpu(cpus, i).cpu;
		memcpy(buf + 4 + 2 * i, &u, 2);
	}
	return 4 + 2 * (size_t)nr;
}

int perf_event__synthesize_event_update_cpus(struct synth_ctx *s, uint64_t id,
					     const struct perf_cpu_map *cpus)
{
	size_t room = 8 + 2 * (size_t)perf_cpu_map__nr(cpus);
	struct perf_record_event_update *ev;
	uint8_t *payload = malloc(room);
	size_t len;
	int err;

	if (!payload)
		return -ENOMEM;
	len = cpu_map_data__encode(cpus, payload);
	ev = event_update__new(len, PERF_EVENT_UPDATE__CPUS, id, 0);
	if (!ev) {
		free(payload);
		return -ENOMEM;
	}
	memcpy(ev->data, payload, len);
	free(payload);
	err = s->write(s->ctx, (union perf_event *)ev);
	free(ev);
	return err;
}

int perf_event__synthesize_extra_attr(struct synth_ctx *s, struct evlist *evlist,
				      bool is_pipe)
{
	struct evsel *evsel;
	int err = 0;

	evlist__for_each_entry(evlist, evsel) {
		/* Updates are keyed by id: an event never opened has none. */
		if (!evsel->ids)
			continue;
		if (evsel->unit && evsel->unit[0])
			err = perf_event__synthesize_event_update_unit(s, evsel->id[0],
								       evsel->unit);
		if (!err && evsel->scale != 1.0)
			err = perf_event__synthesize_event_update_scale(s, evsel->id[0],
									evsel->scale);
		if (!err && evsel->own_cpus)
			err = perf_event__synthesize_event_update_cpus(s, evsel->id[0],
								       evsel->own_cpus);
		/* A file has the names in HEADER_EVENT_DESC; a pipe has no features. */
		if (!err && is_pipe)
			err = perf_event__synthesize_event_update_name(s, evsel->id[0],
								       evsel__name(evsel));
		if (err)
			return err;
	}
	return 0;
}

int perf_event__synthesize_stat_config(struct synth_ctx *s, uint64_t aggr_mode,
				       uint64_t interval, bool scale)
{
	char buf[sizeof(struct perf_record_stat_config) +
		 PERF_STAT_CONFIG_TERM__MAX * sizeof(struct perf_record_stat_config_entry)];
	struct perf_record_stat_config *ev = (void *)buf;

	memset(buf, 0, sizeof(buf));
	ev->header.type = PERF_RECORD_STAT_CONFIG;
	ev->header.size = sizeof(buf);
	ev->nr = PERF_STAT_CONFIG_TERM__MAX;
	ev->data[0].tag = PERF_STAT_CONFIG_TERM__AGGR_MODE;
	ev->data[0].val = aggr_mode;
	ev->data[1].tag = PERF_STAT_CONFIG_TERM__INTERVAL;
	ev->data[1].val = interval;
	ev->data[2].tag = PERF_STAT_CONFIG_TERM__SCALE;
	ev->data[2].val = scale;
	return s->write(s->ctx, (union perf_event *)ev);
}

int perf_event__synthesize_stat(struct synth_ctx *s, int cpu, uint32_t thread,
				uint64_t id, uint64_t val, uint64_t ena, uint64_t run)
{
	struct perf_record_stat ev;

	memset(&ev, 0, sizeof(ev));
	ev.header.type = PERF_RECORD_STAT;
	ev.header.size = sizeof(ev);
	ev.id = id;
	ev.cpu = (uint32_t)cpu;
	ev.thread = thread;
	ev.val = val;
	ev.ena = ena;
	ev.run = run;
	return s->write(s->ctx, (union perf_event *)&ev);
}

int perf_event__synthesize_stat_round(struct synth_ctx *s, uint64_t time, uint64_t type)
{
	struct perf_record_stat_round ev;

	memset(&ev, 0, sizeof(ev));
	ev.header.type = PERF_RECORD_STAT_ROUND;
	ev.header.size = sizeof(ev);
	ev.type = type;
	ev.time = time;
	return s->write(s->ctx, (union perf_event *)&ev);
}
