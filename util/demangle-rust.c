// SPDX-License-Identifier: GPL-2.0
/*
 * Rust "v0" symbol names (_R...), decoded into the form the GNU demangler
 * prints without its verbose flag: crate disambiguators and hashes left
 * out, "crate::module::<T>::function", closures as "{closure#N}".
 * The grammar is the one of the Rust compiler's symbol-mangling RFC 2603.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demangle.h"
#include "strbuf.h"

#define V0_MAX_DEPTH 200

struct v0 {
	const char *sym;	/* after "_R" */
	size_t len;
	size_t pos;
	struct strbuf *out;	/* NULL while skipping */
	bool err;
	int depth;
	unsigned int bound_lifetimes;
};

static char v0__peek(const struct v0 *p)
{
	return p->pos < p->len ? p->sym[p->pos] : '\0';
}

static bool v0__eat(struct v0 *p, char c)
{
	if (v0__peek(p) != c)
		return false;
	p->pos++;
	return true;
}

static char v0__next(struct v0 *p)
{
	if (p->pos >= p->len) {
		p->err = true;
		return '\0';
	}
	return p->sym[p->pos++];
}

static void v0__print(struct v0 *p, const char *s)
{
	if (p->out && !p->err)
		strbuf_addstr(p->out, s);
}

static void v0__printn(struct v0 *p, const char *s, size_t n)
{
	if (p->out && !p->err)
		strbuf_add(p->out, s, n);
}

/* <base-62-number>: "_" is 0, otherwise digits then "_", plus one. */
static uint64_t v0__base62(struct v0 *p)
{
	uint64_t x = 0;
	char c;

	if (v0__eat(p, '_'))
		return 0;
	while ((c = v0__next(p)) != '_') {
		unsigned int d;

		if (p->err)
			return 0;
		if (c >= '0' && c <= '9')
			d = (unsigned int)(c - '0');
		else if (c >= 'a' && c <= 'z')
			d = 10 + (unsigned int)(c - 'a');
		else if (c >= 'A' && c <= 'Z')
			d = 36 + (unsigned int)(c - 'A');
		else {
			p->err = true;
			return 0;
		}
		if (x > (UINT64_MAX - d) / 62) {
			p->err = true;
			return 0;
		}
		x = x * 62 + d;
	}
	return x + 1;
}

/* An optional "<tag><base-62-number>", 0 when absent, else value + 1. */
static uint64_t v0__opt_integer(struct v0 *p, char tag)
{
	if (!v0__eat(p, tag))
		return 0;
	return v0__base62(p) + 1;
}

static uint64_t v0__decimal(struct v0 *p)
{
	uint64_t x = 0;
	char c = v0__peek(p);

	if (c == '0') {
		p->pos++;
		return 0;
	}
	if (!isdigit((unsigned char)c)) {
		p->err = true;
		return 0;
	}
	while (isdigit((unsigned char)v0__peek(p))) {
		x = x * 10 + (uint64_t)(v0__next(p) - '0');
		if (x > p->len) {
			p->err = true;
			return 0;
		}
	}
	return x;
}

struct v0_ident {
	const char *s;
	size_t n;
	bool punycode;
};

static struct v0_ident v0__ident(struct v0 *p)
{
	struct v0_ident id = { NULL, 0, false };
	uint64_t n;

	id.punycode = v0__eat(p, 'u');
	n = v0__decimal(p);
	v0__eat(p, '_');
	if (p->err || n > p->len - p->pos) {
		p->err = true;
		return id;
	}
	id.s = p->sym + p->pos;
	id.n = (size_t)n;
	p->pos += (size_t)n;
	return id;
}

static void v0__print_ident(struct v0 *p, struct v0_ident id)
{
	if (id.punycode) {
		v0__print(p, "punycode{");
		v0__printn(p, id.s, id.n);
		v0__print(p, "}");
		return;
	}
	v0__printn(p, id.s, id.n);
}

static void v0__path(struct v0 *p, bool in_value);
static void v0__type(struct v0 *p);
static void v0__const(struct v0 *p);

/* Run @fn at the backref's target, then continue after the backref. */
static void v0__backref(struct v0 *p, void (*fn)(struct v0 *, bool), bool arg,
			void (*fn_noarg)(struct v0 *))
{
	size_t start = p->pos - 1, saved;
	uint64_t target = v0__base62(p);

	if (p->err || target >= start) {
		p->err = true;
		return;
	}
	if (++p->depth > V0_MAX_DEPTH) {
		p->err = true;
		return;
	}
	saved = p->pos;
	p->pos = (size_t)target;
	if (fn)
		fn(p, arg);
	else
		fn_noarg(p);
	p->pos = saved;
	p->depth--;
}

static void v0__lifetime(struct v0 *p, uint64_t lt)
{
	char buf[32];

	if (lt == 0) {
		v0__print(p, "'_");
		return;
	}
	if (lt > p->bound_lifetimes) {
		p->err = true;
		return;
	}
	lt = p->bound_lifetimes - lt;
	if (lt < 26) {
		buf[0] = '\'';
		buf[1] = (char)('a' + lt);
		buf[2] = '\0';
	} else {
		snprintf(buf, sizeof(buf), "'_%llu", (unsigned long long)lt);
	}
	v0__print(p, buf);
}

static void v0__generic_arg(struct v0 *p)
{
	if (v0__eat(p, 'L'))
		v0__lifetime(p, v0__base62(p));
	else if (v0__eat(p, 'K'))
		v0__const(p);
	else
		v0__type(p);
}

static void v0__path(struct v0 *p, bool in_value)
{
	char tag;

	if (++p->depth > V0_MAX_DEPTH || p->err) {
		p->err = true;
		return;
	}
	tag = v0__next(p);
	switch (tag) {
	case 'C': {
		struct v0_ident id;

		v0__opt_integer(p, 's');
		id = v0__ident(p);
		v0__print_ident(p, id);
		break;
	}
	case 'N': {
		char ns = v0__next(p);
		uint64_t dis;
		struct v0_ident id;

		if (!isalpha((unsigned char)ns)) {
			p->err = true;
			break;
		}
		v0__path(p, in_value);
		dis = v0__opt_integer(p, 's');
		id = v0__ident(p);
		if (isupper((unsigned char)ns)) {
			char buf[32];

			v0__print(p, "::{");
			if (ns == 'C')
				v0__print(p, "closure");
			else if (ns == 'S')
				v0__print(p, "shim");
			else
				v0__printn(p, &ns, 1);
			if (id.n) {
				v0__print(p, ":");
				v0__print_ident(p, id);
			}
			snprintf(buf, sizeof(buf), "#%llu}", (unsigned long long)dis);
			v0__print(p, buf);
		} else if (id.n) {
			v0__print(p, "::");
			v0__print_ident(p, id);
		}
		break;
	}
	case 'M':
	case 'X':
	case 'Y': {
		struct strbuf *out = p->out;

		if (tag != 'Y') {
			/* The impl's own path is where it was written: not shown. */
			v0__opt_integer(p, 's');
			p->out = NULL;
			v0__path(p, false);
			p->out = out;
		}
		v0__print(p, "<");
		v0__type(p);
		if (tag != 'M') {
			v0__print(p, " as ");
			v0__path(p, false);
		}
		v0__print(p, ">");
		break;
	}
	case 'I': {
		bool first = true;

		v0__path(p, in_value);
		v0__print(p, in_value ? "::<" : "<");
		while (!p->err && !v0__eat(p, 'E')) {
			if (!first)
				v0__print(p, ", ");
			v0__generic_arg(p);
			first = false;
		}
		v0__print(p, ">");
		break;
	}
	case 'B':
		v0__backref(p, v0__path, in_value, NULL);
		break;
	default:
		p->err = true;
		break;
	}
	p->depth--;
}

static const char *v0__basic_type(char c)
{
	switch (c) {
	case 'a': return "i8";
	case 'b': return "bool";
	case 'c': return "char";
	case 'd': return "f64";
	case 'e': return "str";
	case 'f': return "f32";
	case 'h': return "u8";
	case 'i': return "isize";
	case 'j': return "usize";
	case 'l': return "i32";
	case 'm': return "u32";
	case 'n': return "i128";
	case 'o': return "u128";
	case 'p': return "_";
	case 's': return "i16";
	case 't': return "u16";
	case 'u': return "()";
	case 'v': return "...";
	case 'x': return "i64";
	case 'y': return "u64";
	case 'z': return "!";
	default: return NULL;
	}
}

static void v0__binder(struct v0 *p)
{
	uint64_t n = v0__opt_integer(p, 'G');

	if (n > 1000) {
		p->err = true;
		return;
	}
	p->bound_lifetimes += (unsigned int)n;
}

static void v0__fn_sig(struct v0 *p)
{
	unsigned int saved = p->bound_lifetimes;
	bool first = true;

	v0__binder(p);
	if (v0__eat(p, 'U'))
		v0__print(p, "unsafe ");
	if (v0__eat(p, 'K')) {
		v0__print(p, "extern \"");
		if (v0__eat(p, 'C')) {
			v0__print(p, "C");
		} else {
			struct v0_ident id = v0__ident(p);
			size_t i;

			for (i = 0; i < id.n && !p->err; i++)
				v0__printn(p, id.s[i] == '_' ? "-" : &id.s[i], 1);
		}
		v0__print(p, "\" ");
	}
	v0__print(p, "fn(");
	while (!p->err && !v0__eat(p, 'E')) {
		if (!first)
			v0__print(p, ", ");
		v0__type(p);
		first = false;
	}
	v0__print(p, ")");
	if (v0__eat(p, 'u')) {
		/* returns (): nothing shown */
	} else {
		v0__print(p, " -> ");
		v0__type(p);
	}
	p->bound_lifetimes = saved;
}

static void v0__dyn_bounds(struct v0 *p)
{
	unsigned int saved = p->bound_lifetimes;
	bool first = true;

	v0__binder(p);
	v0__print(p, "dyn ");
	while (!p->err && !v0__eat(p, 'E')) {
		if (!first)
			v0__print(p, " + ");
		v0__path(p, false);
		while (!p->err && v0__eat(p, 'p')) {
			struct v0_ident id = v0__ident(p);

			v0__print(p, "<");
			v0__print_ident(p, id);
			v0__print(p, " = ");
			v0__type(p);
			v0__print(p, ">");
		}
		first = false;
	}
	p->bound_lifetimes = saved;
}

static void v0__type(struct v0 *p)
{
	const char *basic;
	char c;

	if (++p->depth > V0_MAX_DEPTH || p->err) {
		p->err = true;
		return;
	}
	c = v0__next(p);
	basic = v0__basic_type(c);
	if (basic) {
		v0__print(p, basic);
		p->depth--;
		return;
	}
	switch (c) {
	case 'R':
	case 'Q': {
		uint64_t lt = 0;

		v0__print(p, "&");
		if (v0__eat(p, 'L')) {
			lt = v0__base62(p);
			if (lt) {
				v0__lifetime(p, lt);
				v0__print(p, " ");
			}
		}
		if (c == 'Q')
			v0__print(p, "mut ");
		v0__type(p);
		break;
	}
	case 'P':
		v0__print(p, "*const ");
		v0__type(p);
		break;
	case 'O':
		v0__print(p, "*mut ");
		v0__type(p);
		break;
	case 'A':
		v0__print(p, "[");
		v0__type(p);
		v0__print(p, "; ");
		v0__const(p);
		v0__print(p, "]");
		break;
	case 'S':
		v0__print(p, "[");
		v0__type(p);
		v0__print(p, "]");
		break;
	case 'T': {
		int n = 0;

		v0__print(p, "(");
		while (!p->err && !v0__eat(p, 'E')) {
			if (n)
				v0__print(p, ", ");
			v0__type(p);
			n++;
		}
		if (n == 1)
			v0__print(p, ",");
		v0__print(p, ")");
		break;
	}
	case 'F':
		v0__fn_sig(p);
		break;
	case 'D':
		v0__dyn_bounds(p);
		if (v0__eat(p, 'L')) {
			uint64_t lt = v0__base62(p);

			if (lt) {
				v0__print(p, " + ");
				v0__lifetime(p, lt);
			}
		} else {
			p->err = true;
		}
		break;
	case 'B':
		v0__backref(p, NULL, false, v0__type);
		break;
	default:
		p->pos--;
		v0__path(p, false);
		break;
	}
	p->depth--;
}

static void v0__const(struct v0 *p)
{
	char buf[64], c;
	uint64_t v = 0;
	bool neg;
	int digits = 0;

	if (++p->depth > V0_MAX_DEPTH || p->err) {
		p->err = true;
		return;
	}
	c = v0__next(p);
	if (c == 'B') {
		v0__backref(p, NULL, false, v0__const);
		p->depth--;
		return;
	}
	if (c == 'p') {
		v0__print(p, "_");
		p->depth--;
		return;
	}
	if (!strchr("ahijlmnostxybc", c) || !c) {
		p->err = true;
		p->depth--;
		return;
	}
	neg = v0__eat(p, 'n');
	while (!p->err && !v0__eat(p, '_')) {
		char h = v0__next(p);
		int d = isdigit((unsigned char)h) ? h - '0' :
			(h >= 'a' && h <= 'f') ? h - 'a' + 10 : -1;

		if (d < 0 || ++digits > 16) {
			p->err = true;
			break;
		}
		v = v << 4 | (uint64_t)d;
	}
	if (p->err) {
		p->depth--;
		return;
	}
	if (c == 'b') {
		v0__print(p, v == 0 ? "false" : v == 1 ? "true" : "?");
		if (v > 1)
			p->err = true;
	} else if (c == 'c') {
		if (v < 0x20 || v >= 0x7f) {
			snprintf(buf, sizeof(buf), "'\\u{%llx}'", (unsigned long long)v);
		} else if (v == '\'' || v == '\\') {
			snprintf(buf, sizeof(buf), "'\\%c'", (char)v);
		} else {
			snprintf(buf, sizeof(buf), "'%c'", (char)v);
		}
		v0__print(p, buf);
	} else {
		snprintf(buf, sizeof(buf), "%s%llu", neg ? "-" : "", (unsigned long long)v);
		v0__print(p, buf);
	}
	p->depth--;
}

char *rust_v0_demangle(const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	struct v0 p = { 0 };

	if (strncmp(name, "_R", 2))
		return NULL;
	p.sym = name + 2;
	/* A vendor suffix (".llvm.123", "$...") is not part of the grammar. */
	p.len = strcspn(p.sym, ".$");
	p.out = &sb;
	/* An encoding version number would be decimal digits: only none (0) exists. */
	if (isdigit((unsigned char)v0__peek(&p))) {
		strbuf_release(&sb);
		return NULL;
	}
	v0__path(&p, true);
	/* An instantiating crate may follow; it is not shown. */
	if (!p.err && p.pos < p.len) {
		p.out = NULL;
		v0__path(&p, false);
	}
	if (p.err || p.pos != p.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}
