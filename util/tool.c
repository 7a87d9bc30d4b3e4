// SPDX-License-Identifier: GPL-2.0
/* The default callbacks of a perf_tool. */
#include <stdio.h>

#include "event.h"
#include "tool.h"

int perf_tool__unhandled_sample(struct perf_tool *tool, union perf_event *event,
				struct perf_sample *sample, struct evsel *evsel,
				struct machine *machine)
{
	(void)tool; (void)event; (void)sample; (void)evsel; (void)machine;
	dump_printf(": unhandled!\n");
	return 0;
}

int perf_tool__unhandled_op(struct perf_tool *tool, union perf_event *event,
			    struct perf_sample *sample, struct machine *machine)
{
	(void)tool; (void)event; (void)sample; (void)machine;
	dump_printf(": unhandled!\n");
	return 0;
}

int perf_tool__unhandled_op2(struct perf_session *session, union perf_event *event)
{
	(void)session; (void)event;
	dump_printf(": unhandled!\n");
	return 0;
}

int perf_tool__noop(struct perf_tool *tool, union perf_event *event,
		    struct perf_sample *sample, struct machine *machine)
{
	(void)tool; (void)event; (void)sample; (void)machine;
	return 0;
}

int perf_tool__noop2(struct perf_session *session, union perf_event *event)
{
	(void)session; (void)event;
	return 0;
}

#define DEFAULT(field, fn) do { if (!tool->field) tool->field = fn; } while (0)

void perf_tool__fill_defaults(struct perf_tool *tool)
{
	DEFAULT(sample, perf_tool__unhandled_sample);
	DEFAULT(read, perf_tool__unhandled_sample);
	DEFAULT(mmap, perf_tool__unhandled_op);
	DEFAULT(mmap2, perf_tool__unhandled_op);
	DEFAULT(comm, perf_tool__unhandled_op);
	DEFAULT(namespaces, perf_tool__unhandled_op);
	DEFAULT(cgroup, perf_tool__unhandled_op);
	DEFAULT(fork, perf_tool__unhandled_op);
	DEFAULT(exit, perf_tool__unhandled_op);
	DEFAULT(throttle, perf_tool__unhandled_op);
	DEFAULT(unthrottle, perf_tool__unhandled_op);
	/* The reference handles these itself when the tool does not. */
	DEFAULT(lost, perf_tool__noop);
	DEFAULT(lost_samples, perf_tool__noop);
	DEFAULT(aux, perf_tool__noop);
	DEFAULT(itrace_start, perf_tool__noop);
	DEFAULT(aux_output_hw_id, perf_tool__noop);
	DEFAULT(context_switch, perf_tool__noop);
	DEFAULT(ksymbol, perf_tool__noop);
	DEFAULT(bpf, perf_tool__noop);
	DEFAULT(text_poke, perf_tool__noop);

	DEFAULT(attr, perf_tool__unhandled_op2);
	DEFAULT(tracing_data, perf_tool__unhandled_op2);
	DEFAULT(build_id, perf_tool__unhandled_op2);
	DEFAULT(id_index, perf_tool__unhandled_op2);
	DEFAULT(auxtrace_info, perf_tool__unhandled_op2);
	DEFAULT(auxtrace, perf_tool__unhandled_op2);
	DEFAULT(auxtrace_error, perf_tool__unhandled_op2);
	DEFAULT(thread_map, perf_tool__unhandled_op2);
	DEFAULT(cpu_map, perf_tool__unhandled_op2);
	DEFAULT(stat_config, perf_tool__unhandled_op2);
	DEFAULT(stat, perf_tool__unhandled_op2);
	DEFAULT(stat_round, perf_tool__unhandled_op2);
	DEFAULT(event_update, perf_tool__unhandled_op2);
	DEFAULT(time_conv, perf_tool__unhandled_op2);
	DEFAULT(feature, perf_tool__unhandled_op2);
	DEFAULT(finished_init, perf_tool__unhandled_op2);
	/* Round flushing is the session's; the callback only observes it. */
	DEFAULT(finished_round, perf_tool__noop2);
}
