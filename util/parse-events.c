// SPDX-License-Identifier: GPL-2.0
/*
 * The -e event grammar, parsed by hand (recursive descent over the
 * string) so each error knows the byte it is about.
 *
 *   events   := item (',' item)*
 *   item     := [name] '{' event (',' event)* '}' [':' mods] | event
 *   event    := 'mem:' addr ['/' len] [':' access] [':' mods]
 *             | word '/' terms '/' [mods | ':' mods]     (pmu or symbolic)
 *             | word ':' word [':' mods]                 (tracepoint)
 *             | word [':' mods]                          (symbolic, raw, alias)
 *             | num ':' num [':' mods]                   (type:config)
 *   terms    := term (',' term)*,  term := key ['=' value]
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/hw_breakpoint.h>

#include "cpumap.h"
#include "debug.h"
#include "evlist.h"
#include "evsel.h"
#include "fs.h"
#include "parse-events.h"
#include "parse-options.h"
#include "pmu.h"
#include "strbuf.h"
#include "tracepoint.h"
#include "util.h"
#include "zalloc.h"

/* ---- errors ---- */

void parse_events_error__init(struct parse_events_error *err)
{
	memset(err, 0, sizeof(*err));
	err->idx = -1;
}

void parse_events_error__exit(struct parse_events_error *err)
{
	zfree(&err->str);
	zfree(&err->help);
}

void parse_events_error__handle(struct parse_events_error *err, int idx,
				char *str, char *help)
{
	if (!err) {
		free(str);
		free(help);
		return;
	}
	err->num_errors++;
	if (err->str) {
		/* The first error is the cause; later ones are fallout. */
		free(str);
		free(help);
		return;
	}
	err->idx = idx;
	err->str = str;
	err->help = help;
}

/* Longest event string shown whole; longer ones are cut around the error. */
#define MAX_EVENT_SHOWN 140

void parse_events_error__print(const struct parse_events_error *err,
			       const char *event, FILE *fp)
{
	const char *str = event;
	char buf[MAX_EVENT_SHOWN + 8];
	int idx = err->idx < 0 ? 0 : err->idx;
	size_t len = strlen(event);

	if (!err->str)
		return;
	if (len > MAX_EVENT_SHOWN) {
		size_t start = 0;

		/* Keep the error near the middle, mark each cut with "..". */
		if ((size_t)idx > MAX_EVENT_SHOWN / 2)
			start = (size_t)idx - MAX_EVENT_SHOWN / 2;
		if (start + MAX_EVENT_SHOWN > len)
			start = len - MAX_EVENT_SHOWN;
		snprintf(buf, sizeof(buf), "%s%.*s%s", start ? ".." : "",
			 MAX_EVENT_SHOWN - (start ? 2 : 0) - (start + MAX_EVENT_SHOWN < len ? 2 : 0),
			 event + start + (start ? 2 : 0),
			 start + MAX_EVENT_SHOWN < len ? ".." : "");
		idx -= (int)start;
		str = buf;
	}
	fprintf(fp, "event syntax error: '%s'\n", str);
	/* 21 = strlen("event syntax error: '"): the caret sits under the byte. */
	fprintf(fp, "%*s\\___ %s\n", 21 + idx, "", err->str);
	if (err->help)
		fprintf(fp, "\n%s\n", err->help);
}

/* ---- parser state ---- */

struct pe_ctx {
	const char *str;	/* the whole event string */
	const char *p;		/* cursor */
	struct parse_events_error *err;
	bool failed;
};

static int pe_error(struct pe_ctx *ctx, const char *at, const char *help,
		    const char *fmt, ...) __printf(4, 5);

static int pe_error(struct pe_ctx *ctx, const char *at, const char *help,
		    const char *fmt, ...)
{
	va_list ap;
	char *msg = NULL;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	parse_events_error__handle(ctx->err, (int)(at - ctx->str), msg,
				   help ? strdup(help) : NULL);
	ctx->failed = true;
	return -EINVAL;
}

/* Characters of names: events, tracepoints (with globs), pmus. */
static bool is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.' ||
	       c == '*' || c == '?' || c == '[' || c == ']' || c == '!' ||
	       c == '@' || c == '+';
}

/* The word at @p: returns its length (0 if none). */
static size_t word_len(const char *p)
{
	size_t n = 0;

	while (is_name_char(p[n]))
		n++;
	return n;
}

static char *word_dup(const char *p, size_t len)
{
	return strndup(p, len);
}

static struct evsel *new_evsel(struct perf_event_attr *attr, const char *name,
			       size_t name_len)
{
	struct evsel *evsel;

	/* Guest samples are not wanted unless G is given (perf is not in a guest). */
	attr->exclude_guest = 1;
	evsel = evsel__new(attr);
	if (!evsel)
		return NULL;
	evsel->name = strndup(name, name_len);
	if (!evsel->name) {
		evsel__delete(evsel);
		return NULL;
	}
	return evsel;
}

/* ---- modifiers ---- */

struct event_modifier {
	int eu, ek, eh, eH, eG, eI;
	int precise;
	int precise_max;
	int exclude_GH;
	int sample_read;
	int pinned;
	int weak;
	int exclusive;
};

static bool is_modifier_char(char c)
{
	return c && strchr("ukhGHIpPSDWe", c);
}

/*
 * Parse the modifier letters at ctx->p (up to the next ',', '}', ':' or
 * end) relative to @evsel's current attr.
 */
static int parse_modifiers(struct pe_ctx *ctx, struct evsel *evsel,
			   struct event_modifier *mod, bool own)
{
	const char *start = ctx->p;
	int exclude;

	mod->eu = evsel->attr.exclude_user;
	mod->ek = evsel->attr.exclude_kernel;
	mod->eh = evsel->attr.exclude_hv;
	mod->eH = evsel->attr.exclude_host;
	mod->eG = evsel->attr.exclude_guest;
	mod->eI = evsel->attr.exclude_idle;
	mod->precise = evsel->attr.precise_ip;
	mod->precise_max = evsel->precise_max;
	mod->exclude_GH = evsel->exclude_GH;
	mod->sample_read = evsel->sample_read;
	mod->pinned = evsel->attr.pinned;
	mod->weak = evsel->weak_group;
	mod->exclusive = evsel->attr.exclusive;
	exclude = mod->eu | mod->ek | mod->eh;
	/*
	 * Excluding the guest is the default of an event without modifiers
	 * only: as in the reference, an event's own modifiers start from
	 * "guest included" and only u or p exclude it again (group modifiers
	 * start from the members' attrs).
	 */
	if (own && !mod->exclude_GH)
		mod->eG = 0;
	/* The reference's group modifiers also decide 'S' for every member. */
	if (!own)
		mod->sample_read = 0;

	while (*ctx->p && *ctx->p != ',' && *ctx->p != '}' && *ctx->p != ':' &&
	       !isspace((unsigned char)*ctx->p)) {
		char c = *ctx->p;

		switch (c) {
		case 'u':
		case 'k':
		case 'h':
			/* The first of u/k/h excludes the other two levels. */
			if (!exclude)
				exclude = mod->eu = mod->ek = mod->eh = 1;
			if (c == 'u' && !mod->exclude_GH)
				mod->eG = 1;
			if (c == 'u')
				mod->eu = 0;
			else if (c == 'k')
				mod->ek = 0;
			else
				mod->eh = 0;
			break;
		case 'G':
		case 'H':
			if (!mod->exclude_GH)
				mod->exclude_GH = mod->eG = mod->eH = 1;
			if (c == 'G')
				mod->eG = 0;
			else
				mod->eH = 0;
			break;
		case 'I':
			mod->eI = 1;
			break;
		case 'p':
			mod->precise++;
			if (!mod->exclude_GH)
				mod->eG = 1;
			break;
		case 'P':
			mod->precise_max = 1;
			break;
		case 'S':
			mod->sample_read = 1;
			break;
		case 'D':
			mod->pinned = 1;
			break;
		case 'W':
			mod->weak = 1;
			break;
		case 'e':
			mod->exclusive = 1;
			break;
		default:
			return pe_error(ctx, ctx->p, NULL, "unknown modifier '%c'", c);
		}
		ctx->p++;
	}
	if (ctx->p == start)
		return pe_error(ctx, ctx->p, NULL, "parser error");
	/* precise_ip is a 2-bit field: 0..3 */
	if (mod->precise > 3)
		return pe_error(ctx, start, NULL, "precise level 'p' given more than 3 times");
	return 0;
}

static void apply_modifiers(struct evsel *evsel, const struct event_modifier *mod)
{
	evsel->attr.exclude_user = mod->eu;
	evsel->attr.exclude_kernel = mod->ek;
	evsel->attr.exclude_hv = mod->eh;
	evsel->attr.exclude_host = mod->eH;
	evsel->attr.exclude_guest = mod->eG;
	evsel->attr.exclude_idle = mod->eI;
	evsel->attr.precise_ip = mod->precise;
	evsel->precise_max = mod->precise_max;
	evsel->exclude_GH = mod->exclude_GH;
	evsel->sample_read = mod->sample_read;
	evsel->attr.pinned = mod->pinned;
	evsel->weak_group = mod->weak;
	evsel->attr.exclusive = mod->exclusive;
}

/* Parse modifiers at ctx->p and apply them to every evsel of @list. */
static int modify_list(struct pe_ctx *ctx, struct list_head *list, bool rename, bool own)
{
	const char *start = ctx->p;
	struct evsel *evsel;

	list_for_each_entry(evsel, list, node) {
		struct event_modifier mod;

		ctx->p = start;
		if (parse_modifiers(ctx, evsel, &mod, own))
			return -EINVAL;
		apply_modifiers(evsel, &mod);
		if (rename) {
			char *n;

			if (asprintf(&n, "%s:%.*s", evsel->name,
				     (int)(ctx->p - start), start) < 0)
				return -ENOMEM;
			free(evsel->name);
			evsel->name = n;
		}
	}
	return 0;
}

/* ---- symbolic events ---- */

static bool name_eq(const char *a, const char *word, size_t len)
{
	return a && *a && strlen(a) == len && !strncasecmp(a, word, len);
}

/* Match one alias of a cache name table row at @p; returns its length. */
static size_t match_cache_alias(const char *const row[PERF_EVSEL__MAX_ALIASES],
				const char *p, size_t len)
{
	size_t best = 0;
	int i;

	for (i = 0; i < PERF_EVSEL__MAX_ALIASES && row[i]; i++) {
		size_t n = strlen(row[i]);

		if (n <= len && n > best && !strncasecmp(row[i], p, n) &&
		    (n == len || p[n] == '-'))
			best = n;
	}
	return best;
}

/*
 * "L1-dcache-load-misses", "LLC-loads", "dTLB-misses", "branch-loads":
 * a cache, then an optional op, then an optional result.
 */
static int parse_cache_name(const char *p, size_t len, uint64_t *config)
{
	int type, op = -1, result = -1, i;
	size_t n = 0;

	for (type = 0; type < PERF_COUNT_HW_CACHE_MAX; type++) {
		n = match_cache_alias(evsel__hw_cache[type], p, len);
		if (n)
			break;
	}
	if (type == PERF_COUNT_HW_CACHE_MAX)
		return -ENOENT;
	p += n;
	len -= n;
	while (len) {
		size_t m;

		if (*p != '-')
			return -ENOENT;
		p++;
		len--;
		m = 0;
		if (op < 0 && result < 0) {
			for (i = 0; i < PERF_COUNT_HW_CACHE_OP_MAX; i++) {
				m = match_cache_alias(evsel__hw_cache_op[i], p, len);
				if (m) {
					op = i;
					break;
				}
			}
		}
		if (!m && result < 0) {
			for (i = 0; i < PERF_COUNT_HW_CACHE_RESULT_MAX; i++) {
				m = match_cache_alias(evsel__hw_cache_result[i], p, len);
				if (m) {
					result = i;
					break;
				}
			}
		}
		if (!m)
			return -ENOENT;
		p += m;
		len -= m;
	}
	if (op < 0)
		op = PERF_COUNT_HW_CACHE_OP_READ;
	if (result < 0)
		result = PERF_COUNT_HW_CACHE_RESULT_ACCESS;
	if (!evsel__is_cache_op_valid((uint8_t)type, (uint8_t)op))
		return -EINVAL;
	*config = (uint64_t)type | ((uint64_t)op << 8) | ((uint64_t)result << 16);
	return 0;
}

/*
 * Resolve a symbolic name into @attr. Returns 0, 1 for a tool event
 * (*tool set), -EINVAL for a cache name with an impossible op, or
 * -ENOENT when it is no symbolic event.
 */
static int lookup_symbolic(const char *p, size_t len, struct perf_event_attr *attr,
			   enum tool_event *tool)
{
	int i, ret;

	for (i = 0; i < PERF_COUNT_HW_MAX; i++) {
		if (name_eq(event_symbols_hw[i].symbol, p, len) ||
		    name_eq(event_symbols_hw[i].alias, p, len)) {
			attr->type = PERF_TYPE_HARDWARE;
			attr->config = (uint64_t)i;
			return 0;
		}
	}
	for (i = 0; i < PERF_COUNT_SW_MAX; i++) {
		if (name_eq(event_symbols_sw[i].symbol, p, len) ||
		    name_eq(event_symbols_sw[i].alias, p, len)) {
			attr->type = PERF_TYPE_SOFTWARE;
			attr->config = (uint64_t)i;
			return 0;
		}
	}
	for (i = 1; i < TOOL_EVENT_MAX; i++) {
		if (name_eq(tool_event_names[i], p, len)) {
			/* Counted by perf from its own clock; never opened. */
			attr->type = PERF_TYPE_SOFTWARE;
			attr->config = PERF_COUNT_SW_DUMMY;
			*tool = (enum tool_event)i;
			return 1;
		}
	}
	uint64_t config;

	ret = parse_cache_name(p, len, &config);
	if (ret == 0) {
		attr->config = config;
		attr->type = PERF_TYPE_HW_CACHE;
		return 0;
	}
	return ret;
}

static bool parse_number(const char *p, size_t len, uint64_t *v)
{
	char buf[32], *end;

	if (!len || len >= sizeof(buf) || !isdigit((unsigned char)*p))
		return false;
	memcpy(buf, p, len);
	buf[len] = '\0';
	errno = 0;
	*v = strtoull(buf, &end, 0);
	return !*end && !errno;
}

/* "r1a", "r0x1a": hex config of the core PMU. */
static bool parse_raw(const char *p, size_t len, uint64_t *config)
{
	size_t i = 1;

	if (len < 2 || p[0] != 'r')
		return false;
	if (len > 3 && p[1] == '0' && (p[2] == 'x' || p[2] == 'X'))
		i = 3;
	/* 16 hex digits fill 64 bits; more would be silently truncated. */
	if (len - i > 16)
		return false;
	*config = 0;
	for (; i < len; i++) {
		int c = tolower((unsigned char)p[i]);

		if (!isxdigit(c))
			return false;
		*config = *config << 4 | (uint64_t)(isdigit(c) ? c - '0' : c - 'a' + 10);
	}
	return true;
}

/* ---- terms: pmu/.../ and symbolic/.../ ---- */

struct pe_term {
	const char *key;	/* points into the event string */
	size_t key_len;
	const char *val;	/* NULL for a bare key */
	size_t val_len;
	uint64_t num;
	bool is_num;
	const char *at;		/* for errors */
};

#define MAX_TERMS 64

/* Parse "k=v,k,k=v" up to the closing '/'; ctx->p ends after the '/'. */
static int parse_terms(struct pe_ctx *ctx, struct pe_term *terms, int *nr)
{
	*nr = 0;
	if (*ctx->p == '/') {
		ctx->p++;
		return 0;
	}
	for (;;) {
		struct pe_term *t;
		size_t n;

		if (*nr == MAX_TERMS)
			return pe_error(ctx, ctx->p, NULL, "too many terms");
		t = &terms[(*nr)++];
		memset(t, 0, sizeof(*t));
		t->at = ctx->p;
		n = 0;
		while (isalnum((unsigned char)ctx->p[n]) || ctx->p[n] == '_' ||
		       ctx->p[n] == '-' || ctx->p[n] == '.')
			n++;
		if (!n)
			return pe_error(ctx, ctx->p, NULL, "parser error");
		t->key = ctx->p;
		t->key_len = n;
		ctx->p += n;
		if (*ctx->p == '=') {
			const char *v = ++ctx->p;

			if (*v == '"') {
				const char *q = strchr(v + 1, '"');

				if (!q)
					return pe_error(ctx, v, NULL, "unterminated quote");
				t->val = v + 1;
				t->val_len = (size_t)(q - v - 1);
				ctx->p = q + 1;
			} else {
				n = 0;
				while (v[n] && v[n] != ',' && v[n] != '/')
					n++;
				if (!n)
					return pe_error(ctx, v, NULL, "parser error");
				t->val = v;
				t->val_len = n;
				ctx->p = v + n;
				t->is_num = parse_number(v, n, &t->num);
			}
		} else {
			/* A bare term is a flag: "inherit", "edge" = 1. */
			t->num = 1;
			t->is_num = true;
		}
		if (*ctx->p == ',') {
			ctx->p++;
			continue;
		}
		if (*ctx->p == '/') {
			ctx->p++;
			return 0;
		}
		return pe_error(ctx, ctx->p, NULL, "parser error");
	}
}

static bool term_is(const struct pe_term *t, const char *key)
{
	return strlen(key) == t->key_len && !strncmp(t->key, key, t->key_len);
}

static const char generic_terms_help[] =
	"config,config1,config2,config3,name,period,freq,branch_type,time,"
	"call-graph,stack-size,no-inherit,inherit,max-stack,nr,no-overwrite,"
	"overwrite,driver-config,percore,aux-output,aux-sample-size,metric-id";

/*
 * Apply a generic term (the ones valid for any event) to @evsel.
 * Returns 0 when applied, 1 when @t is not a generic term, <0 on error.
 */
static int apply_generic_term(struct pe_ctx *ctx, struct evsel *evsel,
			      const struct pe_term *t)
{
	struct perf_event_attr *attr = &evsel->attr;

	static const struct {
		const char *key;
		enum evsel_term_type type;
		bool str;
	} cfg_terms[] = {
		{ "call-graph",		EVSEL__CONFIG_TERM_CALLGRAPH,	true },
		{ "stack-size",		EVSEL__CONFIG_TERM_STACK_USER,	false },
		{ "max-stack",		EVSEL__CONFIG_TERM_MAX_STACK,	false },
		{ "nr",			EVSEL__CONFIG_TERM_MAX_EVENTS,	false },
		{ "driver-config",	EVSEL__CONFIG_TERM_DRV_CFG,	true },
		{ "branch_type",	EVSEL__CONFIG_TERM_BRANCH,	true },
		{ "percore",		EVSEL__CONFIG_TERM_PERCORE,	false },
		{ "aux-output",		EVSEL__CONFIG_TERM_AUX_OUTPUT,	false },
		{ "aux-sample-size",	EVSEL__CONFIG_TERM_AUX_SAMPLE_SIZE, false },
	};
	size_t i;

	if (term_is(t, "config") || term_is(t, "config1") || term_is(t, "config2") ||
	    term_is(t, "config3") || term_is(t, "period") || term_is(t, "freq") ||
	    term_is(t, "time")) {
		if (!t->is_num)
			return pe_error(ctx, t->val ? t->val : t->at, NULL,
					"expected a number for '%.*s'",
					(int)t->key_len, t->key);
	}
	if (term_is(t, "config")) {
		attr->config = t->num;
		return 0;
	}
	if (term_is(t, "config1")) {
		attr->config1 = t->num;
		return 0;
	}
	if (term_is(t, "config2")) {
		attr->config2 = t->num;
		return 0;
	}
	if (term_is(t, "config3"))
		return pe_error(ctx, t->at, NULL, "config3 is not supported by this kernel's ABI");
	if (term_is(t, "name") || term_is(t, "metric-id")) {
		if (!t->val)
			return pe_error(ctx, t->at, NULL, "'%.*s' needs a value",
					(int)t->key_len, t->key);
		if (term_is(t, "name")) {
			char *n = strndup(t->val, t->val_len);

			if (!n)
				return -ENOMEM;
			free(evsel->name);
			evsel->name = n;
		}
		return 0;
	}
	if (term_is(t, "period")) {
		attr->sample_period = t->num;
		attr->freq = 0;
		return evsel__add_config_term(evsel, EVSEL__CONFIG_TERM_PERIOD, t->num, NULL);
	}
	if (term_is(t, "freq")) {
		attr->sample_freq = t->num;
		attr->freq = 1;
		return evsel__add_config_term(evsel, EVSEL__CONFIG_TERM_FREQ, t->num, NULL);
	}
	if (term_is(t, "time"))
		return evsel__add_config_term(evsel, EVSEL__CONFIG_TERM_TIME, t->num, NULL);
	if (term_is(t, "inherit") || term_is(t, "no-inherit"))
		return evsel__add_config_term(evsel, EVSEL__CONFIG_TERM_INHERIT,
					      term_is(t, "inherit"), NULL);
	if (term_is(t, "overwrite") || term_is(t, "no-overwrite"))
		return evsel__add_config_term(evsel, EVSEL__CONFIG_TERM_OVERWRITE,
					      term_is(t, "overwrite"), NULL);
	for (i = 0; i < ARRAY_SIZE(cfg_terms); i++) {
		char *s;
		int ret;

		if (!term_is(t, cfg_terms[i].key))
			continue;
		if (!cfg_terms[i].str) {
			if (!t->is_num)
				return pe_error(ctx, t->val ? t->val : t->at, NULL,
						"expected a number for '%s'", cfg_terms[i].key);
			return evsel__add_config_term(evsel, cfg_terms[i].type, t->num, NULL);
		}
		if (!t->val)
			return pe_error(ctx, t->at, NULL, "'%s' needs a value", cfg_terms[i].key);
		if (cfg_terms[i].type == EVSEL__CONFIG_TERM_CALLGRAPH &&
		    strncmp(t->val, "fp", 2) && strncmp(t->val, "dwarf", 5) &&
		    strncmp(t->val, "lbr", 3) && strncmp(t->val, "no", 2))
			return pe_error(ctx, t->val, NULL,
					"call-graph is fp, dwarf[,size], lbr or no");
		s = strndup(t->val, t->val_len);
		if (!s)
			return -ENOMEM;
		ret = evsel__add_config_term(evsel, cfg_terms[i].type, 0, s);
		free(s);
		return ret;
	}
	return 1;
}

/* Put a value into a PMU format term, with the reference's range error. */
static int apply_format_term(struct pe_ctx *ctx, struct perf_pmu *pmu,
			     struct evsel *evsel, const struct pe_term *t)
{
	struct perf_pmu_format *fmt;
	char *name = strndup(t->key, t->key_len);

	if (!name)
		return -ENOMEM;
	fmt = perf_pmu__find_format(pmu, name);
	free(name);
	if (!fmt)
		return 1;
	if (!t->is_num)
		return pe_error(ctx, t->val ? t->val : t->at, NULL,
				"expected a number for '%.*s'", (int)t->key_len, t->key);
	if (perf_pmu__format_apply(fmt, t->num, &evsel->attr)) {
		return pe_error(ctx, t->val ? t->val : t->at, NULL,
				"value too big for format, maximum is %" PRIu64,
				perf_pmu_format__max(fmt));
	}
	return 0;
}

static int unknown_term(struct pe_ctx *ctx, struct perf_pmu *pmu,
			const struct pe_term *t)
{
	char *valid = pmu ? perf_pmu__valid_terms(pmu) : NULL;
	char help[2048];

	snprintf(help, sizeof(help), "valid terms: %s", valid ? valid : generic_terms_help);
	free(valid);
	if (pmu)
		return pe_error(ctx, t->at, help, "unknown term '%.*s' for pmu '%s'",
				(int)t->key_len, t->key, pmu->name);
	return pe_error(ctx, t->at, help, "unknown term '%.*s'", (int)t->key_len, t->key);
}

/*
 * Terms of an alias ("event=0x3c,umask=0x0") applied as if typed; an
 * error there is the kernel's sysfs content, reported at @at.
 */
static int apply_alias_terms(struct pe_ctx *ctx, struct perf_pmu *pmu,
			     struct evsel *evsel, const struct perf_pmu_alias *alias,
			     const char *at)
{
	struct pe_ctx sub = { .str = alias->terms, .p = alias->terms, .err = NULL };
	struct pe_term terms[MAX_TERMS];
	char *text;
	int nr, i, ret;

	if (asprintf(&text, "%s/", alias->terms) < 0)
		return -ENOMEM;
	sub.str = sub.p = text;
	if (!*alias->terms) {
		free(text);
		return 0;
	}
	ret = parse_terms(&sub, terms, &nr);
	for (i = 0; !ret && i < nr; i++) {
		ret = apply_format_term(&sub, pmu, evsel, &terms[i]);
		if (ret == 1)
			ret = apply_generic_term(&sub, evsel, &terms[i]);
	}
	free(text);
	if (ret) {
		return pe_error(ctx, at, NULL, "bad sysfs event definition '%s' for pmu '%s'",
				alias->name, pmu->name);
	}
	if (alias->unit)
		evsel->unit = alias->unit;
	evsel->scale = alias->scale;
	evsel->per_pkg = alias->per_pkg;
	evsel->snapshot = alias->snapshot;
	return 0;
}

static struct evsel *new_pmu_evsel(struct perf_pmu *pmu, const char *name,
				   size_t name_len)
{
	struct perf_event_attr attr = { .type = pmu->type };
	struct evsel *evsel = new_evsel(&attr, name, name_len);

	if (evsel) {
		evsel->pmu = pmu;
		evsel->own_cpus = perf_cpu_map__get(pmu->cpus);
	}
	return evsel;
}

/* pmu/terms/ where @pmu is known. */
static int add_pmu_event(struct pe_ctx *ctx, struct perf_pmu *pmu,
			 const char *start, struct list_head *list)
{
	struct pe_term terms[MAX_TERMS];
	struct evsel *evsel;
	int nr, i, ret;

	ret = parse_terms(ctx, terms, &nr);
	if (ret)
		return ret;
	evsel = new_pmu_evsel(pmu, start, (size_t)(ctx->p - start));
	if (!evsel)
		return -ENOMEM;
	for (i = 0; i < nr; i++) {
		ret = apply_format_term(ctx, pmu, evsel, &terms[i]);
		if (ret == 1) {
			char *name = strndup(terms[i].key, terms[i].key_len);
			struct perf_pmu_alias *alias = NULL;

			if (!name) {
				ret = -ENOMEM;
				break;
			}
			/* A bare event name of this PMU: cpu/cpu-cycles/. */
			if (!terms[i].val)
				alias = perf_pmu__find_alias(pmu, name);
			free(name);
			if (alias)
				ret = apply_alias_terms(ctx, pmu, evsel, alias, terms[i].at);
			else
				ret = apply_generic_term(ctx, evsel, &terms[i]);
		}
		if (ret == 1)
			ret = unknown_term(ctx, pmu, &terms[i]);
		if (ret)
			break;
	}
	if (ret) {
		evsel__delete(evsel);
		return ret;
	}
	list_add_tail(&evsel->node, list);
	return 0;
}

/* cycles/period=1000/: a symbolic event with generic terms. */
static int add_symbolic_with_terms(struct pe_ctx *ctx, struct perf_event_attr *attr,
				   enum tool_event tool, const char *start,
				   struct list_head *list)
{
	struct pe_term terms[MAX_TERMS];
	struct evsel *evsel;
	int nr, i, ret;

	ret = parse_terms(ctx, terms, &nr);
	if (ret)
		return ret;
	evsel = new_evsel(attr, start, (size_t)(ctx->p - start));
	if (!evsel)
		return -ENOMEM;
	evsel->tool_event = tool;
	for (i = 0; i < nr && !ret; i++) {
		ret = apply_generic_term(ctx, evsel, &terms[i]);
		if (ret == 1)
			ret = unknown_term(ctx, NULL, &terms[i]);
	}
	if (ret) {
		evsel__delete(evsel);
		return ret;
	}
	list_add_tail(&evsel->node, list);
	return 0;
}

/* ---- tracepoints ---- */

struct tp_add {
	struct list_head *list;
	int count;
	int err;
};

static int add_tracepoint_cb(const char *sys, const char *name, void *data)
{
	struct tp_add *a = data;
	struct perf_event_attr attr = { .type = PERF_TYPE_TRACEPOINT };
	long long id = tracepoint__id(sys, name);
	struct evsel *evsel;
	char *evname;

	if (id < 0) {
		/* Globs skip what cannot be read; an exact name reports it. */
		a->err = (int)id;
		return 0;
	}
	if (asprintf(&evname, "%s:%s", sys, name) < 0)
		return -ENOMEM;
	attr.config = (uint64_t)id;
	/* Tracepoints carry their payload in the raw sample. */
	attr.sample_type = PERF_SAMPLE_RAW | PERF_SAMPLE_TIME | PERF_SAMPLE_CPU;
	attr.sample_period = 1;
	evsel = new_evsel(&attr, evname, strlen(evname));
	free(evname);
	if (!evsel)
		return -ENOMEM;
	list_add_tail(&evsel->node, a->list);
	a->count++;
	return 0;
}

static bool has_glob(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] == '*' || s[i] == '?' || s[i] == '[')
			return true;
	return false;
}

static int add_tracepoint(struct pe_ctx *ctx, const char *sys, size_t sys_len,
			  const char *name, size_t name_len, struct list_head *list)
{
	struct tp_add a = { .list = list };
	char *s = word_dup(sys, sys_len), *n = word_dup(name, name_len);
	const char *tracefs = tracefs__mountpoint();
	char help[512];
	int ret;

	if (!s || !n) {
		free(s);
		free(n);
		return -ENOMEM;
	}
	if (!tracefs) {
		free(s);
		free(n);
		return pe_error(ctx, sys, "Error:\tUnable to find debugfs/tracefs\n"
				"Hint:\tWas your kernel compiled with debugfs/tracefs support?\n"
				"Hint:\tIs the debugfs/tracefs filesystem mounted?",
				"unknown tracepoint");
	}
	ret = tracepoint__for_each(s, n, add_tracepoint_cb, &a);
	if (ret == -EACCES || (a.count == 0 && a.err == -EACCES)) {
		snprintf(help, sizeof(help),
			 "Error:\tNo permissions to read %s/events/%s/%s\n"
			 "Hint:\tTry 'sudo mount -o remount,mode=755 %s/'",
			 tracefs, s, n, tracefs);
		free(s);
		free(n);
		return pe_error(ctx, sys, help, "can't access trace events");
	}
	if (ret < 0 && ret != -ENOENT) {
		free(s);
		free(n);
		return ret;
	}
	if (a.count == 0) {
		if (has_glob(sys, sys_len) || has_glob(name, name_len))
			snprintf(help, sizeof(help),
				 "Error:\tNo tracepoint matches %s:%s in %s/events.",
				 s, n, tracefs);
		else
			snprintf(help, sizeof(help),
				 "Error:\tFile %s/events/%s/%s not found.\n"
				 "Hint:\tPerhaps this kernel misses some CONFIG_ setting to enable this feature?.",
				 tracefs, s, n);
		free(s);
		free(n);
		return pe_error(ctx, sys, help, "unknown tracepoint");
	}
	free(s);
	free(n);
	return 0;
}

/* ---- breakpoints ---- */

/* mem:ADDR[/LEN][:rwx] ; ctx->p is at "mem:". */
static int add_breakpoint(struct pe_ctx *ctx, struct list_head *list)
{
	const char *start = ctx->p, *p = ctx->p + 4, *q;
	struct perf_event_attr attr = { .type = PERF_TYPE_BREAKPOINT };
	uint64_t addr, len = 0;
	struct evsel *evsel;
	int type = 0;
	char *end;

	errno = 0;
	addr = strtoull(p, &end, 0);
	if (end == p || errno || !isdigit((unsigned char)*p))
		return pe_error(ctx, p, NULL, "parser error");
	p = end;
	if (*p == '/') {
		q = ++p;
		len = strtoull(q, &end, 0);
		if (end == q || errno)
			return pe_error(ctx, q, NULL, "parser error");
		p = end;
		if (len != 1 && len != 2 && len != 4 && len != 8)
			return pe_error(ctx, q, NULL, "invalid breakpoint length, must be 1, 2, 4 or 8");
	}
	/* ":rwx" is the access; anything else after ':' is modifiers. */
	if (*p == ':' && p[1] && strspn(p + 1, "rwx") &&
	    (p[1 + strspn(p + 1, "rwx")] == '\0' || p[1 + strspn(p + 1, "rwx")] == ':' ||
	     p[1 + strspn(p + 1, "rwx")] == ',' || p[1 + strspn(p + 1, "rwx")] == '}')) {
		for (p++; *p == 'r' || *p == 'w' || *p == 'x'; p++) {
			int bit = *p == 'r' ? HW_BREAKPOINT_R :
				  *p == 'w' ? HW_BREAKPOINT_W : HW_BREAKPOINT_X;

			if (type & bit)
				return pe_error(ctx, p, NULL, "access type given twice");
			type |= bit;
		}
	}
	if (!type)
		type = HW_BREAKPOINT_R | HW_BREAKPOINT_W;
	if ((type & HW_BREAKPOINT_X) && (type & (HW_BREAKPOINT_R | HW_BREAKPOINT_W)))
		return pe_error(ctx, start + 4, NULL,
				"a breakpoint is either on execution (x) or on data (rw)");
	if (!len)
		len = (type & HW_BREAKPOINT_X) ? sizeof(long) : HW_BREAKPOINT_LEN_4;

	attr.bp_type = (uint32_t)type;
	attr.bp_addr = addr;
	attr.bp_len = len;
	attr.sample_period = 1;
	ctx->p = p;
	evsel = new_evsel(&attr, start, (size_t)(p - start));
	if (!evsel)
		return -ENOMEM;
	list_add_tail(&evsel->node, list);
	return 0;
}

/* ---- events ---- */

/* An alias in some PMU's events/: one evsel per PMU that has it. */
static int add_alias_event(struct pe_ctx *ctx, const char *word, size_t len,
			   struct list_head *list)
{
	struct perf_pmu *pmu = NULL;
	char *name = word_dup(word, len);
	int found = 0, ret = 0;

	if (!name)
		return -ENOMEM;
	while ((pmu = perf_pmus__scan(pmu)) != NULL) {
		struct perf_pmu_alias *alias = perf_pmu__find_alias(pmu, name);
		struct evsel *evsel;

		if (!alias)
			continue;
		evsel = new_pmu_evsel(pmu, word, len);
		if (!evsel) {
			ret = -ENOMEM;
			break;
		}
		ret = apply_alias_terms(ctx, pmu, evsel, alias, word);
		if (ret) {
			evsel__delete(evsel);
			break;
		}
		list_add_tail(&evsel->node, list);
		found++;
	}
	free(name);
	if (ret)
		return ret;
	return found ? 0 : -ENOENT;
}

static int parse_event(struct pe_ctx *ctx, struct list_head *list)
{
	const char *start = ctx->p, *w2, *name_end;
	struct perf_event_attr attr = { 0 };
	enum tool_event tool = TOOL_EVENT_NONE;
	size_t len, len2;
	LIST_HEAD(evs);
	struct evsel *evsel;
	uint64_t n1, n2;
	int ret, sym;

	if (!strncmp(start, "mem:", 4)) {
		ret = add_breakpoint(ctx, &evs);
		if (ret)
			goto out_err;
		if (*ctx->p == ':') {
			ctx->p++;
			ret = modify_list(ctx, &evs, false, true);
			if (ret)
				goto out_err;
			/* The name keeps what was typed, modifiers included. */
			evsel = list_first_entry(&evs, struct evsel, node);
			free(evsel->name);
			evsel->name = strndup(start, (size_t)(ctx->p - start));
		}
		goto out;
	}

	len = word_len(start);
	if (!len)
		return pe_error(ctx, start, NULL, "parser error");
	ctx->p = start + len;
	sym = lookup_symbolic(start, len, &attr, &tool);

	if (*ctx->p == '/') {
		struct perf_pmu *pmu;
		char *name;

		ctx->p++;
		if (sym >= 0) {
			ret = add_symbolic_with_terms(ctx, &attr, tool, start, &evs);
		} else {
			name = word_dup(start, len);
			if (!name)
				return -ENOMEM;
			pmu = perf_pmus__find(name);
			free(name);
			if (!pmu)
				return pe_error(ctx, start, NULL,
						"Cannot find PMU `%.*s'. Missing kernel support?",
						(int)len, start);
			ret = add_pmu_event(ctx, pmu, start, &evs);
		}
		if (ret)
			goto out_err;
		/* Modifiers may follow the closing '/' directly or after ':'. */
		name_end = ctx->p;
		if (*ctx->p == ':')
			ctx->p++;
		if (is_modifier_char(*ctx->p)) {
			const char *mods = ctx->p;

			ret = modify_list(ctx, &evs, false, true);
			if (ret)
				goto out_err;
			list_for_each_entry(evsel, &evs, node) {
				char *nn;

				/* A name= term is the whole name: no suffix. */
				if (strlen(evsel->name) != (size_t)(name_end - start) ||
				    strncmp(evsel->name, start, (size_t)(name_end - start)))
					continue;
				if (asprintf(&nn, "%s%.*s", evsel->name,
					     (int)(ctx->p - mods), mods) < 0)
					goto out_nomem;
				free(evsel->name);
				evsel->name = nn;
			}
		}
		goto out;
	}

	if (*ctx->p == ':') {
		w2 = ctx->p + 1;
		len2 = word_len(w2);
		if (parse_number(start, len, &n1) && parse_number(w2, len2, &n2)) {
			/* TYPE:CONFIG */
			attr.type = (uint32_t)n1;
			attr.config = n2;
			ctx->p = w2 + len2;
			evsel = new_evsel(&attr, start, (size_t)(ctx->p - start));
			if (!evsel)
				goto out_nomem;
			list_add_tail(&evsel->node, &evs);
		} else if (sym >= 0 || parse_raw(start, len, &n1)) {
			/* A known event: what follows ':' must be modifiers. */
			ret = 0;
			goto symbolic;
		} else if (len2) {
			ctx->p = w2 + len2;
			ret = add_tracepoint(ctx, start, len, w2, len2, &evs);
			if (ret)
				goto out_err;
		} else {
			ret = pe_error(ctx, w2, NULL, "parser error");
			goto out_err;
		}
		if (*ctx->p == ':') {
			ctx->p++;
			ret = modify_list(ctx, &evs, true, true);
			if (ret)
				goto out_err;
		}
		goto out;
	}

symbolic:
	if (sym == -EINVAL) {
		ret = pe_error(ctx, start, NULL, "invalid or unsupported cache event");
		goto out_err;
	}
	if (sym >= 0) {
		evsel = new_evsel(&attr, start, len);
		if (!evsel)
			goto out_nomem;
		evsel->tool_event = tool;
		list_add_tail(&evsel->node, &evs);
	} else if (parse_raw(start, len, &n1)) {
		attr.type = PERF_TYPE_RAW;
		attr.config = n1;
		evsel = new_evsel(&attr, start, len);
		if (!evsel)
			goto out_nomem;
		list_add_tail(&evsel->node, &evs);
	} else {
		ret = add_alias_event(ctx, start, len, &evs);
		if (ret == -ENOENT) {
			ret = pe_error(ctx, start,
				       "Run 'perf list' to see the events this machine knows.",
				       "unknown event '%.*s'", (int)len, start);
		}
		if (ret)
			goto out_err;
	}
	ctx->p = start + len;
	if (*ctx->p == ':') {
		ctx->p++;
		ret = modify_list(ctx, &evs, true, true);
		if (ret)
			goto out_err;
	}
out:
	list_splice_tail_init(&evs, list);
	return 0;
out_nomem:
	ret = -ENOMEM;
out_err:
	{
		struct evsel *tmp;

		list_for_each_entry_safe(evsel, tmp, &evs, node) {
			list_del_init(&evsel->node);
			evsel__delete(evsel);
		}
	}
	if (!ctx->failed)
		pe_error(ctx, ctx->p, NULL, "%s", strerror(-ret));
	return ret;
}

static void skip_blanks(struct pe_ctx *ctx)
{
	while (isspace((unsigned char)*ctx->p))
		ctx->p++;
}

/* name{a,b}:mods or {a,b} ; ctx->p at the name or '{'. */
static int parse_group(struct pe_ctx *ctx, struct list_head *list)
{
	const char *name = ctx->p, *brace = strchr(ctx->p, '{');
	struct evsel *evsel, *leader;
	LIST_HEAD(members);
	int nr = 0, ret;

	ctx->p = brace + 1;
	for (;;) {
		skip_blanks(ctx);
		if (*ctx->p == '{') {
			ret = pe_error(ctx, ctx->p, NULL, "groups cannot be nested");
			goto err;
		}
		ret = parse_event(ctx, &members);
		if (ret)
			goto err;
		skip_blanks(ctx);
		if (*ctx->p == ',') {
			ctx->p++;
			continue;
		}
		if (*ctx->p == '}') {
			ctx->p++;
			break;
		}
		ret = pe_error(ctx, ctx->p, NULL, *ctx->p ? "parser error" :
			       "missing '}' at the end of the group");
		goto err;
	}
	if (*ctx->p == ':') {
		ctx->p++;
		/* Group modifiers change the members, not their names. */
		ret = modify_list(ctx, &members, false, false);
		if (ret)
			goto err;
	}
	list_for_each_entry(evsel, &members, node)
		nr++;
	leader = list_first_entry(&members, struct evsel, node);
	list_for_each_entry(evsel, &members, node)
		evsel->leader = leader;
	leader->nr_members = nr;
	if (brace > name) {
		leader->group_name = strndup(name, (size_t)(brace - name));
		if (!leader->group_name) {
			ret = -ENOMEM;
			goto err;
		}
	}
	list_splice_tail_init(&members, list);
	return 0;
err:
	{
		struct evsel *tmp;

		list_for_each_entry_safe(evsel, tmp, &members, node) {
			list_del_init(&evsel->node);
			evsel__delete(evsel);
		}
	}
	return ret;
}

static bool at_group(const char *p)
{
	size_t n = 0;

	while (isalnum((unsigned char)p[n]) || p[n] == '_' || p[n] == '-' || p[n] == '.')
		n++;
	return p[n] == '{';
}

int parse_events(struct evlist *evlist, const char *str,
		 struct parse_events_error *err)
{
	struct pe_ctx ctx = { .str = str, .p = str, .err = err };
	struct evsel *evsel, *tmp;
	LIST_HEAD(list);
	int ret = 0;

	for (;;) {
		skip_blanks(&ctx);
		if (at_group(ctx.p))
			ret = parse_group(&ctx, &list);
		else
			ret = parse_event(&ctx, &list);
		if (ret)
			break;
		skip_blanks(&ctx);
		if (*ctx.p == ',') {
			ctx.p++;
			if (!*ctx.p) {
				ret = pe_error(&ctx, ctx.p, NULL, "parser error");
				break;
			}
			continue;
		}
		if (!*ctx.p)
			break;
		ret = pe_error(&ctx, ctx.p, NULL, "parser error");
		break;
	}
	if (ret) {
		list_for_each_entry_safe(evsel, tmp, &list, node) {
			list_del_init(&evsel->node);
			evsel__delete(evsel);
		}
		return ret < 0 ? ret : -EINVAL;
	}

	/* Count groups the way evlist__set_leader() would. */
	list_for_each_entry(evsel, &list, node)
		if (evsel__is_group_leader(evsel) && evsel->nr_members > 1)
			evlist->nr_groups++;
	evlist__splice_list_tail(evlist, &list);
	return 0;
}

int parse_events_option(const struct option *opt, const char *str,
			int unset __maybe_unused)
{
	struct evlist *evlist = *(struct evlist **)opt->value;
	struct parse_events_error err;
	int ret;

	parse_events_error__init(&err);
	ret = parse_events(evlist, str, &err);
	if (ret) {
		parse_events_error__print(&err, str, stderr);
		fprintf(stderr, "Run 'perf list' for a list of valid events\n");
	}
	parse_events_error__exit(&err);
	return ret ? -1 : 0;
}

int parse_filter(const struct option *opt, const char *str,
		 int unset __maybe_unused)
{
	struct evlist *evlist = *(struct evlist **)opt->value;
	struct evsel *last = evlist__last(evlist);

	if (!last || last->attr.type != PERF_TYPE_TRACEPOINT) {
		fprintf(stderr,
			"--filter option should follow a -e tracepoint or HW tracer option\n");
		return -1;
	}
	free(last->filter);
	last->filter = strdup(str);
	return last->filter ? 0 : -1;
}
