#!/bin/sh
# The version perf prints: the reference release we follow, plus the
# commit when built from git (the reference does the same: "6.1.g1234abc").
base=6.1.0
cd "$(dirname "$0")/.." || exit 1
if hash=$(git rev-parse --short=12 HEAD 2>/dev/null); then
	echo "$base.g$hash"
else
	echo "$base"
fi
