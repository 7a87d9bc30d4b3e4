#!/bin/bash
# perf report: user stacks of --call-graph dwarf unwound into the call graph
#
# Records perf's own leafloop workload (main -> ... -> leafloop -> parent
# -> leaf, with the time spent in leaf) with --call-graph dwarf: the
# samples carry no user callchain, only registers and a stack copy, so
# the chain below leaf is there only if report unwinds it. Checked with
# both unwinding backends that were built in, in the graph (--no-children,
# folded) and in the cumulated entries (--children).
. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

if ! "$PERF" record -q -e cpu-clock -F 2000 --call-graph dwarf -o "$TMPD/ll.data" -- \
	"$PERF" test -w leafloop 1 > "$TMPD/rec.out" 2>&1; then
	cat "$TMPD/rec.out"
	skip "perf record --call-graph dwarf cannot run here"
fi

opts=$("$PERF" version --build-options 2>/dev/null)
backends=
grep -q 'libdw-dwarf-unwind: \[ on' <<< "$opts" && backends="libdw"
grep -q ' libunwind: \[ on' <<< "$opts" && backends="$backends libunwind"
[ -n "$backends" ] || skip "not supported: built without libdw and libunwind"

for b in $backends; do
	printf '[unwind]\n\tbackend = %s\n' "$b" > "$TMPD/$b.config"
	PERF_CONFIG=$TMPD/$b.config run "folded-$b" "$PERF" report --stdio -i "$TMPD/ll.data" \
		--no-children -g folded
	check "$b: report exits 0" test "$(rc_of "folded-$b")" = 0
	check "$b: leaf's unwound callers in the graph" \
		grep -qE '^[0-9.]+% leaf;parent;leafloop;' "$TMPD/folded-$b.out"
	PERF_CONFIG=$TMPD/$b.config run "children-$b" "$PERF" report --stdio -i "$TMPD/ll.data" \
		--children -g none --sort sym
	# parent's own time is small; its Children column holds leaf's too.
	check "$b: the callers get leaf's samples as Children" \
		awk '/\] parent$/ { c = $1; s = $2; sub(/%/, "", c); sub(/%/, "", s);
			found = c > 40 && c > s + 20 } END { exit !found }' "$TMPD/children-$b.out"
done

finish
