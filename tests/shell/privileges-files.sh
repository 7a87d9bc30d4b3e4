#!/bin/bash
# perf.data ownership, output file modes, planted symlinks and files in shared directories
# SPDX-License-Identifier: GPL-2.0
#
# perf often runs as root next to other users' files in /tmp. Checked:
#  - a perf.data owned by someone else (not root) is refused by the
#    readers without -f, with the reference's message and exit code 255;
#  - output files get the user's umask (perf.data 0600 less it, text
#    output 0666 less it, as the reference);
#  - in a sticky world-writable directory, a symlink or file planted by
#    another user at the output name is not written through (stat -o,
#    stat -o --append, script --per-event-dump), while our own symlinks
#    and symlinks in private directories are followed (the reference
#    writes through them: a documented difference, not compared);
#  - the perf.data -> perf.data.old rotation renames links instead of
#    following them, and cannot replace another user's file.
# The other user is uid 65534; the kernel's fs.protected_symlinks and
# fs.protected_regular are switched off for the test (restored by a
# trap), so that perf's own checks are what is tested.

. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

[ "$(id -u)" = 0 ] || skip "needs root to plant files as another user"
command -v setpriv > /dev/null || skip "no setpriv (util-linux) to run as another user"
U=65534
PS=/proc/sys/fs/protected_symlinks
PR=/proc/sys/fs/protected_regular
ops=$(cat $PS 2> /dev/null) opr=$(cat $PR 2> /dev/null)
# shellcheck disable=SC2064
trap "[ -n '$ops' ] && echo '$ops' > $PS; [ -n '$opr' ] && echo '$opr' > $PR; rm -rf '$TMPD'" EXIT
[ -n "$ops" ] && { echo 0 > $PS || skip "cannot set $PS"; }
[ -n "$opr" ] && { echo 0 > $PR || skip "cannot set $PR"; }

chmod 711 "$TMPD"
SH=$TMPD/shared			# like /tmp
mkdir -p "$SH" && chmod 1777 "$SH"
as_user() { setpriv --reuid=$U --regid=$U --clear-groups "$@"; }

echo secret > "$TMPD/victim"
victim_intact() { [ "$(cat "$TMPD/victim")" = secret ]; }

"$PERF" record -q -o "$TMPD/root.data" -e cpu-clock -F 1000 -- "$PERF" test -w noploop 0.1 > /dev/null 2>&1 ||
	skip "cannot record here"

# 1. perf.data of another user.
cp "$TMPD/root.data" "$SH/theirs.data"
chown $U "$SH/theirs.data"
MSG="File $SH/theirs.data not owned by current user or root (use -f to override)"
for c in "script" "evlist" "report --stdio" "report --header-only"; do
	name=${c// /_}
	# shellcheck disable=SC2086
	run "own-$name" "$PERF" $c -i "$SH/theirs.data"
	check_eq "perf $c of another user's file: exit code" "$(rc_of "own-$name")" 255
	check_eq "perf $c of another user's file: message" "$(line_of "own-$name" err 1)" "$MSG"
	# shellcheck disable=SC2086
	run "own-f-$name" "$PERF" $c -f -i "$SH/theirs.data"
	if grep -q 'not supported by this perf yet' "$TMPD/own-f-$name.err"; then
		echo "note: perf $c is not supported yet, -f not checked"
		continue
	fi
	check_eq "perf $c -f of another user's file: exit code" "$(rc_of "own-f-$name")" 0
done
# Root's files are trusted by everyone (if they may read them).
cp "$TMPD/root.data" "$SH/root.data" && chmod 644 "$SH/root.data"
run own-root as_user "$PERF" script -i "$SH/root.data"
check_eq "perf script of root's file as another user: exit code" "$(rc_of own-root)" 0
# A directory (perf record --threads layout) is checked the same way.
mkdir -p "$SH/theirs.dir" && cp "$TMPD/root.data" "$SH/theirs.dir/data"
chown -R $U "$SH/theirs.dir"
run own-dir "$PERF" evlist -i "$SH/theirs.dir"
check_eq "perf evlist of another user's directory: exit code" "$(rc_of own-dir)" 255

# 2. Modes follow the umask.
mode_of() { stat -c %a "$1"; }
for u in 022 077 002; do
	(umask $u; "$PERF" record -q -o "$TMPD/m$u.data" -e cpu-clock true > /dev/null 2>&1;
	 "$PERF" stat -o "$TMPD/m$u.txt" -e task-clock true > /dev/null 2>&1)
	check_eq "perf.data mode with umask $u" "$(mode_of "$TMPD/m$u.data")" \
		"$(printf '%o' $((0600 & ~0$u)))"
	check_eq "stat -o mode with umask $u" "$(mode_of "$TMPD/m$u.txt")" \
		"$(printf '%o' $((0666 & ~0$u)))"
done

# 3. Planted symlinks and files in the shared directory.
as_user ln -s "$TMPD/victim" "$SH/link.txt"
run plant-stat "$PERF" stat -o "$SH/link.txt" -e task-clock true
check "stat -o through a planted symlink: fails" test "$(rc_of plant-stat)" != 0
check "stat -o through a planted symlink: says why" grep -q 'symlink of another user' "$TMPD/plant-stat.err"
check "stat -o through a planted symlink: victim intact" victim_intact
run plant-append "$PERF" stat --append -o "$SH/link.txt" -e task-clock true
check "stat --append through a planted symlink: fails" test "$(rc_of plant-append)" != 0
check "stat --append through a planted symlink: victim intact" victim_intact
as_user sh -c "echo theirs > '$SH/file.txt'"
run plant-file "$PERF" stat -o "$SH/file.txt" -e task-clock true
check "stat -o into a planted file: fails" test "$(rc_of plant-file)" != 0
check "stat -o into a planted file: says why" grep -q 'belongs to another user' "$TMPD/plant-file.err"
check_eq "stat -o into a planted file: file intact" "$(cat "$SH/file.txt")" theirs
cp "$TMPD/root.data" "$SH/s.data"
as_user ln -s "$TMPD/victim" "$SH/s.data.cpu-clock.dump"
run plant-dump "$PERF" script --per-event-dump -i "$SH/s.data"
check "script --per-event-dump through a planted symlink: fails" test "$(rc_of plant-dump)" != 0
check "script --per-event-dump: victim intact" victim_intact
# Our own symlink, or one in a private directory, is followed.
ln -s "$TMPD/mine.txt" "$SH/mylink.txt"
run own-link "$PERF" stat -o "$SH/mylink.txt" -e task-clock true
check_eq "stat -o through our own symlink: exit code" "$(rc_of own-link)" 0
check "stat -o through our own symlink: written" grep -q task-clock "$TMPD/mine.txt"
mkdir -p "$TMPD/priv" && ln -s /dev/null "$TMPD/priv/null"
run priv-link "$PERF" stat -o "$TMPD/priv/null" -e task-clock true
check_eq "stat -o through a private symlink: exit code" "$(rc_of priv-link)" 0

# 4. perf.data.old rotation.
as_user ln -s "$TMPD/victim" "$SH/perf.data"
as_user ln -s "$TMPD/victim" "$SH/perf.data.old"
run rot1 "$PERF" record -q -o "$SH/perf.data" -e cpu-clock true
check_eq "record over a planted perf.data symlink: exit code" "$(rc_of rot1)" 0
check "record over a planted symlink: victim intact" victim_intact
check "record over a planted symlink: a new regular file" test -f "$SH/perf.data" -a ! -L "$SH/perf.data"
check "record over a planted symlink: the link moved to .old" test -L "$SH/perf.data.old"
# The other user cannot make root's perf.data.old go away through rotation.
cp "$TMPD/root.data" "$SH/r.data.old"
as_user sh -c "echo x > '$SH/r.data'"
run rot2 as_user "$PERF" record -q -o "$SH/r.data" -e cpu-clock true
check "rotation onto root's .old as another user: fails" test "$(rc_of rot2)" != 0
check "rotation onto root's .old: root's file intact" cmp -s "$TMPD/root.data" "$SH/r.data.old"

finish
