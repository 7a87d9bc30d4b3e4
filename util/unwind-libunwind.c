// SPDX-License-Identifier: GPL-2.0
/*
 * The libunwind unwinding backend: libunwind's remote API with accessors
 * over the sample (registers, stack) and the dsos' cached images. The
 * unwind tables are found through each module's .eh_frame_hdr binary
 * search table; libunwind as packaged has no .debug_frame support for
 * remote targets. One libunwind address space per perf address space,
 * with libunwind's global cache of procedure info, lives until the layout
 * changes. libunwind's generic API unwinds for the machine it was built
 * for, so only files recorded on this arch are unwound here.
 */
#include <elf.h>
#include <errno.h>
#include <string.h>
#include <libunwind.h>

#include "debug.h"
#include "dso.h"
#include "map.h"
#include "maps.h"
#include "unwind-internal.h"

/* Exported by libunwind for remote unwinders, declared by no public header. */
extern int UNW_OBJ(dwarf_search_unwind_table)(unw_addr_space_t as, unw_word_t ip,
					      unw_dyn_info_t *di, unw_proc_info_t *pi,
					      int need_unwind_info, void *arg);
#define libunwind__search_table UNW_OBJ(dwarf_search_unwind_table)

/* DW_EH_PE_* pointer encodings (the LSB's .eh_frame_hdr format). */
enum {
	EH_PE_absptr	= 0x00,
	EH_PE_udata2	= 0x02,
	EH_PE_udata4	= 0x03,
	EH_PE_udata8	= 0x04,
	EH_PE_sdata2	= 0x0a,
	EH_PE_sdata4	= 0x0b,
	EH_PE_sdata8	= 0x0c,
	EH_PE_datarel	= 0x30,
	EH_PE_omit	= 0xff,
};

static uint16_t libunwind__host_machine(void)
{
#if defined(__x86_64__)
	return EM_X86_64;
#elif defined(__aarch64__)
	return EM_AARCH64;
#elif defined(__riscv) && __riscv_xlen == 64
	return EM_RISCV;
#else
	return EM_NONE;
#endif
}

/* Size of a value in @enc, 0 for one we cannot read. */
static unsigned int eh_pe__size(uint8_t enc)
{
	switch (enc & 0x0f) {
	case EH_PE_absptr:
		return 8;
	case EH_PE_udata2:
	case EH_PE_sdata2:
		return 2;
	case EH_PE_udata4:
	case EH_PE_sdata4:
		return 4;
	case EH_PE_udata8:
	case EH_PE_sdata8:
		return 8;
	default:
		return 0;
	}
}

/*
 * .eh_frame_hdr: version 1, the encodings of eh_frame_ptr, fde_count and
 * the table, then those values; the table must be pairs of 4-byte
 * offsets from the header (datarel sdata4) for a binary search.
 * 0 with *@table (ELF address) and *@count, or -ENOENT.
 */
static int eh_frame_hdr__table(const struct unwind_image *img, uint64_t *table, uint64_t *count)
{
	const unsigned char *p;
	unsigned int ptr_size, cnt_size;
	uint64_t avail, n = 0;

	p = unwind_image__at(img, img->eh_frame_hdr, &avail);
	if (!p || avail < 4 || p[0] != 1 || p[3] != (EH_PE_datarel | EH_PE_sdata4))
		return -ENOENT;
	if (p[1] == EH_PE_omit || p[2] == EH_PE_omit || (p[2] & 0x70))
		return -ENOENT;
	ptr_size = eh_pe__size(p[1]);
	cnt_size = eh_pe__size(p[2]);
	if (!ptr_size || !cnt_size || avail < 4 + ptr_size + cnt_size)
		return -ENOENT;
	/* Little-endian hosts only read the count this way; it is the common case. */
	memcpy(&n, p + 4 + ptr_size, cnt_size);
	if (n > (avail - 4 - ptr_size - cnt_size) / 8)
		return -ENOENT;
	*table = img->eh_frame_hdr + 4 + ptr_size + cnt_size;
	*count = n;
	return 0;
}

/*
 * Where the reference looks for a dso's .eh_frame_hdr: relative to the
 * lowest map of that dso in the address space, not to the mapping the
 * ip is in. They differ after an exec, while the maps the process had
 * before it (the same libc, the same ld.so, elsewhere) are still listed:
 * the reference then unwinds those frames wrong or not at all. This
 * backend does the same, so that it gives the reference's stacks; the
 * libdw backend uses the ip's own mapping.
 */
static uint64_t libunwind__table_bias(const struct unwind_ctx *ctx, const struct unwind_module *m)
{
	uint64_t lowest = m->map_start;
	struct map *map;
	size_t i;

	maps__for_each_map(ctx->space->maps, map, i) {
		if (map->dso == m->dso && map->start < lowest)
			lowest = map->start;
	}
	if (lowest == m->map_start)
		return m->bias;
	return lowest - m->img->first_vaddr;
}

static int libunwind__find_proc_info(unw_addr_space_t as, unw_word_t ip, unw_proc_info_t *pi,
				     int need_unwind_info, void *arg)
{
	struct unwind_ctx *ctx = arg;
	struct unwind_module *m;
	unw_dyn_info_t di;
	uint64_t table, count, bias;
	bool added;

	/*
	 * Not -UNW_ENOINFO, which would let libunwind guess the caller from
	 * the frame pointer: code outside any binary with a table (JIT, the
	 * stack) ends the walk, as in the reference.
	 */
	m = unwind_space__module(ctx->space, ip, &added);
	if (!m || !m->img->eh_frame_hdr || eh_frame_hdr__table(m->img, &table, &count))
		return -UNW_EINVAL;
	bias = libunwind__table_bias(ctx, m);
	memset(&di, 0, sizeof(di));
	di.format = UNW_INFO_FORMAT_REMOTE_TABLE;
	di.start_ip = m->lo;
	di.end_ip = m->hi;
	di.u.rti.segbase = bias + m->img->eh_frame_hdr;
	di.u.rti.table_data = bias + table;
	di.u.rti.table_len = count * 8 / sizeof(unw_word_t);
	return libunwind__search_table(as, ip, &di, pi, need_unwind_info, arg);
}

static void libunwind__put_unwind_info(unw_addr_space_t as __maybe_unused,
				       unw_proc_info_t *pi __maybe_unused,
				       void *arg __maybe_unused)
{
	/* libunwind owns what dwarf_search_unwind_table() allocated. */
}

static int libunwind__get_dyn_info_list_addr(unw_addr_space_t as __maybe_unused,
					     unw_word_t *addr __maybe_unused,
					     void *arg __maybe_unused)
{
	return -UNW_ENOINFO;
}

static int libunwind__access_mem(unw_addr_space_t as __maybe_unused, unw_word_t addr,
				 unw_word_t *valp, int write, void *arg)
{
	uint64_t val;
	int err;

	if (write)
		return -UNW_EINVAL;
	if (unwind_ctx__read_stack(arg, addr, &val)) {
		*valp = val;
		return 0;
	}
	/*
	 * Elsewhere the reference reads the file of the map there; where
	 * there is a map but no such bytes (anonymous memory, the stack
	 * beyond the dump) it reports success with a zero, which ends most
	 * walks with a zero return address. Without a map, an error.
	 */
	err = unwind_ctx__read_mapped(arg, addr, &val);
	if (err == -ENOENT)
		return -UNW_EINVAL;
	*valp = err ? 0 : val;
	return 0;
}

static int libunwind__access_reg(unw_addr_space_t as __maybe_unused, unw_regnum_t regnum,
				 unw_word_t *valp, int write, void *arg)
{
	struct unwind_ctx *ctx = arg;
	uint64_t val;
	int err;

	if (write)
		return -UNW_EREADONLYREG;
	/* Target register numbers are the DWARF ones, pc and sp aside. */
	if (regnum == UNW_REG_IP)
		err = unwind_ctx__reg(ctx, ctx->arch->perf_ip, &val);
	else if (regnum == UNW_REG_SP)
		err = unwind_ctx__reg(ctx, ctx->arch->perf_sp, &val);
	else
		err = regnum < 0 ? -ENOENT : unwind_ctx__dwarf_reg(ctx, (unsigned int)regnum, &val);
	if (err)
		return -UNW_EBADREG;
	*valp = val;
	return 0;
}

static int libunwind__access_fpreg(unw_addr_space_t as __maybe_unused,
				   unw_regnum_t num __maybe_unused, unw_fpreg_t *val __maybe_unused,
				   int write __maybe_unused, void *arg __maybe_unused)
{
	return -UNW_EINVAL;
}

static int libunwind__resume(unw_addr_space_t as __maybe_unused, unw_cursor_t *cu __maybe_unused,
			     void *arg __maybe_unused)
{
	return -UNW_EINVAL;
}

static int libunwind__get_proc_name(unw_addr_space_t as __maybe_unused,
				    unw_word_t addr __maybe_unused, char *bufp __maybe_unused,
				    size_t buf_len __maybe_unused, unw_word_t *offp __maybe_unused,
				    void *arg __maybe_unused)
{
	return -UNW_EINVAL;
}

static unw_accessors_t libunwind__accessors = {
	.find_proc_info		= libunwind__find_proc_info,
	.put_unwind_info	= libunwind__put_unwind_info,
	.get_dyn_info_list_addr	= libunwind__get_dyn_info_list_addr,
	.access_mem		= libunwind__access_mem,
	.access_reg		= libunwind__access_reg,
	.access_fpreg		= libunwind__access_fpreg,
	.resume			= libunwind__resume,
	.get_proc_name		= libunwind__get_proc_name,
};

static void libunwind_space__free(void *priv)
{
	unw_destroy_addr_space(priv);
}

static int libunwind__get_entries(struct unwind_ctx *ctx)
{
	struct unwind_space *space = ctx->space;
	unw_addr_space_t as = space->priv[UNWIND_BACKEND__LIBUNWIND];
	unw_cursor_t c;
	unw_word_t ip;
	int ret;

	if (ctx->arch->e_machine != libunwind__host_machine() || ctx->arch->elf_class != ELFCLASS64)
		return -ENOTSUP;
	if (!as) {
		as = unw_create_addr_space(&libunwind__accessors, 0);
		if (!as)
			return -ENOMEM;
		/*
		 * Register states are cached by ip, valid until the layout
		 * changes (the space is then dropped). Per thread: the global
		 * cache's lock masks all signals around each lookup, two
		 * system calls per frame, and perf unwinds from one thread.
		 */
		unw_set_caching_policy(as, UNW_CACHE_PER_THREAD);
		space->priv[UNWIND_BACKEND__LIBUNWIND] = as;
		unwind_counters.sessions++;
		space->priv_free[UNWIND_BACKEND__LIBUNWIND] = libunwind_space__free;
	}
	ret = unw_init_remote(&c, as, ctx);
	if (ret || unw_get_reg(&c, UNW_REG_IP, &ip)) {
		pr_debug3("unwind: libunwind cannot start: %d\n", ret);
		return -EINVAL;
	}
	/* A zero address is left out, and the walk goes on: the reference's rule. */
	if (ip && unwind_ctx__emit(ctx, ip))
		return 0;
	while ((ret = unw_step(&c)) > 0) {
		if (unw_get_reg(&c, UNW_REG_IP, &ip))
			break;
		/*
		 * After a signal trampoline the pc is where the signal hit,
		 * not a return address: only return addresses go back one.
		 */
		if (unw_is_signal_frame(&c) <= 0)
			ip--;
		if (ip && unwind_ctx__emit(ctx, ip))
			break;
	}
	if (ret < 0)
		pr_debug3("unwind: libunwind stopped after %d frames: %d\n", ctx->nr, ret);
	return 0;
}

const struct unwind_ops unwind_libunwind__ops = {
	.backend = UNWIND_BACKEND__LIBUNWIND,
	.get_entries = libunwind__get_entries,
};
