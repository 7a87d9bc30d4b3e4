// SPDX-License-Identifier: GPL-2.0
/*
 * perf's entry point: global options, the command table, the pager, and
 * the mapping from a builtin's result to the process exit status.
 *
 * Exit status, as the reference perf (scripts rely on these):
 *   - a builtin's return value, masked to its low 8 bits;
 *   - 1 for `perf` without a command, and for an unknown command;
 *   - 129 (PERF_EXIT_USAGE) for an unknown global option or a bad option
 *     of a builtin (parse_options() exits with it) and for -h;
 *   - 130 (PERF_EXIT_LIST) after --list-opts/--list-cmds of a builtin;
 *   - 1 when stdout could not be written (full disk, I/O error).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtin.h"
#include "util/caps.h"
#include "util/config.h"
#include "util/debug.h"
#include "util/exec-cmd.h"
#include "util/help.h"
#include "util/pager.h"
#include "util/parse-options.h"
#include "util/util.h"
#include "common-cmds.h"
#include "tests/tests.h"

const char perf_usage_string[] =
	"perf [--version] [--help] [OPTIONS] COMMAND [ARGS]";
const char perf_more_info_string[] =
	"See 'perf help COMMAND' for more information on a specific command.";

enum cmd_flags {
	RUN_SETUP_PAGER = 1 << 0,	/* stdio output may be long: page it */
	USE_PAGER	= 1 << 1,	/* forced on by -p */
};

struct cmd_struct {
	const char *cmd;
	int (*fn)(int argc, const char **argv);
	int option;
};

static struct cmd_struct commands[] = {
	{ "config",	cmd_config,	0 },
	{ "evlist",	cmd_evlist,	0 },
	{ "help",	cmd_help,	0 },
	{ "list",	cmd_list,	RUN_SETUP_PAGER },
	{ "record",	cmd_record,	0 },
	{ "report",	cmd_report,	RUN_SETUP_PAGER },
	{ "script",	cmd_script,	RUN_SETUP_PAGER },
	{ "stat",	cmd_stat,	0 },
	{ "test",	cmd_test,	0 },
	{ "version",	cmd_version,	0 },
};

/* Global state from the options before the command. */
struct perf_main {
	int use_pager;		/* -1 unset, 0 --no-pager, 1 --paginate */
};

void list_common_cmds_help(void)
{
	size_t i, longest = 0;

	/* Width over every known command, so the column does not move as
	 * commands are implemented (the reference's is 13, buildid-cache). */
	for (i = 0; i < ARRAY_SIZE(common_cmds); i++)
		if (strlen(common_cmds[i].name) > longest)
			longest = strlen(common_cmds[i].name);

	puts(" The most commonly used perf commands are:");
	for (i = 0; i < ARRAY_SIZE(common_cmds); i++) {
		if (!common_cmds[i].implemented)
			continue;
		printf("   %-*s   %s\n", (int)longest, common_cmds[i].name,
		       common_cmds[i].help);
	}
}

static void print_main_usage(void)
{
	printf("\n usage: %s\n\n", perf_usage_string);
	list_common_cmds_help();
	printf("\n %s\n\n", perf_more_info_string);
}

static void main_usage_error(void)
{
	fprintf(stderr, "\n Usage: %s\n", perf_usage_string);
	exit(PERF_EXIT_USAGE);
}

static const char *const global_long_opts[] = {
	"--help", "--version", "--exec-path", "--html-path", "--paginate",
	"--no-pager", "--debugfs-dir", "--buildid-dir", "--list-cmds",
	"--list-opts", "--debug", NULL,
};

static void list_builtin_cmds(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		printf("%s ", commands[i].cmd);
	putchar('\n');
}

/*
 * Options before the command. Returns how many arguments were consumed;
 * exits on --version, --list-*, --exec-path without a value and errors.
 */
static int handle_options(struct perf_main *pm, const char ***argv, int *argc)
{
	int handled = 0;

	while (*argc > 0) {
		const char *cmd = (*argv)[0];

		if (cmd[0] != '-')
			break;

		/* --help and --version are commands in disguise. */
		if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") ||
		    !strcmp(cmd, "--version") || !strcmp(cmd, "-v") ||
		    !strcmp(cmd, "-vv"))
			break;

		if (!strcmp(cmd, "-p") || !strcmp(cmd, "--paginate")) {
			pm->use_pager = 1;
		} else if (!strcmp(cmd, "-P") || !strcmp(cmd, "--no-pager")) {
			pm->use_pager = 0;
			/* Builtins that page on their own (help) must see it too. */
			setenv("PERF_PAGER", "cat", 1);
		} else if (strstarts(cmd, "--exec-path")) {
			const char *path = cmd + strlen("--exec-path");

			if (*path == '=') {
				perf_set_exec_path(path + 1);
			} else if (!*path) {
				puts(perf_exec_path());
				exit(0);
			} else {
				goto unknown;
			}
		} else if (!strcmp(cmd, "--html-path")) {
			puts(perf_doc_path());
			exit(0);
		} else if (!strcmp(cmd, "--debugfs-dir") ||
			   !strcmp(cmd, "--buildid-dir")) {
			if (*argc < 2) {
				fprintf(stderr, "No directory given for %s.\n", cmd);
				main_usage_error();
			}
			if (!strcmp(cmd, "--buildid-dir"))
				setenv("PERF_BUILDID_DIR", (*argv)[1], 1);
			(*argv)++;
			(*argc)--;
			handled++;
		} else if (strstarts(cmd, "--debugfs-dir=")) {
			/* tracefs is found through /proc/mounts; accepted for scripts. */
		} else if (strstarts(cmd, "--buildid-dir=")) {
			setenv("PERF_BUILDID_DIR", cmd + strlen("--buildid-dir="), 1);
		} else if (!strcmp(cmd, "--list-cmds")) {
			list_builtin_cmds();
			exit(0);
		} else if (!strcmp(cmd, "--list-opts")) {
			const char *const *o;

			for (o = global_long_opts; *o; o++)
				printf("%s ", *o);
			putchar('\n');
			exit(0);
		} else if (!strcmp(cmd, "--debug")) {
			if (*argc < 2) {
				fprintf(stderr, "No variable specified for --debug.\n");
				main_usage_error();
			}
			if (perf_debug_option((*argv)[1]))
				main_usage_error();
			(*argv)++;
			(*argc)--;
			handled++;
		} else if (strstarts(cmd, "--debug=")) {
			if (perf_debug_option(cmd + strlen("--debug=")))
				main_usage_error();
		} else {
unknown:
			fprintf(stderr, "Unknown option: %s\n", cmd);
			main_usage_error();
		}
		(*argv)++;
		(*argc)--;
		handled++;
	}
	return handled;
}

static int perf_main_config(const char *var, const char *value,
			    void *data __maybe_unused)
{
	static char *pager;

	if (!strcmp(var, "core.pager") && value) {
		free(pager);
		pager = strdup(value);
		pager_set_config(pager);
	}
	return 0;
}

/* "pager.<cmd>" in the config turns the pager on or off per command. */
struct pager_lookup {
	const char *cmd;
	int want;
};

static int pager_command_config(const char *var, const char *value, void *data)
{
	struct pager_lookup *c = data;
	bool b;

	if (strstarts(var, "pager.") && !strcmp(var + 6, c->cmd) &&
	    !perf_config_bool(&b, var, value))
		c->want = b;
	return 0;
}

static int check_pager_config(const char *cmd)
{
	struct pager_lookup c = { .cmd = cmd, .want = -1 };

	perf_config(pager_command_config, &c);
	return c.want;
}

static struct cmd_struct *find_builtin(const char *cmd)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].cmd, cmd))
			return &commands[i];
	return NULL;
}

static int run_builtin(struct perf_main *pm, struct cmd_struct *p, int argc,
		       const char **argv)
{
	struct stat st;
	int status, use_pager = pm->use_pager;

	if (use_pager == -1 && (p->option & RUN_SETUP_PAGER))
		use_pager = check_pager_config(p->cmd) != 0;
	else if (use_pager == -1)
		use_pager = check_pager_config(p->cmd) == 1;
	if (use_pager == 1)
		setup_pager();

	status = p->fn(argc, argv);

	/* Somebody closed stdout? */
	if (fstat(fileno(stdout), &st))
		return 0;
	/* Ignore write errors for pipes and sockets, as git and perf do. */
	if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
		return status & 0xff;

	if (fflush(stdout)) {
		fprintf(stderr, "write failure on standard output: %s\n",
			strerror(errno));
		return 1;
	}
	if (ferror(stdout)) {
		fprintf(stderr, "unknown write failure on standard output\n");
		return 1;
	}
	if (fclose(stdout)) {
		fprintf(stderr, "close failed on standard output: %s\n",
			strerror(errno));
		return 1;
	}
	return status & 0xff;
}

/* Run an external perf-<cmd> from the exec path; returns only on failure. */
static void execv_dashed_external(const char **argv)
{
	char path[4096];
	const char *suffixes[] = { "", ".sh", ".py" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(suffixes); i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s/perf-%s%s",
				     perf_exec_path(), argv[0], suffixes[i]) >= sizeof(path))
			return;
		if (access(path, X_OK))
			continue;
		argv[0] = path;
		/* perf-<cmd> may be anything on $PERF_EXEC_PATH: user code. */
		if (perf_caps__drop_for_user_code())
			return;
		execv(path, (char *const *)argv);
		return;
	}
}

static bool is_planned(const char *cmd)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(common_cmds); i++)
		if (!common_cmds[i].implemented && !strcmp(common_cmds[i].name, cmd))
			return true;
	return false;
}

static int unknown_command(const char *cmd)
{
	struct cmdnames names = { 0 };
	const char **similar;
	size_t i;

	fprintf(stderr, "perf: '%s' is not a perf-command. See 'perf --help'.\n", cmd);

	/* Unlike the reference, builtins are candidates too: "stt" -> stat. */
	for (i = 0; i < ARRAY_SIZE(common_cmds); i++)
		cmdnames__add(&names, common_cmds[i].name);
	cmdnames__load_dir(&names, perf_exec_path());
	cmdnames__uniq(&names);

	similar = help__suggest(&names, cmd);
	if (similar && similar[0]) {
		fprintf(stderr, "\nDid you mean %s?\n",
			similar[1] ? "one of these" : "this");
		for (i = 0; similar[i]; i++)
			fprintf(stderr, "\t%s\n", similar[i]);
	}
	free(similar);
	cmdnames__exit(&names);
	return 1;
}

static int run_argv(struct perf_main *pm, int argc, const char **argv)
{
	struct cmd_struct *p = find_builtin(argv[0]);

	if (p)
		exit(run_builtin(pm, p, argc, argv));

	execv_dashed_external(argv);

	if (is_planned(argv[0])) {
		fprintf(stderr,
			"perf: '%s' is not supported by this perf yet.\n",
			argv[0]);
		return 1;
	}
	return unknown_command(argv[0]);
}

int main(int argc, const char **argv)
{
	struct perf_main pm = { .use_pager = -1 };
	const char *cmd, *slash;

	/* A write to a closed pager or pipe must end quietly, not kill us. */
	signal(SIGPIPE, SIG_DFL);

	cmd = argv[0];
	slash = strrchr(cmd, '/');
	if (slash)
		cmd = slash + 1;

	perf_config(perf_main_config, NULL);

	/* "perf-help" and similar links behave like "perf help". */
	if (strstarts(cmd, "perf-")) {
		argv[0] = cmd + 5;
		return run_argv(&pm, argc, argv);
	}

	argv++;
	argc--;
	handle_options(&pm, &argv, &argc);

	if (argc <= 0) {
		print_main_usage();
		return 1;
	}
	cmd = argv[0];

	/* "perf --help" is "perf help", "perf --version" is "perf version". */
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h"))
		argv[0] = cmd = "help";
	else if (!strcmp(cmd, "--version") || !strcmp(cmd, "-v"))
		argv[0] = cmd = "version";
	else if (!strcmp(cmd, "-vv")) {
		/* The reference's shorthand for "version --build-options". */
		static const char *vv_argv[] = { "version", "--build-options", NULL };

		argv = vv_argv;
		argc = 2;
		cmd = "version";
	}

	/* "perf CMD --help" shows CMD's manual, as the reference. */
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		argv[1] = argv[0];
		argv[0] = cmd = "help";
	}

	return run_argv(&pm, argc, argv);
}

bool perf_is_builtin_command(const char *cmd)
{
	return find_builtin(cmd) != NULL;
}
