#!/bin/bash
# perf report --header-only, --stats and -D side by side with the reference perf
# SPDX-License-Identifier: GPL-2.0
#
# Both perfs read the fixtures of tests/data (recorded by the reference
# 6.1) and, when the reference may record here, files it records now:
# file and pipe mode, -g, -z, a tracepoint, an event group, a perf.data
# directory (--threads). The output
# must be the same, byte for byte, on both streams, with the same exit
# status.
#
# Documented differences (filtered out or compared apart):
#  - -D: the " ... thread:" and " ...... dso:" lines the reference prints
#    after each sample come from symbolization, which report does not use
#    yet; they are dropped from both sides.
#  - killed.data (perf record killed: data size 0): the reference takes
#    the first records for a feature table and prints "# hostname :
#    (null)" and the like; we print the fixed lines and "missing
#    features" only. Without -f we add a line saying -f reads the records
#    (the reference reads none, even with -f).
#  - cpu-clock-be.data (made by tests/make-be-data.py): the reference does
#    not byte-swap MMAP2's prot and flags and prints "---p"; we print the
#    recorded "r-xp". That field is masked before comparing -D.
#  - --header-only with -q: the reference then prints a full report (or
#    nothing in pipe mode); not compared.

. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

D=$(cd "$(dirname "$0")/../data" 2>/dev/null && pwd)
[ -r "$D/cpu-clock.data" ] || skip "no fixtures in tests/data"

# Our stdout and stderr must equal the reference's, after filter $2.
compare()
{
	local name=$1 filter=$2 s
	same_rc "$name"
	for s in out err; do
		sed -e "$filter" "$TMPD/ref-$name.$s" > "$TMPD/ref-$name.$s.f"
		sed -e "$filter" "$TMPD/our-$name.$s" > "$TMPD/our-$name.$s.f"
		same_file "$name: std$s" "$TMPD/ref-$name.$s.f" "$TMPD/our-$name.$s.f"
	done
}

SYMBOLS='/^ \.\.\. thread: /d; /^ \.\.\.\.\.\. dso: /d'
PROT='s/\]: [-r][-w][-x][ps] /]: PROT /'

check_file()	# check_file FILE NAME
{
	local f=$1 n=$2
	both "$n-hdr" report --header-only -i "$f"
	compare "$n-hdr" ''
	both "$n-hdrI" report --header-only -I -i "$f"
	compare "$n-hdrI" ''
	both "$n-stats" report --stats -i "$f"
	compare "$n-stats" ''
	both "$n-dump" report -D -i "$f"
	compare "$n-dump" "$SYMBOLS"
}

for f in cpu-clock cpu-clock-g sched-switch group-clock cpu-clock.pipe cpu-clock-z threads; do
	check_file "$D/$f.data" "$f"
done

# The big-endian copy: the same, less the MMAP2 prot the reference misreads.
both be-hdr report --header-only -I -i "$D/cpu-clock-be.data"
compare be-hdr ''
both be-stats report --stats -i "$D/cpu-clock-be.data"
compare be-stats ''
both be-dump report -D -i "$D/cpu-clock-be.data"
compare be-dump "$SYMBOLS; $PROT; /^\.  0040:  00 00 00 05 00 00 00 02 /d; /^\.  0040:  05 00 00 00 02 00 00 00 /d"

# A pipe on stdin, without -i.
run ref-stdin-hdr sh -c "cat '$D/cpu-clock.pipe.data' | \"\$0\" report --header-only" "$REF"
run our-stdin-hdr sh -c "cat '$D/cpu-clock.pipe.data' | \"\$0\" report --header-only" "$PERF"
sed 1,3d "$TMPD/ref-stdin-hdr.out" > "$TMPD/r"
sed 1,3d "$TMPD/our-stdin-hdr.out" > "$TMPD/o"
same_file "pipe on stdin (after captured on)" "$TMPD/r" "$TMPD/o"

# The killed recording: the same warning, the same fixed lines and list of
# missing features; the reference's "(null)" feature lines are its misreading.
both killed-hdr report --header-only -i "$D/killed.data"
same_rc killed-hdr
same_file "killed: warning" "$TMPD/ref-killed-hdr.err" "$TMPD/our-killed-hdr.err"
head -6 "$TMPD/ref-killed-hdr.out" > "$TMPD/r"
head -6 "$TMPD/our-killed-hdr.out" > "$TMPD/o"
same_file "killed: fixed header lines" "$TMPD/r" "$TMPD/o"
grep '^# missing features' "$TMPD/ref-killed-hdr.out" > "$TMPD/r"
grep '^# missing features' "$TMPD/our-killed-hdr.out" > "$TMPD/o"
same_file "killed: missing features" "$TMPD/r" "$TMPD/o"
both killed-stats report --stats -i "$D/killed.data"
same_rc killed-stats
head -4 "$TMPD/ref-killed-stats.err" > "$TMPD/r"
head -4 "$TMPD/our-killed-stats.err" > "$TMPD/o"
same_file "killed --stats: the reference's lines come first" "$TMPD/r" "$TMPD/o"

# Files the reference records now, when it may.
W='for i in $(seq 20000); do :; done'
rec()	# rec NAME ARGS...: the reference records $TMPD/NAME.data
{
	local n=$1
	shift
	"$REF" record --no-bpf-event -o "$TMPD/$n.data" "$@" > /dev/null 2>&1
}
fresh=0
if rec plain -F 999 -- sh -c "$W"; then
	fresh=1
	check_file "$TMPD/plain.data" fresh-plain
	rec g -F 999 -g -- sh -c "$W" && check_file "$TMPD/g.data" fresh-g
	rec z -F 999 -z -- sh -c "$W" && check_file "$TMPD/z.data" fresh-z
	rec grp -F 999 -e '{cpu-clock,task-clock}' -k mono -- sh -c "$W" &&
		check_file "$TMPD/grp.data" fresh-grp
	rec tp -e sched:sched_switch -a -- sleep 0.05 && check_file "$TMPD/tp.data" fresh-tp
	rec thr --threads -F 999 -- sh -c "$W" && check_file "$TMPD/thr.data" fresh-threads
	if "$REF" record --no-bpf-event -F 999 -o - -- sh -c "$W" > "$TMPD/pipe.data" 2>/dev/null; then
		check_file "$TMPD/pipe.data" fresh-pipe
	fi
fi
[ "$fresh" = 1 ] || echo "note: the reference cannot record here; fixtures only"

finish
