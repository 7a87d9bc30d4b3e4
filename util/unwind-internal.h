/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the unwinding backends share (util/unwind.c owns it): the register
 * tables of the recording machine's arch, each dso's mapped ELF image,
 * each address space's modules, and the per-sample walk with its memory
 * and register readers. Only util/unwind*.c and tests include this.
 *
 * The backends' entry points are declared at the end, with the one
 * #ifdef per library: stubs when it was not built.
 *
 * Layer 3: depends on util/unwind.h, util/thread, util/maps, util/dso.
 */
#ifndef PERF_UTIL_UNWIND_INTERNAL_H
#define PERF_UTIL_UNWIND_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "thread.h"
#include "unwind.h"

struct dso;
struct maps;

/* The counters behind unwind__stats(), bumped by util/unwind*.c only. */
extern struct unwind_stats unwind_counters;

/* The reference's default for --max-stack (sysctl kernel.perf_event_max_stack). */
#define UNWIND_MAX_STACK_DEFAULT 127

/* The largest DWARF register number + 1 of any arch in the table. */
#define UNWIND_MAX_DWARF_REGS 33

/**
 * struct unwind_arch - the registers of one ABI of one recording arch
 * @name:          perf_env__arch() of the recording machine ("x86", ...)
 * @abi:           PERF_SAMPLE_REGS_ABI_32 or _64 of the sample
 * @e_machine:     the ELF machine of its binaries (what libdw's backend wants)
 * @elf_class:     ELFCLASS32 or ELFCLASS64; also the word size of the stack
 * @nr_dwarf:      DWARF registers 0..nr_dwarf-1 that seed the first frame
 * @dwarf_to_perf: bit in the sample_regs_user mask of DWARF register i, -1 when
 *                 no sampled register holds it
 * @perf_ip, @perf_sp: bits of the pc and the stack pointer
 *
 * The table is keyed at run time by the file's arch, not the build's:
 * report and script read files recorded elsewhere.
 */
struct unwind_arch {
	const char *name;
	uint64_t abi;
	uint16_t e_machine;
	uint8_t elf_class;
	uint8_t nr_dwarf;
	const int8_t *dwarf_to_perf;
	int8_t perf_ip;
	int8_t perf_sp;
};

/* The row for @arch (perf_env__arch()) and register ABI @abi, or NULL. */
const struct unwind_arch *unwind_arch__find(const char *arch, uint64_t abi);

/* Bytes in a stack word of @arch: 4 or 8. */
static inline unsigned int unwind_arch__word_size(const struct unwind_arch *arch)
{
	return arch->elf_class == 1 /* ELFCLASS32 */ ? 4 : 8;
}

/**
 * struct unwind_image - a dso's ELF image as the unwinders read it,
 * mapped once per run (dso->priv)
 * @path:        the file (dso->runtime_path), NULL for the vdso from memory
 * @debug_path:  the separate debug file (dso->symtab_path) when it is
 *               another file, for .debug_frame; NULL otherwise
 * @data, @size: the whole file, read-only for us (a private mapping, or
 *               a malloc'd copy of the vdso)
 * @first_vaddr: the first PT_LOAD's p_vaddr, aligned down to its p_align:
 *               the module start libdw expects
 * @end_vaddr:   end of the highest PT_LOAD in memory
 * @eh_frame_hdr, @eh_frame_hdr_size: PT_GNU_EH_FRAME's p_vaddr and size,
 *               0 when there is none
 */
struct unwind_image {
	char *path;
	char *debug_path;
	unsigned char *data;
	size_t size;
	bool mapped;
	uint16_t e_machine;
	uint16_t e_type;
	uint8_t elf_class;
	struct unwind_load {
		uint64_t vaddr;
		uint64_t offset;
		uint64_t filesz;
		uint64_t memsz;
		uint32_t flags;
	} *loads;
	int nr_loads;
	uint64_t first_vaddr;
	uint64_t end_vaddr;
	uint64_t eh_frame_hdr;
	uint64_t eh_frame_hdr_size;
};

/*
 * The image of @dso, opened on first use (dso__load() first, to learn
 * the runtime path) and cached in dso->priv. NULL when there is none
 * (no file, not ELF, other byte order, JIT code); the failure is cached.
 */
struct unwind_image *dso__unwind_image(struct dso *dso);

/*
 * The bytes of ELF address @vaddr of @img: a pointer into the image and
 * how many bytes of the file follow it (*@avail: the segment's and then
 * what the page-granular mapping shows after it), or NULL when @vaddr is
 * not in a segment's file part.
 */
const unsigned char *unwind_image__at(const struct unwind_image *img, uint64_t vaddr,
				      uint64_t *avail);

/**
 * struct unwind_module - one ELF image placed in one address space
 * @lo, @hi:   the process addresses it spans (all PT_LOADs, gaps included)
 * @bias:      process address minus ELF address
 * @map_start, @map_pgoff, @dso: the map it was found through (a dso
 *             reference is held), to check it is still there when the
 *             address space changes
 * @backend:   the libdw backend's Dwfl_Module for it, or NULL
 */
struct unwind_module {
	uint64_t lo, hi;
	uint64_t bias;
	uint64_t map_start, map_pgoff;
	struct dso *dso;
	struct unwind_image *img;
	void *backend;
};

/* One frame address resolved, see struct unwind_space. */
struct unwind_sym_slot {
	uint64_t ip;
	struct map *map;
	struct symbol *sym;
	bool valid;
};

#define UNWIND_SYM_CACHE_BITS 12

/**
 * struct unwind_space - the unwinders' state for one address space
 * (maps->priv), valid for maps->generation == @generation
 * @arch:     the register table the state was built for
 * @mods:     modules found so far (unsorted, few)
 * @priv:     each backend's session over this space, freed with @priv_free
 * @syms:     map and symbol of frame addresses seen, by address hash
 *            (borrowed from the maps: emptied when the layout changes)
 */
struct unwind_space {
	struct unwind_sym_slot *syms;
	struct maps *maps;
	unsigned int generation;
	const struct unwind_arch *arch;
	struct unwind_module **mods;
	size_t nr_mods, alloc_mods;
	struct unwind_module *last;
	void *priv[UNWIND_BACKEND__NR];
	void (*priv_free[UNWIND_BACKEND__NR])(void *priv);
};

/*
 * The module holding process address @addr in @space: a known one, or
 * one created from the map at @addr and its dso's image. NULL when @addr
 * is in no map or the map has no image. @added is set when it is new.
 */
struct unwind_module *unwind_space__module(struct unwind_space *space, uint64_t addr,
					   bool *added);

/**
 * struct unwind_ctx - one sample's walk
 * @regs:      sampled register values by sample_regs_user bit; @regs_mask
 *             says which are present
 * @sp:        the stack pointer, where @stack starts
 * @stack, @stack_size: the sampled user stack (in the record)
 * @nr:        frames delivered so far
 * @stop:      the callback's non-zero return
 */
struct unwind_ctx {
	struct unwind_space *space;
	const struct unwind_arch *arch;
	struct thread *thread;
	uint64_t regs[64];
	uint64_t regs_mask;
	uint64_t sp;
	const unsigned char *stack;
	uint64_t stack_size;
	unwind_entry_cb cb;
	void *arg;
	int max_stack;
	int nr;
	int stop;
	struct addr_location al;
};

/* Sampled register @bit: 0, or -ENOENT when the sample lacks it. */
int unwind_ctx__reg(const struct unwind_ctx *ctx, int bit, uint64_t *val);

/* DWARF register @regno of the first frame: 0 or -ENOENT. */
int unwind_ctx__dwarf_reg(const struct unwind_ctx *ctx, unsigned int regno, uint64_t *val);

/*
 * A stack word at process address @addr (4 or 8 bytes, zero-extended):
 * from the sampled stack, else from the image of the module mapped there
 * (code and read-only data). false when neither holds it.
 */
bool unwind_ctx__read_word(struct unwind_ctx *ctx, uint64_t addr, uint64_t *val);

/* The same from the sampled stack only. */
bool unwind_ctx__read_stack(const struct unwind_ctx *ctx, uint64_t addr, uint64_t *val);

/*
 * The word at @addr as the reference's libunwind glue reads memory beyond
 * the stack: from the file of the map holding @addr, at that map's file
 * offset. 0, -ENOENT when no map holds @addr, -EIO when the map's file
 * has no such bytes (no file, anonymous memory, beyond its end).
 */
int unwind_ctx__read_mapped(struct unwind_ctx *ctx, uint64_t addr, uint64_t *val);

/*
 * Deliver the frame at @ip (already adjusted, see struct unwind_entry) to
 * the callback. Returns non-zero when the walk must stop: the callback
 * said so (ctx->stop) or max_stack frames were delivered.
 */
int unwind_ctx__emit(struct unwind_ctx *ctx, uint64_t ip);

/**
 * struct unwind_ops - a backend
 * @get_entries: walk @ctx's stack, delivering frames with
 *               unwind_ctx__emit(). 0, or -errno when not even the
 *               first frame could be set up. The backend keeps its session
 *               in ctx->space->priv[its enum], with the matching priv_free.
 */
struct unwind_ops {
	enum unwind_backend backend;
	int (*get_entries)(struct unwind_ctx *ctx);
};

#ifdef HAVE_LIBDW_SUPPORT
extern const struct unwind_ops unwind_libdw__ops;
static inline const struct unwind_ops *unwind_libdw__get_ops(void)
{
	return &unwind_libdw__ops;
}
#else
static inline const struct unwind_ops *unwind_libdw__get_ops(void)
{
	return NULL;
}
#endif

#ifdef HAVE_LIBUNWIND_SUPPORT
extern const struct unwind_ops unwind_libunwind__ops;
static inline const struct unwind_ops *unwind_libunwind__get_ops(void)
{
	return &unwind_libunwind__ops;
}
#else
static inline const struct unwind_ops *unwind_libunwind__get_ops(void)
{
	return NULL;
}
#endif

#endif /* PERF_UTIL_UNWIND_INTERNAL_H */
