/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The length of one x86 instruction from its bytes: prefixes, REX,
 * VEX/EVEX/XOP, the one-, two- and three-byte opcode maps, ModRM, SIB,
 * displacement and immediate. What `perf script -F insnlen,insn` needs
 * to show the instruction at a sample's address; not a disassembler.
 *
 * Layer 0: depends on libc only.
 */
#ifndef PERF_UTIL_INSN_X86_H
#define PERF_UTIL_INSN_X86_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest x86 instruction. */
#define INSN_X86_MAX_LEN 15

/*
 * Length of the instruction starting at @buf (@len bytes available), in
 * 64-bit mode when @is64 (else 32-bit). Returns 1..15, or 0 when the
 * bytes are not a complete instruction.
 */
int insn_x86__len(const uint8_t *buf, size_t len, bool is64);

#endif /* PERF_UTIL_INSN_X86_H */
