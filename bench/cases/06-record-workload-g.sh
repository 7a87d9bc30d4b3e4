# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf record -g -F 10000 of examples/workload: a high rate with call
# chains, where copying the ring buffers costs the most.
bench_name="perf record -g -F 10000 workload"
bench_goal=1.0
bench_needs=record
bench_args=(record -q -g -F 10000 --no-bpf-event -o "$BENCH_TMP/wg.data" -- "$BENCH_ROOT/examples/workload" 20)
