/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pr_err()/pr_warning()/pr_info()/pr_debug(): every message to the user goes
 * through here, so -q, -v and --debug act in one place.
 *
 * Layer 0: depends on libc only. The TUI may later install a hook so that
 * errors appear in a window instead of on stderr.
 */
#ifndef PERF_UTIL_DEBUG_H
#define PERF_UTIL_DEBUG_H

#include <stdarg.h>
#include <stdbool.h>
#include "util.h"

/* How chatty perf is: -v raises it, --debug verbose=N sets it, -q makes it -1. */
extern int verbose;
/* Set by -q/--quiet: suppresses warnings and info as well. */
extern bool quiet;

/*
 * Print at level @level when verbose >= @level. Returns the number of bytes
 * written, or 0 when the message was filtered out.
 */
int eprintf(int level, int var, const char *fmt, ...) __printf(3, 4);
int veprintf(int level, int var, const char *fmt, va_list args);

#define pr_err(fmt, ...)     eprintf(-1, verbose, fmt, ##__VA_ARGS__)
#define pr_warning(fmt, ...) eprintf(0, verbose, fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)    eprintf(0, verbose, fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)   eprintf(1, verbose, fmt, ##__VA_ARGS__)
#define pr_debug2(fmt, ...)  eprintf(2, verbose, fmt, ##__VA_ARGS__)
#define pr_debug3(fmt, ...)  eprintf(3, verbose, fmt, ##__VA_ARGS__)
#define pr_warning_once(fmt, ...) ({			\
	static bool __warned;				\
	if (!__warned) {				\
		pr_warning(fmt, ##__VA_ARGS__);		\
		__warned = true;			\
	}						\
})

/*
 * Apply one --debug argument: "verbose[=N]", "ordered-events[=N]",
 * "stderr", "data-convert", "perf-event-open". Several may be joined with
 * commas. Returns 0, or -EINVAL after printing which name was wrong.
 */
int perf_debug_option(const char *str);

/* Per-topic debug levels set by --debug. */
extern int debug_ordered_events;
extern int debug_data_convert;
extern int debug_peo_args;

#endif /* PERF_UTIL_DEBUG_H */
