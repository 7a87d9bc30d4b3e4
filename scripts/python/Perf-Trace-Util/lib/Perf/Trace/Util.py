# SPDX-License-Identifier: GPL-2.0
# Small helpers for perf script python handlers: time stamps, running
# statistics, syscall names and errno names.

from __future__ import print_function

import errno
import os
import re
import sys

FUTEX_WAIT = 0
FUTEX_WAKE = 1
FUTEX_PRIVATE_FLAG = 128
FUTEX_CLOCK_REALTIME = 256
FUTEX_CMD_MASK = ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)

NSECS_PER_SEC = 1000000000


def avg(total, n):
    return total / n


def nsecs(secs, nsecs):
    return secs * NSECS_PER_SEC + nsecs


def nsecs_secs(nsecs):
    return nsecs // NSECS_PER_SEC


def nsecs_nsecs(nsecs):
    return nsecs % NSECS_PER_SEC


def nsecs_str(nsecs):
    return "%5u.%09u" % (nsecs_secs(nsecs), nsecs_nsecs(nsecs))


def add_stats(dict, key, value):
    """Keep (min, max, avg, count) of the values seen for key.

    avg is the running average the perf scripts have always used: the
    mean of the previous avg and the new value.
    """
    if key not in dict:
        dict[key] = (value, value, value, 1)
        return
    lo, hi, mean, count = dict[key]
    dict[key] = (min(lo, value), max(hi, value), (mean + value) / 2, count + 1)


def clear_term():
    print("\x1b[H\x1b[2J")


def _load_syscall_names():
    """Syscall numbers to names for this machine.

    The audit bindings know every architecture; without them the names
    come from the kernel headers of this machine, when they are installed.
    """
    try:
        import audit
        machines = {
            'x86_64': 'MACH_86_64', 'i386': 'MACH_X86', 'i586': 'MACH_X86',
            'i686': 'MACH_X86', 'aarch64': 'MACH_AARCH64', 'ppc64le': 'MACH_PPC64LE',
            'ppc64': 'MACH_PPC64', 's390x': 'MACH_S390X',
        }
        mach = getattr(audit, machines[os.uname()[4]])
        return lambda nr: audit.audit_syscall_to_name(nr, mach)
    except Exception:
        pass
    table = {}
    machine = os.uname()[4]
    headers = {
        'x86_64': ['asm/unistd_64.h'],
        'i686': ['asm/unistd_32.h'], 'i386': ['asm/unistd_32.h'],
    }.get(machine, ['asm-generic/unistd.h'])
    dirs = ['/usr/include/%s-linux-gnu' % machine, '/usr/include']
    pattern = re.compile(r'^#define\s+__NR3?2?_(\w+)\s+(\d+)\s*$')
    for d in dirs:
        for h in headers:
            try:
                with open(os.path.join(d, h)) as f:
                    for line in f:
                        m = pattern.match(line)
                        if m:
                            table.setdefault(int(m.group(2)), m.group(1))
            except (IOError, OSError):
                continue
            if table:
                return table.get
    return lambda nr: None


_syscall_name = _load_syscall_names()


def syscall_name(id):
    """The name of syscall number id, or the number as a string."""
    try:
        name = _syscall_name(id)
    except Exception:
        name = None
    return name if name else str(id)


def strerror(nr):
    """The errno name (ENOENT) of a negative or positive errno value."""
    try:
        return errno.errorcode[abs(nr)]
    except (KeyError, TypeError):
        return "Unknown %d errno" % nr


def comm_or_pid_arg(script):
    """The optional [comm|pid] argument of the per-task scripts: a
    number is a pid, anything else a command name. Returns
    (only_comm, only_pid), None where not given."""
    if len(sys.argv) > 2:
        sys.exit("usage: perf script -s %s [comm|pid]" % script)
    if len(sys.argv) < 2:
        return None, None
    try:
        return None, int(sys.argv[1])
    except ValueError:
        return sys.argv[1], None
