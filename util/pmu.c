// SPDX-License-Identifier: GPL-2.0
/* Sysfs PMUs: discovery, format terms, named events, cpumask and caps. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cpumap.h"
#include "debug.h"
#include "fs.h"
#include "pmu.h"
#include "strbuf.h"
#include "util.h"
#include "zalloc.h"

#define EVENT_SOURCE_DEVICES "bus/event_source/devices"

/* Every PMU loaded so far, kept in pmu_name__cmp() order. */
static LIST_HEAD(pmus);
/* The whole devices/ directory has been read: a name not in pmus is absent. */
static bool pmus_all_loaded;

/*
 * Terms the event parser handles itself, listed after a PMU's formats in
 * the "valid terms" hint. The order is the reference perf's.
 */
static const char *const generic_terms[] = {
	"config", "config1", "config2", "config3", "name", "period", "freq",
	"branch_type", "time", "call-graph", "stack-size", "no-inherit",
	"inherit", "max-stack", "nr", "no-overwrite", "overwrite",
	"driver-config", "percore", "aux-output", "aux-sample-size",
	"metric-id",
};

static const struct {
	const char *name;
	enum perf_pmu_format_value value;
} config_fields[] = {
	{ "config",  PERF_PMU_FORMAT_VALUE_CONFIG },
	{ "config1", PERF_PMU_FORMAT_VALUE_CONFIG1 },
	{ "config2", PERF_PMU_FORMAT_VALUE_CONFIG2 },
	{ "config3", PERF_PMU_FORMAT_VALUE_CONFIG3 },
};

/* Files beside events/<name> that qualify it rather than name an event. */
static const char *const alias_sidecars[] = {
	".scale", ".unit", ".per-pkg", ".snapshot",
};

/*
 * Numbered instances sort by number ("uncore_imc_2" before
 * "uncore_imc_10"), which is how a person scans perf list; the rest is
 * byte order. Ties from leading zeros fall back to strcmp() so the order
 * stays total.
 */
static int pmu_name__cmp(const char *a, const char *b)
{
	const char *pa = a, *pb = b;

	while (*pa && *pb) {
		if (isdigit((unsigned char)*pa) && isdigit((unsigned char)*pb)) {
			size_t la, lb;
			int r;

			while (*pa == '0' && isdigit((unsigned char)pa[1]))
				pa++;
			while (*pb == '0' && isdigit((unsigned char)pb[1]))
				pb++;
			for (la = 0; isdigit((unsigned char)pa[la]); la++)
				;
			for (lb = 0; isdigit((unsigned char)pb[lb]); lb++)
				;
			if (la != lb)
				return la < lb ? -1 : 1;
			r = memcmp(pa, pb, la);
			if (r)
				return r;
			pa += la;
			pb += lb;
			continue;
		}
		if (*pa != *pb)
			return (unsigned char)*pa < (unsigned char)*pb ? -1 : 1;
		pa++;
		pb++;
	}
	if (*pa || *pb)
		return *pa ? 1 : -1;
	return strcmp(a, b);
}

/* A directory entry we may turn into a path: no "..", no '/', no hidden files. */
static bool sysfs_name__valid(const char *name)
{
	return name[0] && name[0] != '.' && !strchr(name, '/') &&
	       strlen(name) < NAME_MAX;
}

/* <sysfs>/bus/event_source/devices[/@pmu[/@sub]] into @buf. */
static int pmu__path(char *buf, size_t size, const char *pmu, const char *sub)
{
	int n;

	n = snprintf(buf, size, "%s/" EVENT_SOURCE_DEVICES "%s%s%s%s",
		     sysfs__mountpoint(), pmu ? "/" : "", pmu ? pmu : "",
		     sub ? "/" : "", sub ? sub : "");
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

/*
 * Read a small sysfs file with the surrounding blanks (the kernel's
 * trailing newline) removed. Returns 0 with *@out malloc'ed, or -errno.
 */
static int sysfs_file__read_trimmed(const char *path, char **out)
{
	char *buf, *start, *end;
	size_t len;
	int err = filename__read_str(path, &buf, &len);

	if (err)
		return err;
	/* A NUL inside the file ends the content: nothing after it is trusted. */
	len = strlen(buf);
	start = buf;
	while (isspace((unsigned char)*start))
		start++;
	end = buf + len;
	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	if (start != buf)
		memmove(buf, start, (size_t)(end - start) + 1);
	*out = buf;
	return 0;
}

/* Decimal digits only, no sign, no blanks; 0 or -EINVAL/-ERANGE. */
static int str__parse_u64_dec(const char *s, uint64_t *value)
{
	uint64_t v = 0;

	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		unsigned int d;

		if (!isdigit((unsigned char)*s))
			return -EINVAL;
		d = (unsigned int)(*s - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -ERANGE;
		v = v * 10 + d;
	}
	*value = v;
	return 0;
}

/* A term value: 0x hex or decimal, unsigned, the whole of [s, s + len). */
static int str__parse_u64(const char *s, size_t len, uint64_t *value)
{
	uint64_t v = 0;
	unsigned int base = 10;
	size_t i = 0;

	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	}
	if (i == len)
		return -EINVAL;
	for (; i < len; i++) {
		unsigned int d;
		char c = s[i];

		if (isdigit((unsigned char)c))
			d = (unsigned int)(c - '0');
		else if (base == 16 && isxdigit((unsigned char)c))
			d = (unsigned int)(tolower((unsigned char)c) - 'a' + 10);
		else
			return -EINVAL;
		if (v > (UINT64_MAX - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	*value = v;
	return 0;
}

/* ---- format terms ---- */

/* One bit number, 0..63, decimal; advances *@s past it. */
static int format_bit__parse(const char **s, unsigned int *bit)
{
	const char *p = *s;
	unsigned int v = 0;

	if (!isdigit((unsigned char)*p))
		return -EINVAL;
	while (isdigit((unsigned char)*p)) {
		v = v * 10 + (unsigned int)(*p - '0');
		if (v > 63)
			return -EINVAL;
		p++;
	}
	*s = p;
	*bit = v;
	return 0;
}

int perf_pmu_format__parse(const char *text, enum perf_pmu_format_value *value,
			   uint64_t *bits)
{
	const char *s = text, *colon;
	uint64_t mask = 0;
	size_t i, len;
	int field = -1;

	if (!text)
		return -EINVAL;
	while (isspace((unsigned char)*s))
		s++;
	colon = strchr(s, ':');
	if (!colon)
		return -EINVAL;
	len = (size_t)(colon - s);
	for (i = 0; i < ARRAY_SIZE(config_fields); i++) {
		if (strlen(config_fields[i].name) == len &&
		    !memcmp(config_fields[i].name, s, len)) {
			field = (int)i;
			break;
		}
	}
	if (field < 0)
		return -EINVAL;
	s = colon + 1;
	for (;;) {
		unsigned int lo, hi;

		if (format_bit__parse(&s, &lo))
			return -EINVAL;
		hi = lo;
		if (*s == '-') {
			s++;
			if (format_bit__parse(&s, &hi) || hi < lo)
				return -EINVAL;
		}
		/* Bits lo..hi; written so that no shift reaches 64. */
		mask |= (~0ULL >> (63 - hi)) & ~((1ULL << lo) - 1);
		if (*s != ',')
			break;
		s++;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s)
		return -EINVAL;
	*value = config_fields[field].value;
	*bits = mask;
	return 0;
}

uint64_t perf_pmu_format__max(const struct perf_pmu_format *format)
{
	int n = __builtin_popcountll(format->bits);

	return n >= 64 ? UINT64_MAX : (1ULL << n) - 1;
}

/* The attr field for @value, or NULL when this build cannot hold it. */
static uint64_t *attr__config_field(struct perf_event_attr *attr,
				    enum perf_pmu_format_value value)
{
	switch (value) {
	case PERF_PMU_FORMAT_VALUE_CONFIG:
		return (uint64_t *)&attr->config;
	case PERF_PMU_FORMAT_VALUE_CONFIG1:
		return (uint64_t *)&attr->config1;
	case PERF_PMU_FORMAT_VALUE_CONFIG2:
		return (uint64_t *)&attr->config2;
	case PERF_PMU_FORMAT_VALUE_CONFIG3:
		/*
		 * config3 arrived in Linux 6.3 together with attr size
		 * version 8; older uapi headers have no field to put it in.
		 */
#ifdef PERF_ATTR_SIZE_VER8
		return (uint64_t *)&attr->config3;
#else
		return NULL;
#endif
	default:
		return NULL;
	}
}

int perf_pmu__format_apply(const struct perf_pmu_format *format,
			   uint64_t value, struct perf_event_attr *attr)
{
	uint64_t *field, mask, spread = 0;

	if (value > perf_pmu_format__max(format))
		return -ERANGE;
	field = attr__config_field(attr, format->value);
	if (!field)
		return format->value == PERF_PMU_FORMAT_VALUE_CONFIG3 ?
			-EOPNOTSUPP : -EINVAL;
	for (mask = format->bits; mask; mask &= mask - 1, value >>= 1)
		if (value & 1)
			spread |= mask & -mask;
	*field = (*field & ~format->bits) | spread;
	return 0;
}

/* Attr field, then lowest bit, then name: the order a config is laid out in. */
static int perf_pmu_format__cmp(const struct perf_pmu_format *a,
				const struct perf_pmu_format *b)
{
	int la = __builtin_ctzll(a->bits), lb = __builtin_ctzll(b->bits);

	if (a->value != b->value)
		return a->value < b->value ? -1 : 1;
	if (la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void perf_pmu__add_format(struct perf_pmu *pmu, const char *dir,
				 const char *name)
{
	struct perf_pmu_format *format, *pos;
	enum perf_pmu_format_value value;
	char path[PATH_MAX], *text;
	uint64_t bits;
	int n, err;

	n = snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof(path))
		return;
	err = sysfs_file__read_trimmed(path, &text);
	if (err) {
		pr_debug("pmu %s: cannot read format '%s': %s\n",
			 pmu->name, name, strerror(-err));
		return;
	}
	err = perf_pmu_format__parse(text, &value, &bits);
	if (err) {
		pr_debug("pmu %s: ignoring malformed format '%s': '%s'\n",
			 pmu->name, name, text);
		free(text);
		return;
	}
	free(text);
	format = zalloc(sizeof(*format));
	if (!format || !(format->name = strdup(name))) {
		free(format);
		return;
	}
	format->value = value;
	format->bits = bits;
	list_for_each_entry(pos, &pmu->formats, list)
		if (perf_pmu_format__cmp(format, pos) < 0)
			break;
	list_add_tail(&format->list, &pos->list);
}

static void perf_pmu__load_formats(struct perf_pmu *pmu)
{
	char dir[PATH_MAX];
	struct dirent *de;
	DIR *d;

	if (pmu__path(dir, sizeof(dir), pmu->name, "format"))
		return;
	d = opendir(dir);
	if (!d)
		return;
	while ((de = readdir(d)) != NULL)
		if (sysfs_name__valid(de->d_name))
			perf_pmu__add_format(pmu, dir, de->d_name);
	closedir(d);
}

/* ---- event term lists ---- */

/**
 * struct pmu_term - one "name[=value]" item of a term list
 * @offset: byte offset of the term in the list, for error carets
 * @is_param: the value is "?", a parameter the user has to give
 */
struct pmu_term {
	const char *name;
	size_t name_len;
	uint64_t value;
	bool is_param;
	int offset;
};

static bool term_char__valid(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-';
}

/*
 * Split the next term off *@s (the list starting at @start). Returns 1
 * when a term was read, 0 at the end, -EINVAL or -ERANGE for a malformed
 * one with @term->offset pointing at it.
 */
static int pmu_term__next(const char *start, const char **s,
			  struct pmu_term *term)
{
	const char *p = *s, *v;
	size_t vlen;

	if (!*p)
		return 0;
	if (p != start) {
		/* Between terms: exactly one comma, and something after it. */
		if (*p != ',' || !p[1]) {
			term->offset = (int)(p - start);
			return -EINVAL;
		}
		p++;
	}
	term->offset = (int)(p - start);
	term->name = p;
	while (term_char__valid(*p))
		p++;
	term->name_len = (size_t)(p - term->name);
	if (!term->name_len)
		return -EINVAL;
	term->value = 1;
	term->is_param = false;
	if (*p == '=') {
		v = ++p;
		while (*p && *p != ',')
			p++;
		vlen = (size_t)(p - v);
		if (vlen == 1 && *v == '?') {
			term->is_param = true;
		} else {
			int err = str__parse_u64(v, vlen, &term->value);

			if (err)
				return err;
		}
	}
	if (*p && *p != ',')
		return -EINVAL;
	*s = p;
	return 1;
}

/* An events/ file we can expand later: a non-empty, well-formed term list. */
static bool pmu_terms__valid(const char *terms)
{
	struct pmu_term term;
	const char *s = terms;
	int ret, n = 0;

	while ((ret = pmu_term__next(terms, &s, &term)) > 0)
		n++;
	return ret == 0 && n > 0;
}

int perf_pmu__config_terms(struct perf_pmu *pmu, const char *terms,
			   struct perf_event_attr *attr, int *err_idx)
{
	struct pmu_term term = { .offset = 0 };
	const char *s = terms;
	int ret;

	if (!terms)
		return -EINVAL;
	while ((ret = pmu_term__next(terms, &s, &term)) > 0) {
		struct perf_pmu_format *format;
		char name[64];
		uint64_t *field;
		size_t i;

		if (term.is_param || term.name_len >= sizeof(name)) {
			ret = -EINVAL;
			break;
		}
		memcpy(name, term.name, term.name_len);
		name[term.name_len] = '\0';
		format = pmu ? perf_pmu__find_format(pmu, name) : NULL;
		if (format) {
			ret = perf_pmu__format_apply(format, term.value, attr);
			if (ret)
				break;
			continue;
		}
		ret = -EINVAL;
		for (i = 0; i < ARRAY_SIZE(config_fields); i++) {
			if (strcmp(config_fields[i].name, name))
				continue;
			field = attr__config_field(attr, config_fields[i].value);
			if (!field) {
				ret = -EOPNOTSUPP;
				break;
			}
			*field = term.value;
			ret = 0;
			break;
		}
		if (ret)
			break;
	}
	if (ret < 0 && err_idx)
		*err_idx = term.offset;
	return ret < 0 ? ret : 0;
}

/* ---- named events ---- */

static void perf_pmu_alias__delete(struct perf_pmu_alias *alias)
{
	if (!alias)
		return;
	zfree(&alias->name);
	zfree(&alias->terms);
	zfree(&alias->unit);
	zfree(&alias->desc);
	free(alias);
}

/*
 * Parse a .scale file. The kernel always writes a '.' decimal point, so
 * the C locale is used whatever LC_NUMERIC the user runs with.
 */
static bool scale__parse(const char *s, double *scale)
{
	locale_t c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	char *end;
	double v;

	if (!c_locale)
		return false;
	errno = 0;
	v = strtod_l(s, &end, c_locale);
	freelocale(c_locale);
	if (end == s || *end || errno || !isfinite(v) || v <= 0)
		return false;
	*scale = v;
	return true;
}

/*
 * Read events/<@file>@suffix into *@out (trimmed, malloc'ed). Returns
 * false when the file is absent or unreadable, which is the usual case.
 */
static bool alias_sidecar__read(const char *dir, const char *file,
				const char *suffix, char **out)
{
	char path[PATH_MAX];
	int n = snprintf(path, sizeof(path), "%s/%s%s", dir, file, suffix);

	if (n < 0 || (size_t)n >= sizeof(path))
		return false;
	return sysfs_file__read_trimmed(path, out) == 0;
}

/* A .per-pkg or .snapshot flag: "1" or "0"; anything else is false. */
static bool alias_flag__read(const struct perf_pmu *pmu, const char *dir,
			     const char *file, const char *suffix)
{
	char *text;
	bool ret = false;

	if (!alias_sidecar__read(dir, file, suffix, &text))
		return false;
	if (!strcmp(text, "1"))
		ret = true;
	else if (strcmp(text, "0"))
		pr_debug("pmu %s: ignoring malformed %s%s: '%s'\n",
			 pmu->name, file, suffix, text);
	free(text);
	return ret;
}

static bool alias_name__is_sidecar(const char *name)
{
	size_t len = strlen(name), i;

	for (i = 0; i < ARRAY_SIZE(alias_sidecars); i++) {
		size_t slen = strlen(alias_sidecars[i]);

		if (len > slen && !strcmp(name + len - slen, alias_sidecars[i]))
			return true;
	}
	return false;
}

static void perf_pmu__add_alias(struct perf_pmu *pmu, const char *dir,
				const char *file)
{
	struct perf_pmu_alias *alias, *pos;
	char path[PATH_MAX], *text;
	int n, err, cmp = 1;

	n = snprintf(path, sizeof(path), "%s/%s", dir, file);
	if (n < 0 || (size_t)n >= sizeof(path))
		return;
	err = sysfs_file__read_trimmed(path, &text);
	if (err) {
		pr_debug("pmu %s: cannot read event '%s': %s\n",
			 pmu->name, file, strerror(-err));
		return;
	}
	if (!pmu_terms__valid(text)) {
		pr_debug("pmu %s: ignoring malformed event '%s': '%s'\n",
			 pmu->name, file, text);
		free(text);
		return;
	}
	alias = zalloc(sizeof(*alias));
	if (!alias || !(alias->name = strdup(file))) {
		free(alias);
		free(text);
		return;
	}
	alias->terms = text;

	alias->scale = 1.0;
	if (alias_sidecar__read(dir, file, ".scale", &text)) {
		if (!scale__parse(text, &alias->scale))
			pr_debug("pmu %s: ignoring malformed %s.scale: '%s'\n",
				 pmu->name, file, text);
		free(text);
	}
	if (alias_sidecar__read(dir, file, ".unit", &text)) {
		if (*text)
			alias->unit = text;
		else
			free(text);
	}
	alias->per_pkg = alias_flag__read(pmu, dir, file, ".per-pkg");
	alias->snapshot = alias_flag__read(pmu, dir, file, ".snapshot");

	/* Kept in the sysfs spelling, ordered and looked up without case. */
	list_for_each_entry(pos, &pmu->aliases, list) {
		cmp = strcasecmp(alias->name, pos->name);
		if (cmp <= 0)
			break;
	}
	if (cmp == 0) {
		/* "Foo" and "foo" in one directory: only one can be looked up. */
		pr_debug("pmu %s: ignoring duplicate event '%s'\n",
			 pmu->name, file);
		perf_pmu_alias__delete(alias);
		return;
	}
	list_add_tail(&alias->list, &pos->list);
}

static void perf_pmu__load_aliases(struct perf_pmu *pmu)
{
	char dir[PATH_MAX];
	struct dirent *de;
	DIR *d;

	if (pmu__path(dir, sizeof(dir), pmu->name, "events"))
		return;
	d = opendir(dir);
	if (!d)
		return;
	while ((de = readdir(d)) != NULL)
		if (sysfs_name__valid(de->d_name) &&
		    !alias_name__is_sidecar(de->d_name))
			perf_pmu__add_alias(pmu, dir, de->d_name);
	closedir(d);
}

/* ---- caps ---- */

static int caps__cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void perf_pmu__load_caps(struct perf_pmu *pmu)
{
	char dir[PATH_MAX], path[PATH_MAX], **caps = NULL;
	size_t nr = 0, alloc = 0;
	struct dirent *de;
	const char *mp;
	DIR *d;

	if (pmu__path(dir, sizeof(dir), pmu->name, "caps"))
		return;
	d = opendir(dir);
	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		char *text, *cap;
		int n;

		if (!sysfs_name__valid(de->d_name))
			continue;
		n = snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (n < 0 || (size_t)n >= sizeof(path) ||
		    sysfs_file__read_trimmed(path, &text))
			continue;
		n = asprintf(&cap, "%s=%s", de->d_name, text);
		free(text);
		if (n < 0)
			continue;
		/* One spare slot for the NULL terminator. */
		if (nr + 2 > alloc) {
			size_t nalloc = alloc ? alloc * 2 : 8;
			char **ncaps = realloc(caps, nalloc * sizeof(*caps));

			if (!ncaps) {
				free(cap);
				continue;
			}
			caps = ncaps;
			alloc = nalloc;
		}
		caps[nr++] = cap;
	}
	closedir(d);
	if (!caps)
		return;
	qsort(caps, nr, sizeof(*caps), caps__cmp);
	caps[nr] = NULL;
	pmu->caps = caps;

	mp = perf_pmu__find_cap(pmu, "max_precise");
	if (mp) {
		uint64_t v;

		if (!str__parse_u64_dec(mp, &v) && v <= INT_MAX)
			pmu->max_precise = (int)v;
		else
			pr_debug("pmu %s: ignoring malformed caps/max_precise: '%s'\n",
				 pmu->name, mp);
	}
}

const char *perf_pmu__find_cap(struct perf_pmu *pmu, const char *name)
{
	size_t len;
	char **cap;

	if (!pmu || !pmu->caps || !name)
		return NULL;
	len = strlen(name);
	for (cap = pmu->caps; *cap; cap++)
		if (!strncmp(*cap, name, len) && (*cap)[len] == '=')
			return *cap + len + 1;
	return NULL;
}

/* ---- one PMU ---- */

static void perf_pmu__delete(struct perf_pmu *pmu)
{
	struct perf_pmu_format *format, *ftmp;
	struct perf_pmu_alias *alias, *atmp;
	char **cap;

	if (!pmu)
		return;
	list_for_each_entry_safe(format, ftmp, &pmu->formats, list) {
		list_del_init(&format->list);
		zfree(&format->name);
		free(format);
	}
	list_for_each_entry_safe(alias, atmp, &pmu->aliases, list) {
		list_del_init(&alias->list);
		perf_pmu_alias__delete(alias);
	}
	if (pmu->caps) {
		for (cap = pmu->caps; *cap; cap++)
			free(*cap);
		zfree(&pmu->caps);
	}
	perf_cpu_map__put(pmu->cpus);
	zfree(&pmu->name);
	free(pmu);
}

/*
 * "cpumask" (uncore and software-ish PMUs) or "cpus" (the core PMUs of
 * heterogeneous systems, arm_pmu and x86 hybrid). Returns which file was
 * found: 'm', 'c', or 0 for neither.
 */
static int perf_pmu__load_cpus(struct perf_pmu *pmu)
{
	static const char *const files[] = { "cpumask", "cpus" };
	char path[PATH_MAX], *text;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		if (pmu__path(path, sizeof(path), pmu->name, files[i]) ||
		    sysfs_file__read_trimmed(path, &text))
			continue;
		/* An empty list would parse as "any CPU", which it does not say. */
		if (*text)
			pmu->cpus = perf_cpu_map__new(text);
		if (*text && !pmu->cpus)
			pr_debug("pmu %s: ignoring malformed %s: '%s'\n",
				 pmu->name, files[i], text);
		free(text);
		return i == 0 ? 'm' : 'c';
	}
	return 0;
}

/*
 * A core PMU is the CPU's own PMU, whose events follow a task across
 * CPUs. The kernel names it "cpu" on x86 (type PERF_TYPE_RAW), and on
 * riscv (the SBI PMU); x86 hybrid parts have "cpu_core" and "cpu_atom".
 * arm_pmu instances (armv8_pmuv3_0, armv8_cortex_a53, armv7_cortex_a15)
 * are the only ones with a "cpus" file besides x86 hybrid, and older
 * kernels without that file still use the "armv" prefix. The kernel gives
 * type PERF_TYPE_RAW to a core PMU only.
 */
static bool perf_pmu__is_core(const struct perf_pmu *pmu, int cpus_file)
{
	if (!strcmp(pmu->name, "cpu") || !strcmp(pmu->name, "cpu_core") ||
	    !strcmp(pmu->name, "cpu_atom"))
		return true;
	if (cpus_file == 'c' || strstarts(pmu->name, "armv"))
		return true;
	return pmu->type == PERF_TYPE_RAW;
}

/* Read one PMU directory; NULL if it is not a usable PMU (no valid type). */
static struct perf_pmu *perf_pmu__load(const char *name)
{
	struct perf_pmu *pmu;
	char path[PATH_MAX], *text;
	uint64_t type;
	int err, cpus_file;

	if (pmu__path(path, sizeof(path), name, "type"))
		return NULL;
	err = sysfs_file__read_trimmed(path, &text);
	if (err) {
		if (err != -ENOENT && err != -ENOTDIR)
			pr_debug("pmu %s: cannot read type: %s\n", name, strerror(-err));
		return NULL;
	}
	err = str__parse_u64_dec(text, &type);
	if (err || type > UINT32_MAX) {
		pr_debug("pmu %s: ignoring PMU with malformed type '%s'\n", name, text);
		free(text);
		return NULL;
	}
	free(text);

	pmu = zalloc(sizeof(*pmu));
	if (!pmu)
		return NULL;
	INIT_LIST_HEAD(&pmu->formats);
	INIT_LIST_HEAD(&pmu->aliases);
	INIT_LIST_HEAD(&pmu->list);
	pmu->max_precise = -1;
	pmu->type = (uint32_t)type;
	pmu->name = strdup(name);
	if (!pmu->name) {
		free(pmu);
		return NULL;
	}
	cpus_file = perf_pmu__load_cpus(pmu);
	pmu->is_core = perf_pmu__is_core(pmu, cpus_file);
	pmu->is_uncore = !pmu->is_core && cpus_file == 'm';
	perf_pmu__load_formats(pmu);
	perf_pmu__load_aliases(pmu);
	perf_pmu__load_caps(pmu);
	return pmu;
}

struct perf_pmu_format *perf_pmu__find_format(struct perf_pmu *pmu,
					      const char *name)
{
	struct perf_pmu_format *format;

	if (!pmu || !name)
		return NULL;
	list_for_each_entry(format, &pmu->formats, list)
		if (!strcmp(format->name, name))
			return format;
	return NULL;
}

struct perf_pmu_alias *perf_pmu__find_alias(struct perf_pmu *pmu,
					    const char *name)
{
	struct perf_pmu_alias *alias;

	if (!pmu || !name)
		return NULL;
	list_for_each_entry(alias, &pmu->aliases, list)
		if (!strcasecmp(alias->name, name))
			return alias;
	return NULL;
}

char *perf_pmu__valid_terms(struct perf_pmu *pmu)
{
	struct strbuf sb = STRBUF_INIT;
	struct perf_pmu_format *format;
	size_t i;
	int err = 0;

	if (pmu) {
		list_for_each_entry(format, &pmu->formats, list)
			err |= strbuf_addf(&sb, "%s,", format->name);
	}
	for (i = 0; i < ARRAY_SIZE(generic_terms); i++)
		err |= strbuf_addf(&sb, i ? ",%s" : "%s", generic_terms[i]);
	if (err) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

/* ---- the set of PMUs ---- */

static void pmus__insert(struct perf_pmu *pmu)
{
	struct perf_pmu *pos;

	list_for_each_entry(pos, &pmus, list)
		if (pmu_name__cmp(pmu->name, pos->name) < 0)
			break;
	list_add_tail(&pmu->list, &pos->list);
}

static struct perf_pmu *pmus__find_loaded(const char *name)
{
	struct perf_pmu *pmu;

	list_for_each_entry(pmu, &pmus, list)
		if (!strcmp(pmu->name, name))
			return pmu;
	return NULL;
}

static void pmus__load_all(void)
{
	char dir[PATH_MAX];
	struct dirent *de;
	DIR *d;

	if (pmus_all_loaded)
		return;
	/* Set first: an unreadable sysfs is not retried on every scan. */
	pmus_all_loaded = true;
	if (pmu__path(dir, sizeof(dir), NULL, NULL))
		return;
	d = opendir(dir);
	if (!d) {
		pr_debug("cannot read '%s': %s\n", dir, strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		struct perf_pmu *pmu;

		if (!sysfs_name__valid(de->d_name) ||
		    pmus__find_loaded(de->d_name))
			continue;
		pmu = perf_pmu__load(de->d_name);
		if (pmu)
			pmus__insert(pmu);
	}
	closedir(d);
}

struct perf_pmu *perf_pmus__find(const char *name)
{
	struct perf_pmu *pmu;

	if (!name || !sysfs_name__valid(name))
		return NULL;
	pmu = pmus__find_loaded(name);
	if (pmu || pmus_all_loaded)
		return pmu;
	pmu = perf_pmu__load(name);
	if (pmu)
		pmus__insert(pmu);
	return pmu;
}

struct perf_pmu *perf_pmus__find_by_type(uint32_t type)
{
	struct perf_pmu *pmu;

	/* Loaded ones first: perf report asks this for every evsel. */
	list_for_each_entry(pmu, &pmus, list)
		if (pmu->type == type)
			return pmu;
	if (pmus_all_loaded)
		return NULL;
	pmus__load_all();
	list_for_each_entry(pmu, &pmus, list)
		if (pmu->type == type)
			return pmu;
	return NULL;
}

struct perf_pmu *perf_pmus__scan(struct perf_pmu *pmu)
{
	pmus__load_all();
	if (!pmu)
		return list_empty(&pmus) ? NULL :
			list_first_entry(&pmus, struct perf_pmu, list);
	if (pmu->list.next == &pmus)
		return NULL;
	return list_entry(pmu->list.next, struct perf_pmu, list);
}

struct perf_pmu *perf_pmus__find_core_pmu(void)
{
	struct perf_pmu *pmu, *first = NULL;

	/* x86 and riscv: one lookup, no need to read every PMU. */
	pmu = perf_pmus__find("cpu");
	if (pmu && pmu->is_core)
		return pmu;
	/*
	 * Hybrid and big.LITTLE systems have several: prefer the one the
	 * kernel gave PERF_TYPE_RAW (cpu_core), else the first by name.
	 */
	for (pmu = perf_pmus__scan(NULL); pmu; pmu = perf_pmus__scan(pmu)) {
		if (!pmu->is_core)
			continue;
		if (pmu->type == PERF_TYPE_RAW)
			return pmu;
		if (!first)
			first = pmu;
	}
	return first;
}

void perf_pmus__destroy(void)
{
	struct perf_pmu *pmu, *tmp;

	list_for_each_entry_safe(pmu, tmp, &pmus, list) {
		list_del_init(&pmu->list);
		perf_pmu__delete(pmu);
	}
	pmus_all_loaded = false;
}
