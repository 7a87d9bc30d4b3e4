// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 registers by the kernel's perf_regs numbering (asm/perf_regs.h):
 * x0-x30 are bits 0-30 (x30 is named lr), then sp and pc.
 */
#include <stddef.h>

#include "../../../util/perf_regs.h"

#define REG(n, bit) { n, 1ULL << (bit) }

static const struct sample_reg arm64_regs[] = {
	REG("x0", 0), REG("x1", 1), REG("x2", 2), REG("x3", 3),
	REG("x4", 4), REG("x5", 5), REG("x6", 6), REG("x7", 7),
	REG("x8", 8), REG("x9", 9), REG("x10", 10), REG("x11", 11),
	REG("x12", 12), REG("x13", 13), REG("x14", 14), REG("x15", 15),
	REG("x16", 16), REG("x17", 17), REG("x18", 18), REG("x19", 19),
	REG("x20", 20), REG("x21", 21), REG("x22", 22), REG("x23", 23),
	REG("x24", 24), REG("x25", 25), REG("x26", 26), REG("x27", 27),
	REG("x28", 28), REG("x29", 29), REG("lr", 30), REG("sp", 31),
	REG("pc", 32),
	{ NULL, 0 }
};

const struct sample_reg *arch__sample_reg_masks(void)
{
	return arm64_regs;
}

/* All 33: the frame record (x29, lr) and callee-saved x19-x28 included. */
uint64_t arch__user_reg_mask(void)
{
	return (1ULL << 33) - 1;
}

uint64_t arch__dwarf_minimal_regs(void)
{
	return (1ULL << 32) | (1ULL << 31);	/* pc, sp */
}
