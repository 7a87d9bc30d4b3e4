/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dso: one object whose code can run — an ELF file on disk, the kernel,
 * a kernel module, the vdso, a JIT map (/tmp/perf-PID.map), a BPF
 * program — with its names, build-id and symbol table, loaded once on
 * first use. dsos: a machine's set of them, found by name.
 *
 * Address spaces: a dso's symbols live in "dso addresses", which are
 *   - file offsets for ELF files (the reference's convention: an ip maps to
 *     ip - map start + map pgoff; symbols are moved there from their ELF
 *     virtual addresses with the PT_LOAD that holds them), and
 *   - absolute addresses for the kernel, modules, JIT maps and BPF.
 * dso__addr_to_vaddr() gives the ELF address back (objdump, DWARF).
 *
 * Layer 3: depends on util/symbol, util/build-id.
 */
#ifndef PERF_UTIL_DSO_H
#define PERF_UTIL_DSO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "build-id.h"
#include "list.h"
#include "symbol.h"

enum dso_kind {
	DSO_KIND_FILE,		/* an ELF file (executable, shared library) */
	DSO_KIND_KERNEL,	/* [kernel.kallsyms] */
	DSO_KIND_MODULE,	/* a kernel module, short name "[name]" */
	DSO_KIND_VDSO,		/* [vdso] (and [vdso32], [vdsox32]) */
	DSO_KIND_JIT_MAP,	/* /tmp/perf-PID.map: anonymous memory, symbols from the map file */
	DSO_KIND_NO_FILE,	/* [heap], [stack], /SYSV...: memory without code */
	DSO_KIND_KSYMBOL,	/* a BPF program or kernel trampoline announced by KSYMBOL */
};

/* Where a dso's symbols came from (for -v output and srcline). */
enum dso_symtab_origin {
	DSO_SYMTAB__NONE,
	DSO_SYMTAB__KALLSYMS,
	DSO_SYMTAB__VMLINUX,
	DSO_SYMTAB__JIT_MAP,
	DSO_SYMTAB__DEBUGLINK,
	DSO_SYMTAB__BUILD_ID_CACHE,
	DSO_SYMTAB__BUILD_ID_CACHE_DEBUG,
	DSO_SYMTAB__SYSTEM_DEBUG,	/* /usr/lib/debug/<path>[.debug] */
	DSO_SYMTAB__BUILD_ID_DEBUG,	/* /usr/lib/debug/.build-id/xx/yy.debug */
	DSO_SYMTAB__SYSTEM_PATH,	/* the file itself */
	DSO_SYMTAB__VDSO_MEMORY,	/* this process's vdso (same kernel) */
	DSO_SYMTAB__KSYMBOL,
};

/* Why loading failed (dso->load_err), beyond plain -errno values. */
enum {
	DSO_LOAD_ERR__BASE		= 10000,
	DSO_LOAD_ERR__BUILD_ID_MISMATCH	= DSO_LOAD_ERR__BASE,	/* file differs from the recorded one */
	DSO_LOAD_ERR__NO_SYMBOLS,				/* ELF without symbols */
	DSO_LOAD_ERR__NO_LIBELF,				/* built without libelf */
	DSO_LOAD_ERR__KPTR_RESTRICT,				/* kallsyms addresses are all zero */
	DSO_LOAD_ERR__END,
};

/* One PT_LOAD of an ELF file: translates file offsets to ELF addresses. */
struct dso_segment {
	uint64_t offset;
	uint64_t vaddr;
	uint64_t size;
};

struct dsos;
struct srcline_cache;
struct a2l_index;

/**
 * struct dso - one binary
 * @long_name:    path as the mmap record named it, or "[kernel.kallsyms]" etc.
 * @short_name:   what `perf report` shows: basename, "[vdso]", "[ext4]",
 *                "[JIT] tid N"
 * @short_name_hash: hash of @short_name, kept with it: `perf report` merges
 *                entries by that name and hashes it for every sample
 * @bid:          build-id, from the perf.data header or read from the file
 * @symbols:      the table, valid once @loaded
 * @loaded:       a load was attempted (successful or not: never retried)
 * @load_err:     0, -errno or DSO_LOAD_ERR__*; see dso__strerror_load()
 * @symtab_path:  the file the symbols came from (debug file, cache copy)
 * @runtime_path: the loadable binary itself (for unwinding, annotate), or NULL
 * @segs:         PT_LOAD segments of the runtime image
 * @kernel_ref_addr, @kernel_ref_name: the kernel map's reference symbol as
 *                recorded ("_text" at its recorded address): kallsyms of
 *                a relocated boot are shifted to match
 * @hit:          a sample hit it (perf record writes build-ids for those)
 * @dsos:         the set it is in (not a reference), NULL when alone
 * @srclines:     srcline.c's cache, freed with the dso
 * @a2l_index:    symbol-elf.c's table for dso__addr2line_names_function()
 * @priv:         for one user (the unwinder): freed with @priv_free
 */
struct dso {
	int refcnt;
	char *long_name;
	char *short_name;
	uint64_t short_name_hash;
	enum dso_kind kind;
	struct build_id bid;
	struct symbols symbols;
	bool loaded;
	bool hit;
	int load_err;
	enum dso_symtab_origin symtab_origin;
	char *symtab_path;
	char *runtime_path;
	struct dso_segment *segs;
	int nr_segs;
	bool is_64_bit;
	uint16_t e_machine;
	pid_t jit_pid;
	uint64_t kernel_ref_addr;
	char *kernel_ref_name;
	struct {
		uint32_t maj, min;
		uint64_t ino, ino_generation;
	} id;
	struct dsos *dsos;
	struct dso *hash_next;
	struct list_head node;
	struct srcline_cache *srclines;
	struct a2l_index *a2l_index;
	bool a2l_tried;
	void *priv;
	void (*priv_free)(void *priv);
};

/*
 * A new dso named @long_name; the kind and short name are derived from the
 * name ("[kernel.kallsyms]", "[vdso]", "/tmp/perf-12.map", "[heap]", a
 * module path ending in .ko, anything else a file). NULL on ENOMEM.
 * The caller holds the only reference.
 */
struct dso *dso__new(const char *long_name);

/* The hash kept in dso->short_name_hash (FNV-1a; 0 for NULL). */
uint64_t dso__name_hash(const char *name);
struct dso *dso__get(struct dso *dso);
void dso__put(struct dso *dso);
#define dso__zput(d) do { dso__put(d); (d) = NULL; } while (0)

/* Replace the short name (e.g. "[ext4]" for a module path). 0 or -ENOMEM. */
int dso__set_short_name(struct dso *dso, const char *name);
void dso__set_kind(struct dso *dso, enum dso_kind kind);
void dso__set_build_id(struct dso *dso, const struct build_id *bid);

/*
 * Load the symbol table if not yet tried. Returns the number of symbols
 * (0 is not an error: stripped file, missing file) or a negative value
 * when something went wrong; dso->load_err says why either way. Kernel
 * loading also fills the module dsos of the same dsos set.
 */
int dso__load(struct dso *dso);

/* The symbol at dso address @addr, loading the table first. NULL if none. */
struct symbol *dso__find_symbol(struct dso *dso, uint64_t addr);
struct symbol *dso__find_symbol_by_name(struct dso *dso, const char *name);
struct symbol *dso__first_symbol(struct dso *dso);
struct symbol *dso__next_symbol(struct dso *dso, const struct symbol *sym);
size_t dso__nr_symbols(struct dso *dso);

/*
 * The ELF virtual address of dso address @addr (what objdump and DWARF
 * use): the same value for the kernel and for files whose segments map
 * offsets 1:1. Needs the dso loaded.
 */
uint64_t dso__addr_to_vaddr(const struct dso *dso, uint64_t addr);
/* The inverse: dso address of ELF address @vaddr. */
uint64_t dso__vaddr_to_addr(const struct dso *dso, uint64_t vaddr);

/* One line about dso->load_err into @buf ("build id mismatch", ...). */
int dso__strerror_load(const struct dso *dso, char *buf, size_t size);

/* Name for the dso column: the short name, or the long one if @long_name (-v). */
const char *dso__name(const struct dso *dso, bool long_name);

static inline bool dso__is_kernel(const struct dso *dso)
{
	return dso->kind == DSO_KIND_KERNEL || dso->kind == DSO_KIND_MODULE ||
	       dso->kind == DSO_KIND_KSYMBOL;
}

/*
 * This process's vdso ELF image (the running kernel's), or NULL (32-bit
 * or no vdso): for the build-id cache at record time and for the
 * unwinder. Not a copy; *@size gets its length.
 */
const void *vdso__image(size_t *size);

/* ---- the set ---- */

/**
 * struct dsos - a machine's dsos, by long name, in order of creation
 */
struct dsos {
	struct list_head head;
	struct dso **hash;
	size_t nr;
	size_t hash_size;
};

void dsos__init(struct dsos *dsos);
/* Drop the set's references; dsos still referenced elsewhere live on. */
void dsos__exit(struct dsos *dsos);

/* Add @dso (the set takes its own reference). 0 or -ENOMEM. */
int dsos__add(struct dsos *dsos, struct dso *dso);

/* The dso named @long_name, or NULL. Returns a new reference. */
struct dso *dsos__find(struct dsos *dsos, const char *long_name);
/* The first dso whose short name is @short_name (modules), or NULL. New reference. */
struct dso *dsos__find_by_short_name(struct dsos *dsos, const char *short_name);
/* Find, or create and add. New reference, NULL on ENOMEM. */
struct dso *dsos__findnew(struct dsos *dsos, const char *long_name);
/* The kernel dso of the set, or NULL; no new reference. */
struct dso *dsos__kernel(struct dsos *dsos);

#define dsos__for_each(dsos, pos) list_for_each_entry(pos, &(dsos)->head, node)

/* ---- loaders (kallsyms.c, jit-map.c, symbol-elf.c) ---- */

/*
 * Fill a kernel dso from a kallsyms-format file: kernel symbols go into
 * @dso, "[module]" symbols into the module dsos of @dso->dsos (dropped when
 * the module has no dso). Returns the number of kernel symbols or -errno
 * (DSO_LOAD_ERR__KPTR_RESTRICT when every address is zero).
 */
int dso__load_kallsyms(struct dso *dso, const char *path);

/*
 * Load the kernel's symbols: symbol_conf.vmlinux_name, else
 * symbol_conf.kallsyms_name, else /proc/kallsyms when the dso's build-id is
 * the running kernel's (or unknown), else the build-id cache's kallsyms.
 * Count or negative, with dso->load_err set.
 */
int dso__load_kernel(struct dso *dso);

/*
 * Fill @dso from a perf map file ("START SIZE name" lines, hex). A file
 * owned by another user is ignored unless symbol_conf.force. Count or -errno.
 */
int dso__load_jit_map(struct dso *dso, const char *path);

#endif /* PERF_UTIL_DSO_H */
