# SPDX-License-Identifier: GPL-2.0
# Fold `perf script` callchain output into "comm;outer;...;inner count"
# lines, the input format of flame graph tools (what stackcollapse-perf.pl
# makes of it), sorted. A record is its header line, one line per frame
# ("\t<addr> <sym>+0x<off> (<dso>)"), and a blank line; the frames are
# innermost first. Offsets and dsos are dropped, as flame graphs do.
#
#   awk -f stackcollapse.awk < script.out | sort

function flush(   i, s) {
	if (comm == "")
		return
	s = comm
	for (i = n; i >= 1; i--)
		s = s ";" frame[i]
	count[s]++
	comm = ""
	n = 0
}

/^$/ { flush(); next }

/^\t/ {
	line = $0
	sub(/^\t *[0-9a-f]+ /, "", line)
	sub(/ \(.*\)$/, "", line)
	sub(/\+0x[0-9a-f]+$/, "", line)
	frame[++n] = line
	next
}

{
	flush()
	# The header starts with the comm (no padding when callchains are shown).
	comm = $1
	n = 0
}

END {
	flush()
	for (s in count)
		print s, count[s]
}
