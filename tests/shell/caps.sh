#!/bin/bash
# perf_users install: file capabilities open events, never reach user code
# SPDX-License-Identifier: GPL-2.0
#
# The setup of Documentation/perf-security.txt: a copy of perf with
# cap_perfmon,cap_sys_ptrace,cap_syslog=ep, mode 750, group-owned by the
# group allowed to use it, run by an unprivileged user of that group
# (uid 65534 with gid 65534 here, so no group has to be created).
#
# Checked: the capabilities do their job (kernel-only and CPU-wide
# counting at perf_event_paranoid=2, refused to the same user with a
# plain perf), and nothing the user chooses gets them: the counted
# command (perf stat, perf record), --pre/--post commands, the pager,
# a perf-<cmd> helper, and the process itself once it drops them (the
# unit suite "perf_users capabilities", run from the setcap'd copy).

. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

PARANOID=/proc/sys/kernel/perf_event_paranoid
[ "$(id -u)" = 0 ] || skip "needs root to setcap a copy of perf and switch users"
for c in setcap setpriv script; do
	command -v $c > /dev/null || skip "no $c to set up the perf_users install"
done
[ -w "$PARANOID" ] || skip "$PARANOID is not writable (container?)"
U=65534

orig=$(cat "$PARANOID")
# shellcheck disable=SC2064
trap "echo '$orig' > '$PARANOID'; rm -rf '$TMPD'" EXIT
echo 2 > "$PARANOID"

chmod 711 "$TMPD"
mkdir -p "$TMPD/bin" "$TMPD/user"
chown "$U:$U" "$TMPD/user"
CP=$TMPD/bin/perf
cp "$PERF" "$CP"
chown "root:$U" "$CP"
chmod 750 "$CP"
setcap cap_perfmon,cap_sys_ptrace,cap_syslog=ep "$CP" 2> /dev/null ||
	skip "setcap failed: no file capabilities on $(dirname "$CP")"
# A nosuid mount or a kernel without CAP_PERFMON (< 5.8) ignores them.
setpriv --reuid=$U --regid=$U --clear-groups grep -q '^CapEff:' /proc/self/status ||
	skip "cannot run as uid $U"

as_user()
{
	(cd "$TMPD/user" && HOME=$TMPD/user setpriv --reuid=$U --regid=$U --clear-groups "$@")
}

# The capabilities of the command run as "$@", as "CapEff=... CapPrm=..." in FILE.
CAPS="grep -E '^Cap(Eff|Prm|Inh|Amb):' /proc/self/status | tr -d : | tr -s '\t\n' '= '"
ZERO="CapInh=0000000000000000 CapPrm=0000000000000000 CapEff=0000000000000000 CapAmb=0000000000000000 "

run plain-k as_user "$PERF" stat -e task-clock:k true
if [ "$(rc_of plain-k)" = 0 ]; then
	skip "plain perf counts the kernel at paranoid 2 as uid $U: nothing to show"
fi
run caps-k as_user "$CP" stat -e task-clock:k true
if [ "$(rc_of caps-k)" != 0 ] && grep -q 'perf_event_paranoid setting' "$TMPD/caps-k.err"; then
	skip "file capabilities not honoured here (nosuid mount, or no CAP_PERFMON in the kernel)"
fi

# 1. The capabilities open what the level forbids.
check_eq "stat task-clock:k with caps: exit code" "$(rc_of caps-k)" 0
check "stat task-clock:k with caps: counted" grep -q 'task-clock:k' "$TMPD/caps-k.err"
run caps-a as_user "$CP" stat -a -e cpu-clock sleep 0.01
check_eq "stat -a with caps: exit code" "$(rc_of caps-a)" 0
run plain-a as_user "$PERF" stat -a -e cpu-clock sleep 0.01
check_eq "stat -a without caps: exit code" "$(rc_of plain-a)" 255
run caps-rec as_user "$CP" record -q -o "$TMPD/user/k.data" -e cpu-clock:k -F 1000 -a sleep 0.05
check_eq "record -a cpu-clock:k with caps: exit code" "$(rc_of caps-rec)" 0
check "record -a with caps: a file owned by the user" \
	test "$(stat -c %u "$TMPD/user/k.data" 2> /dev/null)" = $U

# 2. Per-task counting needs no capability at level 2, and still works.
run caps-u as_user "$CP" stat -e cpu-clock -x, true
check_eq "stat cpu-clock of a command: exit code" "$(rc_of caps-u)" 0
check "stat cpu-clock: counted" grep -q ',cpu-clock' "$TMPD/caps-u.err"

# 3. Nothing the user runs has them.
run wl-stat as_user "$CP" stat -e task-clock -- sh -c "$CAPS > wl-stat.caps"
check_eq "stat workload: exit code" "$(rc_of wl-stat)" 0
check_eq "stat workload: capabilities" "$(cat "$TMPD/user/wl-stat.caps")" "$ZERO"
run wl-rec as_user "$CP" record -q -o "$TMPD/user/wl.data" -e cpu-clock:k -a -- sh -c "$CAPS > wl-rec.caps"
check_eq "record workload: exit code" "$(rc_of wl-rec)" 0
check_eq "record workload: capabilities" "$(cat "$TMPD/user/wl-rec.caps")" "$ZERO"
run pre as_user "$CP" stat -e task-clock --pre "$CAPS > pre.caps" --post "$CAPS > post.caps" true
check_eq "stat --pre/--post: exit code" "$(rc_of pre)" 0
check_eq "stat --pre: capabilities" "$(cat "$TMPD/user/pre.caps" 2> /dev/null)" "$ZERO"
check_eq "stat --post: capabilities" "$(cat "$TMPD/user/post.caps" 2> /dev/null)" "$ZERO"

# The pager starts only on a terminal: script(1) gives perf one.
run pager as_user env PERF_PAGER="$CAPS > pager.caps; cat > /dev/null" \
	script -qec "$CP list sw" /dev/null
check_eq "pager: exit code" "$(rc_of pager)" 0
check_eq "pager: capabilities" "$(cat "$TMPD/user/pager.caps" 2> /dev/null)" "$ZERO"

# A perf-<cmd> helper from the exec path.
mkdir -p "$TMPD/user/exec"
printf '#!/bin/sh\n%s > helper.caps\n' "$CAPS" > "$TMPD/user/exec/perf-capcheck"
chmod 755 "$TMPD/user/exec/perf-capcheck"
chown -R "$U:$U" "$TMPD/user/exec"
run helper as_user env PERF_EXEC_PATH="$TMPD/user/exec" "$CP" capcheck
check_eq "perf-<cmd> helper: exit code" "$(rc_of helper)" 0
check_eq "perf-<cmd> helper: capabilities" "$(cat "$TMPD/user/helper.caps" 2> /dev/null)" "$ZERO"

# 4. The process itself, as before a Python script runs.
run unit as_user "$CP" test caps
check "unit suite from the setcap'd perf" test "$(rc_of unit)" = 0
if grep -q 'FAILED\|: FAILED' "$TMPD/unit.out" "$TMPD/unit.err" ||
   [ "$(grep -c ': Ok' "$TMPD/unit.out")" -lt 2 ]; then
	fail "unit suite from the setcap'd perf: the drop cases must pass, not skip"
	sed 's/^/   | /' "$TMPD/unit.out" "$TMPD/unit.err" | head -10
fi

finish
