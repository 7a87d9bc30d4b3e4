#!/bin/bash
# make fuzz's runner: each libFuzzer target of .build/fuzz/fuzz/ for
# $FUZZ_SECONDS seconds, starting from the checked-in seeds
# (tests/fuzz/corpus/<target>) plus what earlier runs kept
# (.build/fuzz/corpus/<target>). A crash, hang (over 10 s) or leak leaves
# its input in .build/fuzz/findings/<target>/; fix it, then copy the input
# to tests/fuzz/regress/<target>/ so `perf test fuzz` replays it.
# Prints one line per target and the totals; appends them to
# .build/fuzz/results.txt (bench/fuzz-figures.sh reads it).
cd "$(dirname "$0")/../.." || exit 1
seconds=${FUZZ_SECONDS:-60}
out=.build/fuzz
[ $# -gt 0 ] || set -- $(ls tests/fuzz/*.c | sed 's,.*/,,; s,\.c$,,')
total_execs=0 total_found=0 failed=0
for t in "$@"; do
	bin=$out/fuzz/$t
	if [ ! -x "$bin" ]; then
		echo "fuzz $t: not built (run make fuzz)"
		failed=1
		continue
	fi
	corpus=$out/corpus/$t findings=$out/findings/$t log=$out/logs/$t.log
	mkdir -p "$corpus" "$findings" "$out/logs"
	seeds=tests/fuzz/corpus/$t
	[ -d "$seeds" ] || seeds=
	dict=tests/fuzz/$t.dict
	[ -f "$dict" ] && dict="-dict=$dict" || dict=
	before=$(ls "$findings" | wc -l)
	# Findings are kept, not fatal: -fork keeps fuzzing after one.
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-malloc_limit_mb=1024 -max_len=65536 -close_fd_mask=3 \
		-print_final_stats=1 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
		-ignore_ooms=1 -artifact_prefix="$findings/" $dict \
		"$corpus" $seeds > "$log" 2>&1
	execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{ s += $2 } END { print s + 0 }')
	if [ "$execs" = 0 ]; then
		# -fork prints per-job totals as "#N ... DONE" lines.
		execs=$(grep -Eo '^#[0-9]+' "$log" | tr -d '#' | sort -n | tail -n 1)
		execs=${execs:-0}
	fi
	found=$(( $(ls "$findings" | wc -l) - before ))
	total_execs=$((total_execs + execs))
	total_found=$((total_found + found))
	line=$(printf 'fuzz %-14s %6ss %10s execs %3s new findings, corpus %s' \
		"$t" "$seconds" "$execs" "$found" "$(ls "$corpus" | wc -l)")
	echo "$line"
	echo "$(date -u +%FT%TZ) $line" >> "$out/results.txt"
done
echo "fuzz total: $# targets, $total_execs execs, $total_found new findings (inputs in $out/findings/)"
exit $failed
