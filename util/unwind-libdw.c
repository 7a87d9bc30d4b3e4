// SPDX-License-Identifier: GPL-2.0
/*
 * The libdw unwinding backend: one Dwfl per address space, attached to a
 * "process" whose memory is the sampled stack plus the mapped files and
 * whose one thread starts from the sampled registers. Modules are
 * reported to libdw as the walk reaches them, each over the dso's cached
 * image, so that a binary is opened once per run and its .eh_frame (or
 * .debug_frame, for binaries without .eh_frame_hdr) is parsed once per
 * address space: the Dwfl with its CFI caches lives until the layout
 * changes.
 *
 * Where the reference (libunwind) and libdw see a stack differently, the
 * walk follows the reference: return addresses go back one byte except
 * after a signal frame, memory that is mapped but not sampled reads as
 * zero, and a zero return address ends the stack with a last frame of
 * ~0 (zero minus one).
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>

#include "debug.h"
#include "dso.h"
#include "maps.h"
#include "unwind-internal.h"
#include "zalloc.h"

/**
 * struct libdw_walk - one sample's walk through dwfl_getthread_frames()
 * @idx:       frames seen so far
 * @prev_pc:   the previous frame's pc as libdw looks up its CFI (the
 *             return address minus one, or the exact pc)
 * @prev_sig:  whether the previous frame is a signal trampoline: 0, 1,
 *             or -1 when not yet known
 */
struct libdw_walk {
	struct unwind_ctx *ctx;
	struct libdw_space *ls;
	int idx;
	Dwarf_Addr prev_pc;
	int prev_sig;
};

/**
 * struct libdw_space - the backend's session over one address space
 * @ehdr:     an ELF header naming the arch, for libdw's register backend
 *            (the modules are not known when the session starts)
 * @walk:     the walk in progress, for the memory and register callbacks
 */
struct libdw_space {
	/* libdw__ra_undefined() answers by pc: once per distinct last frame */
	struct {
		Dwarf_Addr pc;
		int8_t answer;		/* 0 unknown, 1 undefined, -1 not */
	} ra_cache[256];
	Dwfl *dwfl;
	Elf *arch_elf;
	union {
		Elf64_Ehdr e64;
		Elf32_Ehdr e32;
	} ehdr;
	struct libdw_walk *walk;
};

static int libdw__find_elf(Dwfl_Module *mod __maybe_unused, void **userdata,
			   const char *name __maybe_unused, Dwarf_Addr base __maybe_unused,
			   char **file_name, Elf **elfp)
{
	struct unwind_module *m = *userdata;

	if (!m)
		return -1;
	/* A new handle over the shared image: libdw frees the handle, not the bytes. */
	*elfp = elf_memory((char *)m->img->data, m->img->size);
	if (*elfp && m->img->path)
		*file_name = strdup(m->img->path);
	return -1;
}

/*
 * .debug_frame: only from the debug file dso__load() found, never a
 * search, and only for binaries without .eh_frame_hdr. Others have all
 * their CFI in .eh_frame, and where it has no entry (ld.so's _start)
 * libdw would otherwise open the separate debug file, decompressing its
 * sections, once per address space, to find no .debug_frame either.
 */
static int libdw__find_debuginfo(Dwfl_Module *mod __maybe_unused, void **userdata,
				 const char *name __maybe_unused, Dwarf_Addr base __maybe_unused,
				 const char *file_name __maybe_unused,
				 const char *debuglink __maybe_unused,
				 GElf_Word crc __maybe_unused, char **debuginfo_file_name)
{
	struct unwind_module *m = *userdata;
	int fd;

	if (!m || !m->img->debug_path || m->img->eh_frame_hdr)
		return -1;
	fd = open(m->img->debug_path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0)
		*debuginfo_file_name = strdup(m->img->debug_path);
	return fd;
}

static const Dwfl_Callbacks libdw__offline_callbacks = {
	.find_elf = libdw__find_elf,
	.find_debuginfo = libdw__find_debuginfo,
	.section_address = dwfl_offline_section_address,
};

static pid_t libdw__next_thread(Dwfl *dwfl __maybe_unused, void *arg __maybe_unused,
				void **thread_argp __maybe_unused)
{
	return 0;
}

static bool libdw__get_thread(Dwfl *dwfl __maybe_unused, pid_t tid __maybe_unused,
			      void *arg, void **thread_argp)
{
	*thread_argp = arg;
	return true;
}

static bool libdw__memory_read(Dwfl *dwfl __maybe_unused, Dwarf_Addr addr, Dwarf_Word *result,
			       void *arg)
{
	struct libdw_space *ls = arg;
	struct libdw_walk *w = ls->walk;
	uint64_t val;

	if (!w)
		return false;
	if (unwind_ctx__read_word(w->ctx, addr, &val)) {
		*result = val;
		return true;
	}
	/*
	 * Mapped memory we have no bytes of (the stack beyond the dump):
	 * the reference reads a zero there and goes on, so do we.
	 */
	if (!maps__find(w->ctx->space->maps, addr))
		return false;
	*result = 0;
	return true;
}

/* The sampled registers, in runs of consecutive DWARF numbers. */
static bool libdw__set_initial_registers(Dwfl_Thread *thread, void *arg)
{
	struct libdw_space *ls = arg;
	struct unwind_ctx *ctx = ls->walk ? ls->walk->ctx : NULL;
	Dwarf_Word regs[UNWIND_MAX_DWARF_REGS];
	unsigned int i = 0, start;
	uint64_t val;

	if (!ctx)
		return false;
	while (i < ctx->arch->nr_dwarf) {
		if (unwind_ctx__dwarf_reg(ctx, i, &val)) {
			i++;
			continue;
		}
		start = i;
		while (i < ctx->arch->nr_dwarf && !unwind_ctx__dwarf_reg(ctx, i, &val))
			regs[i++] = val;
		if (!dwfl_thread_state_registers(thread, (int)start, i - start, &regs[start]))
			return false;
	}
	if (unwind_ctx__reg(ctx, ctx->arch->perf_ip, &val))
		return false;
	dwfl_thread_state_register_pc(thread, val);
	return true;
}

static const Dwfl_Thread_Callbacks libdw__thread_callbacks = {
	.next_thread = libdw__next_thread,
	.get_thread = libdw__get_thread,
	.memory_read = libdw__memory_read,
	.set_initial_registers = libdw__set_initial_registers,
};

static void libdw_space__free(void *priv)
{
	struct libdw_space *ls = priv;

	if (!ls)
		return;
	if (ls->dwfl)
		dwfl_end(ls->dwfl);
	/* libdw keeps the arch Elf until dwfl_end(). */
	if (ls->arch_elf)
		elf_end(ls->arch_elf);
	free(ls);
}

static struct libdw_space *libdw_space__new(const struct unwind_arch *arch, pid_t pid)
{
	struct libdw_space *ls = zalloc(sizeof(*ls));
	size_t size;

	if (!ls)
		return NULL;
	elf_version(EV_CURRENT);
	if (arch->elf_class == ELFCLASS64) {
		Elf64_Ehdr *e = &ls->ehdr.e64;

		memcpy(e->e_ident, ELFMAG, SELFMAG);
		e->e_ident[EI_CLASS] = ELFCLASS64;
		e->e_machine = arch->e_machine;
		e->e_ehsize = sizeof(*e);
		size = sizeof(*e);
	} else {
		Elf32_Ehdr *e = &ls->ehdr.e32;

		memcpy(e->e_ident, ELFMAG, SELFMAG);
		e->e_ident[EI_CLASS] = ELFCLASS32;
		e->e_machine = arch->e_machine;
		e->e_ehsize = sizeof(*e);
		size = sizeof(*e);
	}
	ls->ehdr.e64.e_ident[EI_DATA] =
		__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;
	ls->ehdr.e64.e_ident[EI_VERSION] = EV_CURRENT;
	if (arch->elf_class == ELFCLASS64) {
		ls->ehdr.e64.e_type = ET_CORE;
		ls->ehdr.e64.e_version = EV_CURRENT;
	} else {
		ls->ehdr.e32.e_type = ET_CORE;
		ls->ehdr.e32.e_version = EV_CURRENT;
	}
	ls->arch_elf = elf_memory((char *)&ls->ehdr, size);
	ls->dwfl = dwfl_begin(&libdw__offline_callbacks);
	if (!ls->arch_elf || !ls->dwfl ||
	    !dwfl_attach_state(ls->dwfl, ls->arch_elf, pid, &libdw__thread_callbacks, ls)) {
		pr_debug("unwind: libdw cannot unwind for ELF machine %u: %s\n", arch->e_machine,
			 dwfl_errmsg(-1));
		libdw_space__free(ls);
		return NULL;
	}
	return ls;
}

/* Make sure libdw knows the module at @addr (reported on first need). */
static Dwfl_Module *libdw__report(struct libdw_walk *w, Dwarf_Addr addr)
{
	struct unwind_module *m;
	Dwfl_Module *mod;
	void **userdata;
	bool added;

	m = unwind_space__module(w->ctx->space, addr, &added);
	if (!m)
		return NULL;
	if (m->backend)
		return m->backend;
	dwfl_report_begin_add(w->ls->dwfl);
	mod = dwfl_report_module(w->ls->dwfl, m->dso->long_name, m->lo, m->hi);
	dwfl_report_end(w->ls->dwfl, NULL, NULL);
	if (!mod) {
		pr_debug2("unwind: libdw refused %s at %#" PRIx64 ": %s\n", m->dso->long_name,
			  m->lo, dwfl_errmsg(-1));
		return NULL;
	}
	dwfl_module_info(mod, &userdata, NULL, NULL, NULL, NULL, NULL, NULL);
	*userdata = m;
	m->backend = mod;
	return mod;
}

/* 1 when the FDE at @pc is a signal frame's, 0 when not, -1 when there is none. */
static int libdw__cfi_is_signal(Dwarf_CFI *cfi, Dwarf_Addr bias, Dwarf_Addr pc)
{
	Dwarf_Frame *frame;
	Dwarf_Addr start, end;
	bool signal = false;

	if (!cfi || dwarf_cfi_addrframe(cfi, pc - bias, &frame))
		return -1;
	if (dwarf_frame_info(frame, &start, &end, &signal) < 0)
		signal = false;
	free(frame);
	return signal;
}

/* Whether the frame at @pc is a signal trampoline (its CIE has the 'S' augmentation). */
static bool libdw__is_signal_frame(struct libdw_walk *w, Dwarf_Addr pc)
{
	Dwfl_Module *mod = libdw__report(w, pc);
	Dwarf_Addr bias = 0;
	Dwarf_CFI *cfi;
	int ret;

	if (!mod)
		return false;
	/* Separate statements: the bias is an output of the lookup. */
	cfi = dwfl_module_eh_cfi(mod, &bias);
	ret = libdw__cfi_is_signal(cfi, bias, pc);
	if (ret < 0) {
		cfi = dwfl_module_dwarf_cfi(mod, &bias);
		ret = libdw__cfi_is_signal(cfi, bias, pc);
	}
	return ret > 0;
}

static int libdw__cfi_ra_undefined(Dwarf_CFI *cfi, Dwarf_Addr bias, Dwarf_Addr pc)
{
	Dwarf_Op ops_mem[3], *ops;
	Dwarf_Frame *frame;
	size_t nops;
	int ra, ret = -1;

	if (!cfi || dwarf_cfi_addrframe(cfi, pc - bias, &frame))
		return -1;
	ra = dwarf_frame_info(frame, NULL, NULL, NULL);
	if (ra >= 0 && !dwarf_frame_register(frame, ra, ops_mem, &ops, &nops))
		ret = !nops && ops == ops_mem;
	free(frame);
	return ret;
}

/*
 * Whether the walk ended because the last frame's CFI leaves the return
 * address undefined (the outermost frame), rather than at a return
 * address that read as zero.
 */
static bool libdw__ra_undefined(struct libdw_walk *w)
{
	unsigned int slot = (unsigned int)((w->prev_pc * 0x9e3779b97f4a7c15ULL) >> 56);
	Dwfl_Module *mod;
	Dwarf_Addr bias = 0;
	Dwarf_CFI *cfi;
	int ret;

	if (w->ls->ra_cache[slot].answer && w->ls->ra_cache[slot].pc == w->prev_pc)
		return w->ls->ra_cache[slot].answer > 0;
	mod = dwfl_addrmodule(w->ls->dwfl, w->prev_pc);

	/*
	 * Without CFI libdw fell back on the frame pointer, as libunwind
	 * does for the reference, and that chain ended at a zero too.
	 */
	if (!mod)
		return false;
	cfi = dwfl_module_eh_cfi(mod, &bias);
	ret = libdw__cfi_ra_undefined(cfi, bias, w->prev_pc);
	if (ret < 0) {
		cfi = dwfl_module_dwarf_cfi(mod, &bias);
		ret = libdw__cfi_ra_undefined(cfi, bias, w->prev_pc);
	}
	w->ls->ra_cache[slot].pc = w->prev_pc;
	w->ls->ra_cache[slot].answer = ret == 1 ? 1 : -1;
	return ret == 1;
}

/*
 * One frame. The address delivered is the reference's: the pc of the
 * first frame and of a frame a signal interrupted, the return address
 * minus one for the others. libdw's "activation" flag is wider (it is
 * also set on the trampoline itself), so it only tells when to look
 * closer.
 */
static int libdw__frame(Dwfl_Frame *state, void *arg)
{
	struct libdw_walk *w = arg;
	Dwarf_Addr pc;
	bool isact, exact;
	int sig;

	if (!dwfl_frame_pc(state, &pc, NULL))
		return DWARF_CB_ABORT;
	/* A zero return address ends the walk; the reference shows it minus one. */
	if (!pc) {
		if (w->idx)
			unwind_ctx__emit(w->ctx, ~0ULL);
		return DWARF_CB_ABORT;
	}
	/*
	 * Report the module now: asking for the activation flag makes libdw
	 * unwind this frame already, which needs its CFI.
	 */
	libdw__report(w, pc);
	if (w->idx)
		libdw__report(w, pc - 1);
	if (!dwfl_frame_pc(state, &pc, &isact))
		return DWARF_CB_ABORT;

	if (!w->idx) {
		exact = true;
		sig = -1;
	} else if (!isact) {
		exact = false;
		sig = 0;
	} else {
		sig = libdw__is_signal_frame(w, pc);
		if (w->prev_sig < 0)
			w->prev_sig = libdw__is_signal_frame(w, w->prev_pc);
		exact = w->prev_sig;
	}
	w->prev_sig = w->idx ? sig : -1;
	w->prev_pc = exact ? pc : pc - 1;
	w->idx++;
	return unwind_ctx__emit(w->ctx, exact ? pc : pc - 1) ? DWARF_CB_ABORT : DWARF_CB_OK;
}

static int libdw__get_entries(struct unwind_ctx *ctx)
{
	struct unwind_space *space = ctx->space;
	struct libdw_space *ls = space->priv[UNWIND_BACKEND__LIBDW];
	struct libdw_walk w = { .ctx = ctx, .prev_sig = -1 };
	int ret;

	if (!ls) {
		ls = libdw_space__new(ctx->arch, space->maps->pid > 0 ? space->maps->pid : 1);
		if (!ls)
			return -ENOTSUP;
		space->priv[UNWIND_BACKEND__LIBDW] = ls;
		unwind_counters.sessions++;
		space->priv_free[UNWIND_BACKEND__LIBDW] = libdw_space__free;
	}
	w.ls = ls;
	ls->walk = &w;
	ret = dwfl_getthread_frames(ls->dwfl, ctx->thread->tid > 0 ? ctx->thread->tid : 1,
				    libdw__frame, &w);
	ls->walk = NULL;
	if (ret && !ctx->stop)
		pr_debug3("unwind: libdw stopped after %d frames: %s\n", w.idx, dwfl_errmsg(-1));
	/*
	 * libdw ends the walk at a zero return address as at an undefined
	 * one (the outermost frame's CFI says so); the reference shows the
	 * zero, minus one, as a last frame. Truncated stacks end that way:
	 * memory beyond the dump reads as zero.
	 */
	if (!ret && !ctx->stop && w.idx && !libdw__ra_undefined(&w))
		unwind_ctx__emit(ctx, ~0ULL);
	return w.idx ? 0 : -EINVAL;
}

const struct unwind_ops unwind_libdw__ops = {
	.backend = UNWIND_BACKEND__LIBDW,
	.get_entries = libdw__get_entries,
};
