// SPDX-License-Identifier: GPL-2.0
/* x86 instruction length decoding (Intel SDM Vol. 2, opcode maps of appendix A). */
#include "insn-x86.h"

/* What follows an opcode byte. */
enum {
	MODRM	= 1 << 0,	/* a ModRM byte (and SIB/displacement) */
	I8	= 1 << 1,	/* imm8 (or rel8) */
	IZ	= 1 << 2,	/* imm16 with a 66 prefix, else imm32 */
	IV	= 1 << 3,	/* imm16/32, imm64 with REX.W (mov r, imm) */
	I16	= 1 << 4,	/* imm16 (ret n) */
	MOFFS	= 1 << 5,	/* an address of the address size (mov al, moffs) */
	FAR	= 1 << 6,	/* ptr16:16/32 (32-bit mode only) */
	GRP3	= 1 << 7,	/* F6/F7: test r/m, imm when ModRM.reg is 0 or 1 */
	REL	= 1 << 8,	/* near branch: rel32 in 64-bit mode whatever the 66 prefix */
};

static const uint16_t one_byte[256] = {
	[0x00 ... 0x03] = MODRM, [0x04] = I8, [0x05] = IZ,
	[0x08 ... 0x0b] = MODRM, [0x0c] = I8, [0x0d] = IZ,
	[0x10 ... 0x13] = MODRM, [0x14] = I8, [0x15] = IZ,
	[0x18 ... 0x1b] = MODRM, [0x1c] = I8, [0x1d] = IZ,
	[0x20 ... 0x23] = MODRM, [0x24] = I8, [0x25] = IZ,
	[0x28 ... 0x2b] = MODRM, [0x2c] = I8, [0x2d] = IZ,
	[0x30 ... 0x33] = MODRM, [0x34] = I8, [0x35] = IZ,
	[0x38 ... 0x3b] = MODRM, [0x3c] = I8, [0x3d] = IZ,
	[0x62] = MODRM, [0x63] = MODRM,
	[0x68] = IZ, [0x69] = MODRM | IZ, [0x6a] = I8, [0x6b] = MODRM | I8,
	[0x70 ... 0x7f] = I8,
	[0x80] = MODRM | I8, [0x81] = MODRM | IZ, [0x82] = MODRM | I8, [0x83] = MODRM | I8,
	[0x84 ... 0x8f] = MODRM,
	[0x9a] = FAR,
	[0xa0 ... 0xa3] = MOFFS,
	[0xa8] = I8, [0xa9] = IZ,
	[0xb0 ... 0xb7] = I8, [0xb8 ... 0xbf] = IV,
	[0xc0] = MODRM | I8, [0xc1] = MODRM | I8, [0xc2] = I16,
	[0xc4] = MODRM, [0xc5] = MODRM,
	[0xc6] = MODRM | I8, [0xc7] = MODRM | IZ,
	[0xc8] = I16 | I8, [0xca] = I16, [0xcd] = I8,
	[0xd0 ... 0xd3] = MODRM, [0xd4] = I8, [0xd5] = I8,
	[0xd8 ... 0xdf] = MODRM,
	[0xe0 ... 0xe7] = I8, [0xe8] = IZ | REL, [0xe9] = IZ | REL, [0xea] = FAR, [0xeb] = I8,
	[0xf6] = MODRM | GRP3, [0xf7] = MODRM | GRP3,
	[0xfe] = MODRM, [0xff] = MODRM,
};

/* 0F xx: most have a ModRM byte; these do not. */
static uint16_t two_byte(uint8_t op)
{
	switch (op) {
	case 0x05: case 0x06: case 0x07: case 0x08: case 0x09: case 0x0b: case 0x0e:
	case 0x30 ... 0x37:
	case 0x77:
	case 0xa0: case 0xa1: case 0xa2: case 0xa8: case 0xa9: case 0xaa:
	case 0xc8 ... 0xcf:
		return 0;
	case 0x80 ... 0x8f:
		return IZ | REL;
	case 0x0f:		/* 3DNow!: the opcode is an imm8 suffix */
	case 0x70 ... 0x73:
	case 0xa4: case 0xac: case 0xba:
	case 0xc2: case 0xc4: case 0xc5: case 0xc6:
		return MODRM | I8;
	default:
		return MODRM;
	}
}

/* Opcodes of the 0F map that take an imm8 when VEX/EVEX encoded. */
static bool map1_has_imm8(uint8_t op)
{
	return (op >= 0x70 && op <= 0x73) || op == 0xc2 || op == 0xc4 || op == 0xc5 || op == 0xc6;
}

/* Bytes of ModRM, SIB and displacement at @p (@n available); -1 if short. */
static int modrm_len(const uint8_t *p, size_t n, bool addr16)
{
	uint8_t mod, rm;
	int len = 1;

	if (n < 1)
		return -1;
	mod = p[0] >> 6;
	rm = p[0] & 7;
	if (mod == 3)
		return 1;
	if (addr16) {
		if (mod == 1)
			return 2;
		if (mod == 2 || rm == 6)
			return 3;
		return 1;
	}
	if (rm == 4) {
		if (n < 2)
			return -1;
		len++;
		if (mod == 0 && (p[1] & 7) == 5)
			return len + 4;
	}
	if (mod == 1)
		return len + 1;
	if (mod == 2 || (mod == 0 && rm == 5))
		return len + 4;
	return len;
}

static bool is_legacy_prefix(uint8_t b)
{
	switch (b) {
	case 0xf0: case 0xf2: case 0xf3:
	case 0x2e: case 0x36: case 0x3e: case 0x26: case 0x64: case 0x65:
	case 0x66: case 0x67:
		return true;
	default:
		return false;
	}
}

int insn_x86__len(const uint8_t *buf, size_t len, bool is64)
{
	bool opsize16 = false, addrsize = false, rexw = false;
	size_t i = 0, need;
	uint16_t attr;
	uint8_t op;
	int m;

	if (len > INSN_X86_MAX_LEN)
		len = INSN_X86_MAX_LEN;

	/* Prefixes; a REX counts only right before the opcode. */
	while (i < len) {
		uint8_t b = buf[i];

		if (is_legacy_prefix(b)) {
			opsize16 |= b == 0x66;
			addrsize |= b == 0x67;
			rexw = false;
		} else if (is64 && (b & 0xf0) == 0x40) {
			rexw = b & 0x08;
		} else {
			break;
		}
		i++;
	}
	if (i >= len)
		return 0;
	op = buf[i++];

	/* VEX, EVEX and XOP: in 32-bit mode only when the next byte could not be a ModRM of LES/LDS/BOUND/POP. */
	if ((op == 0xc4 || op == 0xc5 || op == 0x62 || op == 0x8f) && i < len &&
	    (is64 || (buf[i] & 0xc0) == 0xc0 || op == 0x8f) &&
	    (op != 0x8f || (buf[i] & 0x1f) >= 8)) {
		unsigned int map;

		if (op == 0xc5) {
			map = 1;
			i += 1;
		} else if (op == 0xc4) {
			map = buf[i] & 0x1f;
			i += 2;
		} else if (op == 0x62) {
			map = buf[i] & 7;
			i += 3;
		} else {
			map = buf[i] & 0x1f;	/* XOP: 8, 9 or 0xa */
			i += 2;
		}
		if (i >= len)
			return 0;
		op = buf[i++];
		if (!(map == 1 && op == 0x77)) {	/* vzeroupper/vzeroall */
			m = modrm_len(buf + i, len - i, addrsize && !is64);
			if (m < 0)
				return 0;
			i += (size_t)m;
		}
		if (map == 3 || map == 8 || (map == 1 && map1_has_imm8(op)))
			i += 1;
		else if (map == 0xa)
			i += 4;
		return i <= len ? (int)i : 0;
	}

	if (op == 0x0f) {
		if (i >= len)
			return 0;
		op = buf[i++];
		if (op == 0x38 || op == 0x3a) {
			attr = op == 0x3a ? MODRM | I8 : MODRM;
			if (i >= len)
				return 0;
			op = buf[i++];
		} else {
			attr = two_byte(op);
		}
	} else {
		attr = one_byte[op];
	}

	need = i;
	if (attr & MODRM) {
		m = modrm_len(buf + i, len - i, addrsize && !is64);
		if (m < 0)
			return 0;
		/* F6/F7 /0 and /1: test with an immediate */
		if ((attr & GRP3) && ((buf[i] >> 3) & 7) < 2)
			attr |= op == 0xf6 ? I8 : IZ;
		need += (size_t)m;
	}
	if (attr & I8)
		need += 1;
	if (attr & I16)
		need += 2;
	if (attr & IZ)
		need += (attr & REL) && is64 ? 4 : opsize16 ? 2 : 4;
	if (attr & IV)
		need += rexw ? 8 : opsize16 ? 2 : 4;
	if (attr & MOFFS)
		need += is64 ? (addrsize ? 4 : 8) : (addrsize ? 2 : 4);
	if (attr & FAR)
		need += opsize16 ? 4 : 6;
	return need <= len ? (int)need : 0;
}
