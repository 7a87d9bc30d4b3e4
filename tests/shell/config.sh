#!/bin/bash
# perf config get, set and list
# SPDX-License-Identifier: GPL-2.0
#
# Our own behaviour, without the reference: which file is read and written,
# the written layout, messages and exit codes. tests/compat/command-frame.sh
# compares the same things with the reference where it is installed.

. "$(dirname "$0")/lib/common.sh"

perf_test_tmpdir
perf_test_isolate

user="$HOME/.perfconfig"
sys="$PERF_CONFIG_SYSTEM"

expect() # NAME RC STDOUT STDERR
{
	check_eq "$1: exit code" "$(rc_of "$1")" "$2"
	check_eq "$1: stdout" "$(out_of "$1")" "$3"
	check_eq "$1: stderr" "$(err_of "$1")" "$4"
}

file_is() # DESC FILE CONTENT
{
	check_eq "$1" "$(cat "$2" 2>&1)" "$3"
}

# ---- nothing configured ------------------------------------------------------
run empty-list "$PERF" config -l
expect empty-list 0 "" ""
run empty-noarg "$PERF" config
expect empty-noarg 0 "" ""
run empty-get "$PERF" config report.children
expect empty-get 0 "" ""
check "no file created by reading" test ! -e "$user"

# ---- set, get, list ----------------------------------------------------------
run set1 "$PERF" config report.sort-order=comm,dso
expect set1 0 "" ""
file_is "set1: file" "$user" "# this file is auto-generated.
[report]
	sort-order = comm,dso"

run set2 "$PERF" config top.children=true report.children=false
expect set2 0 "" ""
file_is "set2: file" "$user" "# this file is auto-generated.
[report]
	sort-order = comm,dso
	children = false
[top]
	children = true"

run override "$PERF" config report.sort-order=pid
file_is "override keeps the place" "$user" "# this file is auto-generated.
[report]
	sort-order = pid
	children = false
[top]
	children = true"

run get "$PERF" config report.sort-order nosuch.var top.children
expect get 0 "report.sort-order=pid
top.children=true" ""

run list "$PERF" config --list
expect list 0 "report.sort-order=pid
report.children=false
top.children=true" ""
run list-noarg "$PERF" config
check_eq "no argument lists" "$(out_of list-noarg)" "$(out_of list)"

# The same set, get afterwards in one command line.
run set-get "$PERF" config ui.show-headers=false ui.show-headers
expect set-get 0 "ui.show-headers=false" ""

# Names are not case-sensitive (git semantics; the reference's command line
# lookup is, and finds nothing).
run case "$PERF" config Report.Sort-Order
expect case 0 "report.sort-order=pid" ""
run case-set "$PERF" config TOP.Children=false
run case-get "$PERF" config top.children
expect case-get 0 "top.children=false" ""

# Mode: a dotfile, less what the umask takes away.
check_eq "file mode" "$(stat -c %a "$user")" "$(printf '%o' $((0666 & ~8#$(umask) & 0644)))"
(umask 077 && "$PERF" config x.y=1)
check_eq "file mode under umask 077" "$(stat -c %a "$user")" 600
"$PERF" config x.y=2
check "no temp files left" test "$(ls -A "$HOME")" = .perfconfig

# ---- values that need quotes ---------------------------------------------------
# Each must read back as it was given.
i=0
for v in ' lead' 'trail ' 'a#b' 'a;b' 'say "hi"' 'back\slash' 'two  spaces' \
	 'tab	in' 'x=y' '=' 'comm,dso,sym'; do
	i=$((i + 1))
	run "quote$i" "$PERF" config "q.v$i=$v"
	check_eq "quote$i: set" "$(rc_of "quote$i")" 0
	run "quote$i-get" "$PERF" config "q.v$i"
	check_eq "quote$i: '$v' reads back" "$(out_of "quote$i-get")" "q.v$i=$v"
done
check "plain value unquoted" grep -qx $'\tv11 = comm,dso,sym' "$user"
check "blank at the end quoted" grep -qx $'\tv2 = "trail "' "$user"

# ---- errors --------------------------------------------------------------------
cp "$user" "$TMPD/before"
run e-nosec "$PERF" config nosection
expect e-nosec 255 "" "The config variable does not contain a section name: nosection"
run e-dot "$PERF" config .b=x
expect e-dot 255 "" "The config variable does not contain a section name: .b=x"
run e-eq "$PERF" config =x
expect e-eq 255 "" "The config variable does not contain a section name: =x"
run e-noname "$PERF" config a.
expect e-noname 255 "" "The config variable does not contain a variable name: a."
run e-noname-set "$PERF" config a.=x
expect e-noname-set 255 "" "The config variable does not contain a variable name: a.=x"
run e-noval "$PERF" config x.y=
expect e-noval 255 "" "The config variable does not contain a value: x.y="
# Checked one by one: the get before the bad one is printed, nothing is set.
run e-mixed "$PERF" config x.y a.b=1 bad
expect e-mixed 255 "x.y=2" "The config variable does not contain a section name: bad"
file_is "errors write nothing" "$user" "$(cat "$TMPD/before")"

run e-list-arg "$PERF" config -l x.y
check_eq "e-list-arg: exit code" "$(rc_of e-list-arg)" 255
check_eq "e-list-arg: message" "$(line_of e-list-arg err 1)" "Error: takes no arguments"
check "e-list-arg: usage" grep -q '^ Usage: perf config ' "$TMPD/e-list-arg.err"
check_eq "e-list-arg: stdout" "$(out_of e-list-arg)" ""

run e-both "$PERF" config --user --system -l
check_eq "e-both: exit code" "$(rc_of e-both)" 255
check_eq "e-both: message" "$(line_of e-both err 1)" "Error: only one config file at a time"
check "e-both: names --user" grep -q -- '--user' "$TMPD/e-both.err"
check "e-both: names --system" grep -q -- '--system' "$TMPD/e-both.err"

run e-opt "$PERF" config --bogus
check_eq "e-opt: exit code" "$(rc_of e-opt)" 129
check_eq "e-opt: message" "$(line_of e-opt err 1)" "  Error: unknown option \`bogus'"

run e-h "$PERF" config -h
check_eq "e-h: exit code" "$(rc_of e-h)" 129
check_eq "e-h: usage" "$(line_of e-h err 2)" \
	" Usage: perf config [<file-option>] [options] [section.name[=value] ...]"

run e-write env PERF_CONFIG="$TMPD/nodir/perfconfig" "$PERF" config a.b=c
expect e-write 255 "" "Failed to set the configs on $TMPD/nodir/perfconfig"
check "e-write: no directory created" test ! -e "$TMPD/nodir"

run e-nohome env -u HOME "$PERF" config a.b=c
check_eq "e-nohome: exit code" "$(rc_of e-nohome)" 255
check "e-nohome: says why" grep -q 'HOME' "$TMPD/e-nohome.err"
run nohome-list env -u HOME "$PERF" config -l
expect nohome-list 0 "" ""

# ---- system file, user file -------------------------------------------------------
rm -f "$user"
run sys-set "$PERF" config --system core.pager=less report.children=false
expect sys-set 0 "" ""
check "sys-set: user file untouched" test ! -e "$user"
file_is "sys-set: system file" "$sys" "# this file is auto-generated.
[core]
	pager = less
[report]
	children = false"
run user-set "$PERF" config report.children=true ui.show-headers=false
file_is "user-set: only the user's values" "$user" "# this file is auto-generated.
[report]
	children = true
[ui]
	show-headers = false"
run merged "$PERF" config -l
expect merged 0 "core.pager=less
report.children=true
ui.show-headers=false" ""
run merged-get "$PERF" config report.children core.pager
expect merged-get 0 "report.children=true
core.pager=less" ""
run user-only "$PERF" config --user -l
expect user-only 0 "report.children=true
ui.show-headers=false" ""
run sys-only "$PERF" config --system -l
expect sys-only 0 "core.pager=less
report.children=false" ""
run sys-get "$PERF" config --system report.children
expect sys-get 0 "report.children=false" ""
run nosys env PERF_CONFIG_NOSYSTEM=1 "$PERF" config -l
expect nosys 0 "report.children=true
ui.show-headers=false" ""
run nosys0 env PERF_CONFIG_NOSYSTEM=0 "$PERF" config core.pager
expect nosys0 0 "core.pager=less" ""

# --user without $HOME: no user file, the system file is not read instead.
run nohome-user env -u HOME "$PERF" config --user -l
expect nohome-user 0 "" ""
run nohome-default env -u HOME "$PERF" config -l
expect nohome-default 0 "core.pager=less
report.children=false" ""

# $PERF_CONFIG replaces both files; --user still means ~/.perfconfig.
pc="$TMPD/alt.perfconfig"
run pc-set env PERF_CONFIG="$pc" "$PERF" config stat.big-num=false
expect pc-set 0 "" ""
file_is "pc-set: \$PERF_CONFIG written" "$pc" "# this file is auto-generated.
[stat]
	big-num = false"
run pc-list env PERF_CONFIG="$pc" "$PERF" config -l
expect pc-list 0 "stat.big-num=false" ""
run pc-user env PERF_CONFIG="$pc" "$PERF" config --user -l
expect pc-user 0 "report.children=true
ui.show-headers=false" ""
run pc-user-set env PERF_CONFIG="$pc" "$PERF" config --user a.b=1
check "pc-user-set: in ~/.perfconfig" grep -qx $'\tb = 1' "$user"
check "pc-user-set: not in \$PERF_CONFIG" test "$(grep -c 'b = 1' "$pc")" = 0
run pc-null env PERF_CONFIG=/dev/null "$PERF" config -l
expect pc-null 0 "" ""

# ---- hand-written files -------------------------------------------------------------
cat > "$pc" <<'EOF'
# a comment
; another one
[Report]
	Sort-Order = comm , dso   # trailing comment
	quoted = " kept "
	joined = one \
two
	flag
[a "Sub"]
	x = 1
EOF
run hand env PERF_CONFIG="$pc" "$PERF" config -l
check_eq "hand: exit code" "$(rc_of hand)" 0
check "hand: names in lower case, blanks trimmed" grep -qx 'report.sort-order=comm , dso' "$TMPD/hand.out"
check "hand: quotes keep blanks" grep -qx 'report.quoted= kept ' "$TMPD/hand.out"
check "hand: backslash joins lines" grep -qx 'report.joined=one two' "$TMPD/hand.out"
# A key without a value is valid (git semantics); the reference rejects the
# whole file.
check "hand: key without a value listed bare" grep -qx 'report.flag' "$TMPD/hand.out"
check "hand: subsection" grep -qix 'a.sub.x=1' "$TMPD/hand.out"
check_eq "hand: nothing on stderr" "$(err_of hand)" ""

# A bad line: named, nothing printed from the file, the file is not rewritten.
printf '[u]\n\tv = 1\nbad line here\n' > "$pc"
run bad env PERF_CONFIG="$pc" "$PERF" config -l
check_eq "bad: exit code" "$(rc_of bad)" 255
check_eq "bad: message" "$(line_of bad err 1)" "bad config file line 3 in $pc"
check_eq "bad: stdout" "$(out_of bad)" ""
run bad-set env PERF_CONFIG="$pc" "$PERF" config u.w=2
check_eq "bad-set: exit code" "$(rc_of bad-set)" 255
check "bad-set: file kept" grep -qx 'bad line here' "$pc"
printf '[u\n' > "$pc"
run bad-section env PERF_CONFIG="$pc" "$PERF" config -l
check_eq "bad-section: exit code" "$(rc_of bad-section)" 255
check_eq "bad-section: message" "$(line_of bad-section err 1)" "bad config file line 1 in $pc"
printf '[u]\n\tv = "open\n' > "$pc"
run bad-quote env PERF_CONFIG="$pc" "$PERF" config -l
check_eq "bad-quote: exit code" "$(rc_of bad-quote)" 255
printf 'v = 1\n' > "$pc"
run bad-nosection env PERF_CONFIG="$pc" "$PERF" config -l
check_eq "bad-nosection: exit code" "$(rc_of bad-nosection)" 255

finish
