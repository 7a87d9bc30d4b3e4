// SPDX-License-Identifier: GPL-2.0
/*
 * DWARF register numbers (the psABIs' "DWARF register number mapping")
 * against the bits of sample_regs_user (the kernel's asm/perf_regs.h),
 * per recording arch and register ABI. One runtime table for every arch,
 * in util/ rather than arch/<arch>/ (which only builds the host's): a
 * perf.data from an arm64 box is unwound on an x86 one.
 */
#include <elf.h>
#include <string.h>
#include <linux/perf_event.h>

#include "unwind-internal.h"
#include "util.h"

/*
 * x86-64: DWARF 0-7 are rax rdx rcx rbx rsi rdi rbp rsp (not the
 * encoding order), 8-15 r8-r15, 16 the return address column, which
 * holds rip. perf: AX BX CX DX SI DI BP SP IP = 0-8, R8-R15 = 16-23.
 */
static const int8_t x86_64_dwarf_to_perf[] = {
	0, 3, 2, 1, 4, 5, 6, 7,
	16, 17, 18, 19, 20, 21, 22, 23,
	8,
};

/* i386: DWARF 0-8 are eax ecx edx ebx esp ebp esi edi eip. */
static const int8_t i386_dwarf_to_perf[] = {
	0, 2, 3, 1, 7, 6, 4, 5, 8,
};

/* arm64: DWARF 0-30 are x0-x30, 31 sp; perf has the same order, pc at 32. */
static const int8_t arm64_dwarf_to_perf[] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
	16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
};

/*
 * riscv: DWARF i is x<i>; perf puts pc where x0 (always zero, never
 * sampled) would be, so x1-x31 keep their numbers.
 */
static const int8_t riscv_dwarf_to_perf[] = {
	-1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
	16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
};

static const struct unwind_arch unwind_arches[] = {
	{ "x86", PERF_SAMPLE_REGS_ABI_64, EM_X86_64, ELFCLASS64,
	  ARRAY_SIZE(x86_64_dwarf_to_perf), x86_64_dwarf_to_perf, 8, 7 },
	{ "x86", PERF_SAMPLE_REGS_ABI_32, EM_386, ELFCLASS32,
	  ARRAY_SIZE(i386_dwarf_to_perf), i386_dwarf_to_perf, 8, 7 },
	{ "arm64", PERF_SAMPLE_REGS_ABI_64, EM_AARCH64, ELFCLASS64,
	  ARRAY_SIZE(arm64_dwarf_to_perf), arm64_dwarf_to_perf, 32, 31 },
	{ "riscv", PERF_SAMPLE_REGS_ABI_64, EM_RISCV, ELFCLASS64,
	  ARRAY_SIZE(riscv_dwarf_to_perf), riscv_dwarf_to_perf, 0, 2 },
};

const struct unwind_arch *unwind_arch__find(const char *arch, uint64_t abi)
{
	size_t i;

	if (!arch)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(unwind_arches); i++) {
		const struct unwind_arch *a = &unwind_arches[i];

		if (a->abi == abi && !strcmp(a->name, arch))
			return a;
	}
	return NULL;
}
