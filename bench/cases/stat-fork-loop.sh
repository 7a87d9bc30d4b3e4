# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf stat of a shell loop that forks 500 short processes: the default
# events are inherited by every child, so this is the kernel's cost of
# inherited counters plus ours of reading and printing them once.
bench_name="perf stat: shell loop of 500 forks"
bench_goal=1.0
bench_needs=stat
bench_args=(stat -- sh -c 'i=0; while [ $i -lt 500 ]; do /bin/true; i=$((i + 1)); done')
