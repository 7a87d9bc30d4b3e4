// SPDX-License-Identifier: GPL-2.0
/*
 * gen-perf-data: write a large, deterministic perf.data for the report
 * benchmarks, so both perfs read the same file without a long recording.
 *
 *   gen-perf-data OUT NR_SAMPLES [-g] [DSO]
 *
 * One cpu-clock event (sample_type IP|TID|TIME|PERIOD, plus CALLCHAIN
 * with -g), four threads of one process "bench" that maps DSO (default
 * the libc of this machine) and samples addresses in its executable
 * segment: a skewed choice among 4096 hot addresses, and with -g chains
 * of 6 to 24 frames drawn from a fixed call tree of 4096 paths. The same
 * arguments give the same bytes.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/perf_event.h>

#define NR_HOT		4096
#define NR_PATHS	4096
#define MAX_DEPTH	24
#define BASE		0x7f0000000000ULL
#define PID		4242
#define PERF_RECORD_FINISHED_ROUND 68

struct file_section {
	uint64_t offset, size;
};

struct file_header {
	uint64_t magic;
	uint64_t size;
	uint64_t attr_size;
	struct file_section attrs;
	struct file_section data;
	struct file_section event_types;
	uint64_t features[4];
};

struct file_attr {
	struct perf_event_attr attr;
	struct file_section ids;
};

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static FILE *out;
static uint64_t written;

static void put(const void *p, size_t n)
{
	if (fwrite(p, 1, n, out) != n) {
		perror("write");
		exit(1);
	}
	written += n;
}

/* The executable PT_LOAD of @path: file offset and size. */
static int exec_segment(const char *path, uint64_t *off, uint64_t *size, uint64_t *fsize)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	struct stat st;
	int fd = open(path, O_RDONLY), i;

	if (fd < 0 || fstat(fd, &st) || pread(fd, &eh, sizeof(eh), 0) != sizeof(eh) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS64)
		goto fail;
	*fsize = (uint64_t)st.st_size;
	for (i = 0; i < eh.e_phnum; i++) {
		if (pread(fd, &ph, sizeof(ph), (off_t)(eh.e_phoff + (uint64_t)i * eh.e_phentsize)) !=
		    sizeof(ph))
			goto fail;
		if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X)) {
			*off = ph.p_offset;
			*size = ph.p_filesz;
			close(fd);
			return 0;
		}
	}
fail:
	if (fd >= 0)
		close(fd);
	return -1;
}

static void put_comm(uint32_t tid, const char *name)
{
	struct {
		struct perf_event_header h;
		uint32_t pid, tid;
		char comm[16];
	} r;

	memset(&r, 0, sizeof(r));
	r.h.type = PERF_RECORD_COMM;
	r.h.size = sizeof(r);
	r.pid = PID;
	r.tid = tid;
	snprintf(r.comm, sizeof(r.comm), "%s", name);
	put(&r, sizeof(r));
}

static void put_mmap2(const char *path, uint64_t len)
{
	struct {
		struct perf_event_header h;
		uint32_t pid, tid;
		uint64_t addr, len, pgoff;
		uint32_t maj, min;
		uint64_t ino, ino_generation;
		uint32_t prot, flags;
	} r;
	size_t name_len = (strlen(path) + 1 + 7) & ~(size_t)7;
	char name[4096];

	memset(&r, 0, sizeof(r));
	memset(name, 0, sizeof(name));
	snprintf(name, sizeof(name), "%s", path);
	r.h.type = PERF_RECORD_MMAP2;
	r.h.size = (uint16_t)(sizeof(r) + name_len);
	r.pid = PID;
	r.tid = PID;
	r.addr = BASE;
	r.len = (len + 4095) & ~4095ULL;
	r.prot = 5;	/* r-x */
	r.flags = 2;	/* MAP_PRIVATE */
	put(&r, sizeof(r));
	put(name, name_len);
}

int main(int argc, char **argv)
{
	const char *dso = "/usr/lib/x86_64-linux-gnu/libc.so.6";
	uint64_t nr, seg_off, seg_size, fsize, i, t = 1000000000ULL;
	static uint64_t hot[NR_HOT];
	static uint64_t paths[NR_PATHS][MAX_DEPTH];
	static int depth[NR_PATHS];
	struct file_header fh;
	struct file_attr fa;
	int g = 0, a, j;

	if (argc < 3) {
		fprintf(stderr, "usage: gen-perf-data OUT NR_SAMPLES [-g] [DSO]\n");
		return 2;
	}
	nr = strtoull(argv[2], NULL, 0);
	for (a = 3; a < argc; a++) {
		if (!strcmp(argv[a], "-g"))
			g = 1;
		else
			dso = argv[a];
	}
	if (exec_segment(dso, &seg_off, &seg_size, &fsize)) {
		fprintf(stderr, "gen-perf-data: %s: no executable ELF64 segment\n", dso);
		return 1;
	}
	for (j = 0; j < NR_HOT; j++)
		hot[j] = BASE + seg_off + next_rand() % seg_size;
	/* A call tree: each path extends a shorter one, so chains share callers. */
	for (j = 0; j < NR_PATHS; j++) {
		int parent = j ? (int)(next_rand() % (uint64_t)j) : -1, k;

		if (parent < 0 || depth[parent] >= MAX_DEPTH - 1) {
			depth[j] = 6;
			for (k = 0; k < 6; k++)
				paths[j][k] = hot[next_rand() % NR_HOT];
		} else {
			depth[j] = depth[parent] + 1;
			for (k = 0; k < depth[parent]; k++)
				paths[j][k] = paths[parent][k];
			paths[j][k] = hot[next_rand() % NR_HOT];
		}
	}

	out = fopen(argv[1], "wb");
	if (!out) {
		perror(argv[1]);
		return 1;
	}
	memset(&fh, 0, sizeof(fh));
	memset(&fa, 0, sizeof(fa));
	fa.attr.type = PERF_TYPE_SOFTWARE;
	fa.attr.config = PERF_COUNT_SW_CPU_CLOCK;
	fa.attr.size = sizeof(fa.attr);
	fa.attr.sample_freq = 4000;
	fa.attr.freq = 1;
	fa.attr.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_TIME |
			      PERF_SAMPLE_PERIOD | (g ? PERF_SAMPLE_CALLCHAIN : 0);
	fa.attr.disabled = 1;
	fa.attr.inherit = 1;
	fa.attr.exclude_kernel = 1;
	fa.attr.comm = 1;
	fa.attr.mmap = 1;
	fa.attr.mmap2 = 1;
	fa.attr.comm_exec = 1;
	fh.magic = 0x32454c4946524550ULL;	/* "PERFILE2" */
	fh.size = sizeof(fh);
	fh.attr_size = sizeof(fa);
	fh.attrs.offset = sizeof(fh);
	fh.attrs.size = sizeof(fa);
	fh.data.offset = sizeof(fh) + sizeof(fa);
	put(&fh, sizeof(fh));
	put(&fa, sizeof(fa));

	put_comm(PID, "bench");
	for (j = 1; j < 4; j++)
		put_comm(PID + (uint32_t)j, j & 1 ? "bench-worker" : "bench");
	put_mmap2(dso, fsize);
	for (i = 0; i < nr; i++) {
		uint64_t rec[8 + MAX_DEPTH + 2];
		uint64_t r = next_rand();
		/* Skewed: a few addresses get most samples, as in real profiles. */
		uint64_t idx = (r % NR_HOT) * ((r >> 32) % NR_HOT) / NR_HOT;
		struct perf_event_header *h = (struct perf_event_header *)rec;
		int n = 1, p = (int)((r >> 16) % NR_PATHS), k;

		h->type = PERF_RECORD_SAMPLE;
		h->misc = PERF_RECORD_MISC_USER;
		rec[n++] = hot[idx];
		rec[n++] = ((uint64_t)(PID + (uint32_t)(i % 4)) << 32) | (uint64_t)PID;
		rec[n++] = t;
		rec[n++] = 250000;
		t += 250000;
		if (g) {
			rec[n++] = (uint64_t)depth[p] + 2;
			rec[n++] = PERF_CONTEXT_USER;
			rec[n++] = hot[idx];
			for (k = depth[p] - 1; k >= 0; k--)
				rec[n++] = paths[p][k];
		}
		h->size = (uint16_t)(n * 8);
		put(rec, (size_t)n * 8);
		if (i % 10000 == 9999) {
			struct perf_event_header fr = { PERF_RECORD_FINISHED_ROUND, 0, 8 };

			put(&fr, sizeof(fr));
		}
	}
	fh.data.size = written - fh.data.offset;
	if (fseek(out, 0, SEEK_SET)) {
		perror("seek");
		return 1;
	}
	put(&fh, sizeof(fh));
	if (fclose(out)) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
