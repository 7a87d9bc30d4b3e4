/* SPDX-License-Identifier: GPL-2.0 */
/*
 * perf_tool: the callbacks a command gives the session to receive the
 * records of a perf.data stream, one per record type. A builtin embeds it
 * as the first member of its state struct and gets back to the state with
 * container_of().
 *
 * Unset callbacks are filled by perf_tool__fill_defaults() with handlers
 * that ignore the record (the session still uses attr/feature/id_index
 * records itself).
 *
 * Layer 2: depends on util/event.h.
 */
#ifndef PERF_UTIL_TOOL_H
#define PERF_UTIL_TOOL_H

#include <stdbool.h>
#include <stdint.h>

#include "event.h"

struct evsel;
struct machine;
struct perf_session;
struct perf_tool;

/* Return 0 to go on, negative errno to stop the session with that error. */
typedef int (*event_sample)(struct perf_tool *tool, union perf_event *event,
			    struct perf_sample *sample, struct evsel *evsel,
			    struct machine *machine);
typedef int (*event_op)(struct perf_tool *tool, union perf_event *event,
			struct perf_sample *sample, struct machine *machine);
typedef int (*event_op2)(struct perf_session *session, union perf_event *event);

struct perf_tool {
	event_sample	sample,
			read;
	event_op	mmap,
			mmap2,
			comm,
			namespaces,
			cgroup,
			fork,
			exit,
			lost,
			lost_samples,
			aux,
			itrace_start,
			aux_output_hw_id,
			context_switch,
			throttle,
			unthrottle,
			ksymbol,
			bpf,
			text_poke;
	event_op2	attr,
			tracing_data,
			build_id,
			id_index,
			auxtrace_info,
			auxtrace,
			auxtrace_error,
			thread_map,
			cpu_map,
			stat_config,
			stat,
			stat_round,
			event_update,
			time_conv,
			feature,
			finished_round,
			finished_init;
	/* Deliver in timestamp order (needs PERF_SAMPLE_TIME on every event). */
	bool ordered_events;
	/* Also deliver records whose type no one defined (with a count kept). */
	bool show_unknown;
};

/* Fill every NULL callback with one that ignores the record. */
void perf_tool__fill_defaults(struct perf_tool *tool);

/*
 * The defaults perf_tool__fill_defaults() installs. The "unhandled" ones
 * say ": unhandled!" under -D, as the reference's do; the session prints
 * a record's decoded fields only when its callback is not one of them
 * (for the record types whose fields the reference prints from the real
 * handler). perf_tool__noop() ignores silently: the default for records
 * the reference handles itself (lost, switch, ksymbol, ...).
 */
int perf_tool__unhandled_sample(struct perf_tool *tool, union perf_event *event,
				struct perf_sample *sample, struct evsel *evsel,
				struct machine *machine);
int perf_tool__unhandled_op(struct perf_tool *tool, union perf_event *event,
			    struct perf_sample *sample, struct machine *machine);
int perf_tool__unhandled_op2(struct perf_session *session, union perf_event *event);
int perf_tool__noop(struct perf_tool *tool, union perf_event *event,
		    struct perf_sample *sample, struct machine *machine);
int perf_tool__noop2(struct perf_session *session, union perf_event *event);

#endif /* PERF_UTIL_TOOL_H */
