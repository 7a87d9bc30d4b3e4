# SPDX-License-Identifier: GPL-2.0
# helpers for tests/compat/*.sh, not a test
#
# Run the reference perf and ours side by side and compare. Source it with
#   . "$(dirname "$0")/lib.sh"
# Adds to tests/shell/lib/common.sh:
#   REF                   the reference perf ($REF_PERF, else /usr/bin/perf);
#                         the test is skipped when it is missing
#   both NAME ARGS...     run "perf ARGS" with each: runs ref-NAME, our-NAME
#   same_rc NAME          exit codes equal
#   same_line NAME STREAM N [N...]   those lines of std{out,err} equal
#   same_streams NAME     output on the same stream(s)
#   same_file DESC A B    two files have the same content

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	# tests/run-check.sh runs every tests/compat/*.sh.
	echo "helper library, not a test"
	exit 2
fi

. "$(dirname "${BASH_SOURCE[0]}")/../shell/lib/common.sh"

REF=${REF_PERF:-/usr/bin/perf}
if [ ! -x "$REF" ]; then
	skip "no reference perf at $REF (set \$REF_PERF)"
fi
# Debian's /usr/bin/perf is a wrapper that fails when no perf matches the
# running kernel: that is a missing reference, not a failed test.
if ! "$REF" version 2>/dev/null | grep -q '^perf version '; then
	skip "reference perf at $REF does not run"
fi
if [ "$(readlink -f "$REF")" = "$(readlink -f "$PERF")" ]; then
	skip "the reference and the tested perf are the same file ($REF)"
fi

both()
{
	local name=$1
	shift
	run "ref-$name" "$REF" "$@"
	run "our-$name" "$PERF" "$@"
}

# Print both sides of a run, for the log of a failed check.
show_both()
{
	local name=$1 side
	for side in ref our; do
		echo "   $side: rc=$(rc_of "$side-$name")"
		sed "s/^/   $side out| /" "$TMPD/$side-$name.out" | head -6
		sed "s/^/   $side err| /" "$TMPD/$side-$name.err" | head -6
	done
}

same_rc()
{
	local r o
	r=$(rc_of "ref-$1")
	o=$(rc_of "our-$1")
	if [ "$r" != "$o" ]; then
		fail "$1: exit code $o, reference $r"
		show_both "$1"
	fi
}

same_line()
{
	local name=$1 stream=$2 n r o
	shift 2
	for n in "$@"; do
		r=$(line_of "ref-$name" "$stream" "$n")
		o=$(line_of "our-$name" "$stream" "$n")
		if [ "$r" != "$o" ]; then
			fail "$name: line $n of std$stream differs"
			echo "   ref: '$r'"
			echo "   our: '$o'"
		fi
	done
}

same_streams()
{
	local name=$1 s r o
	for s in out err; do
		r=no o=no
		[ -s "$TMPD/ref-$name.$s" ] && r=yes
		[ -s "$TMPD/our-$name.$s" ] && o=yes
		if [ "$r" != "$o" ]; then
			fail "$name: output on std$s: ours $o, reference $r"
			show_both "$name"
		fi
	done
}

same_file()
{
	if ! cmp -s "$2" "$3"; then
		fail "$1"
		diff -u "$2" "$3" | sed 's/^/   | /' | head -20
	fi
}

# ---- perf report --stdio side by side (report.sh, report-opts.sh) ----
# Each run is rN in $TMPD; N counts them. Both outputs lose the
# reference's random "# (Tip: ...)" block, then FILTER (sed) if given.
COMPAT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The block is "#", the tip, "#": last in the output, or before -T's table.
TIP='/^#$/{N;/\n# (Tip: /{N;d};P;D};/^# (Tip: /,+1d'

report_compare()	# report_compare NAME [FILTER]
{
	local name=$1 filter=${2:-} s
	same_rc "$name"
	for s in out err; do
		sed -e "$TIP" "$TMPD/ref-$name.$s" | sed -e '${/^#$/d}' > "$TMPD/ref-$name.$s.f"
		# A "#" last is the tip block's end for the reference; ours too.
		sed -e '${/^#$/d}' "$TMPD/our-$name.$s" > "$TMPD/our-$name.$s.f"
		if [ -n "$filter" ]; then
			sed -i -e "$filter" "$TMPD/ref-$name.$s.f" "$TMPD/our-$name.$s.f"
		fi
		if ! cmp -s "$TMPD/ref-$name.$s.f" "$TMPD/our-$name.$s.f"; then
			awk -f "$COMPAT_DIR/tied-entries.awk" "$TMPD/ref-$name.$s.f" > "$TMPD/ref-$name.$s.t"
			awk -f "$COMPAT_DIR/tied-entries.awk" "$TMPD/our-$name.$s.f" > "$TMPD/our-$name.$s.t"
			if cmp -s "$TMPD/ref-$name.$s.t" "$TMPD/our-$name.$s.t"; then
				echo "$name ($(cat "$TMPD/$name.what")): the same but for the order of tied unresolved entries"
				continue
			fi
		fi
		same_file "$name ($(cat "$TMPD/$name.what")): std$s" "$TMPD/ref-$name.$s.f" "$TMPD/our-$name.$s.f"
	done
}

report_side_by_side()	# report_side_by_side FILE FILTER ARGS...
{
	local file=$1 filter=$2
	shift 2
	N=$((${N:-0} + 1))
	both "r$N" report --stdio -i "$file" "$@"
	echo "${file##*/} $*" > "$TMPD/r$N.what"
	report_compare "r$N" "$filter"
}
