#!/bin/bash
# perf record --switch-output, --overwrite, -D, --control: files the reference reads
#
# Every file these modes write must load in the reference's report,
# script and --header-only without a warning, with the sample count our
# reader finds, and the workload's hot function on top.
. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

if ! "$PERF" record -q -o "$TMPD/probe.data" -- true 2>/dev/null; then
	skip "perf record cannot open events here"
fi

ref_reads_quietly()
{
	local desc=$1 file=$2 what
	for what in "report --stdio" "script" "report --header-only"; do
		# shellcheck disable=SC2086
		"$REF" $what -i "$file" > "$TMPD/read.out" 2> "$TMPD/read.err"
		check_eq "$desc: reference '$what' exit code" "$?" 0
		if grep -v -E '^$|^#|Tip:|^Warning:$' "$TMPD/read.err" | grep -q .; then
			fail "$desc: reference '$what' warns"
			sed 's/^/   | /' "$TMPD/read.err" | head -5
		fi
	done
	local r o
	r=$("$REF" report --stats -i "$file" 2>/dev/null | awk '/^ *SAMPLE events:/ { print $3; exit }')
	o=$("$PERF" report --stats -i "$file" 2>/dev/null | awk '/^ *SAMPLE events:/ { print $3; exit }')
	check_eq "$desc: same sample count for both readers" "$o" "$r"
}

top_sym() { "$REF" report --stdio --sort sym -i "$1" 2>/dev/null | grep -m1 '%'; }

# ---- --switch-output by signal ----
mkdir "$TMPD/sw" && cd "$TMPD/sw" || exit 1
run sw "$PERF" record --switch-output -F 1000 -- sh -c \
	"$PERF test -w noploop 2 & sleep 0.7; kill -USR2 \$PPID; wait"
check_eq "switch-output: exit code" "$(rc_of sw)" 0
n=0
for f in perf.data.*; do
	n=$((n + 1))
	ref_reads_quietly "switch-output file $n" "$f"
	top=$(top_sym "$f")
	check "switch-output file $n: noploop on top ($top)" grep -q noploop <<< "$top"
done
check_eq "switch-output: two files" "$n" 2
cd "$TMPD" || exit 1

# ---- --overwrite: the reference loses the workload's mmaps, we do not ----
run ow "$PERF" record --overwrite -m 8 -F 1000 -o "$TMPD/ow.data" -- "$PERF" test -w noploop 1
ref_reads_quietly "overwrite" "$TMPD/ow.data"
top=$(top_sym "$TMPD/ow.data")
check "overwrite: noploop on top ($top)" grep -q noploop <<< "$top"
run refow "$REF" record --overwrite -m 8 -F 1000 -o "$TMPD/refow.data" -- "$PERF" test -w noploop 1
top=$(top_sym "$TMPD/refow.data")
echo "note: the reference's own --overwrite file shows: $top"

# ---- -D and --control ----
run dl "$PERF" record -D 300 -F 1000 -o "$TMPD/d.data" -- "$PERF" test -w noploop 1
ref_reads_quietly "-D 300" "$TMPD/d.data"
top=$(top_sym "$TMPD/d.data")
check "-D 300: noploop on top ($top)" grep -q noploop <<< "$top"
"$REF" evlist -i "$TMPD/d.data" > "$TMPD/d.evlist" 2>&1
check "-D: a dummy:HG carries the side-band, as the reference" grep -qx 'dummy:HG' "$TMPD/d.evlist"
mkfifo "$TMPD/ctl"
"$PERF" record -D -1 --control="fifo:$TMPD/ctl" -F 1000 -o "$TMPD/c.data" -- "$PERF" test -w noploop 1 2>/dev/null &
rec=$!
exec 7<>"$TMPD/ctl"
sleep 0.3
echo enable >&7
wait "$rec"
exec 7>&-
ref_reads_quietly "--control" "$TMPD/c.data"

# ---- the lines the reference prints for the same runs ----
mkdir "$TMPD/lines" && cd "$TMPD/lines" || exit 1
# 2.5 s: the switches fall well away from the end for both perfs.
both tm record --switch-output=1s -F 1000 -- sh -c "$PERF test -w noploop 2; sleep 0.5"
for side in ref our; do
	sed -e 's/[0-9]\{16\}/<ts>/' -e 's/[0-9.]* MB/X MB/' -e 's/ ([0-9]* samples)//' \
		-e 's/Woken up [0-9]* times/Woken up N times/' "$TMPD/$side-tm.err" > "$TMPD/$side-tm.norm"
done
same_file "switch-output=1s: the same lines as the reference" "$TMPD/ref-tm.norm" "$TMPD/our-tm.norm"

finish
