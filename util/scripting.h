/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scripting for `perf script`: the bundled and user scripts (where they
 * are, what `perf script -l` lists) and the embedded python engine that
 * runs a script over the samples of a perf.data file (-s) or writes a
 * starter script for a file's events (-g python).
 *
 * The python engine (util/scripting-python.c, a shared object embedded
 * in perf and loaded on first use by util/scripting-python-load.c) is
 * built only with python3's embedding library; without it the python__
 * functions below fail with -ENOTSUP and the builtin says so.
 *
 * Layer 4: depends on util/evsel, util/thread, util/map, util/symbol,
 * util/trace-event-parse, util/unwind. Python prints what the script
 * prints, and its tracebacks; nothing else here prints but pr_debug.
 */
#ifndef PERF_UTIL_SCRIPTING_H
#define PERF_UTIL_SCRIPTING_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct addr_location;
struct evlist;
struct evsel;
struct perf_sample;
struct script_print;
struct tep_event;
struct trace_event;
union perf_event;

/* ---- where scripts live (util/scripting.c) ---- */

/*
 * The directory holding scripts/python/: $PERF_EXEC_PATH (or
 * --exec-path) when set, else the running binary's directory when it has
 * one (a build tree), else the exec path chosen at build time. Also puts
 * it in $PERF_EXEC_PATH, which scripts read to import Perf-Trace-Util.
 * Never NULL; owned by this module.
 */
const char *scripting__exec_path(void);

/*
 * The bin/NAME-record or bin/NAME-report helper (@suffix "record" or
 * "report") of the bundled script @name, as a malloc'ed path, or NULL.
 */
char *scripting__find_helper(const char *name, const char *suffix);

/*
 * Print the "List of available trace scripts:" table of `perf script -l`
 * to @fp: every bin/NAME-report with its "# description:" and "# args:"
 * lines. Returns 0 (an empty list when the directory is missing).
 */
int scripting__list(FILE *fp);

/* Whether @path names a python script ("python:" or "py:" prefix, or .py). */
bool scripting__is_python(const char *path);

/* @path without a "python:"/"py:" prefix. */
const char *scripting__strip_lang(const char *path);

/* ---- the python engine (util/scripting-python.c) ---- */

/**
 * struct scripting_sample - one sample as the builtin hands it to a script
 * @event, @sample, @evsel: the record and its parsed form
 * @al:        the sample's resolved location (thread, map, symbol)
 * @tp:        the tracepoint's format for tracepoint samples, else NULL
 * @callchain: callchains are wanted (not -G)
 * @max_stack: frames of a callchain passed at most (--max-stack)
 */
struct scripting_sample {
	struct script_print *sp;	/* perf script's printer: its open binaries */
	union perf_event *event;
	struct perf_sample *sample;
	struct evsel *evsel;
	struct addr_location *al;
	struct tep_event *tp;
	bool callchain;
	int max_stack;
};

#ifdef HAVE_LIBPYTHON_SUPPORT
/*
 * Drop capabilities, start the interpreter with sys.argv = @argv
 * (@argv[0] the script), run the script file @path, then its
 * trace_begin(). Returns 0; -ENOENT when @path cannot be opened (errno
 * kept for the message); -EPERM when capabilities could not be dropped;
 * -EINVAL when the script raised (python printed the traceback). A
 * script that calls sys.exit() ends the process, as with the reference.
 */
int python__start(const char *path, int argc, const char **argv);

/*
 * Hand one sample to the script: to its SYSTEM__EVENT() handler or
 * trace_unhandled() for a tracepoint, to process_event() otherwise.
 * Returns 0, or -EINVAL when the handler raised (traceback printed).
 */
int python__process_sample(struct scripting_sample *ss);

/* Call trace_end() and stop the interpreter. 0 or -EINVAL as above. */
int python__stop(void);

/*
 * Write a starter script for the events of @evlist (a handler per
 * tracepoint of @te with its fields, process_event() for the others) to
 * @path. Returns 0 or a negative errno.
 */
int python__generate(struct evlist *evlist, struct trace_event *te, const char *path);

/*
 * Why the python engine could not be loaded, after a python__ call
 * returned -ELIBBAD (the dynamic loader's message), else NULL.
 */
const char *python__load_error(void);

/* The engine's entry points, as util/scripting-python.c exports them. */
struct python_engine_ops {
	int (*start)(const char *path, int argc, const char **argv);
	int (*process_sample)(struct scripting_sample *ss);
	int (*stop)(void);
	int (*generate)(struct evlist *evlist, struct trace_event *te, const char *path);
};
#else
static inline int python__start(const char *path, int argc, const char **argv)
{
	(void)path; (void)argc; (void)argv;
	return -ENOTSUP;
}
static inline int python__process_sample(struct scripting_sample *ss)
{
	(void)ss;
	return -ENOTSUP;
}
static inline int python__stop(void)
{
	return -ENOTSUP;
}
static inline int python__generate(struct evlist *evlist, struct trace_event *te,
				   const char *path)
{
	(void)evlist; (void)te; (void)path;
	return -ENOTSUP;
}
static inline const char *python__load_error(void)
{
	return NULL;
}
#endif

#endif /* PERF_UTIL_SCRIPTING_H */
