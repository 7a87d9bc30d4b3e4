// SPDX-License-Identifier: GPL-2.0
/* perf config: list, get and set variables of the configuration files. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "util/config.h"
#include "util/debug.h"
#include "util/parse-options.h"
#include "util/util.h"

struct config_cmd {
	bool list;
	bool use_system;
	bool use_user;
};

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

static int check_var_name(const char *var, size_t len)
{
	const char *dot = memchr(var, '.', len);

	if (!dot) {
		pr_err("The config variable does not contain a section name: %.*s\n",
		       (int)len, var);
		return -EINVAL;
	}
	if (dot == var || dot + 1 == var + len) {
		pr_err("The config variable does not contain a variable name: %.*s\n",
		       (int)len, var);
		return -EINVAL;
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
	struct perf_config_set *set;
	const char *path;
	bool changed = false;
	int i, ret = 0;

	argc = parse_options(argc, argv, options, usage, PARSE_OPT_STOP_AT_NON_OPTION);

	if (c.use_system && c.use_user) {
		pr_err("Error: only one config file at a time\n");
		parse_options_usage(usage, options, "user", false);
		parse_options_usage(NULL, options, "system", false);
		return -1;
	}
	if (c.list && argc) {
		pr_err("Error: takes no arguments\n");
		parse_options_usage(usage, options, "l", true);
		return -1;
	}

	/* Which file: the one asked for, else the user's for writing. */
	if (c.use_system)
		path = perf_etc_perfconfig();
	else
		path = perf_user_perfconfig();

	if (c.use_system || c.use_user)
		set = path ? perf_config_set__load_file(path)
			   : perf_config_set__new();
	else
		set = perf_config_set__new();
	if (IS_ERR(set)) {
		if (PTR_ERR(set) != -EINVAL)
			pr_err("Error: cannot read the config file: %s\n",
			       strerror((int)-PTR_ERR(set)));
		return -1;
	}

	if (c.list || !argc) {
		show_set(set);
		goto out;
	}

	for (i = 0; i < argc; i++) {
		const char *arg = argv[i], *eq = strchr(arg, '=');
		size_t namelen = eq ? (size_t)(eq - arg) : strlen(arg);
		char *name;

		if (check_var_name(arg, namelen)) {
			ret = -1;
			goto out;
		}
		name = strndup(arg, namelen);
		if (!name) {
			ret = -1;
			goto out;
		}
		/* Variable names are case-insensitive. */
		for (char *p = name; *p; p++)
			*p = (char)tolower((unsigned char)*p);

		if (eq) {
			if (!c.use_system && !c.use_user) {
				/* Setting writes the user file only: reload it alone. */
				if (!changed) {
					perf_config_set__delete(set);
					set = path ? perf_config_set__load_file(path)
						   : ERR_PTR(-ENOENT);
					if (IS_ERR(set)) {
						pr_err("Error: no user config file to write (is $HOME set?)\n");
						free(name);
						set = NULL;
						ret = -1;
						goto out;
					}
				}
			}
			if (perf_config_set__set(set, name, eq + 1)) {
				free(name);
				ret = -1;
				goto out;
			}
			changed = true;
		} else {
			const char *value = perf_config_set__get(set, name);

			if (value)
				printf("%s=%s\n", name, value);
		}
		free(name);
	}

	if (changed) {
		int err = perf_config_set__write(set, path);

		if (err) {
			pr_err("Error: cannot write '%s': %s\n", path, strerror(-err));
			ret = -1;
		}
	}
out:
	perf_config_set__delete(set);
	return ret;
}
