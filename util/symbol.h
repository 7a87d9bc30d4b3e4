/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Symbols and symbol tables: one struct symbol per function (or label,
 * or data object) of a dso, kept in an array sorted by address, and the
 * rules the reference applies when it builds a table: which entries
 * count, how zero-size entries grow up to the next one, which alias wins
 * when several names share an address.
 *
 * Loading a dso's table (ELF, kallsyms, JIT map) is dso__load() in
 * util/dso.h; the ELF reader is symbol-elf.c (libelf) or symbol-minimal.c.
 *
 * Layer 3: depends on libc only. Nothing here opens files.
 */
#ifndef PERF_UTIL_SYMBOL_H
#define PERF_UTIL_SYMBOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ELF symbol binding and type values, so users need not include <elf.h>. */
enum {
	SYMBOL_BIND_LOCAL	= 0,	/* STB_LOCAL */
	SYMBOL_BIND_GLOBAL	= 1,	/* STB_GLOBAL */
	SYMBOL_BIND_WEAK	= 2,	/* STB_WEAK */
	SYMBOL_TYPE_NOTYPE	= 0,	/* STT_NOTYPE */
	SYMBOL_TYPE_OBJECT	= 1,	/* STT_OBJECT */
	SYMBOL_TYPE_FUNC	= 2,	/* STT_FUNC */
	SYMBOL_TYPE_GNU_IFUNC	= 10,	/* STT_GNU_IFUNC */
};

/**
 * struct symbol - one named address range of a dso
 * @start, @end: [start, end) in the dso's address space (see dso.h: file
 *               offsets for ELF files, absolute for the kernel and JIT maps)
 * @binding:     SYMBOL_BIND_*; kallsyms 't' maps to LOCAL, 'W' to WEAK
 * @type:        SYMBOL_TYPE_*
 * @idle:        a kernel idle-loop function (`perf top` hides them)
 * @inlined:     not in any table: a function inlined into the symbol whose
 *               range it has, made for a callchain's inline level
 *               (callchain__inline_sym()); shown with "(inlined)"
 * @in_block:    made by symbols__add_seeds() inside one block the table
 *               frees as a whole: symbol__delete() leaves it alone
 *
 * Symbols are owned by the table they are in and live as long as it does.
 */
/* What follows an inline level's name wherever it is printed. */
#define SYMBOL_INLINED_SUFFIX " (inlined)"

struct symbol {
	uint64_t start;
	uint64_t end;
	uint8_t binding;
	uint8_t type;
	bool idle;
	bool inlined;
	bool in_block;
	char name[];
};

/*
 * A new symbol of @len bytes at @start (len 0: to be grown by
 * symbols__fixup()). Returns NULL when out of memory.
 */
struct symbol *symbol__new(uint64_t start, uint64_t len, uint8_t binding,
			   uint8_t type, const char *name);
void symbol__delete(struct symbol *sym);

static inline uint64_t symbol__size(const struct symbol *sym)
{
	return sym->end - sym->start;
}

/**
 * struct symbols - a dso's symbol table
 * @entries:  sorted by start once symbols__fixup() ran
 * @max_end:  max_end[i] is the largest end among entries[0..i], so a lookup
 *            knows when no earlier (enclosing) symbol can contain an address
 * @by_name:  the same symbols sorted by name, built on first name lookup
 * @starts:   starts[i] is entries[i]->start: the lookup's binary search
 *            reads this dense array instead of one symbol per step
 * @cache:    recent lookups by exact address, allocated on the first one:
 *            a profile samples the same few addresses over and over
 * @bucket:   where the search starts: bucket[b] symbols start below
 *            starts[0] + (b << @bucket_shift), for b in 0..@nr_buckets
 * @blocks:   the allocations symbols__add_seeds() made its symbols in
 */
struct symbols {
	struct symbol **entries;
	uint64_t *max_end;
	uint64_t *starts;
	struct symbols_cache_slot *cache;
	uint32_t *bucket;
	size_t nr_buckets;
	unsigned int bucket_shift;
	size_t nr;
	size_t alloc;
	struct symbol **by_name;
	size_t nr_by_name;
	struct symbol_block *blocks;
	bool sorted;
};

void symbols__init(struct symbols *syms);
/* Free every symbol and the arrays; the table is empty (and usable) after. */
void symbols__exit(struct symbols *syms);

/* Append @sym (the table takes ownership). 0 or -ENOMEM (@sym is then freed). */
int symbols__add(struct symbols *syms, struct symbol *sym);

/*
 * Sort, then apply the reference's fix-ups: a zero-size symbol ends where
 * the next one starts (@is_kallsyms: not across the kernel/module
 * boundary, which is marked by a '[' in the name, where it gets one page),
 * the last zero-size one gets the rest of its page plus one; then of the
 * symbols sharing a start only the best alias stays (non-zero size, then
 * not weak, then global, then fewer leading underscores, then the longer
 * name, then the first seen).
 */
void symbols__fixup(struct symbols *syms, bool is_kallsyms);

/**
 * struct symbol_seed - a symbol as a loader reads it from its file,
 * before symbols__add_seeds() makes it
 * @len:      0: to be grown like symbols__fixup() does
 * @name:     borrowed, a C string of @name_len bytes
 */
struct symbol_seed {
	uint64_t start;
	uint64_t len;
	const char *name;
	uint32_t name_len;
	uint8_t binding;
	uint8_t type;
};

/*
 * The table symbol__new() + symbols__add() of each of the @n @seeds and
 * then symbols__fixup(@syms, false) give, made at once: the seeds are
 * sorted and fixed up among themselves and only the symbols that stay
 * are made, in one block the table owns. The seeds' @len fields are
 * used as scratch; the names are copied. 0 or -ENOMEM (the table is then
 * as before).
 */
int symbols__add_seeds(struct symbols *syms, struct symbol_seed *seeds, size_t n);

/*
 * Sort and index without the fix-ups (after adding symbols that already
 * have their final sizes, such as PLT entries). 0 or -ENOMEM.
 */
int symbols__sort(struct symbols *syms);

/*
 * The symbol containing @addr, or NULL. When symbols overlap the one
 * starting last (the innermost) wins. O(log n); the table must be sorted.
 */
struct symbol *symbols__find(const struct symbols *syms, uint64_t addr);

/* The first symbol (lowest address) and the one after @sym; NULL at the end. */
struct symbol *symbols__first(const struct symbols *syms);
struct symbol *symbols__next(const struct symbols *syms, const struct symbol *sym);

/*
 * A symbol named exactly @name (the first by address among equals), or
 * NULL. The name index is built on the first call. Not const for that.
 */
struct symbol *symbols__find_by_name(struct symbols *syms, const char *name);

/**
 * struct symbol_conf - how symbols are looked up and shown; set once by
 * the builtin from its options before any dso is loaded
 * @demangle:        C++/Rust names demangled (--no-demangle clears)
 * @demangle_kernel: demangle kernel symbols too (--demangle-kernel)
 * @symfs:           root prepended to every dso path (--symfs), "" for none
 * @kallsyms_name:   use this kallsyms file for the kernel (--kallsyms)
 * @vmlinux_name:    use this vmlinux for the kernel (-k)
 * @ignore_vmlinux:  never look for a vmlinux (--ignore-vmlinux)
 * @no_buildid_cache: don't look in ~/.debug
 * @buildid_dir:     the build-id cache root; NULL: $PERF_BUILDID_DIR or ~/.debug
 * @inline_name:     srcline: resolve inline frames (--inline)
 * @show_kernel_path: dso column shows full paths for the kernel (-v style)
 * @force:           use JIT maps owned by other users (-f)
 */
struct symbol_conf {
	bool demangle;
	bool demangle_kernel;
	const char *symfs;
	const char *kallsyms_name;
	const char *vmlinux_name;
	bool ignore_vmlinux;
	bool no_buildid_cache;
	const char *buildid_dir;
	bool inline_name;
	bool show_kernel_path;
	bool force;
};

extern struct symbol_conf symbol_conf;

/*
 * The -k or --kallsyms file given that does not exist, else NULL: the
 * commands refuse to start without it ("Invalid file: NAME"), as the
 * reference does, rather than silently showing unresolved kernel samples.
 */
const char *symbol_conf__missing_file(void);

/* The build-id cache root (symbol_conf.buildid_dir, $PERF_BUILDID_DIR, ~/.debug). */
const char *symbol_conf__buildid_dir(void);

/*
 * Kernel symbols the reference treats as idle (shown as idle by perf top):
 * true for @name in its list.
 */
bool symbol__is_idle(const char *name);

#endif /* PERF_UTIL_SYMBOL_H */
