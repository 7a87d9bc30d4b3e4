// SPDX-License-Identifier: GPL-2.0
/* perf config: list, get and set variables of the configuration files. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "util/config.h"
#include "util/debug.h"
#include "util/parse-options.h"
#include "util/util.h"

/**
 * struct config_cmd - what one `perf config` invocation works on
 * @file:	the one file read and written (--system, --user or
 *		$PERF_CONFIG), or NULL for the default: read the system and
 *		the user file, write the user file
 * @write_path:	where settings go; NULL when there is nowhere to write
 *		($HOME unset and no file named)
 * @view:	what gets and --list see
 * @target:	what is written back; @view itself when @file is set,
 *		else the user file alone, loaded on the first assignment so
 *		that system settings are not copied into it
 */
struct config_cmd {
	bool list;
	bool use_system;
	bool use_user;
	const char *file;
	const char *write_path;
	struct perf_config_set *view;
	struct perf_config_set *target;
	char home_path[PATH_MAX];
};

/*
 * --user means ~/.perfconfig even when $PERF_CONFIG names another file,
 * as in the reference, so this does not go through perf_user_perfconfig().
 */
static const char *home_perfconfig(struct config_cmd *c)
{
	const char *home = getenv("HOME");

	if (!home || !*home)
		return NULL;
	if ((size_t)snprintf(c->home_path, sizeof(c->home_path), "%s/.perfconfig",
			     home) >= sizeof(c->home_path))
		return NULL;
	return c->home_path;
}

/*
 * The reference reads $PERF_CONFIG instead of both default files, which is
 * how its manual tells users to test a file or (with /dev/null) to run
 * without configuration.
 */
static void choose_files(struct config_cmd *c)
{
	const char *env = getenv("PERF_CONFIG");

	if (c->use_system)
		c->file = perf_etc_perfconfig();
	else if (c->use_user)
		c->file = home_perfconfig(c);
	else if (env && *env)
		c->file = env;
	c->write_path = c->file ? c->file : home_perfconfig(c);
}

static void show_set(struct perf_config_set *set)
{
	struct perf_config_section *s;
	struct perf_config_item *i;

	for (s = set->sections; s; s = s->next)
		for (i = s->items; i; i = i->next)
			if (i->value)
				printf("%s.%s=%s\n", s->name, i->name, i->value);
			else
				printf("%s.%s\n", s->name, i->name);
}

/*
 * Checks one "section.name[=value]" argument the way the reference does, so
 * that the same argument fails with the same message. Stricter in one case:
 * "section.=value" is refused here, the reference writes a file it cannot
 * read back. On success *namelen is the length of the name part.
 */
static int check_arg(const char *arg, size_t *namelen)
{
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	const char *dot = memchr(arg, '.', len);

	if (!dot || dot == arg) {
		pr_err("The config variable does not contain a section name: %s\n", arg);
		return -EINVAL;
	}
	if (dot + 1 == arg + len) {
		pr_err("The config variable does not contain a variable name: %s\n", arg);
		return -EINVAL;
	}
	if (eq && !eq[1]) {
		pr_err("The config variable does not contain a value: %s\n", arg);
		return -EINVAL;
	}
	*namelen = len;
	return 0;
}

/* Files that exist but cannot be parsed were already named by the loader. */
static struct perf_config_set *load(const char *path)
{
	struct perf_config_set *set;

	set = path ? perf_config_set__load_file(path) : perf_config_set__new();
	if (IS_ERR(set) && PTR_ERR(set) != -EINVAL) {
		if (path)
			pr_err("Error: cannot read '%s': %s\n", path,
			       strerror((int)-PTR_ERR(set)));
		else
			pr_err("Error: cannot read the config files: %s\n",
			       strerror((int)-PTR_ERR(set)));
	}
	return set;
}

static int assign(struct config_cmd *c, const char *name, const char *value)
{
	int err;

	if (!c->write_path) {
		pr_err("Failed to set the configs: $HOME is not set\n");
		return -EINVAL;
	}
	if (!c->target) {
		/*
		 * A file the loader could not parse is not rewritten: the
		 * reference drops its unreadable lines, we keep them.
		 */
		c->target = c->file ? c->view : load(c->write_path);
		if (IS_ERR(c->target)) {
			c->target = NULL;
			return -EINVAL;
		}
	}
	err = perf_config_set__set(c->target, name, value);
	if (!err && c->target != c->view)
		err = perf_config_set__set(c->view, name, value);
	if (err)
		pr_err("Failed to add '%s=%s'\n", name, value);
	return err;
}

static int get_or_set(struct config_cmd *c, int argc, const char **argv)
{
	int i;

	for (i = 0; i < argc; i++) {
		const char *arg = argv[i];
		const char *value;
		size_t namelen;
		char *name, *p;
		int err;

		if (check_arg(arg, &namelen))
			return -EINVAL;
		name = strndup(arg, namelen);
		if (!name)
			return -ENOMEM;
		/* Names are case-insensitive, as in the files (git semantics). */
		for (p = name; *p; p++)
			*p = (char)tolower((unsigned char)*p);

		if (arg[namelen] == '=') {
			err = assign(c, name, arg + namelen + 1);
		} else {
			value = perf_config_set__get(c->view, name);
			if (value)
				printf("%s=%s\n", name, value);
			err = 0;
		}
		free(name);
		if (err)
			return err;
	}
	if (c->target) {
		int err = perf_config_set__write(c->target, c->write_path);

		if (err) {
			pr_err("Failed to set the configs on %s\n", c->write_path);
			pr_debug("writing '%s': %s\n", c->write_path, strerror(-err));
			return err;
		}
	}
	return 0;
}

int cmd_config(int argc, const char **argv)
{
	struct config_cmd c = { 0 };
	const char *const usage[] = {
		"perf config [<file-option>] [options] [section.name[=value] ...]",
		NULL
	};
	const struct option options[] = {
		OPT_BOOLEAN(0, "system", &c.use_system, "use the system file (/etc/perfconfig)"),
		OPT_BOOLEAN(0, "user", &c.use_user, "use the user file (~/.perfconfig)"),
		OPT_BOOLEAN('l', "list", &c.list, "print every variable and its value"),
		OPT_END()
	};
	int ret;

	argc = parse_options(argc, argv, options, usage, PARSE_OPT_STOP_AT_NON_OPTION);

	/*
	 * The reference's parse_options_usage() starts with a blank line and
	 * ours does not yet, hence the explicit "\n" after each message.
	 */
	if (c.use_system && c.use_user) {
		pr_err("Error: only one config file at a time\n");
		parse_options_usage(usage, options, "user", false);
		parse_options_usage(NULL, options, "system", false);
		return -1;
	}
	/*
	 * The reference exits 0 here after printing the error; an error that
	 * reports success would mislead scripts, so this one fails.
	 */
	if (c.list && argc) {
		pr_err("Error: takes no arguments\n");
		parse_options_usage(usage, options, "l", true);
		return -1;
	}

	choose_files(&c);
	/* --user without $HOME: there is no user file, so nothing to read. */
	if (c.use_user && !c.file)
		c.view = calloc(1, sizeof(*c.view));
	else
		c.view = load(c.file);
	if (IS_ERR_OR_NULL(c.view))
		return -1;

	if (c.list || !argc) {
		show_set(c.view);
		ret = 0;
	} else {
		ret = get_or_set(&c, argc, argv);
	}

	if (c.target != c.view)
		perf_config_set__delete(c.target);
	perf_config_set__delete(c.view);
	return ret ? -1 : 0;
}
