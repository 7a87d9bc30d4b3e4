# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf report --stdio --sort srcline on 100k generated samples: one line
# lookup per distinct address (the reference runs addr2line for each).
bench_name="perf report --sort srcline, 100k generated samples"
bench_goal=0.05
bench_needs=report
bench_runs=3
bench_args=(report --stdio --sort srcline -i "$BENCH_TMP/gen.data")

bench_setup() {
	"$BENCH_GEN" gen.data 100000
}
