#!/bin/bash
# perf script flamegraph: the HTML page in headless Chromium, offline: frames drawn, screenshot, click to zoom
# SPDX-License-Identifier: GPL-2.0
#
# The page must work with no network at all: Chromium runs in a network
# namespace of its own (unshare -n) when it can, else with every proxy
# pointed at a closed port. Chromium is installed like the build's other
# packages (scripts/install-deps.sh); when it is missing and cannot be
# installed the test skips and says so.

. "$(dirname "$0")/lib/common.sh"
perf_test_tmpdir
perf_test_isolate

if "$PERF" version --build-options 2>/dev/null | grep -q 'libpython: \[ OFF'; then
	skip "perf built without libpython: python scripting not supported"
fi

find_chromium()
{
	command -v chromium || command -v chromium-browser || command -v google-chrome
}
CHROMIUM=$(find_chromium)
if [ -z "$CHROMIUM" ] && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
	echo "installing chromium for the flame graph test"
	DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq \
		--no-install-recommends chromium > "$TMPD/apt.log" 2>&1
	CHROMIUM=$(find_chromium)
fi
[ -n "$CHROMIUM" ] || skip "chromium is not installed and could not be installed (apt-get install chromium)"

cd "$TMPD" || exit 1
if ! "$PERF" record -q -g -F 4000 -e cpu-clock -o cg.data -- "$PERF" test -w leafloop \
	> /dev/null 2>&1 || [ ! -s cg.data ]; then
	skip "cannot record cpu-clock with callchains"
fi
run fg "$PERF" script report flamegraph -i cg.data -o fg.html
check_eq "flamegraph: exit" "$(rc_of fg)" 0
[ -s fg.html ] || { fail "no fg.html"; finish; }

NET=()
if unshare -n true 2> /dev/null; then
	NET=(unshare -n)
	NOPROXY=()
else
	NOPROXY=(--proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>')
fi
browse()
{
	timeout 90 "${NET[@]}" "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--no-first-run --disable-extensions --disable-background-networking \
		--user-data-dir="$TMPD/profile" --hide-scrollbars "${NOPROXY[@]}" "$@" 2> /dev/null
}
URL="file://$TMPD/fg.html"

# 1. the hot functions are drawn as frames
browse --virtual-time-budget=2000 --dump-dom "$URL" > dom.html
for fn in leafloop parent leaf; do
	check "DOM: frame '$fn'" grep -q "\">$fn</div>" dom.html
done
check "DOM: whole profile shown" grep -q 'data-zoom="all"' dom.html

# 2. a screenshot that is not blank (many distinct bytes once inflated)
browse --window-size=1100,500 --screenshot="$TMPD/fg.png" "$URL" > /dev/null
check "screenshot written" test -s fg.png
check "screenshot not blank" python3 - fg.png <<'PY'
import sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat = 8, b""
while pos < len(data):
    n = int.from_bytes(data[pos:pos + 4], "big")
    kind = data[pos + 4:pos + 8]
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
sys.exit(0 if len(set(raw)) > 40 else 1)
PY

# 3. a click on a frame zooms on it: 'parent' fills the width, its callers are dimmed
browse --virtual-time-budget=3000 --dump-dom "$URL#click=parent" > click.html
check "click: zoomed on parent" grep -q 'data-zoom="parent"' click.html
check "click: parent fills the width" grep -Eq 'class="f"[^>]*width: 100%;[^>]*>parent</div>' click.html
check "click: leafloop is now an ancestor" grep -q 'class="f anc"[^>]*>leafloop</div>' click.html

# 4. the zoom survives in the address (#zoom=), and search highlights
browse --virtual-time-budget=2000 --dump-dom "$URL#zoom=leaf&search=^leaf\$" > zoom.html
check "#zoom=leaf" grep -q 'data-zoom="leaf"' zoom.html
check "#search highlights" grep -q 'class="f hit"[^>]*>leaf</div>' zoom.html
check "#search matched" grep -q 'Matched: 100.00%' zoom.html

finish
