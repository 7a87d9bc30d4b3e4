#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# `make bench`: time the reference perf and ours on the same commands,
# side by side, and compare each ratio (ours / reference) with its goal.
#
#   bash bench/run.sh [FRAGMENT...]    only the cases whose file name or
#                                      title contains a FRAGMENT
#
# Each case runs both binaries interleaved (bench/timeit.c), BENCH_RUNS
# times each after two warm-up runs, and keeps the minimum: the run least
# disturbed by the rest of the machine, which is what makes the numbers
# repeatable on a busy box. The median is shown too, as a noise gauge.
#
# Environment:
#   PERF         our binary            (default ./perf)
#   REF_PERF     the reference binary  (default /usr/bin/perf)
#   BENCH_RUNS   timed runs per binary (default 15)
#   BENCH_STRICT set to 1 to exit 1 when a goal is missed or a case fails;
#                by default the bench reports and exits 0
#   CC           compiler for the timing helper (default cc)
#
# A case is a file bench/cases/NN-name.sh, sourced by bash in a subshell,
# that sets:
#   bench_name    title in the table
#   bench_goal    largest acceptable ours/reference ratio of the minimums
#   bench_rss_goal optional: largest acceptable ours/reference ratio of the
#                 peak resident set sizes (the largest of each binary's runs)
#   bench_args    array of arguments given to both binaries
#   bench_runs    optional: timed runs for this case (a slow reference), at
#                 most BENCH_RUNS
#   bench_needs   optional: a subcommand ours must have, or the case is
#                 skipped (as long as perf reports it "not supported yet")
#   bench_setup   optional function, run once before timing, in $BENCH_TMP
#                 (a scratch directory; $BENCH_ROOT is the top of the tree).
#                 It usually prepares input with the reference perf, so when
#                 it fails the case is skipped, with its last line of output
# The variables REF_PERF, PERF, BENCH_TMP, BENCH_ROOT and BENCH_GEN (the
# perf.data generator, bench/gen-perf-data.c) can be used in a case.
# A case is timed as a plain exec of the binary, without a shell around it.

set -u

cd "$(dirname "$0")/.." || exit 1

PERF=${PERF:-./perf}
REF_PERF=${REF_PERF:-/usr/bin/perf}
RUNS=${BENCH_RUNS:-15}
STRICT=${BENCH_STRICT:-0}

# Exit codes of run_case, tallied by the main loop.
CASE_MET=0
CASE_MISSED=1
CASE_SKIPPED=2
CASE_FAILED=3

die() {
	echo "bench: $*" >&2
	exit 1
}

case $RUNS in
'' | *[!0-9]* | 0) die "BENCH_RUNS must be a positive number, not '$RUNS'" ;;
esac
[ -x "$PERF" ] || die "'$PERF' is missing: run 'make' first"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/perf-bench.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

TIMEIT=$tmp/timeit
${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -o "$TIMEIT" bench/timeit.c ||
	die "cannot compile bench/timeit.c"
# The perf.data generator of the report cases ($BENCH_GEN in a case).
BENCH_GEN=$tmp/gen-perf-data
export BENCH_GEN
${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -o "$BENCH_GEN" bench/gen-perf-data.c ||
	die "cannot compile bench/gen-perf-data.c"

# Same test as examples/demo.sh: "-h" exits 129 for a command that exists.
supported() {
	local out rc

	out=$("$PERF" "$1" -h 2>&1 </dev/null)
	rc=$?
	[[ $out == *"not supported by this perf yet"* ]] && return 1
	[ "$rc" -eq 129 ] || [ "$rc" -eq 0 ]
}

ms() {
	awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e6 }'
}

ROW='%-36s %10s %10s %6s %6s  %-4s %10s %10s %8s %8s %5s\n'

# Prints the table row of one case; its exit status is a CASE_* value.
run_case() {
	local file=$1 out ref_min ref_med ref_st ref_rss ours_min ours_med ours_st ours_rss
	local ratio met rss_ratio=-

	bench_name=$(basename "$file" .sh)
	bench_goal=
	bench_rss_goal=
	bench_runs=
	bench_needs=
	bench_args=()
	# shellcheck source=/dev/null
	. "$file" || { printf '%-36s FAILED (cannot read %s)\n' "$bench_name" "$file"; return $CASE_FAILED; }

	if [ -z "$bench_goal" ] || [ ${#bench_args[@]} -eq 0 ]; then
		printf '%-36s FAILED (%s sets no bench_goal or bench_args)\n' "$bench_name" "$file"
		return $CASE_FAILED
	fi
	if [ ! -x "$REF_PERF" ]; then
		printf '%-36s skipped (no reference perf at %s)\n' "$bench_name" "$REF_PERF"
		return $CASE_SKIPPED
	fi
	if [ -n "$bench_needs" ] && ! supported "$bench_needs"; then
		printf '%-36s skipped (perf %s not supported yet)\n' "$bench_name" "$bench_needs"
		return $CASE_SKIPPED
	fi
	if declare -F bench_setup >/dev/null && ! (cd "$BENCH_TMP" && bench_setup) >"$tmp/setup.log" 2>&1; then
		printf '%-36s skipped (setup failed: %s)\n' "$bench_name" "$(tail -n 1 "$tmp/setup.log")"
		return $CASE_SKIPPED
	fi

	# A command that exists but lacks the case's mode (report without
	# --stdio call graphs yet) says so when run: a skip, not a failure.
	if [ -n "$bench_needs" ] &&
	   "$PERF" "${bench_args[@]}" 2>&1 >/dev/null </dev/null | grep -q 'not supported by this perf yet'; then
		printf '%-36s skipped (perf %s not supported yet)\n' "$bench_name" "${bench_args[*]:0:2}"
		return $CASE_SKIPPED
	fi

	local runs=$RUNS
	if [ -n "$bench_runs" ] && [ "$bench_runs" -lt "$RUNS" ]; then
		runs=$bench_runs
	fi
	if ! out=$("$TIMEIT" -n "$runs" "$REF_PERF" "${bench_args[@]}" ::: "$PERF" "${bench_args[@]}" 2>&1); then
		printf '%-36s FAILED (%s)\n' "$bench_name" "${out##*$'\n'}"
		return $CASE_FAILED
	fi
	{ read -r ref_min ref_med ref_st ref_rss; read -r ours_min ours_med ours_st ours_rss; } <<<"$out"

	if [ "$ref_st" != ok ]; then
		printf '%-36s skipped (the reference fails here: %s)\n' "$bench_name" "$ref_st"
		return $CASE_SKIPPED
	fi
	if [ "$ours_st" != ok ]; then
		printf '%-36s FAILED (ours: %s, the reference: ok)\n' "$bench_name" "$ours_st"
		return $CASE_FAILED
	fi

	ratio=$(awk -v a="$ours_min" -v b="$ref_min" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
	if awk -v r="$ratio" -v g="$bench_goal" 'BEGIN { exit !(r <= g) }'; then
		met=yes
	else
		met=NO
	fi
	if [ -n "$bench_rss_goal" ]; then
		rss_ratio=$(awk -v a="$ours_rss" -v b="$ref_rss" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
		awk -v r="$rss_ratio" -v g="$bench_rss_goal" 'BEGIN { exit !(r <= g) }' || met=NO
		rss_ratio="$rss_ratio/$bench_rss_goal"
	fi
	# shellcheck disable=SC2059
	printf "$ROW" "$bench_name" "$(ms "$ref_min")" "$(ms "$ours_min")" "$ratio" \
		"<=$bench_goal" "$met" "$(ms "$ref_med")" "$(ms "$ours_med")" \
		"$((ref_rss / 1024))M" "$((ours_rss / 1024))M" "$rss_ratio"
	[ "$met" = yes ] && return $CASE_MET
	return $CASE_MISSED
}

selected() {
	local file=$1 frag title

	[ $# -eq 1 ] && return 0
	title=$(sed -n 's/^bench_name="\(.*\)"$/\1/p' "$file")
	shift
	for frag in "$@"; do
		[[ $file == *"$frag"* || $title == *"$frag"* ]] && return 0
	done
	return 1
}

export BENCH_TMP=$tmp/scratch BENCH_ROOT=$PWD REF_PERF PERF
mkdir -p "$BENCH_TMP"

echo "bench: minimum of $RUNS interleaved runs per binary, times in ms"
echo "bench: reference $REF_PERF ($("$REF_PERF" --version 2>/dev/null || echo missing))"
echo "bench: ours      $PERF ($("$PERF" --version 2>/dev/null))"
if "$PERF" version --build-options 2>/dev/null | grep -q 'sanitizers: \[ on'; then
	echo "bench: warning: $PERF is a SANITIZE=1 build; its times say little (rebuild with 'make')"
fi
echo
# shellcheck disable=SC2059
printf "$ROW" case reference ours ratio goal met "ref med" "ours med" "ref rss" "our rss" "rss"

met=0 missed=0 skipped=0 failed=0 total=0
for f in bench/cases/*.sh; do
	[ -e "$f" ] || continue
	selected "$f" "$@" || continue
	( run_case "$f" )
	case $? in
	"$CASE_MET") met=$((met + 1)) ;;
	"$CASE_MISSED") missed=$((missed + 1)) ;;
	"$CASE_SKIPPED") skipped=$((skipped + 1)) ;;
	*) failed=$((failed + 1)) ;;
	esac
	total=$((total + 1))
done

# The *.bash cases measure something other than time (bytes per sample,
# lost events) and print their own table; they run with the full set only.
if [ $# -eq 0 ]; then
	for f in bench/cases/*.bash; do
		[ -e "$f" ] || continue
		grep -q '^# Not a timed case' "$f" || continue
		echo
		echo "bench: $(sed -n '3s/^# //p' "$f")"
		PERF=$PERF REF_PERF=$REF_PERF bash "$f" || echo "bench: $f failed"
	done
fi

echo
echo "bench: $total cases: $met met the goal, $missed missed, $skipped skipped, $failed failed"
if [ "$STRICT" = 1 ] && [ $((missed + failed)) -gt 0 ]; then
	exit 1
fi
exit 0
