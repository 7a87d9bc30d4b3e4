// SPDX-License-Identifier: GPL-2.0
/*
 * Symbol demangling: C++ through libstdc++'s __cxa_demangle, cut down to
 * the reference's parameterless form; Rust legacy names decoded here.
 */
#include <ctype.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "demangle.h"
#include "strbuf.h"
#include "symbol.h"

typedef char *(*cxa_demangle_fn)(const char *mangled, char *buf, size_t *len, int *status);

static cxa_demangle_fn cxa_demangle_get(void)
{
	static cxa_demangle_fn fn;
	static bool tried;

	if (!tried) {
		void *h;

		tried = true;
		/* Already in the process (a C++ library is loaded) or from the system. */
		fn = (cxa_demangle_fn)dlsym(RTLD_DEFAULT, "__cxa_demangle");
		if (!fn) {
			h = dlopen("libstdc++.so.6", RTLD_LAZY | RTLD_LOCAL);
			if (h)
				fn = (cxa_demangle_fn)dlsym(h, "__cxa_demangle");
		}
		if (!fn)
			pr_debug("no __cxa_demangle (libstdc++.so.6): C++ names stay mangled\n");
	}
	return fn;
}

/* ---- C++: from the full demangled form to the reference's short one ---- */

static bool is_ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '$';
}

/* Operator names whose characters would confuse the bracket counting. */
static size_t operator_token_len(const char *s)
{
	static const char * const ops[] = {
		"()", "[]", "<=>", "<<=", ">>=", "->*", "<<", ">>", "<=", ">=",
		"==", "!=", "&&", "||", "++", "--", "->", "+=", "-=", "*=", "/=",
		"%=", "&=", "|=", "^=", "<", ">", "+", "-", "*", "/", "%", "^",
		"&", "|", "~", "!", "=", ",",
	};
	size_t i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		size_t n = strlen(ops[i]);

		if (!strncmp(s, ops[i], n))
			return n;
	}
	return 0;
}

/* Is the text from @s on only cv/ref qualifiers and clone suffixes? */
static bool only_qualifiers(const char *s)
{
	static const char * const quals[] = {
		" const", " volatile", " &&", " &", " noexcept", " transaction_safe",
	};

	while (*s) {
		size_t i, n = 0;

		if (!strncmp(s, " [clone ", 8)) {
			const char *e = strchr(s, ']');

			if (!e)
				return false;
			s = e + 1;
			continue;
		}
		for (i = 0; i < sizeof(quals) / sizeof(quals[0]); i++) {
			n = strlen(quals[i]);
			if (!strncmp(s, quals[i], n) && !is_ident_char(s[n]))
				break;
		}
		if (i == sizeof(quals) / sizeof(quals[0]))
			return false;
		s += n;
	}
	return true;
}

/*
 * "void ns::f<int>(int) const [clone .cold]" -> "ns::f<int>": drop the
 * outermost parameter list, what follows it and the return type, as the
 * GNU demangler does without DMGL_PARAMS.
 */
static char *cxx_strip_params(const char *full)
{
	size_t n = strlen(full), i, name_start = 0, last_space = 0;
	size_t open_at = 0, open_name_start = 0;
	bool found = false, have_space = false, after_operator = false;
	int depth = 0;
	char *out;

	for (i = 0; i < n; i++) {
		char c = full[i];

		if (c == 'o' && !strncmp(full + i, "operator", 8) &&
		    (i == 0 || !is_ident_char(full[i - 1])) && !is_ident_char(full[i + 8])) {
			size_t j = i + 8, k;

			/*
			 * From an operator on, spaces belong to the name:
			 * "operator<< <T>", "operator void (A::*)()".
			 */
			if (depth == 0)
				after_operator = true;
			/* "operator new", "operator int": the space belongs to the name. */
			if (full[j] == ' ') {
				j++;
				while (j < n && (is_ident_char(full[j]) || full[j] == '[' || full[j] == ']'))
					j++;
			} else if (full[j] == '"' && full[j + 1] == '"') {
				j += 2;
			} else {
				k = operator_token_len(full + j);
				j += k;
			}
			i = j - 1;
			continue;
		}
		switch (c) {
		case '(':
			if (depth == 0) {
				open_at = i;
				open_name_start = have_space ? last_space + 1 : 0;
			}
			depth++;
			break;
		case '<': case '[': case '{':
			depth++;
			break;
		case ')':
			depth--;
			if (depth == 0 && only_qualifiers(full + i + 1)) {
				found = true;
				name_start = open_name_start;
				i = n;	/* done: the rest is qualifiers */
			}
			break;
		case '>': case ']': case '}':
			depth--;
			break;
		case ' ':
			if (depth == 0 && !after_operator) {
				last_space = i;
				have_space = true;
			}
			break;
		default:
			break;
		}
		if (depth < 0)
			return NULL;
	}
	if (!found) {
		size_t len = n;
		const char *clone = strstr(full, " [clone ");

		/* Data and special names ("vtable for X") stay whole, minus clones. */
		if (clone && only_qualifiers(clone))
			len = (size_t)(clone - full);
		return strndup(full, len);
	}
	out = strndup(full + name_start, open_at - name_start);
	return out;
}

/*
 * Thunks and transaction clones wrap a whole function encoding, which the
 * GNU demangler prints with its parameters even when asked for none (only
 * the outermost encoding loses them): "virtual thunk to X::~X()".
 */
static bool cxx_is_special_encoding(const char *full)
{
	static const char * const prefixes[] = {
		"virtual thunk to ", "non-virtual thunk to ", "covariant return thunk to ",
		"transaction clone for ", "non-transaction clone for ",
	};
	size_t i;

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(full, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

char *cxx_demangle(const char *name, bool params)
{
	cxa_demangle_fn fn;
	char *full, *res;
	int status = 0;

	/* Before the lookup: loading libstdc++ costs a C program milliseconds. */
	if (strncmp(name, "_Z", 2))
		return NULL;
	fn = cxa_demangle_get();
	if (!fn)
		return NULL;
	full = fn(name, NULL, NULL, &status);
	if (!full || status) {
		free(full);
		return NULL;
	}
	if (params || cxx_is_special_encoding(full))
		return full;
	res = cxx_strip_params(full);
	free(full);
	return res;
}

/* ---- Rust legacy: _ZN <len><ident>... 17h<16 hex> E ---- */

bool rust_is_legacy_mangled(const char *name)
{
	size_t n = strlen(name), i;

	if (strncmp(name, "_ZN", 3) || n < 3 + 20 || name[n - 1] != 'E')
		return false;
	/* The hash component: "17h" + 16 lowercase hex digits. */
	if (strncmp(name + n - 20, "17h", 3))
		return false;
	for (i = n - 17; i < n - 1; i++)
		if (!isxdigit((unsigned char)name[i]))
			return false;
	return true;
}

static const struct {
	const char *esc;
	char c;
} rust_escapes[] = {
	{ "$SP$", '@' }, { "$BP$", '*' }, { "$RF$", '&' }, { "$LT$", '<' },
	{ "$GT$", '>' }, { "$LP$", '(' }, { "$RP$", ')' }, { "$C$", ',' },
};

/* Append one legacy identifier, decoding $..$ escapes and ".." separators. */
static bool rust_legacy_ident(struct strbuf *sb, const char *s, size_t len)
{
	size_t i = 0;

	/* A leading "_$" escapes an identifier starting with '$'. */
	if (len >= 2 && s[0] == '_' && s[1] == '$')
		i = 1;
	while (i < len) {
		if (s[i] == '$') {
			size_t k;
			bool ok = false;

			for (k = 0; k < sizeof(rust_escapes) / sizeof(rust_escapes[0]); k++) {
				size_t el = strlen(rust_escapes[k].esc);

				if (len - i >= el && !strncmp(s + i, rust_escapes[k].esc, el)) {
					strbuf_addch(sb, rust_escapes[k].c);
					i += el;
					ok = true;
					break;
				}
			}
			if (!ok && len - i >= 5 && s[i + 1] == 'u') {
				char *end;
				unsigned long cp = strtoul(s + i + 2, &end, 16);

				if (end > s + i + 2 && *end == '$' && (size_t)(end - s) < len && cp < 0x80) {
					strbuf_addch(sb, (char)cp);
					i = (size_t)(end - s) + 1;
					ok = true;
				}
			}
			if (!ok)
				return false;
		} else if (s[i] == '.' && i + 1 < len && s[i + 1] == '.') {
			strbuf_addstr(sb, "::");
			i += 2;
		} else {
			strbuf_addch(sb, s[i]);
			i++;
		}
	}
	return true;
}

static char *rust_legacy_demangle(const char *name)
{
	const char *p = name + 3, *end = name + strlen(name) - 20;
	struct strbuf sb = STRBUF_INIT;
	bool first = true;

	while (p < end) {
		char *q;
		unsigned long len = strtoul(p, &q, 10);

		if (q == p || len == 0 || len > (size_t)(end - q))
			goto fail;
		if (!first)
			strbuf_addstr(&sb, "::");
		if (!rust_legacy_ident(&sb, q, len))
			goto fail;
		first = false;
		p = q + len;
	}
	if (p != end || first)
		goto fail;
	return strbuf_detach(&sb, NULL);
fail:
	strbuf_release(&sb);
	return NULL;
}

char *rust_demangle(const char *name)
{
	if (rust_is_legacy_mangled(name))
		return rust_legacy_demangle(name);
	if (!strncmp(name, "_R", 2))
		return rust_v0_demangle(name);
	return NULL;
}

char *demangle_sym(const char *name, bool kernel)
{
	char *res;

	if (kernel && !symbol_conf.demangle_kernel)
		return NULL;
	/* Every mangling handled here starts "_Z" or "_R": most names do not. */
	if (name[0] != '_' || (name[1] != 'Z' && name[1] != 'R'))
		return NULL;
	res = rust_demangle(name);
	if (res)
		return res;
	return cxx_demangle(name, verbose > 0);
}
