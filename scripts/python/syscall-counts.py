# SPDX-License-Identifier: GPL-2.0
# syscall-counts: how many times each system call was entered, over the
# whole recording, or only by the tasks of one command name.
#
# usage: perf script report syscall-counts [comm]

from __future__ import print_function

import os
import sys

sys.path.append(os.environ['PERF_EXEC_PATH'] +
                '/scripts/python/Perf-Trace-Util/lib/Perf/Trace')

from Util import syscall_name

if len(sys.argv) > 2:
    sys.exit("usage: perf script -s syscall-counts.py [comm]")

only_comm = sys.argv[1] if len(sys.argv) == 2 else None
counts = {}


def count(comm, nr):
    if only_comm is not None and comm != only_comm:
        return
    counts[nr] = counts.get(nr, 0) + 1


def raw_syscalls__sys_enter(event_name, context, common_cpu, common_secs,
                            common_nsecs, common_pid, common_comm,
                            common_callchain, id, args):
    count(common_comm, id)


def trace_end():
    if only_comm is not None:
        print("\nsyscall events for %s:\n" % only_comm)
    else:
        print("\nsyscall events:\n")
    print("%-40s  %10s" % ("event", "count"))
    print("%-40s  %10s" % ("-" * 40, "-" * 11))
    for nr, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print("%-40s  %10d" % (syscall_name(nr), n))
