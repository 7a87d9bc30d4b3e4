# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf record -F 1000 of examples/workload: the whole run, workload
# included, so the ratio is that of workload + recording overhead.
bench_name="perf record -F 1000 workload"
bench_goal=1.0
bench_needs=record
bench_args=(record -q -F 1000 --no-bpf-event -o "$BENCH_TMP/w.data" -- "$BENCH_ROOT/examples/workload" 20)
