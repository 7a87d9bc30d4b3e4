#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn a little-endian perf.data file into the file a big-endian machine
would have written for the same recording: every number in its own byte
order, strings and raw bytes untouched, attr bitfields laid out the
big-endian way (bits reversed within each byte).

Only what the fixtures hold is handled (file mode; the kernel records and
features perf record writes for software events and tracepoints); anything
else stops the script, so a new fixture cannot be converted half way.

    tests/make-be-data.py tests/data/cpu-clock.data tests/data/cpu-clock-be.data
"""
import struct
import sys

PERF_MAGIC2 = 0x32454c4946524550
SAMPLE_BITS = ['IP', 'TID', 'TIME', 'ADDR', 'READ', 'CALLCHAIN', 'ID', 'CPU',
               'PERIOD', 'STREAM_ID', 'RAW', 'BRANCH_STACK', 'REGS_USER',
               'STACK_USER', 'WEIGHT', 'DATA_SRC', 'IDENTIFIER', 'TRANSACTION']


class Buf:
    """The input bytes and the output being built, same offsets."""

    def __init__(self, data):
        self.src = data
        self.out = bytearray(data)

    def u16(self, off):
        v, = struct.unpack_from('<H', self.src, off)
        struct.pack_into('>H', self.out, off, v)
        return v

    def u32(self, off):
        v, = struct.unpack_from('<I', self.src, off)
        struct.pack_into('>I', self.out, off, v)
        return v

    def u64(self, off):
        v, = struct.unpack_from('<Q', self.src, off)
        struct.pack_into('>Q', self.out, off, v)
        return v

    def u64s(self, off, n):
        for i in range(n):
            self.u64(off + 8 * i)

    def bits(self, off, n):
        for i in range(n):
            b = self.src[off + i]
            self.out[off + i] = int('{:08b}'.format(b)[::-1], 2)


def swap_attr(b, off, size):
    """perf_event_attr of @size bytes at @off; returns (sample_type, sample_id_all...)."""
    b.u32(off)
    b.u32(off + 4)
    fields64 = [8, 16, 24, 32, 56, 64, 72, 80, 96, 120]
    fields32 = [48, 52, 88, 92, 104, 112, 116]
    fields16 = [108, 110]
    for f in fields64:
        if f + 8 <= size:
            b.u64(off + f)
    for f in fields32:
        if f + 4 <= size:
            b.u32(off + f)
    for f in fields16:
        if f + 2 <= size:
            b.u16(off + f)
    b.bits(off + 40, 8)
    sample_type, = struct.unpack_from('<Q', b.src, off + 24)
    flags, = struct.unpack_from('<Q', b.src, off + 40)
    read_format, = struct.unpack_from('<Q', b.src, off + 32)
    return {'sample_type': sample_type, 'sample_id_all': (flags >> 18) & 1,
            'read_format': read_format}


def has(attr, name):
    return attr['sample_type'] & (1 << SAMPLE_BITS.index(name))


def swap_trailer(b, end, attr):
    if not attr['sample_id_all']:
        return end
    fields = [n for n in ('TID', 'TIME', 'ID', 'STREAM_ID', 'CPU', 'IDENTIFIER') if has(attr, n)]
    start = end - 8 * len(fields)
    p = start
    for n in fields:
        if n in ('TID', 'CPU'):
            b.u32(p)
            b.u32(p + 4)
        else:
            b.u64(p)
        p += 8
    return start


def swap_sample(b, off, end, attr):
    p = off + 8
    for n in ('IDENTIFIER', 'IP', 'TID', 'TIME', 'ADDR', 'ID', 'STREAM_ID', 'CPU', 'PERIOD'):
        if not has(attr, n):
            continue
        if n in ('TID', 'CPU'):
            b.u32(p)
            b.u32(p + 4)
        else:
            b.u64(p)
        p += 8
    if has(attr, 'READ'):
        raise SystemExit('sample READ not handled')
    if has(attr, 'CALLCHAIN'):
        nr = b.u64(p)
        b.u64s(p + 8, nr)
        p += 8 + 8 * nr
    if has(attr, 'RAW'):
        size = b.u32(p)
        p += 4 + size
    rest = attr['sample_type'] & ~((1 << 11) - 1)
    if rest & ~(1 << 16):
        raise SystemExit('sample fields beyond RAW not handled')
    if p != end:
        raise SystemExit('sample at %#x: parsed %d of %d bytes' % (off, p - off, end - off))


def swap_record(b, off, attr):
    rtype, = struct.unpack_from('<I', b.src, off)
    size, = struct.unpack_from('<H', b.src, off + 6)
    b.u32(off)
    b.u16(off + 4)
    b.u16(off + 6)
    end = off + size
    body = off + 8
    if rtype == 9:				# SAMPLE
        swap_sample(b, off, end, attr)
        return size
    if rtype in (1, 10):			# MMAP, MMAP2
        b.u32(body)
        b.u32(body + 4)
        b.u64s(body + 8, 3)
        if rtype == 10:
            b.u32(body + 32)
            b.u32(body + 36)
            b.u64s(body + 40, 2)
            b.u32(body + 56)
            b.u32(body + 60)
    elif rtype == 3:				# COMM
        b.u32(body)
        b.u32(body + 4)
    elif rtype in (4, 7):			# EXIT, FORK
        for i in range(4):
            b.u32(body + 4 * i)
        b.u64(body + 16)
    elif rtype == 69:			# ID_INDEX
        b.u64s(body, (size - 8) // 8)
        return size
    elif rtype == 73:			# THREAD_MAP
        nr = b.u64(body)
        for i in range(nr):
            b.u64(body + 8 + 24 * i)
        return size
    elif rtype == 74:			# CPU_MAP
        kind = b.u16(body)
        if kind != 2:
            raise SystemExit('cpu map type %d not handled' % kind)
        b.u16(body + 4)
        b.u16(body + 6)
        return size
    elif rtype in (68, 82):			# FINISHED_ROUND, FINISHED_INIT
        return size
    else:
        raise SystemExit('record type %d at %#x not handled' % (rtype, off))
    swap_trailer(b, end, attr)
    return size


def swap_string(b, p):
    n = b.u32(p)
    return p + 4 + n


def swap_strings(b, p):
    nr = b.u32(p)
    p += 4
    for _ in range(nr):
        p = swap_string(b, p)
    return p


def swap_feature(b, feat, off, size, state):
    p = off
    if feat in (3, 4, 5, 6, 8, 9):		# hostname .. cpuid: one string
        swap_string(b, p)
    elif feat == 2:				# BUILD_ID: records
        while p < off + size:
            rsize, = struct.unpack_from('<H', b.src, p + 6)
            b.u32(p)
            b.u16(p + 4)
            b.u16(p + 6)
            b.u32(p + 8)
            p += rsize
    elif feat == 7:				# NRCPUS
        state['nr_cpus'] = b.u32(p)
        b.u32(p + 4)
    elif feat == 10:			# TOTAL_MEM
        b.u64(p)
    elif feat == 11:			# CMDLINE
        swap_strings(b, p)
    elif feat == 12:			# EVENT_DESC
        nre = b.u32(p)
        sz = b.u32(p + 4)
        p += 8
        for _ in range(nre):
            swap_attr(b, p, sz)
            p += sz
            nr = b.u32(p)
            p = swap_string(b, p + 4)
            b.u64s(p, nr)
            p += 8 * nr
    elif feat == 13:			# CPU_TOPOLOGY
        p = swap_strings(b, p)
        p = swap_strings(b, p)
        n = state['nr_cpus']
        for i in range(2 * n):
            b.u32(p + 4 * i)
        p += 8 * n
        if p < off + size:
            p = swap_strings(b, p)
            for i in range(n):
                b.u32(p + 4 * i)
    elif feat == 14:			# NUMA_TOPOLOGY
        nr = b.u32(p)
        p += 4
        for _ in range(nr):
            b.u32(p)
            b.u64(p + 4)
            b.u64(p + 12)
            p = swap_string(b, p + 20)
    elif feat == 16:			# PMU_MAPPINGS
        nr = b.u32(p)
        p += 4
        for _ in range(nr):
            b.u32(p)
            p = swap_string(b, p + 4)
    elif feat == 17:			# GROUP_DESC
        nr = b.u32(p)
        p += 4
        for _ in range(nr):
            p = swap_string(b, p)
            b.u32(p)
            b.u32(p + 4)
            p += 8
    elif feat == 20:			# CACHE
        b.u32(p)
        cnt = b.u32(p + 4)
        p += 8
        for _ in range(cnt):
            for i in range(4):
                b.u32(p + 4 * i)
            p += 16
            for _ in range(3):
                p = swap_string(b, p)
    elif feat in (21, 23):			# SAMPLE_TIME, CLOCKID
        b.u64s(p, size // 8)
    elif feat == 22:			# MEM_TOPOLOGY
        b.u64s(p, 3)
        nr, = struct.unpack_from('<Q', b.src, p + 16)
        p += 24
        for _ in range(nr):
            b.u64s(p, 3)
            bits, = struct.unpack_from('<Q', b.src, p + 16)
            words = (bits + 63) // 64
            b.u64s(p + 24, words)
            p += 24 + 8 * words
    elif feat in (25, 26):			# BPF_PROG_INFO, BPF_BTF
        if b.u32(p):
            raise SystemExit('bpf info not handled')
    elif feat == 27:			# COMPRESSED
        for i in range(5):
            b.u32(p + 4 * i)
    elif feat == 28:			# CPU_PMU_CAPS
        nr = b.u32(p)
        p += 4
        for _ in range(2 * nr):
            p = swap_string(b, p)
    elif feat == 29:			# CLOCK_DATA
        b.u32(p)
        b.u32(p + 4)
        b.u64s(p + 8, 2)
    elif feat == 31:			# (HYBRID_CPU_)PMU_CAPS
        nr = b.u32(p)
        p += 4
        for _ in range(nr):
            ncaps = b.u32(p)
            p += 4
            for _ in range(2 * ncaps + 1):
                p = swap_string(b, p)
    else:
        raise SystemExit('feature %d not handled' % feat)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    src = open(sys.argv[1], 'rb').read()
    b = Buf(src)
    magic, = struct.unpack_from('<Q', src, 0)
    if magic != PERF_MAGIC2:
        raise SystemExit('%s: not a little-endian perf.data file' % sys.argv[1])
    struct.pack_into('>Q', b.out, 0, magic)
    hsize, attr_size, a_off, a_size, d_off, d_size = struct.unpack_from('<6Q', src, 8)
    b.u64s(8, 12)
    features = struct.unpack_from('<4Q', src, 72)
    b.u64s(72, 4)

    attrs = []
    for i in range(a_size // attr_size):
        off = a_off + i * attr_size
        asz, = struct.unpack_from('<I', src, off + 4)
        attrs.append(swap_attr(b, off, asz))
        ids_off, ids_size = struct.unpack_from('<QQ', src, off + asz)
        b.u64s(off + asz, 2)
        b.u64s(ids_off, ids_size // 8)
    if len({(a['sample_type'], a['sample_id_all']) for a in attrs}) != 1:
        raise SystemExit('files with different sample types per event not handled')
    attr = attrs[0]

    p = d_off
    while p < d_off + d_size:
        p += swap_record(b, p, attr)

    feats = [f for f in range(256) if features[f // 64] >> (f % 64) & 1]
    table = d_off + d_size
    state = {}
    for i, feat in enumerate(feats):
        off, size = struct.unpack_from('<QQ', src, table + 16 * i)
        b.u64s(table + 16 * i, 2)
        swap_feature(b, feat, off, size, state)

    open(sys.argv[2], 'wb').write(bytes(b.out))


if __name__ == '__main__':
    main()
