/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The command-line parser every builtin uses: a table of struct option,
 * parsed in one call, with the reference perf's usage layout and messages.
 *
 * Accepted forms: short flags (-a), bundled flags (-ag), attached and
 * detached values (-oFILE, -o FILE), long options with values
 * (--output=FILE, --output FILE), unambiguous prefixes of long options
 * (--out), negation (--no-inherit, and --inherit for an option named
 * "no-inherit"), and "--" to end the options.
 *
 * Layer 0: depends on libc and util/strbuf only.
 */
#ifndef PERF_UTIL_PARSE_OPTIONS_H
#define PERF_UTIL_PARSE_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "util.h"

/*
 * Exit status for a command line that could not be parsed, and for -h.
 * The reference perf uses git's 129; scripts test for it.
 */
#define PERF_EXIT_USAGE		129
/* Exit status after --list-opts / --list-cmds, as the reference. */
#define PERF_EXIT_LIST		130

enum parse_opt_type {
	OPTION_END,
	OPTION_GROUP,		/* a heading in the usage; no value */
	OPTION_BOOLEAN,		/* bool *value; --no-X sets false */
	OPTION_INCR,		/* int *value; each use adds one, --no-X zeroes */
	OPTION_SET_UINT,	/* unsigned int *value = defval */
	OPTION_SET_PTR,		/* void **value = (void *)defval */
	OPTION_INTEGER,		/* int *value */
	OPTION_UINTEGER,	/* unsigned int *value */
	OPTION_LONG,		/* long *value */
	OPTION_ULONG,		/* unsigned long *value */
	OPTION_U64,		/* uint64_t *value */
	OPTION_STRING,		/* const char **value, points into argv */
	OPTION_CALLBACK,	/* callback(opt, arg, unset) */
};

/* Per-option behaviour, in struct option.flags. */
enum parse_opt_option_flags {
	PARSE_OPT_OPTARG	  = 1 << 0, /* value optional: only --x=v or -xv */
	PARSE_OPT_NOARG		  = 1 << 1, /* callback takes no value */
	PARSE_OPT_NONEG		  = 1 << 2, /* no --no-X form */
	PARSE_OPT_HIDDEN	  = 1 << 3, /* not shown in the usage */
	PARSE_OPT_LASTARG_DEFAULT = 1 << 4, /* defval when it ends the line */
	PARSE_OPT_NOBUILD	  = 1 << 5, /* feature not built in: refuse */
	PARSE_OPT_NOEMPTY	  = 1 << 6, /* an empty value is an error */
};

/* Whole-parse behaviour, the last argument of parse_options(). */
enum parse_options_flags {
	PARSE_OPT_KEEP_DASHDASH	     = 1 << 0, /* leave "--" in argv */
	PARSE_OPT_STOP_AT_NON_OPTION = 1 << 1, /* the first non-option ends parsing */
	PARSE_OPT_KEEP_ARGV0	     = 1 << 2, /* argv[0] stays in the result */
	PARSE_OPT_KEEP_UNKNOWN	     = 1 << 3, /* unknown options stay in argv */
	PARSE_OPT_NO_INTERNAL_HELP   = 1 << 4, /* -h/--help are not special */
};

struct option;

/*
 * Callback for OPTION_CALLBACK. @arg is the value (NULL when none was
 * given), @unset is 1 for the --no-X form. Return 0, or a negative value
 * after printing what was wrong; the parser then shows the option's usage
 * and the command exits with PERF_EXIT_USAGE.
 */
typedef int parse_opt_cb(const struct option *opt, const char *arg, int unset);

/**
 * struct option - one row of a builtin's option table
 * @argh:	the value's name in the usage ("file" prints as <file>)
 * @defval:	value for OPTARG/SET_UINT/SET_PTR, or for callbacks to read
 * @set:	if non-NULL, set to true whenever the option is given
 * @data:	free for the callback's use
 * @build_opt:	for PARSE_OPT_NOBUILD, the make switch that left it out
 */
struct option {
	enum parse_opt_type type;
	int short_name;
	const char *long_name;
	void *value;
	const char *argh;
	const char *help;
	int flags;
	parse_opt_cb *callback;
	intptr_t defval;
	bool *set;
	void *data;
	const char *build_opt;
};

#define OPT_END()	{ .type = OPTION_END }
#define OPT_GROUP(h)	{ .type = OPTION_GROUP, .help = (h) }
#define OPT_BOOLEAN(s, l, v, h) \
	{ .type = OPTION_BOOLEAN, .short_name = (s), .long_name = (l), \
	  .value = (v), .help = (h) }
#define OPT_BOOLEAN_SET(s, l, v, os, h) \
	{ .type = OPTION_BOOLEAN, .short_name = (s), .long_name = (l), \
	  .value = (v), .help = (h), .set = (os) }
#define OPT_BOOLEAN_FLAG(s, l, v, h, f) \
	{ .type = OPTION_BOOLEAN, .short_name = (s), .long_name = (l), \
	  .value = (v), .help = (h), .flags = (f) }
#define OPT_INCR(s, l, v, h) \
	{ .type = OPTION_INCR, .short_name = (s), .long_name = (l), \
	  .value = (v), .help = (h) }
#define OPT_SET_UINT(s, l, v, h, i) \
	{ .type = OPTION_SET_UINT, .short_name = (s), .long_name = (l), \
	  .value = (v), .help = (h), .defval = (i) }
#define OPT_SET_PTR(s, l, v, h, p) \
	{ .type = OPTION_SET_PTR, .short_name = (s), .long_name = (l), \
	  .value = (v), .help = (h), .defval = (intptr_t)(p) }
#define OPT_INTEGER(s, l, v, h) \
	{ .type = OPTION_INTEGER, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = "n", .help = (h) }
#define OPT_UINTEGER(s, l, v, h) \
	{ .type = OPTION_UINTEGER, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = "n", .help = (h) }
#define OPT_LONG(s, l, v, h) \
	{ .type = OPTION_LONG, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = "n", .help = (h) }
#define OPT_ULONG(s, l, v, h) \
	{ .type = OPTION_ULONG, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = "n", .help = (h) }
#define OPT_U64(s, l, v, h) \
	{ .type = OPTION_U64, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = "n", .help = (h) }
#define OPT_STRING(s, l, v, a, h) \
	{ .type = OPTION_STRING, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = (a), .help = (h) }
#define OPT_STRING_OPTARG(s, l, v, a, h, d) \
	{ .type = OPTION_STRING, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = (a), .help = (h), \
	  .flags = PARSE_OPT_OPTARG, .defval = (intptr_t)(d) }
#define OPT_STRING_NOEMPTY(s, l, v, a, h) \
	{ .type = OPTION_STRING, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = (a), .help = (h), .flags = PARSE_OPT_NOEMPTY }
#define OPT_CALLBACK(s, l, v, a, h, f) \
	{ .type = OPTION_CALLBACK, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = (a), .help = (h), .callback = (f) }
#define OPT_CALLBACK_FLAG(s, l, v, a, h, f, fl) \
	{ .type = OPTION_CALLBACK, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = (a), .help = (h), .callback = (f), \
	  .flags = (fl) }
#define OPT_CALLBACK_NOOPT(s, l, v, a, h, f) \
	{ .type = OPTION_CALLBACK, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = (a), .help = (h), .callback = (f), \
	  .flags = PARSE_OPT_NOARG }
#define OPT_CALLBACK_DEFAULT(s, l, v, a, h, f, d) \
	{ .type = OPTION_CALLBACK, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = (a), .help = (h), .callback = (f), \
	  .defval = (intptr_t)(d), .flags = PARSE_OPT_LASTARG_DEFAULT }
#define OPT_CALLBACK_OPTARG(s, l, v, d, a, h, f) \
	{ .type = OPTION_CALLBACK, .short_name = (s), .long_name = (l), \
	  .value = (v), .argh = (a), .help = (h), .callback = (f), \
	  .flags = PARSE_OPT_OPTARG, .data = (d) }

/*
 * Parse @argv against @options. Options are removed; what is left (the
 * non-option arguments, in order) is moved to the front of @argv and its
 * count returned. @usagestr is a NULL-terminated array: the first line is
 * the "Usage:" line, the others are "or:" lines.
 *
 * On a bad option, -h, or a failing callback this prints the reference's
 * message and usage to stderr and exits with PERF_EXIT_USAGE; --list-opts
 * prints the long options and exits with PERF_EXIT_LIST. --help is handled
 * by perf.c before the builtin runs.
 */
int parse_options(int argc, const char **argv, const struct option *options,
		  const char * const usagestr[], int flags);

/*
 * The same parse with nested verbs: @subcommands (NULL-terminated) are
 * listed by --list-cmds and shown in the usage when @usagestr is NULL.
 */
int parse_options_subcommand(int argc, const char **argv,
			     const struct option *options,
			     const char *const subcommands[],
			     const char *usagestr[], int flags);

/* Return values of parse_options_ex() when it does not return a count. */
enum parse_opt_result {
	PARSE_OPT_ERROR     = -1,	/* a message and usage were printed */
	PARSE_OPT_HELP      = -2,	/* -h: the usage was printed */
	PARSE_OPT_LIST_OPTS = -3,	/* --list-opts was printed */
	PARSE_OPT_LIST_SUBCMDS = -4,	/* --list-cmds was printed */
};

/*
 * parse_options() without the exit: returns the remaining count, or one
 * of enum parse_opt_result after writing the messages to @err. Tests use it.
 */
int parse_options_ex(int argc, const char **argv, const struct option *options,
		     const char *const subcommands[],
		     const char * const usagestr[], int flags, FILE *err);

/* Print the full usage to stderr and exit with PERF_EXIT_USAGE. */
void usage_with_options(const char * const *usagestr,
			const struct option *options) __noreturn;

/* The same after a printf-style message on the first line. */
void usage_with_options_msg(const char * const *usagestr,
			    const struct option *options,
			    const char *fmt, ...) __noreturn __printf(3, 4);

/*
 * Print the usage line(s) and only the option(s) named by @optstr (a long
 * name, or a single short letter when @short_opt). A builtin calls this
 * after rejecting a combination of options, so the user sees the options
 * involved; it returns PARSE_OPT_HELP and does not exit.
 */
int parse_options_usage(const char * const *usagestr,
			const struct option *opts,
			const char *optstr, bool short_opt);

/* Same, writing to @fp. */
int parse_options_usage_fp(FILE *fp, const char * const *usagestr,
			   const struct option *opts,
			   const char *optstr, bool short_opt);

/*
 * Mark option @s/@l as left out of this build: using it prints that it
 * is "not usable" and names @build_opt; with @can_skip it still parses but
 * does nothing.
 */
void set_option_nobuild(struct option *opts, int s, const char *l,
			const char *build_opt, bool can_skip);

/* Find an option by short letter (@s != 0) or long name; NULL if none. */
const struct option *options__find(const struct option *opts, int s,
				   const char *l);

/* Used by callbacks that take a string but are given --no-X. */
int parse_opt_verbosity_cb(const struct option *opt, const char *arg,
			   int unset);

#endif /* PERF_UTIL_PARSE_OPTIONS_H */
