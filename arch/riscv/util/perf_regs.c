// SPDX-License-Identifier: GPL-2.0
/*
 * RISC-V registers by the kernel's perf_regs numbering (asm/perf_regs.h):
 * the pc takes bit 0, where x0 (hard-wired zero, never sampled) would
 * be, and x1-x31 keep their numbers, under their ABI names.
 */
#include <stddef.h>

#include "../../../util/perf_regs.h"

#define REG(n, bit) { n, 1ULL << (bit) }

static const struct sample_reg riscv_regs[] = {
	REG("pc", 0), REG("ra", 1), REG("sp", 2), REG("gp", 3),
	REG("tp", 4), REG("t0", 5), REG("t1", 6), REG("t2", 7),
	REG("s0", 8), REG("s1", 9), REG("a0", 10), REG("a1", 11),
	REG("a2", 12), REG("a3", 13), REG("a4", 14), REG("a5", 15),
	REG("a6", 16), REG("a7", 17), REG("s2", 18), REG("s3", 19),
	REG("s4", 20), REG("s5", 21), REG("s6", 22), REG("s7", 23),
	REG("s8", 24), REG("s9", 25), REG("s10", 26), REG("s11", 27),
	REG("t3", 28), REG("t4", 29), REG("t5", 30), REG("t6", 31),
	{ NULL, 0 }
};

const struct sample_reg *arch__sample_reg_masks(void)
{
	return riscv_regs;
}

uint64_t arch__user_reg_mask(void)
{
	return (1ULL << 32) - 1;
}

uint64_t arch__dwarf_minimal_regs(void)
{
	return (1ULL << 0) | (1ULL << 2);	/* pc, sp */
}
