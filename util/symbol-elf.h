/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ELF symbol loader (symbol-elf.c, libelf). Without libelf the stubs
 * below leave dsos without symbols and say why in dso->load_err; build-ids
 * are still read (build-id.c needs no library).
 *
 * Layer 3: depends on util/dso.
 */
#ifndef PERF_UTIL_SYMBOL_ELF_H
#define PERF_UTIL_SYMBOL_ELF_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dso.h"

#ifdef HAVE_LIBELF_SUPPORT
/*
 * Load a file or vdso dso's symbols. The symbol table comes from the first
 * image with a .symtab among: the .gnu_debuglink target, the build-id
 * cache (elf, then debug), /usr/lib/debug/<path>.debug, /usr/lib/debug/<path>,
 * /usr/lib/debug/.build-id/xx/yyyy.debug, the file itself (under
 * symbol_conf.symfs); else from the .dynsym of the first loadable image.
 * PLT entries are added as "name@plt". Images whose build-id differs from
 * the dso's are skipped. Returns the number of symbols, 0 when none were
 * found, or -errno; dso->load_err says why.
 */
int dso__load_elf(struct dso *dso);

/* The kernel's symbols from a vmlinux ELF file. Count or -errno. */
int dso__load_vmlinux(struct dso *dso, const char *path);

/*
 * The .gnu_debuglink file name of the ELF file @path into @buf.
 * 0, -ENODATA when it has none, or -errno.
 */
int filename__read_debuglink(const char *path, char *buf, size_t size);

/*
 * Whether binutils' addr2line, finding no source line for ELF address
 * @vaddr of @dso's binary, would still name a function: any function or
 * untyped symbol at or below it in the same section (.symtab, else
 * .dynsym), whatever the symbol's size. The reference prints no srcline
 * then, and "dso[addr]" where addr2line knows no function. *@file (may
 * be NULL) is set to the source file binutils names from the symbol
 * table (the STT_FILE a local symbol follows), else NULL.
 */
bool dso__addr2line_names_function(struct dso *dso, uint64_t vaddr, const char **file);
void dso__a2l_index_delete(struct dso *dso);
#else
static inline int dso__load_elf(struct dso *dso)
{
	dso->load_err = DSO_LOAD_ERR__NO_LIBELF;
	return 0;
}

static inline int dso__load_vmlinux(struct dso *dso, const char *path)
{
	(void)path;
	dso->load_err = DSO_LOAD_ERR__NO_LIBELF;
	return -ENOTSUP;
}

static inline int filename__read_debuglink(const char *path, char *buf, size_t size)
{
	(void)path; (void)buf; (void)size;
	return -ENOTSUP;
}

static inline bool dso__addr2line_names_function(struct dso *dso, uint64_t vaddr,
						 const char **file)
{
	(void)dso; (void)vaddr;
	if (file)
		*file = NULL;
	return false;
}

static inline void dso__a2l_index_delete(struct dso *dso)
{
	(void)dso;
}
#endif

#endif /* PERF_UTIL_SYMBOL_ELF_H */
