// SPDX-License-Identifier: GPL-2.0
/* --switch-on/--switch-off: which samples count, by the events seen so far. */
#include <errno.h>
#include <stddef.h>

#include "evlist.h"
#include "evswitch.h"

int evswitch__init(struct evswitch *es, struct evlist *evlist, const char *on,
		   const char *off, const char **missing)
{
	if (on) {
		es->on = evlist__find_evsel_by_str(evlist, on);
		if (!es->on) {
			*missing = on;
			return -ENOENT;
		}
		es->discarding = true;
	}
	if (off) {
		es->off = evlist__find_evsel_by_str(evlist, off);
		if (!es->off) {
			*missing = off;
			return -ENOENT;
		}
	}
	return 0;
}

bool evswitch__discard(struct evswitch *es, struct evsel *evsel)
{
	if (es->on && es->discarding) {
		if (es->on != evsel)
			return true;
		es->discarding = false;
		return !es->show_on_off_events;
	}
	if (es->off && !es->discarding) {
		if (es->off != evsel)
			return false;
		es->discarding = true;
		return !es->show_on_off_events;
	}
	return false;
}
