#!/bin/bash
# perf record --control and -D: events enabled and disabled while recording
#
# --control=fifo:ctl,ack or fd:N,M takes the reference's commands
# (enable [event], disable [event], ping, stop, snapshot, evlist) and
# answers "ack"; -D waits, starts disabled (-1) or follows ranges.
. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate
perf_test_reader

if ! "$PERF" record -q -o "$TMPD/probe.data" -- true 2>"$TMPD/probe.err"; then
	cat "$TMPD/probe.err"
	skip "perf record cannot open events here"
fi
samples_in() { "$READER" report --stats -i "$1" 2>/dev/null | awk '/^ *SAMPLE events:/ { print $3; exit }'; }
# seconds between the first and the last sample of FILE
span_of() { "$READER" script -F time -i "$1" 2>/dev/null | tr -d ' :' | awk 'NR == 1 { f = $1 } { l = $1 } END { printf "%.3f", l - f }'; }

# ---- fifo: start disabled, enable, ping, evlist, disable one, stop ----
mkfifo "$TMPD/ctl" "$TMPD/ack"
"$PERF" record -D -1 --control="fifo:$TMPD/ctl,$TMPD/ack" -e cpu-clock -e task-clock -F 1000 \
	-o "$TMPD/c.data" -- "$PERF" test -w noploop 5 > "$TMPD/c.out" 2> "$TMPD/c.err" &
rec=$!
exec 7<>"$TMPD/ctl" 8<>"$TMPD/ack"
sleep 0.5
ask() { echo "$1" >&7; a=; read -r -t 5 -u 8 a; echo "$a"; }
check_eq "enable: ack" "$(ask enable)" ack
sleep 0.3
check_eq "ping: ack" "$(ask ping)" ack
check_eq "disable task-clock: ack" "$(ask 'disable task-clock')" ack
check_eq "evlist -F: ack" "$(ask 'evlist -F')" ack
check_eq "snapshot: ack (nothing to snapshot)" "$(ask snapshot)" ack
check_eq "enable of an unknown event: still an ack" "$(ask 'enable nosuch')" ack
echo bogus >&7
a=; read -r -t 0.5 -u 8 a
check_eq "unknown command: no ack" "$a" ""
sleep 0.2
check_eq "stop: ack" "$(ask stop)" ack
wait "$rec"
check_eq "stop: the workload is ended, as the reference (128+SIGTERM)" "$?" 143
exec 7>&- 8>&-
check_eq "messages: first line" "$(sed -n 1p "$TMPD/c.err")" "Events disabled"
check_eq "messages: enable" "$(sed -n 2p "$TMPD/c.err")" "Events enabled"
check_eq "messages: disable by name" "$(sed -n 3p "$TMPD/c.err")" "Event task-clock disabled"
check "evlist -F: the rates" grep -q '^cpu-clock: sample_freq=1000$' "$TMPD/c.err"
check "unknown event named" grep -q "^failed: can't find 'nosuch' event$" "$TMPD/c.err"
n=$(samples_in "$TMPD/c.data")
check "samples while enabled ($n)" test "${n:-0}" -gt 50
span=$(span_of "$TMPD/c.data")
check "samples only from enable to stop ($span s)" awk -v s="$span" 'BEGIN { exit !(s < 2.5) }'
top=$("$READER" report --stdio --sort sym -i "$TMPD/c.data" 2>/dev/null | grep -m1 '%')
check "the side-band kept while disabled: noploop resolved ($top)" grep -q noploop <<< "$top"

# ---- fd:N,M with pipes ----
exec 5<> <(:) 6<> <(:)
run fd "$PERF" record -D -1 --control=fd:5,6 -o "$TMPD/fd.data" -- sh -c 'echo enable >&5; sleep 0.5; read a <&6; echo "$a"'
check_eq "fd: exit code" "$(rc_of fd)" 0
check_eq "fd: the workload read the ack" "$(out_of fd)" ack
exec 5>&- 6>&-

# ---- bad specs ----
run b1 "$PERF" record --control=foo:bar -o "$TMPD/b.data" -- true
check_eq "--control=foo:bar: exit code" "$(rc_of b1)" 129
run b2 "$PERF" record --control="fifo:$TMPD/nodir/ctl" -o "$TMPD/b.data" -- true
check_eq "--control with a missing fifo: exit code" "$(rc_of b2)" 129
check "--control with a missing fifo: message" grep -q "^Failed to open '$TMPD/nodir/ctl'$" "$TMPD/b2.err"
run b3 "$PERF" record --control=fd:987 -o "$TMPD/b.data" -- true
check_eq "--control=fd:closed: refused" "$(rc_of b3)" 129

# ---- -D: a delay, and ranges ----
run d1 "$PERF" record -D 1500 -F 1000 -o "$TMPD/d.data" -- "$PERF" test -w noploop 2
check_eq "-D 1500: exit code" "$(rc_of d1)" 0
check_eq "-D 1500: messages" "$(grep -c '^Events \(dis\|en\)abled$' "$TMPD/d1.err")" 2
span=$(span_of "$TMPD/d.data")
check "-D 1500: only the last half second sampled ($span s)" awk -v s="$span" 'BEGIN { exit !(s < 1.0) }'
run d2 "$PERF" record -D 100-300,900-1100 -F 1000 -o "$TMPD/r.data" -- "$PERF" test -w noploop 3
check_eq "-D ranges: the workload is ended after the last range" "$(rc_of d2)" 143
check_eq "-D ranges: messages" "$(grep '^Events' "$TMPD/d2.err" | tr '\n' ,)" \
	"Events disabled,Events enabled,Events disabled,Events enabled,Events disabled,"
gap=$("$READER" script -F time -i "$TMPD/r.data" 2>/dev/null | tr -d ' :' |
	awk 'NR > 1 && $1 - p > g { g = $1 - p } { p = $1 } END { printf "%.3f", g }')
check "-D ranges: a gap between the ranges ($gap s)" awk -v g="$gap" 'BEGIN { exit !(g > 0.4) }'
run dq "$PERF" record -q -D -1 -o "$TMPD/q.data" -- true
check_eq "-D -1 -q: nothing printed" "$(err_of dq)" ""
for d in 0 -0 -2 10-10 20-10 10-20,15-30 10-20, 10-20,,30-40 5ms ''; do
	run dbad "$PERF" record -D "$d" -o "$TMPD/b.data" -- true
	check_eq "-D '$d' refused like the reference" "$(rc_of dbad)" 129
done
for d in -1 10 +5 ' 10-20' '10 - 20' '10-20 ,30-40'; do
	run dok "$PERF" record -q -D "$d" -o "$TMPD/b.data" -- true
	check_eq "-D '$d' accepted like the reference" "$(rc_of dok)" 0
done

finish
