#!/bin/bash
# perf report/script on damaged perf.data files: no crash, no hang, one-line errors
# SPDX-License-Identifier: GPL-2.0
#
# A bounded mutation test: a fixed-seed mutator (lib/perf_data_mutate.py)
# damages real perf.data files, ours and the reference's (bit flips,
# truncations, hostile sizes and offsets in the header, the feature table
# and the records), and each mutant goes through perf report --stats,
# --stdio, -D and perf script. Every run must end by itself (timeout), in
# bounded memory (ulimit -v; under ASan, whose shadow memory needs a big
# address space, the allocator's own limit), without a signal or a
# sanitizer report, and a file it refuses gets an error message.
#
# MUTANTS=N overrides the count (default 160, 48 in a sanitizer build:
# about a minute each on an idle 2-core machine).
# The reference perf, when installed, runs the same mutants and its
# crashes and hangs are printed as a figure only: it is not the subject.
. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

HERE=$(cd "$(dirname "$0")" && pwd)
D=$(cd "$HERE/../data" 2>/dev/null && pwd)
C=$(cd "$HERE/../fuzz/corpus/perf-data" 2>/dev/null && pwd)
command -v python3 > /dev/null || skip "no python3 for the mutator"
[ -r "$D/cpu-clock.data" ] || skip "no fixtures in tests/data"

inputs=("$D/cpu-clock.data" "$D/cpu-clock-g.data" "$D/cpu-clock-z.data"
	"$D/cpu-clock.pipe.data" "$D/cpu-clock-be.data" "$D/group-clock.data"
	"$D/sched-switch.data" "$D/killed.data")
# Our own recordings (checked in with the fuzz seeds).
for f in ours-task.data ours-g.data ours-z.data ours.pipe.data; do
	[ -r "$C/$f" ] && inputs+=("$C/$f")
done

sanitized=0
"$PERF" version --build-options 2>/dev/null | grep -q 'sanitizers: \[ on' && sanitized=1
if [ "$sanitized" = 1 ]; then
	count=${MUTANTS:-48}
	limit=30
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}allocator_may_return_null=1:max_allocation_size_mb=1024:hard_rss_limit_mb=2048"
	# libtraceevent's own leaks on damaged formats (see the file) are not ours.
	supp=$HERE/../fuzz/lsan.supp
	[ -r "$supp" ] && export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$supp:print_suppressions=0"
else
	count=${MUTANTS:-160}
	limit=10
fi

mkdir -p "$TMPD/m"
python3 "$HERE/lib/perf_data_mutate.py" 9 "$count" "$TMPD/m" "${inputs[@]}" > "$TMPD/list" ||
	{ echo "mutator failed"; exit 1; }

# run_one TOOL NAME MUTANT ARGS...: one classification word on stdout:
# ok, rejected, silent (refused without a word), verbose (more than 5
# lines of errors), crash, hang, sanitizer.
run_one()
{
	local tool=$1 name=$2 m=$3 rc
	shift 3
	if [ "$sanitized" = 1 ] || [ "$tool" != "$PERF" ]; then
		timeout -k 2 "$limit" "$tool" "$@" -i "$m" > /dev/null 2> "$TMPD/err" < /dev/null
	else
		( ulimit -v 2097152; exec timeout -k 2 "$limit" "$tool" "$@" -i "$m" ) \
			> /dev/null 2> "$TMPD/err" < /dev/null
	fi
	rc=$?
	if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|UndefinedBehaviorSanitizer' "$TMPD/err"; then
		echo sanitizer
	elif [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
		echo hang
	elif [[ " 132 133 134 135 136 139 159 " == *" $rc "* ]]; then
		# SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGSYS (255 is perf's -1)
		echo crash
	elif [ "$rc" != 0 ] && ! grep -q '[[:alnum:]]' "$TMPD/err"; then
		echo silent
	elif [ "$rc" != 0 ] && [ "$(wc -l < "$TMPD/err")" -gt 5 ]; then
		# One line says why; a warning or two before it may say what was skipped.
		echo verbose
	elif [ "$rc" != 0 ]; then
		echo rejected
	else
		echo ok
	fi
}

# Kernel symbols from an empty file: parsing /proc/kallsyms for every run
# would take most of the time budget and is not what is tested here.
: > "$TMPD/kallsyms"
cmds=("report --stats" "report --stdio --kallsyms $TMPD/kallsyms" "report -D"
	"script --kallsyms $TMPD/kallsyms")
declare -A ours ref
runs=0 start=$SECONDS
while read -r name desc; do
	for c in "${cmds[@]}"; do
		# shellcheck disable=SC2086
		r=$(run_one "$PERF" "$name" "$TMPD/m/$name" $c)
		runs=$((runs + 1))
		ours[$r]=$(( ${ours[$r]:-0} + 1 ))
		case $r in
		crash|hang|sanitizer|silent|verbose)
			fail "$r: perf $c -i $name ($desc)"
			sed 's/^/   | /' "$TMPD/err" | head -n 30
			mkdir -p "${KEEP_MUTANTS:-$TMPD/keep}"
			cp "$TMPD/m/$name" "${KEEP_MUTANTS:-$TMPD/keep}/" ;;
		esac
	done
done < "$TMPD/list"
ours_time=$((SECONDS - start))

summary() {
	local -n h=$1
	printf 'ok %d, rejected %d, silent %d, verbose %d, crash %d, hang %d, sanitizer %d' \
		"${h[ok]:-0}" "${h[rejected]:-0}" "${h[silent]:-0}" "${h[verbose]:-0}" "${h[crash]:-0}" \
		"${h[hang]:-0}" "${h[sanitizer]:-0}"
}
echo "mutants: $count, runs: $runs in ${ours_time}s"
echo "ours:      $(summary ours)"

REF=${REF_PERF:-/usr/bin/perf}
if [ "$sanitized" = 0 ] && [ -x "$REF" ] && [ "$REF" != "$PERF" ] && [ -z "$NO_REF" ]; then
	limit=5
	while read -r name desc; do
		for c in "report --stats" "script --kallsyms $TMPD/kallsyms"; do
			# shellcheck disable=SC2086
			r=$(run_one "$REF" "$name" "$TMPD/m/$name" $c)
			ref[$r]=$(( ${ref[$r]:-0} + 1 ))
		done
	done < <(awk 'NR % 4 == 1' "$TMPD/list")
	echo "reference: $(summary ref) (every 4th mutant, report --stats and script only; a figure, not a check)"
fi
finish
