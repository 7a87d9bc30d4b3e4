/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The perf.data header: the file header, the attr section and the
 * feature sections after the data (file mode), or their record forms
 * (pipe mode). Both directions live behind this header:
 *   header-write.c  (perf record: collect the machine's description, write)
 *   header-read.c   (perf report/script: read, validate, byte-swap)
 *   header-print.c  (perf report --header / --header-only)
 * and share struct perf_env, the description of the machine that
 * recorded the data.
 *
 * Layer 2: depends on util/event.h, util/evlist, util/evsel.
 */
#ifndef PERF_UTIL_HEADER_H
#define PERF_UTIL_HEADER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <linux/perf_event.h>

#include "event.h"

struct evlist;
struct evsel;

/* Feature bits of perf_file_header.adds_features (the on-disk numbers). */
enum {
	HEADER_RESERVED		= 0,
	HEADER_FIRST_FEATURE	= 1,
	HEADER_TRACING_DATA	= 1,
	HEADER_BUILD_ID,
	HEADER_HOSTNAME,
	HEADER_OSRELEASE,
	HEADER_VERSION,
	HEADER_ARCH,
	HEADER_NRCPUS,
	HEADER_CPUDESC,
	HEADER_CPUID,
	HEADER_TOTAL_MEM,
	HEADER_CMDLINE,
	HEADER_EVENT_DESC,
	HEADER_CPU_TOPOLOGY,
	HEADER_NUMA_TOPOLOGY,
	HEADER_BRANCH_STACK,
	HEADER_PMU_MAPPINGS,
	HEADER_GROUP_DESC,
	HEADER_AUXTRACE,
	HEADER_STAT,
	HEADER_CACHE,
	HEADER_SAMPLE_TIME,
	HEADER_MEM_TOPOLOGY,
	HEADER_CLOCKID,
	HEADER_DIR_FORMAT,
	HEADER_BPF_PROG_INFO,
	HEADER_BPF_BTF,
	HEADER_COMPRESSED,
	HEADER_CPU_PMU_CAPS,
	HEADER_CLOCK_DATA,
	HEADER_HYBRID_TOPOLOGY,
	HEADER_PMU_CAPS,
	HEADER_LAST_FEATURE,
	HEADER_FEAT_BITS	= 256,
};

/* "PERFILE2" read as a little-endian u64; byte-swapped in foreign files. */
#define PERF_MAGIC2		0x32454c4946524550ULL
#define PERF_MAGIC2_SWAPPED	0x50455246494c4532ULL

struct perf_file_section {
	uint64_t offset;	/* from the start of the file */
	uint64_t size;
};

/* The first bytes of a perf.data file (104 bytes). */
struct perf_file_header {
	uint64_t magic;
	uint64_t size;		/* sizeof(struct perf_file_header) */
	uint64_t attr_size;	/* sizeof(struct perf_file_attr) when written */
	struct perf_file_section attrs;
	struct perf_file_section data;
	struct perf_file_section event_types;	/* unused, zero */
	uint64_t adds_features[HEADER_FEAT_BITS / 64];
};

/* The first bytes of a pipe stream (16 bytes). */
struct perf_pipe_file_header {
	uint64_t magic;
	uint64_t size;		/* sizeof(struct perf_pipe_file_header) */
};

/* One entry of the attr section: the attr, then where its ids are. */
struct perf_file_attr {
	struct perf_event_attr attr;
	struct perf_file_section ids;
};

static inline bool perf_header__feat_test(const uint64_t *bits, int feat)
{
	return bits[feat / 64] & (1ULL << (feat % 64));
}

static inline void perf_header__feat_set(uint64_t *bits, int feat)
{
	bits[feat / 64] |= 1ULL << (feat % 64);
}

/* The feature's name as `perf report --header-only` prints it ("hostname"). */
const char *header_feat__name(int feat);

/* ---- the machine description ---- */

/* CPU topology ids of one CPU (HEADER_CPU_TOPOLOGY revisions 2 and 3). */
struct cpu_topology_map {
	int socket_id;
	int die_id;
	int core_id;
};

struct numa_node {
	uint32_t node;
	uint64_t mem_total;
	uint64_t mem_free;
	char *cpus;		/* cpu list string ("0-3") */
};

struct cpu_cache_level {
	uint32_t level;
	uint32_t line_size;
	uint32_t sets;
	uint32_t ways;
	char *type;
	char *size;
	char *map;
};

struct memory_node {
	uint64_t node;
	uint64_t size;		/* bits in @set */
	uint64_t *set;
};

struct pmu_caps {
	char *pmu_name;
	int nr_caps;
	char **caps;		/* "name=value" */
};

/**
 * struct perf_env - the machine a perf.data file was recorded on
 *
 * perf record fills it from the running system (perf_env__init_host())
 * and writes it as features; readers fill it from the features. Strings
 * and arrays are owned by the env and freed by perf_env__exit(). Fields
 * of features the file lacks stay zero/NULL.
 *
 * @sibling_*:     the topology strings ("0-1") as HEADER_CPU_TOPOLOGY lists
 * @cpu:           per-CPU ids, @nr_cpus_avail entries
 * @pmu_mappings:  "type:name" strings, @nr_pmu_mappings of them
 * @event_names:   per attr index, from HEADER_EVENT_DESC
 * @group_desc:    "{a,b}" group names and members from HEADER_GROUP_DESC
 */
struct perf_env {
	char *hostname;
	char *os_release;
	char *version;
	char *arch;
	int nr_cpus_online;
	int nr_cpus_avail;
	char *cpu_desc;
	char *cpuid;
	uint64_t total_mem;		/* kB */
	int nr_cmdline;
	char **cmdline_argv;
	int nr_sibling_cores;
	char **sibling_cores;
	int nr_sibling_dies;
	char **sibling_dies;
	int nr_sibling_threads;
	char **sibling_threads;
	struct cpu_topology_map *cpu;
	int nr_numa_nodes;
	struct numa_node *numa_nodes;
	int nr_pmu_mappings;
	char **pmu_mappings;
	int nr_groups;
	struct {
		char *name;
		uint32_t leader_idx;
		uint32_t nr_members;
	} *groups;
	int nr_caches;
	struct cpu_cache_level *caches;
	uint64_t first_sample_time;
	uint64_t last_sample_time;
	uint64_t memory_bsize;
	int nr_memory_nodes;
	struct memory_node *memory_nodes;
	uint64_t clockid_res_ns;
	struct {
		uint32_t version;
		uint32_t clockid;
		uint64_t tod_ns;	/* wall clock at the reference point */
		uint64_t clockid_ns;	/* the event clock at the same point */
		bool enabled;
	} clock;
	struct {
		uint32_t version;
		uint32_t type;
		uint32_t level;
		uint32_t ratio;
		uint32_t mmap_len;
	} comp;
	int nr_cpu_pmu_caps;
	char **cpu_pmu_caps;		/* "name=value" */
	int nr_pmus_with_caps;
	struct pmu_caps *pmu_caps;
	uint64_t dir_format_version;
	/* HEADER_TRACING_DATA / PERF_RECORD_HEADER_TRACING_DATA, raw */
	void *tracing_data;
	uint64_t tracing_data_size;

	/* ---- filled by the reader (header-read.c) ---- */
	/* HEADER_EVENT_DESC as recorded (attr with its on-file size, name, ids) */
	int nr_event_desc;
	struct perf_event_desc *event_desc;
	/* HEADER_HYBRID_TOPOLOGY */
	int nr_hybrid_nodes;
	struct hybrid_node *hybrid_nodes;
	/* HEADER_BUILD_ID (file mode) and PERF_RECORD_HEADER_BUILD_ID (pipe mode) */
	int nr_build_ids;
	struct perf_build_id_entry *build_ids;
	/* HEADER_BPF_PROG_INFO / HEADER_BPF_BTF: only how many there are */
	uint32_t nr_bpf_prog_infos;
	uint32_t nr_bpf_btfs;
};

/* One entry of HEADER_EVENT_DESC. */
struct perf_event_desc {
	struct perf_event_attr attr;	/* attr.size as in the file */
	char *name;
	uint32_t nr_ids;
	uint64_t *ids;
};

struct hybrid_node {
	char *pmu_name;
	char *cpus;
};

/* A build id the recording machine saw for @filename (misc: cpumode bits). */
struct perf_build_id_entry {
	int32_t pid;
	uint16_t misc;
	uint8_t size;
	uint8_t build_id[BUILD_ID_SIZE];
	char *filename;
};

/*
 * Fill @env from the running system: uname, /proc/cpuinfo, /proc/meminfo,
 * sysfs topology, NUMA, caches, PMUs. Returns 0 or -ENOMEM; a missing
 * source (no NUMA in sysfs) leaves its fields empty.
 */
int perf_env__init_host(struct perf_env *env);
/* Free everything @env owns and zero it. */
void perf_env__exit(struct perf_env *env);

/* The arch of the recording machine, normalised ("x86", "arm64"), never NULL. */
const char *perf_env__arch(const struct perf_env *env);

/* ---- the header object ---- */

/**
 * struct perf_header - what a reader learned from, or a writer puts into,
 * the file's header
 * @needs_swap:  the file is of the other endianness
 * @data_offset, @data_size: the data section
 * @feat_offset: where the feature section table starts
 * @adds_features: feature bits present
 * @env:         the recording machine
 */
/* One entry of HEADER_BUILD_ID: a binary the samples hit. */
struct build_id_entry {
	int32_t pid;
	uint16_t misc;			/* PERF_RECORD_MISC_KERNEL / _USER ... */
	uint8_t size;			/* bytes of @build_id used (20 for SHA-1) */
	uint8_t build_id[BUILD_ID_SIZE];
	char *filename;
};

struct perf_header {
	int nr_build_ids;
	struct build_id_entry *build_ids;
	bool needs_swap;
	bool is_pipe;
	uint64_t data_offset;
	uint64_t data_size;
	uint64_t feat_offset;
	uint64_t adds_features[HEADER_FEAT_BITS / 64];
	struct perf_env env;

	/* ---- filled by the reader (header-read.c) ---- */
	uint32_t version;		/* 1 for "PERFILE2", 0 for the legacy magic */
	int64_t mtime;			/* the input's mtime: "# captured on" */
	uint64_t file_size;		/* 0 for a pipe */
	/*
	 * The data size was 0 (perf record never finished): whatever follows
	 * the data offset is records, not a feature table, so features are
	 * not read.
	 */
	bool unfinished;
	struct perf_file_section feat_sections[HEADER_LAST_FEATURE];
};

/* ---- writing (header-write.c) ---- */

/*
 * Write the file header, the attrs of @evlist with their ids, and (when
 * @at_exit) the features listed in h->adds_features after the data
 * section, which ends at h->data_offset + h->data_size. Call once with
 * @at_exit false before the data (reserving room) and once at the end.
 * Returns 0 or -errno.
 */
int perf_header__write(struct perf_header *h, struct evlist *evlist, int fd,
		       bool at_exit);

/* The pipe-mode file header. 0 or -errno. */
int perf_header__write_pipe(int fd);

/* Callback that writes one synthesized record; returns 0 or -errno. */
typedef int (*perf_event_write_fn)(void *ctx, const union perf_event *event);

/*
 * Pipe mode: emit HEADER_ATTR records for @evlist, then a HEADER_FEATURE
 * record for each feature set in h->adds_features that can be written
 * before the data. Returns 0 or -errno.
 */
int perf_header__synthesize_pipe(struct perf_header *h, struct evlist *evlist,
				 perf_event_write_fn write, void *ctx);

/* ---- reading (header-read.c) ---- */

struct perf_data;

/*
 * Read the header of @data (file or pipe) into @h and the attrs into
 * @evlist (one evsel per attr, with its ids and name from event_desc).
 * Every size and offset is checked against the file size; a damaged
 * header is refused with a message naming the offset. Returns 0 or -errno
 * (-EINVAL for a damaged or foreign file, with a message printed).
 */
int perf_header__read(struct perf_header *h, struct perf_data *data,
		      struct evlist *evlist);

/*
 * Apply a pipe-mode HEADER_ATTR or HEADER_FEATURE record to @h/@evlist.
 * Returns 0 or -EINVAL for a damaged record.
 */
int perf_header__process_attr(struct perf_header *h, struct evlist *evlist,
			      const union perf_event *event);
int perf_header__process_feature(struct perf_header *h,
				 const union perf_event *event);

/*
 * Give the evsels of @evlist the names HEADER_EVENT_DESC recorded (where
 * they have none); with @final also the groups of HEADER_GROUP_DESC and
 * default names for the rest. perf_header__read() does it; pipe-mode
 * readers call it after the feature records. 0 or -ENOMEM.
 */
int perf_header__apply_to_evlist(struct perf_header *h, struct evlist *evlist, bool final);

/* ---- printing (header-print.c) ---- */

/*
 * Print the features as `perf report --header(-only)` does ("# hostname :
 * ..."), @full adds the ones the reference shows only with -I.
 */
void perf_header__fprintf_info(struct perf_header *h, struct evlist *evlist,
			       FILE *fp, bool full);

/*
 * Print one feature as perf_header__fprintf_info() would (pipe mode
 * prints each HEADER_FEATURE record as it arrives). Features shown only
 * with -I print "# <NAME> info available, use -I to display" unless @full.
 */
void perf_header__fprintf_feature(struct perf_header *h, struct evlist *evlist,
				  int feat, FILE *fp, bool full);

/*
 * The name perf gives an event that has no recorded name: the generic
 * name for its type/config (tracepoints: "sys:name" from the tracing
 * data in @env when there is one) and the reference's modifiers
 * (":u", ":ppp", ":HG"). Returns @buf.
 */
char *perf_event_attr__default_name(const struct perf_event_attr *attr,
				    const struct perf_env *env, char *buf, size_t size);

/* Append the reference's ":ukhpppHG" suffix for @attr to the name in @bf. */
size_t perf_event_attr__add_modifiers(const struct perf_event_attr *attr, char *bf, size_t size);

#endif /* PERF_UTIL_HEADER_H */
