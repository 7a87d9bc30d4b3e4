# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# perf script on a --call-graph dwarf profile of about 100k samples: the
# unwinding test program of tests/unwind-progs (C at -O2
# -fomit-frame-pointer, a shared library, inlined functions, a signal
# handler, the vdso), 5.5 s of its CPU time at 20 kHz with 2 KiB stack
# copies, recorded once by the reference. Every sample's user stack is
# unwound and its frames printed with their inline levels (--inline is
# the default). The goal is 3x the reference's speed.
bench_name="perf script (dwarf, 100k samples)"
bench_goal=0.33
bench_runs=5
bench_needs=script
bench_args=(script -i "$BENCH_TMP/dwarf.data")

# Shared with 10-report-dwarf.sh. The programs are not built under
# /tmp/perf-*, where the reference takes every binary for a JIT map.
bench_setup() {
	local progs=${TMPDIR:-/tmp}/uw-bench-progs src=$BENCH_ROOT/tests/unwind-progs
	local cflags="-O2 -g -fomit-frame-pointer"

	[ -s dwarf.data ] && return 0
	mkdir -p "$progs" &&
	${CC:-cc} $cflags -fPIC -shared -o "$progs/libuwlib.so" "$src/uwlib.c" &&
	${CC:-cc} $cflags -I"$src" -o "$progs/uwc" "$src/uwc.c" -L"$progs" -luwlib \
		-Wl,-rpath,"$progs" &&
	"$REF_PERF" record -q --no-bpf-event -e cpu-clock -F 20000 --call-graph dwarf,2048 \
		-o dwarf.data -- "$progs/uwc" 5.5 cpu
}
