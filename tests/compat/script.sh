#!/bin/bash
# perf script side by side with the reference perf: default output, -F, options, folded stacks
# SPDX-License-Identifier: GPL-2.0
#
# Both perfs read the fixtures of tests/data and, when the reference may
# record here, files it records now (tracepoints with and without
# callchains, page faults with addresses, registers, clock data, context
# switches, pipe mode). stdout, stderr and the exit code must be the same,
# byte for byte, after these documented differences are taken out:
#  - srcline: binutils' addr2line (the reference forks it) names the file
#    of the compile unit for lines of an inlined header, and answers ":0"
#    for some addresses without a line; we read DWARF and print the
#    header's name, or "dso[addr]" as the reference does for binaries
#    without line information. Only the line numbers are compared.
#  - a file perf record did not finish (killed.data): we add a line that
#    says -f reads its records; with -f we print them, the reference
#    prints nothing.
#  - -F srccode: see compare_srccode.
#  - -v: the reference's debug lines about build-ids are not compared.
# The folded stacks (tests/compat/stackcollapse.awk) of both outputs must
# be equal too.

. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

D=$(cd "$(dirname "$0")/../data" 2>/dev/null && pwd)
[ -r "$D/cpu-clock.data" ] || skip "no fixtures in tests/data"
COLLAPSE=$(dirname "$0")/stackcollapse.awk

SRCLINE='s/^  \(.*\[[0-9a-f]*\]\|:0\|.*:0\)$/  ?/; s/^  [^ ].*\(:[0-9][0-9]*\)$/  \1/'

# -v: the reference's build-id debug lines (see above).
DROP_NOISE='/^build id event received for / { next } { print }'

# compare NAME FILE [ARGS...]: both perfs on FILE, outputs equal after the filters.
compare()
{
	local name=$1 file=$2 s side
	shift 2
	both "$name" script -i "$file" "$@"
	same_rc "$name"
	for s in out err; do
		for side in ref our; do
			awk "$DROP_NOISE" "$TMPD/$side-$name.$s" |
				sed -e "$SRCLINE" > "$TMPD/$side-$name.$s.f"
		done
		# Where addr2line failed for the reference, any source line of ours is fine.
		awk 'NR == FNR { ref[FNR] = $0; next }
		     ref[FNR] == "  ?" && /^  / { $0 = "  ?" } { print }' \
			"$TMPD/ref-$name.$s.f" "$TMPD/our-$name.$s.f" > "$TMPD/our-$name.$s.g"
		same_file "$name: std$s" "$TMPD/ref-$name.$s.f" "$TMPD/our-$name.$s.g"
	done
}

# Folded stacks of both outputs.
compare_folded()
{
	local name=$1 file=$2 side
	shift 2
	"$REF" script -i "$file" "$@" > "$TMPD/ref-$name.script" 2>/dev/null
	"$PERF" script -i "$file" "$@" > "$TMPD/our-$name.script" 2>/dev/null
	for side in ref our; do
		awk "$DROP_NOISE" "$TMPD/$side-$name.script" |
			awk -f "$COLLAPSE" | sort > "$TMPD/$side-$name.folded"
	done
	check "$name: folded stacks not empty" test -s "$TMPD/ref-$name.folded"
	same_file "$name: folded stacks" "$TMPD/ref-$name.folded" "$TMPD/our-$name.folded"
}

# -F srccode: the reference's addr2line gives up on slow answers (on a busy
# machine, its first ones), and a line it did not print changes which later
# ones it repeats. So: the rest equal, and every source line it printed
# printed by us too.
compare_srccode()
{
	local name=$1 file=$2
	shift 2
	both "$name" script -i "$file" "$@"
	same_rc "$name"
	grep -v '^|' "$TMPD/ref-$name.out" > "$TMPD/ref-$name.rest"
	grep -v '^|' "$TMPD/our-$name.out" > "$TMPD/our-$name.rest"
	same_file "$name: lines other than source" "$TMPD/ref-$name.rest" "$TMPD/our-$name.rest"
	grep '^|' "$TMPD/ref-$name.out" | sort -u > "$TMPD/ref-$name.src"
	grep '^|' "$TMPD/our-$name.out" | sort -u > "$TMPD/our-$name.src"
	check "$name: source lines printed" test -s "$TMPD/our-$name.src"
	if [ -n "$(comm -23 "$TMPD/ref-$name.src" "$TMPD/our-$name.src")" ]; then
		fail "$name: source lines the reference printed and we did not"
		comm -23 "$TMPD/ref-$name.src" "$TMPD/our-$name.src" | head -5
	fi
}

# ---- the fixtures ----
for f in cpu-clock cpu-clock-g sched-switch group-clock cpu-clock.pipe cpu-clock-z \
	 cpu-clock-be threads; do
	compare "$f" "$D/$f.data"
done
compare_folded cpu-clock-g "$D/cpu-clock-g.data"

F=$D/cpu-clock.data
n=0
for args in "--ns" "--reltime" "--deltatime" "-F comm,tid,pid,time" "-F pid,tid" \
	"-F +pid" "-F -comm" "-F ip,sym" "-F ip,sym,symoff,dso" "-F ip,dso" "-F +misc" \
	"-F +flags" "-F period,event" "-F +srcline" "-G" "--show-task-events" \
	"--show-mmap-events" "--show-round-events" "--comms seq" "--pid 15569" \
	"--tid 15568" "--dsos libc.so.6" "--time 1948.80," "--time 10%/2" \
	"--time 0%-10%,50%-60%" "--time x" "-F trace" "-F bpf-output" "-F sw:trace" \
	"-F foo:comm" "-F comm,+tid" "-F cpu" "-F addr" "-F symoff" "-F srcline" \
	"-F sw:" "-F comm -F sw:tid" "-F sw:tid -F comm" "-F sw:flags" "-F tod" \
	"-C 0" "--header-only" "--header" "-I --header-only" "-D" "-F bogus" \
	"--reltime --deltatime" "-k /no-such-vmlinux" "--kallsyms /no-such-kallsyms"; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	compare "cpu-clock-$n" "$F" $args
done

G=$D/cpu-clock-g.data
for args in "-F +srcline" "--max-stack 2" "--max-stack 0" "-F ip" "-F ip,sym,symoff" \
	"--stop-bt do_syscall_64" "--show-task-events --show-mmap-events" "-D"; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	compare "cpu-clock-g-$n" "$G" $args
done

S=$D/sched-switch.data
for args in "-C 1" "-C 5" "-C x" "--ns -F comm,pid,tid,cpu,time" "-F trace:time,trace" \
	"-F trace:+pid" "--switch-on sched:sched_switch" "--switch-on foo" \
	"--switch-off sched:sched_switch --show-on-off-events"; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	compare "sched-switch-$n" "$S" $args
done

# --per-event-dump writes beside its input: a copy, each side's files kept apart.
mkdir -p "$TMPD/ped" "$TMPD/ped-ref" "$TMPD/ped-our"
cp "$S" "$TMPD/ped/s.data"
both ped script --per-event-dump -i "$TMPD/ped/s.data"
same_rc ped
same_file "per-event-dump: summary" "$TMPD/ref-ped.out" "$TMPD/our-ped.out"
for side in ref our; do
	rm -f "$TMPD/ped/"*.dump
	"$( [ $side = ref ] && echo "$REF" || echo "$PERF")" script --per-event-dump \
		-i "$TMPD/ped/s.data" > /dev/null 2>&1
	mv "$TMPD/ped/"*.dump "$TMPD/ped-$side/"
done
check "per-event-dump: files written" test -s "$TMPD/ped-ref/s.data.sched:sched_switch.dump"
for f in "$TMPD/ped-ref/"*.dump; do
	same_file "per-event-dump: $(basename "$f")" "$f" "$TMPD/ped-our/$(basename "$f")"
done

# ---- files the reference records now ----
REC="$REF record --no-bpf-event -q"
record()	# record NAME ARGS...: the reference records $TMPD/NAME.data
{
	local name=$1
	shift
	$REC -o "$TMPD/$name.data" "$@" > /dev/null 2> "$TMPD/rec-$name.err" &&
		[ -s "$TMPD/$name.data" ]
}
# A small program of our own for source lines (-F srccode reads its source):
# an inlined loop, frame pointers kept. Not under $TMPD: the reference
# takes any binary whose path starts with /tmp/perf- for a JIT map.
INL=$(mktemp -d "${TMPDIR:-/tmp}/script-compat.XXXXXX") || exit 1
# shellcheck disable=SC2064
trap "rm -rf '$TMPD' '$INL'" EXIT
# Nor the build-id cache its record fills: the reference runs no addr2line
# (no source lines, no inline levels) on a file under /tmp/perf-.
export HOME=$INL/home
mkdir -p "$HOME"
cat > "$INL/inl.c" <<'EOC'
#include <stdlib.h>
static inline __attribute__((always_inline)) unsigned long leaf(unsigned long x)
{
	for (int i = 0; i < 1000; i++)
		x = x * 31 + i;
	return x;
}
__attribute__((noinline)) unsigned long mid(unsigned long x)
{
	return leaf(x) ^ leaf(x + 1);
}
int main(int argc, char **argv)
{
	unsigned long s = 0;
	long n = argc > 1 ? atol(argv[1]) : 100000;
	for (long i = 0; i < n; i++)
		s += mid(i);
	return (int)(s & 1);
}
EOC
if ! ${CC:-cc} -O2 -g -fno-omit-frame-pointer -o "$INL/inl" "$INL/inl.c" 2>/dev/null; then
	echo "no C compiler: recorded cases skipped"
	finish
fi
# The workload is that program, not the perf under test: a sanitizer
# build's own frames are not what this test is about.
WORK=("$INL/inl" 200000)
if ! record probe -e cpu-clock -F 1000 -- true; then
	echo "the reference cannot record here ($(tail -1 "$TMPD/rec-probe.err")): recorded cases skipped"
	finish
fi

if record inl -g -F 2000 -- "${WORK[@]}"; then
	compare rec-inl "$TMPD/inl.data"
	compare_srccode rec-inl-srccode "$TMPD/inl.data" -G -F +srccode
	compare_srccode rec-inl-srccode-g "$TMPD/inl.data" -F +srccode
	compare rec-inl-srcline "$TMPD/inl.data" -F +srcline --inline
	compare rec-inl-G "$TMPD/inl.data" -G -F +pid
	compare rec-inl-insn "$TMPD/inl.data" -F ip,sym,insnlen,insn
	compare_folded rec-inl "$TMPD/inl.data"
fi
# --call-graph dwarf: user frames unwound from the stack copies.
if record dwarf --call-graph dwarf -F 500 -- "$INL/inl" 100000; then
	compare rec-dwarf-noinline "$TMPD/dwarf.data" --no-inline
	compare rec-dwarf-G "$TMPD/dwarf.data" -G
	# A function that is not inlined is an "(inlined)" level too when
	# DWARF names it otherwise than the symbol table (__libc_start_main_impl).
	compare rec-dwarf "$TMPD/dwarf.data"
	compare rec-dwarf-srcline "$TMPD/dwarf.data" -F +srcline
fi
if record tp -e sched:sched_switch -e sched:sched_wakeup -e 'raw_syscalls:*' \
	-e 'timer:*' -e 'irq:*' -a -- sleep 0.2; then
	compare rec-tp "$TMPD/tp.data"
	compare rec-tp-fields "$TMPD/tp.data" -F comm,tid,cpu,time,event,trace
	compare rec-tp-cpu "$TMPD/tp.data" -C 0 --ns
fi
# Callchains of our own workload: other processes' binaries are not this test's business.
SLEEPS='for i in 1 2 3 4 5; do sleep 0.01; done'
if record tpg -e sched:sched_switch -g -- sh -c "$SLEEPS"; then
	compare rec-tpg "$TMPD/tpg.data"
	compare rec-tpg-ip "$TMPD/tpg.data" -F trace:+ip
	compare_folded rec-tpg "$TMPD/tpg.data"
fi
if record pf -e page-faults -d -- "${WORK[@]}"; then
	compare rec-pf "$TMPD/pf.data"
	compare rec-pf-addr "$TMPD/pf.data" -F ip,addr,sym,symoff,dso
fi
if record regs --user-regs=ip,sp,bp -I -F 1000 -- "${WORK[@]}"; then
	compare rec-regs "$TMPD/regs.data" -F +iregs,+uregs
fi
if record tod -k mono -F 1000 -- "${WORK[@]}"; then
	compare rec-tod "$TMPD/tod.data" -F +tod
fi
if record sw --switch-events -F 1000 -- "${WORK[@]}"; then
	compare rec-sw "$TMPD/sw.data" --show-switch-events -F +misc
fi
if $REC -e sched:sched_switch -g -o - -- sh -c "$SLEEPS" > "$TMPD/pipe.data" 2>/dev/null &&
   [ -s "$TMPD/pipe.data" ]; then
	compare rec-pipe "$TMPD/pipe.data"
	compare rec-pipe-tasks "$TMPD/pipe.data" --show-task-events --header
fi

finish
