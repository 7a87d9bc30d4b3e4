#!/bin/bash
# perf list: sections, globs, --raw-dump, fake tracefs, PMU and SDT trees
# SPDX-License-Identifier: GPL-2.0
#
# Runs our perf only, mostly on fake trees ($PERF_TRACEFS_ROOT,
# $PERF_SYSFS_ROOT, --buildid-dir), so the expected output is exact and
# the same on any machine. The side-by-side comparison with the reference
# perf is tests/compat/list.sh.

. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

# ---- a fake tracefs: sorting, the ftrace ids, globs ----
T=$TMPD/tracefs
mk_tp() {	# mk_tp SYS EVENT [noid]
	mkdir -p "$T/events/$1/$2" || exit 1
	[ "$3" = noid ] || echo 1 > "$T/events/$1/$2/id"
}
mk_tp sched sched_switch
mk_tp sched sched_wakeup
mk_tp fib fib_table_lookup
mk_tp fib6 fib6_table_lookup
mk_tp ftrace function
mk_tp ftrace bprint noid
mk_tp irq_vectors reschedule_entry
touch "$T/events/enable" "$T/events/sched/enable" "$T/events/sched/filter"

export PERF_TRACEFS_ROOT=$T
run tp "$PERF" list tracepoint
check_eq "list tracepoint: exit status" "$(rc_of tp)" 0
# Sorted as "sys:event" strings (fib6 before fib); ftrace records without
# an id cannot be opened and are left out.
want=$(printf '  %-50s [Tracepoint event]\n' fib6:fib6_table_lookup \
	fib:fib_table_lookup ftrace:function irq_vectors:reschedule_entry \
	sched:sched_switch sched:sched_wakeup)
check_eq "list tracepoint: fake tracefs" "$(out_of tp)" "$want"

run tpglob "$PERF" list 'sched:*'
want=$(printf '  %-50s [Tracepoint event]\n' sched:sched_switch sched:sched_wakeup)
check_eq "list 'sched:*'" "$(out_of tpglob)" "$want"

# A word is searched in event names only: "sched" finds reschedule_entry
# but "sched:" (an empty event glob) finds nothing.
run word "$PERF" list sched
check "list sched: finds irq_vectors:reschedule_entry" \
	grep -q '^  irq_vectors:reschedule_entry ' "$TMPD/word.out"
check "list sched: finds sched:sched_switch" \
	grep -q '^  sched:sched_switch ' "$TMPD/word.out"
run colon "$PERF" list 'sched:'
check_eq "list 'sched:' is empty" "$(out_of colon)" ""

# ---- the full listing: every section, in order ----
run all "$PERF" list
check_eq "list: exit status" "$(rc_of all)" 0
check "list: nothing on stderr" test ! -s "$TMPD/all.err"
order=$(sed -n 's/.*\[\(.*\)\]$/\1/p' "$TMPD/all.out" | uniq | tr '\n' ,)
case $order in
*"Software event,Tool event,"*"Raw hardware event descriptor,Hardware breakpoint,Tracepoint event,")
	;;
*)	fail "list: sections out of order: $order" ;;
esac
for ev in 'cpu-clock' 'task-clock' 'context-switches OR cs' \
	  'page-faults OR faults' 'duration_time' 'user_time' 'system_time' \
	  'rNNN' 'cpu/t1=v1[,t2=v2,t3 ...]/modifier' 'mem:<addr>[/len][:access]'; do
	check "list: has '$ev'" grep -qF "  $ev " "$TMPD/all.out"
done
line=$(grep '^  cpu-clock ' "$TMPD/all.out")
check_eq "list: column layout" "$line" "$(printf '  %-50s [Software event]' cpu-clock)"
check_eq "list: metric trailer" "$(tail -n 3 "$TMPD/all.out" | tr '\n' '|')" "|Metric Groups:||"

# `sw` lists the tool events too, as the reference does: they are
# counted in software, by perf itself.
run sw "$PERF" list sw
check "list sw: has tool events" grep -q '^  duration_time .*\[Tool event\]' "$TMPD/sw.out"
check "list sw: software events only otherwise" \
	test "$(grep -cv -e '\[Software event\]' -e '\[Tool event\]' "$TMPD/sw.out")" = 0

run glob "$PERF" list cs
check "list cs: matches the alias" grep -q '^  context-switches OR cs ' "$TMPD/glob.out"
check "list cs: no syntax lines" test "$(grep -c rNNN "$TMPD/glob.out")" = 0

# ---- --raw-dump: one line of bare names for shell completion ----
run raw "$PERF" list --raw-dump
check_eq "--raw-dump: exit status" "$(rc_of raw)" 0
check "--raw-dump: one line, no newline" test "$(wc -l < "$TMPD/raw.out")" = 0
check "--raw-dump: bare names" grep -q '^.* context-switches cpu-clock .* sched:sched_switch sched:sched_wakeup $' "$TMPD/raw.out"
check "--raw-dump: no layout" test "$(grep -c -e '\[' -e ' OR ' "$TMPD/raw.out")" = 0
run rawsw "$PERF" list --raw-dump sw
check_eq "--raw-dump sw" "$(out_of rawsw)" \
	"$(printf '%s ' alignment-faults bpf-output cgroup-switches context-switches \
		cpu-clock cpu-migrations dummy emulation-faults major-faults \
		minor-faults page-faults task-clock duration_time user_time system_time)"

# ---- a fake sysfs: PMU events ----
S=$TMPD/sysfs
D=$S/bus/event_source/devices
mkdir -p "$D/cpu/events" "$D/msr/events" "$D/hv_24x7/events" \
	"$D/uncore_imc_0/events" "$D/uncore_imc_10/events" || exit 1
echo 4 > "$D/cpu/type"
echo event=0x3c > "$D/cpu/events/cpu-cycles"
echo event=0xc0 > "$D/cpu/events/instructions"
echo 9 > "$D/msr/type"
echo event=0x00 > "$D/msr/events/tsc"
echo event=0x01 > "$D/msr/events/aperf"
echo 20 > "$D/hv_24x7/type"
echo 'domain=?,offset=0x10,core=?' > "$D/hv_24x7/events/pm_x"
for u in uncore_imc_0 uncore_imc_10; do
	echo 30 > "$D/$u/type"
	echo 0 > "$D/$u/cpumask"
	echo event=0xff > "$D/$u/events/clockticks"
done
run pmu env PERF_SYSFS_ROOT="$S" "$PERF" list pmu
# Core events also by their generic name; "?" terms stay in the name.
want=$(printf '  %-50s [Kernel PMU event]\n' \
	'cpu-cycles OR cpu/cpu-cycles/' 'instructions OR cpu/instructions/' \
	'hv_24x7/pm_x,domain=?,core=?/' msr/aperf/ msr/tsc/ \
	uncore_imc_0/clockticks/ uncore_imc_10/clockticks/)
check_eq "list pmu: fake sysfs" "$(out_of pmu)" "$want"
run pmuglob env PERF_SYSFS_ROOT="$S" "$PERF" list TSC
check_eq "list TSC: PMU globs ignore case" "$(out_of pmuglob)" \
	"$(printf '  %-50s [Kernel PMU event]' msr/tsc/)"
run pmuraw env PERF_SYSFS_ROOT="$S" "$PERF" list --raw-dump pmu
check_eq "--raw-dump pmu" "$(out_of pmuraw)" \
	"cpu/cpu-cycles/ cpu/instructions/ hv_24x7/pm_x,domain=?,core=?/ msr/aperf/ msr/tsc/ uncore_imc_0/clockticks/ uncore_imc_10/clockticks/ "
# --details: our addition, the encoding under each event.
run details env PERF_SYSFS_ROOT="$S" "$PERF" list --details pmu
check "--details pmu: terms under msr/tsc/" \
	grep -A1 -q '^  msr/tsc/ ' "$TMPD/details.out"
check_eq "--details pmu: encoding line" \
	"$(grep -A1 '^  msr/tsc/ ' "$TMPD/details.out" | tail -n 1)" "        msr/event=0x00/"
run details_sw "$PERF" list --details sw
check_eq "--details sw: cpu-clock encoding" \
	"$(grep -A1 '^  cpu-clock ' "$TMPD/details_sw.out" | tail -n 1)" "        type=1,config=0x0"

# ---- SDT events from a fake build-id cache ----
# Entries must point at real files whose build-id matches; our own perf
# binary and the shell serve.
build_id() {
	LC_ALL=C readelf -n "$1" 2>/dev/null | sed -n 's/^ *Build ID: *//p' | head -n 1
}
add_cache() {	# add_cache CACHE FILE PROBES_TEXT [BUILD_ID]
	local cache=$1 file=$2 text=$3 bid=${4:-$(build_id "$2")}
	mkdir -p "$cache/.build-id/${bid:0:2}" "$cache$file/$bid" || exit 1
	ln -sfn "../..$file/$bid" "$cache/.build-id/${bid:0:2}/${bid:2}"
	printf '%s\n' "$text" > "$cache$file/$bid/probes"
}
perf_bin=$(readlink -f "$PERF")
sh_bin=$(readlink -f /bin/sh)
if ! command -v readelf > /dev/null || [ -z "$(build_id "$perf_bin")" ] ||
   [ -z "$(build_id "$sh_bin")" ]; then
	echo "SDT checks skipped: readelf or build-ids missing"
else
	C=$TMPD/cache
	add_cache "$C" "$perf_bin" '%sdt_test:one=one
p:sdt_test/one /x:0x10
%sdt_test:one=one
%sdt_test:two=two
#probe:user=user'
	add_cache "$C" "$sh_bin" '%sdt_test:two=two'
	# A stale entry: the file's build-id is no longer this one.
	add_cache "$C" "$sh_bin" '%sdt_test:stale=stale' 0123456789abcdef0123456789abcdef01234567
	run sdt "$PERF" --buildid-dir "$C" list sdt
	bid_perf=$(build_id "$perf_bin")
	bid_sh=$(build_id "$sh_bin")
	# Same name from two binaries: "@path(build-id)", in build-id order.
	want=$( {
		printf '  %-50s [SDT event]\n' sdt_test:one
		printf '%s %s\n' "$bid_perf" "$perf_bin" "$bid_sh" "$sh_bin" | sort |
		while read -r b f; do
			printf '  %-50s [SDT event]\n' "sdt_test:two@$f(${b:0:12})"
		done
	} )
	check_eq "list sdt: fake build-id cache" "$(out_of sdt)" "$want"
	run sdtglob "$PERF" --buildid-dir "$C" list 'sdt_test:o*'
	check_eq "list 'sdt_test:o*'" "$(out_of sdtglob)" \
		"$(printf '  %-50s [SDT event]' sdt_test:one)"
	run sdtraw "$PERF" --buildid-dir "$C" list --raw-dump sdt
	check_eq "--raw-dump sdt" "$(out_of sdtraw)" "sdt_test:one sdt_test:two sdt_test:two "
fi

# ---- options ----
run badopt "$PERF" list --no-such-option
check_eq "bad option: exit 129" "$(rc_of badopt)" 129
check "bad option: usage on stderr" grep -q 'Usage: perf list' "$TMPD/badopt.err"
run help "$PERF" list -h
check_eq "-h: exit 129" "$(rc_of help)" 129
check "-h: --raw-dump stays hidden" test "$(grep -c raw-dump "$TMPD/help.err")" = 0
run metric "$PERF" list metric
check_eq "list metric" "$(out_of metric | tr '\n' '|')" "|Metrics:||"

finish
