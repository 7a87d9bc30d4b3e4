# SPDX-License-Identifier: GPL-2.0
# syscall-counts-by-pid: system call counts per task (comm and pid), over
# the whole recording, or only for one command name or pid.
#
# usage: perf script report syscall-counts-by-pid [comm|pid]

from __future__ import print_function

import os
import sys

sys.path.append(os.environ['PERF_EXEC_PATH'] +
                '/scripts/python/Perf-Trace-Util/lib/Perf/Trace')

from Util import syscall_name, comm_or_pid_arg

only_comm, only_pid = comm_or_pid_arg("syscall-counts-by-pid.py")

# (comm, pid) -> {syscall nr: count}
tasks = {}


def raw_syscalls__sys_enter(event_name, context, common_cpu, common_secs,
                            common_nsecs, common_pid, common_comm,
                            common_callchain, id, args):
    if only_comm is not None and common_comm != only_comm:
        return
    if only_pid is not None and common_pid != only_pid:
        return
    per_task = tasks.setdefault((common_comm, common_pid), {})
    per_task[id] = per_task.get(id, 0) + 1


def trace_end():
    if only_comm is not None:
        print("\nsyscall events for %s:\n" % only_comm)
    else:
        print("\nsyscall events by comm/pid:\n")
    print("%-40s  %10s" % ("comm [pid]/syscalls", "count"))
    print("%-40s  %10s" % ("-" * 40, "-" * 10))
    for (comm, pid) in sorted(tasks):
        print("\n%s [%d]" % (comm, pid))
        per_task = tasks[(comm, pid)]
        for nr, n in sorted(per_task.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %-38s  %10d" % (syscall_name(nr), n))
