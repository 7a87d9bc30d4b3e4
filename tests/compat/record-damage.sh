#!/bin/bash
# perf record killed or out of disk still leaves a readable perf.data
#
# Beyond the reference: its perf.data claims an empty data section until
# the run ends, so SIGKILL loses every sample. Ours updates the header
# every second. A full disk stops the run with an error and the complete
# records stay readable. The reference perf is the reader here.
. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

if ! "$PERF" record -q -o "$TMPD/probe.data" -- true 2>/dev/null; then
	skip "perf record cannot open events here"
fi

samples_in() { "$REF" report --stats -i "$1" 2>/dev/null | awk '/^ *SAMPLE events:/ { print $3; exit }'; }

# ---- SIGKILL in the middle ----
"$PERF" record -F 2000 -o "$TMPD/kill.data" -- "$PERF" test -w noploop 4 2>/dev/null &
rec=$!
sleep 2.5
# The workload outlives perf: end it by its pid, not by a name other runs may share.
workload=$(pgrep -P "$rec")
kill -KILL "$rec"
wait "$rec" 2>/dev/null
[ -n "$workload" ] && kill "$workload" 2>/dev/null
n=$(samples_in "$TMPD/kill.data")
check "SIGKILL: the reference reads the samples written so far ($n)" test "${n:-0}" -gt 1000
"$REF" report --stdio -i "$TMPD/kill.data" > "$TMPD/kill.out" 2> "$TMPD/kill.err"
check_eq "SIGKILL: reference report succeeds" "$?" 0
check "SIGKILL: noploop on top" grep -m1 -q noploop "$TMPD/kill.out"

# ---- a full disk ----
if [ "$(id -u)" = 0 ] && command -v mount > /dev/null; then
	mkdir -p "$TMPD/small"
	if mount -t tmpfs -o size=256k tmpfs "$TMPD/small" 2>/dev/null; then
		trap 'umount "$TMPD/small" 2>/dev/null; rm -rf "$TMPD"' EXIT
		run full "$PERF" record -F 10000 -o "$TMPD/small/full.data" -- "$PERF" test -w noploop 2
		check "full disk: non-zero exit" test "$(rc_of full)" != 0
		check "full disk: says why" grep -q 'No space left on device' "$TMPD/full.err"
		n=$(samples_in "$TMPD/small/full.data")
		check "full disk: complete records readable ($n samples)" test "${n:-0}" -gt 100
		"$REF" report --stdio -i "$TMPD/small/full.data" > /dev/null 2> "$TMPD/full-read.err"
		check_eq "full disk: reference report succeeds" "$?" 0
		umount "$TMPD/small"
	else
		echo "note: cannot mount a tmpfs, the full-disk case is not run"
	fi
else
	echo "note: not root, the full-disk case is not run"
fi

finish
