#!/bin/bash
# perf stat: exit codes, CSV/JSON parsing, intervals, repeats, bad input
# SPDX-License-Identifier: GPL-2.0
#
# Runs our perf only; the side-by-side comparison of layouts with the
# reference perf is tests/compat/stat.sh. Counts are checked only where
# they are deterministic (exec tracepoints of a fixed command).

. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

run probe "$PERF" stat -e task-clock true
if [ "$(rc_of probe)" != 0 ]; then
	if grep -q 'not supported by this perf yet' "$TMPD/probe.err"; then
		fail "perf stat is missing"
		finish
	fi
	sed 's/^/   | /' "$TMPD/probe.err" | head -5
	skip "perf stat cannot count here (perf_event_paranoid or no perf_event_open)"
fi

# ---- the default output and the workload's exit status ----
run def "$PERF" stat true
check_eq "default: exit status" "$(rc_of def)" 0
check "default: header" grep -q "^ Performance counter stats for 'true':$" "$TMPD/def.err"
for ev in task-clock context-switches cpu-migrations page-faults cycles \
	instructions branches branch-misses; do
	check "default: $ev line" grep -Eq "^ +([0-9.,]+ msec +|[0-9,]+ +|<not supported> +)$ev " "$TMPD/def.err"
done
check "default: elapsed footer" grep -Eq '^ +[0-9]+\.[0-9]{9} seconds time elapsed$' "$TMPD/def.err"
check "default: user footer" grep -Eq '^ +[0-9]+\.[0-9]{9} seconds user$' "$TMPD/def.err"
check_eq "default: nothing on stdout" "$(out_of def)" ""

run exit3 "$PERF" stat -e task-clock -- sh -c 'exit 3'
check_eq "workload exit status is ours" "$(rc_of exit3)" 3
run nocmd "$PERF" stat -e task-clock -- /nonexistent/command
check_eq "missing command: status" "$(rc_of nocmd)" 255
check_eq "missing command: message" "$(err_of nocmd)" "Workload failed: No such file or directory"
run killed "$PERF" stat -e task-clock -- sh -c 'kill -9 $$'
check "killed workload: psignal line" grep -q '^sh: Killed$' "$TMPD/killed.err"
check_eq "killed workload: status as the reference" "$(rc_of killed)" 0

# ---- deterministic counts: 3 execs (sh, true, true) ----
run execs "$PERF" stat -x, -e sched:sched_process_exec -- sh -c '/bin/true; /bin/true'
check_eq "tracepoint count" "$(cut -d, -f1,3 "$TMPD/execs.err")" "3,sched:sched_process_exec"

# ---- CSV: fields and their order ----
run csv "$PERF" stat -x, -e task-clock,page-faults true
check_eq "CSV: two lines" "$(lines_of csv err)" 2
check "CSV: task-clock fields" awk -F, 'NR == 1 && !(NF == 7 && $1 ~ /^[0-9]+\.[0-9][0-9]$/ && $2 == "msec" && $3 == "task-clock" && $5 == "100.00" && $7 == "CPUs utilized") { exit 1 }' "$TMPD/csv.err"
check "CSV: page-faults fields" awk -F, 'NR == 2 && !(NF == 7 && $1 ~ /^[0-9]+$/ && $2 == "" && $3 == "page-faults" && $7 ~ /\/sec$/) { exit 1 }' "$TMPD/csv.err"
run csvr "$PERF" stat -x, -r 3 -e page-faults true
check "CSV -r: variance column" awk -F, '!(NF == 8 && $4 ~ /%$/) { exit 1 }' "$TMPD/csvr.err"
run tab "$PERF" stat -x '\t' -e page-faults true
check "CSV: \\t separator" grep -q "	page-faults	" "$TMPD/tab.err"

# ---- JSON: valid, keys in the reference's order ----
run json "$PERF" stat -j -e task-clock,page-faults,cycles true
if command -v python3 > /dev/null; then
	check "JSON: every line parses, keys in order" python3 -c '
import json, sys
want = ["counter-value", "unit", "event", "event-runtime", "pcnt-running",
        "metric-value", "metric-unit"]
for line in open(sys.argv[1]):
    keys = list(json.loads(line).keys())
    if keys != want:
        sys.exit("keys %s" % keys)
' "$TMPD/json.err"
fi
check "JSON: unsupported event" grep -q '"counter-value" : "<not supported>", "unit" : "", "event" : "cycles"' "$TMPD/json.err"

# ---- -r: runs in the header, noise column or none ----
run rep "$PERF" stat -r 3 -e task-clock true
check "-r: runs in the header" grep -q "^ Performance counter stats for 'true' (3 runs):$" "$TMPD/rep.err"
check "-r: elapsed with stddev" grep -Eq '^ +[0-9.]+ \+- [0-9.]+ seconds time elapsed' "$TMPD/rep.err"
check "-r: no user/sys footer" test "$(grep -c 'seconds user' "$TMPD/rep.err")" = 0

# ---- intervals ----
run ival "$PERF" stat -I 100 --interval-count 3 -a -e cpu-clock
if [ "$(rc_of ival)" = 0 ]; then
	check_eq "-I: header once" "$(line_of ival err 1)" "#           time             counts unit events"
	check_eq "-I --interval-count 3: lines" "$(grep -c 'cpu-clock' "$TMPD/ival.err")" 3
else
	echo "system-wide counting refused: -I line count not checked"
fi
run ivsum "$PERF" stat -I 100 --summary -x, -e task-clock sleep 0.25
check "--summary: CSV summary line" grep -q '^         summary,' "$TMPD/ivsum.err"

# ---- output destinations ----
run out "$PERF" stat -o "$TMPD/stat.txt" -e task-clock true
check "-o: nothing on stderr" test ! -s "$TMPD/out.err"
check "-o: started-on line" grep -q '^# started on ' "$TMPD/stat.txt"
run app "$PERF" stat -o "$TMPD/stat.txt" --append -e task-clock true
check_eq "--append: two reports" "$(grep -c 'Performance counter stats' "$TMPD/stat.txt")" 2
"$PERF" stat --log-fd 5 -e task-clock true 5> "$TMPD/fd5.txt" 2> "$TMPD/fd5.err"
check "--log-fd: counts on fd 5" grep -q 'task-clock' "$TMPD/fd5.txt"
run quiet "$PERF" stat --quiet -e task-clock -- sh -c 'exit 4'
check_eq "--quiet: silent" "$(err_of quiet)" ""
check_eq "--quiet: status kept" "$(rc_of quiet)" 4
run prepost "$PERF" stat --pre 'echo PRE' --post 'echo POST' -e task-clock true
check_eq "--pre/--post" "$(out_of prepost | tr '\n' ' ')" "PRE POST "
run null "$PERF" stat --null true
check "--null: no counters" test "$(grep -c 'task-clock' "$TMPD/null.err")" = 0

# ---- bad input ----
run badev "$PERF" stat -e no_such_event true
check_eq "unknown event: status" "$(rc_of badev)" 129
check "unknown event: caret message" grep -q "^event syntax error: 'no_such_event'" "$TMPD/badev.err"
run tmo "$PERF" stat --timeout 5 true
check_eq "--timeout 5: status" "$(rc_of tmo)" 234
check "--timeout 5: message" grep -q '^timeout must be >= 10ms.$' "$TMPD/tmo.err"
run rneg "$PERF" stat -r -1 true
check "-r -1: message" grep -q '^Run count must be a positive number$' "$TMPD/rneg.err"
run pthr "$PERF" stat --per-thread true
check_eq "--per-thread without -p/-t/-a" "$(rc_of pthr)" 234
run noaggr "$PERF" stat -A true
check "-A without -a" grep -q '^both cgroup and no-aggregation modes only available in system-wide mode$' "$TMPD/noaggr.err"
# perf stat record and report: tests/shell/stat-record.sh

# ---- SIGINT without a command: counts printed, then killed by SIGINT ----
"$PERF" stat -a -e cpu-clock > /dev/null 2> "$TMPD/sigint.err" &
pid=$!
sleep 0.3
kill -INT "$pid"
wait "$pid"
rc=$?
if grep -q 'cpu-clock' "$TMPD/sigint.err"; then
	check_eq "SIGINT: dies of SIGINT after printing" "$rc" 130
else
	echo "system-wide counting refused: SIGINT not checked"
fi

finish
