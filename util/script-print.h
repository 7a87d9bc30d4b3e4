/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The text `perf script` prints for a sample, one -F field at a time, in
 * the reference's layout (column widths, padding, "[unknown]", callchain
 * frames "\t%16lx sym+0xoff (dso)"). The builtin decides which fields and
 * in what order; these write them to the printer's stream.
 *
 * Output is the hot path of `perf script`: numbers are formatted by hand
 * and written with the unlocked stdio calls, nothing is allocated per
 * sample or per frame.
 *
 * Layer 4: depends on util/machine, util/thread, util/map, util/dso,
 * util/symbol, util/srcline, util/script-fields.
 */
#ifndef PERF_UTIL_SCRIPT_PRINT_H
#define PERF_UTIL_SCRIPT_PRINT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "event.h"

/* Binaries kept open for -F insn,insnlen; source files kept for -F srccode. */
#define SCRIPT_FD_CACHE 8
#define SCRIPT_SRCCODE_FILES 8

struct srccode_file;

struct addr_location;
struct dso;
struct frame_cache_entry;
struct map;
struct name_list;
struct perf_env;
struct script_output;
struct thread;

/**
 * struct script_print - the stream and the state the fields share
 * @fp:            where the text goes
 * @arch:          perf_env__arch() of the recording machine (register names)
 * @env:           the recording machine (clock data for "tod"), may be NULL
 * @nanosecs:      --ns: nine decimals
 * @reltime:       --reltime: time since the first event printed
 * @deltatime:     --deltatime: time since the previous event printed
 * @initial_time, @previous_time: state of the two
 * @max_stack:     frames of a callchain shown (--max-stack)
 * @show_kernel_path: --show-kernel-path: the kernel's file instead of
 *                 "[kernel.kallsyms]"
 * @full_source_path: --full-source-path for srcline
 * @stop_bt:       --stop-bt: a callchain ends after a frame of these symbols
 * @buf, @len:     text not yet written to @fp (script_print__flush())
 */
struct script_print {
	FILE *fp;
	const char *arch;
	const struct perf_env *env;
	bool nanosecs;
	bool reltime;
	bool deltatime;
	uint64_t initial_time;
	uint64_t previous_time;
	int max_stack;
	bool show_kernel_path;
	bool full_source_path;
	const struct name_list *stop_bt;
	struct frame_cache_entry *cache;
	struct {
		const struct dso *dso;
		int fd;
	} fds[SCRIPT_FD_CACHE];
	unsigned int fd_next;
	struct srccode_file *srcfiles[SCRIPT_SRCCODE_FILES];
	unsigned int srcfile_next;
	uint32_t cache_gen;
	size_t len;
	char buf[16384];
};

/*
 * An address space changed (mmap, fork, exit, exec): frames resolved
 * before may resolve differently now.
 */
void script_print__forget_maps(struct script_print *sp);
/* Free what the printer allocated (not the stream). */
void script_print__exit(struct script_print *sp);

/* printf() into the printer (after what the other printers buffered). */
void script_print__printf(struct script_print *sp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Write the buffered text; returns the stream, for printers of other modules. */
FILE *script_print__fp(struct script_print *sp);
void script_print__flush(struct script_print *sp);
void script_print__putc(struct script_print *sp, char c);
/* Print to @fp from now on (--per-event-dump), after writing what is buffered. */
void script_print__set_fp(struct script_print *sp, FILE *fp);

/*
 * The columns every printed event starts with: comm, pid/tid, [cpu],
 * misc, tod, time, as @o selects. @thread may be NULL (":-1"). @misc is
 * the record's header.misc and @record_type its type (for the misc
 * letters). @bare_comm: comm without padding (the event has a callchain
 * that is shown).
 */
void script_print__start(struct script_print *sp, const struct script_output *o,
			 const struct perf_sample *sample, struct thread *thread,
			 uint16_t misc, uint32_t record_type, bool bare_comm);

/* Sample period, "%10lu ". */
void script_print__period(struct script_print *sp, uint64_t period);
/* Event name right-aligned to @width, then ": ". */
void script_print__evname(struct script_print *sp, const char *name, int width);
/* The "flags" column of branch samples (empty for others). */
void script_print__flags(struct script_print *sp, uint32_t flags);

/*
 * The sample's own address without a callchain: ip, sym+off, (dso) and
 * srcline as @opts (SCRIPT_PRINT_*) say; @al is the resolved sample.
 */
void script_print__sym(struct script_print *sp, uint64_t ip, struct addr_location *al,
		       unsigned int opts);

/*
 * One line per frame of the sample's callchain (at most sp->max_stack),
 * resolved in @thread's address space. Returns the frames printed, -1
 * when --stop-bt ended the chain.
 */
int script_print__callchain(struct script_print *sp, struct thread *thread,
			    const struct ip_callchain *chain, unsigned int opts);

/*
 * Whether a callchain is shown at all: the reference drops the whole
 * chain when it meets a context marker it does not know among the first
 * @max_stack frames.
 */
bool callchain__is_valid(const struct ip_callchain *chain, int max_stack);
/*
 * The user frames of a sample recorded with --call-graph dwarf, unwound
 * from its registers and stack copy (inlined functions as frames of their
 * own, marked "(inlined)"), after the kernel part the callchain printer
 * showed. Returns 1 when --stop-bt ended the chain.
 */
int script_print__unwind(struct script_print *sp, struct thread *thread,
			 struct perf_sample *sample, unsigned int opts);

/*
 * The data address; for page faults (and BTS) also its symbol and dso as
 * @o selects.
 */
void script_print__addr(struct script_print *sp, const struct script_output *o,
			const struct perf_event_attr *attr, const struct perf_sample *sample,
			struct thread *thread);

/* " ABI:n  REG:0x... " for the registers of @regs selected by @mask. */
void script_print__regs(struct script_print *sp, const struct regs_dump *regs, uint64_t mask);

/*
 * The branch stack: raw addresses (brstack), symbols (brstacksym) or dso
 * offsets (brstackoff), each " from/to/M/X/A/cycles/type ".
 */
enum script_brstack_kind { SCRIPT_BRSTACK, SCRIPT_BRSTACKSYM, SCRIPT_BRSTACKOFF };
void script_print__brstack(struct script_print *sp, const struct perf_sample *sample,
			   struct thread *thread, bool with_dso, enum script_brstack_kind kind);

/* The data source of a memory sample, decoded, padded to the widest so far. */
void script_print__data_src(struct script_print *sp, uint64_t data_src);
/* "|OP ...|LVL ...|SNP ...|TLB ...|LCK ...|BLK ..." of @data_src into @decode. */
void script__data_src_decode(uint64_t data_src, char *decode, size_t size);

/* "2024-01-31 12:00:00.123456 " wall clock time of @time, from the env's clock data. */
void script_print__tod(struct script_print *sp, uint64_t time);

/*
 * " ilen: N" (@len) and " insn: xx xx" (@bytes) of the instruction at the
 * sample's ip, read from its binary (x86 recordings read on x86 only).
 */
void script_print__insn(struct script_print *sp, const struct perf_sample *sample,
			struct thread *thread, bool len, bool bytes);

/*
 * The bytes of the instruction at the sample's ip into @buf (16 bytes):
 * its length, 0 when it cannot be read (kernel text, another arch).
 */
int script_print__fetch_insn(struct script_print *sp, const struct perf_sample *sample,
			     struct thread *thread, uint8_t *buf);

/* The source line a thread showed last (-F srccode shows each change once). */
struct script_srccode_state {
	const char *file;
	unsigned int line;
};

/*
 * "|<line>    <source text>" of @ip's source line, read from the source
 * file DWARF names, unless it is @state's line. Returns 1 when printed.
 */
/* Line @line of source file @file (*@len bytes, no newline), or NULL. */
const char *script_print__source_line(struct script_print *sp, const char *file, unsigned int line,
				      int *len);
int script_print__srccode(struct script_print *sp, struct thread *thread, uint8_t cpumode,
			  uint64_t ip, struct script_srccode_state *state);

/* " \t IPC: x.xx (insn/cyc) " when the sample has both counts. */
void script_print__ipc(struct script_print *sp, const struct perf_sample *sample);

/* What the dso column says for @map: "[unknown]" without one. */
const char *script__dso_name(const struct map *map, bool kernel_path);

/* The thread's comm as perf script shows it: ":-1" without a thread. */
const char *script__comm(struct thread *thread);

#endif /* PERF_UTIL_SCRIPT_PRINT_H */
