#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The fuzzing figures: targets, executions and findings of every `make
# fuzz` run on this machine (.build/fuzz/results.txt), and the findings
# fixed so far (tests/fuzz/regress/, one input per fixed bug; the list with
# the causes is tests/fuzz/FINDINGS). Not a timed case.
cd "$(dirname "$0")/../.." || exit 1
res=.build/fuzz/results.txt
targets=$(ls tests/fuzz/*.c 2>/dev/null | wc -l)
echo "fuzz targets: $targets ($(ls tests/fuzz/*.c | sed 's,.*/,,; s,\.c$,,' | tr '\n' ' '))"
if [ -s "$res" ]; then
	awk '{ t = $3; secs[t] += $4 + 0; ex[t] += $5; found[t] += $7 }
	     END { for (t in ex) { printf "  %-14s %7ds %12d execs %4d findings\n", t, secs[t], ex[t], found[t];
				   S += secs[t]; E += ex[t]; F += found[t] }
		   printf "  %-14s %7ds %12d execs %4d findings\n", "total", S, E, F }' "$res" | sort
else
	echo "  no runs recorded here yet: make fuzz FUZZ_SECONDS=N"
fi
fixed=$(find tests/fuzz/regress -type f 2>/dev/null | wc -l)
echo "findings fixed, with a regression input replayed by 'perf test fuzz': $fixed"
[ -r tests/fuzz/FINDINGS ] && grep -v '^#' tests/fuzz/FINDINGS | sed 's/^/  /'
exit 0
