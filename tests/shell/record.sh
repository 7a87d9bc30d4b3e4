#!/bin/bash
# perf record: output file handling, signals, exit codes
#
# What our perf record promises on its own, without the reference:
# perf.data rotation to perf.data.old, never writing through a planted
# symlink, a complete file after SIGINT, and the workload's exit status.
. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

if ! "$PERF" record -q -o "$TMPD/probe.data" -- true 2>"$TMPD/probe.err"; then
	cat "$TMPD/probe.err"
	skip "perf record cannot open events here"
fi

magic() { head -c 8 "$1"; }

# ---- the file: magic, header, rotation ----
cd "$TMPD" || exit 1
run r1 "$PERF" record -q -- "$PERF" test -w noploop 0
check_eq "default output exists" "$(magic perf.data)" "PERFILE2"
size1=$(stat -c %s perf.data)
run r2 "$PERF" record -q -- true
check "previous perf.data rotated to perf.data.old" test "$(stat -c %s perf.data.old)" = "$size1"
check_eq "new perf.data" "$(magic perf.data)" "PERFILE2"
check_eq "created with mode 0600" "$(stat -c %a perf.data)" 600

# ---- a symlink planted where the output goes is renamed, never followed ----
echo secret > "$TMPD/victim"
ln -sf "$TMPD/victim" "$TMPD/link.data"
run r3 "$PERF" record -q -o "$TMPD/link.data" -- true
check_eq "symlink target untouched" "$(cat "$TMPD/victim")" "secret"
check "symlink moved aside" test -L "$TMPD/link.data.old"
check_eq "output is a new regular file" "$(magic "$TMPD/link.data")" "PERFILE2"

# ---- an unwritable directory: a clear error, non-zero exit ----
mkdir -p "$TMPD/ro"
chmod 500 "$TMPD/ro"
if [ "$(id -u)" != 0 ]; then
	run r4 "$PERF" record -q -o "$TMPD/ro/x.data" -- true
	check "unwritable directory fails" test "$(rc_of r4)" != 0
	check "unwritable directory: message" grep -q "failed to open $TMPD/ro/x.data: Permission denied" "$TMPD/r4.err"
fi
chmod 700 "$TMPD/ro"

# ---- the workload's exit status ----
run r5 "$PERF" record -q -o "$TMPD/e.data" -- sh -c 'exit 7'
check_eq "workload exit status passed on" "$(rc_of r5)" 7
run r6 "$PERF" record -q -o "$TMPD/e.data" -- /nonexistent/cmd
check_eq "missing command exits 255" "$(rc_of r6)" 255
check "missing command message" grep -q "workload: No such file or directory" "$TMPD/r6.err"

# ---- SIGINT stops a system-wide run with a complete file ----
"$PERF" record -a -o "$TMPD/int.data" 2> "$TMPD/int.err" &
pid=$!
sleep 0.5
kill -INT "$pid"
wait "$pid"
check_eq "SIGINT: clean exit" "$?" 0
check "SIGINT: summary printed" grep -q 'Captured and wrote' "$TMPD/int.err"
check_eq "SIGINT: file complete" "$(magic "$TMPD/int.data")" "PERFILE2"
# The data size in the header is set (offset 48) only by a finished run.
dsize=$(od -An -t u8 -j 48 -N 8 "$TMPD/int.data" | tr -d ' ')
check "SIGINT: header has the data size" test "$dsize" -gt 0

# ---- options of our own checks ----
run ts "$PERF" record -o "$TMPD/ts.data" --timestamp-filename -- true
check "--timestamp-filename: Dump line" grep -q "^\[ perf record: Dump $TMPD/ts.data.[0-9]\{16\} \]$" "$TMPD/ts.err"
check "--timestamp-filename: renamed file" ls "$TMPD"/ts.data.[0-9]* > /dev/null
# A small ring (-m 4) so the limit is checked often: with the default one a
# single wakeup can bring a few hundred KB at once, in the reference too.
run ms "$PERF" record -m 4 -F 5000 --max-size=16K -o "$TMPD/ms.data" -- "$PERF" test -w noploop 2
check "--max-size: stops with the reference's line" grep -q 'perf size limit reached' "$TMPD/ms.err"
check "--max-size: file stays small" test "$(stat -c %s "$TMPD/ms.data")" -lt 100000
run regs "$PERF" record -q --user-regs=ax,ip -o "$TMPD/regs.data" -- true
check_eq "--user-regs: exit code" "$(rc_of regs)" 0
run regq "$PERF" record --user-regs=?
check "--user-regs=?: lists registers" grep -q '^available registers: AX BX' "$TMPD/regq.err"
run regbad "$PERF" record --user-regs=nosuch -o "$TMPD/r.data" -- true
check_eq "--user-regs bad name: exit code" "$(rc_of regbad)" 129
run z "$PERF" record -z -o "$TMPD/z.data" -- "$PERF" test -w noploop 1
check_eq "-z: exit code" "$(rc_of z)" 0
check "-z: the reference's compressed summary" \
	grep -q "^\[ perf record: Captured and wrote .* MB $TMPD/z.data, compressed (original .* MB, ratio is [0-9.]*) \]$" "$TMPD/z.err"
run zs "$PERF" report --stats -i "$TMPD/z.data"
check "-z: COMPRESSED records in the file" grep -q 'COMPRESSED events:' "$TMPD/zs.out"
run zbad "$PERF" record -zx -o "$TMPD/z.data" -- true
check_eq "-z with a bad level: exit code" "$(rc_of zbad)" 129

# ---- tracepoint periods, as the reference sets them ----
# A named tracepoint samples every hit unless -c/-F says otherwise; one
# given as tracepoint/config=N/ is an ordinary PMU event (frequency, no
# RAW payload, which the kernel refuses to users below paranoid -1).
if tpid=$(cat /sys/kernel/tracing/events/sched/sched_switch/id 2> /dev/null); then
	"$PERF" record -q -o "$TMPD/tp.data" -c 3 -e sched:sched_switch true > /dev/null 2>&1
	run tpc "$PERF" evlist -v -i "$TMPD/tp.data"
	check "tracepoint -c 3: period 3" grep -q 'sample_freq }: 3,' "$TMPD/tpc.out"
	"$PERF" record -q -o "$TMPD/tp.data" -e sched:sched_switch true > /dev/null 2>&1
	run tp1 "$PERF" evlist -v -i "$TMPD/tp.data"
	check "tracepoint: period 1, RAW" grep -q 'sample_freq }: 1, sample_type: .*RAW' "$TMPD/tp1.out"
	"$PERF" record -q -o "$TMPD/tp.data" -e "tracepoint/config=$tpid/" true > /dev/null 2>&1
	run tpn "$PERF" evlist -v -i "$TMPD/tp.data"
	check "tracepoint/config=N/: frequency" grep -q 'sample_freq }: 4000,.* freq: 1' "$TMPD/tpn.out"
	check "tracepoint/config=N/: no RAW" test -z "$(grep 'RAW' "$TMPD/tpn.out")"
fi

# ---- bad options ----
run r7 "$PERF" record --no-such-option
check_eq "unknown option exits 129" "$(rc_of r7)" 129
run r8 "$PERF" record
check_eq "no command and no target exits 129" "$(rc_of r8)" 129
run r9 "$PERF" record -m 3 -o "$TMPD/m.data" -- true
check_eq "-m not a power of two: rounded up, as the reference" "$(rc_of r9)" 0
check "-m 3: says so" grep -q '^rounding mmap pages size to 16K (4 pages)$' "$TMPD/r9.err"
run r10 "$PERF" record -m 100k -o "$TMPD/m.data" -- true
check_eq "-m with a lower-case unit refused" "$(rc_of r10)" 129

finish
