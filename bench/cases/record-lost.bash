#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# perf record: samples lost under a high-rate tracepoint load, ours and
# the reference's.
#
# Not a timed case (bench/run.sh runs it after the timed ones, or run it
# as `bash bench/cases/record-lost.bash`). A tight loop of getppid(2)
# hits syscalls:sys_enter_getppid as fast as a CPU can, into one-page
# rings (-m 1), so the writer cannot keep up and the kernel drops
# samples. The two perfs run alternately, RUNS times each; the table
# shows the samples kept and lost (PERF_FORMAT_LOST, the LOST_SAMPLES
# records) as the reference's reader counts them. The goal is to lose
# no more than the reference.
#
# Environment: PERF (default ./perf), REF_PERF (default /usr/bin/perf),
# RUNS (default 3), LOOPS (getppid calls per run, default 1000000),
# PAGES (the -m value, default 1), CC (default cc).
set -u
cd "$(dirname "$0")/../.." || exit 1
PERF=${PERF:-./perf}
REF=${REF_PERF:-/usr/bin/perf}
RUNS=${RUNS:-3}
LOOPS=${LOOPS:-1000000}
PAGES=${PAGES:-1}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/perf-lost.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

[ -x "$PERF" ] || { echo "no $PERF: run make first"; exit 1; }
[ -x "$REF" ] || { echo "no reference perf at $REF"; exit 2; }
if [ ! -r /sys/kernel/tracing/events/syscalls/sys_enter_getppid/format ] &&
   [ ! -r /sys/kernel/debug/tracing/events/syscalls/sys_enter_getppid/format ]; then
	echo "no syscalls:sys_enter_getppid tracepoint here (root and tracefs needed)"
	exit 2
fi
cat > "$tmp/loop.c" <<'CEOF'
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>
int main(int argc, char **argv)
{
	long i, n = argc > 1 ? atol(argv[1]) : 1000000;

	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}
CEOF
${CC:-cc} -O2 -o "$tmp/loop" "$tmp/loop.c" || exit 1

# "kept lost" samples of FILE, as the reference's reader counts them
counts() {
	"$REF" report --stats -i "$1" 2>/dev/null | awk '
		/^ *SAMPLE events:/ && !s { s = $3 }
		/^ *LOST_SAMPLES events:/ { l = $3 }
		END { print s + 0, l + 0 }'
}

printf '%-4s %-5s %10s %10s %8s\n' run perf kept lost lost%
tot_ref=0 tot_ours=0
for i in $(seq "$RUNS"); do
	for side in ref ours; do
		bin=$REF
		[ "$side" = ours ] && bin=$PERF
		"$bin" record -q -B -m "$PAGES" -e syscalls:sys_enter_getppid -o "$tmp/$side.data" \
			-- "$tmp/loop" "$LOOPS" > /dev/null 2>&1 || { echo "$side: perf record failed"; exit 1; }
		read -r kept lost <<< "$(counts "$tmp/$side.data")"
		awk -v i="$i" -v p="$side" -v k="$kept" -v l="$lost" \
			'BEGIN { printf "%-4s %-5s %10d %10d %7.2f%%\n", i, p, k, l, k + l ? 100 * l / (k + l) : 0 }'
		if [ "$side" = ref ]; then tot_ref=$((tot_ref + lost)); else tot_ours=$((tot_ours + lost)); fi
	done
done
awk -v o="$tot_ours" -v r="$tot_ref" 'BEGIN {
	printf "lost in all runs: reference %d, ours %d, ratio ours/reference %.2f %s\n", r, o,
		r ? o / r : (o ? 99 : 0), o <= r ? "(goal <= 1.0 met)" : "(goal <= 1.0 missed)" }'
