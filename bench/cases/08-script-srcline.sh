# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf script -F +srcline on a profile with call graphs (about 10k
# samples): the reference forks addr2line and asks it about every frame
# (some 20 s a run here), we read each binary's DWARF line table once. The
# issue's goal is 20x faster; the file is large enough for the per-frame
# cost to dominate the loading of symbols and (compressed) debug info.
bench_name="perf script -F +srcline"
bench_goal=0.05
bench_needs=script
bench_args=(script -F +srcline -i "$BENCH_TMP/srcline.data")

bench_setup() {
	[ -s srcline.data ] ||
	"$REF_PERF" record -q --no-bpf-event -c 20000 -g -o srcline.data -- \
		sh -c 'for j in 1 2; do (for i in $(seq 80000); do :; done) & done; wait'
}
