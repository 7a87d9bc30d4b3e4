#!/bin/bash
# perf record files read by the reference perf without warnings
#
# Our perf record writes; the reference's report, script and
# --header-only read. Each mode must load without a warning, show the
# sample count our summary printed, and (for the workload) the hot
# function on top.
. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

# Records of the reference's own side-band thread are not wanted here.
export PERF_PAGER=cat

# samples N from "[ perf record: Captured and wrote X MB FILE (N samples) ]"
samples_of() { sed -n 's/.*(\([0-9]*\) samples) ]$/\1/p' "$TMPD/$1.err"; }

# The reference must read FILE quietly; stderr may only hold its usual notes
# (and the note on chunks the kernel dropped when a loaded machine kept the
# recording from draining its buffers in time: a fact of that run, not of
# the file's format).
ref_reads_quietly()
{
	local desc=$1 file=$2 what
	shift 2
	for what in "report --stdio" "script" "report --header-only"; do
		# shellcheck disable=SC2086
		"$REF" $what -i "$file" "$@" > "$TMPD/read.out" 2> "$TMPD/read.err"
		local rc=$?
		check_eq "$desc: reference '$what' exit code" "$rc" 0
		if grep -v -E '^$|^#|Tip:|^Warning:$|^Processed [0-9]+ events|^Check IO/CPU overload!$' \
			"$TMPD/read.err" | grep -q .; then
			fail "$desc: reference '$what' warns"
			sed 's/^/   | /' "$TMPD/read.err" | head -5
		fi
	done
}

# Samples the reference counts in FILE (sum of "# Samples:" lines of -n).
ref_sample_count()
{
	"$REF" report --stdio -i "$1" --stats 2>/dev/null |
		awk '/^ *SAMPLE events:/ { print $3; exit }'
}

WORK="$PERF test -w noploop 1"

# ---- file mode, a workload ----
run rec1 "$PERF" record -F 1000 -o "$TMPD/w.data" -- $WORK
check_eq "workload: exit code" "$(rc_of rec1)" 0
check "workload: summary line" grep -q '^\[ perf record: Captured and wrote .* (.* samples) \]$' "$TMPD/rec1.err"
check "workload: woken line" grep -q '^\[ perf record: Woken up [0-9]* times to write data \]$' "$TMPD/rec1.err"
ref_reads_quietly workload "$TMPD/w.data"
check_eq "workload: sample count as reported" "$(ref_sample_count "$TMPD/w.data")" "$(samples_of rec1)"
top=$("$REF" report --stdio -i "$TMPD/w.data" --sort sym 2>/dev/null | grep -m1 '%')
check "workload: noploop on top ($top)" grep -q 'noploop' <<< "$top"
"$REF" evlist -v -i "$TMPD/w.data" > "$TMPD/evlist.out" 2>&1
check "workload: cpu-clock fallback named as the reference" grep -q '^cpu-clock:ppp: type: 1' "$TMPD/evlist.out"
check "workload: tracking bits on the event" grep -q 'mmap: 1, comm: 1' "$TMPD/evlist.out"
check "workload: enable_on_exec" grep -q 'enable_on_exec: 1' "$TMPD/evlist.out"
"$REF" report --header-only -I -i "$TMPD/w.data" > "$TMPD/hdr.out" 2>&1
for f in hostname "os release" "perf version" arch "nrcpus online" cpudesc "total memory" \
	 cmdline "sibling threads" "pmu mappings" "time of first sample" "memory nodes"; do
	check "workload: header has '$f'" grep -q "^# $f" "$TMPD/hdr.out"
done
check "workload: cmdline is ours" grep -q "^# cmdline : .*perf record -F 1000 -o $TMPD/w.data" "$TMPD/hdr.out"

"$REF" buildid-list -i "$TMPD/w.data" > "$TMPD/bid.out" 2>&1
check "workload: build-id of the kernel" grep -q ' \[kernel.kallsyms\]$' "$TMPD/bid.out"
check "workload: build-id of the perf binary that ran" grep -q " $(readlink -f "$PERF")\$" "$TMPD/bid.out"
run nob "$PERF" record -q -B -o "$TMPD/nob.data" -- true
"$REF" buildid-list -i "$TMPD/nob.data" > "$TMPD/nob.out" 2>&1
if grep -q "^[0-9a-f]\{40\} " "$TMPD/nob.out"; then fail "-B: no build-ids"; fi

# ---- call graphs ----
run rec2 "$PERF" record -g -F 1000 -o "$TMPD/g.data" -- "$PERF" test -w leafloop 1
check_eq "-g: exit code" "$(rc_of rec2)" 0
ref_reads_quietly "-g" "$TMPD/g.data"
# A callchain whose first frames are leaf then parent, in the reference's script output.
"$REF" script -F ip,sym -i "$TMPD/g.data" 2>/dev/null > "$TMPD/g.out"
n=$(awk '$2 == "leaf" { l = NR } $2 == "parent" && l == NR - 1 { n++ } END { print n + 0 }' "$TMPD/g.out")
check "-g: leaf called from parent ($n callchains)" test "$n" -gt 0

# ---- compressed ----
run recz "$PERF" record -z -F 1000 -o "$TMPD/z.data" -- $WORK
check_eq "-z: exit code" "$(rc_of recz)" 0
ref_reads_quietly "-z" "$TMPD/z.data"
top=$("$REF" report --stdio -i "$TMPD/z.data" --sort sym 2>/dev/null | grep -m1 '%')
check "-z: noploop on top ($top)" grep -q 'noploop' <<< "$top"
"$REF" report --header-only -I -i "$TMPD/z.data" > "$TMPD/zh.out" 2>&1
check "-z: compressed feature" grep -q '^# compressed : Zstd, level = 1, ratio = ' "$TMPD/zh.out"

# ---- pipe mode ----
"$PERF" record -F 1000 -o - -- $WORK 2> "$TMPD/pipe.err" > "$TMPD/pipe.data"
check_eq "pipe: exit code" "$?" 0
"$REF" report --stdio -i - < "$TMPD/pipe.data" > "$TMPD/pipe.out" 2> "$TMPD/pipe.rerr"
check_eq "pipe: reference reads it" "$?" 0
check "pipe: noploop on top" grep -m1 -q 'noploop' "$TMPD/pipe.out"

# ---- system wide with a tracepoint ----
if [ -r /sys/kernel/tracing/events/sched/sched_switch/format ]; then
	run rec3 "$PERF" record -e sched:sched_switch -a -o "$TMPD/tp.data" -- sleep 0.2
	check_eq "tracepoint -a: exit code" "$(rc_of rec3)" 0
	ref_reads_quietly "tracepoint -a" "$TMPD/tp.data"
	"$REF" script -i "$TMPD/tp.data" > "$TMPD/tp.out" 2>&1
	check "tracepoint: payload decoded" grep -q 'prev_comm=.* ==> next_comm=' "$TMPD/tp.out"
	"$REF" evlist -i "$TMPD/tp.data" > "$TMPD/tp.evlist" 2>&1
	check "-a: dummy:HG tracking event" grep -qx 'dummy:HG' "$TMPD/tp.evlist"
	# Pipe mode carries the tracing data as a record.
	"$PERF" record -e sched:sched_switch -a -o - -- sleep 0.2 2>/dev/null |
		"$REF" script -i - > "$TMPD/tpp.out" 2>&1
	check "tracepoint pipe: payload decoded" grep -q 'prev_comm=.* ==> next_comm=' "$TMPD/tpp.out"
else
	echo "note: no readable sched:sched_switch, tracepoint cases not run"
fi

# ---- an existing process ----
"$PERF" test -w noploop 3 &
victim=$!
sleep 0.2
run rec4 "$PERF" record -F 1000 -p "$victim" -o "$TMPD/p.data" -- sleep 0.5
kill "$victim" 2>/dev/null
wait "$victim" 2>/dev/null
check_eq "-p: exit code" "$(rc_of rec4)" 0
ref_reads_quietly "-p" "$TMPD/p.data"
top=$("$REF" report --stdio -i "$TMPD/p.data" --sort sym 2>/dev/null | grep -m1 '%')
check "-p: symbols resolved through synthesized mmaps ($top)" grep -q 'noploop' <<< "$top"

# ---- exit codes like the reference ----
both rc3 record -q -o "$TMPD/rc.data" -- sh -c 'exit 3'
same_rc rc3
both nocmd record -o "$TMPD/rc.data" -- /nonexistent/command
same_rc nocmd
check "missing command: the reference's message" \
	grep -q "^Failed to collect '.*' for the '/nonexistent/command' workload: No such file or directory" \
	"$TMPD/our-nocmd.err"
both badev record -e nosuchevent -o "$TMPD/rc.data" -- true
same_rc badev
same_line badev err 1

finish
