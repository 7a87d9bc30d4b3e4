#!/bin/bash
# perf report --header-only/--stats/-D and perf evlist on recorded files
# SPDX-License-Identifier: GPL-2.0
#
# Runs our perf only, on the fixtures in tests/data (recorded by the
# reference perf, so the expected lines are what it printed for them):
# file and pipe mode, zstd, big-endian, a perf.data directory, a SIGKILLed
# recording, and damaged copies. The side-by-side comparison is tests/compat/report-header.sh.

. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

D=$(cd "$(dirname "$0")/../data" 2>/dev/null && pwd)
if [ -z "$D" ] || [ ! -r "$D/cpu-clock.data" ]; then
	skip "no fixtures in tests/data"
fi

# ---- the header ----
run hdr "$PERF" report --header-only -i "$D/cpu-clock.data"
check_eq "header-only: exit status" "$(rc_of hdr)" 0
for want in '# ========' '# header version : 1' '# data offset    : 264' \
	'# hostname : vm' '# perf version : 6.1.187' '# nrcpus avail : 2' \
	'# CPU_TOPOLOGY info available, use -I to display' \
	'# pmu mappings: software = 1, uprobe = 8, breakpoint = 5, tracepoint = 2, msr = 9' \
	'# missing features: TRACING_DATA BRANCH_STACK GROUP_DESC AUXTRACE STAT CLOCKID DIR_FORMAT COMPRESSED CPU_PMU_CAPS CLOCK_DATA HYBRID_TOPOLOGY '; do
	check "header-only: '$want'" grep -qxF -- "$want" "$TMPD/hdr.out"
done
check "header-only: event line" grep -q '^# event : name = cpu-clock:ppp, , id = { [0-9]*, [0-9]* }, type = 1, size = 128, { sample_period, sample_freq } = 1000, sample_type = IP|TID|TIME|PERIOD, read_format = ID|LOST, disabled = 1' "$TMPD/hdr.out"
check "header-only: sample time" grep -q '^# sample duration : *[0-9.]* ms$' "$TMPD/hdr.out"

run full "$PERF" report --header-only -I -i "$D/cpu-clock.data"
check "-I: topology" grep -qx '# CPU 1: Core ID 1, Die ID 0, Socket ID 0' "$TMPD/full.out"
check "-I: memory" grep -qx '# memory nodes (nr 1, block size 0x8000000):' "$TMPD/full.out"

run grp "$PERF" report --header-only -i "$D/group-clock.data"
check "group line" grep -qx '# group: {cpu-clock,task-clock}' "$TMPD/grp.out"
check "clockid" grep -qx '# clockid frequency: 1000 MHz' "$TMPD/grp.out"
check "clock data" grep -q '^# reference time: .* (TOD) = [0-9]*\.[0-9]\{9\} (monotonic)$' "$TMPD/grp.out"

run zhdr "$PERF" report --header-only -i "$D/cpu-clock-z.data"
check "compressed line" grep -qx '# compressed : Zstd, level = 1, ratio = 3' "$TMPD/zhdr.out"

# Pipe mode: the features come as records and print after the fixed lines.
run phdr "$PERF" report --header-only -i "$D/cpu-clock.pipe.data"
check_eq "pipe header: data offset" "$(sed -n 4p "$TMPD/phdr.out")" '# data offset    : 0'
check_eq "pipe header: then the features" "$(sed -n 9p "$TMPD/phdr.out")" '# hostname : vm'
check "pipe header: no missing features" sh -c "! grep -q 'missing features' '$TMPD/phdr.out'"
run pstdin sh -c "cat '$D/cpu-clock.pipe.data' | '$PERF' report --header-only"
check_eq "pipe on stdin without -i" "$(sed -n 9p "$TMPD/pstdin.out")" '# hostname : vm'

# ---- --stats ----
run st "$PERF" report --stats -i "$D/cpu-clock.data"
want='
Aggregated stats:
           TOTAL events:         37
            MMAP events:          1  ( 2.7%)
            COMM events:          3  ( 8.1%)
            EXIT events:          2  ( 5.4%)
            FORK events:          1  ( 2.7%)
          SAMPLE events:         17  (45.9%)
           MMAP2 events:          8  (21.6%)
  FINISHED_ROUND events:          1  ( 2.7%)
        ID_INDEX events:          1  ( 2.7%)
      THREAD_MAP events:          1  ( 2.7%)
         CPU_MAP events:          1  ( 2.7%)
   FINISHED_INIT events:          1  ( 2.7%)
cpu-clock:ppp stats:
          SAMPLE events:         17'
check_eq "--stats" "$(out_of st)" "$want"
check_eq "--stats: stderr" "$(err_of st)" ""

# The big-endian copy counts the same; so do the compressed and pipe forms.
run stbe "$PERF" report --stats -i "$D/cpu-clock-be.data"
check_eq "--stats big-endian" "$(out_of stbe)" "$want"
run stz "$PERF" report --stats -i "$D/cpu-clock-z.data"
check "--stats zstd: records inside" grep -qx '      COMPRESSED events:          2  ( 5.0%)' "$TMPD/stz.out"
check "--stats zstd: samples" grep -qx '          SAMPLE events:         18' "$TMPD/stz.out"

run stdir "$PERF" report --stats -i "$D/threads.data"
check "--stats of a perf.data directory (--threads)" grep -qx '          SAMPLE events:         21  (52.5%)' "$TMPD/stdir.out"

# ---- -D ----
run dump "$PERF" report -D -i "$D/cpu-clock.data"
check "-D: id index" grep -qx '0 0x108 \[0x50\]: PERF_RECORD_ID_INDEX nr: 2' "$TMPD/dump.out"
check "-D: kernel mmap" grep -qx '0 0x158 \[0x50\]: PERF_RECORD_MMAP -1/0: \[0xffffffff81000000(0x1276988) @ 0xffffffff81000000\]: x \[kernel.kallsyms\]_text' "$TMPD/dump.out"
check "-D: unhandled stub" grep -qx ': unhandled!' "$TMPD/dump.out"
check "-D: sample" grep -q '^[0-9]* 0x[0-9a-f]* \[0x28\]: PERF_RECORD_SAMPLE(IP, 0x[12]): [0-9]*/[0-9]*: 0x[0-9a-f]* period: 1000000 addr: 0$' "$TMPD/dump.out"
check "-D: hex dump" grep -qx '.  0000:  45 00 00 00 00 00 50 00 02 00 00 00 00 00 00 00  E.....P.........' "$TMPD/dump.out"
check "-D: stats at the end" grep -qx 'Aggregated stats:' "$TMPD/dump.out"
# Time order: the samples' timestamps never go back.
check "-D: samples in time order" sh -c "grep 'PERF_RECORD_SAMPLE' '$TMPD/dump.out' | awk '{ if (\$1 < last) exit 1; last = \$1 }'"

# ---- perf evlist ----
run ev "$PERF" evlist -i "$D/sched-switch.data"
check_eq "evlist" "$(out_of ev)" "sched:sched_switch
dummy:HG
# Tip: use 'perf evlist --trace-fields' to show fields for tracepoint events"
run evf "$PERF" evlist --trace-fields -i "$D/sched-switch.data"
check_eq "evlist --trace-fields" "$(out_of evf)" "sched:sched_switch: trace_fields: prev_comm,prev_pid,prev_prio,prev_state,next_comm,next_pid,next_prio
dummy:HG: (not a tracepoint)"
run evg "$PERF" evlist -g -i "$D/group-clock.data"
check_eq "evlist -g" "$(out_of evg)" "{cpu-clock,task-clock}"
run evF "$PERF" evlist -F -i "$D/cpu-clock.data"
check_eq "evlist -F" "$(out_of evF)" "cpu-clock:ppp: sample_freq=1000"
run evv "$PERF" evlist -v -i "$D/cpu-clock-be.data"
check "evlist -v big-endian" grep -qx 'cpu-clock:ppp: type: 1, size: 128, { sample_period, sample_freq }: 1000, sample_type: IP|TID|TIME|PERIOD, read_format: ID|LOST, disabled: 1, inherit: 1, mmap: 1, comm: 1, freq: 1, enable_on_exec: 1, task: 1, precise_ip: 3, sample_id_all: 1, mmap2: 1, comm_exec: 1, ksymbol: 1' "$TMPD/evv.out"
run evbad "$PERF" evlist -g -v -i "$D/cpu-clock.data"
check_eq "evlist -g -v: usage error" "$(rc_of evbad)" 129

# ---- a recording killed with SIGKILL: data size 0 ----
run k "$PERF" report --stats -i "$D/killed.data"
check_eq "killed: reference's exit status" "$(rc_of k)" 0
check_eq "killed: the reference's warning" "$(sed -n 1,2p "$TMPD/k.err")" "WARNING: The $D/killed.data file's data size field is 0 which is unexpected.
Was the 'perf record' command properly terminated?"
check "killed: says how to recover" grep -q 'use -f' "$TMPD/k.err"
run kf "$PERF" report --stats -f -i "$D/killed.data"
check "killed -f: every complete record read" grep -qx '          SAMPLE events:       1453  (97.7%)' "$TMPD/kf.out"

# ---- damaged files: one line naming the offset, exit 255 ----
cp "$D/cpu-clock.data" "$TMPD/bad.data"
printf '\003\000' | dd of="$TMPD/bad.data" bs=1 seek=$((0x15e)) conv=notrunc 2>/dev/null
run bad "$PERF" report --stats -i "$TMPD/bad.data"
check_eq "damaged: exit status" "$(rc_of bad)" 255
check_eq "damaged: message" "$(head -1 "$TMPD/bad.err")" "'$TMPD/bad.data': damaged record at offset 0x158: size 3 is smaller than a record header"
head -c 3000 "$D/cpu-clock.pipe.data" > "$TMPD/short.data"
run short "$PERF" report --stats -i "$TMPD/short.data"
check_eq "truncated pipe file: exit status" "$(rc_of short)" 255
check "truncated pipe file: message" grep -q "^'$TMPD/short.data': truncated record at offset 0x[0-9a-f]*: " "$TMPD/short.err"
head -c 100 /dev/zero > "$TMPD/zero.data"
run garbage "$PERF" report --stats -i "$TMPD/zero.data"
check_eq "not perf.data: message" "$(err_of garbage)" "incompatible file format (rerun with -v to learn more)"
check_eq "not perf.data: exit status" "$(rc_of garbage)" 255

# ---- the histogram report: its header block and columns ----
run stdio "$PERF" report --stdio -i "$D/cpu-clock.data"
check_eq "report --stdio: exit status" "$(rc_of stdio)" 0
check "report --stdio: samples line" grep -q "^# Samples: [0-9]* *of event 'cpu-clock" "$TMPD/stdio.out"
check "report --stdio: columns" grep -q "^# Overhead  Command  Shared Object" "$TMPD/stdio.out"

finish
