#!/bin/bash
# perf stat record/report side by side with the reference perf
# SPDX-License-Identifier: GPL-2.0
#
# Both perfs record the same commands; then both reports run on the SAME
# file, ours and the reference's, and must print the same bytes (the
# counts are in the file, so nothing needs masking). The record streams
# themselves must hold the same records in the same order with the same
# fields, once ids and counts are masked.
#
# Documented differences (checked as such, not hidden):
#  - with -I, our report prints each interval's metrics as perf stat did
#    while recording (CPUs utilized and rates against the interval); the
#    reference's leaves CPUs utilized empty and divides rates by the mean
#    clock time of all intervals so far. Interval reports are compared
#    with the metric column masked, and ours against our recording.
#  - our files lack the BPF_PROG_INFO, BPF_BTF and PMU_CAPS features
#    (empty in the reference's stat files too): the feature list is not
#    compared.

. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate
export PERF_CONFIG_NOSYSTEM=1
cd "$TMPD" || exit 1

if ! "$REF" stat record -o probe.data -e task-clock true > /dev/null 2>&1; then
	skip "the reference perf cannot count here"
fi

# The -D records of a file, ids and numbers masked.
records() {
	"$REF" report -D -i "$1" 2>&1 | grep -E 'PERF_RECORD_|^\.\.\. ' | sed -E 's/[0-9]+/N/g'
}

# Interval lines without their metric (see above).
nometric() {
	sed -E 's/ +#.*$//; s/ +$//; s/,[^,]*,[^,]*$//; s/"metric-value".*$//' "$@"
}

# reports NAME FILE OPTS...: both reports of FILE with each OPTS set
# (a set is one word, split on spaces), compared.
reports() {
	local name=$1 file=$2 opts i=0
	shift 2
	for opts in "$@"; do
		i=$((i + 1))
		# shellcheck disable=SC2086
		both "$name-$i" stat $opts -i "$file"
		same_rc "$name-$i"
		if [ -n "$INTERVAL" ]; then
			nometric "$TMPD/ref-$name-$i.err" > "$TMPD/ref-$name-$i.m"
			nometric "$TMPD/our-$name-$i.err" > "$TMPD/our-$name-$i.m"
		else
			cp "$TMPD/ref-$name-$i.err" "$TMPD/ref-$name-$i.m"
			cp "$TMPD/our-$name-$i.err" "$TMPD/our-$name-$i.m"
		fi
		same_file "perf stat $opts -i $file: report differs from the reference's" \
			"$TMPD/ref-$name-$i.m" "$TMPD/our-$name-$i.m"
	done
}

# recorded NAME ARGS...: both record ARGS; both reports on both files;
# both files have the same records.
recorded() {
	local name=$1 side
	shift
	run "ref-rec-$name" "$REF" stat record -o "ref-$name.data" "$@"
	run "our-rec-$name" "$PERF" stat record -o "our-$name.data" "$@"
	same_rc "rec-$name"
	records "ref-$name.data" > "ref-$name.rec"
	records "our-$name.data" > "our-$name.rec"
	same_file "perf stat record $*: records differ from the reference's" \
		"ref-$name.rec" "our-$name.rec"
	for side in ref our; do
		reports "$name-$side" "$side-$name.data" "report" "report -A" \
			"report --per-core" "-x, report" "-j report"
	done
}

recorded default -- true
recorded events -e task-clock,page-faults,duration_time,cycles -- true
recorded user -e task-clock:u,faults,faults:k -- true
recorded group -e '{task-clock,page-faults}' -- true
recorded scaled --no-scale -e task-clock -- true
if "$REF" stat -a -e cpu-clock true > /dev/null 2>&1; then
	recorded sys -a -e cpu-clock,context-switches,duration_time -- sleep 0.05
	recorded noaggr -a -A -e cpu-clock,faults:u -- sleep 0.05
	recorded percore -a --per-core -e cpu-clock -- sleep 0.05
	recorded pernode -a --per-node -e cpu-clock -- sleep 0.05
	cpu=$(cut -d, -f1 < /sys/devices/system/cpu/online | cut -d- -f1)
	recorded cpu -C "$cpu" -e cpu-clock -- sleep 0.05
else
	echo "system-wide counting not allowed here: -a modes not compared"
fi
INTERVAL=1 recorded interval -I 100 -e task-clock,page-faults -- sleep 0.25

# Our interval report is what we printed while recording.
grep -v '^$' "$TMPD/our-rec-interval.err" > rec-int.txt
grep -v '^$' "$TMPD/our-interval-our-1.err" > rep-int.txt
same_file "perf stat report -I: not the lines printed while recording" rec-int.txt rep-int.txt

# ---- pipe mode ----
"$REF" stat record -o - -e task-clock,page-faults -- true > ref-pipe.data 2> /dev/null
"$PERF" stat record -o - -e task-clock,page-faults -- true > our-pipe.data 2> /dev/null
"$REF" report -D -i - < ref-pipe.data 2>&1 | grep -E 'PERF_RECORD_|^\.\.\. ' |
	sed -E 's/[0-9]+/N/g' > ref-pipe.rec
"$REF" report -D -i - < our-pipe.data 2>&1 | grep -E 'PERF_RECORD_|^\.\.\. ' |
	sed -E 's/[0-9]+/N/g' > our-pipe.rec
same_file "pipe: records differ from the reference's" ref-pipe.rec our-pipe.rec
for f in ref-pipe.data our-pipe.data; do
	"$REF" stat report -i - < "$f" > "ref-$f.txt" 2>&1
	"$PERF" stat report -i - < "$f" > "our-$f.txt" 2>&1
	same_file "pipe: reports of $f differ" "ref-$f.txt" "our-$f.txt"
done

# ---- the header ----
run ref-hdr "$REF" report --header-only -i our-default.data
check "header: the reference sees stat data" grep -q '^# contains stat data$' "$TMPD/ref-hdr.out"
check "header: and the command line" grep -q "^# cmdline : .*perf stat record -o our-default.data -- true $" "$TMPD/ref-hdr.out"

# ---- bad input and help ----
both r stat record -r 2 -o r.data -- true
same_rc r
same_line r err 1
both nofile stat report -i missing.data
same_rc nofile
same_line nofile err 1
both badout stat record -o /nonexistent/dir/x.data -- true
same_rc badout
same_line badout err 1 2
both nocmd stat record -o nocmd.data -- /nonexistent/command
same_rc nocmd
both rhelp stat record -h
same_rc rhelp
same_file "perf stat record -h" "$TMPD/ref-rhelp.err" "$TMPD/our-rhelp.err"
both phelp stat report -h
same_rc phelp
same_file "perf stat report -h" "$TMPD/ref-phelp.err" "$TMPD/our-phelp.err"
both pbad stat report -x,
same_rc pbad
same_file "perf stat report -x," "$TMPD/ref-pbad.err" "$TMPD/our-pbad.err"

finish
