#!/usr/bin/env python3
# Makes a trace-event fuzz seed from a perf.data file with tracepoints:
# the HEADER_TRACING_DATA section, behind a raw payload of @len zero bytes
# whose common_type is the first "ID:" in the blob (see fuzz-harness.c).
# usage: make-trace-seed.py PERF.DATA OUT [PAYLOAD_LEN]
import re, struct, sys

data = open(sys.argv[1], 'rb').read()
magic, hsize, attr_size = struct.unpack_from('<8sQQ', data, 0)
assert magic == b'PERFILE2', 'not a little-endian perf.data file'
data_off, data_size = struct.unpack_from('<QQ', data, 40)
feats = int.from_bytes(data[72:104], 'little')
sec = data_off + data_size
TRACING_DATA = 1
assert feats & (1 << TRACING_DATA), 'no tracing data in this file'
n = bin(feats & ((1 << TRACING_DATA) - 1)).count('1')
off, size = struct.unpack_from('<QQ', data, sec + 16 * n)
blob = data[off:off + size]
m = re.search(rb'\nID: (\d+)\n', blob)
ev_id = int(m.group(1)) if m else 0
plen = int(sys.argv[3]) if len(sys.argv) > 3 else 64
payload = struct.pack('<H', ev_id & 0xffff) + bytes(plen - 2)
open(sys.argv[2], 'wb').write(struct.pack('<H', plen) + payload + blob)
