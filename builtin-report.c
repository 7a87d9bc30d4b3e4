// SPDX-License-Identifier: GPL-2.0
/*
 * perf report: read a perf.data file and show what it holds. Implemented
 * so far: the header (--header, --header-only, -I), the raw dump (-D) and
 * the event counts (--stats). The histogram report itself is still to
 * come; until then the command says so instead of printing something else.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "util/data.h"
#include "util/debug.h"
#include "util/event.h"
#include "util/evlist.h"
#include "util/header.h"
#include "util/parse-options.h"
#include "util/session.h"
#include "util/tool.h"
#include "util/util.h"

/**
 * struct report - perf report's state
 * @tool:          first member: the session calls back with it
 * @header:        --header: the header, then the report
 * @header_only:   --header-only
 * @show_full_info: -I: features shown only on request (topology, caches)
 * @stats_mode:    --stats
 * @skip_empty:    --skip-empty (default on): no zero counts in --stats
 * Options kept for the histogram report are stored as given.
 */
struct report {
	struct perf_tool tool;
	struct perf_session *session;
	const char *input_name;
	bool force;
	bool header;
	bool header_only;
	bool show_full_info;
	bool stats_mode;
	bool tasks_mode;
	bool mmaps_mode;
	bool skip_empty;
	bool use_stdio;
	bool use_tui;
	bool branch_stack;
	bool inverted_callchain;
	bool show_nr_samples;
	bool show_threads;
	bool hide_unresolved;
	bool exclude_other;
	bool modules;
	bool asm_raw;
	bool branch_history;
	bool children;
	bool demangle;
	bool demangle_kernel;
	bool disable_order;
	bool full_source_path;
	bool group;
	bool hierarchy;
	bool ignore_vmlinux;
	bool inline_funcs;
	bool mem_mode;
	bool nanosecs;
	bool raw_trace;
	bool show_cpu_utilization;
	bool show_on_off_events;
	bool show_ref_call_graph;
	bool show_total_period;
	bool source;
	bool stitch_lbr;
	bool total_cycles;
	int max_stack;
	int samples;
	int group_sort_idx;
	int socket_filter;
	const char *comms, *cpu_list, *dsos, *fields, *call_graph, *vmlinux;
	const char *disassembler_style, *parent, *sort, *symbols, *field_sep;
	const char *col_widths, *ignore_callees, *itrace, *kallsyms, *objdump;
	const char *percent_limit, *percent_type, *percentage, *pids, *prefix;
	const char *prefix_strip, *pretty, *stdio_color, *switch_off, *switch_on;
	const char *symbol_filter, *symfs, *tids, *time_str, *time_quantum;
};

static int report__process_sample(struct perf_tool *tool, union perf_event *event,
				  struct perf_sample *sample, struct evsel *evsel,
				  struct machine *machine)
{
	(void)tool; (void)event; (void)sample; (void)evsel; (void)machine;
	return 0;
}

static int report__lost_in_stats(struct perf_tool *tool, union perf_event *event,
				 struct perf_sample *sample, struct machine *machine)
{
	(void)tool; (void)event; (void)sample; (void)machine;
	return 0;
}

/* Pipe mode: the header's features come as records and print as they come. */
static int report__process_feature(struct perf_session *session, union perf_event *event)
{
	struct report *rep = container_of(session->tool, struct report, tool);
	uint64_t feat = event->feat.feat_id;

	if (feat == HEADER_LAST_FEATURE) {
		/* Until the histogram report exists, --header stops here too. */
		if (rep->header_only || rep->header)
			session->done = true;
		return 0;
	}
	if (feat > HEADER_LAST_FEATURE) {
		pr_err("failed: wrong feature ID: %llu\n", (unsigned long long)feat);
		return -EINVAL;
	}
	if ((rep->header || rep->header_only) && session->header.is_pipe)
		perf_header__fprintf_feature(&session->header, session->evlist, (int)feat,
					     stdout, rep->show_full_info);
	return 0;
}

static int parse_string_cb(const struct option *opt, const char *arg, int unset)
{
	*(const char **)opt->value = unset ? NULL : arg;
	return 0;
}

static int __cmd_report(struct report *rep)
{
	struct perf_data data = {
		.path = rep->input_name && *rep->input_name ? rep->input_name : NULL,
		.mode = PERF_DATA_MODE_READ,
		.force = rep->force,
	};
	struct perf_session *session;
	int err;

	/* 1. open: the session prints why it cannot */
	session = perf_session__new(&data, &rep->tool);
	if (IS_ERR(session))
		return -1;
	rep->session = session;

	/* 2. the header, or the note about it */
	if (rep->header || rep->header_only) {
		printf("# ========\n");
		perf_header__fprintf_info(&session->header, session->evlist, stdout,
					  rep->show_full_info);
		printf("# ========\n#\n");
		/* A pipe's features are records: read up to the end marker. */
		err = data.is_pipe ? perf_session__process_events(session) : 0;
		if (rep->header_only || err) {
			perf_session__delete(session);
			return err && err != -ENODATA ? -1 : 0;
		}
	} else if (!quiet && !rep->stats_mode && !rep->tasks_mode && !rep->mmaps_mode) {
		fputs("# To display the perf.data header info, please use "
		      "--header/--header-only options.\n#\n", stdout);
	}

	if (!dump_trace && !rep->stats_mode) {
		/* The histogram report is not written yet: say so, do not guess. */
		fprintf(stderr, "perf report --stdio: not supported by this perf yet\n");
		perf_session__delete(session);
		return 1;
	}

	/* 3. read every record */
	err = perf_session__process_events(session);
	if (err) {
		perf_session__delete(session);
		if (err == -ENODATA) {
			/*
			 * The reference fails this way on a file perf record did
			 * not finish, and exits 0; -f recovers the records.
			 */
			fprintf(stderr, "Error:\nfailed to process sample\n");
			if (!quiet)
				fprintf(stderr, "(use -f to read the records it holds anyway)\n");
			return 0;
		}
		return -1;
	}

	/* 4. print */
	perf_session__fprintf_nr_events(session, stdout, rep->skip_empty);
	perf_session__delete(session);
	return 0;
}

int cmd_report(int argc, const char **argv)
{
	struct report rep = {
		.tool = {
			.sample		= report__process_sample,
			.read		= report__process_sample,
			/* Until symbolization lands these only say what they saw under -D. */
			.mmap		= perf_tool__noop,
			.mmap2		= perf_tool__noop,
			.comm		= perf_tool__noop,
			.namespaces	= perf_tool__noop,
			.cgroup		= perf_tool__noop,
			.exit		= perf_tool__noop,
			.fork		= perf_tool__noop,
			.attr		= perf_tool__noop2,
			.tracing_data	= perf_tool__noop2,
			.build_id	= perf_tool__noop2,
			.id_index	= perf_tool__noop2,
			.auxtrace_info	= perf_tool__noop2,
			.auxtrace	= perf_tool__noop2,
			.event_update	= perf_tool__noop2,
			.feature	= report__process_feature,
			.ordered_events	= true,
		},
		.skip_empty = true,
		.children = true,
		.demangle = true,
		.max_stack = 127,
		.group_sort_idx = 0,
		.socket_filter = -1,
	};
	const char * const report_usage[] = {
		"perf report [<options>]",
		NULL
	};
	const struct option options[] = {
	OPT_STRING('i', "input", &rep.input_name, "file", "input file name"),
	OPT_INCR('v', "verbose", &verbose, "be more verbose (show symbol address, etc)"),
	OPT_BOOLEAN('q', "quiet", &quiet, "Do not show any warnings or messages"),
	OPT_BOOLEAN('D', "dump-raw-trace", &dump_trace, "dump raw trace in ASCII"),
	OPT_BOOLEAN(0, "stats", &rep.stats_mode, "Display event stats"),
	OPT_BOOLEAN(0, "tasks", &rep.tasks_mode, "Display recorded tasks"),
	OPT_BOOLEAN(0, "mmaps", &rep.mmaps_mode, "Display recorded tasks memory maps"),
	OPT_STRING('k', "vmlinux", &rep.vmlinux, "file", "vmlinux pathname"),
	OPT_BOOLEAN(0, "ignore-vmlinux", &rep.ignore_vmlinux, "don't load vmlinux even if found"),
	OPT_STRING(0, "kallsyms", &rep.kallsyms, "file", "kallsyms pathname"),
	OPT_BOOLEAN('f', "force", &rep.force, "don't complain, do it"),
	OPT_BOOLEAN('m', "modules", &rep.modules,
		    "load module symbols - WARNING: use only with -k and LIVE kernel"),
	OPT_BOOLEAN('n', "show-nr-samples", &rep.show_nr_samples,
		    "Show a column with the number of samples"),
	OPT_BOOLEAN('T', "threads", &rep.show_threads, "Show per-thread event counters"),
	OPT_STRING(0, "pretty", &rep.pretty, "key", "pretty printing style key: normal raw"),
	OPT_BOOLEAN(0, "tui", &rep.use_tui, "Use the TUI interface"),
	OPT_BOOLEAN(0, "stdio", &rep.use_stdio, "Use the stdio interface"),
	OPT_BOOLEAN(0, "header", &rep.header, "Show data header."),
	OPT_BOOLEAN(0, "header-only", &rep.header_only, "Show only data header."),
	OPT_STRING('s', "sort", &rep.sort, "key[,key2...]",
		   "sort by key(s): overhead overhead_sys overhead_us overhead_guest_sys\n"
		   "\t\t\t  overhead_guest_us overhead_children sample period\n"
		   "\t\t\t  pid comm dso symbol parent cpu socket srcline srcfile\n"
		   "\t\t\t  local_weight weight transaction trace symbol_size\n"
		   "\t\t\t  dso_size cgroup cgroup_id ipc_null time code_page_size\n"
		   "\t\t\t  local_ins_lat ins_lat local_p_stage_cyc p_stage_cyc\n"
		   "\t\t\t  addr dso_from dso_to symbol_from symbol_to mispredict\n"
		   "\t\t\t  abort in_tx cycles srcline_from srcline_to ipc_lbr\n"
		   "\t\t\t  addr_from addr_to symbol_daddr dso_daddr locked tlb\n"
		   "\t\t\t  mem snoop dcacheline symbol_iaddr phys_daddr data_page_size\n"
		   "\t\t\t  blocked"),
	OPT_STRING('F', "fields", &rep.fields, "key[,keys...]",
		   "output field(s): overhead period sample  overhead overhead_sys\n"
		   "\t\t\t  overhead_us overhead_guest_sys overhead_guest_us overhead_children\n"
		   "\t\t\t  sample period pid comm dso symbol parent cpu socket\n"
		   "\t\t\t  srcline srcfile local_weight weight transaction trace\n"
		   "\t\t\t  symbol_size dso_size cgroup cgroup_id ipc_null time\n"
		   "\t\t\t  code_page_size local_ins_lat ins_lat local_p_stage_cyc\n"
		   "\t\t\t  p_stage_cyc addr dso_from dso_to symbol_from symbol_to\n"
		   "\t\t\t  mispredict abort in_tx cycles srcline_from srcline_to\n"
		   "\t\t\t  ipc_lbr addr_from addr_to symbol_daddr dso_daddr locked\n"
		   "\t\t\t  tlb mem snoop dcacheline symbol_iaddr phys_daddr data_page_size\n"
		   "\t\t\t  blocked"),
	OPT_BOOLEAN(0, "show-cpu-utilization", &rep.show_cpu_utilization,
		    "Show sample percentage for different cpu modes"),
	OPT_STRING('p', "parent", &rep.parent, "regex",
		   "regex filter to identify parent, see: '--sort parent'"),
	OPT_BOOLEAN('x', "exclude-other", &rep.exclude_other,
		    "Only display entries with parent-match"),
	OPT_CALLBACK_DEFAULT('g', "call-graph", &rep.call_graph,
			    "print_type,threshold[,print_limit],order,sort_key[,branch],value",
			    "Display call graph (stack chain/backtrace):\n\n"
			    "\t\t\t\tprint_type:\tcall graph printing style (graph|flat|fractal|folded|none)\n"
			    "\t\t\t\tthreshold:\tminimum call graph inclusion threshold (<percent>)\n"
			    "\t\t\t\tprint_limit:\tmaximum number of call graph entry (<number>)\n"
			    "\t\t\t\torder:\t\tcall graph order (caller|callee)\n"
			    "\t\t\t\tsort_key:\tcall graph sort key (function|address)\n"
			    "\t\t\t\tbranch:\t\tinclude last branch info to call graph (branch)\n"
			    "\t\t\t\tvalue:\t\tcall graph value (percent|period|count)\n\n"
			    "\t\t\t\tDefault: graph,0.5,caller,function,percent",
			    parse_string_cb, "graph,0.5,caller,function,percent"),
	OPT_BOOLEAN(0, "children", &rep.children,
		    "Accumulate callchains of children and show total overhead as well. "
		    "Enabled by default, use --no-children to disable."),
	OPT_INTEGER(0, "max-stack", &rep.max_stack,
		    "Set the maximum stack depth when parsing the callchain, "
		    "anything beyond the specified depth will be ignored. "
		    "Default: kernel.perf_event_max_stack or 127"),
	OPT_BOOLEAN('G', "inverted", &rep.inverted_callchain, "alias for inverted call graph"),
	OPT_STRING(0, "ignore-callees", &rep.ignore_callees, "regex",
		   "ignore callees of these functions in call graphs"),
	OPT_STRING('d', "dsos", &rep.dsos, "dso[,dso...]", "only consider symbols in these dsos"),
	OPT_STRING('c', "comms", &rep.comms, "comm[,comm...]",
		   "only consider symbols in these comms"),
	OPT_STRING(0, "pid", &rep.pids, "pid[,pid...]", "only consider symbols in these pids"),
	OPT_STRING(0, "tid", &rep.tids, "tid[,tid...]", "only consider symbols in these tids"),
	OPT_STRING('S', "symbols", &rep.symbols, "symbol[,symbol...]",
		   "only consider these symbols"),
	OPT_STRING(0, "symbol-filter", &rep.symbol_filter, "filter",
		   "only show symbols that (partially) match with this filter"),
	OPT_STRING('w', "column-widths", &rep.col_widths, "width[,width...]",
		   "don't try to adjust column width, use these fixed values"),
	OPT_STRING('t', "field-separator", &rep.field_sep, "separator",
		   "separator for columns, no spaces will be added between "
		   "columns '.' is reserved."),
	OPT_BOOLEAN('U', "hide-unresolved", &rep.hide_unresolved,
		    "Only display entries resolved to a symbol"),
	OPT_STRING(0, "symfs", &rep.symfs, "directory",
		   "Look for files with symbols relative to this directory"),
	OPT_STRING('C', "cpu", &rep.cpu_list, "cpu", "list of cpus to profile"),
	OPT_BOOLEAN('I', "show-info", &rep.show_full_info,
		    "Display extended information about perf.data file"),
	OPT_BOOLEAN(0, "source", &rep.source,
		    "Interleave source code with assembly code (default)"),
	OPT_BOOLEAN(0, "asm-raw", &rep.asm_raw,
		    "Display raw encoding of assembly instructions (default)"),
	OPT_STRING('M', "disassembler-style", &rep.disassembler_style, "disassembler style",
		   "Specify disassembler style (e.g. -M intel for intel syntax)"),
	OPT_STRING(0, "prefix", &rep.prefix, "prefix",
		   "Add prefix to source file path names in programs (with --prefix-strip)"),
	OPT_STRING(0, "prefix-strip", &rep.prefix_strip, "N",
		   "Strip first N entries of source file path name in programs (with --prefix)"),
	OPT_BOOLEAN(0, "show-total-period", &rep.show_total_period,
		    "Show a column with the sum of periods"),
	OPT_BOOLEAN(0, "group", &rep.group, "Show event group information together"),
	OPT_INTEGER(0, "group-sort-idx", &rep.group_sort_idx,
		    "Sort the output by the event at the index n in group. If n is invalid, "
		    "sort by the first event. WARNING: should be used on grouped events."),
	OPT_BOOLEAN('b', "branch-stack", &rep.branch_stack,
		    "use branch records for per branch histogram filling"),
	OPT_BOOLEAN(0, "branch-history", &rep.branch_history,
		    "add last branch records to call history"),
	OPT_STRING(0, "objdump", &rep.objdump, "path", "objdump binary to use for disassembly and annotations"),
	OPT_BOOLEAN(0, "demangle", &rep.demangle, "Disable symbol demangling"),
	OPT_BOOLEAN(0, "demangle-kernel", &rep.demangle_kernel,
		    "Enable kernel symbol demangling"),
	OPT_BOOLEAN(0, "mem-mode", &rep.mem_mode, "mem access profile"),
	OPT_INTEGER(0, "samples", &rep.samples,
		    "Number of samples to save per histogram entry for individual browsing"),
	OPT_CALLBACK(0, "percent-limit", &rep.percent_limit, "percent",
		     "Don't show entries under that percent", parse_string_cb),
	OPT_CALLBACK(0, "percentage", &rep.percentage, "relative|absolute",
		     "how to display percentage of filtered entries", parse_string_cb),
	OPT_CALLBACK_OPTARG(0, "itrace", &rep.itrace, NULL, "opts",
			    "Instruction Tracing options\n"
			    "\t\t\t\ti[period]:    \t\tsynthesize instructions events\n"
			    "\t\t\t\tb:\t    \t\tsynthesize branches events (branch misses for Arm SPE)\n"
			    "\t\t\t\tc:\t    \t\tsynthesize branches events (calls only)\n"
			    "\t\t\t\tr:\t    \t\tsynthesize branches events (returns only)\n"
			    "\t\t\t\tx:\t    \t\tsynthesize transactions events\n"
			    "\t\t\t\tw:\t    \t\tsynthesize ptwrite events\n"
			    "\t\t\t\tp:\t    \t\tsynthesize power events\n"
			    "\t\t\t\to:\t\t\tsynthesize other events recorded due to the use\n"
			    "\t\t\t\t\t\t\tof aux-output (refer to perf record)\n"
			    "\t\t\t\tI:\t\t\tsynthesize interrupt or similar (asynchronous) events\n"
			    "\t\t\t\t\t\t\t(e.g. Intel PT Event Trace)\n"
			    "\t\t\t\te[flags]:\t\tsynthesize error events\n"
			    "\t\t\t\t\t\t\teach flag must be preceded by + or -\n"
			    "\t\t\t\t\t\t\terror flags are: o (overflow)\n"
			    "\t\t\t\t\t\t\t\t\t l (data lost)\n"
			    "\t\t\t\td[flags]:\t\tcreate a debug log\n"
			    "\t\t\t\t\t\t\teach flag must be preceded by + or -\n"
			    "\t\t\t\t\t\t\tlog flags are: a (all perf events)\n"
			    "\t\t\t\t\t\t\t               o (output to stdout)\n"
			    "\t\t\t\tf:\t    \t\tsynthesize first level cache events\n"
			    "\t\t\t\tm:\t    \t\tsynthesize last level cache events\n"
			    "\t\t\t\tt:\t    \t\tsynthesize TLB events\n"
			    "\t\t\t\ta:\t    \t\tsynthesize remote access events\n"
			    "\t\t\t\tg[len]:     \t\tsynthesize a call chain (use with i or x)\n"
			    "\t\t\t\tG[len]:\t\t\tsynthesize a call chain on existing event records\n"
			    "\t\t\t\tl[len]:     \t\tsynthesize last branch entries (use with i or x)\n"
			    "\t\t\t\tL[len]:\t\t\tsynthesize last branch entries on existing event records\n"
			    "\t\t\t\tsNUMBER:    \t\tskip initial number of events\n"
			    "\t\t\t\tq:\t\t\tquicker (less detailed) decoding\n"
			    "\t\t\t\tA:\t\t\tapproximate IPC\n"
			    "\t\t\t\tZ:\t\t\tprefer to ignore timestamps (so-called \"timeless\" decoding)\n"
			    "\t\t\t\tPERIOD[ns|us|ms|i|t]:   specify period to sample stream\n"
			    "\t\t\t\tconcatenate multiple options. Default is ibxwpe or cewp\n",
			    parse_string_cb),
	OPT_BOOLEAN(0, "full-source-path", &rep.full_source_path,
		    "Show full source file name path for source lines"),
	OPT_BOOLEAN(0, "show-ref-call-graph", &rep.show_ref_call_graph,
		    "Show callgraph from reference event"),
	OPT_BOOLEAN(0, "stitch-lbr", &rep.stitch_lbr,
		    "Enable LBR callgraph stitching approach"),
	OPT_INTEGER(0, "socket-filter", &rep.socket_filter,
		    "only show processor socket that match with this filter"),
	OPT_BOOLEAN(0, "raw-trace", &rep.raw_trace,
		    "Show raw trace event output (do not use print fmt or plugins)"),
	OPT_BOOLEAN(0, "hierarchy", &rep.hierarchy, "Show entries in a hierarchy"),
	OPT_CALLBACK_DEFAULT(0, "stdio-color", &rep.stdio_color, "mode",
			     "'always' (default), 'never' or 'auto' only applicable to --stdio mode",
			     parse_string_cb, "always"),
	OPT_STRING(0, "time", &rep.time_str, "str", "Time span of interest (start,stop)"),
	OPT_BOOLEAN(0, "inline", &rep.inline_funcs, "Show inline function"),
	OPT_CALLBACK(0, "percent-type", &rep.percent_type, "local-period",
		     "Set percent type local/global-period/hits", parse_string_cb),
	OPT_BOOLEAN(0, "ns", &rep.nanosecs, "Show times in nanosecs"),
	OPT_CALLBACK(0, "time-quantum", &rep.time_quantum, "time (ms|us|ns|s)",
		     "Set time quantum for time sort key (default 100ms)", parse_string_cb),
	OPT_STRING(0, "switch-on", &rep.switch_on, "event",
		   "Consider events after the ocurrence of this event"),
	OPT_STRING(0, "switch-off", &rep.switch_off, "event",
		   "Stop considering events after the ocurrence of this event"),
	OPT_BOOLEAN(0, "show-on-off-events", &rep.show_on_off_events,
		    "Show the on/off switch events, used with --switch-on and --switch-off"),
	OPT_BOOLEAN(0, "total-cycles", &rep.total_cycles, "Sort all blocks by 'Sampled Cycles%'"),
	OPT_BOOLEAN(0, "disable-order", &rep.disable_order, "Disable raw trace ordering"),
	OPT_BOOLEAN(0, "skip-empty", &rep.skip_empty,
		    "Do not display empty (or dummy) events in the output"),
	OPT_END()
	};
	int argc_left;

	argc_left = parse_options(argc, argv, options, report_usage, 0);
	if (argc_left) {
		/* A lone argument is a symbol filter, as in the reference. */
		if (argc_left > 1)
			usage_with_options(report_usage, options);
		rep.symbol_filter = argv[0];
	}
	if (quiet)
		verbose = -1;
	if (rep.disable_order)
		rep.tool.ordered_events = false;
	/*
	 * --stats prints the LOST counts itself: the reference gives no
	 * "lost chunks" warning then. The session warns only when these are
	 * the no-op handler.
	 */
	if (rep.stats_mode) {
		rep.tool.lost = report__lost_in_stats;
		rep.tool.lost_samples = report__lost_in_stats;
	}

	return __cmd_report(&rep);
}
