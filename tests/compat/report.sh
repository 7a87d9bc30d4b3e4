#!/bin/bash
# perf report --stdio histograms side by side with the reference perf
# SPDX-License-Identifier: GPL-2.0
#
# Both perfs read the same files: the fixtures of tests/data (recorded by
# the reference 6.1: cpu-clock with and without -g, -z, pipe mode, a
# tracepoint, several threads) and files the reference records now with
# --no-bpf-event (cpu-clock -g, and -a with a tracepoint). Each file is
# printed with many sort orders and options; stdout must be the same line
# for line, stderr too, with the same exit status.
#
# Documented differences (filtered out or left out):
#  - the reference ends with a random "# (Tip: ...)" block; we print none.
#    The three lines are dropped from its output.
#  - --children with call graphs: on ties the reference orders some
#    entries by tree internals. Only entries with a symbol are compared
#    here; tests/compat/report-opts.sh compares --children -g none whole.
#  - ties between entries without a symbol in different dsos: the
#    reference orders them by the heap addresses of its dso objects
#    (mostly creation order, as ours). Runs of such tied entries are
#    compared sorted (tied-entries.awk); a difference in order alone
#    is named in the output.
#  - srcline/srcfile: compared on the fixtures only, with an empty
#    build-id cache. Files the reference records now keep their binaries
#    in a build-id cache under /tmp/perf-*, where the reference runs no
#    addr2line (it takes such paths for JIT maps) and prints sym+offset;
#    tests/compat/symbols.sh compares srcline on fresh recordings with
#    the cache elsewhere.
#  - the trace key on tracepoint files and event groups: compared in
#    tests/compat/report-opts.sh.

. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

D=$(cd "$(dirname "$0")/../data" 2>/dev/null && pwd)
[ -r "$D/cpu-clock.data" ] || skip "no fixtures in tests/data"

# The system config of this machine sets report.children; make it explicit.
printf '[report]\n\tchildren = false\n' > "$HOME/.perfconfig"


# Orders and options for any file.
COMMON=(
	""
	"--sort comm" "--sort pid" "--sort dso" "--sort sym" "--sort dso,sym"
	"--sort sym,comm" "--sort cpu,socket" "--sort overhead"
	"--sort time" "--sort sample,comm" "--sort sym,overhead"
	"-n --show-total-period --sort comm"
	"-F sym,overhead" "-F comm,sample" "-F overhead,sym --sort comm"
	"--percent-limit 2" "--comms sh,seq" "--dsos libc.so.6"
	"--symbols read" "--percentage relative --comms sh" "--tid 1" "-q" "-D" "-T"
	"-x" "-p read" "-x -p read" "-p read --sort comm" "-p read -F overhead,sym"
	"--sort parent" "--socket-filter 0" "--socket-filter 1"
	"--socket-filter 0 -n --percentage relative" "-b" "--mem-mode"
)

# Orders for files with callchains.
GRAPH=(
	"-g fractal" "-g flat" "-g folded" "-g caller" "-G" "-g none"
	"--sort sym" "--sort dso,sym -g fractal,0.5,callee" "-g graph,0.5,2"
	"-g graph,0.5,callee,function,count" "-g folded,0,caller"
	"--sort comm,sym -g fractal,0,caller,period" "--max-stack 3"
	"--percentage relative --comms sh"
)

files=("$D/cpu-clock.data" "$D/threads.data")
gfiles=("$D/cpu-clock-g.data")

# Fresh recordings by the reference, read on this machine (kernel symbols
# resolve from this machine's kallsyms for both).
if "$REF" record --no-bpf-event -q -g -e cpu-clock -F 2000 -o "$TMPD/g.data" -- \
	sh -c 'for i in $(seq 1 20000); do :; done; ls / > /dev/null' > /dev/null 2>&1; then
	gfiles+=("$TMPD/g.data")
	files+=("$TMPD/g.data")
fi
# An unknown --switch-on/--switch-off event: an error and its hint.
# (On a file with a tracepoint the reference prints no header note
# before the error; that difference is left out.)
report_side_by_side "$D/cpu-clock.data" "" --switch-on nosuch
report_side_by_side "$D/cpu-clock.data" "" --switch-off nosuch
# A file without samples (an event that does not fire): an error line.
if "$REF" record --no-bpf-event -q -e sched:sched_wakeup_new -o "$TMPD/zero.data" -- true \
	> /dev/null 2>&1; then
	report_side_by_side "$TMPD/zero.data" ""
fi
# Per-thread counts (-s): READ records, not samples; -T prints them.
if "$REF" record --no-bpf-event -q -s -e cpu-clock -e task-clock -F 2000 -o "$TMPD/s.data" -- \
	sh -c 'for i in $(seq 1 20000); do :; done; ls / > /dev/null' > /dev/null 2>&1; then
	files+=("$TMPD/s.data")
	# Everything switched off: "has no samples", as for an empty file.
	report_side_by_side "$TMPD/s.data" "" --switch-on cpu-clock --switch-off task-clock
fi
if "$REF" record --no-bpf-event -q -a -e sched:sched_switch -e cpu-clock -F 1000 \
	-o "$TMPD/a.data" -- sleep 0.3 > /dev/null 2>&1; then
	tfile=$TMPD/a.data
fi

for f in "${files[@]}"; do
	for o in "${COMMON[@]}"; do
		# shellcheck disable=SC2086
		report_side_by_side "$f" "" $o
	done
	report_side_by_side "$f" "" --sort trace
done
# --symbol-filter (or a lone argument) with the default sort, on one event:
# the reference leaves the other events of a file and some sort orders
# unfiltered, which we do not imitate.
for f in "$D/cpu-clock.data" "$D/threads.data" "$D/cpu-clock-g.data"; do
	report_side_by_side "$f" "" --symbol-filter read
	report_side_by_side "$f" "" read
	report_side_by_side "$f" "" -g none --symbol-filter=ea
done
for f in "${gfiles[@]}"; do
	for o in "${GRAPH[@]}"; do
		# shellcheck disable=SC2086
		report_side_by_side "$f" "" $o
	done
	# --children: the entry lines of resolved symbols, in any order (see above).
	report_side_by_side "$f" '/^ *[0-9.]*% *[0-9.]*% .*\] 0*x*[0-9a-f]*$/d; /^ *[0-9.]*% *[0-9.]*% /!d' --children -g none
done
if [ -n "${tfile:-}" ]; then
	# --cpu without a comm column: when a sample of the reference's own
	# perf-exec child lands on that cpu, the reference sizes the comm
	# column from the thread's first comm ("perf") and cuts "perf-exec"
	# to "perf-ex".
	for o in "" "--sort cpu,comm" "--sort dso,sym" "-n --sort pid" "--sort dso,sym --cpu 0" \
		"--switch-on sched:sched_switch" "--switch-off sched:sched_switch" \
		"--switch-on sched:sched_switch --show-on-off-events" "--time 1,2" \
		"--socket-filter 0 --sort socket,comm"; do
		# shellcheck disable=SC2086
		report_side_by_side "$tfile" "" $o
	done
fi

# srcline and srcfile: addr2line's answers (inlined code's own line,
# "??:0" and "FILE:0" without lines, sym+offset where it names nothing).
# The recordings above put this machine's libraries into the build-id
# cache under $TMPD: a HOME without one sends both to the installed files.
home=$HOME
export HOME=$TMPD/home-srcline
mkdir -p "$HOME"
cp "$home/.perfconfig" "$HOME/"
for f in "$D/cpu-clock.data" "$D/threads.data" "$D/cpu-clock-g.data" "$D/group-clock.data" \
	 "$D/sched-switch.data"; do
	for o in "--sort srcline" "--sort dso,sym,srcline" "--sort srcfile" "--sort sym,srcfile"; do
		# shellcheck disable=SC2086
		report_side_by_side "$f" "" $o
	done
done
export HOME=$home

# report.children from the config file, and --no-children over it.
printf '[report]\n\tchildren = true\n' > "$HOME/.perfconfig"
report_side_by_side "$D/cpu-clock-g.data" '1,10!d'
report_side_by_side "$D/cpu-clock-g.data" "" --no-children
# The other fixtures: compressed and pipe mode.
report_side_by_side "$D/cpu-clock-z.data" ""
report_side_by_side "$D/cpu-clock.pipe.data" ""
# A -k or --kallsyms file that does not exist: one error line, no report.
report_side_by_side "$D/cpu-clock.data" "" -k "$TMPD/no-such-vmlinux"
report_side_by_side "$D/cpu-clock.data" "" --kallsyms "$TMPD/no-such-kallsyms"

# Views we do not have: said so, never a different report (ours only).
for o in "--branch-history" "--hierarchy" "-w 5,10" "--full-source-path"; do
	# shellcheck disable=SC2086
	run unsupported "$PERF" report --stdio -i "$D/cpu-clock.data" $o
	check "$o: not supported, exit 255" test "$(rc_of unsupported)" = 255
	check "$o: says so" grep -q "is not supported by this perf yet" "$TMPD/unsupported.err"
	check "$o: no report" test ! -s "$TMPD/unsupported.out"
done

echo "$N runs compared"
finish
