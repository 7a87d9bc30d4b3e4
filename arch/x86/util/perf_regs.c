// SPDX-License-Identifier: GPL-2.0
/*
 * x86-64 registers by the kernel's perf_regs numbering (asm/perf_regs.h):
 * the segment registers DS..GS (12-15) are not sampled on 64-bit.
 */
#include <stddef.h>

#include "../../../util/perf_regs.h"

#define REG(n, bit) { n, 1ULL << (bit) }

static const struct sample_reg x86_64_regs[] = {
	REG("AX", 0), REG("BX", 1), REG("CX", 2), REG("DX", 3),
	REG("SI", 4), REG("DI", 5), REG("BP", 6), REG("SP", 7),
	REG("IP", 8), REG("FLAGS", 9), REG("CS", 10), REG("SS", 11),
	REG("R8", 16), REG("R9", 17), REG("R10", 18), REG("R11", 19),
	REG("R12", 20), REG("R13", 21), REG("R14", 22), REG("R15", 23),
	{ NULL, 0 }
};

const struct sample_reg *arch__sample_reg_masks(void)
{
	return x86_64_regs;
}

/* AX..SS and R8..R15: every register of the table. */
uint64_t arch__user_reg_mask(void)
{
	return 0xff0fffULL;
}

uint64_t arch__dwarf_minimal_regs(void)
{
	return (1ULL << 8) | (1ULL << 7);	/* IP, SP */
}
