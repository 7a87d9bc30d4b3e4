/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fields `perf script` prints for a sample (-F/--fields): their names,
 * the defaults per kind of event, the parsing of -F with its "type:" prefix
 * and "+field"/"-field" edits, and the check of a selection against what
 * an event actually recorded. The names, defaults and messages are the
 * reference's, because scripts and people type them.
 *
 * Kinds of event ("output types"): the kernel's attr types 0..5 keep their
 * numbers, then synthesized events (instruction tracing) and every other
 * PMU. Each kind has its own selection.
 *
 * Layer 4: depends on libc and util/debug only (no session, no machine):
 * the builtin passes in what it knows about the file.
 */
#ifndef PERF_UTIL_SCRIPT_FIELDS_H
#define PERF_UTIL_SCRIPT_FIELDS_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/perf_event.h>

/* The attr type of events perf synthesizes itself (from AUX data). */
#define PERF_TYPE_SYNTH (0x7fffffffU + 1U)

/* The fields, in the order of the reference's name table. */
enum script_field {
	SCRIPT_F_COMM		= 1ULL << 0,
	SCRIPT_F_TID		= 1ULL << 1,
	SCRIPT_F_PID		= 1ULL << 2,
	SCRIPT_F_TIME		= 1ULL << 3,
	SCRIPT_F_CPU		= 1ULL << 4,
	SCRIPT_F_EVNAME		= 1ULL << 5,
	SCRIPT_F_TRACE		= 1ULL << 6,
	SCRIPT_F_IP		= 1ULL << 7,
	SCRIPT_F_SYM		= 1ULL << 8,
	SCRIPT_F_DSO		= 1ULL << 9,
	SCRIPT_F_ADDR		= 1ULL << 10,
	SCRIPT_F_SYMOFFSET	= 1ULL << 11,
	SCRIPT_F_SRCLINE	= 1ULL << 12,
	SCRIPT_F_PERIOD		= 1ULL << 13,
	SCRIPT_F_IREGS		= 1ULL << 14,
	SCRIPT_F_UREGS		= 1ULL << 15,
	SCRIPT_F_BRSTACK	= 1ULL << 16,
	SCRIPT_F_BRSTACKSYM	= 1ULL << 17,
	SCRIPT_F_DATA_SRC	= 1ULL << 18,
	SCRIPT_F_WEIGHT		= 1ULL << 19,
	SCRIPT_F_BPF_OUTPUT	= 1ULL << 20,
	SCRIPT_F_CALLINDENT	= 1ULL << 21,
	SCRIPT_F_INSN		= 1ULL << 22,
	SCRIPT_F_INSNLEN	= 1ULL << 23,
	SCRIPT_F_BRSTACKINSN	= 1ULL << 24,
	SCRIPT_F_BRSTACKOFF	= 1ULL << 25,
	SCRIPT_F_SYNTH		= 1ULL << 26,
	SCRIPT_F_PHYS_ADDR	= 1ULL << 27,
	SCRIPT_F_METRIC		= 1ULL << 28,
	SCRIPT_F_MISC		= 1ULL << 29,
	SCRIPT_F_SRCCODE	= 1ULL << 30,
	SCRIPT_F_IPC		= 1ULL << 31,
	SCRIPT_F_TOD		= 1ULL << 32,
	SCRIPT_F_DATA_PAGE_SIZE	= 1ULL << 33,
	SCRIPT_F_CODE_PAGE_SIZE	= 1ULL << 34,
	SCRIPT_F_INS_LAT	= 1ULL << 35,
	SCRIPT_F_BRSTACKINSNLEN	= 1ULL << 36,
	SCRIPT_F_MACHINE_PID	= 1ULL << 37,
	SCRIPT_F_VCPU		= 1ULL << 38,
};

enum script_output_type {
	SCRIPT_OUT_HW		= PERF_TYPE_HARDWARE,
	SCRIPT_OUT_SW		= PERF_TYPE_SOFTWARE,
	SCRIPT_OUT_TRACE	= PERF_TYPE_TRACEPOINT,
	SCRIPT_OUT_HW_CACHE	= PERF_TYPE_HW_CACHE,
	SCRIPT_OUT_RAW		= PERF_TYPE_RAW,
	SCRIPT_OUT_BREAKPOINT	= PERF_TYPE_BREAKPOINT,
	SCRIPT_OUT_SYNTH,
	SCRIPT_OUT_OTHER,
	SCRIPT_OUT_MAX
};

/* What sample__fprintf_sym-style printers show of an address. */
enum script_print_ip_flags {
	SCRIPT_PRINT_IP		= 1 << 0,
	SCRIPT_PRINT_SYM	= 1 << 1,
	SCRIPT_PRINT_DSO	= 1 << 2,
	SCRIPT_PRINT_SYMOFFSET	= 1 << 3,
	SCRIPT_PRINT_SRCLINE	= 1 << 4,
};

/**
 * struct script_output - the selection for one output type
 * @fields:            what is printed
 * @user_set_fields:   named explicitly by a type-less -F: missing data for
 *                     them is an error, not a silent removal
 * @user_unset_fields: removed by a type-less "-field"
 * @invalid_fields:    fields this kind of event never has
 * @user_set:          a -F touched this type
 * @wildcard_set:      ... through a type-less -F, or with edits
 * @print_ip_opts:     SCRIPT_PRINT_* derived from @fields
 */
struct script_output {
	uint64_t fields;
	uint64_t user_set_fields;
	uint64_t user_unset_fields;
	uint64_t invalid_fields;
	bool user_set;
	bool wildcard_set;
	unsigned int print_ip_opts;
};

/**
 * struct script_fields - every type's selection, and the "flags" field,
 * which the reference keeps outside the table
 */
struct script_fields {
	struct script_output out[SCRIPT_OUT_MAX];
	bool print_flags;
};

/* The reference's defaults: what `perf script` prints without -F. */
void script_fields__init(struct script_fields *sf);

/*
 * Apply one -F argument ("comm,tid", "sw:ip,sym", "-cpu,+insn", "trace:").
 * Prints the reference's warnings and errors; returns 0 or -EINVAL (the
 * caller then shows the usage), -ENOMEM.
 */
int script_fields__parse(struct script_fields *sf, const char *arg);

/* Whether any -F was given. */
bool script_fields__user_set(const struct script_fields *sf);

/* The output type of events of attr type @attr_type. */
enum script_output_type script_output_type(uint32_t attr_type);

/* "hardware", "software", "hardware-cache", else "unknown", as messages name them. */
const char *script_output_type__name(int type);

/* The -F name of a single field, "" for none or several. */
const char *script_field__name(uint64_t field);

/**
 * struct script_check_ctx - what script_fields__check() needs to know of
 * the file besides the event
 * @has_traces:      some event of the file is a tracepoint
 * @allow_user_set:  the file has AUX trace data: fields the events lack
 *                   may be synthesized, so they are not refused
 * @branch_any:      the union of the events' branch_sample_type has
 *                   PERF_SAMPLE_BRANCH_ANY
 */
struct script_check_ctx {
	bool has_traces;
	bool allow_user_set;
	bool branch_any;
};

/*
 * Check the selection of @name's output type (@attr: its attr) against
 * what it recorded, as the reference does for the first event of each
 * type: fields a default asked for but the samples lack are dropped
 * quietly (for the whole type); fields the user asked for by name are an
 * error with the reference's message. Returns 0 or -EINVAL.
 */
int script_fields__check(struct script_fields *sf, const struct perf_event_attr *attr,
			 const char *name, const struct script_check_ctx *ctx);

/* Recompute out[type].print_ip_opts from its fields. */
void script_fields__set_print_ip_opts(struct script_fields *sf, int type);

#endif /* PERF_UTIL_SCRIPT_FIELDS_H */
