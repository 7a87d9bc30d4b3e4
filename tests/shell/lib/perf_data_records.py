#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Counts the complete records of a perf.data file from its data offset to
the end of the file, whatever the header's data size says: what a reader
forced to read an unfinished file (perf report -f) must deliver.

usage: perf_data_records.py FILE    prints "<records> <samples> <end offset>"
"""
import struct
import sys

buf = open(sys.argv[1], 'rb').read()
assert buf[:8] == b'PERFILE2', 'not a little-endian perf.data file'
pos = struct.unpack_from('<Q', buf, 40)[0]
records = samples = 0
while pos + 8 <= len(buf):
    rtype, _misc, size = struct.unpack_from('<IHH', buf, pos)
    if size < 8 or pos + size > len(buf):
        break
    records += 1
    samples += rtype == 9
    pos += size
print(records, samples, pos)
