# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf record -- true: start and stop cost of a recording. The reference
# waits about a second at exit for its side-band thread; the goal is to
# take at most a tenth of its time (0.1 s).
bench_name="perf record -- true"
bench_goal=0.1
bench_needs=record
bench_args=(record -q -o "$BENCH_TMP/true.data" -- true)
