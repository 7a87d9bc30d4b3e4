#!/bin/bash
# perf record options: the attrs, messages and exit codes of the reference
#
# Each option is given to both perfs recording `true`; the reference's
# `perf evlist -v` must show the same attr for the first event of both
# files (bpf_event aside: we record no BPF events). Then the messages
# and exit codes of --strict-freq, -m rounding, -u, --exclude-perf,
# --switch-output, and the lost-event warnings under a load the rings
# cannot keep up with.
. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

if ! "$PERF" record -q -o "$TMPD/probe.data" -- true 2>/dev/null; then
	skip "perf record cannot open events here"
fi

first_attr() { "$REF" evlist -v -i "$1" 2>/dev/null | head -1 | sed 's/, bpf_event: 1//'; }

compare_attr()
{
	local opts="$*" r o
	rm -f "$TMPD/ref.data" "$TMPD/our.data"
	# shellcheck disable=SC2086
	"$REF" record -q --no-bpf-event $opts -o "$TMPD/ref.data" -- true > /dev/null 2>&1
	# shellcheck disable=SC2086
	"$PERF" record -q $opts -o "$TMPD/our.data" -- true > /dev/null 2>&1
	r=$(first_attr "$TMPD/ref.data")
	o=$(first_attr "$TMPD/our.data")
	if [ "$r" != "$o" ]; then
		fail "attr of 'perf record $opts' differs"
		echo "   ref: $r"
		echo "   our: $o"
	fi
}

while read -r opts; do
	# shellcheck disable=SC2086
	compare_attr $opts
done <<'EOF'
-F 999
-c 100000
-T
-d
-P
-W
-R
-i
-s
-n
--phys-data
--sample-cpu
--sample-identifier
--running-time
--data-page-size
--code-page-size
--no-buffering
--switch-events
--namespaces
-g
-g --kernel-callchains
-g --user-callchains
--kernel-callchains
--call-graph=dwarf,4096
--call-graph dwarf
--call-graph dwarf,512
--call-graph dwarf,100
--call-graph dwarf,1024,x
--call-graph fp,dwarf
--call-graph=dwarf --user-regs=ax,bx
--user-regs=ax,bx --call-graph dwarf
-e task-clock --call-graph dwarf
-k mono
--user-regs=ax,bx
-I
-e task-clock --running-time
-e task-clock -c 50000 -P
EOF

# -g follows record.call-graph and call-graph.record-mode/dump-size; an
# explicit --call-graph dwarf keeps the default size, and -g does not
# add the data addresses that --call-graph dwarf does.
while IFS='|' read -r cfg opts; do
	# shellcheck disable=SC2059
	printf "$cfg" > "$TMPD/cg.config"
	rm -f "$TMPD/ref.data" "$TMPD/our.data"
	# shellcheck disable=SC2086
	PERF_CONFIG="$TMPD/cg.config" "$REF" record -q --no-bpf-event $opts -o "$TMPD/ref.data" -- true \
		> /dev/null 2> "$TMPD/cg-ref.err"
	r_rc=$?
	# shellcheck disable=SC2086
	PERF_CONFIG="$TMPD/cg.config" "$PERF" record -q $opts -o "$TMPD/our.data" -- true \
		> /dev/null 2> "$TMPD/cg-our.err"
	o_rc=$?
	r=$(first_attr "$TMPD/ref.data")
	o=$(first_attr "$TMPD/our.data")
	check_eq "config '$cfg' + '$opts': exit code" "$o_rc" "$r_rc"
	check_eq "config '$cfg' + '$opts': messages" "$(cat "$TMPD/cg-our.err")" "$(cat "$TMPD/cg-ref.err")"
	if [ "$r" != "$o" ]; then
		fail "attr of 'perf record $opts' with config '$cfg' differs"
		echo "   ref: $r"
		echo "   our: $o"
	fi
done <<'EOF'
[record]\ncall-graph = dwarf\n|-g
[record]\ncall-graph = dwarf,4096\n|-g
[call-graph]\nrecord-mode = dwarf\ndump-size = 1024\n|-g
[call-graph]\ndump-size = 1024\n|--call-graph dwarf
[record]\ncall-graph = dwarf\n|-e task-clock
[record]\ncall-graph = dwarf\n|-g --call-graph fp
[record]\ncall-graph = bogus\n|-g
[call-graph]\ndump-size = 99999\n|-g
EOF

# Event modifiers: every attr of the file, and the names, including the
# cycles -> cpu-clock fallback, which rebuilds the modifiers from the attr
# (cpu-clock:uhppp for --all-user) and the guest bit that only an event
# without modifiers, or one with u or p, excludes.
while read -r opts; do
	rm -f "$TMPD/ref.data" "$TMPD/our.data"
	# shellcheck disable=SC2086
	"$REF" record -q --no-bpf-event $opts -o "$TMPD/ref.data" -- true > /dev/null 2>&1
	# shellcheck disable=SC2086
	"$PERF" record -q $opts -o "$TMPD/our.data" -- true > /dev/null 2>&1
	r=$("$REF" evlist -v -i "$TMPD/ref.data" 2>/dev/null)
	o=$("$REF" evlist -v -i "$TMPD/our.data" 2>/dev/null)
	if [ -z "$r" ] || [ "$r" != "$o" ]; then
		fail "attrs of 'perf record $opts' differ"
		echo "   ref: $r"
		echo "   our: $o"
	fi
done <<'EOF'
--all-user
--all-kernel
-e cycles:u
-e cycles:k
-e cycles:h
-e cycles:kh
-e cycles:uk
-e cycles:pp
-e cycles:upp
-e cycles:P
-e cycles:G
-e cycles:H
-e cycles:uG
-e cpu-clock:k
-e cpu-clock:I
-e cpu-clock:S
-e cpu-clock:P
-e cpu-clock:uP
-e cpu-clock:kG
-e {cpu-clock,task-clock:u}:k
-e {cpu-clock,task-clock}:S
-e {cpu-clock:S,task-clock:I}:k
EOF

# ---- messages and exit codes ----
both strict record --strict-freq -F 1000000 -o "$TMPD/x.data" -- true
same_rc strict
same_line strict err 1 2 3
both throttle record -F 1000000 -o "$TMPD/x.data" -- true
same_line throttle err 1 2 3 4
both fzero record -F abc -o "$TMPD/x.data" -- true
same_rc fzero
same_line fzero err 1
both mround record -m 3 -o "$TMPD/x.data" -- true
same_line mround err 1
both mround2 record -m 100K,3 -o "$TMPD/x.data" -- true
same_line mround2 err 1 2
both mbad record -m 100k -o "$TMPD/x.data" -- true
same_rc mbad
same_line mbad err 1
both clk record -k nosuchclock -o "$TMPD/x.data" -- true
same_rc clk
same_line clk err 1 2
both uname record -u nosuchuser -o "$TMPD/x.data" -- true
same_line uname err 1 2
both unum record -u 99999 -o "$TMPD/x.data" -- true
same_line unum err 1 2
both excl record -e cpu-clock --exclude-perf -o "$TMPD/x.data" -- true
same_rc excl
same_line excl err 1
both swbad record --switch-output=10k -o "$TMPD/x.data" -- true
same_rc swbad
same_line swbad err 2 5
both delay0 record -D 0 -o "$TMPD/x.data" -- true
same_rc delay0
both nyi record --kcore -o "$TMPD/x.data" -- true
check "an option we lack says so" grep -q 'not supported by this perf yet' "$TMPD/our-nyi.err"
check_eq "an option we lack exits 1" "$(rc_of our-nyi)" 1

# ---- --exclude-perf: perf's own writes are not recorded ----
if [ -r /sys/kernel/tracing/events/syscalls/sys_enter_write/format ]; then
	"$PERF" record -a -e syscalls:sys_enter_write --exclude-perf -o "$TMPD/ex.data" -- sleep 0.3 2>/dev/null &
	pid=$!
	wait "$pid"
	n=$("$REF" script -i "$TMPD/ex.data" -F pid 2>/dev/null | awk -v p="$pid" '$1 == p' | wc -l)
	check_eq "--exclude-perf: no write of perf itself" "$n" 0
	"$PERF" record -a -e syscalls:sys_enter_write -o "$TMPD/ex.data" -- sleep 0.3 2>/dev/null &
	pid=$!
	wait "$pid"
	n=$("$REF" script -i "$TMPD/ex.data" -F pid 2>/dev/null | awk -v p="$pid" '$1 == p' | wc -l)
	check "without --exclude-perf: perf's writes are seen ($n)" test "$n" -gt 0

	# ---- lost events: the rings (one page) cannot keep up ----
	WORK="dd if=/dev/zero of=/dev/null bs=1 count=300000"
	both lost record -e syscalls:sys_enter_read -m 1 -o "$TMPD/lost.data" -- $WORK
	for side in ref our; do
		check "$side: lost chunks reported" \
			grep -q '^Processed [0-9]* events and lost [0-9]* chunks!$' "$TMPD/$side-lost.err"
	done
	"$REF" report --stats -i "$TMPD/lost.data" > "$TMPD/lost.stats" 2>/dev/null
	check "our file has LOST records" grep -q 'LOST events:' "$TMPD/lost.stats"
	check "our file has LOST_SAMPLES records" grep -q 'LOST_SAMPLES events:' "$TMPD/lost.stats"
	# -B: no build-id pass, which is where the reference reports; we still do.
	run lostb "$PERF" record -B -e syscalls:sys_enter_read -m 1 -o "$TMPD/lost.data" -- $WORK
	check "-B: lost chunks still reported" grep -q '^Processed [0-9]* events and lost [0-9]* chunks!$' "$TMPD/lostb.err"
else
	echo "note: no syscalls tracepoints here, --exclude-perf and lost-event cases not run"
fi

finish
