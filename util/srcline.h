/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Source lines: dso address -> file:line, and the chain of inlined
 * functions at that address, read from DWARF with libdw inside perf (the
 * reference runs addr2line for this). Each dso keeps a cache, so an
 * address is resolved once per run and lookups allocate nothing after
 * the first; returned strings live as long as the dso.
 *
 * Without libdw the stubs below answer "unknown" (NULL / -ENOTSUP).
 *
 * Layer 3: depends on util/dso.
 */
#ifndef PERF_UTIL_SRCLINE_H
#define PERF_UTIL_SRCLINE_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

struct dso;
struct symbol;

/* What the reference prints for an address without line information. */
#define SRCLINE_UNKNOWN "??:0"

/**
 * struct inline_frame - one level of an inline chain
 * @funcname: the inlined function (demangled as symbols are), or NULL
 * @filename: source file of this level's position, full path, or NULL
 * @line:     its line
 */
struct inline_frame {
	/* NULL: named by the ELF symbol of the address, as binutils does */
	const char *funcname;
	const char *filename;
	unsigned int line;
};

/**
 * struct inline_node - the inline frames at one address, innermost first;
 * the last frame is the position in the function the symbol names
 */
struct inline_node {
	uint64_t addr;
	int nr;
	struct inline_frame *frames;
};

#ifdef HAVE_LIBDW_SUPPORT
/*
 * File (full path) and line of dso address @addr of @dso (see dso.h for
 * address spaces). Returns 0, or -ENOENT when there is no line
 * information for it (always for the kernel, JIT code and anonymous
 * memory), -ENOMEM. *@file stays owned by the dso.
 */
int dso__srcline(struct dso *dso, uint64_t addr, const char **file, unsigned int *line);

/*
 * "file:line" for @addr, the file as a basename unless @full_path; NULL
 * when unknown. Owned by the dso's cache.
 */
const char *dso__srcline_str(struct dso *dso, uint64_t addr, bool full_path);

/*
 * The srcline of @addr of @dso, whose symbol is @sym (may be NULL), that
 * perf script prints and report's keys start from: "file:line"; for an ELF
 * file without that line, SRCLINE_UNKNOWN; for the kernel, the vdso, JIT
 * code and other memory without a file, "sym+<decimal offset>", else
 * "dso[<hex ELF address>]". Never NULL; owned by the dso's cache or a
 * literal.
 */
const char *dso__srcline_sort_str(struct dso *dso, uint64_t addr, const struct symbol *sym);

/*
 * perf report's srcline and srcfile keys for @addr of @dso, whose symbol
 * is @sym (may be NULL), as the reference prints them. *@srcline is
 * "file:line" with the file's basename, for inlined code the innermost
 * level's; where the binary has no line, addr2line's "FILE:0" (the
 * STT_FILE a local function follows) or "??:0"; where addr2line knows no
 * function,
 * "sym+<decimal offset>" or "dso[<hex ELF address>]" (and the kernel's,
 * see dso__srcline_sort_str()). *@srcfile is the file part of *@srcline,
 * "" when it names none. Both are never NULL and stay owned by the
 * dso's cache (or are literals), so they live as long as @dso.
 */
void dso__srcline_sort_keys(struct dso *dso, uint64_t addr, const struct symbol *sym,
			    const char **srcline, const char **srcfile);

/*
 * The DWARF function chain at @addr, innermost first, or NULL when DWARF
 * knows no function there. One level when nothing is inlined: its name
 * may still differ from the symbol table's (glibc's internal aliases,
 * .part/.constprop clones), which perf script --inline shows as
 * "(inlined)" like the reference. Owned by the dso's cache.
 */
const struct inline_node *dso__inline_node(struct dso *dso, uint64_t addr);


/* Free @dso's cache (called by dso__put on the last reference). */
void srcline__cache_delete(struct dso *dso);

/* How many lookups reached DWARF (not the cache) in this process: for tests. */
unsigned long srcline__nr_dwarf_lookups(void);
#else
static inline int dso__srcline(struct dso *dso, uint64_t addr, const char **file,
			       unsigned int *line)
{
	(void)dso; (void)addr; (void)file; (void)line;
	return -ENOTSUP;
}

static inline const char *dso__srcline_str(struct dso *dso, uint64_t addr, bool full_path)
{
	(void)dso; (void)addr; (void)full_path;
	return NULL;
}

static inline const char *dso__srcline_sort_str(struct dso *dso, uint64_t addr,
						const struct symbol *sym)
{
	(void)dso; (void)addr; (void)sym;
	return SRCLINE_UNKNOWN;
}

static inline void dso__srcline_sort_keys(struct dso *dso, uint64_t addr,
					  const struct symbol *sym, const char **srcline,
					  const char **srcfile)
{
	(void)dso; (void)addr; (void)sym;
	*srcline = SRCLINE_UNKNOWN;
	*srcfile = "";
}

static inline const struct inline_node *dso__inline_node(struct dso *dso, uint64_t addr)
{
	(void)dso; (void)addr;
	return NULL;
}

static inline void srcline__cache_delete(struct dso *dso)
{
	(void)dso;
}

static inline unsigned long srcline__nr_dwarf_lookups(void)
{
	return 0;
}
#endif

#endif /* PERF_UTIL_SRCLINE_H */
