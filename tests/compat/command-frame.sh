#!/bin/bash
# command frame and perf config vs the reference
# SPDX-License-Identifier: GPL-2.0
#
# Runs the same command lines with the reference perf and with ours and
# compares exit codes, which stream the output goes to, and the lines that
# scripts and users read (usage lines, error messages, config files).
# Differences on purpose are checked for what we do instead, with the reason
# next to the check. Known bugs in files this test's author does not own are
# marked xfail with the file to fix; they turn into failures once fixed, so
# that the marker is removed.

. "$(dirname "$0")/lib.sh"

perf_test_tmpdir
perf_test_isolate
# A real /etc/perfconfig must not leak into the reference's side.
export PERF_CONFIG_NOSYSTEM=1

same_tail()
{
	local name=$1 stream=$2 n=$3 r o
	r=$(tail -n "$n" "$TMPD/ref-$name.$stream")
	o=$(tail -n "$n" "$TMPD/our-$name.$stream")
	if [ "$r" != "$o" ]; then
		fail "$name: last $n lines of std$stream differ"
		echo "   ref: '$r'"
		echo "   our: '$o'"
	fi
}

# The options a usage message lists ("-l, --list", "--user"), without their
# help texts: those are in our own words.
options_of()
{
	grep -oE '^ +(-[a-zA-Z0-9], )?--[a-z0-9-]+' "$TMPD/$1.err" | sed 's/^ *//'
}

same_options()
{
	local r o
	r=$(options_of "ref-$1")
	o=$(options_of "our-$1")
	if [ "$r" != "$o" ]; then
		fail "$1: the usage lists other options"
		diff <(echo "$r") <(echo "$o") | sed 's/^/   | /'
	fi
}

expect_rc()
{
	check_eq "$1: exit code" "$(rc_of "our-$1")" "$2"
}

# ---- perf without a command, --help, help ----------------------------------
both noargs
expect_rc noargs 1
same_rc noargs
same_streams noargs
# Blank, " usage: ...", blank, " The most commonly used perf commands are:".
# The list itself is shorter: we only list what we implement.
same_line noargs out 1 2 3 4
same_tail noargs out 3

for a in --help -h help; do
	both "main$a" $a
	expect_rc "main$a" 0
	same_rc "main$a"
	same_streams "main$a"
	same_line "main$a" out 1 2 3 4
	same_tail "main$a" out 3
done

# ---- version ---------------------------------------------------------------
# Only the prefix: the version numbers differ.
for a in --version -v version; do
	both "ver$a" $a
	expect_rc "ver$a" 0
	same_rc "ver$a"
	same_streams "ver$a"
	check_eq "ver$a: one line" "$(lines_of "our-ver$a" out)" 1
	check "ver$a: 'perf version ' prefix" grep -q '^perf version [0-9]' "$TMPD/our-ver$a.out"
done

# --build-options: "%22s: [ %-3s ]  # %s" per feature, on both sides.
check_build_options_layout()
{
	local side=$1 name state macro line
	while IFS= read -r line; do
		if ! [[ $line =~ ^\ *([a-z0-9_-]+):\ \[\ (on|OFF)\ *\]\ \ #\ ([A-Z0-9_]+)$ ]]; then
			fail "$side build options: bad line '$line'"
			continue
		fi
		name=${BASH_REMATCH[1]} state=${BASH_REMATCH[2]} macro=${BASH_REMATCH[3]}
		check_eq "$side build options: layout of '$name'" "$line" \
			"$(printf '%22s: [ %-3s ]  # %s' "$name" "$state" "$macro")"
	done < <(tail -n +2 "$TMPD/$side-bo.out")
}
both bo version --build-options
expect_rc bo 0
same_rc bo
same_streams bo
check "bo: first line is the version" grep -q '^perf version ' "$TMPD/our-bo.out"
check "bo: lists features" test "$(lines_of our-bo out)" -gt 3
check_build_options_layout ref
check_build_options_layout our
# A feature both builds can have is listed under the reference's name and
# macro, so scripts grepping for "libelf: [ on" work with either perf.
check_feature_names()
{
	local f line
	for f in libelf libpython libunwind zstd libslang; do
		line=$(grep -E "^ *$f: " "$TMPD/ref-bo.out" | sed 's/\[ [a-zA-Z]* *\]//')
		[ -n "$line" ] || continue
		check_eq "bo: feature $f" \
			"$(grep -E "^ *$f: " "$TMPD/our-bo.out" | sed 's/\[ [a-zA-Z]* *\]//')" "$line"
	done
}
check_feature_names

# -vv is the reference's short form of "version --build-options".
both vv -vv
same_rc vv
same_line vv out 2

# ---- unknown commands and options --------------------------------------------
both nosuch nosuchcmd
expect_rc nosuch 1
same_rc nosuch
same_streams nosuch
same_line nosuch err 1
check_eq "nosuch: one line" "$(lines_of our-nosuch err)" 1

# Differs on purpose: our "did you mean" also offers builtin commands (perf
# stt -> stat); the reference only offers programs in its exec path
# (perf stt -> iostat). The first line is the same.
both stt stt
same_rc stt
same_streams stt
same_line stt err 1 2 3
check "stt: suggests stat" grep -qx $'\tstat' "$TMPD/our-stt.err"

for a in --bogus -X - --; do
	both "opt$a" $a
	expect_rc "opt$a" 129
	same_rc "opt$a"
	same_streams "opt$a"
	same_line "opt$a" err 1 2 3
done
both dashdash-version -- version
same_rc dashdash-version
same_line dashdash-version err 1 2 3

both debug-noarg --debug
expect_rc debug-noarg 129
same_rc debug-noarg
same_streams debug-noarg
same_line debug-noarg err 1 2 3

both debug-foo --debug foo=1 version
expect_rc debug-foo 129
same_rc debug-foo
same_streams debug-foo
same_line debug-foo err 1 2 3

both debug-verbose --debug verbose=2 version
expect_rc debug-verbose 0
same_rc debug-verbose
same_streams debug-verbose

for a in --buildid-dir --debugfs-dir; do
	both "nodir$a" $a
	expect_rc "nodir$a" 129
	same_rc "nodir$a"
	same_line "nodir$a" err 1 2 3
done

# ---- global options that print ---------------------------------------------
# The paths depend on the install prefix.
for a in --exec-path --html-path; do
	both "path$a" $a
	expect_rc "path$a" 0
	same_rc "path$a"
	same_streams "path$a"
	check_eq "path$a: one line" "$(lines_of "our-path$a" out)" 1
	check "path$a: absolute path" grep -q '^/' "$TMPD/our-path$a.out"
done
both exec-path-set --exec-path=/nonexistent --exec-path
same_rc exec-path-set
same_line exec-path-set out 1

both list-opts --list-opts
expect_rc list-opts 0
same_rc list-opts
same_streams list-opts
same_line list-opts out 1

# Our list is shorter (only what is built), but each of ours is a command
# of the reference.
both list-cmds --list-cmds
expect_rc list-cmds 0
same_rc list-cmds
same_streams list-cmds
check_eq "list-cmds: one line" "$(lines_of our-list-cmds out)" 1
for c in $(out_of our-list-cmds); do
	check "list-cmds: '$c' is a reference command" \
		grep -qw -- "$c" "$TMPD/ref-list-cmds.out"
done

# ---- CMD -h and bad options of builtins --------------------------------------
# The usage line is the same text; option help texts are in our own words,
# so only the option names are compared.
for c in config test version help; do
	both "$c-h" "$c" -h
	expect_rc "$c-h" 129
	same_rc "$c-h"
	same_streams "$c-h"
	same_line "$c-h" err 1 2 3
	[ "$c" = test ] || same_options "$c-h"
done
# perf test has options the reference does not (--timeout); it keeps all
# of the reference's.
missing=$(comm -23 <(options_of ref-test-h | sort) <(options_of our-test-h | sort))
check_eq "test -h: the reference's options" "$missing" ""

for c in config version help test; do
	both "$c-bogus" "$c" --bogus
	expect_rc "$c-bogus" 129
	same_rc "$c-bogus"
	same_streams "$c-bogus"
	same_line "$c-bogus" err 1 2 3
done
both config-x config -x
expect_rc config-x 129
same_line config-x err 1 2 3
same_options config-x

both version-bo-value version --build-options=1
same_rc version-bo-value
same_line version-bo-value err 1 2

# ---- perf config: usage errors -----------------------------------------------
both config-l-arg config -l x.y
same_streams config-l-arg
same_line config-l-arg err 1 2 3
same_options config-l-arg
# Differs on purpose: the reference prints the error and exits 0.
expect_rc config-l-arg 255

both config-user-system config --user --system -l
expect_rc config-user-system 255
same_rc config-user-system
same_streams config-user-system
same_line config-user-system err 1 2 3
same_options config-user-system

for a in nosection a. .b =x a=x x.y=; do
	both "config-arg$a" config "$a"
	expect_rc "config-arg$a" 255
	same_rc "config-arg$a"
	same_streams "config-arg$a"
	same_line "config-arg$a" err 1
done
# Differs on purpose: the reference accepts "a.=x" and writes a file it
# cannot read back.
run our-config-arg-noname "$PERF" config a.=x
expect_rc config-arg-noname 255
check_eq "config a.=x: message" "$(err_of our-config-arg-noname)" \
	"The config variable does not contain a variable name: a.=x"

# ---- perf config: files ------------------------------------------------------
# Each side gets its own HOME and, when asked, its own $PERF_CONFIG file.
cfg()
{
	local side=$1 name=$2 bin=$REF pc=
	shift 2
	[ "$side" = our ] && bin=$PERF
	[ -n "$use_pc" ] && pc="$TMPD/$side-pc/perfconfig"
	mkdir -p "$TMPD/$side-home" "$TMPD/$side-pc"
	if [ -n "$pc" ]; then
		run "$side-$name" env HOME="$TMPD/$side-home" PERF_CONFIG="$pc" "$bin" config "$@"
	else
		run "$side-$name" env HOME="$TMPD/$side-home" "$bin" config "$@"
	fi
}
cfg_both()
{
	cfg ref "$@"
	cfg our "$@"
	same_rc "$1"
	same_streams "$1"
	same_file "$1: stdout" "$TMPD/ref-$1.out" "$TMPD/our-$1.out"
	same_file "$1: stderr" "$TMPD/ref-$1.err" "$TMPD/our-$1.err"
}

# Values are plain words: for a value with blanks at its ends, '#' or ';'
# we write quotes so it reads back the same, the reference writes it bare
# (and reads back something else).
for use_pc in "" 1; do
	m=home
	[ -n "$use_pc" ] && m=env
	file_ref="$TMPD/ref-home/.perfconfig" file_our="$TMPD/our-home/.perfconfig"
	[ -n "$use_pc" ] && file_ref="$TMPD/ref-pc/perfconfig" file_our="$TMPD/our-pc/perfconfig"
	rm -rf "$TMPD"/ref-home "$TMPD"/our-home "$TMPD"/ref-pc "$TMPD"/our-pc

	cfg_both "$m-empty-list" -l
	cfg_both "$m-set1" report.sort-order=comm,dso
	check "$m-set1: wrote the file" test -f "$file_our"
	cfg_both "$m-set2" top.children=true ui.show-headers=false
	cfg_both "$m-set3" report.sort-order=pid call-graph.record-mode=dwarf
	cfg_both "$m-set-get" annotate.use_offset=false annotate.use_offset
	same_file "$m: file content" "$file_ref" "$file_our"
	check_eq "$m: file mode" "$(stat -c %a "$file_our")" "$(stat -c %a "$file_ref")"
	check "$m: auto-generated header" grep -qx '# this file is auto-generated.' "$file_our"
	cfg_both "$m-get" report.sort-order top.children nosuch.var
	cfg_both "$m-list" -l
	cfg_both "$m-list-noarg"
	cfg_both "$m-user-list" --user -l
	cfg_both "$m-user-get" --user report.sort-order
	cfg_both "$m-user-get-noarg" --user
	# An error in the middle: what came before is printed, nothing written.
	cp "$file_our" "$TMPD/before"
	cfg_both "$m-mixed" top.children ui.show-headers=true nosec
	same_file "$m-mixed: nothing written" "$TMPD/before" "$file_our"
	same_file "$m: file content after an error" "$file_ref" "$file_our"
	check "$m-list: lists what was set" grep -qx 'report.sort-order=pid' "$TMPD/our-$m-list.out"
done

# With $PERF_CONFIG set, --user still means ~/.perfconfig.
rm -rf "$TMPD"/ref-home "$TMPD"/our-home "$TMPD"/ref-pc "$TMPD"/our-pc
use_pc=1
cfg_both pc-user-set --user ui.show-headers=false
same_file "pc-user-set: ~/.perfconfig" "$TMPD/ref-home/.perfconfig" "$TMPD/our-home/.perfconfig"
check "pc-user-set: \$PERF_CONFIG untouched" test ! -e "$TMPD/our-pc/perfconfig"
cfg_both pc-set report.children=false
cfg_both pc-list -l
cfg_both pc-user-list --user -l
check_eq "pc-list: only \$PERF_CONFIG" "$(out_of our-pc-list)" "report.children=false"
check_eq "pc-user-list: only ~/.perfconfig" "$(out_of our-pc-user-list)" "ui.show-headers=false"

# A file that cannot be created: the same message, the same exit code.
use_pc=
rm -rf "$TMPD/ref-home" "$TMPD/our-home"
run ref-write-fail env PERF_CONFIG="$TMPD/nodir/perfconfig" "$REF" config a.b=c
run our-write-fail env PERF_CONFIG="$TMPD/nodir/perfconfig" "$PERF" config a.b=c
expect_rc write-fail 255
same_rc write-fail
same_streams write-fail
same_line write-fail err 1

# Differs on purpose: names are case-insensitive for us, as in git and as
# the reference treats them inside the files; the reference's command line
# lookup is case-sensitive and finds nothing.
rm -rf "$TMPD/ref-home" "$TMPD/our-home"
cfg_both case-set report.sort-order=pid
cfg our case-get Report.Sort-Order
check_eq "case-get" "$(out_of our-case-get)" "report.sort-order=pid"

# Differs on purpose: a file with a line that cannot be parsed. The
# reference warns, shows what it read before that line, and drops the rest
# of the file on the next write; we warn the same way and stop, and never
# rewrite a file we could not read.
for side in ref our; do
	mkdir -p "$TMPD/$side-bad"
	printf '[u]\n\tv = 1\nbad line here\n' > "$TMPD/$side-bad/.perfconfig"
done
run ref-bad env HOME="$TMPD/ref-bad" "$REF" config -l
run our-bad env HOME="$TMPD/our-bad" "$PERF" config -l
for side in ref our; do
	check_eq "bad: $side names file and line" "$(line_of $side-bad err 1)" \
		"bad config file line 3 in $TMPD/$side-bad/.perfconfig"
done
expect_rc bad 255
run our-bad-set env HOME="$TMPD/our-bad" "$PERF" config u.w=2
expect_rc bad-set 255
check "bad-set: file kept" grep -qx 'bad line here' "$TMPD/our-bad/.perfconfig"

# Which files are read. The reference's system file is /etc/perfconfig
# (ours too, unless $PERF_CONFIG_SYSTEM names another); $PERF_CONFIG
# replaces both files. Watched with strace so that /etc is never written.
if command -v strace > /dev/null && strace -f -qq -o /dev/null true 2>/dev/null; then
	files_seen()	# NAME: the perfconfig files the run looked at
	{
		grep -oE '"[^"]*perfconfig[^"]*"' "$TMPD/$1.strace" | tr -d '"' | sort -u
	}
	unset PERF_CONFIG_NOSYSTEM
	# LeakSanitizer cannot run under ptrace (a SANITIZE=1 build).
	saved_asan=${ASAN_OPTIONS-}
	export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
	mkdir -p "$TMPD/st-home"
	HOME="$TMPD/st-home" strace -f -qq -e trace=%file -o "$TMPD/ref-sys.strace" \
		"$REF" config --system -l > /dev/null 2>&1
	check "reference --system reads /etc/perfconfig" grep -qx /etc/perfconfig <(files_seen ref-sys)
	env -u PERF_CONFIG_SYSTEM HOME="$TMPD/st-home" strace -f -qq -e trace=%file \
		-o "$TMPD/our-sys.strace" "$PERF" config --system -l > /dev/null 2>&1
	check "our --system reads /etc/perfconfig" grep -qx /etc/perfconfig <(files_seen our-sys)

	HOME="$TMPD/st-home" PERF_CONFIG="$TMPD/st-pc-perfconfig" strace -f -qq \
		-e trace=%file -o "$TMPD/ref-pc.strace" "$REF" config -l > /dev/null 2>&1
	check_eq "reference reads only \$PERF_CONFIG" "$(files_seen ref-pc)" "$TMPD/st-pc-perfconfig"
	HOME="$TMPD/st-home" PERF_CONFIG="$TMPD/st-pc-perfconfig" strace -f -qq \
		-e trace=%file -o "$TMPD/our-pc.strace" "$PERF" config -l > /dev/null 2>&1
	check_eq "we read only \$PERF_CONFIG" "$(files_seen our-pc)" "$TMPD/st-pc-perfconfig"
	export PERF_CONFIG_NOSYSTEM=1 ASAN_OPTIONS=$saved_asan
else
	echo "note: no working strace, which files are read is not checked"
fi

# ---- perf help ---------------------------------------------------------------
both help-all help -a
expect_rc help-all 0
same_rc help-all
same_streams help-all
same_line help-all out 1 2 3
same_tail help-all out 3

# The manual of a command neither perf documents: both end in man(1).
if command -v man > /dev/null; then
	both help-nosuch help nosuchcmd
	same_rc help-nosuch
	same_streams help-nosuch
	same_line help-nosuch err 1
	both nosuch-help nosuchcmd --help
	same_rc nosuch-help
	same_line nosuch-help err 1
fi

finish
