#!/bin/bash
# perf record --overwrite: a flight recorder that keeps the newest samples
#
# The rings are write_backward and read at the end (or at each
# --switch-output): a run of noploop then leafloop, longer than the rings
# hold, must leave leafloop's samples (the end) and none of noploop's.
# Unlike the reference, the side-band goes to a forward ring of its own,
# so the workload's samples still resolve to symbols.
. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate
perf_test_reader

if ! "$PERF" record -q -o "$TMPD/probe.data" -- true 2>"$TMPD/probe.err"; then
	cat "$TMPD/probe.err"
	skip "perf record cannot open events here"
fi

# Rings are per CPU: on one CPU, a single ring holds the newest samples.
PIN=
command -v taskset > /dev/null && PIN="taskset -c 0"
# The workloads are perf itself: in a SANITIZE=1 build, LeakSanitizer's
# scan at their exit would be the newest samples and fill the ring.
W="env ASAN_OPTIONS=detect_leaks=0 $PERF test -w"
WORK="$W noploop 1; $W leafloop 2"
[ -n "$PIN" ] || echo "note: no taskset, samples may stay in the rings of other CPUs"
# 4 pages: about 340 samples of 48 bytes, under 0.1 s of leafloop at 4000 Hz
# (the ring fills with leafloop even on a loaded machine).
run ow "$PERF" record --overwrite -m 4 -F 4000 -o "$TMPD/ow.data" -- $PIN sh -c "$WORK"
check_eq "--overwrite: exit code" "$(rc_of ow)" 0
"$READER" report --stdio --sort sym -i "$TMPD/ow.data" > "$TMPD/ow.rep" 2>&1
check "--overwrite: the last samples (leafloop) are there" grep -q '\] leaf' "$TMPD/ow.rep"
if grep -q 'noploop' "$TMPD/ow.rep"; then
	fail "--overwrite: the oldest samples (noploop) should be overwritten"
fi
n=$("$READER" report --stats -i "$TMPD/ow.data" 2>/dev/null | awk '/^ *SAMPLE events:/ { print $3; exit }')
# (a few more may come from the other CPU's ring, before taskset moves the workload)
check "--overwrite: about what one ring holds ($n)" test "${n:-0}" -gt 100 -a "${n:-0}" -le 400
check_eq "--overwrite: one wakeup line" "$(grep -c 'Woken up' "$TMPD/ow.err")" 1
"$PERF" evlist -v -i "$TMPD/ow.data" > "$TMPD/ow.evlist" 2>&1
check "--overwrite: samples in a write_backward ring" grep -q '^cpu-clock.*write_backward: 1' "$TMPD/ow.evlist"
check "--overwrite: side-band on a forward dummy" grep -q '^dummy:HG: .*mmap: 1' "$TMPD/ow.evlist"

# The same in forward mode keeps everything: the test above means something.
run fw "$PERF" record -m 4 -F 4000 -o "$TMPD/fw.data" -- sh -c "$WORK"
"$READER" report --stdio --sort sym -i "$TMPD/fw.data" > "$TMPD/fw.rep" 2>&1
check "forward: noploop kept" grep -q 'noploop' "$TMPD/fw.rep"

# Per event, with the overwrite term.
run term "$PERF" record -e cpu-clock/overwrite/ -m 4 -F 4000 -o "$TMPD/t.data" -- $PIN sh -c "$WORK"
"$READER" report --stdio --sort sym -i "$TMPD/t.data" > "$TMPD/t.rep" 2>&1
check "cpu-clock/overwrite/: leafloop kept" grep -q '\] leaf' "$TMPD/t.rep"
if grep -q 'noploop' "$TMPD/t.rep"; then
	fail "cpu-clock/overwrite/: noploop should be overwritten"
fi

# With --switch-output, each SIGUSR2 dumps what the rings hold then.
mkdir "$TMPD/sw" && cd "$TMPD/sw" || exit 1
run sw "$PERF" record --overwrite --switch-output -m 4 -F 4000 -- sh -c \
	"$W noploop 1 & sleep 0.8; kill -USR2 \$PPID; wait; $W leafloop 1"
files=$(ls perf.data.* 2>/dev/null)
check_eq "--overwrite --switch-output: two files" "$(echo "$files" | wc -w)" 2
first=$(echo "$files" | head -1)
last=$(echo "$files" | tail -1)
"$READER" report --stdio --sort sym -i "$first" > first.rep 2>&1
"$READER" report --stdio --sort sym -i "$last" > last.rep 2>&1
check "--overwrite --switch-output: the first dump has noploop" grep -q noploop first.rep
check "--overwrite --switch-output: the last dump has leafloop" grep -q '\] leaf' last.rep

finish
