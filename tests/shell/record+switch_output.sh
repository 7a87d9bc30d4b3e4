#!/bin/bash
# perf record --switch-output: several complete files, by signal, size or time
#
# Each file must stand alone: a header with its own data size, the
# side-band a reader needs (kernel map, the workload's mmaps), and the
# samples of its slice of the run. The lines on stderr are the
# reference's: "[ perf record: dump data: Woken up N times ]" and
# "[ perf record: Dump NAME.<timestamp> ]" per switch.
. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate
perf_test_reader

if ! "$PERF" record -q -o "$TMPD/probe.data" -- true 2>"$TMPD/probe.err"; then
	cat "$TMPD/probe.err"
	skip "perf record cannot open events here"
fi
cd "$TMPD" || exit 1

stamped() { ls "$1".[0-9]* 2>/dev/null | grep -c "^$1\.[0-9]\{16\}$"; }
# samples in FILE, as our reader counts them
samples_in() { "$READER" report --stats -i "$1" 2>/dev/null | awk '/^ *SAMPLE events:/ { print $3; exit }'; }

# ---- signal: SIGUSR2 from the workload to perf, twice ----
mkdir sig && cd sig || exit 1
run sig "$PERF" record --switch-output -F 1000 -- sh -c \
	"$PERF test -w noploop 2 & sleep 0.6; kill -USR2 \$PPID; sleep 0.6; kill -USR2 \$PPID; wait"
check_eq "signal: exit code" "$(rc_of sig)" 0
check_eq "signal: two 'dump data' lines" "$(grep -c '^\[ perf record: dump data: Woken up [0-9]* times \]$' ../sig.err)" 2
check_eq "signal: three Dump lines" "$(grep -c '^\[ perf record: Dump perf.data.[0-9]\{16\} \]$' ../sig.err)" 3
check "signal: the summary names the pattern" \
	grep -q '^\[ perf record: Captured and wrote .* MB perf.data.<timestamp>' ../sig.err
check_eq "signal: three timestamped files" "$(stamped perf.data)" 3
check "signal: no perf.data left behind" test ! -e perf.data
for f in perf.data.*; do
	n=$(samples_in "$f")
	check "signal: $f has samples ($n)" test "${n:-0}" -gt 0
	# A later file re-describes the workload: its samples resolve.
	"$READER" report --stdio --sort sym -i "$f" > "$f.rep" 2>/dev/null
	check "signal: $f: noploop resolved" grep -q 'noploop' "$f.rep"
	dsize=$(od -An -t u8 -j 48 -N 8 "$f" | tr -d ' ')
	check "signal: $f: header has its data size" test "$dsize" -gt 0
done
cd .. || exit 1

# ---- size: a new file every 64 KiB ----
mkdir size && cd size || exit 1
run size "$PERF" record --switch-output=64K -F 10000 -- "$PERF" test -w noploop 1
check_eq "size: exit code" "$(rc_of size)" 0
check "size: the reference's warning about the ring size" \
	grep -q '^WARNING: switch-output data size lower than wakeup kernel buffer size (258K) expect bigger perf.data sizes$' ../size.err
n=$(stamped perf.data)
check "size: several files ($n)" test "$n" -ge 2
cd .. || exit 1

# ---- time, and --switch-max-files ----
mkdir time && cd time || exit 1
run time "$PERF" record --switch-output=1s -F 1000 -- sh -c "$PERF test -w noploop 2; sleep 0.5"
check_eq "time: exit code" "$(rc_of time)" 0
check_eq "time: two switches in 2.5 s" "$(grep -c 'dump data' ../time.err)" 2
check_eq "time: three files" "$(stamped perf.data)" 3
cd .. || exit 1
mkdir max && cd max || exit 1
run max "$PERF" record --switch-output=1s --switch-max-files=2 -F 1000 -- sh -c "$PERF test -w noploop 3; sleep 0.5"
check_eq "--switch-max-files=2: four Dump lines" "$(grep -c 'Dump perf.data' ../max.err)" 4
check_eq "--switch-max-files=2: two files kept" "$(stamped perf.data)" 2
newest=$(sed -n 's/^\[ perf record: Dump \(.*\) \]$/\1/p' ../max.err | tail -1)
check "--switch-max-files: the newest is kept" test -e "$newest"
cd .. || exit 1

# ---- -o NAME, and -z ----
run oz "$PERF" record -z --switch-output -o "$TMPD/z.data" -F 1000 -- sh -c \
	"$PERF test -w noploop 1 & sleep 0.5; kill -USR2 \$PPID; wait"
check_eq "-o and -z: two files" "$(stamped "$TMPD/z.data")" 2
check "-o and -z: compressed summary" grep -q 'z.data.<timestamp>, compressed' "$TMPD/oz.err"

# ---- SIGUSR2 is ignored without --switch-output, and in size mode ----
run usr2 "$PERF" record -o "$TMPD/u.data" -- sh -c 'sleep 0.2; kill -USR2 $PPID; sleep 0.2'
check_eq "SIGUSR2 without --switch-output: exit code" "$(rc_of usr2)" 0
check "SIGUSR2 without --switch-output: one file" test -e "$TMPD/u.data"
run usr2s "$PERF" record --switch-output=100M -o "$TMPD/us.data" -- sh -c 'sleep 0.2; kill -USR2 $PPID; sleep 0.2'
check_eq "SIGUSR2 in size mode: no switch" "$(grep -c 'dump data' "$TMPD/usr2s.err")" 0

# ---- bad values: usage and exit 234, as the reference ----
for v in 100 10k 1x; do
	run bad "$PERF" record --switch-output=$v -o "$TMPD/b.data" -- true
	check_eq "--switch-output=$v: exit code" "$(rc_of bad)" 234
	check "--switch-output=$v: usage" grep -q -- '--switch-output\[=' "$TMPD/bad.err"
done
run pipe "$PERF" record --switch-output -o - -- true
check "--switch-output with a pipe refused" test "$(rc_of pipe)" != 0
# Without -o, a FIFO on stdout means pipe mode too (the reference then
# writes the stream to it, and fails renaming "-").
(cd "$TMPD" && "$PERF" record --switch-output -- true 2> "$TMPD/fifo.err" | cat > "$TMPD/fifo.out")
check "--switch-output with stdout a FIFO refused" grep -q 'cannot cut a pipe' "$TMPD/fifo.err"
check "--switch-output with stdout a FIFO: nothing written to it" test ! -s "$TMPD/fifo.out"

finish
