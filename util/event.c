// SPDX-License-Identifier: GPL-2.0
/*
 * Record names and sizes, and the text `perf report -D` shows for each
 * record: the hex dump and the decoded fields, in the reference's layout
 * (scripts diff these dumps, so every space matters).
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "event.h"
#include "sample.h"
#include "util.h"

bool dump_trace;

static const char * const perf_event__names[PERF_RECORD_HEADER_MAX] = {
	[0]					= "TOTAL",
	[PERF_RECORD_MMAP]			= "MMAP",
	[PERF_RECORD_MMAP2]			= "MMAP2",
	[PERF_RECORD_LOST]			= "LOST",
	[PERF_RECORD_COMM]			= "COMM",
	[PERF_RECORD_EXIT]			= "EXIT",
	[PERF_RECORD_THROTTLE]			= "THROTTLE",
	[PERF_RECORD_UNTHROTTLE]		= "UNTHROTTLE",
	[PERF_RECORD_FORK]			= "FORK",
	[PERF_RECORD_READ]			= "READ",
	[PERF_RECORD_SAMPLE]			= "SAMPLE",
	[PERF_RECORD_AUX]			= "AUX",
	[PERF_RECORD_ITRACE_START]		= "ITRACE_START",
	[PERF_RECORD_LOST_SAMPLES]		= "LOST_SAMPLES",
	[PERF_RECORD_SWITCH]			= "SWITCH",
	[PERF_RECORD_SWITCH_CPU_WIDE]		= "SWITCH_CPU_WIDE",
	[PERF_RECORD_NAMESPACES]		= "NAMESPACES",
	[PERF_RECORD_KSYMBOL]			= "KSYMBOL",
	[PERF_RECORD_BPF_EVENT]			= "BPF_EVENT",
	[PERF_RECORD_CGROUP]			= "CGROUP",
	[PERF_RECORD_TEXT_POKE]			= "TEXT_POKE",
	[PERF_RECORD_AUX_OUTPUT_HW_ID]		= "AUX_OUTPUT_HW_ID",
	[PERF_RECORD_HEADER_ATTR]		= "ATTR",
	[PERF_RECORD_HEADER_EVENT_TYPE]		= "EVENT_TYPE",
	[PERF_RECORD_HEADER_TRACING_DATA]	= "TRACING_DATA",
	[PERF_RECORD_HEADER_BUILD_ID]		= "BUILD_ID",
	[PERF_RECORD_FINISHED_ROUND]		= "FINISHED_ROUND",
	[PERF_RECORD_ID_INDEX]			= "ID_INDEX",
	[PERF_RECORD_AUXTRACE_INFO]		= "AUXTRACE_INFO",
	[PERF_RECORD_AUXTRACE]			= "AUXTRACE",
	[PERF_RECORD_AUXTRACE_ERROR]		= "AUXTRACE_ERROR",
	[PERF_RECORD_THREAD_MAP]		= "THREAD_MAP",
	[PERF_RECORD_CPU_MAP]			= "CPU_MAP",
	[PERF_RECORD_STAT_CONFIG]		= "STAT_CONFIG",
	[PERF_RECORD_STAT]			= "STAT",
	[PERF_RECORD_STAT_ROUND]		= "STAT_ROUND",
	[PERF_RECORD_EVENT_UPDATE]		= "EVENT_UPDATE",
	[PERF_RECORD_TIME_CONV]			= "TIME_CONV",
	[PERF_RECORD_HEADER_FEATURE]		= "FEATURE",
	[PERF_RECORD_COMPRESSED]		= "COMPRESSED",
	[PERF_RECORD_FINISHED_INIT]		= "FINISHED_INIT",
};

const char *perf_event__name(unsigned int type)
{
	if (type >= ARRAY_SIZE(perf_event__names) || !perf_event__names[type])
		return "UNKNOWN";
	return perf_event__names[type];
}

/*
 * The fixed part of each record; the variable part (strings, arrays,
 * trailers) comes on top. A record shorter than this is damaged.
 */
size_t perf_event__min_size(unsigned int type)
{
	const size_t hdr = sizeof(struct perf_event_header);

	switch (type) {
	case PERF_RECORD_MMAP:
		return offsetof(struct perf_record_mmap, filename);
	case PERF_RECORD_MMAP2:
		return offsetof(struct perf_record_mmap2, filename);
	case PERF_RECORD_COMM:
		return offsetof(struct perf_record_comm, comm);
	case PERF_RECORD_NAMESPACES:
		return sizeof(struct perf_record_namespaces);
	case PERF_RECORD_FORK:
	case PERF_RECORD_EXIT:
		return sizeof(struct perf_record_fork);
	case PERF_RECORD_LOST:
		return sizeof(struct perf_record_lost);
	case PERF_RECORD_LOST_SAMPLES:
		return sizeof(struct perf_record_lost_samples);
	case PERF_RECORD_THROTTLE:
	case PERF_RECORD_UNTHROTTLE:
		return sizeof(struct perf_record_throttle);
	case PERF_RECORD_READ:
		return offsetof(struct perf_record_read, time_enabled);
	case PERF_RECORD_AUX:
		return sizeof(struct perf_record_aux);
	case PERF_RECORD_ITRACE_START:
		return sizeof(struct perf_record_itrace_start);
	case PERF_RECORD_SWITCH:
		return hdr;
	case PERF_RECORD_SWITCH_CPU_WIDE:
		return sizeof(struct perf_record_switch);
	case PERF_RECORD_KSYMBOL:
		return offsetof(struct perf_record_ksymbol, name);
	case PERF_RECORD_BPF_EVENT:
		return sizeof(struct perf_record_bpf_event);
	case PERF_RECORD_CGROUP:
		return offsetof(struct perf_record_cgroup, path);
	case PERF_RECORD_TEXT_POKE:
		return sizeof(struct perf_record_text_poke_event);
	case PERF_RECORD_AUX_OUTPUT_HW_ID:
		return sizeof(struct perf_record_aux_output_hw_id);
	case PERF_RECORD_SAMPLE:
		return hdr;
	case PERF_RECORD_HEADER_ATTR:
		return hdr + PERF_ATTR_SIZE_VER0;
	case PERF_RECORD_HEADER_TRACING_DATA:
		return sizeof(struct perf_record_header_tracing_data);
	case PERF_RECORD_HEADER_BUILD_ID:
		return sizeof(struct perf_record_header_build_id);
	case PERF_RECORD_ID_INDEX:
		return sizeof(struct perf_record_id_index);
	case PERF_RECORD_AUXTRACE_INFO:
		return sizeof(struct perf_record_auxtrace_info);
	case PERF_RECORD_AUXTRACE:
		return sizeof(struct perf_record_auxtrace);
	case PERF_RECORD_AUXTRACE_ERROR:
		return offsetof(struct perf_record_auxtrace_error, machine_pid);
	case PERF_RECORD_THREAD_MAP:
		return sizeof(struct perf_record_thread_map);
	case PERF_RECORD_CPU_MAP:
		return hdr + sizeof(uint16_t);
	case PERF_RECORD_STAT_CONFIG:
		return sizeof(struct perf_record_stat_config);
	case PERF_RECORD_STAT:
		return sizeof(struct perf_record_stat);
	case PERF_RECORD_STAT_ROUND:
		return sizeof(struct perf_record_stat_round);
	case PERF_RECORD_EVENT_UPDATE:
		return sizeof(struct perf_record_event_update);
	case PERF_RECORD_TIME_CONV:
		return offsetof(struct perf_record_time_conv, time_cycles);
	case PERF_RECORD_HEADER_FEATURE:
		return sizeof(struct perf_record_header_feature);
	case PERF_RECORD_COMPRESSED:
	case PERF_RECORD_FINISHED_ROUND:
	case PERF_RECORD_FINISHED_INIT:
	case PERF_RECORD_HEADER_EVENT_TYPE:
	default:
		return hdr;
	}
}

/* ---- hex dump ---- */

void perf_event__fprintf_raw(const union perf_event *event, FILE *fp)
{
	const unsigned char *raw = (const unsigned char *)event;
	size_t size = event->header.size, i, j;

	fprintf(fp, ".\n. ... raw event: size %zu bytes\n", size);
	for (i = 0; i < size; i += 16) {
		fprintf(fp, ".  %04zx: ", i);
		for (j = 0; j < 16; j++) {
			if (i + j < size)
				fprintf(fp, " %02x", raw[i + j]);
			else
				fputs("   ", fp);
		}
		fputs("  ", fp);
		for (j = 0; j < 16; j++) {
			if (i + j < size)
				fputc(isprint(raw[i + j]) ? raw[i + j] : '.', fp);
			else
				fputc(' ', fp);
		}
		fputc('\n', fp);
	}
	fputc('\n', fp);
}

/* ---- units ---- */

int unit_number__scnprintf(char *buf, size_t size, uint64_t n)
{
	static const char unit[] = "BKMG";
	int i = 0;

	/* The reference divides while the result stays above 1, so 1024 is "1024B". */
	while (n / 1024 > 1 && i < 3) {
		n /= 1024;
		i++;
	}
	return snprintf(buf, size, "%" PRIu64 "%c", n, unit[i]);
}

char *perf_page_size__scnprintf(uint64_t size, char *buf, size_t len)
{
	if (!size || unit_number__scnprintf(buf, len, size) <= 0)
		snprintf(buf, len, "%s", "N/A");
	return buf;
}

/* ---- registers ---- */

static const char *reg_name_x86(int id)
{
	static const char * const names[] = {
		"AX", "BX", "CX", "DX", "SI", "DI", "BP", "SP", "IP", "FLAGS",
		"CS", "SS", "DS", "ES", "FS", "GS", "R8", "R9", "R10", "R11",
		"R12", "R13", "R14", "R15",
	};
	static const char * const xmm[] = {
		"XMM0", "XMM1", "XMM2", "XMM3", "XMM4", "XMM5", "XMM6", "XMM7",
		"XMM8", "XMM9", "XMM10", "XMM11", "XMM12", "XMM13", "XMM14", "XMM15",
	};

	if (id >= 0 && id < (int)ARRAY_SIZE(names))
		return names[id];
	/* XMM registers are 128 bits: two mask bits each, named at the even one. */
	if (id >= 32 && id < 64 && !(id & 1))
		return xmm[(id - 32) / 2];
	return NULL;
}

static const char *reg_name_arm64(int id)
{
	static const char * const names[] = {
		"x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9",
		"x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17", "x18",
		"x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27",
		"x28", "x29", "lr", "sp", "pc", "vg",
	};

	if (id >= 0 && id < (int)ARRAY_SIZE(names))
		return names[id];
	return NULL;
}

static const char *reg_name_riscv(int id)
{
	static const char * const names[] = {
		"pc", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
		"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3",
		"s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
		"t5", "t6",
	};

	if (id >= 0 && id < (int)ARRAY_SIZE(names))
		return names[id];
	return NULL;
}

const char *perf_reg_name(int id, const char *arch)
{
	const char *name = NULL;

	if (arch && !strcmp(arch, "x86"))
		name = reg_name_x86(id);
	else if (arch && !strcmp(arch, "arm64"))
		name = reg_name_arm64(id);
	else if (arch && !strcmp(arch, "riscv"))
		name = reg_name_riscv(id);
	return name ? name : "unknown";
}

/* ---- record details ---- */

/* A string field of @max bytes that may lack its NUL in a damaged file. */
static int strfield_len(const char *s, const union perf_event *event)
{
	const char *end = (const char *)event + event->header.size;
	size_t max = s < end ? (size_t)(end - s) : 0;

	return (int)strnlen(s, max);
}

static size_t fprintf_cpu_list(FILE *fp, const int *cpus, size_t nr)
{
	size_t i, start, ret = 0;

	for (i = 0; i < nr; i = start + 1) {
		start = i;
		while (start + 1 < nr && cpus[start + 1] == cpus[start] + 1)
			start++;
		if (start == i)
			ret += (size_t)fprintf(fp, "%s%d", i ? "," : "", cpus[i]);
		else
			ret += (size_t)fprintf(fp, "%s%d-%d", i ? "," : "", cpus[i], cpus[start]);
	}
	return ret;
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/*
 * Decode the cpu map payload at @p (up to @end) into a sorted list and
 * print it; "failed to get cpumap from event" when it does not parse.
 */
static size_t fprintf_cpu_map_data(FILE *fp, const char *p, const char *end,
				   const char *fail)
{
	uint16_t type, nr, long_size, start, stop;
	int *cpus = NULL;
	size_t n = 0, ret, i;

	if (p + 2 > end)
		goto out_fail;
	memcpy(&type, p, 2);
	p += 2;
	switch (type) {
	case PERF_CPU_MAP__CPUS:
		if (p + 2 > end)
			goto out_fail;
		memcpy(&nr, p, 2);
		p += 2;
		if ((size_t)nr * 2 > (size_t)(end - p))
			goto out_fail;
		cpus = calloc(nr ? nr : 1, sizeof(*cpus));
		if (!cpus)
			goto out_fail;
		for (i = 0; i < nr; i++) {
			uint16_t c;

			memcpy(&c, p + i * 2, 2);
			/* (u16)-1 is the "any CPU" entry. */
			cpus[n++] = c == (uint16_t)-1 ? -1 : c;
		}
		break;
	case PERF_CPU_MAP__MASK: {
		size_t word, bit, off;

		if (p + 4 > end)
			goto out_fail;
		memcpy(&nr, p, 2);
		memcpy(&long_size, p + 2, 2);
		if (long_size != 4 && long_size != 8)
			goto out_fail;
		/* 64-bit masks keep the legacy 4 bytes of padding before the words. */
		off = long_size == 4 ? 4 : 8;
		if ((size_t)nr * long_size > (size_t)(end - p) - off)
			goto out_fail;
		cpus = calloc((size_t)nr * long_size * 8 + 1, sizeof(*cpus));
		if (!cpus)
			goto out_fail;
		for (word = 0; word < nr; word++) {
			uint64_t m = 0;

			if (long_size == 4) {
				uint32_t m32;

				memcpy(&m32, p + off + word * 4, 4);
				m = m32;
			} else {
				memcpy(&m, p + off + word * 8, 8);
			}
			for (bit = 0; bit < (size_t)long_size * 8; bit++)
				if (m & (1ULL << bit))
					cpus[n++] = (int)(word * long_size * 8 + bit);
		}
		break;
	}
	case PERF_CPU_MAP__RANGE_CPUS: {
		uint8_t any;

		if (p + 6 > end)
			goto out_fail;
		any = (uint8_t)p[0];
		memcpy(&start, p + 2, 2);
		memcpy(&stop, p + 4, 2);
		if (stop < start)
			goto out_fail;
		cpus = calloc((size_t)(stop - start) + 2, sizeof(*cpus));
		if (!cpus)
			goto out_fail;
		if (any)
			cpus[n++] = -1;
		for (i = start; i <= stop; i++)
			cpus[n++] = (int)i;
		break;
	}
	default:
		goto out_fail;
	}
	qsort(cpus, n, sizeof(*cpus), int_cmp);
	ret = fprintf_cpu_list(fp, cpus, n);
	ret += (size_t)fprintf(fp, "\n");
	free(cpus);
	return ret;
out_fail:
	free(cpus);
	return (size_t)fprintf(fp, "%s\n", fail);
}

static size_t fprintf_mmap2(const union perf_event *event, FILE *fp)
{
	const struct perf_record_mmap2 *m = &event->mmap2;
	int len = strfield_len(m->filename, event);
	char r = m->prot & PROT_READ ? 'r' : '-';
	char w = m->prot & PROT_WRITE ? 'w' : '-';
	char x = m->prot & PROT_EXEC ? 'x' : '-';
	char s = m->flags & MAP_SHARED ? 's' : 'p';

	if (event->header.misc & PERF_RECORD_MISC_MMAP_BUILD_ID) {
		char bid[2 * sizeof(m->build_id) + 1];
		size_t i, n = m->build_id_size;

		if (n > sizeof(m->build_id))
			n = sizeof(m->build_id);
		for (i = 0; i < n; i++)
			sprintf(bid + 2 * i, "%02x", m->build_id[i]);
		bid[2 * n] = '\0';
		return (size_t)fprintf(fp, " %d/%d: [%#" PRIx64 "(%#" PRIx64 ") @ %#" PRIx64
				       " <%s>]: %c%c%c%c %.*s\n",
				       (int)m->pid, (int)m->tid, m->start, m->len, m->pgoff,
				       bid, r, w, x, s, len, m->filename);
	}
	return (size_t)fprintf(fp, " %d/%d: [%#" PRIx64 "(%#" PRIx64 ") @ %#" PRIx64
			       " %02x:%02x %" PRIu64 " %" PRIu64 "]: %c%c%c%c %.*s\n",
			       (int)m->pid, (int)m->tid, m->start, m->len, m->pgoff,
			       m->maj, m->min, m->ino, m->ino_generation,
			       r, w, x, s, len, m->filename);
}

static size_t fprintf_namespaces(const union perf_event *event, FILE *fp)
{
	static const char * const ns_names[] = {
		"net", "uts", "ipc", "pid", "user", "mnt", "cgroup",
	};
	const struct perf_record_namespaces *ns = &event->namespaces;
	uint64_t nr = ns->nr_namespaces, max, i;
	size_t ret;

	ret = (size_t)fprintf(fp, " %d/%d - nr_namespaces: %u\n\t\t[",
			      (int)ns->pid, (int)ns->tid, (unsigned int)nr);
	max = (event->header.size - sizeof(*ns)) / sizeof(ns->link_info[0]);
	if (nr > max)
		nr = max;
	for (i = 0; i < nr; i++) {
		if (i && i % 4 == 0)
			ret += (size_t)fprintf(fp, "\n\t\t ");
		ret += (size_t)fprintf(fp, "%u/%s: %" PRIu64 "/%#" PRIx64 "%s", (unsigned int)i,
				       i < ARRAY_SIZE(ns_names) ? ns_names[i] : "UNKNOWN",
				       (uint64_t)ns->link_info[i].dev, (uint64_t)ns->link_info[i].ino,
				       i + 1 != nr ? ", " : "]\n");
	}
	return ret;
}

static size_t fprintf_id_index(const union perf_event *event, FILE *fp)
{
	const struct perf_record_id_index *ii = &event->id_index;
	size_t nr = ii->nr, max, esz, i, ret;

	/* Entries grew machine_pid and vcpu later: their size is what the record says. */
	ret = (size_t)fprintf(fp, " nr: %zu\n", nr);
	if (!nr)
		return ret;
	esz = (event->header.size - sizeof(*ii)) / nr;
	if (esz < sizeof(struct id_index_entry))
		return ret;
	esz &= ~(size_t)7;
	max = (event->header.size - sizeof(*ii)) / esz;
	if (nr > max)
		nr = max;
	for (i = 0; i < nr; i++) {
		const uint64_t *e = (const uint64_t *)((const char *)ii->entries + i * esz);

		ret += (size_t)fprintf(fp, " ... id: %" PRIu64, e[0]);
		ret += (size_t)fprintf(fp, "  idx: %" PRIu64, e[1]);
		ret += (size_t)fprintf(fp, "  cpu: %" PRId64, (int64_t)e[2]);
		ret += (size_t)fprintf(fp, "  tid: %" PRId64, (int64_t)e[3]);
		if (esz >= 6 * sizeof(uint64_t)) {
			ret += (size_t)fprintf(fp, "  machine_pid: %" PRId64, (int64_t)e[4]);
			ret += (size_t)fprintf(fp, "  vcpu: %" PRIu64, e[5]);
		}
		ret += (size_t)fprintf(fp, "\n");
	}
	return ret;
}

static size_t fprintf_thread_map(const union perf_event *event, FILE *fp)
{
	const struct perf_record_thread_map *tm = &event->thread_map;
	uint64_t nr = tm->nr, max, i;
	size_t ret;

	max = (event->header.size - sizeof(*tm)) / sizeof(tm->entries[0]);
	if (nr > max)
		return (size_t)fprintf(fp, "failed to get threads from event\n");
	ret = (size_t)fprintf(fp, " nr: ");
	ret += (size_t)fprintf(fp, "%d thread%s: ", (int)nr, nr > 1 ? "s" : "");
	for (i = 0; i < nr; i++)
		ret += (size_t)fprintf(fp, "%s%d", i ? ", " : "", (int)tm->entries[i].pid);
	return ret + (size_t)fprintf(fp, "\n");
}

static size_t fprintf_event_update(const union perf_event *event, FILE *fp)
{
	const struct perf_record_event_update *ev = &event->event_update;
	const char *end = (const char *)event + event->header.size;
	const char *data = (const char *)ev->data;
	size_t ret;

	ret = (size_t)fprintf(fp, "\n... id:    %" PRIu64 "\n", ev->id);
	switch (ev->type) {
	case PERF_EVENT_UPDATE__SCALE: {
		double scale = 0;

		if (data + sizeof(scale) <= end)
			memcpy(&scale, data, sizeof(scale));
		ret += (size_t)fprintf(fp, "... scale: %f\n", scale);
		break;
	}
	case PERF_EVENT_UPDATE__UNIT:
		ret += (size_t)fprintf(fp, "... unit:  %.*s\n", strfield_len(data, event), data);
		break;
	case PERF_EVENT_UPDATE__NAME:
		ret += (size_t)fprintf(fp, "... name:  %.*s\n", strfield_len(data, event), data);
		break;
	case PERF_EVENT_UPDATE__CPUS:
		ret += (size_t)fprintf(fp, "... ");
		ret += fprintf_cpu_map_data(fp, data, end, "failed to get cpus");
		break;
	default:
		ret += (size_t)fprintf(fp, "... unknown type\n");
		break;
	}
	return ret;
}

static size_t fprintf_stat_config(const union perf_event *event, FILE *fp)
{
	const struct perf_record_stat_config *sc = &event->stat_config;
	uint64_t nr = sc->nr, max, i;
	int64_t aggr = 0, scale = 0, interval = 0;

	max = (event->header.size - sizeof(*sc)) / sizeof(sc->data[0]);
	if (nr > max)
		nr = max;
	for (i = 0; i < nr; i++) {
		switch (sc->data[i].tag) {
		case PERF_STAT_CONFIG_TERM__AGGR_MODE:
			aggr = (int64_t)sc->data[i].val;
			break;
		case PERF_STAT_CONFIG_TERM__SCALE:
			scale = (int64_t)sc->data[i].val;
			break;
		case PERF_STAT_CONFIG_TERM__INTERVAL:
			interval = (int64_t)sc->data[i].val;
			break;
		default:
			break;
		}
	}
	return (size_t)fprintf(fp, "\n... aggr_mode %d\n... scale     %d\n... interval  %u\n",
			       (int)aggr, (int)scale, (unsigned int)interval);
}

static size_t fprintf_time_conv(const union perf_event *event, FILE *fp)
{
	const struct perf_record_time_conv *tc = &event->time_conv;
	size_t ret;

	ret = (size_t)fprintf(fp, "\n... Time Shift      %" PRIu64 "\n", tc->time_shift);
	ret += (size_t)fprintf(fp, "... Time Muliplier  %" PRIu64 "\n", tc->time_mult);
	ret += (size_t)fprintf(fp, "... Time Zero       %" PRIu64 "\n", tc->time_zero);
	/* The cycles fields came later; old records stop before them. */
	if (event->header.size >= offsetof(struct perf_record_time_conv, time_cycles) +
				  sizeof(tc->time_cycles)) {
		ret += (size_t)fprintf(fp, "... Time Cycles     %" PRIu64 "\n", tc->time_cycles);
		ret += (size_t)fprintf(fp, "... Time Mask       %#" PRIx64 "\n", tc->time_mask);
		ret += (size_t)fprintf(fp, "... Cap Time Zero   %d\n", tc->cap_user_time_zero);
		ret += (size_t)fprintf(fp, "... Cap Time Short  %d\n", tc->cap_user_time_short);
	}
	return ret;
}

static size_t fprintf_text_poke(const union perf_event *event, FILE *fp)
{
	const struct perf_record_text_poke_event *tp = &event->text_poke;
	size_t room = event->header.size - sizeof(*tp);
	size_t old_len = tp->old_len, new_len = tp->new_len, ret, i;

	if (old_len > room)
		old_len = room;
	if (new_len > room - old_len)
		new_len = room - old_len;
	ret = (size_t)fprintf(fp, " %" PRIx64 " ", tp->addr);
	ret += (size_t)fprintf(fp, " old len %zu new len %zu\n", old_len, new_len);
	ret += (size_t)fprintf(fp, "            %s bytes:", "old");
	for (i = 0; i < old_len; i++)
		ret += (size_t)fprintf(fp, " %02x", tp->bytes[i]);
	ret += (size_t)fprintf(fp, "\n            %s bytes:", "new");
	for (i = 0; i < new_len; i++)
		ret += (size_t)fprintf(fp, " %02x", tp->bytes[old_len + i]);
	return ret + (size_t)fprintf(fp, "\n");
}

size_t perf_event__fprintf_details(const union perf_event *event,
				   const struct perf_sample *sample, FILE *fp)
{
	const char *end = (const char *)event + event->header.size;

	switch (event->header.type) {
	case PERF_RECORD_MMAP:
		return (size_t)fprintf(fp, " %d/%d: [%#" PRIx64 "(%#" PRIx64 ") @ %#" PRIx64 "]: %c %.*s\n",
				       (int)event->mmap.pid, (int)event->mmap.tid,
				       event->mmap.start, event->mmap.len, event->mmap.pgoff,
				       event->header.misc & PERF_RECORD_MISC_MMAP_DATA ? 'r' : 'x',
				       strfield_len(event->mmap.filename, event),
				       event->mmap.filename);
	case PERF_RECORD_MMAP2:
		return fprintf_mmap2(event, fp);
	case PERF_RECORD_COMM:
		return (size_t)fprintf(fp, "%s: %.*s:%d/%d\n",
				       event->header.misc & PERF_RECORD_MISC_COMM_EXEC ? " exec" : "",
				       strfield_len(event->comm.comm, event), event->comm.comm,
				       (int)event->comm.pid, (int)event->comm.tid);
	case PERF_RECORD_FORK:
	case PERF_RECORD_EXIT:
		return (size_t)fprintf(fp, "(%d:%d):(%d:%d)\n",
				       (int)event->fork.pid, (int)event->fork.tid,
				       (int)event->fork.ppid, (int)event->fork.ptid);
	case PERF_RECORD_NAMESPACES:
		return fprintf_namespaces(event, fp);
	case PERF_RECORD_CGROUP:
		return (size_t)fprintf(fp, " cgroup: %" PRIu64 " %.*s\n", event->cgroup.id,
				       strfield_len(event->cgroup.path, event), event->cgroup.path);
	case PERF_RECORD_LOST:
		return (size_t)fprintf(fp, ": id:%" PRIu64 ": lost:%" PRIu64 "\n",
				       event->lost.id, event->lost.lost);
	case PERF_RECORD_LOST_SAMPLES:
		return (size_t)fprintf(fp, ": id:%" PRIu64 ": lost samples :%" PRIu64 "\n",
				       sample ? sample->id : 0, event->lost_samples.lost);
	case PERF_RECORD_AUX: {
		uint64_t f = event->aux.flags;

		return (size_t)fprintf(fp, " offset: %#" PRIx64 " size: %#" PRIx64 " flags: %#" PRIx64
				       " [%s%s%s]\n", event->aux.aux_offset, event->aux.aux_size, f,
				       f & PERF_AUX_FLAG_TRUNCATED ? "T" : "",
				       f & PERF_AUX_FLAG_OVERWRITE ? "O" : "",
				       f & PERF_AUX_FLAG_PARTIAL ? "P" : "");
	}
	case PERF_RECORD_ITRACE_START:
		return (size_t)fprintf(fp, " pid: %u tid: %u\n",
				       event->itrace_start.pid, event->itrace_start.tid);
	case PERF_RECORD_AUX_OUTPUT_HW_ID:
		return (size_t)fprintf(fp, " hw_id: %#" PRIx64 "\n", event->aux_output_hw_id.hw_id);
	case PERF_RECORD_SWITCH:
	case PERF_RECORD_SWITCH_CPU_WIDE: {
		bool out = event->header.misc & PERF_RECORD_MISC_SWITCH_OUT;
		const char *in_out = !out ? "IN         " :
			!(event->header.misc & PERF_RECORD_MISC_SWITCH_OUT_PREEMPT) ?
			"OUT        " : "OUT preempt";

		if (event->header.type == PERF_RECORD_SWITCH)
			return (size_t)fprintf(fp, " %s\n", in_out);
		return (size_t)fprintf(fp, " %s  %s pid/tid: %5d/%-5d\n", in_out,
				       out ? "next" : "prev",
				       (int)event->context_switch.next_prev_pid,
				       (int)event->context_switch.next_prev_tid);
	}
	case PERF_RECORD_KSYMBOL:
		return (size_t)fprintf(fp, " addr %" PRIx64 " len %u type %u flags 0x%x name %.*s\n",
				       event->ksymbol.addr, event->ksymbol.len,
				       event->ksymbol.ksym_type, event->ksymbol.flags,
				       strfield_len(event->ksymbol.name, event), event->ksymbol.name);
	case PERF_RECORD_BPF_EVENT:
		return (size_t)fprintf(fp, " type %u, flags %u, id %u\n",
				       event->bpf.type, event->bpf.flags, event->bpf.id);
	case PERF_RECORD_TEXT_POKE:
		return fprintf_text_poke(event, fp);
	case PERF_RECORD_ID_INDEX:
		return fprintf_id_index(event, fp);
	case PERF_RECORD_THREAD_MAP:
		return fprintf_thread_map(event, fp);
	case PERF_RECORD_CPU_MAP:
		fputs(": ", fp);
		return 2 + fprintf_cpu_map_data(fp, (const char *)&event->cpu_map.type, end,
						"failed to get cpumap from event");
	case PERF_RECORD_STAT_CONFIG:
		return fprintf_stat_config(event, fp);
	case PERF_RECORD_STAT:
		return (size_t)fprintf(fp, "\n... id %" PRIu64 ", cpu %d, thread %d\n"
				       "... value %" PRIu64 ", enabled %" PRIu64 ", running %" PRIu64 "\n",
				       event->stat.id, (int)event->stat.cpu, (int)event->stat.thread,
				       event->stat.val, event->stat.ena, event->stat.run);
	case PERF_RECORD_STAT_ROUND:
		return (size_t)fprintf(fp, "\n... time %" PRIu64 ", type %s\n", event->stat_round.time,
				       event->stat_round.type == PERF_STAT_ROUND_TYPE__FINAL ?
				       "FINAL" : "INTERVAL");
	case PERF_RECORD_EVENT_UPDATE:
		return fprintf_event_update(event, fp);
	case PERF_RECORD_TIME_CONV:
		return fprintf_time_conv(event, fp);
	case PERF_RECORD_AUXTRACE_INFO:
		return (size_t)fprintf(fp, " type: %u\n", event->auxtrace_info.type);
	case PERF_RECORD_AUXTRACE:
		return (size_t)fprintf(fp, " size: %#" PRIx64 "  offset: %#" PRIx64 "  ref: %#" PRIx64
				       "  idx: %u  tid: %d  cpu: %d\n",
				       event->auxtrace.size, event->auxtrace.offset,
				       event->auxtrace.reference, event->auxtrace.idx,
				       (int)event->auxtrace.tid, (int)event->auxtrace.cpu);
	case PERF_RECORD_AUXTRACE_ERROR: {
		const struct perf_record_auxtrace_error *e = &event->auxtrace_error;
		int len = strfield_len(e->msg, event);

		if (len > MAX_AUXTRACE_ERROR_MSG)
			len = MAX_AUXTRACE_ERROR_MSG;
		return (size_t)fprintf(fp, " %s error type %u cpu %d pid %d tid %d ip %#" PRIx64
				       " code %u: %.*s\n", "AUX", e->type, (int)e->cpu, (int)e->pid,
				       (int)e->tid, e->ip, e->code, len, e->msg);
	}
	default:
		return 0;
	}
}

/* ---- samples ---- */

static void fprintf_regs(FILE *fp, const char *type, const struct regs_dump *regs,
			 const char *arch)
{
	static const char * const abi[] = { "none", "32-bit", "64-bit" };
	uint64_t mask = regs->mask;
	unsigned int i = 0;
	int rid;

	fprintf(fp, "... %s regs: mask 0x%" PRIx64 " ABI %s\n", type, mask,
		regs->abi < ARRAY_SIZE(abi) ? abi[regs->abi] : "unknown");
	for (rid = 0; rid < 64; rid++) {
		if (!(mask & (1ULL << rid)))
			continue;
		fprintf(fp, ".... %-5s 0x%016" PRIx64 "\n", perf_reg_name(rid, arch),
			regs->regs[i++]);
	}
}

static const char *branch_type_name(uint64_t flags)
{
	static const char * const names[] = {
		"N/A", "COND", "UNCOND", "IND", "CALL", "IND_CALL", "RET",
		"SYSCALL", "SYSRET", "COND_CALL", "COND_RET", "ERET", "IRQ",
		"SERROR", "NO_TX", "EXTEND_ABI",
	};
	static const char * const new_names[] = {
		"FAULT_ALGN", "FAULT_DATA", "FAULT_INST", "ARCH_1", "ARCH_2",
		"ARCH_3", "ARCH_4", "ARCH_5",
	};
	/* struct branch_flags: mispred, predicted, in_tx, abort, cycles:16, type:4, spec:2, new_type:4 */
	unsigned int type = (flags >> 20) & 0xf, new_type = (flags >> 26) & 0xf;

	if (!type)
		return "";
	if (type == 15)
		return new_type < ARRAY_SIZE(new_names) ? new_names[new_type] : "unknown";
	return names[type];
}

static void fprintf_branch_stack(FILE *fp, const struct perf_sample *sample, bool callstack)
{
	const struct branch_entry *e = perf_sample__branch_entries(sample);
	uint64_t nr = sample->branch_stack->nr, i;

	/* A callstack of nr branches unwinds into nr + 1 frames. */
	fprintf(fp, "%s: nr:%" PRIu64 "\n", callstack ? "... branch callstack" : "... branch stack",
		callstack ? nr + 1 : nr);
	for (i = 0; i < nr; i++) {
		uint64_t f = e[i].flags;

		if (!callstack) {
			fprintf(fp, "..... %2" PRIu64 ": %016" PRIx64 " -> %016" PRIx64
				" %hu cycles %s%s%s%s %x %s\n", i, e[i].from, e[i].to,
				(unsigned short)((f >> 4) & 0xffff),
				f & 1 ? "M" : " ", f & 2 ? "P" : " ",
				f & 8 ? "A" : " ", f & 4 ? "T" : " ",
				(unsigned int)(f >> 33), branch_type_name(f));
		} else if (i == 0) {
			fprintf(fp, "..... %2" PRIu64 ": %016" PRIx64 "\n", i, e[i].to);
			fprintf(fp, "..... %2" PRIu64 ": %016" PRIx64 "\n", i + 1, e[i].from);
		} else {
			fprintf(fp, "..... %2" PRIu64 ": %016" PRIx64 "\n", i + 1, e[i].from);
		}
	}
}

static void fprintf_sample_read(FILE *fp, const struct perf_sample *sample, uint64_t fmt)
{
	fprintf(fp, "... sample_read:\n");
	if (fmt & PERF_FORMAT_TOTAL_TIME_ENABLED)
		fprintf(fp, "...... time enabled %016" PRIx64 "\n", sample->read.time_enabled);
	if (fmt & PERF_FORMAT_TOTAL_TIME_RUNNING)
		fprintf(fp, "...... time running %016" PRIx64 "\n", sample->read.time_running);
	if (fmt & PERF_FORMAT_GROUP) {
		size_t words = 1 + !!(fmt & PERF_FORMAT_ID) + !!(fmt & PERF_FORMAT_LOST);
		const uint64_t *v = sample->read.values;
		uint64_t i;

		fprintf(fp, ".... group nr %" PRIu64 "\n", sample->read.nr);
		for (i = 0; i < sample->read.nr; i++, v += words) {
			uint64_t id = fmt & PERF_FORMAT_ID ? v[1] : 0;

			fprintf(fp, "..... id %016" PRIx64 ", value %016" PRIx64, id, v[0]);
			if (fmt & PERF_FORMAT_LOST)
				fprintf(fp, ", lost %" PRIu64, v[words - 1]);
			fprintf(fp, "\n");
		}
	} else {
		fprintf(fp, "..... id %016" PRIx64 ", value %016" PRIx64,
			sample->read.one.id, sample->read.one.value);
		if (fmt & PERF_FORMAT_LOST)
			fprintf(fp, ", lost %" PRIu64, sample->read.one.lost);
		fprintf(fp, "\n");
	}
}

void perf_sample__fprintf_dump(const struct perf_sample *sample,
			       const union perf_event *event,
			       const struct perf_event_attr *attr,
			       const char *arch, FILE *fp)
{
	uint64_t type = attr->sample_type;
	bool callstack = (type & PERF_SAMPLE_BRANCH_STACK) &&
			 (attr->branch_sample_type & PERF_SAMPLE_BRANCH_CALL_STACK);
	char str[32];

	fprintf(fp, "(IP, 0x%x): %d/%d: %#" PRIx64 " period: %" PRIu64 " addr: %#" PRIx64 "\n",
		event->header.misc, (int)sample->pid, (int)sample->tid, sample->ip,
		sample->period, sample->addr);

	if ((type & PERF_SAMPLE_CALLCHAIN) && sample->callchain) {
		uint64_t i;

		if (callstack && sample->branch_stack) {
			/* The LBR call stack: kernel part from the FP chain, user part from LBR. */
			const struct branch_entry *e = perf_sample__branch_entries(sample);
			uint64_t kernel_nr = sample->callchain->nr, nr, j;

			for (j = 0; j < kernel_nr; j++)
				if (sample->callchain->ips[j] == PERF_CONTEXT_USER)
					break;
			kernel_nr = j;
			nr = kernel_nr + sample->branch_stack->nr + 1;
			fprintf(fp, "... LBR call chain: nr:%" PRIu64 "\n", nr);
			for (j = 0; j < kernel_nr; j++)
				fprintf(fp, "..... %2d: %016" PRIx64 "\n", (int)j,
					sample->callchain->ips[j]);
			if (sample->branch_stack->nr) {
				fprintf(fp, "..... %2d: %016" PRIx64 "\n", (int)j++, e[0].to);
				for (i = 0; i < sample->branch_stack->nr; i++)
					fprintf(fp, "..... %2d: %016" PRIx64 "\n", (int)j++, e[i].from);
			}
		}
		fprintf(fp, "... FP chain: nr:%" PRIu64 "\n", sample->callchain->nr);
		for (i = 0; i < sample->callchain->nr; i++)
			fprintf(fp, "..... %2d: %016" PRIx64 "\n", (int)i, sample->callchain->ips[i]);
	}
	if ((type & PERF_SAMPLE_BRANCH_STACK) && sample->branch_stack)
		fprintf_branch_stack(fp, sample, callstack);
	if ((type & PERF_SAMPLE_REGS_USER) && sample->user_regs.regs)
		fprintf_regs(fp, "user", &sample->user_regs, arch);
	if ((type & PERF_SAMPLE_REGS_INTR) && sample->intr_regs.regs)
		fprintf_regs(fp, "intr", &sample->intr_regs, arch);
	if (type & PERF_SAMPLE_STACK_USER)
		fprintf(fp, "... ustack: size %" PRIu64 ", offset 0x%x\n",
			sample->user_stack.size, sample->user_stack.offset);
	if (type & (PERF_SAMPLE_WEIGHT | PERF_SAMPLE_WEIGHT_STRUCT)) {
		fprintf(fp, "... weight: %" PRIu64 "", sample->weight);
		if (type & PERF_SAMPLE_WEIGHT_STRUCT) {
			fprintf(fp, ",0x%x", sample->ins_lat);
			fprintf(fp, ",0x%x", sample->p_stage_cyc);
		}
		fprintf(fp, "\n");
	}
	if (type & PERF_SAMPLE_DATA_SRC)
		fprintf(fp, " . data_src: 0x%" PRIx64 "\n", sample->data_src);
	if (type & PERF_SAMPLE_PHYS_ADDR)
		fprintf(fp, " .. phys_addr: 0x%" PRIx64 "\n", sample->phys_addr);
	if (type & PERF_SAMPLE_DATA_PAGE_SIZE)
		fprintf(fp, " .. data page size: %s\n",
			perf_page_size__scnprintf(sample->data_page_size, str, sizeof(str)));
	if (type & PERF_SAMPLE_CODE_PAGE_SIZE)
		fprintf(fp, " .. code page size: %s\n",
			perf_page_size__scnprintf(sample->code_page_size, str, sizeof(str)));
	if (type & PERF_SAMPLE_TRANSACTION)
		fprintf(fp, "... transaction: %" PRIx64 "\n", sample->transaction);
	if (type & PERF_SAMPLE_READ)
		fprintf_sample_read(fp, sample, attr->read_format);
}

void perf_event__fprintf_read(const union perf_event *event,
			      const struct perf_event_attr *attr,
			      const char *name, FILE *fp)
{
	struct perf_record_read rec = { .header = event->header }, *r = &rec;
	uint64_t fmt;

	/* A short record leaves the fields it lacks at zero. */
	memcpy(&rec, event, min((size_t)event->header.size, sizeof(rec)));
	fprintf(fp, ": %d %d %s %" PRIu64 "\n", (int)r->pid, (int)r->tid, name, r->value);
	if (!attr)
		return;
	/* The reference reads the fixed struct fields whatever read_format is. */
	fmt = attr->read_format;
	if (fmt & PERF_FORMAT_TOTAL_TIME_ENABLED)
		fprintf(fp, "... time enabled : %" PRIu64 "\n", r->time_enabled);
	if (fmt & PERF_FORMAT_TOTAL_TIME_RUNNING)
		fprintf(fp, "... time running : %" PRIu64 "\n", r->time_running);
	if (fmt & PERF_FORMAT_ID)
		fprintf(fp, "... id           : %" PRIu64 "\n", r->id);
	if (fmt & PERF_FORMAT_LOST)
		fprintf(fp, "... lost         : %" PRIu64 "\n", r->lost);
}
