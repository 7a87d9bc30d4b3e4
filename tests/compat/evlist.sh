#!/bin/bash
# perf evlist side by side with the reference perf
# SPDX-License-Identifier: GPL-2.0
#
# Every option combination on the fixtures of tests/data and on files the
# reference records now (when it may): the same lines, the same exit
# status, the same usage error for -g with -v or -F. No differences are
# expected.

. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

D=$(cd "$(dirname "$0")/../data" 2>/dev/null && pwd)
[ -r "$D/cpu-clock.data" ] || skip "no fixtures in tests/data"

check_file()	# check_file FILE NAME
{
	local f=$1 n=$2 i=0 opts s
	for opts in "" "-v" "-g" "-F" "--trace-fields" "-v --trace-fields" \
		    "-F --trace-fields" "-g --trace-fields" "-g -F" "-f"; do
		i=$((i + 1))
		# shellcheck disable=SC2086
		both "$n-$i" evlist -i "$f" $opts
		same_rc "$n-$i"
		for s in out err; do
			same_file "$n: evlist $opts: std$s" "$TMPD/ref-$n-$i.$s" "$TMPD/our-$n-$i.$s"
		done
	done
}

for f in cpu-clock cpu-clock-g sched-switch group-clock cpu-clock.pipe cpu-clock-z \
	 cpu-clock-be killed threads; do
	check_file "$D/$f.data" "$f"
done

both missing evlist -i "$TMPD/nonexistent.data"
same_rc missing
same_file "missing file: message" "$TMPD/ref-missing.err" "$TMPD/our-missing.err"

run ref-stdin sh -c "cat '$D/cpu-clock.pipe.data' | \"\$0\" evlist -v" "$REF"
run our-stdin sh -c "cat '$D/cpu-clock.pipe.data' | \"\$0\" evlist -v" "$PERF"
same_file "pipe on stdin" "$TMPD/ref-stdin.out" "$TMPD/our-stdin.out"

W='for i in $(seq 5000); do :; done'
if "$REF" record --no-bpf-event -o "$TMPD/grp.data" -e '{cpu-clock,task-clock}:u' \
	-e page-faults -- sh -c "$W" > /dev/null 2>&1; then
	check_file "$TMPD/grp.data" fresh-grp
	"$REF" record --no-bpf-event -o "$TMPD/tp.data" -e sched:sched_switch \
		-e 'sched:sched_wakeup' -a -- sleep 0.05 > /dev/null 2>&1 &&
		check_file "$TMPD/tp.data" fresh-tp
	"$REF" record --no-bpf-event -o - -e 'cpu-clock:k' -c 10000 -- sh -c "$W" \
		> "$TMPD/pipe.data" 2>/dev/null && check_file "$TMPD/pipe.data" fresh-pipe
else
	echo "note: the reference cannot record here; fixtures only"
fi

finish
