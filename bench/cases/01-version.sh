# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf --version: start-up cost alone (loader, libraries, config), since
# printing one line is all the work there is.
bench_name="perf --version"
bench_goal=1.0
bench_args=(--version)
