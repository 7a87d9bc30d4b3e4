#!/bin/bash
# perf version and --build-options
# SPDX-License-Identifier: GPL-2.0

. "$(dirname "$0")/lib/common.sh"

perf_test_tmpdir
perf_test_isolate

run v "$PERF" version
check_eq "version: exit code" "$(rc_of v)" 0
check_eq "version: one line" "$(lines_of v out)" 1
check "version: 'perf version X.Y...'" grep -qE '^perf version [0-9]+\.[0-9]+(\.[0-9a-z]+)*[^ ]*$' "$TMPD/v.out"
check_eq "version: stderr" "$(err_of v)" ""

for a in --version -v; do
	run "v$a" "$PERF" $a
	check_eq "perf $a: exit code" "$(rc_of "v$a")" 0
	check_eq "perf $a: same as perf version" "$(out_of "v$a")" "$(out_of v)"
done
# Arguments after the options are ignored, as by the reference.
run v-extra "$PERF" version extra
check_eq "version extra: same" "$(out_of v-extra)" "$(out_of v)"

run bo "$PERF" version --build-options
check_eq "build-options: exit code" "$(rc_of bo)" 0
check_eq "build-options: first line is the version" "$(line_of bo out 1)" "$(out_of v)"
check_eq "build-options: stderr" "$(err_of bo)" ""

# One line per feature: "%22s: [ %-3s ]  # %s".
declare -A state
n=0
while IFS= read -r line; do
	n=$((n + 1))
	if ! [[ $line =~ ^\ *([a-z0-9_-]+):\ \[\ (on|OFF)\ *\]\ \ #\ ([A-Z0-9_]+)$ ]]; then
		fail "build-options: bad line '$line'"
		continue
	fi
	name=${BASH_REMATCH[1]}
	state[$name]=${BASH_REMATCH[2]}
	check_eq "build-options: layout of $name" "$line" \
		"$(printf '%22s: [ %-3s ]  # %s' "$name" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}")"
done < <(tail -n +2 "$TMPD/bo.out")
check "build-options: lists features" test "$n" -ge 5

# The optional libraries of the Makefile, each with its HAVE_ macro.
# Rows and macros as the reference names them (scripts grep for them).
for f in libelf:LIBELF_SUPPORT dwarf:DWARF_SUPPORT libtraceevent:LIBTRACEEVENT \
	 libunwind:LIBUNWIND_SUPPORT libpython:LIBPYTHON_SUPPORT zstd:ZSTD_SUPPORT; do
	name=${f%%:*} macro=HAVE_${f##*:}
	check "build-options: $name" grep -qE "^ *$name: \[ (on |OFF) \]  # $macro\$" "$TMPD/bo.out"
done
check "build-options: slang" grep -qE '^ *(lib)?slang: \[ (on |OFF) \]  # HAVE_SLANG_SUPPORT$' \
	"$TMPD/bo.out"

# The sanitizer row tells the truth about this binary.
if [ -n "${state[sanitizers]}" ] && command -v ldd > /dev/null; then
	asan=OFF
	ldd "$PERF" 2>/dev/null | grep -q libasan && asan=on
	check_eq "build-options: sanitizers row matches the binary" "${state[sanitizers]}" "$asan"
fi

run vopt "$PERF" --version --build-options
check_eq "--version --build-options" "$(out_of vopt)" "$(out_of bo)"
run vv "$PERF" -vv
check_eq "-vv is version --build-options" "$(out_of vv)" "$(out_of bo)"

# ---- usage errors -------------------------------------------------------------------
run h "$PERF" version -h
check_eq "version -h: exit code" "$(rc_of h)" 129
check_eq "version -h: usage" "$(line_of h err 2)" " Usage: perf version [<options>]"
check "version -h: --build-options" grep -q -- '--build-options' "$TMPD/h.err"
check_eq "version -h: stdout" "$(out_of h)" ""
run bogus "$PERF" version --bogus
check_eq "version --bogus: exit code" "$(rc_of bogus)" 129
check_eq "version --bogus: message" "$(line_of bogus err 1)" "  Error: unknown option \`bogus'"
run bo-val "$PERF" version --build-options=1
check_eq "--build-options=1: exit code" "$(rc_of bo-val)" 129
check_eq "--build-options=1: message" "$(line_of bo-val err 1)" \
	" Error: option \`build-options' takes no value"

finish
