#!/bin/bash
# perf report options side by side with the reference perf: groups, -t, trace key, --tasks, --mmaps, --children, --sort, srcline
# SPDX-License-Identifier: GPL-2.0
#
# The reference records small files now (--no-bpf-event) and both perfs
# read each one: stdout and stderr must be the same, line for line, with
# the same exit status.
#  - event groups: -e '{cpu-clock,task-clock}' shows both events in one
#    section by default; --no-group splits it; --group joins the events of
#    a file recorded without a group; --group-sort-idx; -n, -F, -t, the
#    fixture tests/data/group-clock.data.
#  - -t: the reference still pads the columns and puts a space before
#    each value of the overhead, samples and period columns.
#  - --sort trace: each tracepoint sample's payload formatted by its print
#    fmt (--raw-trace: its fields, each by its type), N/A for other
#    events; with -t the separator's first character in a key's text
#    becomes '.'. Like
#    srcline, the column is sized only by entries the reference's tree
#    compared on it (a lone sample prints cut to the header's width).
#  - --tasks, --mmaps: the reference's order (threads by tid modulo 256,
#    then by tid; children under the parent FORK named), system-wide
#    files included; --tasks alone ignores MMAP records as the reference.
#
# Documented differences (filtered out or left out):
#  - the reference ends with a random "# (Tip: ...)" block; we print none.
#  - --children with call graphs: ties among equal Children totals follow
#    the reference's tree internals; compared with -g none only.
#  - callchains of grouped files: equal siblings in different dsos follow
#    the reference's heap addresses; only the entry lines are compared.
#  - --mmaps on a big-endian file: the reference shows MMAP2's prot and
#    flags unswapped ("---p"); we show the recorded ones. Masked.
#  - --raw-trace on payloads ending in an array of numbers
#    (raw_syscalls): the reference's text runs on past the array into
#    unterminated heap bytes; not compared.
#  - orders with sym but not dso: unresolved addresses of equal period in
#    different dsos follow the reference's rbtree shape; every order here
#    has the dso key.

. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

D=$(cd "$(dirname "$0")/../data" 2>/dev/null && pwd)
printf '[report]\n\tchildren = false\n' > "$HOME/.perfconfig"


WORK='for i in $(seq 1 20000); do :; done; ls / > /dev/null'

# ---- event groups ----
"$REF" record --no-bpf-event -q -e '{cpu-clock,task-clock}' -F 5000 -o "$TMPD/grp.data" -- \
	sh -c "$WORK" > /dev/null 2>&1 || skip "the reference cannot record a cpu-clock group"
"$REF" record --no-bpf-event -q -e cpu-clock,task-clock -F 5000 -o "$TMPD/nogrp.data" -- \
	sh -c "$WORK" > /dev/null 2>&1 || skip "the reference cannot record cpu-clock,task-clock"
"$REF" record --no-bpf-event -q -g -e '{cpu-clock,task-clock}' -F 3000 -o "$TMPD/grpg.data" -- \
	sh -c "$WORK" > /dev/null 2>&1 || skip "the reference cannot record a group with -g"

GROUP=(
	"" "--group" "--no-group" "-n --show-total-period --show-cpu-utilization"
	"-F overhead,sample,dso,sym" "--sort dso,sym" "--sort dso -q" "--group-sort-idx 1"
	"--group-sort-idx 1 -n" "--percent-limit 2" "--percentage relative --comms sh"
	"-t ," "-t ; -n --show-total-period" "--group-sort-idx 5"
)
for f in "$TMPD/grp.data" "$TMPD/nogrp.data"; do
	for o in "${GROUP[@]}"; do
		# shellcheck disable=SC2086
		report_side_by_side "$f" "" $o
	done
done
# --group-sort-idx without a group is a usage error; --group makes one.
report_side_by_side "$TMPD/nogrp.data" "" --group --group-sort-idx 1
# Callchains: sibling frames of equal period in different dsos are ordered
# by the address of the reference's dso objects; only entry lines count.
report_side_by_side "$TMPD/grpg.data" "" -g none
for o in "" "-g caller --sort dso,sym"; do
	# shellcheck disable=SC2086
	report_side_by_side "$TMPD/grpg.data" '/^ *[0-9.]*%  /!d' $o
done
for o in "" "--no-group" "-n" "-t ;"; do
	# shellcheck disable=SC2086
	report_side_by_side "$D/group-clock.data" "" $o
done

# ---- the trace key: tracepoint payloads as perf script prints them ----
TRACE=("--sort trace" "--sort trace,comm -n" "--sort comm,trace" "-F overhead,trace,dso,sym"
       "--sort trace -t ,")
for o in "${TRACE[@]}" "--sort trace --raw-trace"; do
	# shellcheck disable=SC2086
	report_side_by_side "$D/sched-switch.data" "" $o
done
if "$REF" record --no-bpf-event -q -a -e sched:sched_switch -e cpu-clock -F 1000 \
	-o "$TMPD/a.data" -- sleep 0.3 > /dev/null 2>&1; then
	for o in "${TRACE[@]}" "--sort trace --raw-trace"; do
		# shellcheck disable=SC2086
		report_side_by_side "$TMPD/a.data" "" $o
	done
fi
# Payloads with %ps kernel addresses, strings and flags; with --raw-trace
# each field formatted by its type (syscall arguments in decimal where
# the print fmt says hex). Arrays of numbers are left out (no
# raw_syscalls): the reference's text of a payload ending in one has no
# terminating NUL and runs on into whatever its heap holds.
if "$REF" record --no-bpf-event -q -a -e syscalls:sys_enter_openat -e syscalls:sys_exit_openat \
	-e timer:hrtimer_start -e 'irq:*' -o "$TMPD/t.data" -- sleep 0.2 > /dev/null 2>&1; then
	for o in "${TRACE[@]}" "--sort trace --raw-trace" "--sort trace,comm --raw-trace -n"; do
		# shellcheck disable=SC2086
		report_side_by_side "$TMPD/t.data" "" $o
	done
fi

# ---- --tasks and --mmaps: the task tree, with each task's maps ----
for f in "$D/cpu-clock.data" "$D/threads.data" "$D/cpu-clock-z.data" "$D/cpu-clock.pipe.data" \
	 "$D/cpu-clock-g.data" "$D/sched-switch.data" "$TMPD/nogrp.data" "$TMPD/grpg.data" \
	 ${TMPD}/a.data ${TMPD}/t.data; do
	[ -r "$f" ] || continue
	report_side_by_side "$f" "" --tasks
	report_side_by_side "$f" "" --mmaps
done
# The big-endian copy (tests/make-be-data.py): the reference does not
# byte-swap the prot and flags of MMAP2 records, so it reads r-xp (5,
# MAP_PRIVATE) as 0x05000000 and shows "---p". We swap them: the maps
# read as on the machine that recorded them, the same text as for the
# little-endian original. The prot column is masked on both sides.
if [ -r "$D/cpu-clock-be.data" ]; then
	report_side_by_side "$D/cpu-clock-be.data" "" --tasks
	report_side_by_side "$D/cpu-clock-be.data" 's/ [r-][w-][x-][ps] / PROT /' --mmaps
	"$PERF" report --stdio --mmaps -i "$D/cpu-clock.data" > "$TMPD/le-mmaps" 2> /dev/null
	"$PERF" report --stdio --mmaps -i "$D/cpu-clock-be.data" > "$TMPD/be-mmaps" 2> /dev/null
	same_file "--mmaps: the big-endian copy's maps as the original's" \
		"$TMPD/le-mmaps" "$TMPD/be-mmaps"
	grep -q ' r-xp .*/dash$' "$TMPD/be-mmaps" || fail "--mmaps big-endian: dash's text not r-xp"
fi

# ---- --children: unresolved addresses, --max-stack ----
# An unresolved sampled address is two entries in the reference: the
# sample's (map-relative address) and its frame's (raw address). With
# caller order --max-stack keeps the outermost frames.
"$REF" record --no-bpf-event -q -g -e cpu-clock -F 4000 -o "$TMPD/g.data" -- \
	sh -c "$WORK; cat /etc/passwd | sort | uniq > /dev/null" > /dev/null 2>&1
for f in "$D/cpu-clock-g.data" "$TMPD/g.data"; do
	[ -r "$f" ] || continue
	for o in "--children -g none" "--children --max-stack 3 -g none" \
		 "--children --max-stack 6 -g none" "--children --sort dso -g none" \
		 "-G --max-stack 4 --no-children" "--max-stack 3 --no-children"; do
		# shellcheck disable=SC2086
		report_side_by_side "$f" "" $o
	done
done

# ---- -t on files without groups ----
for o in "-t ," "-t : -n --show-total-period --show-cpu-utilization" \
	 "-t , --sort cpu,pid,sym,time" "-t , --sort sym,comm" "-t , -F overhead,sym,period"; do
	# shellcheck disable=SC2086
	report_side_by_side "$D/cpu-clock.data" "" $o
done

# ---- --sort with sample or period, and unknown keys ----
# sample and period in --sort order the entries before the keys (overhead
# does not); an unknown key prints the options' usage and exits 0.
for o in "--sort comm,period" "--sort dso,period" "--sort comm,sample" "--sort comm,period,dso" \
	 "--sort dso,sample,comm" "--sort comm,overhead" "--sort foo" "-F foo" \
	 "-F comm --sort foo" "--sort comm -F bar" "--sort comm,foo,dso"; do
	# shellcheck disable=SC2086
	report_side_by_side "$D/threads.data" "" $o
done

# ---- srcline after other keys ----
# The reference sizes the column only by entries whose tree compared on
# srcline (another sample agreed on every key before it) and cuts the
# others to that width. Only kernel and stripped dash samples count:
# their lines (sym+offset, dash[addr]) need no debuginfo, which the
# private HOME hides from the reference, and inlined code differs
# elsewhere (tests/compat/report.sh).
# srcfile is sized the same way; in a group, linking the members' entries
# compares them too.
for f in "$D/threads.data" "$D/cpu-clock.data" "$D/group-clock.data"; do
	for o in "--sort sym,srcline" "-F overhead,sym,srcline" "--sort comm,srcline" \
		 "--sort sym,srcfile" "--sort dso,srcfile"; do
		# shellcheck disable=SC2086
		report_side_by_side "$f" "" --dsos 'dash,[kernel.kallsyms]' $o
	done
done

# ---- a filter of one name: "# dso: NAME" only where its column would be ----
for o in "--dsos libc.so.6 --sort sym" "--dsos libc.so.6 --sort dso,sym" \
	 "--dsos libc.so.6 -F overhead,sym"; do
	# shellcheck disable=SC2086
	report_side_by_side "$D/threads.data" "" $o
done

echo "$N runs compared"
finish
