#!/bin/bash
# perf script: sample lines, -F, filters, side-band events and errors on recorded files
# SPDX-License-Identifier: GPL-2.0
#
# Runs our perf only, on the fixtures in tests/data (recorded by the
# reference perf 6.1; the expected lines are what it printed for them).
# Only fields that do not depend on this machine's binaries are checked
# here (no symbol names, which come from the running kernel and libraries);
# tests/compat/script.sh compares whole outputs with the reference.

. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

D=$(cd "$(dirname "$0")/../data" 2>/dev/null && pwd)
if [ -z "$D" ] || [ ! -r "$D/cpu-clock.data" ]; then
	skip "no fixtures in tests/data"
fi
if "$PERF" script -h 2>&1 | grep -q "not supported by this perf yet"; then
	skip "perf script is not built"
fi

# ---- sample lines ----
run s1 "$PERF" script -F comm,tid,time,period,event,ip -i "$D/cpu-clock.data"
check_eq "sample: exit status" "$(rc_of s1)" 0
check_eq "sample: line 1" "$(line_of s1 out 1)" \
	'              sh 15568  1948.792993:    1000000 cpu-clock:ppp:  ffffffff8225f759'
check_eq "sample: line 3" "$(line_of s1 out 3)" \
	'              sh 15569  1948.795006:    1000000 cpu-clock:ppp:      7efcfc47e06e'
check_eq "sample: one line per sample" "$(lines_of s1 out)" 17
check_only_on s1 out

# Tracepoints: the payload from the file's format, the CPU column.
run tp "$PERF" script -i "$D/sched-switch.data"
if "$PERF" version --build-options 2>/dev/null | grep -q 'libtraceevent: \[ OFF'; then
	echo "built without libtraceevent: payload checks skipped"
else
	check_eq "tracepoint: line 1" "$(line_of tp out 1)" \
		'            perf 15574 [000]  1949.357980: sched:sched_switch: prev_comm=perf prev_pid=15574 prev_prio=120 prev_state=D ==> next_comm=migration/0 next_pid=18 next_prio=0'
	run tpt "$PERF" script -F trace:time,trace -i "$D/sched-switch.data"
	check_eq "trace: fields" "$(line_of tpt out 1)" \
		' 1949.357980: prev_comm=perf prev_pid=15574 prev_prio=120 prev_state=D ==> next_comm=migration/0 next_pid=18 next_prio=0'
fi

# Callchains: bare comm, one frame per line (user frames dso-relative), a blank line.
run cg "$PERF" script -F comm,tid,time,ip -i "$D/cpu-clock-g.data"
check_eq "callchain: header" "$(line_of cg out 1)" 'sh 15572  1949.064684: '
check_eq "callchain: user frame" "$(line_of cg out 2)" "$(printf '\t           1469e')"
check_eq "callchain: ip 0" "$(line_of cg out 3)" "$(printf '\t               0')"
check_eq "callchain: blank line" "$(line_of cg out 4)" ''
check_eq "callchain: kernel frame" "$(line_of cg out 9)" "$(printf '\tffffffff8164c075')"
run cgG "$PERF" script -G -F comm,tid,ip -i "$D/cpu-clock-g.data"
check_eq "-G: one line" "$(line_of cgG out 1)" '              sh 15572      7f7e2cd4669e'
run ms "$PERF" script --max-stack 1 -F ip -i "$D/cpu-clock-g.data"
# Three lines a sample: the empty header, one frame, the blank line.
check_eq "--max-stack 1" "$(sed -n 7,9p "$TMPD/ms.out" | tr '\t' T)" "$(printf '\nTffffffff8164c075\n')"

# ---- time columns ----
run ns "$PERF" script --ns -F comm,pid,tid,cpu,time -i "$D/sched-switch.data"
check_eq "--ns, pid/tid, cpu" "$(line_of ns out 2)" '     migration/0    18/18    [000]  1949.358029620: '
run rel "$PERF" script --reltime -F time,event -i "$D/group-clock.data"
check_eq "--reltime, name width" "$(sed -n 1,2p "$TMPD/rel.out")" \
	"$(printf '    0.000000:  cpu-clock: \n    0.000003: task-clock: ')"
run dt "$PERF" script --deltatime -F time -i "$D/group-clock.data"
check_eq "--deltatime" "$(line_of dt out 3)" '    0.000987: '
run both "$PERF" script --reltime --deltatime -i "$D/group-clock.data"
check_eq "--reltime --deltatime refused" "$(rc_of both)" 255

# ---- filters ----
run cpu "$PERF" script -C 1 -i "$D/sched-switch.data"
check_eq "-C 1" "$(lines_of cpu out)" 8
run tm "$PERF" script --time 1949.45, -i "$D/sched-switch.data"
check_eq "--time start," "$(lines_of tm out)" 6
run pid "$PERF" script --pid 15576 -F tid -i "$D/sched-switch.data"
check_eq "--pid" "$(lines_of pid out)" 3
run comm "$PERF" script --comms seq -F comm -i "$D/cpu-clock.data"
check_eq "--comms" "$(sort -u "$TMPD/comm.out" | tr -d ' ')" 'seq'
run nocpu "$PERF" script -C 0 -i "$D/cpu-clock.data"
check_eq "-C without CPU samples" "$(rc_of nocpu)" 255
check_eq "-C message" "$(line_of nocpu err 1)" 'File does not contain CPU events. Remove -C option to proceed.'
run badtime "$PERF" script --time x -i "$D/cpu-clock.data"
check_eq "--time x: exit" "$(rc_of badtime)" 234
check_eq "--time x: message" "$(line_of badtime err 1)" 'Invalid time string'

# ---- side-band records ----
run task "$PERF" script --show-task-events -F comm,tid,time -i "$D/cpu-clock.data"
check_eq "task events" "$(grep PERF_RECORD "$TMPD/task.out" | sed -n '1p;3p;6p')" \
"$(printf '%s\n' \
	'       perf-exec     0     0.000000: PERF_RECORD_COMM: perf-exec:15568/15568' \
	'              sh 15568  1948.794619: PERF_RECORD_FORK(15569:15569):(15568:15568)' \
	'              sh 15568  1948.813741: PERF_RECORD_EXIT(15568:15568):(15566:15566)')"
run mm "$PERF" script --show-mmap-events -F comm,tid -i "$D/cpu-clock.data"
check_eq "mmap events" "$(grep -m2 PERF_RECORD_MMAP "$TMPD/mm.out")" \
"$(printf '%s\n' \
	'         swapper     0 PERF_RECORD_MMAP -1/0: [0xffffffff81000000(0x1276988) @ 0xffffffff81000000]: x [kernel.kallsyms]_text' \
	'              sh 15568 PERF_RECORD_MMAP2 15568/15568: [0x558daaa0d000(0x13000) @ 0x4000 fe:00 247230 0]: r-xp /usr/bin/dash')"
run round "$PERF" script --show-round-events -F comm -i "$D/cpu-clock.data"
check "round events" grep -qx 'PERF_RECORD_FINISHED_ROUND' "$TMPD/round.out"

# ---- other inputs ----
run pipe "$PERF" script -F comm,tid,time -i "$D/cpu-clock.pipe.data"
check_eq "pipe file" "$(line_of pipe out 1)" '              sh 15582  1949.943609: '
run stdin sh -c "cat '$D/cpu-clock.pipe.data' | '$PERF' script -F comm,tid,time"
check_eq "pipe on stdin" "$(line_of stdin out 1)" '              sh 15582  1949.943609: '
run hdr "$PERF" script --header-only -i "$D/cpu-clock.data"
check "--header-only" grep -qx '# header version : 1' "$TMPD/hdr.out"
check_eq "--header-only: no samples" "$(grep -c '^  *sh ' "$TMPD/hdr.out")" 0

# ---- -F errors, with the reference's words and exit codes ----
run bad "$PERF" script -F comm,bogus -i "$D/cpu-clock.data"
check_eq "bad field: exit" "$(rc_of bad)" 129
check_eq "bad field: message" "$(line_of bad err 1)" 'Invalid field requested.'
run mix "$PERF" script -F comm,+tid -i "$D/cpu-clock.data"
check_eq "mixed edits" "$(line_of mix err 1)" 'Cannot mix +-field with overridden fields'
run missing "$PERF" script -F comm,cpu -i "$D/cpu-clock.data"
check_eq "field not recorded: exit" "$(rc_of missing)" 255
check_eq "field not recorded: message" "$(line_of missing err 1)" \
	"Samples for 'cpu-clock:ppp' event do not have CPU attribute set. Cannot print 'cpu' field."
run tr "$PERF" script -F sw:trace -i "$D/cpu-clock.data"
check_eq "typed invalid field" "$(line_of tr err 1)" "'trace' not valid for software events."
run wild "$PERF" script -F trace -i "$D/cpu-clock.data"
check_eq "wildcard invalid field" "$(line_of wild err 1)" "'trace' not valid for hardware events. Ignoring."
check_eq "wildcard: printed nothing, no error" "$(rc_of wild)/$(lines_of wild out)" 0/0

# ---- scripting errors, as the reference words them (tests/shell/script-python.sh runs scripts) ----
run scr "$PERF" script -i "$D/cpu-clock.data" -s "$TMPD/missing.py"
check_eq "-s missing: exit" "$(rc_of scr)" 255
if "$PERF" version --build-options 2>/dev/null | grep -q 'libpython: \[ OFF'; then
	check_eq "-s without libpython: message" "$(line_of scr err 1)" \
		"this perf binary was built without python support: -s needs libpython (python3-dev)"
else
	check_eq "-s missing: message" "$(line_of scr err 1)" \
		"Can't open python script \"$TMPD/missing.py\": No such file or directory"
fi
run scr "$PERF" script report foo
check_eq "report foo: exit" "$(rc_of scr)" 255
check_eq "report foo: message" "$(line_of scr err 1)" \
	"Please specify a valid report script(see 'perf script -l' for listing)"

finish
