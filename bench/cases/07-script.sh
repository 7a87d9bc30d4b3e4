# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf script on a profile with call graphs of about 500k samples,
# recorded once by the reference (two busy shells at 50 kHz, about a
# minute): reading, ordering, resolving every frame and printing some 4M
# lines. The goal is 5x the reference's throughput on such files;
# on small files both are dominated by loading the kernel's symbols.
bench_name="perf script (call graphs, 500k samples)"
bench_goal=0.2
bench_needs=script
bench_args=(script -i "$BENCH_TMP/script.data")

bench_setup() {
	[ -s script.data ] ||
	"$REF_PERF" record -q --no-bpf-event -c 20000 -g -o script.data -- \
		sh -c 'for j in 1 2; do (for i in $(seq 800000); do :; done) & done; wait'
}
