#!/bin/bash
# perf list side by side with the reference perf
# SPDX-License-Identifier: GPL-2.0
#
# Both binaries list this machine's events; the output must be the same.
# The full listing is compared section by section (sorted, so an ordering
# bug shows as a separate failure), the filters byte for byte, paged
# output (blank lines between sections) under script(1), SDT events from
# a fake build-id cache, and, when we may mount, PMU events from a fake
# sysfs.
#
# Documented differences (filtered out before comparing):
#  - --details: we print the encoding of every event on an indented line
#    under it ("type=1,config=0x0", "msr/event=0x00/"); the reference
#    (6.1) prints encodings only for events with descriptions. Indented
#    lines are dropped from both sides for that comparison.
#  - --debug output (stderr) differs; only stdout is compared.

. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate
# A real /etc/perfconfig (buildid.dir, pager) must not leak into either side.
export PERF_CONFIG_NOSYSTEM=1

# same NAME ARGS...: both perfs' stdout and exit status must be identical.
same() {
	local name=$1
	shift
	"$REF" "$@" > "$TMPD/$name.ref" 2> /dev/null < /dev/null
	echo "rc=$?" >> "$TMPD/$name.ref"
	"$PERF" "$@" > "$TMPD/$name.our" 2> /dev/null < /dev/null
	echo "rc=$?" >> "$TMPD/$name.our"
	if ! cmp -s "$TMPD/$name.ref" "$TMPD/$name.our"; then
		fail "perf $*: output differs from the reference"
		diff "$TMPD/$name.ref" "$TMPD/$name.our" | cut -c1-160 | head -n 20
	fi
}

# sections FILE: "type<TAB>line" per event line, "-<TAB>line" for others.
sections() {
	sed -e 's/^\(.*\[\(.*\)\]\)$/\2\t\1/' -e 't' -e 's/^/-\t/' "$1"
}

# ---- the full listing, per section ----
"$REF" list > "$TMPD/all.ref" 2> /dev/null < /dev/null
"$PERF" list > "$TMPD/all.our" 2> /dev/null < /dev/null
check_eq "perf list: section order" \
	"$(sections "$TMPD/all.our" | cut -f1 | uniq | tr '\n' ,)" \
	"$(sections "$TMPD/all.ref" | cut -f1 | uniq | tr '\n' ,)"
for sec in $(sections "$TMPD/all.ref" "$TMPD/all.our" | cut -f1 | sort -u | tr ' ' '_'); do
	s=${sec//_/ }
	sections "$TMPD/all.ref" | awk -F'\t' -v s="$s" '$1 == s' | sort > "$TMPD/sec.ref"
	sections "$TMPD/all.our" | awk -F'\t' -v s="$s" '$1 == s' | sort > "$TMPD/sec.our"
	if ! cmp -s "$TMPD/sec.ref" "$TMPD/sec.our"; then
		fail "perf list: section [$s] differs"
		diff "$TMPD/sec.ref" "$TMPD/sec.our" | cut -c1-160 | head -n 20
	fi
done
check "perf list: identical as a whole" cmp -s "$TMPD/all.ref" "$TMPD/all.our"

# ---- filters and the raw dump, byte for byte ----
same sw list sw
same software list software
same hw list hw
same cache list cache
same pmu list pmu
same tracepoint list tracepoint
same sched list 'sched:*'
same sched_s list 'sched:sched_s*'
same sched_colon list 'sched:'
same word_sched list sched
same word_cs list cs
same word_clock list '*clock*'
same word_tsc list TSC
same word_none list no_such_event_anywhere
same two list sw hw
same metric list metric
same metricgroup list metricgroup
same sdt list sdt
same raw list --raw-dump
same raw_sw list --raw-dump sw
same raw_pmu list --raw-dump pmu
same raw_tp list --raw-dump tracepoint
same raw_metric list --raw-dump metric
same no_desc list --no-desc
same long_desc list --long-desc
same deprecated list --deprecated
same after_word list sw --raw-dump

# --details: our encoding lines are an addition (see the header).
"$REF" list --details 2> /dev/null | grep -v '^        ' > "$TMPD/details.ref"
"$PERF" list --details 2> /dev/null | grep -v '^        ' > "$TMPD/details.our"
check "perf list --details: same events" cmp -s "$TMPD/details.ref" "$TMPD/details.our"

# Options: usage text and exit codes.
"$REF" list -h > /dev/null 2> "$TMPD/h.ref"; echo "rc=$?" >> "$TMPD/h.ref"
"$PERF" list -h > /dev/null 2> "$TMPD/h.our"; echo "rc=$?" >> "$TMPD/h.our"
check "perf list -h: same usage and status" cmp -s "$TMPD/h.ref" "$TMPD/h.our"
"$REF" list --bad-opt > /dev/null 2> "$TMPD/bad.ref"; echo "rc=$?" >> "$TMPD/bad.ref"
"$PERF" list --bad-opt > /dev/null 2> "$TMPD/bad.our"; echo "rc=$?" >> "$TMPD/bad.our"
check "perf list --bad-opt: same message and status" cmp -s "$TMPD/bad.ref" "$TMPD/bad.our"
same list_opts list --list-opts

# ---- paged output: the blank lines the reference adds in a pager ----
if command -v script > /dev/null; then
	for args in "" "sw" "cs" "pmu" "tracepoint" "metric" "--raw-dump" \
		    "--raw-dump sw" "sched:sched_s*"; do
		for p in ref our; do
			bin=$PERF
			[ $p = ref ] && bin=$REF
			PERF_PAGER='cat -v' script -qec "'$bin' list $args" /dev/null \
				< /dev/null 2> /dev/null | tr -d '\r' > "$TMPD/paged.$p"
		done
		if ! cmp -s "$TMPD/paged.ref" "$TMPD/paged.our"; then
			fail "perf list $args in a pager differs"
			diff "$TMPD/paged.ref" "$TMPD/paged.our" | cut -c1-160 | head -n 10
		fi
	done
else
	echo "paged checks skipped: no script(1)"
fi

# ---- SDT events from a fake build-id cache ----
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
if command -v readelf > /dev/null && [ -n "$(build_id "$perf_bin")" ] &&
   [ -n "$(build_id "$sh_bin")" ]; then
	C=$TMPD/cache
	add_cache "$C" "$perf_bin" '%sdt_test:one=one
%sdt_test:one=one
%sdt_test:two=two
%sdt_other:three=three'
	add_cache "$C" "$sh_bin" '%sdt_test:two=two'
	add_cache "$C" "$sh_bin" '%sdt_test:stale=stale' 0123456789abcdef0123456789abcdef01234567
	same sdt_cache --buildid-dir "$C" list sdt
	same sdt_all --buildid-dir "$C" list
	same sdt_glob --buildid-dir "$C" list 'sdt_test:*'
	same sdt_word --buildid-dir "$C" list two
	same sdt_raw --buildid-dir "$C" list --raw-dump sdt
else
	echo "SDT checks skipped: readelf or build-ids missing"
fi

# ---- PMU events from a fake sysfs, when we may mount over sysfs ----
# The reference reads /sys only, so the fake tree is bind-mounted over
# /sys/bus/event_source/devices in a private mount namespace.
S=$TMPD/devices
mkdir -p "$S/cpu/events" "$S/msr/events" "$S/hv_24x7/events" \
	"$S/uncore_imc_0/events" "$S/uncore_imc_10/events" \
	"$S/uncore_imc_2/events" "$S/software" "$S/tracepoint" || exit 1
echo 4 > "$S/cpu/type"
echo event=0x3c > "$S/cpu/events/cpu-cycles"
echo event=0xc0 > "$S/cpu/events/instructions"
echo 'event=0x00,umask=0x03' > "$S/cpu/events/ref-cycles"
echo 9 > "$S/msr/type"
echo event=0x00 > "$S/msr/events/tsc"
echo event=0x01 > "$S/msr/events/aperf"
echo 20 > "$S/hv_24x7/type"
echo 'domain=?,offset=0x10,core=?,lpar=0x0' > "$S/hv_24x7/events/pm_x"
for u in uncore_imc_0 uncore_imc_10 uncore_imc_2; do
	echo 30 > "$S/$u/type"
	echo 0 > "$S/$u/cpumask"
	echo event=0x4 > "$S/$u/events/cas_count_read"
	echo MiB > "$S/$u/events/cas_count_read.unit"
	echo 6.1e-5 > "$S/$u/events/cas_count_read.scale"
done
echo 1 > "$S/software/type"
echo 2 > "$S/tracepoint/type"
in_fake_sysfs() {	# in_fake_sysfs OUT BIN ARGS...
	local out=$1
	shift
	# shellcheck disable=SC2016
	unshare -m sh -c 'mount --bind "$0" /sys/bus/event_source/devices &&
		exec "$@"' "$S" "$@" > "$out" 2> /dev/null < /dev/null
}
if [ "$(id -u)" = 0 ] && command -v unshare > /dev/null &&
   in_fake_sysfs /dev/null true; then
	for args in "pmu" "" "cycles" "CAS" "imc" "cpu" "--raw-dump pmu" "--raw-dump"; do
		# shellcheck disable=SC2086
		in_fake_sysfs "$TMPD/fake.ref" "$REF" list $args
		# shellcheck disable=SC2086
		in_fake_sysfs "$TMPD/fake.our" "$PERF" list $args
		if ! cmp -s "$TMPD/fake.ref" "$TMPD/fake.our"; then
			fail "perf list $args on a fake sysfs differs"
			diff "$TMPD/fake.ref" "$TMPD/fake.our" | cut -c1-160 | head -n 10
		fi
	done
	# Event names keep their sysfs spelling in the reference.
	mkdir -p "$S/upper/events" && echo 21 > "$S/upper/type" &&
		echo event=0x1 > "$S/upper/events/PM_UPPER"
	upper_case() {
		in_fake_sysfs "$TMPD/upper.ref" "$REF" list pmu
		in_fake_sysfs "$TMPD/upper.our" "$PERF" list pmu
		check "sysfs event names keep their case" \
			cmp -s "$TMPD/upper.ref" "$TMPD/upper.our"
	}
	upper_case
else
	echo "fake sysfs checks skipped: needs root and unshare -m"
fi

finish
