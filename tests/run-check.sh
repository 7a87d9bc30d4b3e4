#!/bin/bash
# make check's runner: the unit suites and shell tests (through ./perf test),
# then the compatibility tests against the reference perf in tests/compat/.
# Prints each result line, and at the end one line:
#   N passed, N failed, N skipped
# Exits non-zero when anything failed.
cd "$(dirname "$0")/.." || exit 1

PERF=${PERF:-$PWD/perf}
export PERF
out=$(mktemp)
trap 'rm -f "$out"' EXIT

passed=0 failed=0 skipped=0

count() {
	local p f s
	p=$(grep -c ': Ok$' "$out")
	f=$(grep -c ': FAILED!' "$out")
	s=$(grep -c ': Skip' "$out")
	passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}

echo "== perf test (unit suites and tests/shell)"
"$PERF" test "$@" 2>&1 | tee "$out"
count

echo "== tests/compat (side by side with the reference perf)"
: > "$out"
n=0
for t in tests/compat/*.sh; do
	[ -e "$t" ] || continue
	case ${t##*/} in lib.sh) continue ;; esac
	n=$((n + 1))
	desc=$(sed -n '2s/^# *//p' "$t")
	log=$(mktemp)
	timeout 900 bash "$t" > "$log" 2>&1
	rc=$?
	case $rc in
	0) res="Ok" ;;
	2) res="Skip ($(grep -v '^$' "$log" | tail -n 1))" ;;
	*) res="FAILED!" ;;
	esac
	line=$(printf '%3d: %-50s: %s' "$n" "$desc" "$res")
	echo "$line" | tee -a "$out"
	if [ "$rc" != 0 ] && [ "$rc" != 2 ]; then
		sed 's/^/    | /' "$log" | tail -n 40
	fi
	rm -f "$log"
done
count

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
