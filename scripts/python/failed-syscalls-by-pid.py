# SPDX-License-Identifier: GPL-2.0
# failed-syscalls-by-pid: system calls that returned an error, per task,
# per system call and per errno, over the whole recording, or only for
# one command name or pid.
#
# usage: perf script report failed-syscalls-by-pid [comm|pid]

from __future__ import print_function

import os
import sys

sys.path.append(os.environ['PERF_EXEC_PATH'] +
                '/scripts/python/Perf-Trace-Util/lib/Perf/Trace')

from Util import syscall_name, strerror, comm_or_pid_arg

only_comm, only_pid = comm_or_pid_arg("failed-syscalls-by-pid.py")

# (comm, pid) -> {syscall nr: {errno: count}}
failures = {}


def raw_syscalls__sys_exit(event_name, context, common_cpu, common_secs,
                           common_nsecs, common_pid, common_comm,
                           common_callchain, id, ret):
    if ret >= 0:
        return
    if only_comm is not None and common_comm != only_comm:
        return
    if only_pid is not None and common_pid != only_pid:
        return
    per_call = failures.setdefault((common_comm, common_pid), {}).setdefault(id, {})
    per_call[ret] = per_call.get(ret, 0) + 1


def trace_end():
    if only_comm is not None:
        print("\nsyscall errors for %s:\n" % only_comm)
    else:
        print("\nsyscall errors:\n")
    print("%-30s  %10s" % ("comm [pid]", "count"))
    print("%-30s  %10s" % ("-" * 30, "-" * 10))
    for (comm, pid) in sorted(failures):
        print("\n%s [%d]" % (comm, pid))
        for nr in sorted(failures[(comm, pid)]):
            print("  syscall: %-16s" % syscall_name(nr))
            errs = failures[(comm, pid)][nr]
            for ret, n in sorted(errs.items(), key=lambda kv: (-kv[1], kv[0])):
                print("    err = %-20s  %10d" % (strerror(ret), n))
