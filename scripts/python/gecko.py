# SPDX-License-Identifier: GPL-2.0
# gecko: the samples of perf.data as a Gecko profile (JSON), the format the
# Firefox Profiler opens (File > Load a profile), one thread per task with
# its callchains, time stamps in milliseconds and kernel/user categories.
#
# usage: perf script report gecko [-o FILE]

from __future__ import print_function

import argparse
import json
import sys

parser = argparse.ArgumentParser(prog="gecko",
                                 description="write a Gecko profile of perf.data")
parser.add_argument("-o", "--output", default="gecko_profile.json",
                    help="output file ('-' for stdout), gecko_profile.json by default")
opts = parser.parse_args(sys.argv[1:])

CATEGORY_USER = 0
CATEGORY_KERNEL = 1
CATEGORIES = [
    {"name": "User", "color": "yellow", "subcategories": ["Other"]},
    {"name": "Kernel", "color": "orange", "subcategories": ["Other"]},
]


class Thread(object):
    """The tables of one thread: strings, frames, stacks (prefix trees), samples."""

    def __init__(self, pid, tid, name):
        self.pid = pid
        self.tid = tid
        self.name = name
        self.strings = []
        self.string_index = {}
        self.frames = []
        self.frame_index = {}
        self.stacks = []
        self.stack_index = {}
        self.samples = []

    def string(self, s):
        i = self.string_index.get(s)
        if i is None:
            i = self.string_index[s] = len(self.strings)
            self.strings.append(s)
        return i

    def frame(self, name, category):
        key = (name, category)
        i = self.frame_index.get(key)
        if i is None:
            i = self.frame_index[key] = len(self.frames)
            # location, relevantForJS, innerWindowID, implementation,
            # optimizations, line, column, category, subcategory
            self.frames.append([self.string(name), False, 0, None, None, None, None,
                                category, 0])
        return i

    def stack(self, prefix, frame):
        key = (prefix, frame)
        i = self.stack_index.get(key)
        if i is None:
            i = self.stack_index[key] = len(self.stacks)
            self.stacks.append([prefix, frame])
        return i

    def to_dict(self):
        return {
            "name": self.name,
            "pid": str(self.pid),
            "tid": self.tid,
            "processType": "default",
            "processName": self.name,
            "registerTime": 0,
            "unregisterTime": None,
            "markers": {
                "schema": {"name": 0, "startTime": 1, "endTime": 2, "phase": 3,
                           "category": 4, "data": 5},
                "data": [],
            },
            "samples": {
                "schema": {"stack": 0, "time": 1, "responsiveness": 2},
                "data": self.samples,
            },
            "frameTable": {
                "schema": {"location": 0, "relevantForJS": 1, "innerWindowID": 2,
                           "implementation": 3, "optimizations": 4, "line": 5,
                           "column": 6, "category": 7, "subcategory": 8},
                "data": self.frames,
            },
            "stackTable": {
                "schema": {"prefix": 0, "frame": 1},
                "data": self.stacks,
            },
            "stringTable": self.strings,
        }


threads = {}
first_time = None
events = set()


def process_event(param_dict):
    global first_time
    sample = param_dict["sample"]
    tid = sample["tid"]
    comm = param_dict.get("comm", "[unknown]")
    thread = threads.get(tid)
    if thread is None:
        thread = threads[tid] = Thread(sample["pid"], tid, comm)
    thread.name = comm
    events.add(param_dict.get("ev_name", ""))
    frames = []
    chain = param_dict.get("callchain")
    if chain:
        for node in chain:
            name = node.get("sym", {}).get("name", "[unknown]")
            dso = node.get("dso")
            frames.append((name if dso is None else "%s (in %s)" % (name, dso),
                           dso == "[kernel.kallsyms]"))
    else:
        dso = param_dict.get("dso")
        name = param_dict.get("symbol", "[unknown]")
        frames.append((name if dso is None else "%s (in %s)" % (name, dso),
                       dso == "[kernel.kallsyms]"))
    stack = None
    for name, kernel in reversed(frames):
        frame = thread.frame(name, CATEGORY_KERNEL if kernel else CATEGORY_USER)
        stack = thread.stack(stack, frame)
    if first_time is None:
        first_time = sample["time"]
    thread.samples.append([stack, (sample["time"] - first_time) / 1e6, 0])


def trace_end():
    start_ms = (first_time or 0) / 1e6
    profile = {
        "meta": {
            "version": 24,
            "interval": 1,
            "startTime": start_ms,
            "shutdownTime": None,
            "processType": 0,
            "product": "perf " + ", ".join(sorted(e for e in events if e)),
            "stackwalk": 1,
            "debug": 0,
            "gcpoison": 0,
            "asyncstack": 1,
            "presymbolicated": True,
            "categories": CATEGORIES,
            "markerSchema": [],
        },
        "libs": [],
        "threads": [threads[t].to_dict() for t in sorted(threads)],
        "processes": [],
        "pausedRanges": [],
    }
    text = json.dumps(profile, separators=(",", ":"))
    if opts.output == "-":
        sys.stdout.write(text)
        return
    with open(opts.output, "w") as f:
        f.write(text)
    print("Gecko profile written to %s: open it with the Firefox Profiler "
          "(File > Load a profile)" % opts.output, file=sys.stderr)
