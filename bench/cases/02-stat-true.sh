# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf stat -e task-clock true: the fixed cost of counting a command that
# does nothing: parse the event, open one counter, fork and exec, read,
# print. This is what a script that wraps many short commands pays.
bench_name="perf stat -e task-clock true"
bench_goal=1.0
bench_needs=stat
bench_args=(stat -e task-clock true)
