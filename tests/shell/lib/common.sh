# SPDX-License-Identifier: GPL-2.0
# Helpers shared by tests/shell/*.sh (and tests/compat/*.sh). Source it with
#   . "$(dirname "$0")/lib/common.sh"
# It sets PERF to the binary under test and offers:
#   perf_test_tmpdir      private temp dir in $TMPD, removed on exit
#   perf_test_isolate     private HOME and config files, no pager
#   run NAME CMD...       run CMD, keep NAME.out NAME.err NAME.rc in $TMPD
#   check DESC COND...    record a failure unless COND (a command) succeeds
#   check_eq DESC GOT WANT
#   xfail REASON CMD...   CMD's checks are expected to fail (a known bug,
#                         REASON names where); fails when they pass, so the
#                         marker goes away with the bug
#   skip REASON           exit 2 with REASON as the last line
#   finish                exit 1 if any check failed, else 0

# The binary under test: $PERF, else the build tree's ./perf (this file is
# tests/shell/lib/), else the one on $PATH, for the installed layout
# (libexec/perf-core/tests/shell/lib/ has no perf beside it).
perf_test__find_perf()
{
	local here
	here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
	if [ -n "$PERF" ]; then
		:
	elif [ -x "$here/../../../perf" ]; then
		PERF=$(cd "$here/../../.." && pwd)/perf
	else
		PERF=$(command -v perf)
	fi
	if [ -z "$PERF" ] || [ ! -x "$PERF" ]; then
		echo "no perf binary to test (set \$PERF)"
		exit 2
	fi
	export PERF
}
perf_test__find_perf

perf_test__failures=0

skip()
{
	echo "$*"
	exit 2
}

fail()
{
	echo "FAIL: $*"
	perf_test__failures=$((perf_test__failures + 1))
}

finish()
{
	if [ "$perf_test__failures" -ne 0 ]; then
		echo "$perf_test__failures check(s) failed"
		exit 1
	fi
	exit 0
}

xfail()
{
	local reason=$1 before=$perf_test__failures
	shift
	"$@" > "$TMPD/xfail.log" 2>&1
	if [ "$perf_test__failures" -gt "$before" ]; then
		perf_test__failures=$before
		echo "XFAIL ($reason):"
		sed 's/^/   /' "$TMPD/xfail.log"
	else
		fail "XPASS: '$*' passes now, remove its xfail ($reason)"
	fi
}

perf_test_tmpdir()
{
	TMPD=$(mktemp -d "${TMPDIR:-/tmp}/perf-test.XXXXXX") || exit 1
	# shellcheck disable=SC2064
	trap "rm -rf '$TMPD'" EXIT
	trap 'exit 1' INT TERM HUP
}

# Nothing a test does may read or write the user's real configuration, and
# output must not wait in a pager.
perf_test_isolate()
{
	mkdir -p "$TMPD/home" || exit 1
	export HOME="$TMPD/home"
	export PERF_CONFIG_SYSTEM="$TMPD/etc-perfconfig"
	export PERF_PAGER=cat PAGER=cat
	unset PERF_CONFIG PERF_CONFIG_NOSYSTEM PERF_CONFIG_NOGLOBAL PERF_EXEC_PATH
	unset PERF_BUILDID_DIR
}

# run NAME CMD...: stdin is /dev/null, so nothing can wait for input.
run()
{
	local name=$1
	shift
	"$@" > "$TMPD/$name.out" 2> "$TMPD/$name.err" < /dev/null
	echo $? > "$TMPD/$name.rc"
}

rc_of()  { cat "$TMPD/$1.rc"; }
out_of() { cat "$TMPD/$1.out"; }
err_of() { cat "$TMPD/$1.err"; }
# line N of stream (out|err) of run NAME
line_of() { sed -n "${3}p" "$TMPD/$1.$2"; }
lines_of() { wc -l < "$TMPD/$1.$2" | tr -d ' '; }

check()
{
	local desc=$1
	shift
	"$@" || fail "$desc"
}

check_eq()
{
	if [ "$2" != "$3" ]; then
		fail "$1"
		echo "   got:  '$2'"
		echo "   want: '$3'"
	fi
}

# The run's output on one stream only, the other one empty.
check_only_on()
{
	local name=$1 stream=$2 other=err
	[ "$stream" = err ] && other=out
	[ -s "$TMPD/$name.$stream" ] || fail "$name: nothing on std$stream"
	if [ -s "$TMPD/$name.$other" ]; then
		fail "$name: unexpected output on std$other"
		sed 's/^/   | /' "$TMPD/$name.$other" | head -5
	fi
}

# READER: the perf that reads perf.data back in a test about writing it.
# Ours once its report and script work; until then the reference's (for
# tests of other features that only need a faithful reader), else skip.
perf_test_reader()
{
	local probe
	READER=$PERF
	# A tiny recording of our own to ask our report whether it can print
	# a profile yet (the answer comes before any reading with -i /dev/null).
	probe=$(mktemp /tmp/perf-reader-probe.XXXXXX)
	"$PERF" record -q -o "$probe" -- true > /dev/null 2>&1
	if "$PERF" script -h 2>&1 | head -n 1 | grep -q 'not supported by this perf yet' ||
	   "$PERF" report --stdio -i "$probe" 2>&1 | grep -q 'not supported by this perf yet'; then
		READER=${REF_PERF:-/usr/bin/perf}
		[ -x "$READER" ] || { rm -f "$probe"; skip "no perf.data reader: ours lacks report/script and there is no reference"; }
		echo "note: reading back with $READER (our report/script are not complete)"
	fi
	rm -f "$probe"
}
