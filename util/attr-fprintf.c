// SPDX-License-Identifier: GPL-2.0
/*
 * perf_event_attr as text, field by field, the way the reference shows it
 * in `perf report --header` ("# event : ...") and `perf evlist -v`.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "evsel.h"
#include "util.h"

struct bit_name {
	uint64_t bit;
	const char *name;
};

/*
 * The reference's (6.1) tables: their order is the print order, and
 * TRANSACTION is missing from sample_type on purpose there, so it is here.
 */
static const struct bit_name sample_type_bits[] = {
	{ PERF_SAMPLE_IP, "IP" }, { PERF_SAMPLE_TID, "TID" },
	{ PERF_SAMPLE_TIME, "TIME" }, { PERF_SAMPLE_ADDR, "ADDR" },
	{ PERF_SAMPLE_READ, "READ" }, { PERF_SAMPLE_CALLCHAIN, "CALLCHAIN" },
	{ PERF_SAMPLE_ID, "ID" }, { PERF_SAMPLE_CPU, "CPU" },
	{ PERF_SAMPLE_PERIOD, "PERIOD" }, { PERF_SAMPLE_STREAM_ID, "STREAM_ID" },
	{ PERF_SAMPLE_RAW, "RAW" }, { PERF_SAMPLE_BRANCH_STACK, "BRANCH_STACK" },
	{ PERF_SAMPLE_REGS_USER, "REGS_USER" }, { PERF_SAMPLE_STACK_USER, "STACK_USER" },
	{ PERF_SAMPLE_IDENTIFIER, "IDENTIFIER" }, { PERF_SAMPLE_REGS_INTR, "REGS_INTR" },
	{ PERF_SAMPLE_DATA_SRC, "DATA_SRC" }, { PERF_SAMPLE_WEIGHT, "WEIGHT" },
	{ PERF_SAMPLE_PHYS_ADDR, "PHYS_ADDR" }, { PERF_SAMPLE_AUX, "AUX" },
	{ PERF_SAMPLE_CGROUP, "CGROUP" }, { PERF_SAMPLE_DATA_PAGE_SIZE, "DATA_PAGE_SIZE" },
	{ PERF_SAMPLE_CODE_PAGE_SIZE, "CODE_PAGE_SIZE" },
	{ PERF_SAMPLE_WEIGHT_STRUCT, "WEIGHT_STRUCT" },
	{ 0, NULL }
};

static const struct bit_name branch_sample_bits[] = {
	{ PERF_SAMPLE_BRANCH_USER, "USER" }, { PERF_SAMPLE_BRANCH_KERNEL, "KERNEL" },
	{ PERF_SAMPLE_BRANCH_HV, "HV" }, { PERF_SAMPLE_BRANCH_ANY, "ANY" },
	{ PERF_SAMPLE_BRANCH_ANY_CALL, "ANY_CALL" },
	{ PERF_SAMPLE_BRANCH_ANY_RETURN, "ANY_RETURN" },
	{ PERF_SAMPLE_BRANCH_IND_CALL, "IND_CALL" }, { PERF_SAMPLE_BRANCH_ABORT_TX, "ABORT_TX" },
	{ PERF_SAMPLE_BRANCH_IN_TX, "IN_TX" }, { PERF_SAMPLE_BRANCH_NO_TX, "NO_TX" },
	{ PERF_SAMPLE_BRANCH_COND, "COND" }, { PERF_SAMPLE_BRANCH_CALL_STACK, "CALL_STACK" },
	{ PERF_SAMPLE_BRANCH_IND_JUMP, "IND_JUMP" }, { PERF_SAMPLE_BRANCH_CALL, "CALL" },
	{ PERF_SAMPLE_BRANCH_NO_FLAGS, "NO_FLAGS" }, { PERF_SAMPLE_BRANCH_NO_CYCLES, "NO_CYCLES" },
	{ PERF_SAMPLE_BRANCH_TYPE_SAVE, "TYPE_SAVE" }, { PERF_SAMPLE_BRANCH_HW_INDEX, "HW_INDEX" },
	{ PERF_SAMPLE_BRANCH_PRIV_SAVE, "PRIV_SAVE" },
	{ 0, NULL }
};

static const struct bit_name read_format_bits[] = {
	{ PERF_FORMAT_TOTAL_TIME_ENABLED, "TOTAL_TIME_ENABLED" },
	{ PERF_FORMAT_TOTAL_TIME_RUNNING, "TOTAL_TIME_RUNNING" },
	{ PERF_FORMAT_ID, "ID" }, { PERF_FORMAT_GROUP, "GROUP" },
	{ PERF_FORMAT_LOST, "LOST" },
	{ 0, NULL }
};

/* Names of the set bits joined by '|'; bits without a name are left out. */
static void bits__snprintf(char *buf, size_t size, uint64_t value, const struct bit_name *bits)
{
	size_t len = 0;
	bool first = true;

	buf[0] = '\0';
	for (; bits->name; bits++) {
		if (!(value & bits->bit))
			continue;
		len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s",
					first ? "" : "|", bits->name);
		first = false;
	}
}

int perf_event_attr__fprintf_cb(FILE *fp, const struct perf_event_attr *attr,
				attr__fprintf_f cb, void *priv)
{
	char buf[512];
	int ret = 0;

#define EMIT(name) do { ret += cb(fp, name, buf, priv); } while (0)
#define P_U(field, name)						\
	do {								\
		if (attr->field) {					\
			snprintf(buf, sizeof(buf), "%" PRIu64, (uint64_t)attr->field); \
			EMIT(name);					\
		}							\
	} while (0)
#define P_X(field, name)						\
	do {								\
		if (attr->field) {					\
			snprintf(buf, sizeof(buf), "%#" PRIx64, (uint64_t)attr->field); \
			EMIT(name);					\
		}							\
	} while (0)
#define P_BITS(field, name, table)					\
	do {								\
		if (attr->field) {					\
			bits__snprintf(buf, sizeof(buf), attr->field, table); \
			EMIT(name);					\
		}							\
	} while (0)

	P_U(type, "type");
	P_U(size, "size");
	P_X(config, "config");
	P_U(sample_period, "{ sample_period, sample_freq }");
	P_BITS(sample_type, "sample_type", sample_type_bits);
	P_BITS(read_format, "read_format", read_format_bits);
	P_U(disabled, "disabled");
	P_U(inherit, "inherit");
	P_U(pinned, "pinned");
	P_U(exclusive, "exclusive");
	P_U(exclude_user, "exclude_user");
	P_U(exclude_kernel, "exclude_kernel");
	P_U(exclude_hv, "exclude_hv");
	P_U(exclude_idle, "exclude_idle");
	P_U(mmap, "mmap");
	P_U(comm, "comm");
	P_U(freq, "freq");
	P_U(inherit_stat, "inherit_stat");
	P_U(enable_on_exec, "enable_on_exec");
	P_U(task, "task");
	P_U(watermark, "watermark");
	P_U(precise_ip, "precise_ip");
	P_U(mmap_data, "mmap_data");
	P_U(sample_id_all, "sample_id_all");
	P_U(exclude_host, "exclude_host");
	P_U(exclude_guest, "exclude_guest");
	P_U(exclude_callchain_kernel, "exclude_callchain_kernel");
	P_U(exclude_callchain_user, "exclude_callchain_user");
	P_U(mmap2, "mmap2");
	P_U(comm_exec, "comm_exec");
	P_U(use_clockid, "use_clockid");
	P_U(context_switch, "context_switch");
	P_U(write_backward, "write_backward");
	P_U(namespaces, "namespaces");
	P_U(ksymbol, "ksymbol");
	P_U(bpf_event, "bpf_event");
	P_U(aux_output, "aux_output");
	P_U(cgroup, "cgroup");
	P_U(text_poke, "text_poke");
	P_U(build_id, "build_id");
	P_U(inherit_thread, "inherit_thread");
	P_U(remove_on_exec, "remove_on_exec");
	P_U(sigtrap, "sigtrap");
	P_U(wakeup_events, "{ wakeup_events, wakeup_watermark }");
	P_U(bp_type, "bp_type");
	P_X(config1, "{ bp_addr, config1 }");
	P_X(config2, "{ bp_len, config2 }");
	P_BITS(branch_sample_type, "branch_sample_type", branch_sample_bits);
	P_X(sample_regs_user, "sample_regs_user");
	P_U(sample_stack_user, "sample_stack_user");
	if (attr->clockid) {
		snprintf(buf, sizeof(buf), "%" PRId64, (int64_t)attr->clockid);
		EMIT("clockid");
	}
	P_X(sample_regs_intr, "sample_regs_intr");
	P_U(aux_watermark, "aux_watermark");
	P_U(sample_max_stack, "sample_max_stack");
	P_U(aux_sample_size, "aux_sample_size");
	P_U(sig_data, "sig_data");
#undef P_U
#undef P_X
#undef P_BITS
#undef EMIT
	return ret;
}
