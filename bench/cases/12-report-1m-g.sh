# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf report --stdio, 1M generated samples with callchains: a deterministic file from bench/gen-perf-data.c (libc
# addresses, skewed like a real profile, chains of 6-24 frames), read by both perfs.
bench_name="perf report --stdio, 1M generated samples with callchains"
bench_goal=0.1
bench_rss_goal=0.5
bench_needs=report
bench_runs=3
bench_args=(report --stdio -i "$BENCH_TMP/gen.data")

bench_setup() {
	"$BENCH_GEN" gen.data 1000000 -g
}
