#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Turns one of our Documentation/perf-*.txt pages into a man(7) page on
# stdout, so `make install` needs neither asciidoc nor xmlto: POSIX sh and
# awk only.
#
#   sh scripts/txt2man.sh Documentation/perf-foo.txt > perf-foo.1
#
# The pages use the subset of AsciiDoc that perf's documentation uses:
#
#   perf-foo(1)          title, underlined with '='; must come first
#   SECTION              a section (.SH), underlined with '-'; a '~' or
#   -------              '^' underline gives a subsection (.SS)
#   term::               labeled list item; consecutive term lines are one
#   --long=<val>::       item ("-x, --long=<val>"); the body follows,
#           text         usually indented. 'term:::' and 'term;;' nest
#                        one level down
#   * item, - item       bullet list; '1. item' or '. item' numbered list
#   [verse]              the lines up to the next blank line, unfilled
#   ----  or  ....       delimited literal block (unfilled, no markup)
#   +                    alone on a line: the next block belongs to the
#                        same list item
#   'text'  *text*       italic, bold
#   `text`               literal text, in bold
#   linkperf:perf-x[1]   a reference to another page
#   // comment           dropped, as are attribute lines like [source,sh]
#
# Indentation decides what is literal. At the top level an indented
# paragraph is a literal block. In a list item the first body line sets
# the body's indentation: later paragraphs at that indentation are text,
# deeper ones are literal blocks. (AsciiDoc itself would make every
# indented paragraph after the first one literal, which turns ordinary
# multi-paragraph option descriptions into code.)
#
# Exits 1, naming the file and line, when the page has no title or a
# delimited block is not closed, so that `make install` stops.
#
# SOURCE_DATE_EPOCH, when set, gives the page date (reproducible builds).

if [ $# -ne 1 ]; then
	echo "usage: sh scripts/txt2man.sh Documentation/perf-foo.txt > perf-foo.1" >&2
	exit 2
fi
src=$1
if [ ! -r "$src" ]; then
	echo "txt2man: cannot read '$src'" >&2
	exit 1
fi

date=
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
	date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d 2>/dev/null ||
	       date -u -r "$SOURCE_DATE_EPOCH" +%Y-%m-%d 2>/dev/null)
fi
[ -n "$date" ] || date=$(date -u +%Y-%m-%d)

version=$(sh "$(dirname "$0")/version.sh" 2>/dev/null)
[ -n "$version" ] || version=6.1.0

exec awk -v src="$src" -v date="$date" -v version="$version" '
BEGIN {
	BS = "\\"
	LB = "\001"	# marks a hard line break (" +" at the end of a line)
}

{ line[++nr] = $0 }

function fail(n, msg) {
	printf "txt2man: %s:%d: %s\n", src, n, msg | "cat 1>&2"
	exit 1
}

function expand_tabs(s,   out, i, c, col) {
	out = ""
	col = 0
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\t") {
			do {
				out = out " "
				col++
			} while (col % 8)
		} else {
			out = out c
			col++
		}
	}
	return out
}

function indent_of(s) {
	match(expand_tabs(s), /^ */)
	return RLENGTH
}

function blank(s) {
	return s ~ /^[ \t]*$/
}

function strip(s) {
	sub(/^[ \t]+/, "", s)
	sub(/[ \t\r]+$/, "", s)
	return s
}

# Characters roff would take as requests, escapes, or typographic quotes
# and dashes; "-" stays a minus so options can be copied from the page.
function esc(s,   out, i, c) {
	out = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == BS)
			out = out BS "e"
		else if (c == "-")
			out = out BS "-"
		else if (c == "\047")
			out = out BS "(aq"
		else if (c == "`")
			out = out BS "(ga"
		else if (c == "^")
			out = out BS "(ha"
		else if (c == "~")
			out = out BS "(ti"
		else
			out = out c
	}
	return out
}

function isword(c) {
	return c ~ /^[A-Za-z0-9]$/
}

# Position of the quote closing the one at i, or 0. As in AsciiDoc, a
# quote opens before a non-blank and closes after one, and not inside a
# word, so the apostrophe of a possessive is left alone.
function closing(s, i, q,   n, k, c) {
	n = length(s)
	c = substr(s, i + 1, 1)
	if (c == "" || c ~ /[ \t\n]/ || c == q)
		return 0
	for (k = i + 2; k <= n; k++) {
		if (substr(s, k, 1) != q)
			continue
		if (substr(s, k - 1, 1) ~ /[ \t\n]/)
			continue
		if (isword(substr(s, k + 1, 1)))
			continue
		return k
	}
	return 0
}

function inline(s,   out, i, n, c, prev, j, k, ref) {
	out = ""
	n = length(s)
	i = 1
	while (i <= n) {
		c = substr(s, i, 1)
		prev = i > 1 ? substr(s, i - 1, 1) : ""
		if (c == "`") {
			j = index(substr(s, i + 1), "`")
			if (j > 1) {
				out = out BS "fB" esc(substr(s, i + 1, j - 1)) BS "fR"
				i += j + 1
				continue
			}
		} else if ((c == "\047" || c == "*") && !isword(prev)) {
			k = closing(s, i, c)
			if (k) {
				out = out BS (c == "*" ? "fB" : "fI") \
				      esc(substr(s, i + 1, k - i - 1)) BS "fR"
				i = k + 1
				continue
			}
		} else if (c == "l" && !isword(prev) &&
			   match(substr(s, i), /^linkperf:[A-Za-z0-9_.+-]+\[[0-9]\]/)) {
			ref = substr(s, i + 9, RLENGTH - 9)
			j = index(ref, "[")
			out = out BS "fB" esc(substr(ref, 1, j - 1)) BS "fR(" \
			      substr(ref, j + 1, 1) ")"
			i += RLENGTH
			continue
		}
		out = out esc(c)
		i++
	}
	return out
}

# A text line must not start with a control character once escaped.
function emit(s) {
	if (s ~ /^[.\047]/)
		s = BS "&" s
	print s
}

# Starts a block: a blank line before it, unless it opens a section or
# a list item body.
function block_start() {
	if (!fresh)
		print ".PP"
	fresh = 0
}

function flush_para(   text, parts, n, k, s) {
	if (para == "")
		return
	if (para_kind == "bullet") {
		print ".IP " BS "(bu 2"
		fresh = 0
	} else if (para_kind == "number") {
		print ".IP \"" para_mark "\" 4"
		fresh = 0
	} else {
		block_start()
	}
	text = inline(para)
	n = split(text, parts, "\n")
	for (k = 1; k <= n; k++) {
		s = parts[k]
		if (index(s, LB)) {
			gsub(LB, "", s)
			emit(s)
			print ".br"
		} else {
			emit(s)
		}
	}
	para = ""
	para_kind = ""
}

function add_para(kind, text, mark) {
	if (para == "") {
		para_kind = kind
		para_mark = mark
	}
	text = strip(text)
	if (text ~ / \+$/) {
		sub(/ \+$/, "", text)
		text = text LB
	}
	para = para == "" ? text : para "\n" text
}

# Literal lines lit[1..nlit], printed unfilled, their common indentation
# removed, without markup.
function flush_literal(   k, min, s) {
	min = -1
	for (k = 1; k <= nlit; k++) {
		lit[k] = expand_tabs(lit[k])
		sub(/[ \t\r]+$/, "", lit[k])
		if (lit[k] != "" && (min < 0 || indent_of(lit[k]) < min))
			min = indent_of(lit[k])
	}
	block_start()
	print ".RS 4"
	print ".nf"
	for (k = 1; k <= nlit; k++) {
		s = min > 0 ? substr(lit[k], min + 1) : lit[k]
		if (s == "")
			print BS "&"
		else
			emit(esc(s))
	}
	print ".fi"
	print ".RE"
	nlit = 0
}

function close_items(level) {
	while (depth >= level && depth > 0) {
		print ".RE"
		depth--
		fresh = 0
	}
}

# 1 for "term::", 2 for "term:::" and "term;;", 0 for anything else.
# Only an unindented line can open a top-level item.
function term_level(s) {
	if (s ~ /^[^ \t]/ && (s ~ /[^:]::$/ || s ~ /[^:]::[ \t]/))
		return 1
	if (s ~ /^[ \t]*[^ \t]/ && (s ~ /[^:]:::$/ || s ~ /[^:]:::[ \t]/ ||
	    s ~ /[^;];;$/ || s ~ /[^;];;[ \t]/))
		return 2
	return 0
}

function underline_of(n,   t, u) {
	if (n >= nr)
		return ""
	t = line[n]
	u = line[n + 1]
	sub(/[ \t\r]+$/, "", t)
	sub(/[ \t\r]+$/, "", u)
	if (t == "" || t ~ /^[ \t]/ || u !~ /^(--*|~~*|\^\^*|==*)$/ || length(u) < 2)
		return ""
	if (t ~ /^(--*|~~*|\^\^*|==*|\.\.*)$/)
		return ""
	if (length(u) - length(t) > 2 || length(t) - length(u) > 2)
		return ""
	return substr(u, 1, 1)
}

END {
	i = 1
	while (i <= nr && blank(line[i]))
		i++
	if (i > nr || underline_of(i) != "=" || line[i] !~ /^[A-Za-z0-9_.+-]+\([0-9][a-z]*\)[ \t]*$/)
		fail(i, "the page must start with a title like \"perf-foo(1)\" underlined with \"=\"")
	title = strip(line[i])
	name = substr(title, 1, index(title, "(") - 1)
	sect = substr(title, index(title, "(") + 1)
	sub(/\).*/, "", sect)
	print ".\\\" Generated by scripts/txt2man.sh from " src "; edit that file instead."
	printf ".TH \"%s\" \"%s\" \"%s\" \"perf %s\" \"perf Manual\"\n",
	       esc(toupper(name)), sect, date, version
	print ".nh"
	print ".ad l"
	i += 2

	depth = 0
	fresh = 1
	para_start = 1
	nlit = 0
	para = ""
	for (; i <= nr; i++) {
		l = line[i]

		if (l ~ /^\/\/\/\/[ \t]*$/) {
			for (i++; i <= nr && line[i] !~ /^\/\/\/\/[ \t]*$/; i++)
				;
			continue
		}
		if (l ~ /^\/\//)
			continue

		if (blank(l)) {
			flush_para()
			para_start = 1
			continue
		}
		# A "+" line keeps the next block, whatever it is, in the list item.
		cont = continued
		continued = 0

		u = underline_of(i)
		if (u == "-" || u == "~" || u == "^") {
			flush_para()
			close_items(1)
			if (u == "-")
				print ".SH \"" esc(toupper(strip(l))) "\""
			else
				print ".SS \"" esc(strip(l)) "\""
			fresh = 1
			para_start = 1
			i++
			continue
		}

		if (l ~ /^(-----*|\.\.\.\.\.*|\|===*)[ \t]*$/) {
			delim = strip(l)
			flush_para()
			start = i
			nlit = 0
			for (i++; i <= nr && strip(line[i]) != delim; i++)
				lit[++nlit] = line[i]
			if (i > nr)
				fail(start, "the block opened here is not closed with \"" delim "\"")
			flush_literal()
			para_start = 1
			continue
		}

		if (strip(l) == "[verse]") {
			flush_para()
			block_start()
			print ".nf"
			for (i++; i <= nr && !blank(line[i]); i++)
				emit(inline(strip(line[i])))
			print ".fi"
			para_start = 1
			continue
		}
		if (l ~ /^\[[^\]]*\][ \t]*$/ || l ~ /^:[A-Za-z0-9_-]+:/ || l ~ /^include::/)
			continue

		if (strip(l) == "+") {
			flush_para()
			para_start = 1
			continued = 1
			continue
		}

		lvl = term_level(l)
		if (lvl) {
			flush_para()
			if (lvl > depth + 1)
				lvl = depth + 1
			close_items(lvl)
			terms = ""
			rest = ""
			for (;;) {
				t = strip(line[i])
				sep = t ~ /;;/ && lvl == 2 && t !~ /:::/ ? ";;" : (lvl == 2 ? ":::" : "::")
				k = index(t, sep " ")
				if (k) {
					rest = strip(substr(t, k + length(sep)))
					t = substr(t, 1, k - 1)
				} else {
					t = substr(t, 1, length(t) - length(sep))
				}
				t = inline(t)
				if (t !~ /\\f[BI]/)
					t = BS "fB" t BS "fR"
				terms = terms == "" ? t : terms ", " t
				if (rest != "" || i >= nr || term_level(line[i + 1]) != term_level(l))
					break
				i++
			}
			block_start()
			emit(terms)
			print ".RS 4"
			depth = lvl
			body_indent[depth] = -1
			fresh = 1
			para_start = 1
			if (rest != "") {
				add_para("text", rest, "")
				body_indent[depth] = 0
				para_start = 0
			}
			continue
		}

		ind = indent_of(l)

		# Text at the left margin after a blank line ends the list items,
		# unless it is the first body line of a fresh item or follows "+".
		if (depth > 0 && para_start && ind == 0 && body_indent[depth] != -1 && !cont)
			close_items(1)

		# (flush_para() runs match() too: keep RLENGTH first.)
		if (match(l, /^[ \t]*[*-][ \t]+/)) {
			mlen = RLENGTH
			flush_para()
			if (depth > 0 && body_indent[depth] < 0)
				body_indent[depth] = ind
			add_para("bullet", substr(l, mlen + 1), "")
			para_start = 0
			continue
		}
		if (match(l, /^[ \t]*([0-9][0-9]*)?\.[ \t]+/)) {
			mlen = RLENGTH
			flush_para()
			if (depth > 0 && body_indent[depth] < 0)
				body_indent[depth] = ind
			mark = strip(substr(l, 1, mlen))
			if (mark == ".")
				mark = ++auto_number
			else
				sub(/\.$/, "", mark)
			add_para("number", substr(l, mlen + 1), mark ".")
			para_start = 0
			continue
		}
		if (para_kind != "number")
			auto_number = 0

		if (para_start) {
			literal = 0
			if (depth == 0)
				literal = ind > 0
			else if (body_indent[depth] < 0)
				body_indent[depth] = ind
			else
				literal = ind > body_indent[depth]
			if (literal) {
				nlit = 0
				for (; i <= nr && !blank(line[i]) && strip(line[i]) != "+"; i++)
					lit[++nlit] = line[i]
				flush_literal()
				para_start = 1
				i--
				continue
			}
		}
		add_para("text", l, "")
		para_start = 0
	}
	flush_para()
	close_items(1)
}
' "$src"
