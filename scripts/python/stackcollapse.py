# SPDX-License-Identifier: GPL-2.0
# stackcollapse: one line per distinct callchain, "comm;outer;...;inner N",
# N being the number of samples: the "folded" input of flame graph tools.
#
# usage: perf script report stackcollapse [--include-tid] [--include-pid]
#        [--no-comm] [--tidy-java] [--kernel]

from __future__ import print_function

import argparse
import sys
from collections import defaultdict

parser = argparse.ArgumentParser(prog="stackcollapse",
                                 description="fold the callchains of perf.data")
parser.add_argument("--include-tid", action="store_true",
                    help="add the thread id to the command name")
parser.add_argument("--include-pid", action="store_true",
                    help="add the process id to the command name")
parser.add_argument("--no-comm", dest="include_comm", action="store_false",
                    default=True, help="do not start stacks with the command name")
parser.add_argument("--tidy-java", action="store_true",
                    help="drop the argument and return types of Java methods")
parser.add_argument("--kernel", dest="annotate_kernel", action="store_true",
                    help="mark kernel functions with _[k]")
opts = parser.parse_args(sys.argv[1:])

stacks = defaultdict(int)


def frame_name(name, dso):
    if name is None:
        name = "[unknown]"
    # ';' separates frames in the folded format.
    name = name.replace(";", ":")
    if opts.tidy_java:
        # "Lpkg/Class;method(I)V" style names: keep "pkg/Class:method".
        name = name.replace("<", "").replace(">", "")
        if name.startswith("L") and "/" in name:
            name = name[1:]
        paren = name.find("(")
        if paren > 0:
            name = name[:paren]
    if opts.annotate_kernel and dso == "[kernel.kallsyms]":
        return name + "_[k]"
    return name


def process_event(param_dict):
    frames = []
    chain = param_dict.get("callchain")
    if chain:
        for node in chain:
            frames.append(frame_name(node.get("sym", {}).get("name"), node.get("dso")))
    elif chain is None:
        frames.append(frame_name(param_dict.get("symbol"), param_dict.get("dso")))
    if opts.include_comm:
        comm = param_dict["comm"].replace(" ", "_")
        sample = param_dict["sample"]
        if opts.include_pid:
            comm += "-%d" % sample["pid"]
            if opts.include_tid:
                comm += "/%d" % sample["tid"]
        elif opts.include_tid:
            comm += "-%d" % sample["tid"]
        frames.append(comm)
    stacks[";".join(reversed(frames))] += 1


def trace_end():
    for stack in sorted(stacks):
        print("%s %d" % (stack, stacks[stack]))
