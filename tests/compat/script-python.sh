#!/bin/bash
# perf script -s side by side with the reference perf: the reference's own python scripts, Perf-Trace-Util, folded stacks
# SPDX-License-Identifier: GPL-2.0
#
# The python scripts the reference installs (/usr/lib/perf-core/scripts/
# python) run unmodified with our `perf script -s` on files the reference
# recorded here (and on the fixtures), with PERF_EXEC_PATH at the
# reference's Perf-Trace-Util and at ours. stdout and the exit code must
# be the same. Documented differences:
#  - a handler that raises: the reference aborts (SIGABRT, exit 134) and
#    loses what the script had printed but python had not flushed yet; we
#    print the traceback, flush, and exit 255. On this kernel
#    check-perf-trace, net_dropmonitor and netdev-times raise TypeError
#    (their handlers predate fields the tracepoints have now): there both
#    must fail with the same TypeError line, and the reference's stdout
#    must be the start of ours.
#  - the syscall scripts with OUR Perf-Trace-Util: its syscall_name()
#    names syscalls from the kernel headers where the reference's needs
#    the python audit bindings (not installed: it prints numbers and a
#    hint to install them). They are compared with the reference's
#    Perf-Trace-Util only.
# Reference scripts not run, and why:
#  - sched-migration.py, exported-sql-viewer.py: GUIs (wxPython, Qt)
#  - export-to-sqlite.py, export-to-postgresql.py, event_analyzing_sample.py:
#    databases (and the reference's database-export interface)
#  - sctop.py: live top, prints from a timer thread every few seconds
#  - intel-pt-events.py, arm-cs-trace-disasm.py, libxed.py: instruction
#    trace (Intel PT, CoreSight) hardware and decoders; libxed is a module
#  - mem-phys-addr.py, stat-cpi.py: PMU events (mem-loads with physical
#    addresses, cycles and instructions) this VM has not got
#  - powerpc-hcalls.py: powerpc tracepoints
# Our stackcollapse.py must print the same folded stacks as the
# reference's stackcollapse.py, with each of its options.

. "$(dirname "$0")/lib.sh"
perf_test_tmpdir
perf_test_isolate

RS=/usr/lib/perf-core/scripts/python
REF_EP=/usr/lib/perf-core
[ -r "$RS/syscall-counts.py" ] || skip "the reference's python scripts are not installed ($RS)"
if "$PERF" version --build-options 2>/dev/null | grep -q 'libpython: \[ OFF'; then
	skip "perf built without libpython: python scripting not supported"
fi
OUR_EP=$(cd "$(dirname "$0")/../.." && pwd)
[ -r "$OUR_EP/scripts/python/Perf-Trace-Util/lib/Perf/Trace/Core.py" ] ||
	OUR_EP=$(dirname "$(dirname "$(readlink -f "$PERF")")")/libexec/perf-core
D=$(cd "$(dirname "$0")/../data" 2>/dev/null && pwd)

cd "$TMPD" || exit 1

# ---- files the reference records now ----
"$REF" record --no-bpf-event -q -e raw_syscalls:sys_enter -e raw_syscalls:sys_exit \
	-o sys.data -- sh -c 'ls / /nonexistent-perf-test; true' > /dev/null 2>&1
"$REF" record --no-bpf-event -q -g -F 4000 -e cpu-clock -o cg.data \
	-- "$PERF" test -w leafloop > /dev/null 2>&1
cat > load.py <<'PY'
import socket, threading
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
c = socket.create_connection(s.getsockname()); a, _ = s.accept()
for i in range(50):
    c.sendall(b"x" * 1000); a.recv(2000)
lock = threading.Lock(); n = [0]
def work():
    for i in range(20000):
        with lock: n[0] += 1
t = [threading.Thread(target=work) for i in range(4)]
[x.start() for x in t]; [x.join() for x in t]
PY
EV=
for e in net:net_dev_xmit net:net_dev_queue net:netif_receive_skb net:netif_rx \
	 skb:consume_skb skb:kfree_skb skb:skb_copy_datagram_iovec napi:napi_poll \
	 irq:irq_handler_entry irq:irq_handler_exit irq:softirq_entry irq:softirq_exit \
	 irq:softirq_raise kmem:kmalloc syscalls:sys_enter_futex syscalls:sys_exit_futex \
	 compaction:mm_compaction_begin compaction:mm_compaction_end \
	 compaction:mm_compaction_migratepages compaction:mm_compaction_isolate_migratepages \
	 compaction:mm_compaction_isolate_freepages; do
	EV="$EV -e $e"
done
# shellcheck disable=SC2086
"$REF" record --no-bpf-event -q -a $EV -o tp.data -- python3 load.py > /dev/null 2>&1

FILES=
for f in sys.data cg.data tp.data; do
	[ -s "$f" ] && FILES="$FILES $f"
done
[ -n "$FILES" ] || skip "the reference cannot record here (tracefs, permissions)"
have() { [ -s "$1" ]; }

# pyrun NAME EP FILE SCRIPT [ARGS...]: both perfs run the reference's SCRIPT
pyrun()
{
	local name=$1 ep=$2 file=$3 script=$4
	shift 4
	PERF_EXEC_PATH=$ep run "ref-$name" "$REF" script -i "$file" -s "$RS/$script" "$@"
	PERF_EXEC_PATH=$ep run "our-$name" "$PERF" script -i "$file" -s "$RS/$script" "$@"
}

# Same stdout and exit code.
same_run()
{
	local name=$1
	same_rc "$name"
	if ! cmp -s "$TMPD/ref-$name.out" "$TMPD/our-$name.out"; then
		fail "$name: stdout differs"
		diff "$TMPD/ref-$name.out" "$TMPD/our-$name.out" | head -10 | sed 's/^/   /'
	fi
}

# Both fail in a handler: same exception, the reference's output a prefix of ours.
same_failure()
{
	local name=$1 r o
	r=$(grep -m1 'Error: ' "$TMPD/ref-$name.err")
	o=$(grep -m1 'Error: ' "$TMPD/our-$name.err")
	check_eq "$name: the exception" "$o" "$r"
	check "$name: the reference aborts (134)" test "$(rc_of "ref-$name")" = 134
	check_eq "$name: we exit 255" "$(rc_of "our-$name")" 255
	if [ "$(head -c "$(wc -c < "$TMPD/ref-$name.out")" "$TMPD/our-$name.out" | cmp - "$TMPD/ref-$name.out" 2>&1)" ]; then
		fail "$name: the reference's stdout is not the start of ours"
	fi
}

# Handlers that raise on this kernel must raise with us too, else match.
same_or_same_failure()
{
	if [ "$(rc_of "ref-$1")" = 134 ]; then
		same_failure "$1"
	else
		same_run "$1"
	fi
}

for ep in "$REF_EP" "$OUR_EP"; do
	tag=$(basename "$ep")
	if have sys.data && [ "$ep" = "$REF_EP" ]; then
		for s in syscall-counts syscall-counts-by-pid failed-syscalls-by-pid; do
			pyrun "$s-$tag" "$ep" sys.data "$s.py"
			same_run "$s-$tag"
			pyrun "$s-ls-$tag" "$ep" sys.data "$s.py" ls
			same_run "$s-ls-$tag"
		done
	fi
	if have cg.data; then
		PERF_EXEC_PATH=$ep run "ref-flamegraph-$tag" "$REF" script -i cg.data \
			-s "$RS/flamegraph.py" -- -f json -o "ref-fg-$tag.json"
		PERF_EXEC_PATH=$ep run "our-flamegraph-$tag" "$PERF" script -i cg.data \
			-s "$RS/flamegraph.py" -- -f json -o "our-fg-$tag.json"
		same_rc "flamegraph-$tag"
		same_file "flamegraph.py json ($tag)" "ref-fg-$tag.json" "our-fg-$tag.json"
		for o in "" "--include-pid" "--include-tid --kernel" "--no-comm"; do
			# shellcheck disable=SC2086
			pyrun "stackcollapse$o-$tag" "$ep" cg.data stackcollapse.py -- $o
			same_run "stackcollapse$o-$tag"
		done
	fi
	if have tp.data; then
		for s in futex-contention compaction-times check-perf-trace net_dropmonitor \
			 netdev-times; do
			pyrun "$s-$tag" "$ep" tp.data "$s.py"
			same_or_same_failure "$s-$tag"
		done
	fi
	if [ -r "$D/sched-switch.data" ]; then
		pyrun "check-perf-trace-sw-$tag" "$ep" "$D/sched-switch.data" check-perf-trace.py
		same_or_same_failure "check-perf-trace-sw-$tag"
	fi
done

# ---- perf_trace_context: each sample's instruction bytes and source line ----
cat > ctx.py <<'PY'
from perf_trace_context import perf_sample_insn, perf_sample_srcline, perf_sample_srccode
n = 0
def process_event(param_dict):
    global n
    n += 1
    if n <= 300:
        c = perf_script_context
        print(param_dict["sample"]["ip"], perf_sample_insn(c), perf_sample_srcline(c),
              perf_sample_srccode(c))
PY
# A $HOME outside /tmp/perf-*: the reference runs no addr2line on a file
# there (its build-id cache), it reads the binaries where they are.
if have cg.data && CTXHOME=$(mktemp -d /tmp/ctx-home.XXXXXX); then
	HOME=$CTXHOME PERF_EXEC_PATH=$REF_EP run ref-ctx "$REF" script -i cg.data -s ctx.py
	HOME=$CTXHOME PERF_EXEC_PATH=$OUR_EP run our-ctx "$PERF" script -i cg.data -s ctx.py
	rm -rf "$CTXHOME"
	same_run ctx
	check "perf_sample_insn gave bytes" grep -q " b'" "$TMPD/our-ctx.out"
fi

# ---- our stackcollapse.py against the reference's, same file ----
for f in cg.data "$D/cpu-clock-g.data"; do
	have "$f" || continue
	for o in "" "--include-pid" "--include-tid" "--kernel" "--no-comm"; do
		# shellcheck disable=SC2086
		PERF_EXEC_PATH=$REF_EP run ref-fold "$REF" script -i "$f" -s "$RS/stackcollapse.py" -- $o
		# shellcheck disable=SC2086
		run our-fold "$PERF" script report stackcollapse -i "$f" $o
		same_rc fold
		same_file "our stackcollapse $o on $(basename "$f")" "$TMPD/ref-fold.out" "$TMPD/our-fold.out"
	done
done

finish
