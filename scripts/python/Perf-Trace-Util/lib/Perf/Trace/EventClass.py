# SPDX-License-Identifier: GPL-2.0
# Classes for samples whose raw_buf carries a hardware record (PEBS on
# Intel), picked by the record's size, for perf script python handlers.

from __future__ import print_function

import struct

EVTYPE_GENERIC = 0
EVTYPE_PEBS = 1     # basic PEBS record
EVTYPE_PEBS_LL = 2  # PEBS record with load latency
EVTYPE_IBS = 3

PEBS_SIZE = 144
PEBS_LL_SIZE = 176


def create_event(name, comm, dso, symbol, raw_buf):
    if len(raw_buf) == PEBS_SIZE:
        return PebsEvent(name, comm, dso, symbol, raw_buf)
    if len(raw_buf) == PEBS_LL_SIZE:
        return PebsNHM(name, comm, dso, symbol, raw_buf)
    return PerfEvent(name, comm, dso, symbol, raw_buf)


class PerfEvent(object):
    event_num = 0

    def __init__(self, name, comm, dso, symbol, raw_buf, ev_type=EVTYPE_GENERIC):
        self.name = name
        self.comm = comm
        self.dso = dso
        self.symbol = symbol
        self.raw_buf = raw_buf
        self.ev_type = ev_type
        PerfEvent.event_num += 1

    def show(self):
        print("PMU event: name=%12s, symbol=%24s, comm=%8s, dso=%12s" %
              (self.name, self.symbol, self.comm, self.dso))


class PebsEvent(PerfEvent):
    pebs_num = 0

    def __init__(self, name, comm, dso, symbol, raw_buf, ev_type=EVTYPE_PEBS):
        (self.flags, self.ip, self.ax, self.bx, self.cx, self.dx,
         self.si, self.di, self.bp, self.sp) = struct.unpack('10Q', raw_buf[0:80])
        PerfEvent.__init__(self, name, comm, dso, symbol, raw_buf, ev_type)
        PebsEvent.pebs_num += 1


class PebsNHM(PebsEvent):
    pebs_nhm_num = 0

    def __init__(self, name, comm, dso, symbol, raw_buf, ev_type=EVTYPE_PEBS_LL):
        self.status, self.dla, self.dse, self.lat = struct.unpack('4Q', raw_buf[144:176])
        PebsEvent.__init__(self, name, comm, dso, symbol, raw_buf, ev_type)
        PebsNHM.pebs_nhm_num += 1
