#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Deterministic damage for perf.data files, for tests/shell/report+mutants.sh.

usage: perf_data_mutate.py SEED COUNT OUTDIR FILE...

Writes COUNT mutants, spread over the input FILEs in turn, to
OUTDIR/NNNN-<kind>-<file> and prints one "<name> <description>" line each.
The same SEED and inputs always give the same bytes (random.Random only).

Kinds, chosen in turn so every kind is covered:
  flip      1 to 8 random bit flips anywhere
  trunc     the file cut at a random length
  header    a file header field (attr/data/event_types offset or size,
            attr_size, header size) replaced by a hostile value
  feature   a feature section's offset or size replaced
  recsize   the size (or type) of one record of the data section replaced
  recbody   a 2/4/8-byte field inside one record replaced by a hostile value
"""
import random
import struct
import sys

HOSTILE = [0, 1, 7, 8, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0x80000000,
           0xffffffff, 0x100000000, 0x7fffffffffffffff, 0x8000000000000000,
           0xffffffffffffffff, 0xfffffffffffffff8, 0x1000000, 0xfffff000]
KINDS = ['flip', 'trunc', 'header', 'feature', 'recsize', 'recbody']


def records(buf):
    """(offset, size) of each record of a file or pipe stream, as far as they parse."""
    if buf[:8] != b'PERFILE2' or len(buf) < 16:
        return []
    hsize = struct.unpack_from('<Q', buf, 8)[0]
    if hsize == 16:                         # pipe mode: records follow
        pos, end = 16, len(buf)
    elif len(buf) >= 56:
        pos, size = struct.unpack_from('<QQ', buf, 40)
        end = min(len(buf), pos + size)
    else:
        return []
    out = []
    while pos + 8 <= end and len(out) < 100000:
        size = struct.unpack_from('<H', buf, pos + 6)[0]
        if size < 8:
            break
        out.append((pos, size))
        pos += size
    return out


def features(buf):
    """File offsets of the feature section table entries (16 bytes each)."""
    if buf[:8] != b'PERFILE2' or len(buf) < 104:
        return []
    if struct.unpack_from('<Q', buf, 8)[0] == 16:
        return []
    off, size = struct.unpack_from('<QQ', buf, 40)
    n = bin(int.from_bytes(buf[72:104], 'little')).count('1')
    return [off + size + 16 * i for i in range(n) if off + size + 16 * i + 16 <= len(buf)]


def put(buf, off, width, value):
    if off + width <= len(buf):
        buf[off:off + width] = (value & ((1 << (8 * width)) - 1)).to_bytes(width, 'little')


def mutate(rng, data, kind):
    buf = bytearray(data)
    if kind == 'flip':
        n = rng.randint(1, 8)
        for _ in range(n):
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        return buf, '%d bit flips' % n
    if kind == 'trunc':
        cut = rng.randrange(len(buf))
        return buf[:cut], 'cut at %d of %d' % (cut, len(buf))
    if kind == 'header':
        # size, attr_size, attrs {off,size}, data {off,size}, event_types {off,size}
        field = rng.choice([8, 16, 24, 32, 40, 48, 56, 64])
        val = rng.choice(HOSTILE)
        put(buf, field, 8, val)
        return buf, 'header field at %d = %#x' % (field, val)
    if kind == 'feature':
        ents = features(buf)
        if ents:
            e = rng.choice(ents) + rng.choice([0, 8])
            val = rng.choice(HOSTILE)
            put(buf, e, 8, val)
            return buf, 'feature entry at %d = %#x' % (e, val)
        kind = 'recsize'
    recs = records(buf)
    if not recs:
        return mutate(rng, data, 'flip')
    pos, size = rng.choice(recs)
    if kind == 'recsize':
        if rng.random() < 0.25:
            val = rng.choice([0, 1, 8, 9, 64, 65, 80, 81, 82, 0x7fffffff, 0xffffffff])
            put(buf, pos, 4, val)
            return buf, 'record at %d type = %#x' % (pos, val)
        val = rng.choice([0, 1, 7, 8, 9, 15, 16, size - 1, size + 1, size + 8,
                          0x7fff, 0xfff8, 0xffff])
        put(buf, pos + 6, 2, val)
        return buf, 'record at %d size %d -> %d' % (pos, size, val & 0xffff)
    width = rng.choice([2, 4, 8])
    if size <= 8 + width:
        width = 2 if size >= 10 else 1
    off = pos + 8 + rng.randrange(max(1, size - 8 - width + 1))
    val = rng.choice(HOSTILE)
    put(buf, off, width, val)
    return buf, 'record at %d: %d bytes at +%d = %#x' % (pos, width, off - pos, val)


def main():
    seed, count, outdir, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    rng = random.Random(seed)
    inputs = [(f.rstrip('/').split('/')[-1], open(f, 'rb').read()) for f in files]
    for i in range(count):
        name, data = inputs[i % len(inputs)]
        kind = KINDS[(i // len(inputs)) % len(KINDS)]
        buf, desc = mutate(rng, data, kind)
        out = '%04d-%s-%s' % (i, kind, name)
        with open('%s/%s' % (outdir, out), 'wb') as f:
            f.write(buf)
        print(out, desc)


if __name__ == '__main__':
    main()
