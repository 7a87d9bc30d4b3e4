# Sorts runs of tied entries of perf report --stdio (the same values and
# the same columns before the symbol), each with the callchain lines
# under it. By default only entries without a symbol ("[.] 0x..."): the
# reference orders those across dsos by where its dso objects sit in its
# heap (usually creation order, which we follow, but a later dso can
# land in freed memory below an earlier one). With -v any=1 every entry:
# for equal --children totals the reference's order is its tree's
# insertion order (whatever the self, comm and dso columns hold). Only the order within such a run is left out of the
# comparison.
# A block with a callchain ends with one blank line, one without has
# none; the blank lines that end a section stay at the end of the run.
function flush(   i, j, t, tail, lines) {
	tail = ""
	for (i = 1; i <= n; i++) {
		while (blk[i] ~ /\n\n$/) {
			blk[i] = substr(blk[i], 1, length(blk[i]) - 1)
			if (i == n)
				tail = tail "\n"
		}
		lines = gsub(/\n/, "\n", blk[i])
		if (lines > 1) {
			blk[i] = blk[i] "\n"
			if (i == n)
				tail = substr(tail, 2)
		}
	}
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && blk[j - 1] > blk[j]; j--) {
			t = blk[j]; blk[j] = blk[j - 1]; blk[j - 1] = t
		}
	for (i = 1; i <= n; i++)
		printf "%s", blk[i]
	printf "%s", tail
	n = 0
	key = ""
}
{
	# The run key: the line without its symbol, wherever the column is.
	k = ""
	if (match($0, /\[\.\] 0x[0-9a-f]+/))
		k = substr($0, 1, RSTART - 1) "@" substr($0, RSTART + RLENGTH)
	else if (any && match($0, /^ +[0-9.]+% +[0-9.]+% .*\[[.k]\] /))
		# --children: the reference keeps equal totals in its tree's
		# order whatever the self, comm or dso columns say.
		k = substr($0, 1, index($0, "%"))
	else if (any && match($0, /^ +[0-9.]+%.*\[[.k]\] /))
		k = substr($0, 1, match($0, /\[[.k]\] /) - 1)
	if (k != "") {
		if (n && k != key)
			flush()
		key = k
		blk[++n] = $0 "\n"
		next
	}
	# Any other entry or header line ends a run.
	if (/^ +[0-9]+\.[0-9]+%/ || /\[[.k]\] / || /^#/) {
		if (n)
			flush()
		print
		next
	}
	if (n)
		blk[n] = blk[n] $0 "\n"
	else
		print
}
END {
	if (n)
		flush()
}
