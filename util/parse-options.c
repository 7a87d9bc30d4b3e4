// SPDX-License-Identifier: GPL-2.0
/* Option-table driven command-line parsing with the reference's messages. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse-options.h"
#include "zalloc.h"

/* Option text occupies this many columns before the help starts. */
#define USAGE_OPTS_WIDTH	24
#define USAGE_GAP		2

enum { OPT_SHORT = 1, OPT_UNSET = 2 };

struct parse_ctx {
	const char **argv;	/* input, advanced as it is consumed */
	int argc;
	const char **out;	/* kept arguments, written over the input */
	int cpidx;
	int flags;
	const struct option *options;
	const char *const *usagestr;
	const char *const *subcommands;
	FILE *err;
};

static const char *optname(const struct option *opt, int flags, char *buf,
			   size_t size)
{
	if (flags & OPT_SHORT)
		snprintf(buf, size, "switch `%c'", opt->short_name);
	else
		snprintf(buf, size, "option `%s%s'",
			 (flags & OPT_UNSET) ? "no-" : "", opt->long_name);
	return buf;
}

static bool option__takes_value(const struct option *opt)
{
	switch (opt->type) {
	case OPTION_INTEGER:
	case OPTION_UINTEGER:
	case OPTION_LONG:
	case OPTION_ULONG:
	case OPTION_U64:
	case OPTION_STRING:
		return true;
	case OPTION_CALLBACK:
		return !(opt->flags & PARSE_OPT_NOARG);
	default:
		return false;
	}
}

static void print_option_help(FILE *fp, const struct option *opt)
{
	int pos = 4, pad;

	if (opt->type == OPTION_GROUP) {
		fputc('\n', fp);
		if (opt->help && *opt->help)
			fprintf(fp, "%s\n", opt->help);
		return;
	}
	fputs("    ", fp);
	if (opt->short_name)
		pos += fprintf(fp, "-%c", opt->short_name);
	else
		pos += fprintf(fp, "    ");
	if (opt->long_name && opt->short_name)
		pos += fprintf(fp, ", ");
	if (opt->long_name)
		pos += fprintf(fp, "--%s", opt->long_name);

	if (option__takes_value(opt)) {
		const char *argh = opt->argh ? opt->argh : "...";

		if (opt->flags & PARSE_OPT_OPTARG)
			pos += fprintf(fp, opt->long_name ? "[=<%s>]" : "[<%s>]",
				       argh);
		else
			pos += fprintf(fp, " <%s>", argh);
	}

	if (pos <= USAGE_OPTS_WIDTH) {
		pad = USAGE_OPTS_WIDTH - pos;
	} else {
		fputc('\n', fp);
		pad = USAGE_OPTS_WIDTH;
	}
	fprintf(fp, "%*s%s", pad + USAGE_GAP, "", opt->help ? opt->help : "");
	if (opt->flags & PARSE_OPT_NOBUILD)
		fprintf(fp, " (not built-in because %s)",
			opt->build_opt ? opt->build_opt : "it was disabled");
	fputc('\n', fp);
}

/*
 * The usage lists options sorted by short letter, case-insensitively,
 * options without one last; ties go by long name. This is the order the
 * reference prints and that users scan for.
 */
static int option__cmp(const void *va, const void *vb)
{
	const struct option *a = va, *b = vb;
	int sa = a->short_name ? tolower(a->short_name) : 'z' + 1;
	int sb = b->short_name ? tolower(b->short_name) : 'z' + 1;

	if (sa != sb)
		return sa - sb;
	if (a->short_name != b->short_name && (!a->long_name || !b->long_name))
		return (a->long_name ? 1 : 0) - (b->long_name ? 1 : 0);
	return strcmp(a->long_name ? a->long_name : "",
		      b->long_name ? b->long_name : "");
}

static void print_usage_lines(FILE *fp, const char *const *usagestr)
{
	if (!usagestr || !*usagestr)
		return;
	fprintf(fp, " Usage: %s\n", *usagestr++);
	while (*usagestr && **usagestr)
		fprintf(fp, "    or: %s\n", *usagestr++);
	/* Lines after an empty one are free text. */
	while (*usagestr) {
		fprintf(fp, "%s%s\n", **usagestr ? "    " : "", *usagestr);
		usagestr++;
	}
}

static void usage_with_options_fp(FILE *fp, const char *const *usagestr,
				  const struct option *opts)
{
	struct option *sorted;
	size_t n = 0, i, start;

	fputc('\n', fp);
	print_usage_lines(fp, usagestr);
	fputc('\n', fp);

	while (opts[n].type != OPTION_END)
		n++;
	sorted = calloc(n + 1, sizeof(*sorted));
	if (!sorted) {
		for (i = 0; i < n; i++)
			if (!(opts[i].flags & PARSE_OPT_HIDDEN))
				print_option_help(fp, &opts[i]);
		fputc('\n', fp);
		return;
	}
	memcpy(sorted, opts, n * sizeof(*sorted));
	/* Sort each run between group headings on its own. */
	for (start = 0; start < n; start = i + 1) {
		for (i = start; i < n && sorted[i].type != OPTION_GROUP; i++)
			;
		qsort(sorted + start, i - start, sizeof(*sorted), option__cmp);
	}
	for (i = 0; i < n; i++)
		if (!(sorted[i].flags & PARSE_OPT_HIDDEN))
			print_option_help(fp, &sorted[i]);
	fputc('\n', fp);
	free(sorted);
}

void usage_with_options(const char * const *usagestr,
			const struct option *opts)
{
	usage_with_options_fp(stderr, usagestr, opts);
	exit(PERF_EXIT_USAGE);
}

void usage_with_options_msg(const char * const *usagestr,
			    const struct option *opts, const char *fmt, ...)
{
	va_list ap;

	fputs("  Error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	usage_with_options(usagestr, opts);
}

/*
 * The usage line(s) and the options @optstr names. Errors found while
 * parsing print this right under their message; a builtin rejecting a
 * combination gets a blank line first (parse_options_usage()), as in the
 * reference.
 */
static int usage_for_option(FILE *fp, const char * const *usagestr,
			    const struct option *opts,
			    const char *optstr, bool short_opt)
{
	const struct option *opt;

	if (usagestr) {
		print_usage_lines(fp, usagestr);
		fputc('\n', fp);
	}
	if (!optstr)
		return PARSE_OPT_HELP;
	for (opt = opts; opt->type != OPTION_END; opt++) {
		if (opt->type == OPTION_GROUP)
			continue;
		if (short_opt) {
			if (opt->short_name == *optstr)
				print_option_help(fp, opt);
			continue;
		}
		if (opt->long_name && strstarts(opt->long_name, optstr))
			print_option_help(fp, opt);
	}
	return PARSE_OPT_HELP;
}

int parse_options_usage_fp(FILE *fp, const char * const *usagestr,
			   const struct option *opts,
			   const char *optstr, bool short_opt)
{
	if (usagestr)
		fputc('\n', fp);
	return usage_for_option(fp, usagestr, opts, optstr, short_opt);
}

int parse_options_usage(const char * const *usagestr,
			const struct option *opts,
			const char *optstr, bool short_opt)
{
	return parse_options_usage_fp(stderr, usagestr, opts, optstr, short_opt);
}

/* Show the usage for the option that failed; used after every error. */
static int opt_error_usage(struct parse_ctx *ctx, const struct option *opt,
			   int flags)
{
	char s[2] = { (char)opt->short_name, 0 };

	if (flags & OPT_SHORT)
		usage_for_option(ctx->err, ctx->usagestr, ctx->options, s, true);
	else
		usage_for_option(ctx->err, ctx->usagestr, ctx->options,
				 opt->long_name, false);
	return PARSE_OPT_ERROR;
}

static int opt_error(struct parse_ctx *ctx, const struct option *opt,
		     int flags, const char *what)
{
	char buf[128];

	fprintf(ctx->err, " Error: %s %s\n",
		optname(opt, flags, buf, sizeof(buf)), what);
	return opt_error_usage(ctx, opt, flags);
}

static int parse_number(struct parse_ctx *ctx, const struct option *opt,
			int flags, const char *arg)
{
	char *end;

	errno = 0;
	switch (opt->type) {
	case OPTION_INTEGER: {
		long v = strtol(arg, &end, 0);

		if (*end || end == arg || errno || v < INT32_MIN || v > INT32_MAX)
			break;
		*(int *)opt->value = (int)v;
		return 0;
	}
	case OPTION_UINTEGER: {
		unsigned long v;

		if (*arg == '-')
			break;
		v = strtoul(arg, &end, 0);
		if (*end || end == arg || errno || v > UINT32_MAX)
			break;
		*(unsigned int *)opt->value = (unsigned int)v;
		return 0;
	}
	case OPTION_LONG: {
		long v = strtol(arg, &end, 0);

		if (*end || end == arg || errno)
			break;
		*(long *)opt->value = v;
		return 0;
	}
	case OPTION_ULONG: {
		unsigned long v;

		if (*arg == '-')
			break;
		v = strtoul(arg, &end, 0);
		if (*end || end == arg || errno)
			break;
		*(unsigned long *)opt->value = v;
		return 0;
	}
	case OPTION_U64: {
		unsigned long long v;

		if (*arg == '-')
			break;
		v = strtoull(arg, &end, 0);
		if (*end || end == arg || errno)
			break;
		*(uint64_t *)opt->value = v;
		return 0;
	}
	default:
		break;
	}
	return opt_error(ctx, opt, flags, "expects a numerical value");
}

/*
 * Apply one option. @attached is the value given with '=' or glued to a
 * short switch (NULL if none); otherwise a required value is taken from
 * the next argument.
 */
static int get_value(struct parse_ctx *ctx, const struct option *opt,
		     int flags, const char *attached)
{
	bool unset = flags & OPT_UNSET;
	const char *arg = attached;

	if (opt->flags & PARSE_OPT_NOBUILD) {
		char buf[128];

		fprintf(ctx->err, " Error: %s is not usable. (not built-in because %s)\n",
			optname(opt, flags, buf, sizeof(buf)),
			opt->build_opt ? opt->build_opt : "it was disabled");
		return opt_error_usage(ctx, opt, flags);
	}
	if (unset && attached)
		return opt_error(ctx, opt, flags, "takes no value");
	if (!option__takes_value(opt) && attached)
		return opt_error(ctx, opt, flags, "takes no value");

	if (!unset && option__takes_value(opt) && !arg &&
	    !(opt->flags & PARSE_OPT_OPTARG)) {
		if (ctx->argc > 2) {
			/* argv[1] is the option itself; take argv[2]. */
			arg = ctx->argv[2];
			ctx->argv++;
			ctx->argc--;
		} else if (opt->flags & PARSE_OPT_LASTARG_DEFAULT) {
			arg = (const char *)opt->defval;
		} else {
			return opt_error(ctx, opt, flags, "requires a value");
		}
	}
	if (arg && !*arg && (opt->flags & PARSE_OPT_NOEMPTY))
		return opt_error(ctx, opt, flags, "requires a non-empty value");

	if (opt->set)
		*opt->set = true;

	switch (opt->type) {
	case OPTION_BOOLEAN:
		*(bool *)opt->value = !unset;
		return 0;
	case OPTION_INCR:
		*(int *)opt->value = unset ? 0 : *(int *)opt->value + 1;
		return 0;
	case OPTION_SET_UINT:
		*(unsigned int *)opt->value = unset ? 0 : (unsigned int)opt->defval;
		return 0;
	case OPTION_SET_PTR:
		*(void **)opt->value = unset ? NULL : (void *)opt->defval;
		return 0;
	case OPTION_STRING:
		if (unset)
			*(const char **)opt->value = NULL;
		else if (!arg)	/* optional value left out */
			*(const char **)opt->value = (const char *)opt->defval;
		else
			*(const char **)opt->value = arg;
		return 0;
	case OPTION_CALLBACK:
		if (opt->callback(opt, unset ? NULL : arg, unset) < 0) {
			/* The callback printed its own message: a blank line parts them. */
			fputc('\n', ctx->err);
			return opt_error_usage(ctx, opt, flags);
		}
		return 0;
	case OPTION_INTEGER:
	case OPTION_UINTEGER:
	case OPTION_LONG:
	case OPTION_ULONG:
	case OPTION_U64:
		if (unset) {
			switch (opt->type) {
			case OPTION_INTEGER:  *(int *)opt->value = 0; break;
			case OPTION_UINTEGER: *(unsigned int *)opt->value = 0; break;
			case OPTION_LONG:     *(long *)opt->value = 0; break;
			case OPTION_ULONG:    *(unsigned long *)opt->value = 0; break;
			default:	      *(uint64_t *)opt->value = 0; break;
			}
			return 0;
		}
		if (!arg)	/* optional number left out */
			return 0;
		return parse_number(ctx, opt, flags, arg);
	case OPTION_END:
	case OPTION_GROUP:
	default:
		break;
	}
	return PARSE_OPT_ERROR;
}

/*
 * One or more bundled short switches: "-ag", "-oFILE", "-F1000".
 * Returns 0 or a parse_opt_result.
 */
static int parse_short_opts(struct parse_ctx *ctx, const char *arg)
{
	while (*arg) {
		const struct option *opt;
		int c = (unsigned char)*arg++;

		if (c == 'h' && !(ctx->flags & PARSE_OPT_NO_INTERNAL_HELP)) {
			usage_with_options_fp(ctx->err, ctx->usagestr, ctx->options);
			return PARSE_OPT_HELP;
		}
		for (opt = ctx->options; opt->type != OPTION_END; opt++)
			if (opt->short_name == c && opt->type != OPTION_GROUP)
				break;
		if (opt->type == OPTION_END) {
			if (ctx->flags & PARSE_OPT_KEEP_UNKNOWN)
				return 1;
			fprintf(ctx->err, "  Error: unknown switch `%c'\n", c);
			usage_with_options_fp(ctx->err, ctx->usagestr, ctx->options);
			return PARSE_OPT_ERROR;
		}
		if (option__takes_value(opt)) {
			/* The rest of the word is the value, if there is any. */
			return get_value(ctx, opt, OPT_SHORT, *arg ? arg : NULL);
		}
		if (get_value(ctx, opt, OPT_SHORT, NULL))
			return PARSE_OPT_ERROR;
	}
	return 0;
}

struct long_match {
	const struct option *opt;
	int flags;
};

/* Exact name, "no-NAME" for NAME, or "NAME" for an option called "no-NAME". */
static bool long_exact(const struct option *opt, const char *name, size_t len,
		       int *flags)
{
	const char *ln = opt->long_name;

	if (strlen(ln) == len && !strncmp(ln, name, len)) {
		*flags = 0;
		return true;
	}
	if (len > 3 && !strncmp(name, "no-", 3) && strlen(ln) == len - 3 &&
	    !strncmp(ln, name + 3, len - 3)) {
		*flags = OPT_UNSET;
		return true;
	}
	if (!strncmp(ln, "no-", 3) && strlen(ln + 3) == len &&
	    !strncmp(ln + 3, name, len)) {
		*flags = OPT_UNSET;
		return true;
	}
	return false;
}

static void add_candidate(struct long_match *abbrev, struct long_match *ambig,
			  const struct option *opt, int flags)
{
	if (abbrev->opt == opt && abbrev->flags == flags)
		return;
	if (abbrev->opt)
		*ambig = *abbrev;
	abbrev->opt = opt;
	abbrev->flags = flags;
}

static int parse_long_opt(struct parse_ctx *ctx, const char *arg)
{
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	struct long_match abbrev = { NULL, 0 }, ambig = { NULL, 0 };
	const struct option *opt;
	int flags;

	for (opt = ctx->options; opt->type != OPTION_END; opt++) {
		if (!opt->long_name || opt->type == OPTION_GROUP)
			continue;
		if (long_exact(opt, arg, len, &flags))
			goto found;
	}

	/* No exact name: accept a prefix that names exactly one option. */
	for (opt = ctx->options; opt->type != OPTION_END; opt++) {
		const char *ln = opt->long_name;

		if (!ln || opt->type == OPTION_GROUP)
			continue;
		if (!strncmp(ln, arg, len))
			add_candidate(&abbrev, &ambig, opt, 0);
		else if (len > 3 && !strncmp(arg, "no-", 3) &&
			 !strncmp(ln, arg + 3, len - 3))
			add_candidate(&abbrev, &ambig, opt, OPT_UNSET);
		else if (!strncmp(ln, "no-", 3) && !strncmp(ln + 3, arg, len))
			add_candidate(&abbrev, &ambig, opt, OPT_UNSET);
	}
	if (ambig.opt) {
		fprintf(ctx->err,
			" Error: Ambiguous option: %.*s (could be --%s%s or --%s%s)\n",
			(int)len, arg,
			(ambig.flags & OPT_UNSET) ? "no-" : "", ambig.opt->long_name,
			(abbrev.flags & OPT_UNSET) ? "no-" : "", abbrev.opt->long_name);
		{
			char *name = strndup(arg, len);

			parse_options_usage_fp(ctx->err, ctx->usagestr,
					       ctx->options, name ? name : "",
					       false);
			free(name);
		}
		return PARSE_OPT_ERROR;
	}
	if (!abbrev.opt) {
		if (ctx->flags & PARSE_OPT_KEEP_UNKNOWN)
			return 1;
		fprintf(ctx->err, "  Error: unknown option `%s'\n", arg);
		usage_with_options_fp(ctx->err, ctx->usagestr, ctx->options);
		return PARSE_OPT_ERROR;
	}
	opt = abbrev.opt;
	flags = abbrev.flags;
found:
	if ((flags & OPT_UNSET) && (opt->flags & PARSE_OPT_NONEG)) {
		fprintf(ctx->err, " Error: option `%.*s' isn't available\n",
			(int)len, arg);
		usage_for_option(ctx->err, ctx->usagestr, ctx->options, NULL, false);
		return PARSE_OPT_ERROR;
	}
	return get_value(ctx, opt, flags, eq ? eq + 1 : NULL);
}

static void list_long_opts(struct parse_ctx *ctx)
{
	const struct option *opt;

	for (opt = ctx->options; opt->type != OPTION_END; opt++)
		if (opt->long_name && opt->type != OPTION_GROUP)
			printf("--%s ", opt->long_name);
	putchar('\n');
	fflush(stdout);
}

static void list_subcommands(struct parse_ctx *ctx)
{
	const char *const *sub;

	for (sub = ctx->subcommands; sub && *sub; sub++)
		printf("%s ", *sub);
	putchar('\n');
	fflush(stdout);
}

int parse_options_ex(int argc, const char **argv, const struct option *options,
		     const char *const subcommands[],
		     const char * const usagestr[], int flags, FILE *err)
{
	struct parse_ctx ctx = {
		.argv = argv,
		.argc = argc,
		.out = argv,
		.flags = flags,
		.options = options,
		.usagestr = usagestr,
		.subcommands = subcommands,
		.err = err ? err : stderr,
	};
	int ret;

	if (flags & PARSE_OPT_KEEP_ARGV0)
		ctx.out[ctx.cpidx++] = argv[0];

	/* argv[0] is the command name; options start after it. */
	for (; ctx.argc > 1; ctx.argc--, ctx.argv++) {
		const char *arg = ctx.argv[1];

		if (arg[0] != '-' || !arg[1]) {
			if (flags & PARSE_OPT_STOP_AT_NON_OPTION)
				break;
			ctx.out[ctx.cpidx++] = arg;
			continue;
		}

		if (arg[1] != '-') {
			ret = parse_short_opts(&ctx, arg + 1);
			if (ret < 0)
				return ret;
			if (ret > 0)	/* unknown, kept */
				ctx.out[ctx.cpidx++] = arg;
			continue;
		}

		if (!arg[2]) {	/* "--" */
			if (flags & PARSE_OPT_KEEP_DASHDASH)
				ctx.out[ctx.cpidx++] = arg;
			ctx.argc--;
			ctx.argv++;
			break;
		}

		if (!(flags & PARSE_OPT_NO_INTERNAL_HELP) &&
		    !strcmp(arg + 2, "help")) {
			usage_with_options_fp(ctx.err, usagestr, options);
			return PARSE_OPT_HELP;
		}
		if (!strcmp(arg + 2, "list-opts")) {
			list_long_opts(&ctx);
			return PARSE_OPT_LIST_OPTS;
		}
		if (!strcmp(arg + 2, "list-cmds")) {
			list_subcommands(&ctx);
			return PARSE_OPT_LIST_SUBCMDS;
		}
		ret = parse_long_opt(&ctx, arg + 2);
		if (ret < 0)
			return ret;
		if (ret > 0)
			ctx.out[ctx.cpidx++] = arg;
	}

	/* Whatever is left after "--" or the first non-option is kept as is. */
	while (ctx.argc > 1) {
		ctx.out[ctx.cpidx++] = ctx.argv[1];
		ctx.argv++;
		ctx.argc--;
	}
	ctx.out[ctx.cpidx] = NULL;
	return ctx.cpidx;
}

static int parse_options_or_exit(int argc, const char **argv,
				 const struct option *options,
				 const char *const subcommands[],
				 const char * const usagestr[], int flags)
{
	int ret = parse_options_ex(argc, argv, options, subcommands, usagestr,
				   flags, stderr);

	switch (ret) {
	case PARSE_OPT_LIST_OPTS:
	case PARSE_OPT_LIST_SUBCMDS:
		exit(PERF_EXIT_LIST);
	case PARSE_OPT_HELP:
	case PARSE_OPT_ERROR:
		exit(PERF_EXIT_USAGE);
	default:
		return ret;
	}
}

int parse_options(int argc, const char **argv, const struct option *options,
		  const char * const usagestr[], int flags)
{
	return parse_options_or_exit(argc, argv, options, NULL, usagestr, flags);
}

int parse_options_subcommand(int argc, const char **argv,
			     const struct option *options,
			     const char *const subcommands[],
			     const char *usagestr[], int flags)
{
	static char *generated;

	/* Without a usage line, build "perf CMD [<options>] {a|b|c}". */
	if (!usagestr[0] && subcommands) {
		size_t len = strlen(argv[0]) + 64;
		const char *const *s;
		char *p;

		for (s = subcommands; *s; s++)
			len += strlen(*s) + 1;
		free(generated);
		generated = malloc(len);
		if (generated) {
			p = generated;
			p += sprintf(p, "perf %s [<options>] {", argv[0]);
			for (s = subcommands; *s; s++)
				p += sprintf(p, "%s%s", s == subcommands ? "" : "|", *s);
			sprintf(p, "}");
			usagestr[0] = generated;
		}
	}
	return parse_options_or_exit(argc, argv, options, subcommands, usagestr,
				     flags);
}

void set_option_nobuild(struct option *opts, int s, const char *l,
			const char *build_opt, bool can_skip)
{
	for (; opts->type != OPTION_END; opts++) {
		if ((s && opts->short_name == s) ||
		    (l && opts->long_name && !strcmp(opts->long_name, l))) {
			/* A skippable option parses as before and does nothing. */
			if (can_skip) {
				opts->flags |= PARSE_OPT_HIDDEN;
				return;
			}
			opts->flags |= PARSE_OPT_NOBUILD;
			opts->build_opt = build_opt;
			return;
		}
	}
}

const struct option *options__find(const struct option *opts, int s,
				   const char *l)
{
	for (; opts->type != OPTION_END; opts++) {
		if (opts->type == OPTION_GROUP)
			continue;
		if (s && opts->short_name == s)
			return opts;
		if (l && opts->long_name && !strcmp(opts->long_name, l))
			return opts;
	}
	return NULL;
}

int parse_opt_verbosity_cb(const struct option *opt, const char *arg __maybe_unused,
			   int unset)
{
	int *target = opt->value;

	*target = unset ? 0 : *target + 1;
	return 0;
}
