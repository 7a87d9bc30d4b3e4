#!/bin/bash
# perf report/script on recordings that were killed, ran out of disk or lost events
# SPDX-License-Identifier: GPL-2.0
#
# Our reader on our recordings (tests/compat/record-damage.sh reads them
# with the reference):
#  - perf record killed with SIGKILL: the file reads back; a file whose
#    header was never finished (the reference's way, tests/data/killed.data,
#    also cut in the middle of a record) gets the reference's warning, and
#    with -f every complete record is read (counted independently by
#    lib/perf_data_records.py);
#  - a full disk: a clear error and a non-zero exit from perf record, and
#    the file up to the last complete record reads back;
#  - lost events under overload: the LOST and LOST_SAMPLES counts in
#    --stats and the reference's warnings in perf script.
. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

HERE=$(cd "$(dirname "$0")" && pwd)
D=$(cd "$HERE/../data" 2>/dev/null && pwd)
command -v python3 > /dev/null || skip "no python3 to count records"
if ! "$PERF" record -q -o "$TMPD/probe.data" -- true 2>/dev/null; then
	skip "perf record cannot open events here"
fi
count() { python3 "$HERE/lib/perf_data_records.py" "$1"; }
stat_of() { awk -v k="$2" '$1 == k && $2 == "events:" { print $3; exit }' "$TMPD/$1.out"; }

# ---- the reference's unfinished header: data size 0 ----
if [ -r "$D/killed.data" ]; then
	read -r recs samples end < <(count "$D/killed.data")
	for cmd in "report --stats" "script"; do
		n=${cmd%% *}
		# shellcheck disable=SC2086
		run "k$n" "$PERF" $cmd -i "$D/killed.data"
		# The reference: 0 from report, 255 from script.
		want=0
		[ "$n" = script ] && want=255
		check_eq "unfinished, $cmd: exit status as the reference's" "$(rc_of "k$n")" "$want"
		check_eq "unfinished, $cmd: the reference's warning" "$(sed -n 1,2p "$TMPD/k$n.err")" \
			"WARNING: The $D/killed.data file's data size field is 0 which is unexpected.
Was the 'perf record' command properly terminated?"
		check "unfinished, $cmd: says how to read it anyway" grep -q 'use -f' "$TMPD/k$n.err"
	done
	run kf "$PERF" report --stats -f -i "$D/killed.data"
	check_eq "unfinished -f: every record" "$(stat_of kf TOTAL)" "$recs"
	check_eq "unfinished -f: every sample" "$(stat_of kf SAMPLE)" "$samples"
	run ksf "$PERF" script -f -i "$D/killed.data"
	check_eq "unfinished, script -f: every sample" "$(wc -l < "$TMPD/ksf.out")" "$samples"

	# Killed in the middle of writing a record: the last one is partial.
	head -c $((end - 13)) "$D/killed.data" > "$TMPD/cut.data"
	read -r recs samples end < <(count "$TMPD/cut.data")
	run cf "$PERF" report --stats -f -i "$TMPD/cut.data"
	check_eq "cut mid-record -f: exit status" "$(rc_of cf)" 0
	check_eq "cut mid-record -f: every complete record" "$(stat_of cf TOTAL)" "$recs"
	run csf "$PERF" script -f -i "$TMPD/cut.data"
	check_eq "cut mid-record, script -f: every complete sample" "$(wc -l < "$TMPD/csf.out")" "$samples"
fi

# ---- our perf record killed with SIGKILL ----
"$PERF" record -F 2000 -e cpu-clock -o "$TMPD/kill.data" -- "$PERF" test -w noploop 4 2>/dev/null &
rec=$!
sleep 2
workload=$(pgrep -P "$rec")
kill -KILL "$rec"
wait "$rec" 2>/dev/null
[ -n "$workload" ] && kill "$workload" 2>/dev/null
read -r recs samples end < <(count "$TMPD/kill.data")
run kill "$PERF" report --stats -i "$TMPD/kill.data"
check_eq "SIGKILL: report exit status" "$(rc_of kill)" 0
check "SIGKILL: samples read ($(stat_of kill SAMPLE))" test "$(stat_of kill SAMPLE)" -gt 100
run killf "$PERF" report --stats -f -i "$TMPD/kill.data"
check_eq "SIGKILL -f: every complete record of the file" "$(stat_of killf TOTAL)" "$recs"
run kills "$PERF" script -f -i "$TMPD/kill.data"
check_eq "SIGKILL, script -f: every sample" "$(wc -l < "$TMPD/kills.out")" "$samples"

# Killed between writing records and the next header checkpoint: the
# header's data size stops short of the last records (made so here by
# moving it back over the last two). -f reads them all the same.
python3 - "$TMPD/kill.data" "$TMPD/ckpt.data" <<'PY'
import struct, sys
buf = bytearray(open(sys.argv[1], 'rb').read())
off = struct.unpack_from('<Q', buf, 40)[0]
pos, ends = off, []
while pos + 8 <= len(buf):
    size = struct.unpack_from('<H', buf, pos + 6)[0]
    if size < 8 or pos + size > len(buf):
        break
    pos += size
    ends.append(pos)
struct.pack_into('<Q', buf, 48, ends[-3] - off)
open(sys.argv[2], 'wb').write(buf)
PY
run ckpt "$PERF" report --stats -f -i "$TMPD/ckpt.data"
check_eq "SIGKILL after a checkpoint -f: every complete record" "$(stat_of ckpt TOTAL)" "$recs"

# ---- a full disk ----
if [ "$(id -u)" = 0 ] && mkdir -p "$TMPD/small" &&
   mount -t tmpfs -o size=256k tmpfs "$TMPD/small" 2>/dev/null; then
	trap 'umount "$TMPD/small" 2>/dev/null; rm -rf "$TMPD"' EXIT
	# 48 KiB left: full after a second of samples even on a busy machine.
	head -c $((208 * 1024)) /dev/zero > "$TMPD/small/filler"
	run full "$PERF" record -F 10000 -e cpu-clock -o "$TMPD/small/full.data" -- "$PERF" test -w noploop 2
	check "full disk: non-zero exit" test "$(rc_of full)" != 0
	check "full disk: says why" grep -q 'No space left on device' "$TMPD/full.err"
	[ "$perf_test__failures" = 0 ] || sed "s/^/   | /" "$TMPD/full.err"
	cp "$TMPD/small/full.data" "$TMPD/full.data"
	umount "$TMPD/small"
	read -r recs samples end < <(count "$TMPD/full.data")
	run fullr "$PERF" report --stats -i "$TMPD/full.data"
	check_eq "full disk: report exit status" "$(rc_of fullr)" 0
	check "full disk: samples read ($(stat_of fullr SAMPLE))" test "$(stat_of fullr SAMPLE)" -gt 100
	run fullf "$PERF" report --stats -f -i "$TMPD/full.data"
	check_eq "full disk -f: every complete record" "$(stat_of fullf TOTAL)" "$recs"
	run fulls "$PERF" script -f -i "$TMPD/full.data"
	check_eq "full disk, script -f: every sample" "$(wc -l < "$TMPD/fulls.out")" "$samples"
else
	echo "note: cannot mount a small tmpfs (root needed), the full-disk case is not run"
fi

# ---- lost events: one-page rings under a tracepoint flood ----
if [ -r /sys/kernel/tracing/events/syscalls/sys_enter_read/format ]; then
	"$PERF" record -q -e syscalls:sys_enter_read -m 1 -o "$TMPD/lost.data" -- \
		dd if=/dev/zero of=/dev/null bs=1 count=200000 > /dev/null 2>&1
	run lost "$PERF" report --stats -i "$TMPD/lost.data"
	check "lost: LOST records counted in --stats" test "$(stat_of lost LOST)" -gt 0
	check "lost: LOST_SAMPLES counted in --stats" grep -q 'LOST_SAMPLES events: *[1-9]' "$TMPD/lost.out"
	check "lost: --stats gives no warning, as the reference" test ! -s "$TMPD/lost.err"
	run losts "$PERF" script -i "$TMPD/lost.data"
	check "lost: script gives the reference's warning" \
		grep -q '^Processed [0-9]* events and lost [0-9]* chunks!$' "$TMPD/losts.err"
	check "lost: ... and what to check" grep -qx 'Check IO/CPU overload!' "$TMPD/losts.err"
	REF=${REF_PERF:-/usr/bin/perf}
	if [ -x "$REF" ] && [ "$REF" != "$PERF" ]; then
		"$REF" report --stats -i "$TMPD/lost.data" > "$TMPD/ref-lost.out" 2> "$TMPD/ref-lost.err"
		check "lost: --stats as the reference's" cmp -s "$TMPD/ref-lost.out" "$TMPD/lost.out"
		"$REF" script -i "$TMPD/lost.data" > /dev/null 2> "$TMPD/ref-losts.err"
		check "lost: script's warnings as the reference's" cmp -s "$TMPD/ref-losts.err" "$TMPD/losts.err"
	fi
else
	echo "note: no syscalls:sys_enter_read tracepoint, the lost-event case is not run"
fi
finish
