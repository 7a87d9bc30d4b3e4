/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The catalogue behind perf list: which events this machine can use, one
 * section at a time, filtered by a glob and in the order perf list shows
 * them. Nothing here prints: each event goes to a callback, and the
 * caller (builtin-list.c) owns the layout, the pager and the raw dump.
 *
 * Sections, in the order a full listing walks them:
 *   hardware, software, tool, hardware cache  (only what opens here)
 *   kernel PMU events                         (sysfs aliases, described ones last)
 *   raw descriptors, breakpoint               (syntax reminders, no filter)
 *   tracepoints                               (tracefs, sorted by subsystem/event)
 *   SDT events                                (from the build-id cache)
 *
 * Layer 1: depends on perf-sys.h, util/parse-events (name tables, globs),
 * util/pmu, util/tracepoint, util/fs, util/config. Must not depend on ui/.
 */
#ifndef PERF_UTIL_PRINT_EVENTS_H
#define PERF_UTIL_PRINT_EVENTS_H

#include <stdbool.h>
#include <stdint.h>

enum event_section {
	EVENT_SECTION_HW,
	EVENT_SECTION_SW,
	EVENT_SECTION_TOOL,
	EVENT_SECTION_CACHE,
	EVENT_SECTION_PMU,
	EVENT_SECTION_RAW,
	EVENT_SECTION_BREAKPOINT,
	EVENT_SECTION_TRACEPOINT,
	EVENT_SECTION_SDT,
};

/**
 * struct event_info - one event handed to the print callback
 * @section:   which section it belongs to
 * @name:      what the user types, already in the form perf list shows:
 *             "context-switches OR cs", "msr/tsc/", "sched:sched_switch";
 *             with print_events_opts.name_only the bare name only
 * @type_desc: the bracketed type ("Software event", "Kernel PMU event")
 * @desc:      description, NULL when none is known (sysfs aliases)
 * @topic:     heading that groups described PMU events, or NULL
 * @pmu_name:  the PMU for PMU events, else NULL
 * @encoding:  how the kernel sees it ("type=1,config=0x0",
 *             "msr/event=0x00/"), NULL when it has none worth showing
 * @deprecated: the event is kept only for old scripts
 *
 * All strings are valid only during the callback.
 */
struct event_info {
	enum event_section section;
	const char *name;
	const char *type_desc;
	const char *desc;
	const char *topic;
	const char *pmu_name;
	const char *encoding;
	bool deprecated;
};

/**
 * struct print_callbacks - where the events go
 * @print_event: one event, in display order
 * @section_end: after a section was walked, with the number of events
 *               given to @print_event (the layout may add a separator)
 */
struct print_callbacks {
	void (*print_event)(void *state, const struct event_info *ev);
	void (*section_end)(void *state, enum event_section section, int nr);
};

/**
 * struct print_events_opts - what to list and how names are formed
 * @name_only:  bare names ("context-switches", not "... OR cs"): sorting
 *              and de-duplication are then done on the bare names
 * @long_desc:  prefer long descriptions (none are known today, so this
 *              selects @desc)
 * @deprecated: include events marked deprecated
 * @details:    fill event_info.encoding
 * @pmu_name:   only PMU events of this PMU (hybrid --cputype), or NULL
 */
struct print_events_opts {
	bool name_only;
	bool long_desc;
	bool deprecated;
	bool details;
	const char *pmu_name;
};

/*
 * Each walker takes an optional glob (NULL: everything), calls
 * @cb->print_event per match and @cb->section_end once at the end, and
 * returns the number of events given to the callback, or a negative errno
 * when it could not run at all (-ENOMEM). A section that has nothing on
 * this machine (no tracefs, no build-id cache) returns 0.
 */

/*
 * Generic hardware (@type PERF_TYPE_HARDWARE) or software
 * (PERF_TYPE_SOFTWARE) events the kernel accepts for this task. The glob
 * is matched against the name and the alias.
 */
int print_events__symbols(const struct print_callbacks *cb, void *state,
			  const struct print_events_opts *opts, uint32_t type,
			  const char *glob);

/* duration_time, user_time, system_time: counted by perf itself. */
int print_events__tool(const struct print_callbacks *cb, void *state,
		       const struct print_events_opts *opts, const char *glob);

/* "<cache>-<op>-<result>" combinations the kernel accepts here. */
int print_events__hwcache(const struct print_callbacks *cb, void *state,
			  const struct print_events_opts *opts, const char *glob);

/*
 * Named events of the sysfs PMUs: "pmu/event/", and for a core PMU
 * "event OR cpu/event/". Described events come after the others. The glob
 * is matched without regard to case.
 */
int print_events__pmu(const struct print_callbacks *cb, void *state,
		      const struct print_events_opts *opts, const char *glob);

/* The raw-descriptor and breakpoint syntax lines (two sections). */
int print_events__syntax(const struct print_callbacks *cb, void *state,
			 const struct print_events_opts *opts);

/*
 * Tracepoints "sys:event" whose subsystem matches @sys_glob and whose
 * event matches @event_glob (either may be NULL).
 */
int print_events__tracepoints(const struct print_callbacks *cb, void *state,
			      const struct print_events_opts *opts,
			      const char *sys_glob, const char *event_glob);

/*
 * SDT events ("sdt_provider:name") cached by `perf buildid-cache --add`
 * for binaries whose build-id still matches the file on disk. When two
 * binaries provide the same name, each line gets "@path(buildid)". The
 * cache is $PERF_BUILDID_DIR, the buildid.dir config, or ~/.debug.
 */
int print_events__sdt(const struct print_callbacks *cb, void *state,
		      const struct print_events_opts *opts,
		      const char *sys_glob, const char *event_glob);

/*
 * Every section in perf list's order, from hardware events to SDT events
 * (metrics are not events: the caller adds them). With @glob NULL this is
 * the full listing, syntax lines included; with a glob, the events of
 * every section matching it (tracepoints and SDT events by event name),
 * and no syntax lines. Returns 0 or a negative errno.
 */
int print_events__all(const struct print_callbacks *cb, void *state,
		      const struct print_events_opts *opts, const char *glob);

#endif /* PERF_UTIL_PRINT_EVENTS_H */
