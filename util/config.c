// SPDX-License-Identifier: GPL-2.0
/* Reading and writing perf's git-config style configuration files. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "debug.h"
#include "strbuf.h"
#include "zalloc.h"

#ifndef ETC_PERFCONFIG
#define ETC_PERFCONFIG "/etc/perfconfig"
#endif

/* The process's configuration, loaded on first use by perf_config(). */
static struct perf_config_set *config_set;

const char *perf_etc_perfconfig(void)
{
	const char *env = getenv("PERF_CONFIG_SYSTEM");

	return env && *env ? env : ETC_PERFCONFIG;
}

const char *perf_user_perfconfig(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("PERF_CONFIG");
	const char *home;

	if (env && *env)
		return env;
	home = getenv("HOME");
	if (!home || !*home)
		return NULL;
	if ((size_t)snprintf(path, sizeof(path), "%s/.perfconfig", home) >= sizeof(path))
		return NULL;
	return path;
}

/* ---- the set ---- */

static struct perf_config_section *find_section(struct perf_config_set *set,
						const char *name, size_t len)
{
	struct perf_config_section *s;

	for (s = set->sections; s; s = s->next)
		if (strlen(s->name) == len && !strncmp(s->name, name, len))
			return s;
	return NULL;
}

static struct perf_config_item *find_item(struct perf_config_section *s,
					  const char *name)
{
	struct perf_config_item *i;

	for (i = s->items; i; i = i->next)
		if (!strcmp(i->name, name))
			return i;
	return NULL;
}

/* Split "section.rest" into its two parts; -EINVAL without a dot. */
static int split_var(const char *var, size_t *seclen, const char **name)
{
	const char *dot = strchr(var, '.');

	if (!dot || dot == var || !dot[1])
		return -EINVAL;
	*seclen = (size_t)(dot - var);
	*name = dot + 1;
	return 0;
}

static int set_value(struct perf_config_set *set, const char *var,
		     const char *value, bool from_system)
{
	struct perf_config_section *s, **tail;
	struct perf_config_item *item, **itail;
	const char *name;
	size_t seclen;
	char *v = NULL;

	if (split_var(var, &seclen, &name))
		return -EINVAL;
	if (value) {
		v = strdup(value);
		if (!v)
			return -ENOMEM;
	}

	s = find_section(set, var, seclen);
	if (!s) {
		s = zalloc(sizeof(*s));
		if (!s || !(s->name = strndup(var, seclen))) {
			free(s);
			free(v);
			return -ENOMEM;
		}
		for (tail = &set->sections; *tail; tail = &(*tail)->next)
			;
		*tail = s;
	}

	item = find_item(s, name);
	if (item) {
		free(item->value);
		item->value = v;
		item->from_system = from_system;
		return 0;
	}
	item = zalloc(sizeof(*item));
	if (!item || !(item->name = strdup(name))) {
		free(item);
		free(v);
		return -ENOMEM;
	}
	item->value = v;
	item->from_system = from_system;
	for (itail = &s->items; *itail; itail = &(*itail)->next)
		;
	*itail = item;
	return 0;
}

int perf_config_set__set(struct perf_config_set *set, const char *var,
			 const char *value)
{
	return set_value(set, var, value, false);
}

const char *perf_config_set__get(struct perf_config_set *set, const char *var)
{
	struct perf_config_section *s;
	struct perf_config_item *item;
	const char *name;
	size_t seclen;

	if (!set || split_var(var, &seclen, &name))
		return NULL;
	s = find_section(set, var, seclen);
	if (!s)
		return NULL;
	item = find_item(s, name);
	return item ? item->value : NULL;
}

void perf_config_set__delete(struct perf_config_set *set)
{
	struct perf_config_section *s, *snext;
	struct perf_config_item *i, *inext;

	if (!set || IS_ERR(set))
		return;
	for (s = set->sections; s; s = snext) {
		snext = s->next;
		for (i = s->items; i; i = inext) {
			inext = i->next;
			free(i->name);
			free(i->value);
			free(i);
		}
		free(s->name);
		free(s);
	}
	free(set);
}

/* ---- parsing ---- */

struct config_parser {
	const char *path;
	const char *p;		/* cursor into the file's text */
	int line;
	struct strbuf section;	/* "section" or "section.subsection" */
};

static int parse_error(struct config_parser *cp)
{
	pr_err("bad config file line %d in %s\n", cp->line, cp->path);
	return -EINVAL;
}

/* "[section]" or "[section "subsection"]"; cursor is just after '['. */
static int parse_section(struct config_parser *cp)
{
	const char *p = cp->p;

	strbuf_reset(&cp->section);
	while (*p && (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.'))
		strbuf_addch(&cp->section, tolower((unsigned char)*p++));
	if (!cp->section.len)
		return parse_error(cp);
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '"') {
		strbuf_addch(&cp->section, '.');
		for (p++; *p && *p != '"' && *p != '\n'; p++) {
			if (*p == '\\' && p[1] && p[1] != '\n')
				p++;
			strbuf_addch(&cp->section, *p);
		}
		if (*p != '"')
			return parse_error(cp);
		p++;
	}
	if (*p != ']')
		return parse_error(cp);
	cp->p = p + 1;
	return 0;
}

/*
 * The value after '=': leading and trailing blanks dropped, "..." quotes
 * removed, \" \\ \n \t escapes decoded, # or ; outside quotes starts a
 * comment, and a backslash at the end of a line continues it.
 */
static int parse_value(struct config_parser *cp, struct strbuf *val)
{
	const char *p = cp->p;
	bool quoted = false;
	size_t keep = 0;	/* length without trailing blanks outside quotes */

	while (*p == ' ' || *p == '\t')
		p++;
	for (; *p && *p != '\n'; p++) {
		if (!quoted && (*p == '#' || *p == ';')) {
			while (*p && *p != '\n')
				p++;
			break;
		}
		if (*p == '"') {
			quoted = !quoted;
			keep = val->len;
			continue;
		}
		if (*p == '\\') {
			p++;
			switch (*p) {
			case '\n':
				cp->line++;
				continue;
			case 'n':  strbuf_addch(val, '\n'); break;
			case 't':  strbuf_addch(val, '\t'); break;
			case 'b':  strbuf_addch(val, '\b'); break;
			case '"':  strbuf_addch(val, '"'); break;
			case '\\': strbuf_addch(val, '\\'); break;
			default:
				return parse_error(cp);
			}
			keep = val->len;
			continue;
		}
		strbuf_addch(val, *p);
		if (quoted || (*p != ' ' && *p != '\t'))
			keep = val->len;
	}
	if (quoted)
		return parse_error(cp);
	val->len = keep;
	val->buf[keep] = '\0';
	cp->p = p;
	return 0;
}

static int parse_text(struct config_parser *cp, struct perf_config_set *set,
		      bool from_system)
{
	struct strbuf name = STRBUF_INIT, val = STRBUF_INIT, var = STRBUF_INIT;
	int err = 0;

	cp->line = 1;
	while (*cp->p && !err) {
		const char *p = cp->p;
		bool has_value = false;

		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (*p == '\n') {
			cp->p = p + 1;
			cp->line++;
			continue;
		}
		if (!*p)
			break;
		if (*p == '#' || *p == ';') {
			while (*p && *p != '\n')
				p++;
			cp->p = p;
			continue;
		}
		if (*p == '[') {
			cp->p = p + 1;
			err = parse_section(cp);
			continue;
		}
		if (!isalpha((unsigned char)*p) || !cp->section.len) {
			err = parse_error(cp);
			break;
		}
		strbuf_reset(&name);
		while (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.')
			strbuf_addch(&name, tolower((unsigned char)*p++));
		while (*p == ' ' || *p == '\t')
			p++;
		strbuf_reset(&val);
		cp->p = p;
		if (*p == '=') {
			cp->p = p + 1;
			has_value = true;
			err = parse_value(cp, &val);
			if (err)
				break;
		} else if (*p && *p != '\n' && *p != '#' && *p != ';' && *p != '\r') {
			err = parse_error(cp);
			break;
		} else {
			while (*cp->p && *cp->p != '\n')
				cp->p++;
		}
		strbuf_reset(&var);
		strbuf_addf(&var, "%s.%s", cp->section.buf, name.buf);
		err = set_value(set, var.buf, has_value ? val.buf : NULL, from_system);
	}
	strbuf_release(&name);
	strbuf_release(&val);
	strbuf_release(&var);
	return err;
}

/* Read @path into @set. A missing file is not an error. */
static int load_file(struct perf_config_set *set, const char *path,
		     bool from_system)
{
	struct config_parser cp = { .path = path, .section = STRBUF_INIT };
	struct strbuf text = STRBUF_INIT;
	char buf[4096];
	size_t n;
	int err;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return errno == ENOENT ? 0 : -errno;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (strbuf_add(&text, buf, n)) {
			fclose(f);
			strbuf_release(&text);
			return -ENOMEM;
		}
	}
	err = ferror(f) ? -EIO : 0;
	fclose(f);
	if (!err) {
		cp.p = text.buf;
		err = parse_text(&cp, set, from_system);
	}
	strbuf_release(&cp.section);
	strbuf_release(&text);
	return err;
}

struct perf_config_set *perf_config_set__load_file(const char *path)
{
	struct perf_config_set *set = zalloc(sizeof(*set));
	int err;

	if (!set)
		return ERR_PTR(-ENOMEM);
	err = load_file(set, path, false);
	if (err) {
		perf_config_set__delete(set);
		return ERR_PTR(err);
	}
	return set;
}

/*
 * ~/.perfconfig, skipped like the reference when it is not ours: a
 * user running with root's $HOME (sudo -E, setpriv) may not read it,
 * and a file someone else put in our home must not steer perf.
 */
static int load_user_file(struct perf_config_set *set, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return 0;
	if (st.st_uid && st.st_uid != geteuid()) {
		pr_warning("File %s not owned by current user or root, ignoring it.\n", path);
		return 0;
	}
	return load_file(set, path, false);
}

struct perf_config_set *perf_config_set__new(void)
{
	struct perf_config_set *set = zalloc(sizeof(*set));
	const char *user = perf_user_perfconfig();
	const char *nosys = getenv("PERF_CONFIG_NOSYSTEM");
	int err = 0;

	const char *env = getenv("PERF_CONFIG");
	const char *noglobal = getenv("PERF_CONFIG_NOGLOBAL");

	if (!set)
		return ERR_PTR(-ENOMEM);
	/* $PERF_CONFIG, even empty, is the whole configuration, as in the reference. */
	if (env) {
		if (*env)
			err = load_file(set, env, false);
		goto out;
	}
	if (!nosys || !*nosys || !strcmp(nosys, "0"))
		err = load_file(set, perf_etc_perfconfig(), true);
	if (!err && user && !(noglobal && *noglobal && strcmp(noglobal, "0")))
		err = load_user_file(set, user);
out:
	if (err) {
		perf_config_set__delete(set);
		return ERR_PTR(err);
	}
	return set;
}

/* ---- writing ---- */

static bool value_needs_quotes(const char *v)
{
	size_t len = strlen(v);

	if (!len)
		return false;
	return v[0] == ' ' || v[0] == '\t' || v[len - 1] == ' ' ||
	       v[len - 1] == '\t' || strpbrk(v, "#;\"\\\n\t");
}

static void write_value(FILE *f, const char *v)
{
	if (!value_needs_quotes(v)) {
		fputs(v, f);
		return;
	}
	fputc('"', f);
	for (; *v; v++) {
		switch (*v) {
		case '"':  fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		default:   fputc(*v, f); break;
		}
	}
	fputc('"', f);
}

int perf_config_set__write(struct perf_config_set *set, const char *path)
{
	struct perf_config_section *s;
	struct perf_config_item *i;
	struct strbuf tmp = STRBUF_INIT;
	int fd, err = 0;
	FILE *f;

	if (strbuf_addf(&tmp, "%s.XXXXXX", path))
		return -ENOMEM;
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		err = -errno;
		strbuf_release(&tmp);
		return err;
	}
	/* mkstemp() creates 0600; a config file is world-readable like any
	 * dotfile, less what the user's umask takes away. */
	{
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0644 & ~mask);
	}
	f = fdopen(fd, "w");
	if (!f) {
		err = -errno;
		close(fd);
		unlink(tmp.buf);
		strbuf_release(&tmp);
		return err;
	}
	fprintf(f, "# this file is auto-generated.\n");
	for (s = set->sections; s; s = s->next) {
		bool any = false;

		for (i = s->items; i; i = i->next)
			if (!i->from_system)
				any = true;
		if (!any)
			continue;
		fprintf(f, "[%s]\n", s->name);
		for (i = s->items; i; i = i->next) {
			if (i->from_system)
				continue;
			if (!i->value) {
				fprintf(f, "\t%s\n", i->name);
				continue;
			}
			fprintf(f, "\t%s = ", i->name);
			write_value(f, i->value);
			fputc('\n', f);
		}
	}
	if (fflush(f) || ferror(f) || fsync(fileno(f)))
		err = errno ? -errno : -EIO;
	if (fclose(f) && !err)
		err = -errno;
	if (!err && rename(tmp.buf, path))
		err = -errno;
	if (err)
		unlink(tmp.buf);
	strbuf_release(&tmp);
	return err;
}

/* ---- the process's configuration ---- */

int perf_config(config_fn_t fn, void *data)
{
	struct perf_config_section *s;
	struct perf_config_item *i;
	struct strbuf var = STRBUF_INIT;
	int ret = 0;

	if (!config_set) {
		config_set = perf_config_set__new();
		if (IS_ERR(config_set)) {
			ret = (int)PTR_ERR(config_set);
			/* Warned once; the defaults apply from now on. */
			config_set = zalloc(sizeof(*config_set));
			if (!config_set)
				return -ENOMEM;
			if (ret != -EINVAL)
				pr_warning("cannot read the perf config: %s\n",
					   strerror(-ret));
			return ret;
		}
	}
	for (s = config_set->sections; s && !ret; s = s->next) {
		for (i = s->items; i && !ret; i = i->next) {
			strbuf_reset(&var);
			strbuf_addf(&var, "%s.%s", s->name, i->name);
			ret = fn(var.buf, i->value, data);
		}
	}
	strbuf_release(&var);
	return ret;
}

void perf_config__exit(void)
{
	perf_config_set__delete(config_set);
	config_set = NULL;
}

/* ---- converters ---- */

static int bad_value(const char *name)
{
	pr_err("bad config value for '%s'\n", name);
	return -EINVAL;
}

int perf_config_int(int *dest, const char *name, const char *value)
{
	char *end;
	long v;

	if (!value)
		return bad_value(name);
	errno = 0;
	v = strtol(value, &end, 0);
	/* git's unit suffixes: k, m, g. */
	switch (*end) {
	case 'k': case 'K': v *= 1024; end++; break;
	case 'm': case 'M': v *= 1024 * 1024; end++; break;
	case 'g': case 'G': v *= 1024 * 1024 * 1024; end++; break;
	default: break;
	}
	if (end == value || *end || errno || v < INT_MIN || v > INT_MAX)
		return bad_value(name);
	*dest = (int)v;
	return 0;
}

int perf_config_u64(uint64_t *dest, const char *name, const char *value)
{
	unsigned long long v;
	char *end;

	if (!value || *value == '-')
		return bad_value(name);
	errno = 0;
	v = strtoull(value, &end, 0);
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	default: break;
	}
	if (end == value || *end || errno)
		return bad_value(name);
	*dest = v;
	return 0;
}

int perf_config_bool(bool *dest, const char *name, const char *value)
{
	int n;

	if (!value) {
		*dest = true;
		return 0;
	}
	if (!*value) {
		*dest = false;
		return 0;
	}
	if (!strcasecmp(value, "true") || !strcasecmp(value, "yes") ||
	    !strcasecmp(value, "on")) {
		*dest = true;
		return 0;
	}
	if (!strcasecmp(value, "false") || !strcasecmp(value, "no") ||
	    !strcasecmp(value, "off")) {
		*dest = false;
		return 0;
	}
	if (perf_config_int(&n, name, value))
		return -EINVAL;
	*dest = n != 0;
	return 0;
}
