#!/bin/bash
# perf stat side by side with the reference perf
# SPDX-License-Identifier: GPL-2.0
#
# Both binaries count the same commands in every mode and format; their
# outputs must have the same lines, labels and column widths once the
# numbers are masked (each line's length is compared before masking, so
# a column that moves by one space is caught). Deterministic counts
# (execs, syscalls of a fixed loop) must be equal, page faults of a
# fixed program close.
#
# Documented differences (checked as such, not hidden):
#  - -M METRIC: the reference silently ignores a metric it has no table
#    for; we say so on one line, then behave the same (default events,
#    same exit status).
#  - -x with -j: the reference mixes both into invalid JSON; we print
#    JSON (not compared).
#  - -v prints "Using CPUID ..." in the reference (not compared).
#  - "-e foo" says "unknown event 'foo'" plus a hint under the caret
#    where the reference says "parser error": clearer; the first line and
#    the exit code are the reference's (compared).

. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate
export PERF_CONFIG_NOSYSTEM=1

if ! "$REF" stat -e task-clock true > /dev/null 2>&1; then
	skip "the reference perf cannot count here"
fi

# Numbers become N, runs of blanks one blank; the line's real length
# goes in front. With NOLEN=1 the lengths are left out (-r noise and
# precision depend on the numbers).
mask() {
	awk -v nolen="${NOLEN:-0}" '{
		l = length($0)
		gsub(/\( \+- *[0-9.]+% \)/, "")
		gsub(/[KMG]\/sec/, "/sec")
		gsub(/#+$/, "#")
		gsub(/[0-9]+/, "N"); gsub(/N(\.N)+/, "N"); gsub(/N,N/, "N"); gsub(/ +/, " ")
		gsub(/\([-+]N\)/, "(N)")
		if (nolen) print; else printf "%3d|%s\n", l, $0
	}'
}

# same NAME ARGS...: exit status and both streams, masked, equal. CSV
# and JSON have no fixed widths: their lengths are not compared.
same() {
	local name=$1 s a NOLEN=${NOLEN:-0} interval=0
	shift
	for a in "$@"; do
		case $a in -x*|-j) NOLEN=1 ;; -I) interval=1 ;; esac
	done
	both "$name" stat "$@"
	same_rc "$name"
	for s in out err; do
		# How many intervals fit in the run, and whether the last one is
		# empty (<not counted>), depends on scheduling: with -I the set of
		# distinct line layouts is compared, not their count.
		if [ "$interval" = 1 ]; then
			mask < "$TMPD/ref-$name.$s" | grep -v 'not counted' | sort -u > "$TMPD/ref-$name.$s.m"
			mask < "$TMPD/our-$name.$s" | grep -v 'not counted' | sort -u > "$TMPD/our-$name.$s.m"
		else
			mask < "$TMPD/ref-$name.$s" > "$TMPD/ref-$name.$s.m"
			mask < "$TMPD/our-$name.$s" > "$TMPD/our-$name.$s.m"
		fi
		if ! cmp -s "$TMPD/ref-$name.$s.m" "$TMPD/our-$name.$s.m"; then
			fail "perf stat $*: std$s differs from the reference"
			diff "$TMPD/ref-$name.$s.m" "$TMPD/our-$name.$s.m" | head -n 12
		fi
	done
}

E=task-clock,page-faults

# ---- workload mode, every format ----
same default true
same tc -e task-clock true
same csv -x, true
same csv_semicolon -x ';' -e $E true
same json -j true
same detailed -d true
same detailed3 -ddd true
same null --null true
same group -e "{task-clock,page-faults}" true
same tools -e duration_time,task-clock,page-faults true
same nometric -x, -e page-faults,syscalls:sys_enter_getpid true
same exit3 -e task-clock -- sh -c 'exit 3'
same killed -e task-clock -- sh -c 'kill -9 $$'
same nocmd -e task-clock -- /nonexistent/command
same quiet --quiet -e task-clock -- sh -c 'exit 5'
same prepost --pre 'echo PRE' --post 'echo POST' -e task-clock true
same prefail --pre 'exit 3' -e task-clock true
same delay -D 100 -e task-clock sleep 0.2
same delay_off -D -1 -e task-clock sleep 0.1
same timeout --timeout 100 -e task-clock sleep 1
same modifier -e task-clock:u true

# ---- repeats: noise columns depend on the numbers ----
NOLEN=1 same repeat -r 3 true
NOLEN=1 same repeat_csv -x, -r 3 true
NOLEN=1 same repeat_json -j -r 3 -e $E true
NOLEN=1 same repeat_null -r 3 --null true
NOLEN=1 same table -r 2 --table -e task-clock true

# ---- intervals ----
same interval -I 100 -e $E sleep 0.25
same interval_csv -x, -I 100 -e $E sleep 0.25
same interval_json -j -I 100 -e $E sleep 0.25
same interval_count -I 50 --interval-count 2 -e task-clock sleep 0.3
same interval_summary -I 100 --summary -e task-clock sleep 0.25
same interval_summary_csv -I 100 --summary -x, -e task-clock sleep 0.15
same interval_summary_nocsv -I 100 --summary --no-csv-summary -x, -e task-clock sleep 0.15
same interval_clear -I 100 --interval-clear -e task-clock sleep 0.15
same summary_csv --summary -x, -e $E true

# ---- metric-only ----
same metric_only --metric-only true
same metric_only_csv --metric-only -x, true
same metric_only_json --metric-only -j true
same metric_only_interval --metric-only -I 100 sleep 0.25

# ---- system wide, CPUs and the aggregation modes ----
if "$REF" stat -a -e cpu-clock true > /dev/null 2>&1; then
	for mode in "" -A --per-core --per-die --per-socket --per-node; do
		n=sw${mode//-/_}
		same "$n" -a $mode -e $E sleep 0.05
		same "${n}_csv" -a $mode -x, -e $E sleep 0.05
		same "${n}_json" -a $mode -j -e $E sleep 0.05
		same "${n}_int" -a $mode -I 100 -e $E sleep 0.15
		same "${n}_metric" -a $mode --metric-only -e task-clock,cycles sleep 0.05
	done
	same sw_default -a sleep 0.05
	same cpu_list -C 0 -e $E sleep 0.05
	same cpu_bad -C 999 -e task-clock sleep 0.05
	same tool_cpu0 -a -A -e duration_time,task-clock sleep 0.05
	same cgroup_root -a -e $E -G / sleep 0.05
	same cgroup_csv -a -x, -e $E -G /,, sleep 0.05
	same cgroup_missing -a -e task-clock -G no_such_cgroup_here sleep 0.05
else
	echo "system-wide counting refused: aggregation modes not compared"
fi

# ---- existing tasks ----
# Long enough for slow starts under load; killed after the last use.
"$PERF" test -w thloop 60 &
wl=$!
trap 'kill $wl 2>/dev/null; rm -rf "$TMPD"' EXIT
sleep 0.2
same pid -e $E -p $wl sleep 0.1
NOLEN=1 same per_thread --per-thread -e $E -p $wl sleep 0.1
NOLEN=1 same per_thread_csv --per-thread -x, -e $E -p $wl sleep 0.1
same tid -e task-clock -t $wl sleep 0.1
kill $wl 2>/dev/null
same no_pid -e task-clock -p 999999 true
same no_tid -e task-clock -t 999999 true

# ---- output destinations ----
for side in ref our; do
	bin=$REF
	[ $side = our ] && bin=$PERF
	"$bin" stat -o "$TMPD/$side.o" -e task-clock true
	"$bin" stat -o "$TMPD/$side.o" --append -e task-clock true
	"$bin" stat --log-fd 5 -e task-clock true 5> "$TMPD/$side.fd"
	"$bin" stat -j -o "$TMPD/$side.j" -e task-clock true
done
for f in o fd j; do
	# JSON has no fixed widths: its line lengths follow the numbers.
	nolen=0
	[ "$f" = j ] && nolen=1
	NOLEN=$nolen mask < "$TMPD/ref.$f" > "$TMPD/ref.$f.m"
	NOLEN=$nolen mask < "$TMPD/our.$f" > "$TMPD/our.$f.m"
	same_file "output file ($f) differs" "$TMPD/ref.$f.m" "$TMPD/our.$f.m"
done
same out_and_fd --log-fd 5 -o "$TMPD/x" -e task-clock true
same out_bad -o /nonexistent/dir/file -e task-clock true

# ---- bad input and refused combinations ----
same r_neg -r -1 true
same timeout_small --timeout 5 -e task-clock true
same timeout_interval --timeout 50 -I 100 -e task-clock true
same count_alone --interval-count 2 -e task-clock true
same per_thread_alone --per-thread -e task-clock true
same noaggr_alone -A -e task-clock true
same percore_alone --per-core -e task-clock true
same metric_only_r --metric-only -r 2 -e task-clock true
same csv_bignum -x, -B -e task-clock true
same table_alone --table -e task-clock true
same logfd_neg --log-fd -1 -e task-clock true
same topdown --topdown true
same topdown_a -a --topdown true
same transaction_smi --smi-cost true
same unknown_switch -q true
same record_help record -h
same report_help report -h
# the records and reports themselves: tests/compat/stat-record.sh

# ---- deterministic counts ----
both execs stat -x, -e sched:sched_process_exec -- sh -c '/bin/true; /bin/true'
check_eq "exec count" "$(cut -d, -f1 "$TMPD/our-execs.err")" "$(cut -d, -f1 "$TMPD/ref-execs.err")"
both faults stat -x, -e page-faults -- /bin/true
r=$(cut -d, -f1 "$TMPD/ref-faults.err")
o=$(cut -d, -f1 "$TMPD/our-faults.err")
check "page faults of /bin/true: ours $o, reference $r" \
	awk -v r="$r" -v o="$o" 'BEGIN { d = o - r; if (d < 0) d = -d; exit !(d <= 3 + r / 10) }'

# ---- documented differences ----
both metric stat -M no_such_metric -e task-clock true
same_rc metric
check_eq "-M: our one-line note" "$(head -n 1 "$TMPD/our-metric.err")" \
	"metric 'no_such_metric' ignored: this perf has no metric tables for this CPU"
tail -n +2 "$TMPD/our-metric.err" | mask > "$TMPD/our-metric.m"
mask < "$TMPD/ref-metric.err" > "$TMPD/ref-metric.m"
same_file "-M: the rest as the reference" "$TMPD/ref-metric.m" "$TMPD/our-metric.m"

both bad_event stat -e no_such_event true
same_rc bad_event
same_line bad_event err 1
same cgroup_first -a -G / sleep 0.01

finish
