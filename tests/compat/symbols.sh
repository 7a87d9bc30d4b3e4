#!/bin/bash
# symbolization side by side with the reference perf: ELF, PLT, aliases, debuglink, build-id cache, JIT maps, C++, kernel, srcline
# SPDX-License-Identifier: GPL-2.0
#
# The reference records small programs of tests/workloads/sym (a shared
# library called through the PLT, one function under several names, a
# stripped binary with its symbols in a .gnu_debuglink file, C++
# templates, operators and lambdas, a JIT that writes /tmp/perf-PID.map)
# and the whole system for a moment (the kernel's init text in the idle
# stacks). Both perfs then print the same files with perf script
# -F comm,tid,ip,sym,symoff,dso, with +srcline, with --no-demangle and
# with -G: stdout, stderr and the exit code must be equal, byte for byte.
# Differences taken out, with the reason:
#  - the system-wide recording: other processes' binaries may change or
#    go away (a memfd that is "(deleted)": the reference forks addr2line
#    on it and warns on stderr), so only its stdout is compared, and only
#    without srcline.
# The same file is also read after the library was rebuilt (the build-id
# cache of $HOME/.debug, filled by the reference's record, must give the
# recorded symbols back) and after the debug file was removed.

. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

SRC=$(cd "$(dirname "$0")/../workloads/sym" 2>/dev/null && pwd)
[ -r "$SRC/plt.c" ] || skip "no workload sources in tests/workloads/sym"
CC=${CC:-cc}
CXX=${CXX:-c++}
command -v "$CC" > /dev/null || skip "no C compiler ($CC)"
[ "$(uname -m)" = x86_64 ] || skip "the JIT workload is x86-64 code"

# Not under $TMPD: the reference takes any binary whose path starts with
# /tmp/perf- for a JIT map.
W=$(mktemp -d "${TMPDIR:-/tmp}/symbols-compat.XXXXXX") || exit 1
JITMAPS=""
cleanup()
{
	rm -rf "$TMPD" "$W"
	# shellcheck disable=SC2086
	[ -n "$JITMAPS" ] && rm -f $JITMAPS
}
trap cleanup EXIT
# The build-id cache must not be under /tmp/perf- either: the reference
# runs no addr2line on a file there.
export HOME=$W/home
mkdir -p "$HOME"

build()
{
	local cflags="-O2 -g -fno-omit-frame-pointer"
	# shellcheck disable=SC2086
	$CC $cflags -fPIC -shared -o "$W/libhot.so" "$SRC/hot.c" &&
	$CC $cflags -o "$W/plt" "$SRC/plt.c" -L"$W" -lhot -Wl,-rpath,"$W" &&
	$CC $cflags -o "$W/dbg" "$SRC/dbg.c" &&
	objcopy --only-keep-debug "$W/dbg" "$W/dbg.debug" &&
	strip -s "$W/dbg" &&
	objcopy --add-gnu-debuglink="$W/dbg.debug" "$W/dbg" &&
	$CC -O2 -fno-omit-frame-pointer -o "$W/nolines" "$SRC/dbg.c" &&
	$CC -O2 -g -o "$W/inl" "$SRC/inl.c" &&
	$CC -O1 -g -o "$W/jit" "$SRC/jit.c"
}
build 2> "$TMPD/build.err" || {
	cat "$TMPD/build.err"
	skip "could not build the workloads (cc, objcopy, strip)"
}
HAVE_CXX=0
if command -v "$CXX" > /dev/null &&
   $CXX -O1 -g -fno-omit-frame-pointer -o "$W/cxx" "$SRC/cxx.cpp" 2>/dev/null; then
	HAVE_CXX=1
fi

REC="$REF record --no-bpf-event -q -F 5000"
record()	# record NAME ARGS...: the reference records $TMPD/NAME.data
{
	local name=$1
	shift
	$REC -o "$TMPD/$name.data" "$@" > /dev/null 2> "$TMPD/rec-$name.err" &&
		[ -s "$TMPD/$name.data" ]
}
if ! record probe -e cpu-clock -- true; then
	skip "the reference cannot record here: $(tail -1 "$TMPD/rec-probe.err")"
fi

# compare NAME FILE [ARGS...]: both perfs' script of FILE equal.
compare()
{
	local name=$1 file=$2
	shift 2
	both "$name" script -i "$file" "$@"
	same_rc "$name"
	check "$name: output not empty" test -s "$TMPD/ref-$name.out"
	plt_mask "$name"
	same_file "$name: stdout" "$TMPD/ref-$name.out" "$TMPD/our-$name.out"
	same_file "$name: stderr" "$TMPD/ref-$name.err" "$TMPD/our-$name.err"
}

# plt_mask NAME: PLT entries are func@plt for us, as the issue asks; the
# reference 6.1 names them so only where no other symbol covers them: it
# stretches _init over the PLT that follows (_init+0x50) and shows
# [unknown] in a stripped binary. A sample lands there now and then:
# those frames read "[plt]" on both sides.
plt_mask()
{
	# _init itself is some 0x20 bytes long; the PLT follows it (its first
	# entry, PLT0, is _init+0x2x on both sides).
	sed -i -E 's/ _init\+0x([2-9a-f][0-9a-f]|[0-9a-f]{3,}) / [plt] /; s/ [^ ]+@plt\+0x[0-9a-f]+ / [plt] /' \
		"$TMPD/ref-$1.out" "$TMPD/our-$1.out"
}

# expect NAME REGEX: what the test is about did show up (in ours).
expect()
{
	grep -q -- "$2" "$TMPD/our-$1.out" || fail "$1: no line matches '$2'"
}

F="-F comm,tid,ip,sym,symoff,dso"
compare_all()	# compare_all NAME: the usual set of views of NAME.data
{
	local name=$1 file=$TMPD/$1.data
	compare "$name" "$file" $F
	compare "$name-srcline" "$file" $F,srcline
	compare "$name-nodemangle" "$file" $F --no-demangle
	compare "$name-default" "$file"
}

# A library through the PLT, aliases in the library and in the binary.
if record plt -- "$W/plt" 300; then
	compare_all plt
	expect plt 'hot_local+0x[0-9a-f]* (.*/libhot.so)'
	expect plt '(.*/plt)$'
fi
if record pltg -g -- "$W/plt" 150; then
	compare_all pltg
	compare pltg-G "$TMPD/pltg.data" -G $F
	expect pltg 'main+0x'
fi

# Stripped, symbols in a .gnu_debuglink file beside it.
if record dbg -- "$W/dbg" 400; then
	compare_all dbg
	expect dbg 'dbg_static+0x'
	expect dbg-srcline 'dbg.c:[0-9]'
fi

# A stripped copy of a binary cached unstripped before, under another
# name: the cache's .build-id link leads to the first copy's symbols.
# (-O1: a build-id of its own, not the one of $W/dbg, cached stripped.)
if $CC -O1 -g -fno-omit-frame-pointer -o "$W/full" "$SRC/dbg.c" 2>/dev/null &&
   strip -s -o "$W/stripped" "$W/full" && record full -- "$W/full" 100 &&
   record stripped -- "$W/stripped" 400; then
	compare stripped "$TMPD/stripped.data" $F
	expect stripped 'dbg_static+0x.*(.*/stripped)$'
fi

# perf report's srcline and srcfile keys of DSO's samples in NAME.data.
# Only that binary's samples: every order has the dso key, so that
# --dsos filters samples, not entries other dsos share.
report_srclines()	# report_srclines NAME DSO
{
	local o
	printf '[report]\n\tchildren = false\n' > "$HOME/.perfconfig"
	for o in "--sort dso,srcline" "--sort dso,sym,srcline" "--sort dso,srcfile" \
		 "--sort dso,sym,srcfile" "-F overhead,dso,srcline"; do
		# shellcheck disable=SC2086
		report_side_by_side "$TMPD/$1.data" "" --dsos "$2" $o
	done
	rm -f "$HOME/.perfconfig"
}

# No DWARF at all: srcline and srcfile are addr2line's answer with line
# 0, the file named by the symbol table's STT_FILE for a local function
# (dbg.c:0) and "??" for a global one.
if record nolines -- "$W/nolines" 400; then
	n=$((${N:-0} + 1))
	report_srclines nolines nolines
	grep -q 'dbg\.c:0$' "$TMPD/our-r$n.out" || fail "nolines: no dbg.c:0 for the local function"
fi

# Inlined code: the line table's row (the inlined function's line), as
# addr2line answers first.
if record inl -- "$W/inl" 50000000; then
	n=$((${N:-0} + 1))
	report_srclines inl inl
	grep -q 'inl\.c:1[01]$' "$TMPD/our-r$n.out" || fail "inl: no line of inner()"
fi

# C++ names: namespaces, templates, operators, lambdas, std::function.
if [ $HAVE_CXX = 1 ] && record cxx -g -- "$W/cxx" 2000; then
	compare_all cxx
	expect cxx 'outer::inner::Box<long, 64>::operator()'
	expect cxx 'lambda'
	expect cxx-nodemangle '_ZN'
fi

# DWARF unwinding: inline levels (also one-level ones, where DWARF names
# the function otherwise than the symbol table) with their source lines.
# Allowed difference: samples whose unwinding the reference ends with an
# ffffffffffffffff frame (in exit handlers) while ours goes on: that is
# the unwinder's business (tests/compat/unwind.sh), not symbolization, so
# those samples are dropped from both sides.
compare_unwound()
{
	local name=$1 file=$2 side
	shift 2
	both "$name" script -i "$file" "$@"
	same_rc "$name"
	plt_mask "$name"
	# shellcheck disable=SC2016 # awk code
	awk -v RS= 'NR == FNR { if ($0 ~ /\tffffffffffffffff /) drop[FNR] = 1; next }
		    !(FNR in drop) { print; print "" }' \
		"$TMPD/ref-$name.out" "$TMPD/ref-$name.out" > "$TMPD/ref-$name.kept"
	awk -v RS= 'NR == FNR { if ($0 ~ /\tffffffffffffffff /) drop[FNR] = 1; next }
		    !(FNR in drop) { print; print "" }' \
		"$TMPD/ref-$name.out" "$TMPD/our-$name.out" > "$TMPD/our-$name.kept"
	check "$name: output not empty" test -s "$TMPD/ref-$name.kept"
	same_file "$name: stdout" "$TMPD/ref-$name.kept" "$TMPD/our-$name.kept"
}
if [ $HAVE_CXX = 1 ] && record cxxd --call-graph dwarf -- "$W/cxx" 600; then
	compare_unwound cxxd "$TMPD/cxxd.data" $F
	compare_unwound cxxd-srcline "$TMPD/cxxd.data" $F,srcline
	compare_unwound cxxd-noinline "$TMPD/cxxd.data" $F --no-inline
	expect cxxd '(inlined)$'
fi

# A JIT map: /tmp/perf-PID.map written by the workload.
if record jit -- "$W/jit" 200; then
	JITMAPS=$("$REF" script -i "$TMPD/jit.data" -F comm,pid 2>/dev/null |
		  awk '$1 == "jit" { print "/tmp/perf-" $2 ".map"; exit }')
	compare jit "$TMPD/jit.data" $F
	compare jit-nodemangle "$TMPD/jit.data" $F --no-demangle
	expect jit 'jitted_loop_one+0x[0-9a-f]* (/tmp/perf-[0-9]*.map)'
	expect jit 'LJIT::loop two(int)'
fi

# The kernel: idle stacks end in init text (start_kernel), after _etext.
if record sys -g -a -- sleep 0.2; then
	both sys script -i "$TMPD/sys.data" $F
	same_rc sys
	# Whatever else ran lands in this profile too: user frames in the
	# PLT of a stripped binary (no .symtab) are [unknown] to the
	# reference, func@plt to us. Those frames are masked on both sides.
	plt_mask sys
	sed -i 's/ \[plt\] / [unknown] /' "$TMPD/our-sys.out" "$TMPD/ref-sys.out"
	same_file "sys: stdout" "$TMPD/ref-sys.out" "$TMPD/our-sys.out"
	expect sys '(\[kernel.kallsyms\])'
fi

# The binaries change after the recording: the build-id cache the
# reference's record filled gives the recorded library back; without
# the debug file the stripped binary has only its dynamic symbols.
if [ -s "$TMPD/plt.data" ] && [ -s "$TMPD/dbg.data" ]; then
	sed 's/x \* 33/x * 37/' "$SRC/hot.c" > "$W/hot2.c"
	$CC -O0 -g -fPIC -shared -o "$W/libhot.so" "$W/hot2.c"
	rm -f "$W/dbg.debug"
	compare plt-rebuilt "$TMPD/plt.data" $F
	expect plt-rebuilt 'hot_local+0x'
	compare dbg-nodebug "$TMPD/dbg.data" $F
	# Without the cache: the changed library's build-id does not match.
	rm -rf "$HOME/.debug"
	compare plt-mismatch "$TMPD/plt.data" $F
fi

finish
