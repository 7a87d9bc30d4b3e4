// SPDX-License-Identifier: GPL-2.0
/* perf help: the command list, or one command's manual page. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtin.h"
#include "util/config.h"
#include "util/debug.h"
#include "util/exec-cmd.h"
#include "util/help.h"
#include "util/pager.h"
#include "util/parse-options.h"
#include "util/run-command.h"
#include "common-cmds.h"

enum help_format {
	HELP_FORMAT_NONE,
	HELP_FORMAT_MAN,
	HELP_FORMAT_INFO,
	HELP_FORMAT_WEB,
	HELP_FORMAT_TEXT,
};

struct help_cmd {
	bool show_all;
	unsigned int format;
};

static int help_config(const char *var, const char *value, void *data)
{
	struct help_cmd *h = data;

	if (strcmp(var, "help.format") || !value)
		return 0;
	if (!strcmp(value, "man"))
		h->format = HELP_FORMAT_MAN;
	else if (!strcmp(value, "info"))
		h->format = HELP_FORMAT_INFO;
	else if (!strcmp(value, "web") || !strcmp(value, "html"))
		h->format = HELP_FORMAT_WEB;
	else if (!strcmp(value, "text") || !strcmp(value, "txt"))
		h->format = HELP_FORMAT_TEXT;
	else
		pr_warning("unrecognized help format '%s'\n", value);
	return 0;
}

static void list_all_cmds(void)
{
	struct cmdnames ext = { 0 };
	size_t i;

	printf("\n Usage: %s\n\n", perf_usage_string);
	printf("available perf commands\n");
	printf("-----------------------\n");
	for (i = 0; i < ARRAY_SIZE(common_cmds); i++)
		if (common_cmds[i].implemented)
			printf("  %-15s %s\n", common_cmds[i].name, common_cmds[i].help);

	cmdnames__load_dir(&ext, perf_exec_path());
	cmdnames__uniq(&ext);
	if (ext.cnt) {
		printf("\navailable perf commands in '%s'\n", perf_exec_path());
		printf("----------------------------------------\n");
		for (i = 0; i < ext.cnt; i++)
			printf("  %s\n", ext.names[i]);
	}
	cmdnames__exit(&ext);
	printf("\n %s\n\n", perf_more_info_string);
}

/* Our own page, next to the binary (a build tree) or installed. */
static char *find_text_page(const char *page)
{
	char rel[256], *path;

	snprintf(rel, sizeof(rel), "Documentation/%s.txt", page);
	path = perf_find_data_path(rel);
	if (path)
		return path;
	if (asprintf(&path, "%s/%s.txt", perf_doc_path(), page) < 0)
		return NULL;
	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}

/* Copy @path to stdout, through the pager when stdout is a terminal. */
static int show_text_file(const char *path)
{
	char buf[8192];
	size_t n;
	FILE *f;
	int err;

	f = fopen(path, "r");
	if (!f)
		return -errno;
	setup_pager();
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stdout);
	err = ferror(f) ? -EIO : 0;
	fclose(f);
	return err;
}

static int show_text_page(const char *page)
{
	char *path = find_text_page(page);
	int ret;

	if (!path)
		return -ENOENT;
	ret = show_text_file(path);
	free(path);
	return ret;
}

static int show_man_page(const char *page)
{
	const char *argv[] = { "man", page, NULL };
	int ret;

	fflush(stdout);
	ret = run_command_v(argv);
	if (ret == -ENOENT) {
		pr_err("no man viewer handled the request\n");
		return 1;
	}
	return ret < 0 ? 1 : ret;
}

/*
 * Without a format asked for: the reference's man pages describe the
 * reference, so this build's own page wins when it is at hand (a build
 * tree, or installed); man(1) covers the commands we have no page for.
 */
static int show_default_page(const char *page)
{
	char *path = find_text_page(page);
	int ret;

	if (!path)
		return show_man_page(page);
	ret = show_text_file(path);
	free(path);
	if (ret)
		pr_err("cannot read the manual of '%s': %s\n", page, strerror(-ret));
	return ret ? 1 : 0;
}

static int show_info_page(const char *page)
{
	const char *argv[] = { "info", page, NULL };
	int ret;

	fflush(stdout);
	ret = run_command_v(argv);
	if (ret == -ENOENT) {
		pr_err("no info viewer handled the request\n");
		return 1;
	}
	return ret < 0 ? 1 : ret;
}

static int show_html_page(const char *page)
{
	char *path = find_text_page(page);
	const char *argv[] = { "xdg-open", path, NULL };
	int ret;

	if (!path) {
		pr_err("no documentation found for '%s'\n", page);
		return 1;
	}
	fflush(stdout);
	ret = run_command_v(argv);
	free(path);
	if (ret == -ENOENT) {
		pr_err("no web browser handled the request (xdg-open)\n");
		return 1;
	}
	return ret < 0 ? 1 : ret;
}

int cmd_help(int argc, const char **argv)
{
	struct help_cmd h = { .format = HELP_FORMAT_NONE };
	const char *const usage[] = {
		"perf help [--all] [--man|--web|--info] [command]", NULL
	};
	const struct option options[] = {
		OPT_BOOLEAN('a', "all", &h.show_all, "list every command, external ones too"),
		OPT_SET_UINT('m', "man", &h.format, "show the manual page", HELP_FORMAT_MAN),
		OPT_SET_UINT('w', "web", &h.format, "open the manual in a web browser",
			     HELP_FORMAT_WEB),
		OPT_SET_UINT('i', "info", &h.format, "show the info page", HELP_FORMAT_INFO),
		OPT_END()
	};
	unsigned int cli_format;
	char page[256];
	int ret;

	argc = parse_options(argc, argv, options, usage, 0);
	cli_format = h.format;
	perf_config(help_config, &h);
	if (cli_format != HELP_FORMAT_NONE)
		h.format = cli_format;

	if (h.show_all) {
		list_all_cmds();
		return 0;
	}
	if (argc < 1) {
		printf("\n usage: %s\n\n", perf_usage_string);
		list_common_cmds_help();
		printf("\n %s\n\n", perf_more_info_string);
		return 0;
	}

	if (!strcmp(argv[0], "perf"))
		snprintf(page, sizeof(page), "perf");
	else
		snprintf(page, sizeof(page), "perf-%s", argv[0]);

	switch (h.format) {
	case HELP_FORMAT_INFO:
		return show_info_page(page);
	case HELP_FORMAT_WEB:
		return show_html_page(page);
	case HELP_FORMAT_TEXT:
		ret = show_text_page(page);
		if (ret) {
			pr_err("no documentation found for '%s'\n", page);
			return 1;
		}
		return 0;
	case HELP_FORMAT_MAN:
		return show_man_page(page);
	case HELP_FORMAT_NONE:
	default:
		return show_default_page(page);
	}
}
