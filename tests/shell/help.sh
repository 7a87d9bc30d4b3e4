#!/bin/bash
# perf help, perf CMD --help and the command list
# SPDX-License-Identifier: GPL-2.0
#
# man, info and xdg-open are replaced by scripts that say how they were
# called, so the test needs none of them and never waits in a viewer.

. "$(dirname "$0")/lib/common.sh"

perf_test_tmpdir
perf_test_isolate

mkdir -p "$TMPD/bin"
for v in man info xdg-open; do
	printf '#!/bin/sh\necho "%s $*"\nexit 0\n' "$v" > "$TMPD/bin/$v"
	chmod +x "$TMPD/bin/$v"
done
PATH="$TMPD/bin:$PATH"

# Our pages: next to the binary in a build tree, under --html-path when
# installed.
docdir=$(dirname "$(readlink -f "$PERF")")/Documentation
[ -f "$docdir/perf-config.txt" ] || docdir=$("$PERF" --html-path)
if [ ! -f "$docdir/perf-config.txt" ]; then
	fail "no perf-config.txt next to $PERF or in $docdir"
	finish
fi

# ---- the command list ----------------------------------------------------------
run help "$PERF" help
check_eq "help: exit code" "$(rc_of help)" 0
check_eq "help: usage line" "$(line_of help out 2)" \
	" usage: perf [--version] [--help] [OPTIONS] COMMAND [ARGS]"
check_eq "help: stderr" "$(err_of help)" ""
for c in config help test version; do
	check "help: lists $c" grep -qE "^   $c +[A-Z]" "$TMPD/help.out"
done
check "help: points to perf help COMMAND" \
	grep -qx " See 'perf help COMMAND' for more information on a specific command." \
	"$TMPD/help.out"

# perf alone prints the same, but exits 1.
run noargs "$PERF"
check_eq "noargs: exit code" "$(rc_of noargs)" 1
check_eq "noargs: same text as perf help" "$(out_of noargs)" "$(out_of help)"
for a in --help -h; do
	run "main$a" "$PERF" $a
	check_eq "perf $a: exit code" "$(rc_of "main$a")" 0
	check_eq "perf $a: same as perf help" "$(out_of "main$a")" "$(out_of help)"
done

run all "$PERF" help -a
check_eq "help -a: exit code" "$(rc_of all)" 0
check_eq "help -a: usage line" "$(line_of all out 2)" \
	" Usage: perf [--version] [--help] [OPTIONS] COMMAND [ARGS]"
for c in config help test version; do
	check "help -a: lists $c" grep -qE "^  $c +[A-Z]" "$TMPD/all.out"
done
run all-long "$PERF" help --all config
check_eq "--all wins over a command" "$(out_of all-long)" "$(out_of all)"

# External perf-* programs in the exec path are listed too.
mkdir -p "$TMPD/exec"
printf '#!/bin/sh\necho external "$@"\n' > "$TMPD/exec/perf-hello"
chmod +x "$TMPD/exec/perf-hello"
run all-ext "$PERF" --exec-path="$TMPD/exec" help -a
check "help -a: lists external perf-hello" grep -qx '  hello' "$TMPD/all-ext.out"
run ext "$PERF" --exec-path="$TMPD/exec" hello a b
check_eq "external command runs" "$(out_of ext)" "external a b"

# ---- manual pages ----------------------------------------------------------------
# Our own text page, copied as it is when stdout is not a terminal.
run page "$PERF" help config
check_eq "help config: exit code" "$(rc_of page)" 0
check "help config: our page" cmp -s "$TMPD/page.out" "$docdir/perf-config.txt"
check_eq "help config: stderr" "$(err_of page)" ""

run page-help "$PERF" config --help
check_eq "config --help: exit code" "$(rc_of page-help)" 0
check "config --help: same as help config" cmp -s "$TMPD/page-help.out" "$TMPD/page.out"

run page-help-help "$PERF" help help
check "help help: our page" cmp -s "$TMPD/page-help-help.out" "$docdir/perf-help.txt"
run main-help-cmd "$PERF" --help config
check "perf --help config: our page" cmp -s "$TMPD/main-help-cmd.out" "$TMPD/page.out"

# Not a terminal: never a pager, whatever the pager settings say.
PERF_PAGER='sed s/^/PAGED:/' run nopager "$PERF" help config
check "not a terminal: no pager" cmp -s "$TMPD/nopager.out" "$docdir/perf-config.txt"

# A command without a page of ours goes to man.
run man-fallback "$PERF" help nosuchcmd
check_eq "help nosuchcmd: man" "$(out_of man-fallback)" "man perf-nosuchcmd"
check_eq "help nosuchcmd: exit code" "$(rc_of man-fallback)" 0
run man-fallback2 "$PERF" nosuchcmd --help
check_eq "nosuchcmd --help: man" "$(out_of man-fallback2)" "man perf-nosuchcmd"
run man-perf "$PERF" help perf
if [ -f "$docdir/perf.txt" ]; then
	check "help perf: our page" cmp -s "$TMPD/man-perf.out" "$docdir/perf.txt"
else
	check_eq "help perf: man" "$(out_of man-perf)" "man perf"
fi

# Asking for a viewer.
run man-opt "$PERF" help -m config
check_eq "help -m: man" "$(out_of man-opt)" "man perf-config"
run info-opt "$PERF" help --info config
check_eq "help --info: info" "$(out_of info-opt)" "info perf-config"
run web-opt "$PERF" help -w config
check_eq "help -w: xdg-open" "$(out_of web-opt)" "xdg-open $docdir/perf-config.txt"
run web-none "$PERF" help -w nosuchcmd
check_eq "help -w nosuchcmd: exit code" "$(rc_of web-none)" 1

# The same through help.format; the command line wins.
"$PERF" config help.format=man
run fmt-man "$PERF" help config
check_eq "help.format=man" "$(out_of fmt-man)" "man perf-config"
run fmt-cli "$PERF" help -i config
check_eq "command line wins over help.format" "$(out_of fmt-cli)" "info perf-config"
"$PERF" config help.format=text
run fmt-text "$PERF" help config
check "help.format=text: our page" cmp -s "$TMPD/fmt-text.out" "$docdir/perf-config.txt"
run fmt-text-none "$PERF" help nosuchcmd
check_eq "help.format=text, no page: exit code" "$(rc_of fmt-text-none)" 1
check "help.format=text, no page: says so" grep -q 'perf-nosuchcmd' "$TMPD/fmt-text-none.err"
"$PERF" config help.format=bogus
run fmt-bogus "$PERF" help config
check "help.format=bogus: warns" grep -q "bogus" "$TMPD/fmt-bogus.err"
check "help.format=bogus: default viewer" cmp -s "$TMPD/fmt-bogus.out" "$docdir/perf-config.txt"
rm -f "$HOME/.perfconfig"

# No viewer at all.
mkdir -p "$TMPD/empty"
run noman env PATH="$TMPD/empty" "$PERF" help -m config
check_eq "no man: exit code" "$(rc_of noman)" 1
check_eq "no man: message" "$(err_of noman)" "no man viewer handled the request"

# ---- usage errors --------------------------------------------------------------------
run h "$PERF" help -h
check_eq "help -h: exit code" "$(rc_of h)" 129
check_eq "help -h: usage" "$(line_of h err 2)" \
	" Usage: perf help [--all] [--man|--web|--info] [command]"
run bogus "$PERF" help --bogus
check_eq "help --bogus: exit code" "$(rc_of bogus)" 129
check_eq "help --bogus: message" "$(line_of bogus err 1)" "  Error: unknown option \`bogus'"

# ---- SYNOPSIS of our pages = usage of the command ---------------------------------------
# Every builtin with a page: the [verse] lines of SYNOPSIS, quotes removed,
# are the Usage/or lines of "perf CMD -h".
for page in "$docdir"/perf-*.txt; do
	[ -e "$page" ] || continue
	cmd=$(basename "$page" .txt)
	cmd=${cmd#perf-}
	"$PERF" --list-cmds | grep -qw -- "$cmd" || continue
	"$PERF" "$cmd" -h > /dev/null 2> "$TMPD/usage"
	want=$(sed -n -e 's/^ Usage: //p' -e 's/^    or: //p' "$TMPD/usage")
	got=$(awk '/^SYNOPSIS/ { s = 1; next } s && /^\[verse\]/ { v = 1; next }
		   s && v && /^$/ { exit } s && v { print }' "$page" | sed "s/^'\([^']*\)'/\1/")
	check_eq "$cmd: SYNOPSIS of $(basename "$page") is the usage" "$got" "$want"
done

# ---- a terminal ------------------------------------------------------------------------------
# On a terminal the page goes through the pager; PERF_PAGER=cat and
# --no-pager turn it off. script(1) provides the terminal.
if command -v script > /dev/null && script -qec true /dev/null > /dev/null 2>&1; then
	tty_run() # NAME PAGER ARGS...
	{
		local name=$1 pager=$2
		shift 2
		PERF_PAGER=$pager script -qec "$(printf '%q ' "$PERF" "$@")" /dev/null \
			< /dev/null > "$TMPD/$name.out" 2>&1
		echo $? > "$TMPD/$name.rc"
	}
	tty_run tty-paged 'sed s/^/PAGED:/' help config
	check "terminal: paged" grep -q '^PAGED:perf-config(1)' "$TMPD/tty-paged.out"
	check_eq "terminal: exit code" "$(rc_of tty-paged)" 0
	tty_run tty-cat cat help config
	check "PERF_PAGER=cat: not paged" grep -q '^perf-config(1)' "$TMPD/tty-cat.out"
	check "PERF_PAGER=cat: no PAGED" test "$(grep -c PAGED "$TMPD/tty-cat.out")" = 0
	tty_run tty-nopager 'sed s/^/PAGED:/' --no-pager help config
	check "--no-pager: not paged" test "$(grep -c PAGED "$TMPD/tty-nopager.out")" = 0
	check "--no-pager: the page" grep -q 'perf-config(1)' "$TMPD/tty-nopager.out"
else
	echo "note: no script(1), the pager on a terminal is not checked"
fi

finish
