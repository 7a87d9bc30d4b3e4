/* SPDX-License-Identifier: GPL-2.0 */
/*
 * --switch-on/--switch-off of perf script and perf report: samples count
 * only after an event named by --switch-on was seen, and until one named
 * by --switch-off is. The switching samples themselves are dropped
 * unless --show-on-off-events.
 *
 * Layer 2: depends on util/evlist.
 */
#ifndef PERF_UTIL_EVSWITCH_H
#define PERF_UTIL_EVSWITCH_H

#include <stdbool.h>

struct evlist;
struct evsel;

/* The builtins' hint after an unknown event name. */
#define EVSWITCH_HINT "HINT:  use 'perf evlist' to see the available event names\n"

struct evswitch {
	struct evsel *on, *off;
	bool discarding;
	bool show_on_off_events;
};

/*
 * Find the events named @on and @off (either may be NULL) in @evlist.
 * Returns 0, or -ENOENT with *@missing set to the name not found.
 */
int evswitch__init(struct evswitch *es, struct evlist *evlist, const char *on,
		   const char *off, const char **missing);

/* Whether a sample of @evsel is dropped; updates the on/off state. */
bool evswitch__discard(struct evswitch *es, struct evsel *evsel);

#endif /* PERF_UTIL_EVSWITCH_H */
