/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sampled register names (--user-regs, -I/--intr-regs) of the machine perf
 * runs on. The table is per architecture (arch/<arch>/util/perf_regs.c
 * overrides the empty default), because it only concerns the live
 * machine; readers of a perf.data from elsewhere use the recorded arch.
 *
 * Layer 1: depends on libc only.
 */
#ifndef PERF_UTIL_PERF_REGS_H
#define PERF_UTIL_PERF_REGS_H

#include <stdint.h>

struct sample_reg {
	const char *name;
	uint64_t mask;
};

/* NULL-name-terminated table of this arch's registers. */
const struct sample_reg *arch__sample_reg_masks(void);

/*
 * The sample_regs_user mask --call-graph dwarf asks for: every register
 * the unwinder may need as a CFA or restore rule. 0 when this arch has no
 * sampled registers (then dwarf call graphs cannot be recorded).
 */
uint64_t arch__user_reg_mask(void);

/*
 * The registers without which no unwinding starts (the pc and the stack
 * pointer): what is added to a --user-regs subset with --call-graph dwarf.
 */
uint64_t arch__dwarf_minimal_regs(void);

/*
 * Parse "ax,bx" (case-insensitive names of the table) into a mask in
 * *@mask. "?" lists the names on stderr and returns 1. Returns 0, or
 * -EINVAL after printing which name is unknown.
 */
int parse_regs(const char *str, uint64_t *mask);

#endif /* PERF_UTIL_PERF_REGS_H */
