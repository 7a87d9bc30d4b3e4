// SPDX-License-Identifier: GPL-2.0
/* perf script's per-field printers, in the reference's layout. */
#include <inttypes.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/utsname.h>

#include "dso.h"
#include "header.h"
#include "insn-x86.h"
#include "machine.h"
#include "map.h"
#include "maps.h"
#include "sample.h"
#include "script-fields.h"
#include "script-filter.h"
#include "script-print.h"
#include "srcline.h"
#include "symbol-elf.h"
#include "symbol.h"
#include "thread.h"
#include "unwind.h"

#define NSEC_PER_SEC	1000000000ULL
#define NSEC_PER_USEC	1000ULL

/* ---- hand formatting: printf costs more than the rest of a frame ---- */

/*
 * Everything goes through the printer's own buffer and reaches the stream
 * in large writes: one fwrite per frame costs more than formatting it.
 */
static void sp_flush(struct script_print *sp)
{
	if (sp->len) {
		fwrite_unlocked(sp->buf, 1, sp->len, sp->fp);
		sp->len = 0;
	}
}

/* Room for @n more bytes in the buffer (n at most its size). */
static inline char *sp_reserve(struct script_print *sp, size_t n)
{
	if (sp->len + n > sizeof(sp->buf))
		sp_flush(sp);
	return sp->buf + sp->len;
}

static inline void put_mem(struct script_print *sp, const char *s, size_t n)
{
	char *d;

	if (n > sizeof(sp->buf) / 2) {
		sp_flush(sp);
		fwrite_unlocked(s, 1, n, sp->fp);
		return;
	}
	d = sp_reserve(sp, n);
	/* Most pieces are a few bytes: a call to memcpy costs more than they do. */
	if (n <= 16) {
		size_t i;

		for (i = 0; i < n; i++)
			d[i] = s[i];
	} else {
		memcpy(d, s, n);
	}
	sp->len += n;
}

static inline void put_str(struct script_print *sp, const char *s)
{
	put_mem(sp, s, strlen(s));
}

static inline void put_ch(struct script_print *sp, char c)
{
	if (sp->len == sizeof(sp->buf))
		sp_flush(sp);
	sp->buf[sp->len++] = c;
}

static void put_spaces(struct script_print *sp, int n)
{
	if (n <= 0)
		return;
	while ((size_t)n > sizeof(sp->buf) / 2) {
		put_spaces(sp, (int)sizeof(sp->buf) / 4);
		n -= (int)sizeof(sp->buf) / 4;
	}
	memset(sp_reserve(sp, (size_t)n), ' ', (size_t)n);
	sp->len += (size_t)n;
}

void script_print__printf(struct script_print *sp, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(sp->buf + sp->len, sizeof(sp->buf) - sp->len, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof(sp->buf) - sp->len) {
		sp->len += (size_t)n;
		return;
	}
	/* Did not fit: straight to the stream. */
	sp_flush(sp);
	va_start(ap, fmt);
	vfprintf(sp->fp, fmt, ap);
	va_end(ap);
}

FILE *script_print__fp(struct script_print *sp)
{
	sp_flush(sp);
	return sp->fp;
}

void script_print__flush(struct script_print *sp)
{
	sp_flush(sp);
}

void script_print__set_fp(struct script_print *sp, FILE *fp)
{
	if (sp->fp != fp) {
		sp_flush(sp);
		sp->fp = fp;
	}
}

void script_print__putc(struct script_print *sp, char c)
{
	put_ch(sp, c);
}

/* Decimal digits of @v ending at @end; returns the first. */
static inline char *fmt_dec(char *end, uint64_t v)
{
	char *p = end;

	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return p;
}

static void put_field(struct script_print *sp, const char *p, int len, int width, bool left)
{
	if (!left)
		put_spaces(sp, width - len);
	put_mem(sp, p, (size_t)len);
	if (left)
		put_spaces(sp, width - len);
}

/* printf("%*lx"), formatted in place */
static void put_hex(struct script_print *sp, uint64_t v, int width)
{
	static const char digits[] = "0123456789abcdef";
	int ndig = (64 - __builtin_clzll(v | 1) + 3) / 4;
	int total = ndig > width ? ndig : width;
	char *d = sp_reserve(sp, 40), *p;

	memset(d, ' ', (size_t)(total - ndig));
	p = d + total;
	do {
		*--p = digits[v & 0xf];
		v >>= 4;
	} while (v);
	sp->len += (size_t)total;
}

/* printf("%*lu") */
static void put_udec(struct script_print *sp, uint64_t v, int width)
{
	char buf[24], *end = buf + sizeof(buf), *p = fmt_dec(end, v);

	put_field(sp, p, (int)(end - p), width, false);
}

/* printf("%*d"), or "%-*d" when @left */
static void put_s32(struct script_print *sp, int32_t v, int width, bool left)
{
	char buf[24], *end = buf + sizeof(buf), *p;

	p = fmt_dec(end, v < 0 ? (uint64_t)-(int64_t)v : (uint64_t)v);
	if (v < 0)
		*--p = '-';
	put_field(sp, p, (int)(end - p), width, left);
}

/* printf("%*s"), right-aligned */
static void put_str_pad(struct script_print *sp, const char *s, int width)
{
	size_t len = strlen(s);

	put_spaces(sp, width - (int)len);
	put_mem(sp, s, len);
}

/* ---- names ---- */

const char *script__comm(struct thread *thread)
{
	return thread ? thread__comm_str(thread) : ":-1";
}

const char *script__dso_name(const struct map *map, bool kernel_path)
{
	const struct dso *dso = map ? map->dso : NULL;

	if (!dso)
		return "[unknown]";
	/* Modules go by "[name]", everything else by the name it was mapped with. */
	if (dso->kind == DSO_KIND_MODULE)
		return dso->short_name;
	if (kernel_path && dso->kind == DSO_KIND_KERNEL && dso->symtab_path)
		return dso->symtab_path;
	return dso->long_name;
}

/* "sym", "sym+0xoff" or "[unknown]" for an address that resolved to @al. */
static void put_symname(struct script_print *sp, const struct symbol *sym, const struct addr_location *al,
			bool offset)
{
	uint64_t off;

	if (!sym) {
		put_str(sp, "[unknown]");
		return;
	}
	put_str(sp, sym->name);
	if (!offset || !al)
		return;
	/* An address past the symbol's end is taken as map-relative, as the reference does. */
	if (al->addr < sym->end)
		off = al->addr - sym->start;
	else
		off = al->addr - (al->map ? al->map->start : 0) - sym->start;
	put_str(sp, "+0x");
	put_hex(sp, off, 0);
}

static void put_dso(struct script_print *sp, const struct map *map, bool kernel_path)
{
	put_str(sp, " (");
	put_str(sp, script__dso_name(map, kernel_path));
	put_ch(sp, ')');
}

/*
 * "\n  file:line" when the line is known. Without one, the reference's
 * addr2line may still name a function from the ELF symbol tables: that
 * answer is "??:0", which prints nothing, but for frames unwound from
 * DWARF that have a symbol (@unwound: the reference keeps addr2line's
 * record as an inline level then) prints as is. Where it knows no function the reference shows "dso[address]".
 */
static void put_srcline(struct script_print *sp, struct map *map, uint64_t addr, bool unwound)
{
	struct dso *dso = map ? map->dso : NULL;
	const char *s;
	char buf[PATH_MAX + 32];

	if (!dso)
		return;
	s = dso__srcline_sort_str(dso, addr, NULL);
	if (!s)
		return;
	if (!strcmp(s, SRCLINE_UNKNOWN)) {
		if (dso->kind != DSO_KIND_FILE)
			return;
		const char *file;

		if (dso__addr2line_names_function(dso, dso__addr_to_vaddr(dso, addr), &file)) {
			/* addr2line's "crtstuff.c:?" reads as line 0 in the reference. */
			if (file) {
				put_str(sp, "\n  ");
				put_str(sp, file);
				put_str(sp, ":0");
			} else if (unwound) {
				put_str(sp, "\n  ");
				put_str(sp, SRCLINE_UNKNOWN);
			}
			return;
		}
		snprintf(buf, sizeof(buf), "%s[%" PRIx64 "]", dso->short_name,
			 dso__addr_to_vaddr(dso, addr));
		s = buf;
	} else if (sp->full_source_path && dso->kind == DSO_KIND_FILE) {
		const char *full = dso__srcline_str(dso, addr, true);

		if (full)
			s = full;
	}
	put_str(sp, "\n  ");
	put_str(sp, s);
}

/* ---- the start of a line ---- */

static void put_time(struct script_print *sp, uint64_t t)
{
	uint64_t secs, frac;
	char buf[48], *end = buf + sizeof(buf), *p;

	if (sp->reltime) {
		if (!sp->initial_time)
			sp->initial_time = t;
		t -= sp->initial_time;
	} else if (sp->deltatime) {
		uint64_t prev = sp->previous_time;

		sp->previous_time = t;
		t = prev ? t - prev : 0;
	}
	secs = t / NSEC_PER_SEC;
	frac = t % NSEC_PER_SEC;
	if (sp->nanosecs) {
		/* "%5lu.%09llu: " */
		p = fmt_dec(end, frac);
		while (end - p < 9)
			*--p = '0';
		*--p = '.';
		p = fmt_dec(p, secs);
		put_spaces(sp, 15 - (int)(end - p));
	} else {
		/* "%12s: " of "sec.usec" */
		p = fmt_dec(end, frac / NSEC_PER_USEC);
		while (end - p < 6)
			*--p = '0';
		*--p = '.';
		p = fmt_dec(p, secs);
		put_spaces(sp, 12 - (int)(end - p));
	}
	put_mem(sp, p, (size_t)(end - p));
	put_str(sp, ": ");
}

static void put_misc(struct script_print *sp, uint16_t misc, uint32_t record_type)
{
	char s[8];
	int n = 0;

#define HAS(m) ((misc & PERF_RECORD_MISC_##m) == PERF_RECORD_MISC_##m)
	if (HAS(KERNEL))
		s[n++] = 'K';
	if (HAS(USER))
		s[n++] = 'U';
	if (HAS(HYPERVISOR))
		s[n++] = 'H';
	if (HAS(GUEST_KERNEL))
		s[n++] = 'G';
	if (HAS(GUEST_USER))
		s[n++] = 'g';
	switch (record_type) {
	case PERF_RECORD_MMAP:
	case PERF_RECORD_MMAP2:
		if (HAS(MMAP_DATA))
			s[n++] = 'M';
		break;
	case PERF_RECORD_COMM:
		if (HAS(COMM_EXEC))
			s[n++] = 'E';
		break;
	case PERF_RECORD_SWITCH:
	case PERF_RECORD_SWITCH_CPU_WIDE:
		if (HAS(SWITCH_OUT)) {
			s[n++] = 'S';
			if (misc & PERF_RECORD_MISC_SWITCH_OUT_PREEMPT)
				s[n++] = 'p';
		}
		break;
	default:
		break;
	}
#undef HAS
	put_mem(sp, s, (size_t)n);
	/* printf("%*s", 6 - n, " "): at least one space */
	put_spaces(sp, 6 - n > 1 ? 6 - n : 1);
}

void script_print__start(struct script_print *sp, const struct script_output *o,
			 const struct perf_sample *sample, struct thread *thread,
			 uint16_t misc, uint32_t record_type, bool bare_comm)
{
	uint64_t f = o->fields;

	if (f & SCRIPT_F_COMM) {
		const char *comm = script__comm(thread);

		if (bare_comm)
			put_str(sp, comm);
		else
			put_str_pad(sp, comm, 16);
		put_ch(sp, ' ');
	}
	if ((f & SCRIPT_F_PID) && (f & SCRIPT_F_TID)) {
		put_s32(sp, (int32_t)sample->pid, 5, false);
		put_ch(sp, '/');
		put_s32(sp, (int32_t)sample->tid, 5, true);
		put_ch(sp, ' ');
	} else if (f & (SCRIPT_F_PID | SCRIPT_F_TID)) {
		put_s32(sp, (int32_t)(f & SCRIPT_F_PID ? sample->pid : sample->tid), 5, false);
		put_ch(sp, ' ');
	}
	if (f & SCRIPT_F_CPU) {
		/* "[%03d] " */
		int32_t cpu = (int32_t)sample->cpu;

		if (cpu >= 0) {
			put_ch(sp, '[');
			if (cpu < 100)
				put_ch(sp, '0');
			if (cpu < 10)
				put_ch(sp, '0');
			put_s32(sp, cpu, 0, false);
			put_str(sp, "] ");
		} else {
			script_print__printf(sp, "[%03d] ", cpu);
		}
	}
	if (f & SCRIPT_F_MISC)
		put_misc(sp, misc, record_type);
	if (f & SCRIPT_F_TOD)
		script_print__tod(sp, sample->time);
	if (f & SCRIPT_F_TIME)
		put_time(sp, sample->time);
}

void script_print__period(struct script_print *sp, uint64_t period)
{
	put_udec(sp, period, 10);
	put_ch(sp, ' ');
}

void script_print__evname(struct script_print *sp, const char *name, int width)
{
	put_str_pad(sp, name ? name : "[unknown]", width);
	put_str(sp, ": ");
}

/* ---- flags of branch samples ---- */

/* PERF_IP_FLAG_* of the reference (synthesized by instruction trace decoders). */
enum {
	IP_FLAG_BRANCH		= 1U << 0,
	IP_FLAG_CALL		= 1U << 1,
	IP_FLAG_RETURN		= 1U << 2,
	IP_FLAG_CONDITIONAL	= 1U << 3,
	IP_FLAG_SYSCALLRET	= 1U << 4,
	IP_FLAG_ASYNC		= 1U << 5,
	IP_FLAG_INTERRUPT	= 1U << 6,
	IP_FLAG_TX_ABORT	= 1U << 7,
	IP_FLAG_TRACE_BEGIN	= 1U << 8,
	IP_FLAG_TRACE_END	= 1U << 9,
	IP_FLAG_IN_TX		= 1U << 10,
	IP_FLAG_VMENTRY		= 1U << 11,
	IP_FLAG_VMEXIT		= 1U << 12,
	IP_FLAG_INTR_DISABLE	= 1U << 13,
	IP_FLAG_INTR_TOGGLE	= 1U << 14,
};
#define IP_FLAG_CHARS "bcrosyiABExghDt"
#define IP_FLAG_BRANCH_MASK (IP_FLAG_BRANCH | IP_FLAG_CALL | IP_FLAG_RETURN | \
			     IP_FLAG_CONDITIONAL | IP_FLAG_SYSCALLRET | IP_FLAG_ASYNC | \
			     IP_FLAG_INTERRUPT | IP_FLAG_TX_ABORT | IP_FLAG_TRACE_BEGIN | \
			     IP_FLAG_TRACE_END | IP_FLAG_VMENTRY | IP_FLAG_VMEXIT)
#define FLAGS_STR_WIDTH 21

static const struct {
	uint32_t flags;
	const char *name;
} flag_names[] = {
	{ IP_FLAG_BRANCH | IP_FLAG_CALL, "call" },
	{ IP_FLAG_BRANCH | IP_FLAG_RETURN, "return" },
	{ IP_FLAG_BRANCH | IP_FLAG_CONDITIONAL, "jcc" },
	{ IP_FLAG_BRANCH, "jmp" },
	{ IP_FLAG_BRANCH | IP_FLAG_CALL | IP_FLAG_INTERRUPT, "int" },
	{ IP_FLAG_BRANCH | IP_FLAG_RETURN | IP_FLAG_INTERRUPT, "iret" },
	{ IP_FLAG_BRANCH | IP_FLAG_CALL | IP_FLAG_SYSCALLRET, "syscall" },
	{ IP_FLAG_BRANCH | IP_FLAG_RETURN | IP_FLAG_SYSCALLRET, "sysret" },
	{ IP_FLAG_BRANCH | IP_FLAG_ASYNC, "async" },
	{ IP_FLAG_BRANCH | IP_FLAG_CALL | IP_FLAG_ASYNC | IP_FLAG_INTERRUPT, "hw int" },
	{ IP_FLAG_BRANCH | IP_FLAG_TX_ABORT, "tx abrt" },
	{ IP_FLAG_BRANCH | IP_FLAG_TRACE_BEGIN, "tr strt" },
	{ IP_FLAG_BRANCH | IP_FLAG_TRACE_END, "tr end" },
	{ IP_FLAG_BRANCH | IP_FLAG_CALL | IP_FLAG_VMENTRY, "vmentry" },
	{ IP_FLAG_BRANCH | IP_FLAG_CALL | IP_FLAG_VMEXIT, "vmexit" },
};

void script_print__flags(struct script_print *sp, uint32_t flags)
{
	uint32_t branch = flags & IP_FLAG_BRANCH_MASK;
	char str[64];
	size_t i, n = 0;

	str[0] = '\0';
	for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
		if (branch == flag_names[i].flags) {
			n = (size_t)snprintf(str, sizeof(str), "%s", flag_names[i].name);
			break;
		}
	}
	if (i == sizeof(flag_names) / sizeof(flag_names[0]) && branch) {
		/* Unnamed combinations: one letter per flag. */
		for (i = 0; i < sizeof(IP_FLAG_CHARS) - 1; i++)
			if (flags & (1U << i) && n + 1 < sizeof(str))
				str[n++] = IP_FLAG_CHARS[i];
		str[n] = '\0';
	} else if (flags & (IP_FLAG_IN_TX | IP_FLAG_INTR_DISABLE | IP_FLAG_INTR_TOGGLE)) {
		/* The "x", "D" and "t" flags go in parentheses after a name. */
		n += (size_t)snprintf(str + n, sizeof(str) - n, "%*s(%s%s%s)",
				      n ? 1 : 0, "",
				      flags & IP_FLAG_IN_TX ? "x" : "",
				      flags & IP_FLAG_INTR_DISABLE ? "D" : "",
				      flags & IP_FLAG_INTR_TOGGLE ? "t" : "");
	}
	script_print__printf(sp, "  %-*s ", FLAGS_STR_WIDTH, str);
}

/* ---- addresses and symbols ---- */

void script_print__sym(struct script_print *sp, uint64_t ip, struct addr_location *al,
		       unsigned int opts)
{

	if (opts & SCRIPT_PRINT_IP)
		put_hex(sp, ip, 16);
	if (opts & SCRIPT_PRINT_SYM) {
		put_ch(sp, ' ');
		put_symname(sp, al->sym, al, opts & SCRIPT_PRINT_SYMOFFSET);
	}
	if (opts & SCRIPT_PRINT_DSO)
		put_dso(sp, al->map, sp->show_kernel_path);
	if (opts & SCRIPT_PRINT_SRCLINE)
		put_srcline(sp, al->map, al->addr, false);
}

/*
 * Callchains repeat the same frames over and over: a direct-mapped cache
 * of (address space, cpumode, ip) -> map, symbol saves the two lookups.
 * Entries hold no references: every record that changes an address space
 * (mmap, fork, exit, exec) invalidates them all (script_print__forget_maps).
 */
#define FRAME_CACHE_BITS 14

struct frame_cache_entry {
	uint64_t ip;
	const void *maps;
	struct map *map;
	struct symbol *sym;
	uint32_t gen;
	uint8_t cpumode;
};

void script_print__forget_maps(struct script_print *sp)
{
	sp->cache_gen++;
}

static void srccode_file__free(struct srccode_file *f);

void script_print__exit(struct script_print *sp)
{
	size_t i;

	for (i = 0; i < SCRIPT_SRCCODE_FILES; i++) {
		if (sp->srcfiles[i]) {
			srccode_file__free(sp->srcfiles[i]);
			free(sp->srcfiles[i]);
			sp->srcfiles[i] = NULL;
		}
	}
	free(sp->cache);
	sp->cache = NULL;
	for (i = 0; i < SCRIPT_FD_CACHE; i++) {
		if (sp->fds[i].dso && sp->fds[i].fd >= 0)
			close(sp->fds[i].fd);
		sp->fds[i].dso = NULL;
	}
}

static struct frame_cache_entry *frame_cache__lookup(struct script_print *sp,
						     struct thread *thread, uint8_t cpumode,
						     uint64_t ip, struct addr_location *al)
{
	/* Kernel frames resolve the same in every thread. */
	const void *maps = cpumode == PERF_RECORD_MISC_USER ? (const void *)thread->maps : NULL;
	struct frame_cache_entry *e;
	uint64_t h;

	if (!sp->cache) {
		sp->cache = calloc(1UL << FRAME_CACHE_BITS, sizeof(*sp->cache));
		if (!sp->cache)
			return NULL;
		/* Generation 0 marks empty entries. */
		sp->cache_gen++;
	}
	h = (ip ^ (ip >> 17) ^ ((uintptr_t)maps >> 4)) * 0x9e3779b97f4a7c15ULL;
	e = &sp->cache[h >> (64 - FRAME_CACHE_BITS)];
	if (e->gen == sp->cache_gen && e->ip == ip && e->maps == maps && e->cpumode == cpumode)
		return e;
	thread__find_symbol(thread, cpumode, ip, al);
	e->ip = ip;
	e->maps = maps;
	e->cpumode = cpumode;
	e->map = al->map;
	e->sym = al->sym;
	e->gen = sp->cache_gen;
	return e;
}

bool callchain__is_valid(const struct ip_callchain *chain, int max_stack)
{
	uint64_t i;
	int nr = 0;

	for (i = 0; i < chain->nr && nr < max_stack; i++) {
		uint64_t ip = chain->ips[i];

		if (ip < PERF_CONTEXT_MAX)
			nr++;
		else if (ip != PERF_CONTEXT_HV && ip != PERF_CONTEXT_KERNEL &&
			 ip != PERF_CONTEXT_USER)
			return false;
	}
	return true;
}

int script_print__callchain(struct script_print *sp, struct thread *thread,
			    const struct ip_callchain *chain, unsigned int opts)
{
	uint8_t cpumode = PERF_RECORD_MISC_USER;
	struct addr_location al;
	uint64_t i;
	int nr = 0;

	if (!chain || !callchain__is_valid(chain, sp->max_stack))
		return 0;
	addr_location__init(&al);
	for (i = 0; i < chain->nr && nr < sp->max_stack; i++) {
		uint64_t ip = chain->ips[i], addr;
		struct frame_cache_entry *e;
		struct addr_location fal;

		if (ip >= PERF_CONTEXT_MAX) {
			if (ip == PERF_CONTEXT_HV)
				cpumode = PERF_RECORD_MISC_HYPERVISOR;
			else if (ip == PERF_CONTEXT_KERNEL)
				cpumode = PERF_RECORD_MISC_KERNEL;
			else
				cpumode = PERF_RECORD_MISC_USER;
			continue;
		}
		nr++;
		e = frame_cache__lookup(sp, thread, cpumode, ip, &al);
		memset(&fal, 0, sizeof(fal));
		fal.map = e ? e->map : al.map;
		fal.sym = e ? e->sym : al.sym;
		/* User frames show the dso-relative address, as the reference 6.1 does. */
		addr = fal.map ? map__map_ip(fal.map, ip) : ip;
		fal.addr = addr;
		if (opts & SCRIPT_PRINT_IP) {
			put_ch(sp, '\t');
			put_hex(sp, addr, 16);
		}
		if (opts & SCRIPT_PRINT_SYM) {
			put_ch(sp, ' ');
			put_symname(sp, fal.sym, &fal, opts & SCRIPT_PRINT_SYMOFFSET);
		}
		if (opts & SCRIPT_PRINT_DSO)
			put_dso(sp, fal.map, sp->show_kernel_path);
		if (opts & SCRIPT_PRINT_SRCLINE)
			put_srcline(sp, fal.map, addr, false);
		put_ch(sp, '\n');
		if (sp->stop_bt && fal.sym && name_list__has(sp->stop_bt, fal.sym->name)) {
			nr = -1;
			break;
		}
	}
	addr_location__exit(&al);
	return nr;
}

/* ---- user frames unwound from the sampled stack (--call-graph dwarf) ---- */

struct unwind_print {
	struct script_print *sp;
	unsigned int opts;
	bool stop;
};

/*
 * One frame line; @inlined frames show "(inlined)" instead of their dso,
 * after the source line. A level of an inline chain (@frame) has its own
 * source line: the call site for all but the innermost.
 */
static void put_frame(struct script_print *sp, unsigned int opts, uint64_t ip, struct map *map,
		      struct symbol *sym, const char *name, bool inlined,
		      const struct inline_frame *frame)
{
	struct addr_location al;
	uint64_t addr = map ? map__map_ip(map, ip) : ip;

	memset(&al, 0, sizeof(al));
	al.map = map;
	al.addr = addr;
	if (opts & SCRIPT_PRINT_IP) {
		put_ch(sp, '\t');
		put_hex(sp, addr, 16);
	}
	if (opts & SCRIPT_PRINT_SYM) {
		put_ch(sp, ' ');
		if (name && sym) {
			/* An inlined level takes its function's symbol's start. */
			put_str(sp, name);
			if (opts & SCRIPT_PRINT_SYMOFFSET) {
				put_str(sp, "+0x");
				put_hex(sp, addr - sym->start, 0);
			}
		} else {
			put_symname(sp, sym, &al, opts & SCRIPT_PRINT_SYMOFFSET);
		}
	}
	if (!inlined && (opts & SCRIPT_PRINT_DSO))
		put_dso(sp, map, sp->show_kernel_path);
	if ((opts & SCRIPT_PRINT_SRCLINE) && frame && frame->filename) {
		const char *file = frame->filename;

		if (!sp->full_source_path && strrchr(file, '/'))
			file = strrchr(file, '/') + 1;
		put_str(sp, "\n  ");
		put_str(sp, file);
		put_ch(sp, ':');
		put_udec(sp, frame->line, 0);
	} else if (opts & SCRIPT_PRINT_SRCLINE) {
		put_srcline(sp, map, addr, sym != NULL);
	}
	if (inlined)
		put_str(sp, SYMBOL_INLINED_SUFFIX);
	put_ch(sp, '\n');
}

static int unwind_print__entry(struct unwind_entry *entry, void *arg)
{
	struct unwind_print *up = arg;
	struct script_print *sp = up->sp;
	const struct inline_node *node = unwind_entry__inline_node(entry);
	const char *last = entry->sym ? entry->sym->name : NULL;
	int i;

	if (!node) {
		put_frame(sp, up->opts, entry->ip, entry->map, entry->sym, NULL, false, NULL);
	} else {
		/* Innermost first; levels named otherwise than the symbol are inlined. */
		for (i = 0; i < node->nr; i++) {
			const char *name = node->frames[i].funcname ? node->frames[i].funcname :
					   entry->sym->name;

			put_frame(sp, up->opts, entry->ip, entry->map, entry->sym, name,
				  strcmp(name, entry->sym->name) != 0, &node->frames[i]);
			last = name;
		}
	}
	if (sp->stop_bt && last && name_list__has(sp->stop_bt, last)) {
		up->stop = true;
		return 1;
	}
	return 0;
}

int script_print__unwind(struct script_print *sp, struct thread *thread,
			 struct perf_sample *sample, unsigned int opts)
{
	struct unwind_print up = { .sp = sp, .opts = opts };

	/* Nothing captured (kernel threads): no user frames, as in the reference. */
	if (!thread || !sample->user_regs.regs || !sample->user_stack.size)
		return 0;
	unwind__get_entries(unwind_print__entry, &up, thread, sample, sp->max_stack, false);
	return up.stop;
}

/* Samples whose address is code (page faults, BTS) get it resolved too. */
static bool addr_correlates_sym(const struct perf_event_attr *attr)
{
	if (attr->type == PERF_TYPE_SOFTWARE &&
	    (attr->config == PERF_COUNT_SW_PAGE_FAULTS ||
	     attr->config == PERF_COUNT_SW_PAGE_FAULTS_MIN ||
	     attr->config == PERF_COUNT_SW_PAGE_FAULTS_MAJ))
		return true;
	/* BTS: branch instructions sampled one by one */
	return attr->type == PERF_TYPE_HARDWARE &&
	       (attr->config & PERF_COUNT_HW_BRANCH_INSTRUCTIONS) && attr->sample_period == 1;
}

void script_print__addr(struct script_print *sp, const struct script_output *o,
			const struct perf_event_attr *attr, const struct perf_sample *sample,
			struct thread *thread)
{
	struct addr_location al;

	put_hex(sp, sample->addr, 16);
	if (!addr_correlates_sym(attr) || !thread)
		return;
	addr_location__init(&al);
	thread__find_symbol_fb(thread, sample->cpumode, sample->addr, &al);
	if (o->fields & SCRIPT_F_SYM) {
		put_ch(sp, ' ');
		put_symname(sp, al.sym, &al, o->fields & SCRIPT_F_SYMOFFSET);
	}
	if (o->fields & SCRIPT_F_DSO)
		put_dso(sp, al.map, sp->show_kernel_path);
	addr_location__exit(&al);
}

void script_print__regs(struct script_print *sp, const struct regs_dump *regs, uint64_t mask)
{
	unsigned int r, i = 0;

	if (!regs || !regs->regs)
		return;
	script_print__printf(sp, " ABI:%" PRIu64 " ", regs->abi);
	for (r = 0; r < 64; r++) {
		if (!(mask & (1ULL << r)))
			continue;
		script_print__printf(sp, "%5s:0x%" PRIx64 " ", perf_reg_name((int)r, sp->arch),
			regs->regs[i++]);
	}
}

/* ---- branch stacks ---- */

static const char *branch_type_name(unsigned int type)
{
	static const char * const names[] = {
		"N/A", "COND", "UNCOND", "IND", "CALL", "IND_CALL", "RET", "SYSCALL",
		"SYSRET", "COND_CALL", "COND_RET", "ERET", "IRQ", "SERROR", "NO_TX",
		"EXTEND_ABI",
	};

	return type < sizeof(names) / sizeof(names[0]) ? names[type] : NULL;
}

/* "/M/X/A/cycles/type " after a branch's addresses. */
static void put_branch_flags(struct script_print *sp, uint64_t flags)
{
	bool mispred = flags & 1, predicted = flags & 2;
	unsigned int cycles = (unsigned int)(flags >> 4) & 0xffff;
	unsigned int type = (unsigned int)(flags >> 20) & 0xf;
	const char *tname = type ? branch_type_name(type) : "";

	script_print__printf(sp, "/%c/%c/%c/%u/%s ",
		!(mispred || predicted) ? '-' : predicted ? 'P' : 'M',
		flags & 4 ? 'X' : '-', flags & 8 ? 'A' : '-', cycles, tname ? tname : "");
}

void script_print__brstack(struct script_print *sp, const struct perf_sample *sample,
			   struct thread *thread, bool with_dso, enum script_brstack_kind kind)
{
	const struct branch_stack *br = sample->branch_stack;
	const struct branch_entry *entries;
	struct addr_location alf, alt;
	uint64_t i;

	if (!br || !br->nr || !thread)
		return;
	entries = perf_sample__branch_entries(sample);
	addr_location__init(&alf);
	addr_location__init(&alt);
	for (i = 0; i < br->nr; i++) {
		uint64_t from = entries[i].from, to = entries[i].to;

		switch (kind) {
		case SCRIPT_BRSTACKSYM:
			thread__find_symbol_fb(thread, sample->cpumode, from, &alf);
			thread__find_symbol_fb(thread, sample->cpumode, to, &alt);
			put_symname(sp, alf.sym, &alf, true);
			if (with_dso) {
				put_ch(sp, '(');
				put_str(sp, script__dso_name(alf.map, sp->show_kernel_path));
				put_ch(sp, ')');
			}
			put_ch(sp, '/');
			put_symname(sp, alt.sym, &alt, true);
			if (with_dso) {
				put_ch(sp, '(');
				put_str(sp, script__dso_name(alt.map, sp->show_kernel_path));
				put_ch(sp, ')');
			}
			break;
		case SCRIPT_BRSTACKOFF:
		case SCRIPT_BRSTACK:
			if (with_dso || kind == SCRIPT_BRSTACKOFF) {
				thread__find_map_fb(thread, sample->cpumode, from, &alf);
				thread__find_map_fb(thread, sample->cpumode, to, &alt);
				if (kind == SCRIPT_BRSTACKOFF) {
					if (alf.map && !dso__is_kernel(alf.map->dso))
						from = map__map_ip(alf.map, from);
					if (alt.map && !dso__is_kernel(alt.map->dso))
						to = map__map_ip(alt.map, to);
				}
			}
			script_print__printf(sp, " 0x%" PRIx64, from);
			if (with_dso)
				script_print__printf(sp, "(%s)", script__dso_name(alf.map, sp->show_kernel_path));
			script_print__printf(sp, "/0x%" PRIx64, to);
			if (with_dso)
				script_print__printf(sp, "(%s)", script__dso_name(alt.map, sp->show_kernel_path));
			break;
		}
		put_branch_flags(sp, entries[i].flags);
	}
	addr_location__exit(&alf);
	addr_location__exit(&alt);
}

/* ---- memory samples ---- */

static int mem_op_str(char *out, size_t sz, uint64_t op)
{
	const char *s = "No";

	if (op & PERF_MEM_OP_NA)
		s = "N/A";
	else if (op & PERF_MEM_OP_LOAD)
		s = "LOAD";
	else if (op & PERF_MEM_OP_STORE)
		s = "STORE";
	else if (op & PERF_MEM_OP_PFETCH)
		s = "PFETCH";
	else if (op & PERF_MEM_OP_EXEC)
		s = "EXEC";
	return snprintf(out, sz, "%s", s);
}

/* Bits named in @names (bit 0 first), joined by " or ". */
static size_t names_or(char *out, size_t sz, uint64_t m, const char * const *names, size_t n)
{
	size_t l = 0, i;

	out[0] = '\0';
	for (i = 0; m && i < n; i++, m >>= 1) {
		if (!(m & 1))
			continue;
		l += (size_t)snprintf(out + l, sz - l, "%s%s", l ? " or " : "", names[i]);
		if (l >= sz)
			l = sz - 1;
	}
	return l;
}

static int mem_tlb_str(char *out, size_t sz, uint64_t m)
{
	static const char * const tlb[] = { "N/A", "HIT", "MISS", "L1", "L2", "Walker", "Fault" };
	uint64_t hit = m & PERF_MEM_TLB_HIT, miss = m & PERF_MEM_TLB_MISS;
	size_t l;

	m &= ~(uint64_t)(PERF_MEM_TLB_HIT | PERF_MEM_TLB_MISS);
	l = names_or(out, sz, m, tlb, sizeof(tlb) / sizeof(tlb[0]));
	if (!l)
		l = (size_t)snprintf(out, sz, "N/A");
	if (hit)
		l += (size_t)snprintf(out + l, sz - l, " hit");
	if (miss)
		l += (size_t)snprintf(out + l, sz - l, " miss");
	return (int)l;
}

static int mem_lvl_str(char *out, size_t sz, union perf_mem_data_src d)
{
	static const char * const lvl[] = {
		"N/A", "HIT", "MISS", "L1", "LFB/MAB", "L2", "L3", "Local RAM",
		"Remote RAM (1 hop)", "Remote RAM (2 hops)", "Remote Cache (1 hop)",
		"Remote Cache (2 hops)", "I/O", "Uncached",
	};
	static const char * const lvlnum[] = {
		[PERF_MEM_LVLNUM_CXL] = "CXL", [PERF_MEM_LVLNUM_IO] = "I/O",
		[PERF_MEM_LVLNUM_ANY_CACHE] = "Any cache", [PERF_MEM_LVLNUM_LFB] = "LFB/MAB",
		[PERF_MEM_LVLNUM_RAM] = "RAM", [PERF_MEM_LVLNUM_PMEM] = "PMEM",
		[PERF_MEM_LVLNUM_NA] = "N/A",
	};
	uint64_t m = d.mem_lvl, hit = m & PERF_MEM_LVL_HIT, miss = m & PERF_MEM_LVL_MISS;
	size_t l = 0;
	const char *hit_miss = hit ? "hit" : miss ? "miss" : NULL;

	out[0] = '\0';
	m &= ~(uint64_t)(PERF_MEM_LVL_HIT | PERF_MEM_LVL_MISS);
	if (d.mem_remote)
		l += (size_t)snprintf(out + l, sz - l, "Remote ");
	if (d.mem_lvl_num) {
		if (d.mem_lvl_num < sizeof(lvlnum) / sizeof(lvlnum[0]) && lvlnum[d.mem_lvl_num])
			l += (size_t)snprintf(out + l, sz - l, "%s", lvlnum[d.mem_lvl_num]);
		else
			l += (size_t)snprintf(out + l, sz - l, "L%d", d.mem_lvl_num);
	} else {
		l += names_or(out + l, sz - l, m, lvl, sizeof(lvl) / sizeof(lvl[0]));
		if (!l)
			l = (size_t)snprintf(out, sz, "N/A");
	}
	if (hit_miss)
		l += (size_t)snprintf(out + l, sz - l, " %s", hit_miss);
	return (int)l;
}

static int mem_snoop_str(char *out, size_t sz, union perf_mem_data_src d)
{
	static const char * const snoop[] = { "N/A", "None", "Hit", "Miss", "HitM" };
	size_t l = names_or(out, sz, d.mem_snoop, snoop, sizeof(snoop) / sizeof(snoop[0]));

	if (d.mem_snoopx & PERF_MEM_SNOOPX_FWD)
		l += (size_t)snprintf(out + l, sz - l, "%sFwd", l ? " or " : "");
	if (!l)
		l = (size_t)snprintf(out, sz, "N/A");
	return (int)l;
}

static int mem_lock_str(char *out, size_t sz, uint64_t lock)
{
	if (lock & PERF_MEM_LOCK_NA)
		return snprintf(out, sz, "N/A");
	return snprintf(out, sz, "%s", lock & PERF_MEM_LOCK_LOCKED ? "Yes" : "No");
}

static int mem_blk_str(char *out, size_t sz, uint64_t blk)
{
	if (!blk || (blk & PERF_MEM_BLK_NA))
		return snprintf(out, sz, " N/A");
	return snprintf(out, sz, "%s%s", blk & PERF_MEM_BLK_DATA ? " Data" : "",
			blk & PERF_MEM_BLK_ADDR ? " Addr" : "");
}

void script__data_src_decode(uint64_t data_src, char *decode, size_t size)
{
	union perf_mem_data_src d = { .val = data_src };
	size_t i = 0;

	if (!size)
		return;
	decode[0] = '\0';
#define DECODE_ADD(expr) do { int n_ = (expr); if (n_ > 0) i += (size_t)n_; if (i >= size) return; } while (0)
	DECODE_ADD(snprintf(decode + i, size - i, "|OP "));
	DECODE_ADD(mem_op_str(decode + i, size - i, d.mem_op));
	DECODE_ADD(snprintf(decode + i, size - i, "|LVL "));
	DECODE_ADD(mem_lvl_str(decode + i, size - i, d));
	DECODE_ADD(snprintf(decode + i, size - i, "|SNP "));
	DECODE_ADD(mem_snoop_str(decode + i, size - i, d));
	DECODE_ADD(snprintf(decode + i, size - i, "|TLB "));
	DECODE_ADD(mem_tlb_str(decode + i, size - i, d.mem_dtlb));
	DECODE_ADD(snprintf(decode + i, size - i, "|LCK "));
	DECODE_ADD(mem_lock_str(decode + i, size - i, d.mem_lock));
	DECODE_ADD(snprintf(decode + i, size - i, "|BLK "));
	mem_blk_str(decode + i, size - i, d.mem_blk);
#undef DECODE_ADD
}

void script_print__data_src(struct script_print *sp, uint64_t data_src)
{
	static int maxlen;
	char decode[256], out[320];
	int len;

	script__data_src_decode(data_src, decode, sizeof(decode));

	/* The reference pads to the longest decode printed so far (at most 99). */
	len = snprintf(out, 100, "%16" PRIx64 " %s", data_src, decode);
	if (len > 99)
		len = 99;
	if (maxlen < len)
		maxlen = len;
	script_print__printf(sp, "%-*s", maxlen, out);
}

/* ---- the rest ---- */

void script_print__tod(struct script_print *sp, uint64_t time)
{
	const struct perf_env *env = sp->env;
	uint64_t tod_ns;
	struct tm tm;
	char date[64];
	time_t sec;
	unsigned long nsec;

	if (!env || !env->clock.enabled) {
		put_str(sp, "disabled ");
		return;
	}
	tod_ns = env->clock.tod_ns;
	if (time > env->clock.clockid_ns)
		tod_ns += time - env->clock.clockid_ns;
	else
		tod_ns -= env->clock.clockid_ns - time;
	sec = (time_t)(tod_ns / NSEC_PER_SEC);
	nsec = (unsigned long)(tod_ns - (uint64_t)sec * NSEC_PER_SEC);
	if (!localtime_r(&sec, &tm)) {
		put_str(sp, "failed ");
		return;
	}
	strftime(date, sizeof(date), "%F %H:%M:%S", &tm);
	if (sp->nanosecs)
		script_print__printf(sp, "%s.%09lu ", date, nsec);
	else
		script_print__printf(sp, "%s.%06lu ", date, (unsigned long)(nsec / NSEC_PER_USEC));
}

/* ---- instruction bytes ---- */

/* Read up to @n bytes of @dso's file at offset @off; cached descriptors. */
static ssize_t dso__read_cached(struct script_print *sp, struct dso *dso, uint64_t off,
				uint8_t *buf, size_t n)
{
	const char *path = dso->runtime_path ? dso->runtime_path : dso->long_name;
	size_t i, slot = 0;
	ssize_t got;

	for (i = 0; i < SCRIPT_FD_CACHE; i++) {
		if (sp->fds[i].dso == dso) {
			if (sp->fds[i].fd < 0)
				return -1;
			goto found;
		}
		if (!sp->fds[i].dso)
			slot = i;
	}
	i = sp->fds[slot].dso ? sp->fd_next++ % SCRIPT_FD_CACHE : slot;
	if (sp->fds[i].dso && sp->fds[i].fd >= 0)
		close(sp->fds[i].fd);
	sp->fds[i].dso = dso;
	sp->fds[i].fd = open(path, O_RDONLY | O_CLOEXEC);
	if (sp->fds[i].fd < 0)
		return -1;
found:
	got = pread(sp->fds[i].fd, buf, n, (off_t)off);
	return got;
}

static bool host_is_x86(void)
{
	static int cached = -1;
	struct utsname u;

	if (cached < 0)
		cached = !uname(&u) && (!strcmp(u.machine, "x86_64") ||
					(u.machine[0] == 'i' && !strcmp(u.machine + 2, "86")));
	return cached;
}

int script_print__fetch_insn(struct script_print *sp, const struct perf_sample *sample,
			     struct thread *thread, uint8_t *buf)
{
	struct addr_location al;
	int n = 0;

	/* Instructions are read from binaries of this architecture only, as the reference does. */
	if (sample->ip && thread && sp->arch && !strcmp(sp->arch, "x86") && host_is_x86()) {
		uint8_t cpumode = thread->maps && thread->maps->machine &&
				  sample->ip >= thread->maps->machine->kernel_start &&
				  thread->maps->machine->kernel_start ?
				  PERF_RECORD_MISC_KERNEL : PERF_RECORD_MISC_USER;
		ssize_t got;

		addr_location__init(&al);
		if (thread__find_map(thread, cpumode, sample->ip, &al) && al.map->dso &&
		    al.map->dso->kind == DSO_KIND_FILE) {
			got = dso__read_cached(sp, al.map->dso, map__map_ip(al.map, sample->ip),
					       buf, 16);
			if (got > 0)
				n = insn_x86__len(buf, (size_t)got, al.map->dso->is_64_bit);
		}
		addr_location__exit(&al);
	}
	return n;
}

void script_print__insn(struct script_print *sp, const struct perf_sample *sample,
			struct thread *thread, bool len, bool bytes)
{
	uint8_t buf[16];
	int n = script_print__fetch_insn(sp, sample, thread, buf), i;

	if (len)
		script_print__printf(sp, " ilen: %d", n);
	if (bytes && n) {
		put_str(sp, " insn:");
		for (i = 0; i < n; i++)
			script_print__printf(sp, " %02x", buf[i]);
	}
}

/* ---- source code (-F srccode) ---- */

/* A source file read whole, with the start of each line. */
struct srccode_file {
	char *path;
	char *text;
	size_t *lines;	/* offsets of lines 1..nr_lines */
	size_t nr_lines;
};

static void srccode_file__free(struct srccode_file *f)
{
	free(f->path);
	free(f->text);
	free(f->lines);
	memset(f, 0, sizeof(*f));
}

static int srccode_file__load(struct srccode_file *f, const char *path)
{
	FILE *fp = fopen(path, "re");
	size_t cap = 0, len = 0, i;
	char buf[65536];
	size_t n;

	memset(f, 0, sizeof(*f));
	f->path = strdup(path);
	if (!f->path || !fp)
		goto err;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		if (len + n + 1 > cap) {
			char *t;

			cap = (len + n + 1) * 2;
			t = realloc(f->text, cap);
			if (!t)
				goto err;
			f->text = t;
		}
		memcpy(f->text + len, buf, n);
		len += n;
	}
	fclose(fp);
	fp = NULL;
	if (!f->text)
		return 0;
	f->text[len] = '\0';
	f->lines = malloc((len + 2) * sizeof(*f->lines));
	if (!f->lines)
		goto err;
	f->lines[f->nr_lines++] = 0;
	for (i = 0; i < len; i++)
		if (f->text[i] == '\n' && i + 1 < len)
			f->lines[f->nr_lines++] = i + 1;
	return 0;
err:
	if (fp)
		fclose(fp);
	/* Keep the path: a file that cannot be read is not tried again. */
	free(f->text);
	f->text = NULL;
	return -1;
}

static struct srccode_file *srccode__file(struct script_print *sp, const char *path)
{
	struct srccode_file *f;
	size_t i;

	for (i = 0; i < SCRIPT_SRCCODE_FILES; i++)
		if (sp->srcfiles[i] && !strcmp(sp->srcfiles[i]->path, path))
			return sp->srcfiles[i];
	i = sp->srcfile_next++ % SCRIPT_SRCCODE_FILES;
	f = sp->srcfiles[i];
	if (f)
		srccode_file__free(f);
	else
		f = sp->srcfiles[i] = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	srccode_file__load(f, path);
	return f->path ? f : NULL;
}

const char *script_print__source_line(struct script_print *sp, const char *file, unsigned int line,
				      int *len)
{
	struct srccode_file *f = srccode__file(sp, file);
	const char *start, *end;

	if (!f || !f->text || !line || line > f->nr_lines)
		return NULL;
	start = f->text + f->lines[line - 1];
	end = strchr(start, '\n');
	*len = end ? (int)(end - start) : (int)strlen(start);
	return start;
}

int script_print__srccode(struct script_print *sp, struct thread *thread, uint8_t cpumode,
			  uint64_t ip, struct script_srccode_state *state)
{
	struct addr_location al;
	const char *file, *text;
	unsigned int line;
	int ret = 0, len;

	addr_location__init(&al);
	if (!thread || !thread__find_map(thread, cpumode, ip, &al) || !al.map->dso ||
	    al.map->dso->kind != DSO_KIND_FILE ||
	    dso__srcline(al.map->dso, al.addr, &file, &line))
		goto out;
	/* The same line as the thread's last one is not repeated. */
	if (state->file && state->line == line && !strcmp(state->file, file))
		goto out;
	text = script_print__source_line(sp, file, line, &len);
	if (!text)
		goto out;
	script_print__printf(sp, "|%-8u %.*s\n", line, len, text);
	state->file = file;	/* owned by the dso's srcline cache */
	state->line = line;
	ret = 1;
out:
	addr_location__exit(&al);
	return ret;
}

void script_print__ipc(struct script_print *sp, const struct perf_sample *sample)
{
	if (!sample->cyc_cnt || !sample->insn_cnt)
		return;
	script_print__printf(sp, " \t IPC: %5.2f (%" PRIu64 "/%" PRIu64 ") ",
		(double)sample->insn_cnt / (double)sample->cyc_cnt,
		sample->insn_cnt, sample->cyc_cnt);
}
