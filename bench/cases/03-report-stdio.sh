# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf report --stdio on a profile of examples/workload with call graphs:
# reading perf.data, resolving symbols and building the callchain tree.
# Both binaries read the same file, recorded once by the reference.
bench_name="perf report --stdio (call graphs)"
bench_goal=1.0
bench_needs=report
bench_args=(report --stdio -i "$BENCH_TMP/report.data")

bench_setup() {
	"$REF_PERF" record -q -g -o report.data -- "$BENCH_ROOT/examples/workload" 20
}
