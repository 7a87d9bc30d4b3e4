/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The -e event grammar: turns "cycles:u,{cpu-clock,faults}:S" into evsels
 * appended to an evlist, with perf_event_attr filled in.
 *
 * Accepted (as the reference perf):
 *   symbolic      cycles, cpu-clock, cs, L1-dcache-load-misses, duration_time
 *   raw           rNNNN (hex config)          r0x... too
 *   numeric       TYPE:CONFIG                 e.g. 1:1
 *   pmu terms     pmu/event=0x3c,umask=1,period=N,freq=N,name=x,
 *                 call-graph=dwarf,stack-size=N,inherit,no-inherit,
 *                 config=,config1=,config2=,time,no-time,.../
 *   pmu event     pmu/event-name/ and pmu/event-name,term=v/
 *   sysfs alias   an event name found in some PMU's events/ (e.g. "tsc")
 *   tracepoint    sys:name, with globs (sched:*, syscalls:sys_enter_*)
 *   breakpoint    mem:ADDR[/LEN][:rwx]
 *   modifiers     :u k h G H I p pp ppp P S D W e (combined: ":ukp")
 *   groups        {a,b} and {a,b}:modifiers
 *   lists         a,b,c
 *
 * Errors record the byte offset of the bad part so the user sees a caret
 * under it (parse_events_error__print()).
 *
 * Layer 1: depends on util/pmu, util/evsel, util/evlist, util/fs.
 */
#ifndef PERF_UTIL_PARSE_EVENTS_H
#define PERF_UTIL_PARSE_EVENTS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <linux/perf_event.h>

struct evlist;
struct option;

/**
 * struct parse_events_error - the first error found while parsing
 * @idx:  byte offset into the event string of the bad part, -1 if unknown
 * @str:  what is wrong ("parser error", "unknown term 'x' for pmu 'y'")
 * @help: a hint shown after the caret line (valid terms, ...), or NULL
 * @num_errors: errors seen; only the first is kept (it is the cause)
 */
struct parse_events_error {
	int idx;
	char *str;
	char *help;
	int num_errors;
};

void parse_events_error__init(struct parse_events_error *err);
void parse_events_error__exit(struct parse_events_error *err);
/* Record an error; the first one wins. Takes ownership of @str/@help. */
void parse_events_error__handle(struct parse_events_error *err, int idx,
				char *str, char *help);
/*
 * Print the reference's three-part message to @fp:
 *   event syntax error: 'EVENT'
 *                            \___ what
 *   <help>
 * Long events are shortened around the error with "..".
 */
void parse_events_error__print(const struct parse_events_error *err,
			       const char *event, FILE *fp);

/*
 * Parse @str and append the events to @evlist. Returns 0, or a negative
 * errno with @err filled (when @err is non-NULL). On error nothing is
 * added to @evlist.
 */
int parse_events(struct evlist *evlist, const char *str,
		 struct parse_events_error *err);

/*
 * OPT_CALLBACK handler for -e/--event: opt->value is a struct evlist **.
 * On error it prints the caret message and "Run 'perf list' for a list of
 * valid events", then returns -1 so the option's usage is shown.
 */
int parse_events_option(const struct option *opt, const char *str, int unset);

/*
 * OPT_CALLBACK handler for --filter: attaches the filter to the last
 * tracepoint event of the evlist in opt->value (struct evlist **).
 */
int parse_filter(const struct option *opt, const char *str, int unset);

/* ---- the symbolic event tables, shared with perf list ---- */

/**
 * struct event_symbol - a named hardware or software event
 * @symbol: the name perf list shows first ("cpu-cycles")
 * @alias:  second name or "" ("cycles")
 */
struct event_symbol {
	const char *symbol;
	const char *alias;
};

/* Indexed by PERF_COUNT_HW_* and PERF_COUNT_SW_*. */
extern const struct event_symbol event_symbols_hw[PERF_COUNT_HW_MAX];
extern const struct event_symbol event_symbols_sw[PERF_COUNT_SW_MAX];

/* Tool events: counted by perf itself, not by the kernel. */
enum tool_event {
	TOOL_EVENT_NONE,
	TOOL_EVENT_DURATION_TIME,
	TOOL_EVENT_USER_TIME,
	TOOL_EVENT_SYSTEM_TIME,
	TOOL_EVENT_MAX,
};
extern const char *const tool_event_names[TOOL_EVENT_MAX];

/*
 * Hardware cache events: "<cache>-<op>-<result>" from these names,
 * e.g. L1-dcache-load-misses. [type][0] is the main name, the rest are
 * aliases. NULL-terminated rows.
 */
#define PERF_EVSEL__MAX_ALIASES 8
extern const char *const
	evsel__hw_cache[PERF_COUNT_HW_CACHE_MAX][PERF_EVSEL__MAX_ALIASES];
extern const char *const
	evsel__hw_cache_op[PERF_COUNT_HW_CACHE_OP_MAX][PERF_EVSEL__MAX_ALIASES];
extern const char *const
	evsel__hw_cache_result[PERF_COUNT_HW_CACHE_RESULT_MAX][PERF_EVSEL__MAX_ALIASES];

/*
 * Whether a cache type supports an operation (the kernel rejects the
 * others): e.g. there is no "L1-icache-stores".
 */
bool evsel__is_cache_op_valid(uint8_t type, uint8_t op);

/*
 * Name of a hardware cache event config ("L1-dcache-load-misses") into
 * @buf. Returns the length, or -EINVAL for an invalid config.
 */
int evsel__hw_cache_type_op_res_name(uint8_t type, uint8_t op, uint8_t result,
				     char *buf, size_t size);

/*
 * Whether a glob @pat ('*', '?', '[...]') matches @name; used for
 * tracepoint globs and perf list filters.
 */
bool strglobmatch(const char *name, const char *pat);

#endif /* PERF_UTIL_PARSE_EVENTS_H */
