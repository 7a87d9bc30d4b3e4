# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf list tracepoint: every tracepoint of tracefs (~2300 on a distro
# kernel), sorted and printed. The reference opens each event's "id" file;
# we read the directories only, so we should be well under it.
bench_name="perf list tracepoint"
bench_goal=1.0
bench_needs=list
bench_args=(list tracepoint)
