#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# perf record: bytes per sample, ours and the reference's, plain and -g.
#
# Not a timed case (bench/run.sh runs it after the timed ones, or run it
# as `bash bench/cases/record-bytes.bash`). Both perfs record the same
# examples/workload run; the samples are counted by the reference's
# reader, and the bytes are the data section (records only) and the
# whole file (header and features included). The goal is a ratio
# ours/reference <= 1.0 for the data section; the SAMPLE records alone
# show whether a difference comes from the samples or the side-band.
#
# Environment: PERF (default ./perf), REF_PERF (default /usr/bin/perf),
# ITER (workload iterations, default 160: about a second).
set -u
cd "$(dirname "$0")/../.." || exit 1
PERF=${PERF:-./perf}
REF=${REF_PERF:-/usr/bin/perf}
ITER=${ITER:-160}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/perf-bytes.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

[ -x "$PERF" ] || { echo "no $PERF: run make first"; exit 1; }
[ -x "$REF" ] || { echo "no reference perf at $REF"; exit 2; }
[ -x examples/workload ] || make -C examples >/dev/null || exit 1

# data section size: the u64 at offset 48 of the file header
data_size() { od -An -t u8 -j 48 -N 8 "$1" | tr -d ' '; }
samples() { "$REF" report --stats -i "$1" 2>/dev/null | awk '/^ *SAMPLE events:/ { print $3; exit }'; }
# bytes of the SAMPLE records, from the reference's dump of the file
sample_bytes() {
	"$REF" report -D -i "$1" 2>/dev/null | awk '
		function hex(s,  i, v) { v = 0; s = tolower(s); sub(/^0x/, "", s)
			for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
			return v }
		/\]: PERF_RECORD_SAMPLE/ { if (match($0, /\[0x[0-9a-f]+\]/)) t += hex(substr($0, RSTART + 1, RLENGTH - 2)) }
		END { print t + 0 }'
}

printf '%-6s %-6s %8s %14s %12s %12s\n' mode perf samples sample_B/smpl data_B/smpl file_B/smpl
for mode in plain -g; do
	flags=()
	[ "$mode" = -g ] && flags=(-g)
	for side in ref ours; do
		bin=$REF
		[ "$side" = ours ] && bin=$PERF
		f=$tmp/$side$mode.data
		"$bin" record -q "${flags[@]}" -o "$f" -- examples/workload "$ITER" > /dev/null 2>&1 ||
			{ echo "$side: perf record failed"; exit 1; }
		n=$(samples "$f")
		b=$(sample_bytes "$f")
		d=$(data_size "$f")
		s=$(stat -c %s "$f")
		awk -v m="$mode" -v p="$side" -v n="$n" -v b="$b" -v d="$d" -v s="$s" \
			'BEGIN { printf "%-6s %-6s %8d %14.1f %12.1f %12.1f\n", m, p, n, b / n, d / n, s / n }'
		eval "bps_$side=\$(awk -v n=\"\$n\" -v d=\"\$d\" 'BEGIN { print d / n }')"
	done
	# shellcheck disable=SC2154
	awk -v o="$bps_ours" -v r="$bps_ref" -v m="$mode" \
		'BEGIN { printf "%-6s ratio ours/reference of data bytes per sample: %.3f\n", m, o / r }'
done
echo "(sample_B: the SAMPLE records alone; data_B: the data section, side-band included;"
echo " -g samples vary with the stack depth where each sample lands)"
