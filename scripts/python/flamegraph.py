# SPDX-License-Identifier: GPL-2.0
# flamegraph: the callchains of perf.data as a flame graph in ONE HTML
# file that needs nothing else (no network, no other file): click a frame
# to zoom on it, type a regular expression to highlight frames, hover for
# the sample counts. The page also zooms on load from its address:
# page.html#zoom=NAME (the widest frame of that function) or #zoom=PATH
# (child indexes from the root, "0.2.1"), searches from #search=REGEX, and
# #click=NAME clicks the widest frame of that function once it is drawn.
#
# usage: perf script report flamegraph [-o FILE] [-f html|json] [--title T]

from __future__ import print_function

import argparse
import json
import os
import sys

parser = argparse.ArgumentParser(prog="flamegraph",
                                 description="write a flame graph of perf.data")
parser.add_argument("-f", "--format", choices=["html", "json"], default="html",
                    help="a self-contained HTML page (default) or the tree as JSON")
parser.add_argument("-o", "--output", default=None,
                    help="output file (flamegraph.html or stacks.json; '-' for stdout)")
parser.add_argument("--title", default="perf flame graph", help="the page's title")
opts = parser.parse_args(sys.argv[1:])


class Node(object):
    __slots__ = ("name", "kernel", "value", "children")

    def __init__(self, name, kernel=False):
        self.name = name
        self.kernel = kernel
        self.value = 0
        self.children = {}

    def child(self, name, kernel):
        node = self.children.get(name)
        if node is None:
            node = self.children[name] = Node(name, kernel)
        return node

    def to_dict(self):
        d = {"n": self.name, "v": self.value}
        if self.kernel:
            d["l"] = "kernel"
        if self.children:
            d["c"] = [self.children[k].to_dict() for k in sorted(self.children)]
        return d


root = Node("all")
events = set()


def process_event(param_dict):
    events.add(param_dict.get("ev_name", ""))
    frames = []
    chain = param_dict.get("callchain")
    if chain:
        for node in chain:
            frames.append((node.get("sym", {}).get("name", "[unknown]"),
                           node.get("dso") == "[kernel.kallsyms]"))
    else:
        frames.append((param_dict.get("symbol", "[unknown]"),
                       param_dict.get("dso") == "[kernel.kallsyms]"))
    node = root
    node.value += 1
    node = node.child(param_dict.get("comm", "[unknown]"), False)
    node.value += 1
    for name, kernel in reversed(frames):
        node = node.child(name, kernel)
        node.value += 1


PAGE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>@TITLE@</title>
<style>
body { font-family: sans-serif; margin: 8px; background: #fafafa; color: #222; }
#bar { display: flex; gap: 10px; align-items: center; margin-bottom: 6px; font-size: 13px; }
#bar input { width: 18em; }
#chart { position: relative; width: 100%; background: #fff; }
.f { position: absolute; height: 16px; line-height: 16px; font-size: 11px;
     overflow: hidden; white-space: nowrap; box-sizing: border-box; padding-left: 3px;
     border-right: 1px solid #fff; border-bottom: 1px solid #fff; cursor: pointer; }
.f:hover { filter: brightness(0.85); }
.f.anc { opacity: 0.55; }
.f.hit { background: #e24ae0 !important; color: #fff; }
#details { min-height: 18px; font-size: 12px; margin-top: 6px; white-space: nowrap; overflow: hidden; }
</style>
</head>
<body>
<div id="bar">
<b>@TITLE@</b><span id="events">@EVENTS@</span>
<button id="reset" type="button">Reset zoom</button>
<input id="search" type="search" placeholder="Search (regular expression)">
<span id="matched"></span>
</div>
<div id="chart"></div>
<div id="details">Click a frame to zoom, hover for details.</div>
<script type="application/json" id="stacks">@DATA@</script>
<script>
(function () {
  "use strict";
  var ROW = 17, MIN_PCT = 0.05;
  var root = JSON.parse(document.getElementById("stacks").textContent);
  var chart = document.getElementById("chart");
  var details = document.getElementById("details");
  var matched = document.getElementById("matched");
  var searchBox = document.getElementById("search");
  var zoomed = root, pattern = null, clicked = false;

  (function prepare(node, parent, path, depth) {
    node.parent = parent;
    node.path = path;
    node.depth = depth;
    var kids = node.c || [];
    for (var i = 0; i < kids.length; i++)
      prepare(kids[i], node, path === "" ? String(i) : path + "." + i, depth + 1);
  })(root, null, "", 0);

  function color(node) {
    var h = 0, s = node.n || "";
    for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
    if (node.l === "kernel") return "hsl(" + (190 + h % 30) + ",60%," + (62 + h % 12) + "%)";
    return "hsl(" + (h % 55) + ",85%," + (58 + h % 12) + "%)";
  }

  function pct(v, total) { return total ? (100 * v / total) : 0; }

  function describe(node) {
    return node.n + " (" + node.v + " samples, " + pct(node.v, root.v).toFixed(2) +
      "% of all, " + pct(node.v, zoomed.v).toFixed(2) + "% of view)";
  }

  function addFrame(node, leftPct, widthPct, ancestor) {
    var d = document.createElement("div");
    d.className = "f" + (ancestor ? " anc" : "");
    d.style.left = leftPct + "%";
    d.style.width = widthPct + "%";
    d.style.top = (node.depth * ROW) + "px";
    d.style.background = color(node);
    d.textContent = node.n;
    d.title = describe(node);
    d.setAttribute("data-path", node.path);
    if (pattern && pattern.test(node.n)) d.className += " hit";
    chart.appendChild(d);
  }

  function render() {
    var maxDepth = 0;
    chart.textContent = "";
    for (var a = zoomed.parent; a; a = a.parent) addFrame(a, 0, 100, true);
    (function walk(node, left) {
      var w = pct(node.v, zoomed.v);
      if (w < MIN_PCT) return;
      addFrame(node, left, w, false);
      if (node.depth > maxDepth) maxDepth = node.depth;
      var kids = node.c || [], x = left;
      for (var i = 0; i < kids.length; i++) {
        walk(kids[i], x);
        x += pct(kids[i].v, zoomed.v);
      }
    })(zoomed, 0);
    chart.style.height = ((maxDepth + 1) * ROW) + "px";
    document.body.setAttribute("data-zoom", zoomed.n);
    document.body.setAttribute("data-zoom-path", zoomed.path);
    updateMatched();
  }

  function updateMatched() {
    if (!pattern) { matched.textContent = ""; return; }
    var total = 0;
    (function walk(node) {
      if (pattern.test(node.n)) { total += node.v; return; }
      (node.c || []).forEach(walk);
    })(zoomed);
    matched.textContent = "Matched: " + pct(total, zoomed.v).toFixed(2) + "%";
  }

  function byPath(path) {
    var node = root;
    if (path === "") return node;
    var parts = path.split(".");
    for (var i = 0; i < parts.length; i++) {
      var kids = node.c || [], k = parseInt(parts[i], 10);
      if (!(k >= 0 && k < kids.length)) return null;
      node = kids[k];
    }
    return node;
  }

  function byName(name) {
    var best = null;
    (function walk(node) {
      if (node.n === name && (!best || node.v > best.v)) best = node;
      (node.c || []).forEach(walk);
    })(root);
    return best;
  }

  function fromLocation() {
    var params = {}, hash = location.hash.replace(/^#/, "");
    hash.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1));
    });
    var z = params.zoom, node = null;
    if (z !== undefined) node = /^[0-9.]*$/.test(z) ? byPath(z) : byName(z);
    zoomed = node || root;
    if (params.search !== undefined) {
      searchBox.value = params.search;
      setPattern(params.search);
    }
    render();
    if (params.click !== undefined && !clicked) {
      clicked = true;
      var target = byName(params.click);
      var el = target && chart.querySelector('[data-path="' + target.path + '"]');
      if (el) el.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    }
  }

  function setPattern(text) {
    try { pattern = text ? new RegExp(text) : null; } catch (e) { pattern = null; }
  }

  chart.addEventListener("click", function (ev) {
    var path = ev.target.getAttribute && ev.target.getAttribute("data-path");
    if (path === null || path === undefined) return;
    location.hash = "zoom=" + path;
  });
  chart.addEventListener("mouseover", function (ev) {
    var path = ev.target.getAttribute && ev.target.getAttribute("data-path");
    var node = path === null || path === undefined ? null : byPath(path);
    if (node) details.textContent = describe(node);
  });
  document.getElementById("reset").addEventListener("click", function () {
    location.hash = "";
  });
  searchBox.addEventListener("input", function () {
    setPattern(searchBox.value);
    render();
  });
  window.addEventListener("hashchange", fromLocation);
  fromLocation();
})();
</script>
</body>
</html>
"""


def html_escape(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def trace_end():
    tree = root.to_dict()
    if opts.format == "json":
        text = json.dumps(tree, separators=(",", ":"))
        default = "stacks.json"
    else:
        # "</script>" inside the data must not end the element.
        data = json.dumps(tree, separators=(",", ":")).replace("</", "<\\/")
        data = data.replace("<!--", "<\\u0021--")
        text = (PAGE.replace("@TITLE@", html_escape(opts.title))
                .replace("@EVENTS@", html_escape(", ".join(sorted(e for e in events if e))))
                .replace("@DATA@", data))
        default = "flamegraph.html"
    out = opts.output or default
    if out == "-":
        sys.stdout.write(text)
        return
    with open(out, "w") as f:
        f.write(text)
    print("dumping data to %s" % out, file=sys.stderr)
