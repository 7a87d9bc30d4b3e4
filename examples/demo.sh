#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# `make demo`: count and profile the example workload with this perf.
#
# Runs, from the top of the tree:
#   perf stat -- examples/workload
#   perf record -g -o <tmp>/perf.data -- examples/workload
#   perf report --stdio -i <tmp>/perf.data
# A subcommand this perf does not have yet is reported in one line and
# skipped: the demo shows what works today and exits 0 when the build
# does. A subcommand that exists but fails makes the demo fail.
#
# Environment: PERF (default ./perf), DEMO_REPORT_LINES (default 60, how
# much of the report to show; 0 shows all of it).

cd "$(dirname "$0")/.." || exit 1

PERF=${PERF:-./perf}
WORKLOAD=examples/workload
REPORT_LINES=${DEMO_REPORT_LINES:-60}
case $REPORT_LINES in
'' | *[!0-9]*) REPORT_LINES=60 ;;
esac
failed=0
summary=

say() {
	printf 'demo: %s\n' "$*"
}

note() {
	summary="$summary $1"
}

# Shows the command the way a user would type it, then runs it.
run() {
	printf '\n$ %s\n' "$*"
	"$@"
}

# A subcommand exists when `perf CMD -h` prints its usage and exits 129;
# a planned one prints "not supported by this perf yet" and exits 1.
supported() {
	out=$("$PERF" "$1" -h 2>&1 </dev/null)
	rc=$?
	# Only the command itself saying so counts: option help texts may
	# mention options that are not supported yet.
	case $(printf '%s\n' "$out" | head -n 1) in
	*"'$1' is not supported by this perf yet"*)
		say "skipping 'perf $1': not supported by this perf yet"
		return 1 ;;
	esac
	if [ "$rc" -ne 129 ] && [ "$rc" -ne 0 ]; then
		say "skipping 'perf $1': 'perf $1 -h' exited $rc, so it is not available"
		return 1
	fi
	return 0
}

# perf_event_paranoid 3 (a Debian/Android patch) and higher forbid all
# events to users without CAP_PERFMON; there is nothing to demonstrate.
events_allowed() {
	paranoid_file=/proc/sys/kernel/perf_event_paranoid
	if [ ! -r "$paranoid_file" ]; then
		say "this kernel has no perf events ($paranoid_file is missing)"
		return 1
	fi
	paranoid=$(cat "$paranoid_file")
	if [ "$(id -u)" -ne 0 ] && [ "$paranoid" -gt 2 ]; then
		say "perf_event_paranoid is $paranoid: events are off for users; try as root or set it to 2"
		return 1
	fi
	return 0
}

if [ ! -x "$PERF" ]; then
	say "'$PERF' is missing: run 'make' first"
	exit 1
fi
if [ ! -x "$WORKLOAD" ]; then
	say "'$WORKLOAD' is missing: run 'make -C examples' first"
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/perf-demo.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "perf is $PERF ($("$PERF" --version 2>/dev/null))"
say "the workload is $WORKLOAD: main -> run -> fill_records, compute_checksums,"
say "sort_records and lookup_keys, built with frame pointers for call graphs"

if ! events_allowed; then
	say "done: nothing measured"
	exit 0
fi

# 1. Counting.
printf '\n'
say "1. count events while the workload runs"
if supported stat; then
	if run "$PERF" stat -- "$WORKLOAD"; then
		note "stat:ok"
	else
		say "'perf stat' failed"
		note "stat:FAILED"
		failed=1
	fi
else
	note "stat:skipped"
fi

# 2. Sampling with call graphs, then the report.
printf '\n'
say "2. sample the workload with call graphs (-g uses the frame pointers)"
recorded=0
if supported record; then
	if run "$PERF" record -g -o "$tmp/perf.data" -- "$WORKLOAD"; then
		recorded=1
		note "record:ok"
	else
		say "'perf record' failed"
		note "record:FAILED"
		failed=1
	fi
else
	note "record:skipped"
fi

printf '\n'
say "3. report where the samples fell"
if ! supported report; then
	note "report:skipped"
elif [ "$recorded" -ne 1 ]; then
	say "skipping 'perf report': there is no perf.data to read"
	note "report:skipped"
else
	# Through a file, so no pager starts and long call graphs can be cut.
	printf '\n$ %s\n' "$PERF report --stdio -i $tmp/perf.data"
	if "$PERF" report --stdio -i "$tmp/perf.data" >"$tmp/report.txt" 2>"$tmp/report.err"; then
		total=$(wc -l <"$tmp/report.txt")
		if [ "$REPORT_LINES" -gt 0 ] && [ "$total" -gt "$REPORT_LINES" ]; then
			head -n "$REPORT_LINES" "$tmp/report.txt"
			say "... $((total - REPORT_LINES)) more lines (DEMO_REPORT_LINES=0 shows them all)"
		else
			cat "$tmp/report.txt"
		fi
		note "report:ok"
	elif grep -q "not supported by this perf yet" "$tmp/report.err"; then
		say "skipping 'perf report --stdio': $(head -n 1 "$tmp/report.err")"
		note "report:skipped"
	else
		cat "$tmp/report.err" >&2
		say "'perf report' failed"
		note "report:FAILED"
		failed=1
	fi
fi

printf '\n'
say "done:$summary"
exit $failed
