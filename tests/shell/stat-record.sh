#!/bin/bash
# perf stat record/report: the counts in perf.data and printed back
# SPDX-License-Identifier: GPL-2.0
#
# Runs our perf only; tests/compat/stat-record.sh puts the reference on
# the same files. A report must print the lines perf stat printed while
# it recorded, but for the header (the recording's command line, or
# 'pipe') and the user/sys footer, which the file does not keep.

. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate
cd "$TMPD" || exit 1

run probe "$PERF" stat -e task-clock true
if [ "$(rc_of probe)" != 0 ]; then
	sed 's/^/   | /' "$TMPD/probe.err" | head -5
	skip "perf stat cannot count here (perf_event_paranoid or no perf_event_open)"
fi

# The count lines of a perf stat output: no header, no footer.
counts() {
	grep -v -e '^ Performance counter stats for ' -e 'seconds user$' \
		-e 'seconds sys$' -e '^$' "$1"
}

# same_counts NAME: record NAME's counts equal report NAME's
same_counts() {
	counts "$TMPD/rec-$1.err" > "$TMPD/rec-$1.c"
	counts "$TMPD/rep-$1.err" > "$TMPD/rep-$1.c"
	if ! cmp -s "$TMPD/rec-$1.c" "$TMPD/rep-$1.c"; then
		fail "$1: the report differs from what perf stat record printed"
		diff "$TMPD/rec-$1.c" "$TMPD/rep-$1.c" | head -10
	fi
}

# ---- the default file, the workload's status, the report ----
run rec-def "$PERF" stat record -e task-clock,page-faults,duration_time -- sh -c 'exit 3'
check_eq "record: the workload's exit status" "$(rc_of rec-def)" 3
check_eq "record: perf.data by default" "$(head -c 8 perf.data)" "PERFILE2"
check "record: counts printed as perf stat does" grep -q "^ Performance counter stats for 'sh -c exit 3':$" "$TMPD/rec-def.err"
run rep-def "$PERF" stat report
check_eq "report: status" "$(rc_of rep-def)" 0
check "report: the recording's command line" \
	grep -q "^ Performance counter stats for '.*perf stat record -e task-clock,page-faults,duration_time -- sh -c exit 3':$" "$TMPD/rep-def.err"
check "report: elapsed time kept" grep -Eq '^ +[0-9]+\.[0-9]{9} seconds time elapsed$' "$TMPD/rep-def.err"
check "report: no user/sys times (not recorded)" sh -c "! grep -q 'seconds user' '$TMPD/rep-def.err'"
check_eq "report: nothing on stdout" "$(out_of rep-def)" ""
same_counts def
run rec-again "$PERF" stat record -e task-clock true
check "record: previous perf.data rotated" test -s perf.data.old

# ---- what the file holds ----
run hdr "$PERF" report --header-only -i perf.data
check "header: stat feature" grep -q '^# contains stat data$' "$TMPD/hdr.out"
run dump "$PERF" report -D -i perf.data
grep -o 'PERF_RECORD_[A-Z_]*' "$TMPD/dump.out" | uniq > "$TMPD/types"
check_eq "records in the reference's order" "$(tr '\n' ' ' < "$TMPD/types")" \
	"PERF_RECORD_EVENT_UPDATE PERF_RECORD_THREAD_MAP PERF_RECORD_CPU_MAP PERF_RECORD_STAT_CONFIG PERF_RECORD_STAT PERF_RECORD_MMAP PERF_RECORD_STAT_ROUND "
check "the task-clock unit and scale" grep -q '^\.\.\. unit:  msec$' "$TMPD/dump.out"
check "final round" grep -q '^\.\.\. time [0-9]*, type FINAL$' "$TMPD/dump.out"

# ---- -o and the options before "record"; output formats before "report" ----
run rec-o "$PERF" stat -e task-clock record -o o.data -- true
check "-o names the perf.data" test -s o.data
run rep-csv "$PERF" stat -x, report -i o.data
check "report -x,: CSV" grep -Eq '^[0-9.]+,msec,task-clock,[0-9]+,100\.00,' "$TMPD/rep-csv.err"
run rep-json "$PERF" stat -j report -i o.data
check "report -j: JSON" grep -q '"event" : "task-clock"' "$TMPD/rep-json.err"
run rep-A "$PERF" stat report -A -i o.data
check_eq "report -A on task counts: warning" "$(head -1 "$TMPD/rep-A.err")" \
	"warning: processing task data, aggregation mode not set"

# ---- pipe mode ----
"$PERF" stat record -o - -e task-clock,page-faults -- true > pipe.data 2> "$TMPD/rec-pipe.err"
check "pipe: stream written" test -s pipe.data
# run() gives stdin /dev/null: the stream goes through stdin by hand.
"$PERF" stat report -i - < pipe.data > /dev/null 2> "$TMPD/rep-pipe.err"
check "pipe: 'pipe' for the command" grep -q "^ Performance counter stats for 'pipe':$" "$TMPD/rep-pipe.err"
same_counts pipe

# ---- intervals: one round per interval, no final one ----
run rec-int "$PERF" stat record -o int.data -I 100 -e task-clock,page-faults -- sleep 0.35
run rep-int "$PERF" stat report -i int.data
same_counts int
check "interval lines" test "$(grep -c 'page-faults' "$TMPD/rep-int.err")" -ge 3
run dump-int "$PERF" report -D -i int.data
check "interval rounds" test "$(grep -c 'type INTERVAL$' "$TMPD/dump-int.out")" -ge 3
check "no final round with -I" sh -c "! grep -q 'type FINAL' '$TMPD/dump-int.out'"

# ---- system-wide, aggregated again at report time ----
run rec-sys "$PERF" stat record -o sys.data -a -A -e cpu-clock -- sleep 0.05
if [ "$(rc_of rec-sys)" = 0 ]; then
	run rep-sys "$PERF" stat report -i sys.data
	same_counts sys
	run rep-core "$PERF" stat report -i sys.data --per-core
	check "--per-core buckets" grep -Eq '^S[0-9]+-D[0-9]+-C[0-9]+ +[0-9]+ +[0-9.]+ msec cpu-clock' "$TMPD/rep-core.err"
	run rep-glob "$PERF" stat -x, report -i sys.data --per-socket
	check "--per-socket CSV" grep -Eq '^S[0-9]+,[0-9]+,[0-9.]+,msec,cpu-clock,' "$TMPD/rep-glob.err"
else
	echo "system-wide counting not allowed here: -A/--per-core not checked"
fi

# ---- bad input ----
run rec-r "$PERF" stat record -r 2 -o r.data -- true
check_eq "-r: status" "$(rc_of rec-r)" 255
check_eq "-r: message" "$(err_of rec-r)" "Cannot use -r option with perf stat record."
run rep-none "$PERF" stat report -i missing.data
check_eq "missing input: status" "$(rc_of rep-none)" 255
check_eq "missing input: message" "$(err_of rep-none)" "failed to open missing.data: No such file or directory"
run rec-nocmd "$PERF" stat record -o nocmd.data -- /nonexistent/command
check_eq "missing command: status" "$(rc_of rec-nocmd)" 255
run rep-nocmd "$PERF" stat report -i nocmd.data
check_eq "missing command: the file still reads" "$(rc_of rep-nocmd)" 0
head -c 300 o.data > cut.data
run rep-cut "$PERF" stat report -i cut.data
check_eq "truncated file: refused (no crash)" "$(rc_of rep-cut)" 255
check "truncated file: says where" grep -q "^'cut.data': damaged header" "$TMPD/rep-cut.err"

finish
