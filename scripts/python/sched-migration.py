# SPDX-License-Identifier: GPL-2.0
# sched-migration: a text summary of how the scheduler used the CPUs and
# moved tasks between them: per CPU the busy time (not running the idle
# task), context switches, wakeups and migrations in and out; per task
# the migrations and the CPUs it ran on.
#
# usage: perf script report sched-migration

from __future__ import print_function

import sys

if len(sys.argv) > 1:
    sys.exit("usage: perf script -s sched-migration.py")


class Cpu(object):
    def __init__(self):
        self.busy_ns = 0
        self.switches = 0
        self.wakeups = 0
        self.migrated_in = 0
        self.migrated_out = 0
        self.since = None       # when the task now running was switched in
        self.running = None     # its pid


cpus = {}
tasks = {}      # pid -> [comm, migrations, set of cpus]
first_ns = None
last_ns = None


def cpu(nr):
    c = cpus.get(nr)
    if c is None:
        c = cpus[nr] = Cpu()
    return c


def task(pid, comm):
    t = tasks.get(pid)
    if t is None:
        t = tasks[pid] = [comm, 0, set()]
    else:
        t[0] = comm
    return t


def on_switch(nr, ts, f):
    c = cpu(nr)
    c.switches += 1
    if c.since is not None and c.running:
        c.busy_ns += ts - c.since
    c.since = ts
    c.running = f["next_pid"]
    task(f["prev_pid"], f["prev_comm"])
    if f["next_pid"]:
        task(f["next_pid"], f["next_comm"])[2].add(nr)


def on_migrate(f):
    orig, dest = f["orig_cpu"], f["dest_cpu"]
    cpu(orig).migrated_out += 1
    cpu(dest).migrated_in += 1
    t = task(f["pid"], f["comm"])
    t[1] += 1
    t[2].add(dest)


def on_wakeup(f):
    if "target_cpu" in f:
        cpu(f["target_cpu"]).wakeups += 1


def trace_unhandled(event_name, context, fields):
    global first_ns, last_ns
    ts = fields["common_s"] * 1000000000 + fields["common_ns"]
    if first_ns is None:
        first_ns = ts
    last_ns = ts
    if event_name == "sched__sched_switch":
        on_switch(fields["common_cpu"], ts, fields)
    elif event_name == "sched__sched_migrate_task":
        on_migrate(fields)
    elif event_name in ("sched__sched_wakeup", "sched__sched_wakeup_new"):
        on_wakeup(fields)


def trace_end():
    span = (last_ns - first_ns) if first_ns is not None else 0
    # The task still running at the end was busy until the last event.
    for c in cpus.values():
        if c.since is not None and c.running:
            c.busy_ns += last_ns - c.since
    print("sched migration summary: %.3f ms, %d CPUs\n" % (span / 1e6, len(cpus)))
    print("%4s %12s %7s %10s %9s %12s %13s" %
          ("CPU", "busy ms", "busy%", "switches", "wakeups", "migrated in", "migrated out"))
    for nr in sorted(cpus):
        c = cpus[nr]
        pct = 100.0 * c.busy_ns / span if span else 0.0
        print("%4d %12.3f %6.2f%% %10d %9d %12d %13d" %
              (nr, c.busy_ns / 1e6, pct, c.switches, c.wakeups, c.migrated_in,
               c.migrated_out))
    moved = [(t[1], pid, t[0], t[2]) for pid, t in tasks.items() if t[1]]
    print("\n%-33s %11s  %s" % ("comm [pid]", "migrations", "cpus"))
    if not moved:
        print("(no task migrated)")
    for n, pid, comm, seen in sorted(moved, key=lambda m: (-m[0], m[1]))[:20]:
        print("%-33s %11d  %s" % ("%s [%d]" % (comm, pid), n,
                                  ",".join(str(x) for x in sorted(seen))))
