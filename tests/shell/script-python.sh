#!/bin/bash
# perf script python: -s handlers and perf_trace_context, -g python, -l, record/report and the bundled scripts
# SPDX-License-Identifier: GPL-2.0
#
# Runs our perf only. The numbers the bundled scripts print are checked
# against what plain `perf script` shows for the same file (sample counts
# per event), so the scripts are tested, not just run.

. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

D=$(cd "$(dirname "$0")/../data" 2>/dev/null && pwd)
if "$PERF" version --build-options 2>/dev/null | grep -q 'libpython: \[ OFF'; then
	skip "perf built without libpython: python scripting not supported"
fi
command -v python3 > /dev/null || skip "no python3"

cd "$TMPD" || exit 1

# ---- libpython is loaded by the commands that run python, only ----
# (it costs more start-up than the rest of perf: the engine is a shared
# object embedded in perf and loaded on first use)
libs_of() {
	LD_DEBUG=files "$@" 2>&1 > /dev/null | grep -c 'file=libpython3'
}
check_eq "perf version does not load libpython" "$(libs_of "$PERF" version)" 0
check_eq "perf report does not load libpython" \
	"$(libs_of "$PERF" report --stdio -i "$D/sched-switch.data")" 0
echo 'pass' > empty.py
check "perf script -s loads libpython" test "$(libs_of "$PERF" script -s empty.py -i "$D/sched-switch.data")" -ge 1

# ---- recordings: tracepoints (syscalls) and callchains ----
if ! "$PERF" record -q -e raw_syscalls:sys_enter -e raw_syscalls:sys_exit -o sys.data \
	-- sh -c 'ls / /nonexistent-perf-test; true' > /dev/null 2>&1 || [ ! -s sys.data ]; then
	skip "cannot record raw_syscalls tracepoints (tracefs or permissions)"
fi
if ! "$PERF" record -q -g -F 4000 -e cpu-clock -o cg.data -- "$PERF" test -w leafloop \
	> /dev/null 2>&1 || [ ! -s cg.data ]; then
	skip "cannot record cpu-clock with callchains"
fi
nr_enter=$("$PERF" script -i sys.data -F event 2>/dev/null | grep -c 'raw_syscalls:sys_enter')
nr_ls=$("$PERF" script -i sys.data -F comm,event 2>/dev/null | grep -c '^ *ls raw_syscalls:sys_enter')
nr_cg=$("$PERF" script -i cg.data -F comm -G 2>/dev/null | wc -l)

# ---- a user script: every entry point of the interface ----
cat > user.py <<'PY'
import os, sys
from perf_trace_context import *
n = {"enter": 0, "unhandled": 0, "general": 0}
print("argv=%s" % ",".join(sys.argv[1:]))
print("exec_path_set=%s" % ("PERF_EXEC_PATH" in os.environ))
def trace_begin():
    print("begin")
def raw_syscalls__sys_enter(event_name, context, common_cpu, common_secs,
                            common_nsecs, common_pid, common_comm,
                            common_callchain, id, args, perf_sample_dict):
    n["enter"] += 1
    if n["enter"] == 1:
        print("enter name=%s args=%s pc=%s flags=%s comm=%s ev=%s" % (
            event_name, type(args).__name__, type(common_pc(context)).__name__,
            type(common_flags(context)).__name__, common_comm == perf_sample_dict["comm"],
            perf_sample_dict["ev_name"]))
        print("time_ok=%s" % (common_secs * 10**9 + common_nsecs ==
                              perf_sample_dict["sample"]["time"]))
def trace_unhandled(event_name, context, fields):
    n["unhandled"] += 1
    if n["unhandled"] == 1:
        print("unhandled %s keys=%s" % (event_name, ",".join(sorted(fields))))
def process_event(d):
    n["general"] += 1
def trace_end():
    print("end enter=%d unhandled=%d general=%d" % (n["enter"], n["unhandled"], n["general"]))
PY
run user "$PERF" script -i sys.data -s user.py a1 a2
check_eq "user script: exit" "$(rc_of user)" 0
check_eq "user script: argv" "$(line_of user out 1)" "argv=a1,a2"
check_eq "user script: PERF_EXEC_PATH" "$(line_of user out 2)" "exec_path_set=True"
check_eq "user script: trace_begin" "$(line_of user out 3)" "begin"
check "user script: handler arguments" grep -qx \
	"enter name=raw_syscalls__sys_enter args=bytearray pc=int flags=int comm=True ev=raw_syscalls:sys_enter" user.out
check "user script: common time" grep -qx "time_ok=True" user.out
check "user script: trace_unhandled" grep -qx \
	"unhandled raw_syscalls__sys_exit keys=common_callchain,common_comm,common_cpu,common_ns,common_pid,common_s,id,ret" user.out
check_eq "user script: counts" "$(tail -n1 user.out)" "end enter=$nr_enter unhandled=$nr_enter general=0"

run gen "$PERF" script -i cg.data -s user.py
check_eq "process_event: counts" "$(tail -n1 gen.out)" "end enter=0 unhandled=0 general=$nr_cg"

# ---- failures: a raising handler, sys.exit() at load, a missing file ----
printf 'def process_event(d):\n    raise ValueError("boom")\n' > raise.py
run raise "$PERF" script -i cg.data -s raise.py
check "raising handler: non-zero exit" test "$(rc_of raise)" -ne 0
check "raising handler: traceback" grep -q "ValueError: boom" raise.err
printf 'import sys\nsys.exit("usage: nothing")\n' > exit.py
run exit "$PERF" script -i cg.data -s exit.py
check_eq "sys.exit: exit" "$(rc_of exit)" 1
check_eq "sys.exit: message" "$(line_of exit err 1)" "usage: nothing"
printf 'raise RuntimeError("at load")\n' > load.py
run load "$PERF" script -i cg.data -s load.py
check_eq "raising at load: exit" "$(rc_of load)" 255
check_eq "raising at load: message" "$(tail -n1 load.err)" "Error running python script load.py"
run notpy "$PERF" script -i cg.data -s foo.rb
check_eq "-s foo.rb: exit" "$(rc_of notpy)" 129
check_eq "-s foo.rb: message" "$(line_of notpy err 1)" "invalid script extension"

# ---- -g python: the starter script runs and sees every sample ----
run genpy "$PERF" script -i sys.data -g python
check_eq "-g python: exit" "$(rc_of genpy)" 0
check_eq "-g python: message" "$(line_of genpy err 1)" "generated Python script: perf-script.py"
check "-g python: handler" grep -q "^def raw_syscalls__sys_enter(event_name, context, common_cpu," perf-script.py
run genrun "$PERF" script -i sys.data -s perf-script.py
check_eq "-g python: runs" "$(rc_of genrun)" 0
check_eq "-g python: one header per sample" "$(grep -c '^raw_syscalls__sys_e' genrun.out)" \
	"$((nr_enter * 2))"
if [ -r "$D/sched-switch.data" ]; then
	run gensw "$PERF" script -i "$D/sched-switch.data" -g python
	check "-g python: sched_switch fields" grep -q "prev_comm, prev_pid, prev_prio, prev_state" perf-script.py
	run gensw2 "$PERF" script -i "$D/sched-switch.data" -s perf-script.py
	check_eq "-g python sched_switch: runs" "$(rc_of gensw2)" 0
	check "-g python sched_switch: prev_state decoded" grep -q "prev_state=" gensw2.out
fi

# ---- -l ----
run list "$PERF" script -l
check_eq "-l: header" "$(line_of list out 1)" "List of available trace scripts:"
for s in syscall-counts syscall-counts-by-pid failed-syscalls-by-pid sched-migration \
	 stackcollapse flamegraph gecko; do
	check "-l lists $s" grep -q "^  $s " list.out
done

# ---- syscall counts: the total equals the sys_enter samples ----
run sc "$PERF" script report syscall-counts -i sys.data
check_eq "syscall-counts: exit" "$(rc_of sc)" 0
check_eq "syscall-counts: total" "$(awk 'f && NF == 2 { s += $2 } /^-----/ { f = 1 } END { print s }' sc.out)" "$nr_enter"
check "syscall-counts: names" grep -Eq "^(openat|read|close) " sc.out
run scp "$PERF" script report syscall-counts-by-pid ls -i sys.data
check_eq "syscall-counts-by-pid: exit" "$(rc_of scp)" 0
check "syscall-counts-by-pid: the task" grep -Eq "^ls \[[0-9]+\]$" scp.out
check_eq "syscall-counts-by-pid: total" "$(awk '/^  / { s += $NF } END { print s }' scp.out)" "$nr_ls"
run fs "$PERF" script report failed-syscalls-by-pid -i sys.data
check_eq "failed-syscalls-by-pid: exit" "$(rc_of fs)" 0
check "failed-syscalls-by-pid: ENOENT of /nonexistent" grep -q "err = ENOENT" fs.out

# ---- sched-migration on the fixture: every switch counted ----
if [ -r "$D/sched-switch.data" ]; then
	nr_sw=$("$PERF" script -i "$D/sched-switch.data" -F event 2>/dev/null | grep -c sched_switch)
	run sm "$PERF" script report sched-migration -i "$D/sched-switch.data"
	check_eq "sched-migration: exit" "$(rc_of sm)" 0
	check "sched-migration: summary" grep -q "^sched migration summary: " sm.out
	check_eq "sched-migration: switches" "$(awk '$1 ~ /^[0-9]+$/ && NF == 7 { s += $4 } END { print s }' sm.out)" "$nr_sw"
fi

# ---- callchains: stackcollapse, flamegraph json and html, gecko ----
run fold "$PERF" script report stackcollapse -i cg.data
check_eq "stackcollapse: exit" "$(rc_of fold)" 0
check_eq "stackcollapse: samples" "$(awk '{ s += $NF } END { print s }' fold.out)" "$nr_cg"
check "stackcollapse: main -> parent -> leaf" grep -q ";leafloop;parent;leaf [0-9]*$" fold.out
run foldtid "$PERF" script report stackcollapse --include-pid --include-tid -i cg.data
check "stackcollapse --include-pid --include-tid" grep -Eq "^perf-[0-9]+/[0-9]+;" foldtid.out

run fgj "$PERF" script report flamegraph -i cg.data -f json -o fg.json
check_eq "flamegraph json: exit" "$(rc_of fgj)" 0
check_eq "flamegraph json: total" "$(python3 -c 'import json; print(json.load(open("fg.json"))["v"])')" "$nr_cg"
run fgh "$PERF" script report flamegraph -i cg.data -o fg.html
check_eq "flamegraph html: exit" "$(rc_of fgh)" 0
check "flamegraph html: data embedded" grep -q '"n":"leaf"' fg.html
check "flamegraph html: no external resource" \
	sh -c "! grep -Eq '(src|href)=\"(https?:)?//' fg.html"

run gk "$PERF" script report gecko -i cg.data -o gecko.json
check_eq "gecko: exit" "$(rc_of gk)" 0
check_eq "gecko: samples" "$(python3 -c '
import json
p = json.load(open("gecko.json"))
print(sum(len(t["samples"]["data"]) for t in p["threads"]))')" "$nr_cg"
check "gecko: leaf in the string table" python3 -c '
import json, sys
p = json.load(open("gecko.json"))
sys.exit(not any(s.startswith("leaf ") for t in p["threads"] for s in t["stringTable"]))'

# ---- record then report by name ----
run rec "$PERF" script record syscall-counts -q -o rec.data -- true
check_eq "record syscall-counts: exit" "$(rc_of rec)" 0
run rep "$PERF" script report syscall-counts -i rec.data
check_eq "report syscall-counts: exit" "$(rc_of rep)" 0
check "report syscall-counts: table" grep -q "^syscall events:" rep.out

finish
