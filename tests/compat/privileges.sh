#!/bin/bash
# perf stat/record as an unprivileged user at each perf_event_paranoid level, side by side
# SPDX-License-Identifier: GPL-2.0
#
# kernel.perf_event_paranoid decides what a user without CAP_PERFMON may
# count: -1 everything, 0 no raw tracepoints, 1 no CPU-wide events (-a),
# 2 no kernel (events that include it fall back to user space only).
# Distribution kernels add 3 (nothing at all); upstream ones, like the
# one this may run on, take 3 and 4 as 2: the test says which it saw.
#
# At every level both perfs run the same commands as uid 65534 (no
# capabilities, no groups) and must agree on the exit code, the first
# line of stderr, and whether the advice (level, what each level
# forbids, CAP_PERFMON) is printed. The sysctl is put back by a trap.
#
# Documented differences:
#  - at levels above 2 our advice has three more lines explaining those
#    levels and the perf_users group setup; the reference only lists
#    -1..2 (compared: everything but those lines);
#  - when the kernel refuses the event itself (EPERM: raw tracepoint
#    data below level -1) the reference prints only "No permission to
#    enable EVENT event."; we print that line, then the advice (the
#    first line and the exit code are compared, and that ours has it).

. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

PARANOID=/proc/sys/kernel/perf_event_paranoid
[ "$(id -u)" = 0 ] || skip "needs root to change $PARANOID and switch users"
command -v setpriv > /dev/null || skip "no setpriv (util-linux) to run as another user"
[ -w "$PARANOID" ] || skip "$PARANOID is not writable (container?)"
NOBODY=65534

orig=$(cat "$PARANOID")
# shellcheck disable=SC2064
trap "echo '$orig' > '$PARANOID'; rm -rf '$TMPD'" EXIT

# The unprivileged user works in a directory of its own with its own HOME.
chmod 711 "$TMPD"
W=$TMPD/user
mkdir -p "$W" && chown "$NOBODY:$NOBODY" "$W"
for p in "$PERF" "$REF"; do
	setpriv --reuid=$NOBODY --regid=$NOBODY --clear-groups test -x "$p" ||
		skip "$p is not executable by uid $NOBODY"
done

as_user()
{
	(cd "$W" && HOME=$W setpriv --reuid=$NOBODY --regid=$NOBODY --clear-groups "$@")
}

# The reference's advice at levels up to 2, with our extra lines for
# higher levels taken out.
advice_of()
{
	grep -v -e '^>= 3: ' -e '^      only CAP_PERFMON' -e '^      e.g. a perf binary with' "$TMPD/$1.err"
}

compare()
{
	local name=$1 r o
	same_rc "$name"
	# Counts, times and wakeups depend on timing, not on rights.
	r=$(sed -n '1{s/[0-9][0-9.]*/N/g;p}' "$TMPD/ref-$name.err")
	o=$(sed -n '1{s/[0-9][0-9.]*/N/g;p}' "$TMPD/our-$name.err")
	check_eq "$name: first line of stderr, numbers masked" "$o" "$r"
	r=$(grep -c 'perf_event_paranoid setting is' "$TMPD/ref-$name.err")
	o=$(grep -c 'perf_event_paranoid setting is' "$TMPD/our-$name.err")
	if [ "$r" = 0 ] && grep -q '^No permission to enable' "$TMPD/ref-$name.err"; then
		check_eq "$name: advice after 'No permission'" "$o" 1
		return
	fi
	check_eq "$name: advice printed" "$o" "$r"
	if [ "$r" != 0 ] && ! diff <(advice_of "ref-$name") <(advice_of "our-$name") > "$TMPD/diff"; then
		fail "$name: advice differs"
		sed 's/^/   /' "$TMPD/diff" | head -20
	fi
}

# both_user NAME ARGS...: both perfs as the user.
both_user()
{
	local name=$1
	shift
	run "ref-$name" as_user "$REF" "$@"
	run "our-$name" as_user "$PERF" "$@"
}

NOBPF=--no-bpf-event
# Tracepoint names need tracefs, which only root may read; the kernel's
# checks are what is tested here, so the event is given by its id.
TPID=$(cat /sys/kernel/tracing/events/sched/sched_switch/id 2> /dev/null ||
       cat /sys/kernel/debug/tracing/events/sched/sched_switch/id 2> /dev/null)
[ -n "$TPID" ] || skip "no sched:sched_switch tracepoint id in tracefs"
TP=tracepoint/config=$TPID/
for level in -1 0 1 2 3 4; do
	if ! echo "$level" > "$PARANOID" 2> /dev/null; then
		echo "note: the kernel refuses perf_event_paranoid=$level"
		continue
	fi
	L=l$level
	both_user "$L-stat-task" stat -e task-clock true
	both_user "$L-stat-fallback" stat -e cpu-clock true
	both_user "$L-stat-default" stat -x, true
	both_user "$L-stat-kernel" stat -e task-clock:k true
	both_user "$L-stat-cpu" stat -a -e cpu-clock sleep 0.01
	both_user "$L-stat-tpname" stat -e sched:sched_switch true
	both_user "$L-stat-tp" stat -e "$TP" true
	both_user "$L-stat-tpcpu" stat -a -e "$TP" sleep 0.01
	both_user "$L-rec-task" record $NOBPF -o "$W/task.data" -e cpu-clock -F 1000 true
	both_user "$L-rec-kernel" record $NOBPF -o "$W/k.data" -e cpu-clock:k -F 1000 true
	both_user "$L-rec-cpu" record $NOBPF -o "$W/cpu.data" -a -e cpu-clock -F 1000 sleep 0.01
	both_user "$L-rec-tp" record $NOBPF -o "$W/tp.data" -e "$TP" true
	both_user "$L-rec-tpcpu" record $NOBPF -o "$W/tpcpu.data" -a -e "$TP" sleep 0.01
	# Raw tracepoint data (-R) is what level 0 and above refuse.
	both_user "$L-rec-tpraw" record $NOBPF -o "$W/tpraw.data" -R -e "$TP" true
	for c in stat-task stat-fallback stat-default stat-kernel stat-cpu stat-tpname stat-tp stat-tpcpu \
		 rec-task rec-kernel rec-cpu rec-tp rec-tpcpu rec-tpraw; do
		compare "$L-$c"
	done
	# The event name tells whether the kernel was dropped (cpu-clock:u).
	same_file "$L-stat-fallback: event names" \
		<(grep -o 'cpu-clock[:a-z]*' "$TMPD/ref-$L-stat-fallback.err") \
		<(grep -o 'cpu-clock[:a-z]*' "$TMPD/our-$L-stat-fallback.err")
	same_file "$L-stat-default: event names" \
		<(cut -d, -f3 "$TMPD/ref-$L-stat-default.err") \
		<(cut -d, -f3 "$TMPD/our-$L-stat-default.err")
	if [ "$level" -ge 3 ]; then
		if [ "$(rc_of "ref-$L-stat-task")" = 0 ]; then
			echo "note: this kernel treats perf_event_paranoid=$level like 2 (upstream)"
		else
			echo "note: this kernel forbids all unprivileged use at perf_event_paranoid=$level"
		fi
	fi
done

finish
