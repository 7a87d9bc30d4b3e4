/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The record layouts of perf.data: the kernel's PERF_RECORD_* (as the ring
 * buffer delivers them) and perf's own user records (64 and up), in one
 * union perf_event. The writer (record, inject) and every reader (report,
 * script, the reference perf) agree on these bytes, so this file is the
 * single definition; nothing else declares a record layout.
 *
 * Samples are variable: their fields depend on attr.sample_type and are
 * decoded by evsel__parse_sample() into struct perf_sample.
 *
 * Layer 2: depends on the kernel ABI header only.
 */
#ifndef PERF_UTIL_EVENT_H
#define PERF_UTIL_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <linux/perf_event.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* Records perf itself writes; the kernel uses values below 64. */
enum perf_user_event_type {
	PERF_RECORD_USER_TYPE_START	= 64,
	PERF_RECORD_HEADER_ATTR		= 64,
	PERF_RECORD_HEADER_EVENT_TYPE	= 65,	/* deprecated, skipped */
	PERF_RECORD_HEADER_TRACING_DATA	= 66,
	PERF_RECORD_HEADER_BUILD_ID	= 67,
	PERF_RECORD_FINISHED_ROUND	= 68,
	PERF_RECORD_ID_INDEX		= 69,
	PERF_RECORD_AUXTRACE_INFO	= 70,
	PERF_RECORD_AUXTRACE		= 71,
	PERF_RECORD_AUXTRACE_ERROR	= 72,
	PERF_RECORD_THREAD_MAP		= 73,
	PERF_RECORD_CPU_MAP		= 74,
	PERF_RECORD_STAT_CONFIG		= 75,
	PERF_RECORD_STAT		= 76,
	PERF_RECORD_STAT_ROUND		= 77,
	PERF_RECORD_EVENT_UPDATE	= 78,
	PERF_RECORD_TIME_CONV		= 79,
	PERF_RECORD_HEADER_FEATURE	= 80,
	PERF_RECORD_COMPRESSED		= 81,
	PERF_RECORD_FINISHED_INIT	= 82,
	PERF_RECORD_HEADER_MAX
};

/* Flag in perf_event_header.misc of an MMAP2 record: build id instead of inode data. */
#ifndef PERF_RECORD_MISC_MMAP_BUILD_ID
#define PERF_RECORD_MISC_MMAP_BUILD_ID (1 << 14)
#endif

/* ---- kernel records ---- */

struct perf_record_mmap {
	struct perf_event_header header;
	uint32_t pid, tid;
	uint64_t start;
	uint64_t len;
	uint64_t pgoff;
	char filename[PATH_MAX];
};

struct perf_record_mmap2 {
	struct perf_event_header header;
	uint32_t pid, tid;
	uint64_t start;
	uint64_t len;
	uint64_t pgoff;
	union {
		struct {
			uint32_t maj;
			uint32_t min;
			uint64_t ino;
			uint64_t ino_generation;
		};
		struct {
			uint8_t build_id_size;
			uint8_t __reserved_1;
			uint16_t __reserved_2;
			uint8_t build_id[20];
		};
	};
	uint32_t prot;
	uint32_t flags;
	char filename[PATH_MAX];
};

struct perf_record_comm {
	struct perf_event_header header;
	uint32_t pid, tid;
	char comm[16];
};

struct perf_record_namespaces {
	struct perf_event_header header;
	uint32_t pid, tid;
	uint64_t nr_namespaces;
	struct perf_ns_link_info link_info[];	/* from linux/perf_event.h */
};

/* FORK and EXIT share a layout. */
struct perf_record_fork {
	struct perf_event_header header;
	uint32_t pid, ppid;
	uint32_t tid, ptid;
	uint64_t time;
};

struct perf_record_lost {
	struct perf_event_header header;
	uint64_t id;
	uint64_t lost;
};

struct perf_record_lost_samples {
	struct perf_event_header header;
	uint64_t lost;
};

/* THROTTLE and UNTHROTTLE. */
struct perf_record_throttle {
	struct perf_event_header header;
	uint64_t time;
	uint64_t id;
	uint64_t stream_id;
};

/* READ: one counter value (without PERF_FORMAT_GROUP). */
struct perf_record_read {
	struct perf_event_header header;
	uint32_t pid, tid;
	uint64_t value;
	uint64_t time_enabled;
	uint64_t time_running;
	uint64_t id;
	uint64_t lost;
};

struct perf_record_aux {
	struct perf_event_header header;
	uint64_t aux_offset;
	uint64_t aux_size;
	uint64_t flags;
};

struct perf_record_itrace_start {
	struct perf_event_header header;
	uint32_t pid, tid;
};

/* SWITCH has no payload; SWITCH_CPU_WIDE adds the other task. */
struct perf_record_switch {
	struct perf_event_header header;
	uint32_t next_prev_pid;
	uint32_t next_prev_tid;
};

struct perf_record_ksymbol {
	struct perf_event_header header;
	uint64_t addr;
	uint32_t len;
	uint16_t ksym_type;
	uint16_t flags;
	char name[256];
};

struct perf_record_bpf_event {
	struct perf_event_header header;
	uint16_t type;
	uint16_t flags;
	uint32_t id;
	uint8_t tag[8];
};

struct perf_record_cgroup {
	struct perf_event_header header;
	uint64_t id;
	char path[PATH_MAX];
};

struct perf_record_text_poke_event {
	struct perf_event_header header;
	uint64_t addr;
	uint16_t old_len;
	uint16_t new_len;
	uint8_t bytes[];
};

struct perf_record_aux_output_hw_id {
	struct perf_event_header header;
	uint64_t hw_id;
};

/* ---- perf's own records ---- */

/* PERF_RECORD_HEADER_ATTR: an attr and its ids, in pipe mode. */
struct perf_record_header_attr {
	struct perf_event_header header;
	struct perf_event_attr attr;
	/* followed by uint64_t id[] up to header.size */
};

struct perf_record_header_tracing_data {
	struct perf_event_header header;
	uint32_t size;
	uint32_t pad;
	/* followed by size bytes of tracing data, then padding to 8 */
};

#define BUILD_ID_SIZE 20

/* PERF_RECORD_HEADER_BUILD_ID and the entries of the build_id feature. */
struct perf_record_header_build_id {
	struct perf_event_header header;
	int32_t pid;
	union {
		uint8_t build_id[24];
		struct {
			uint8_t data[20];
			uint8_t size;
			uint8_t reserved1__;
			uint16_t reserved2__;
		};
	};
	char filename[];	/* NUL-terminated, padded to 8 */
};

struct id_index_entry {
	uint64_t id;
	uint64_t idx;
	uint64_t cpu;
	uint64_t tid;
};

struct perf_record_id_index {
	struct perf_event_header header;
	uint64_t nr;
	struct id_index_entry entries[];
};

struct perf_record_auxtrace_info {
	struct perf_event_header header;
	uint32_t type;
	uint32_t reserved__;
	uint64_t priv[];
};

struct perf_record_auxtrace {
	struct perf_event_header header;
	uint64_t size;
	uint64_t offset;
	uint64_t reference;
	uint32_t idx;
	uint32_t tid;
	uint32_t cpu;
	uint32_t reserved__;
};

#define MAX_AUXTRACE_ERROR_MSG 64

struct perf_record_auxtrace_error {
	struct perf_event_header header;
	uint32_t type;
	uint32_t code;
	uint32_t cpu;
	uint32_t pid;
	uint32_t tid;
	uint32_t fmt;
	uint64_t ip;
	char msg[MAX_AUXTRACE_ERROR_MSG];
	uint32_t machine_pid;
	uint32_t vcpu;
};

struct perf_record_thread_map_entry {
	uint64_t pid;
	char comm[16];
};

struct perf_record_thread_map {
	struct perf_event_header header;
	uint64_t nr;
	struct perf_record_thread_map_entry entries[];
};

/* PERF_RECORD_CPU_MAP payload types. */
enum {
	PERF_CPU_MAP__CPUS = 0,
	PERF_CPU_MAP__MASK = 1,
	PERF_CPU_MAP__RANGE_CPUS = 2,
};

struct perf_record_cpu_map {
	struct perf_event_header header;
	uint16_t type;
	/* followed by the type's payload: see header-read/write for layouts */
	uint8_t data[];
};

enum {
	PERF_STAT_CONFIG_TERM__AGGR_MODE = 0,
	PERF_STAT_CONFIG_TERM__INTERVAL	 = 1,
	PERF_STAT_CONFIG_TERM__SCALE	 = 2,
	PERF_STAT_CONFIG_TERM__MAX	 = 3,
};

struct perf_record_stat_config_entry {
	uint64_t tag;
	uint64_t val;
};

struct perf_record_stat_config {
	struct perf_event_header header;
	uint64_t nr;
	struct perf_record_stat_config_entry data[];
};

struct perf_record_stat {
	struct perf_event_header header;
	uint64_t id;
	uint32_t cpu;
	uint32_t thread;
	union {
		struct {
			uint64_t val;
			uint64_t ena;
			uint64_t run;
		};
		uint64_t values[3];
	};
};

enum {
	PERF_STAT_ROUND_TYPE__INTERVAL = 0,
	PERF_STAT_ROUND_TYPE__FINAL = 1,
};

struct perf_record_stat_round {
	struct perf_event_header header;
	uint64_t type;
	uint64_t time;
};

enum {
	PERF_EVENT_UPDATE__UNIT	 = 0,
	PERF_EVENT_UPDATE__SCALE = 1,
	PERF_EVENT_UPDATE__NAME	 = 2,
	PERF_EVENT_UPDATE__CPUS	 = 3,
};

struct perf_record_event_update {
	struct perf_event_header header;
	uint64_t type;
	uint64_t id;
	/* followed by the type's payload */
	uint8_t data[];
};

struct perf_record_time_conv {
	struct perf_event_header header;
	uint64_t time_shift;
	uint64_t time_mult;
	uint64_t time_zero;
	uint64_t time_cycles;
	uint64_t time_mask;
	uint8_t cap_user_time_zero;
	uint8_t cap_user_time_short;
	uint8_t reserved[6];
};

/* PERF_RECORD_HEADER_FEATURE: a header feature section, in pipe mode. */
struct perf_record_header_feature {
	struct perf_event_header header;
	uint64_t feat_id;
	char data[];
};

struct perf_record_compressed {
	struct perf_event_header header;
	char data[];
};

union perf_event {
	struct perf_event_header		header;
	struct perf_record_mmap			mmap;
	struct perf_record_mmap2		mmap2;
	struct perf_record_comm			comm;
	struct perf_record_namespaces		namespaces;
	struct perf_record_cgroup		cgroup;
	struct perf_record_fork			fork;
	struct perf_record_lost			lost;
	struct perf_record_lost_samples		lost_samples;
	struct perf_record_read			read;
	struct perf_record_throttle		throttle;
	struct perf_record_aux			aux;
	struct perf_record_itrace_start		itrace_start;
	struct perf_record_switch		context_switch;
	struct perf_record_ksymbol		ksymbol;
	struct perf_record_bpf_event		bpf;
	struct perf_record_text_poke_event	text_poke;
	struct perf_record_aux_output_hw_id	aux_output_hw_id;
	struct perf_record_header_attr		attr;
	struct perf_record_header_tracing_data	tracing_data;
	struct perf_record_header_build_id	build_id;
	struct perf_record_id_index		id_index;
	struct perf_record_auxtrace_info	auxtrace_info;
	struct perf_record_auxtrace		auxtrace;
	struct perf_record_auxtrace_error	auxtrace_error;
	struct perf_record_thread_map		thread_map;
	struct perf_record_cpu_map		cpu_map;
	struct perf_record_stat_config		stat_config;
	struct perf_record_stat			stat;
	struct perf_record_stat_round		stat_round;
	struct perf_record_event_update		event_update;
	struct perf_record_time_conv		time_conv;
	struct perf_record_header_feature	feat;
	struct perf_record_compressed		pack;
};

/*
 * The name of a record type as `perf report -D` and --stats print it
 * ("MMAP2", "FINISHED_ROUND"), or "UNKNOWN" for types nobody defined.
 */
const char *perf_event__name(unsigned int type);

/* Smallest valid header.size per type (0 = no fixed minimum is known). */
size_t perf_event__min_size(unsigned int type);

/* ---- samples ---- */

struct ip_callchain {
	uint64_t nr;
	uint64_t ips[];
};

struct branch_entry {
	uint64_t from;
	uint64_t to;
	uint64_t flags;	/* mispred:1 predicted:1 in_tx:1 abort:1 cycles:16 type:4 ... */
};

struct branch_stack {
	uint64_t nr;
	uint64_t hw_idx;
	struct branch_entry entries[];
};

struct regs_dump {
	uint64_t abi;
	uint64_t mask;
	const uint64_t *regs;	/* points into the record */
};

struct stack_dump {
	uint16_t offset;
	uint64_t size;
	const char *data;	/* points into the record */
};

struct sample_read_value {
	uint64_t value;
	uint64_t id;
	uint64_t lost;
};

/**
 * struct perf_sample - the fields of a PERF_RECORD_SAMPLE (and the
 * sample_id_all trailer of other records), decoded
 *
 * Pointers (@callchain, @branch_stack, @raw_data, @user_regs.regs, ...)
 * point into the record: valid as long as the record's buffer is.
 */
struct perf_sample {
	uint64_t ip;
	uint32_t pid, tid;
	uint64_t time;
	uint64_t addr;
	uint64_t id;
	uint64_t stream_id;
	uint64_t period;
	uint64_t weight;
	uint64_t transaction;
	uint64_t insn_cnt;
	uint64_t cyc_cnt;
	uint32_t cpu;
	uint32_t raw_size;
	uint64_t data_src;
	uint64_t phys_addr;
	uint64_t data_page_size;
	uint64_t code_page_size;
	uint64_t cgroup;
	uint32_t flags;
	uint16_t ins_lat;
	uint16_t p_stage_cyc;
	uint16_t insn_len;
	uint8_t cpumode;	/* PERF_RECORD_MISC_CPUMODE_MASK bits of misc */
	bool no_hw_idx;
	const void *raw_data;
	const struct ip_callchain *callchain;
	const struct branch_stack *branch_stack;
	struct regs_dump user_regs;
	struct regs_dump intr_regs;
	struct stack_dump user_stack;
	struct {
		uint64_t time_enabled;
		uint64_t time_running;
		uint64_t nr;	/* values when PERF_FORMAT_GROUP */
		const void *values;
		struct sample_read_value one;
	} read;
	struct {
		uint64_t size;
		const void *data;
	} aux_sample;
};

#endif /* PERF_UTIL_EVENT_H */

/* ---- reader side: raw dumps and record printers (util/event.c) ---- */
#include <stdio.h>

struct perf_event_attr;

/* -D / --dump-raw-trace: the session and its callbacks narrate every record. */
extern bool dump_trace;

#define dump_printf(fmt, ...)				\
	do {						\
		if (dump_trace)				\
			printf(fmt, ##__VA_ARGS__);	\
	} while (0)

/*
 * The hex dump the reference prints under -D before each record
 * (".\n. ... raw event: size N bytes\n.  0000:  45 00 ..."), to @fp.
 */
void perf_event__fprintf_raw(const union perf_event *event, FILE *fp);

/*
 * The details of a record as they follow "PERF_RECORD_<NAME>" in -D
 * output: " pid/tid: [start(len) @ pgoff ...]: x file\n" for MMAP, etc.
 * Returns the bytes printed; 0 for types with nothing to add. The text
 * never reads beyond header.size.
 */
size_t perf_event__fprintf_details(const union perf_event *event,
				   const struct perf_sample *sample, FILE *fp);

/*
 * A decoded sample as -D shows it: "(IP, 0x2): pid/tid: ip period: P
 * addr: A\n" and the callchain, branch stack, registers (named for @arch,
 * the perf_env__arch() of the recording machine), weight, data source,
 * read values that @attr asked for.
 */
void perf_sample__fprintf_dump(const struct perf_sample *sample,
			       const union perf_event *event,
			       const struct perf_event_attr *attr,
			       const char *arch, FILE *fp);

/* A PERF_RECORD_READ as -D shows it, with the event's name. */
void perf_event__fprintf_read(const union perf_event *event,
			      const struct perf_event_attr *attr,
			      const char *name, FILE *fp);

/* "4K", "2M", "1024B": the reference's size units; "N/A" for 0. */
char *perf_page_size__scnprintf(uint64_t size, char *buf, size_t len);
int unit_number__scnprintf(char *buf, size_t size, uint64_t n);

/* Register name of bit @id of a sample_regs mask on @arch ("x86", "arm64"). */
const char *perf_reg_name(int id, const char *arch);
