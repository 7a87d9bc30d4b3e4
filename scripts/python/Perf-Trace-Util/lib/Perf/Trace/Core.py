# SPDX-License-Identifier: GPL-2.0
# Helpers for perf script python handlers: decoding of tracepoint fields
# that the kernel prints with __print_flags() / __print_symbolic().
#
# perf calls the define_* functions below (when the script imported them)
# once per tracepoint, with the tables it found in the event's format, so
# that flag_str() and symbol_str() can turn raw values into names.

from collections import defaultdict


def autodict():
    """A dict that creates nested dicts for missing keys, to any depth."""
    return defaultdict(autodict)


flag_fields = autodict()
symbolic_fields = autodict()


def define_flag_field(event_name, field_name, delim):
    flag_fields[event_name][field_name]['delim'] = delim


def define_flag_value(event_name, field_name, value, field_str):
    flag_fields[event_name][field_name]['values'][value] = field_str


def define_symbolic_field(event_name, field_name):
    # Only the values matter for symbols; the entry is created on use.
    pass


def define_symbolic_value(event_name, field_name, value, field_str):
    symbolic_fields[event_name][field_name]['values'][value] = field_str


def flag_str(event_name, field_name, value):
    """Names of the bits set in value, joined by the field's delimiter."""
    table = flag_fields[event_name][field_name]
    if not table:
        return ""
    names = table['values']
    delim = table['delim']
    out = []
    for bit in sorted(names):
        if not value and not bit:
            out.append(names[bit])
            break
        if bit and (value & bit) == bit:
            out.append(names[bit])
            value &= ~bit
    sep = (" " + delim + " ") if delim else ""
    return sep.join(out)


def symbol_str(event_name, field_name, value):
    """The name the format gives to value, or "" when it has none."""
    table = symbolic_fields[event_name][field_name]
    if not table:
        return ""
    names = table['values']
    for key in sorted(names):
        if (not value and not key) or value == key:
            return names[key]
    return ""


trace_flags = {
    0x00: "NONE",
    0x01: "IRQS_OFF",
    0x02: "IRQS_NOSUPPORT",
    0x04: "NEED_RESCHED",
    0x08: "HARDIRQ",
    0x10: "SOFTIRQ",
}


def trace_flag_str(value):
    """The common_flags bits of a trace record, as names."""
    if not value:
        return "NONE"
    out = []
    for bit in trace_flags:
        if bit and (value & bit) == bit:
            out.append(trace_flags[bit])
            value &= ~bit
    return " | ".join(out)


def taskState(state):
    """One-letter scheduler state of a task state value."""
    return {0: "R", 1: "S", 2: "D", 64: "DEAD"}.get(state, "Unknown")


class EventHeaders:
    """The common arguments of a tracepoint handler, kept together."""

    def __init__(self, common_cpu, common_secs, common_nsecs,
                 common_pid, common_comm, common_callchain):
        self.cpu = common_cpu
        self.secs = common_secs
        self.nsecs = common_nsecs
        self.pid = common_pid
        self.comm = common_comm
        self.callchain = common_callchain

    def ts(self):
        return self.secs * 1000000000 + self.nsecs

    def ts_format(self):
        return "%d.%d" % (self.secs, int(self.nsecs / 1000))
