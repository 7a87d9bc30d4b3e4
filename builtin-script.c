// SPDX-License-Identifier: GPL-2.0
/*
 * perf script: print the events of a perf.data file one per line (and a
 * callchain frame per line), in the reference's text layout, with -F to
 * choose the fields; or hand them to a python script (-s), write a starter
 * script (-g python), list and run the bundled scripts (-l, record, report).
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "builtin.h"
#include "util/data.h"
#include "util/debug.h"
#include "util/exec-cmd.h"
#include "util/dso.h"
#include "util/event.h"
#include "util/evlist.h"
#include "util/evsel.h"
#include "util/evswitch.h"
#include "util/header.h"
#include "util/itrace.h"
#include "util/machine.h"
#include "util/map.h"
#include "util/output-file.h"
#include "util/parse-options.h"
#include "util/script-fields.h"
#include "util/script-filter.h"
#include "util/script-print.h"
#include "util/scripting.h"
#include "util/session.h"
#include "util/symbol.h"
#include "util/thread.h"
#include "util/tool.h"
#include "util/trace-event-parse.h"
#include "util/unwind.h"
#include "util/util.h"
#include "util/zalloc.h"

/* What the script keeps per event (evsel->priv). */
struct script_evsel {
	struct tep_event *tp_format;
	bool tp_looked_up;
	uint64_t samples;
	/* --per-event-dump: the event's own file */
	FILE *fp;
	char *filename;
};

/**
 * struct perf_script - perf script's state
 * @tool:         first member: the session calls back with it
 * @fields:       the -F selection per event kind
 * @sp:           the printer (stream, time mode, max stack)
 * @tevent:       tracepoint formats, parsed on the first tracepoint sample
 * @use_callchain: callchains are shown (not -G, and some event has them)
 * @name_width:   width of the event name column, from the longest name
 * @cpu_bitmap:   -C
 * @ranges, @nr_ranges: --time
 */
struct perf_script {
	struct perf_tool tool;
	struct perf_session *session;
	struct machine *machine;
	struct script_fields fields;
	struct script_print sp;
	struct trace_event tevent;
	bool tevent_failed;

	const char *input_name;
	bool force;
	bool header;
	bool header_only;
	bool show_full_info;
	bool show_task_events;
	bool show_mmap_events;
	bool show_switch_events;
	bool show_namespace_events;
	bool show_lost_events;
	bool show_round_events;
	bool show_bpf_events;
	bool show_cgroup_events;
	bool show_text_poke_events;
	bool no_callchain;
	bool use_callchain;
	bool debug_mode;
	bool dump_unsorted;
	bool latency_format;
	bool per_event_dump;
	bool system_wide;
	bool list_scripts;
	bool demangle;
	bool demangle_kernel;
	bool inline_funcs;
	bool stitch_lbr;
	bool guest_code;
	bool list_dlfilters;
	const char *script_name;
	const char *gen_script;
	const char *cpu_list;
	const char *pid_str, *tid_str, *comm_str, *sym_str, *dso_str, *stop_bt_str;
	const char *time_str;
	const char *vmlinux, *kallsyms, *symfs;
	const char *switch_on, *switch_off;
	const char *dlfilter, *dlarg, *graph_function, *itrace, *insn_trace, *xed;
	const char *call_trace, *call_ret_trace;
	const char *guestmount, *guestkallsyms, *guestmodules, *guestvmlinux;
	int addr_range;
	int max_blocks;

	int name_width;
	uint64_t cpu_bitmap[SCRIPT_MAX_NR_CPUS / 64];
	struct name_list pids, tids, comms, syms, dsos, stop_bt;
	struct time_range *ranges;
	int nr_ranges;
	struct evswitch evswitch;	/* --switch-on/--switch-off */
	uint64_t last_timestamp;
	uint64_t nr_unordered;
	bool checked;		/* pipe mode: output checked when the attrs came */
	/* -s: the python script and its arguments (argv[0] is the script) */
	const char *script_path;
	int script_argc;
	const char **script_argv;
	bool script_running;
	bool script_failed;
};

/* ---- per event ---- */

static struct script_evsel *script_evsel(struct evsel *evsel)
{
	if (!evsel->priv)
		evsel->priv = calloc(1, sizeof(struct script_evsel));
	return evsel->priv;
}

static bool evsel__has_callchain(const struct evsel *evsel)
{
	return evsel->attr.sample_type & PERF_SAMPLE_CALLCHAIN;
}

static int evlist__max_name_len(struct evlist *evlist)
{
	struct evsel *evsel;
	int len = 0;

	evlist__for_each_entry(evlist, evsel) {
		int n = (int)strlen(evsel__name(evsel));

		if (n > len)
			len = n;
	}
	return len;
}

/* Tracepoint names of kernel addresses (%ps) come from our own kernel symbols. */
static char *script__resolve_kernel_addr(void *priv, unsigned long long *addrp, char **modp)
{
	struct perf_script *scr = priv;

	return machine__resolve_kernel_addr(scr->machine, addrp, modp);
}

static struct tep_event *script__tp_format(struct perf_script *scr, struct evsel *evsel)
{
	struct script_evsel *es = script_evsel(evsel);
	struct perf_env *env = &scr->session->header.env;

	if (!es)
		return NULL;
	if (es->tp_looked_up)
		return es->tp_format;
	if (!scr->tevent.tep && !scr->tevent_failed) {
		int err = env->tracing_data ?
			  trace_event__parse(&scr->tevent, env->tracing_data,
					     env->tracing_data_size) : -ENOENT;

		if (!err)
			err = trace_event__set_resolver(&scr->tevent,
							script__resolve_kernel_addr, scr);
		if (err) {
			scr->tevent_failed = true;
			if (err == -ENOTSUP)
				pr_warning("this perf binary was built without libtraceevent: "
					   "tracepoint payloads are not shown\n");
			else
				pr_debug("no usable tracing data in the file (%d)\n", err);
		}
	}
	es->tp_looked_up = true;
	es->tp_format = trace_event__find(&scr->tevent, evsel->attr.config);
	if (!es->tp_format && scr->tevent.tep)
		pr_debug("cannot find event format for %" PRIu64 "\n",
			 (uint64_t)evsel->attr.config);
	return es->tp_format;
}

/* ---- output selection against the file ---- */

static struct evsel *script__first_evsel_of_type(struct perf_script *scr, int type)
{
	struct evsel *evsel;

	evlist__for_each_entry(scr->session->evlist, evsel)
		if ((int)script_output_type(evsel->attr.type) == type)
			return evsel;
	return NULL;
}

static void script__check_ctx(struct perf_script *scr, struct script_check_ctx *ctx)
{
	struct perf_header *h = &scr->session->header;
	struct evsel *evsel;

	memset(ctx, 0, sizeof(*ctx));
	ctx->allow_user_set = perf_header__feat_test(h->adds_features, HEADER_AUXTRACE);
	evlist__for_each_entry(scr->session->evlist, evsel) {
		if (evsel->attr.type == PERF_TYPE_TRACEPOINT)
			ctx->has_traces = true;
		if (evsel->attr.sample_type & PERF_SAMPLE_BRANCH_STACK &&
		    evsel->attr.branch_sample_type & PERF_SAMPLE_BRANCH_ANY)
			ctx->branch_any = true;
	}
}

/* perf.data of `perf stat record`: nothing to check, nothing to print here. */
static bool script__is_stat_file(struct perf_script *scr)
{
	return perf_header__feat_test(scr->session->header.adds_features, HEADER_STAT);
}

static bool evsel__is_dummy(const struct evsel *evsel)
{
	return evsel->attr.type == PERF_TYPE_SOFTWARE &&
	       evsel->attr.config == PERF_COUNT_SW_DUMMY;
}

/*
 * The selection against the events of the file, as the reference does it:
 * the first event of each kind is checked, callchains are shown only when
 * some event has them, and tracepoints with callchains get the location
 * fields by default.
 */
static int script__check_output(struct perf_script *scr)
{
	struct script_fields *sf = &scr->fields;
	struct script_check_ctx ctx;
	struct evsel *evsel;
	bool tod = false;
	int j;

	script__check_ctx(scr, &ctx);
	for (j = 0; j < SCRIPT_OUT_MAX; j++) {
		struct script_output *o = &sf->out[j];

		evsel = script__first_evsel_of_type(scr, j);
		if (!evsel && o->user_set && !o->wildcard_set && j != SCRIPT_OUT_SYNTH) {
			pr_err("%s events do not exist. Remove corresponding -F option to proceed.\n",
			       script_output_type__name(j));
			return -1;
		}
		if (evsel && o->fields && !evsel__is_dummy(evsel) && !script__is_stat_file(scr) &&
		    script_fields__check(sf, &evsel->attr, evsel__name(evsel), &ctx))
			return -1;
		if (!evsel)
			continue;
		script_fields__set_print_ip_opts(sf, j);
		tod |= o->fields & SCRIPT_F_TOD;
	}

	if (!scr->no_callchain) {
		bool any = false, some = false;

		evlist__for_each_entry(scr->session->evlist, evsel) {
			some = true;
			if (evsel__has_callchain(evsel)) {
				any = true;
				break;
			}
		}
		/* A pipe has no events yet: keep callchains on. */
		if (some && !any)
			scr->use_callchain = false;
	}

	if (scr->use_callchain && !sf->out[SCRIPT_OUT_TRACE].user_set) {
		evlist__for_each_entry(scr->session->evlist, evsel) {
			if (evsel->attr.type != PERF_TYPE_TRACEPOINT || !evsel__has_callchain(evsel))
				continue;
			sf->out[SCRIPT_OUT_TRACE].fields |= SCRIPT_F_IP | SCRIPT_F_SYM |
							    SCRIPT_F_SYMOFFSET | SCRIPT_F_DSO;
			script_fields__set_print_ip_opts(sf, SCRIPT_OUT_TRACE);
			break;
		}
	}

	if (tod && !scr->session->header.env.clock.enabled) {
		pr_err("Can't provide 'tod' time, missing clock data. "
		       "Please record with -k/--clockid option.\n");
		return -1;
	}
	return 0;
}

/* Pipe mode: each new kind of event is checked when its attr arrives. */
static int script__process_attr(struct perf_session *session, union perf_event *event)
{
	struct perf_script *scr = container_of(session->tool, struct perf_script, tool);
	struct evsel *evsel = evlist__last(session->evlist), *pos;
	struct script_check_ctx ctx;
	struct script_output *o;
	uint64_t sample_type = 0;
	int type;

	(void)event;
	if (!evsel)
		return 0;
	if (evsel->attr.type >= PERF_TYPE_MAX && evsel->attr.type != PERF_TYPE_SYNTH)
		return 0;
	evlist__for_each_entry(session->evlist, pos)
		if (pos != evsel && pos->attr.type == evsel->attr.type)
			return 0;
	type = script_output_type(evsel->attr.type);
	o = &scr->fields.out[type];
	if (evsel->attr.sample_type) {
		script__check_ctx(scr, &ctx);
		if (o->fields &&
		    script_fields__check(&scr->fields, &evsel->attr, evsel__name(evsel), &ctx))
			return -EINVAL;
	}
	/* A pipe's events with callchains show at least ip and sym, as in the reference. */
	evlist__for_each_entry(session->evlist, pos)
		sample_type |= pos->attr.sample_type;
	if (scr->use_callchain &&
	    (sample_type & (PERF_SAMPLE_CALLCHAIN | PERF_SAMPLE_BRANCH_STACK) ||
	     (sample_type & PERF_SAMPLE_REGS_USER && sample_type & PERF_SAMPLE_STACK_USER))) {
		if (!(o->user_unset_fields & SCRIPT_F_IP))
			o->fields |= SCRIPT_F_IP;
		if (!(o->user_unset_fields & SCRIPT_F_SYM))
			o->fields |= SCRIPT_F_SYM;
	}
	script_fields__set_print_ip_opts(&scr->fields, type);
	return 0;
}

/* ---- filters ---- */

static bool script__filter_cpu(struct perf_script *scr, const struct perf_sample *sample)
{
	return scr->cpu_list && sample->cpu != (uint32_t)-1 &&
	       !cpu_bitmap__test(scr->cpu_bitmap, sample->cpu);
}

/* --comms, --pid, --tid, --dsos, -S: the reference's machine__resolve() filters. */
static bool script__filtered(struct perf_script *scr, const struct addr_location *al)
{
	if (addr_location__filtered_out(al, scr->comm_str ? &scr->comms : NULL,
					scr->pid_str ? &scr->pids : NULL,
					scr->tid_str ? &scr->tids : NULL,
					scr->dso_str ? &scr->dsos : NULL))
		return true;
	if (scr->sym_str) {
		char addr[32];
		bool hit = false;

		if (al->sym) {
			hit = name_list__has(&scr->syms, al->sym->name);
			if (!hit) {
				snprintf(addr, sizeof(addr), "0x%" PRIx64,
					 map__unmap_ip(al->map, al->sym->start));
				hit = name_list__has(&scr->syms, addr);
			}
		}
		if (!hit && al->map) {
			uint64_t ip = map__unmap_ip(al->map, al->addr);
			size_t i;

			for (i = 0; i < scr->syms.nr && !hit; i++) {
				char *end;
				uint64_t a = strtoull(scr->syms.names[i], &end, 16);

				if (*end || end == scr->syms.names[i])
					continue;
				hit = ip == a || (scr->addr_range && ip >= a &&
						  ip < a + (uint64_t)scr->addr_range);
			}
		}
		if (!hit)
			return true;
	}
	return false;
}

/* ---- samples ---- */

/* -F srccode: each thread's last source line, in thread->priv. */
static struct script_srccode_state *script__srccode_state(struct thread *thread)
{
	if (!thread->priv)
		thread->priv = calloc(1, sizeof(struct script_srccode_state));
	return thread->priv;
}

static int thread__free_priv(struct thread *thread, void *arg)
{
	(void)arg;
	zfree(&thread->priv);
	return 0;
}

static void script__print_sample(struct perf_script *scr, union perf_event *event,
				 struct perf_sample *sample, struct evsel *evsel,
				 struct addr_location *al)
{
	int type = script_output_type(evsel->attr.type);
	struct script_output *o = &scr->fields.out[type];
	struct script_print *sp = &scr->sp;
	const struct perf_event_attr *attr = &evsel->attr;
	uint64_t f = o->fields;
	struct script_evsel *es;

	if (!f)
		return;
	es = script_evsel(evsel);
	if (es) {
		es->samples++;
		script_print__set_fp(sp, es->fp ? es->fp : stdout);
	}
	script_print__start(sp, o, sample, al->thread, event->header.misc, PERF_RECORD_SAMPLE,
			    (f & SCRIPT_F_IP) && evsel__has_callchain(evsel) && scr->use_callchain);
	if (f & SCRIPT_F_PERIOD)
		script_print__period(sp, sample->period);
	if (f & SCRIPT_F_EVNAME) {
		if (!scr->name_width)
			scr->name_width = evlist__max_name_len(scr->session->evlist);
		script_print__evname(sp, evsel__name(evsel), scr->name_width);
	}
	if (scr->fields.print_flags)
		script_print__flags(sp, sample->flags);
	if ((f & SCRIPT_F_TRACE) && sample->raw_data) {
		struct tep_event *tp = script__tp_format(scr, evsel);

		trace_event__fprintf(&scr->tevent, tp, (int)sample->cpu, sample->raw_data,
				     sample->raw_size, script_print__fp(sp));
	}
	if (f & SCRIPT_F_ADDR)
		script_print__addr(sp, o, attr, sample, al->thread);
	if (f & SCRIPT_F_DATA_SRC)
		script_print__data_src(sp, sample->data_src);
	if (f & SCRIPT_F_WEIGHT)
		script_print__printf(sp, "%16" PRIu64, sample->weight);
	if (f & SCRIPT_F_INS_LAT)
		script_print__printf(sp, "%16" PRIu16, sample->ins_lat);
	if (f & SCRIPT_F_IP) {
		bool dwarf = scr->use_callchain && unwind__attr_has_user_stack(attr);
		bool chain = scr->use_callchain && (sample->callchain || dwarf);

		script_print__putc(sp, chain ? '\n' : ' ');
		if (!chain)
			script_print__sym(sp, sample->ip, al, o->print_ip_opts);
		else if (script_print__callchain(sp, al->thread, sample->callchain,
						 o->print_ip_opts) >= 0 && dwarf)
			script_print__unwind(sp, al->thread, sample, o->print_ip_opts);
	}
	if (f & SCRIPT_F_IREGS)
		script_print__regs(sp, &sample->intr_regs, attr->sample_regs_intr);
	if (f & SCRIPT_F_UREGS)
		script_print__regs(sp, &sample->user_regs, attr->sample_regs_user);
	if (f & SCRIPT_F_BRSTACK)
		script_print__brstack(sp, sample, al->thread, f & SCRIPT_F_DSO, SCRIPT_BRSTACK);
	else if (f & SCRIPT_F_BRSTACKSYM)
		script_print__brstack(sp, sample, al->thread, f & SCRIPT_F_DSO, SCRIPT_BRSTACKSYM);
	else if (f & SCRIPT_F_BRSTACKOFF)
		script_print__brstack(sp, sample, al->thread, f & SCRIPT_F_DSO, SCRIPT_BRSTACKOFF);
	if (f & (SCRIPT_F_INSN | SCRIPT_F_INSNLEN))
		script_print__insn(sp, sample, al->thread, f & SCRIPT_F_INSNLEN, f & SCRIPT_F_INSN);
	if (f & SCRIPT_F_PHYS_ADDR)
		script_print__printf(sp, "%16" PRIx64, sample->phys_addr);
	if (f & SCRIPT_F_DATA_PAGE_SIZE) {
		char buf[32];

		script_print__printf(sp, " %s", perf_page_size__scnprintf(sample->data_page_size,
									   buf, sizeof(buf)));
	}
	if (f & SCRIPT_F_CODE_PAGE_SIZE) {
		char buf[32];

		script_print__printf(sp, " %s", perf_page_size__scnprintf(sample->code_page_size,
									   buf, sizeof(buf)));
	}
	if (f & SCRIPT_F_IPC)
		script_print__ipc(sp, sample);
	script_print__putc(sp, '\n');
	if ((f & SCRIPT_F_SRCCODE) && al->thread) {
		struct script_srccode_state *state = script__srccode_state(al->thread);

		if (state)
			script_print__srccode(sp, al->thread, sample->cpumode, sample->ip, state);
	}
	/* -D and -v narrate on stdout too: keep the order. */
	if (verbose > 0 || dump_trace)
		fflush(script_print__fp(sp));
}

static int script__process_sample(struct perf_tool *tool, union perf_event *event,
				  struct perf_sample *sample, struct evsel *evsel,
				  struct machine *machine)
{
	struct perf_script *scr = container_of(tool, struct perf_script, tool);
	struct addr_location al;
	int err = 0;

	if (time_ranges__skip(scr->ranges, scr->nr_ranges, sample->time))
		return 0;
	if (scr->debug_mode) {
		if (sample->time < scr->last_timestamp) {
			pr_err("Samples misordered, previous: %" PRIu64 " this: %" PRIu64 "\n",
			       scr->last_timestamp, sample->time);
			scr->nr_unordered++;
		}
		scr->last_timestamp = sample->time;
		return 0;
	}
	if (script__filter_cpu(scr, sample))
		return 0;

	addr_location__init(&al);
	if (machine__resolve(machine, &al, sample) < 0) {
		pr_err("problem processing %d event, skipping it.\n", event->header.type);
		err = -1;
		goto out;
	}
	if (dump_trace)
		addr_location__fprintf_dump(&al, stdout);
	if (script__filtered(scr, &al))
		goto out;
	if (evswitch__discard(&scr->evswitch, evsel))
		goto out;
	if (scr->script_running) {
		struct scripting_sample ss = {
			.sp = &scr->sp, .event = event, .sample = sample, .evsel = evsel, .al = &al,
			.tp = evsel->attr.type == PERF_TYPE_TRACEPOINT ?
			      script__tp_format(scr, evsel) : NULL,
			.callchain = scr->use_callchain,
			.max_stack = scr->sp.max_stack,
		};

		/* A tracepoint without its format has nothing for a handler. */
		if (evsel->attr.type == PERF_TYPE_TRACEPOINT && !ss.tp)
			goto out;
		if (python__process_sample(&ss)) {
			scr->script_failed = true;
			err = -1;
		}
		goto out;
	}
	script__print_sample(scr, event, sample, evsel, &al);
out:
	addr_location__exit(&al);
	return err;
}

/* ---- side-band records ---- */

/* Records that change the machine: frames cached by the printer are stale. */
static int script__machine_event(struct perf_tool *tool, union perf_event *event,
				 struct perf_sample *sample, struct machine *machine)
{
	struct perf_script *scr = container_of(tool, struct perf_script, tool);

	script_print__forget_maps(&scr->sp);
	switch (event->header.type) {
	case PERF_RECORD_MMAP:
		return perf_event__process_mmap(tool, event, sample, machine);
	case PERF_RECORD_MMAP2:
		return perf_event__process_mmap2(tool, event, sample, machine);
	case PERF_RECORD_COMM:
		return perf_event__process_comm(tool, event, sample, machine);
	case PERF_RECORD_FORK:
		return perf_event__process_fork(tool, event, sample, machine);
	case PERF_RECORD_EXIT:
		return perf_event__process_exit(tool, event, sample, machine);
	case PERF_RECORD_KSYMBOL:
		return perf_event__process_ksymbol(tool, event, sample, machine);
	default:
		return 0;
	}
}

/*
 * A record printed as the reference does: the sample columns of the event
 * it belongs to, then "PERF_RECORD_<TYPE>" and its details.
 */
static int script__print_event(struct perf_script *scr, union perf_event *event,
			       struct perf_sample *sample, struct machine *machine,
			       int32_t pid, int32_t tid, uint64_t timestamp)
{
	struct evsel *evsel = perf_session__find_evsel(scr->session, sample->id);
	struct thread *thread = NULL;
	FILE *fp;

	if (evsel && !evsel->attr.sample_id_all) {
		sample->cpu = 0;
		sample->time = timestamp;
		sample->pid = (uint32_t)pid;
		sample->tid = (uint32_t)tid;
	}
	if (script__filter_cpu(scr, sample))
		return 0;
	script_print__set_fp(&scr->sp, stdout);
	if (tid != -1)
		thread = machine__findnew_thread(machine, pid, tid);
	if (evsel) {
		struct script_output *o = &scr->fields.out[script_output_type(evsel->attr.type)];

		script_print__start(&scr->sp, o, sample, thread, event->header.misc,
				    event->header.type,
				    (o->fields & SCRIPT_F_IP) && evsel__has_callchain(evsel) &&
				    scr->use_callchain);
	}
	fp = script_print__fp(&scr->sp);
	fprintf(fp, "PERF_RECORD_%s", perf_event__name(event->header.type));
	if (event->header.type == PERF_RECORD_LOST)
		fprintf(fp, " lost %" PRIu64 "\n", event->lost.lost);
	else if (!perf_event__fprintf_details(event, sample, fp))
		fputc('\n', fp);
	thread__put(thread);
	return 0;
}

static int script__comm_event(struct perf_tool *tool, union perf_event *event,
			struct perf_sample *sample, struct machine *machine)
{
	struct perf_script *scr = container_of(tool, struct perf_script, tool);

	if (script__machine_event(tool, event, sample, machine) < 0)
		return -1;
	return script__print_event(scr, event, sample, machine, (int32_t)event->comm.pid,
				   (int32_t)event->comm.tid, 0);
}

static int script__fork(struct perf_tool *tool, union perf_event *event,
			struct perf_sample *sample, struct machine *machine)
{
	struct perf_script *scr = container_of(tool, struct perf_script, tool);

	if (script__machine_event(tool, event, sample, machine) < 0)
		return -1;
	return script__print_event(scr, event, sample, machine, (int32_t)event->fork.pid,
				   (int32_t)event->fork.tid, event->fork.time);
}

static int script__exit(struct perf_tool *tool, union perf_event *event,
			struct perf_sample *sample, struct machine *machine)
{
	struct perf_script *scr = container_of(tool, struct perf_script, tool);

	/* Printed before the exit forgets the thread. */
	if (script__print_event(scr, event, sample, machine, (int32_t)event->fork.pid,
				(int32_t)event->fork.tid, event->fork.time))
		return -1;
	return script__machine_event(tool, event, sample, machine);
}

static int script__mmap(struct perf_tool *tool, union perf_event *event,
			struct perf_sample *sample, struct machine *machine)
{
	struct perf_script *scr = container_of(tool, struct perf_script, tool);

	if (script__machine_event(tool, event, sample, machine) < 0)
		return -1;
	return script__print_event(scr, event, sample, machine, (int32_t)event->mmap.pid,
				   (int32_t)event->mmap.tid, 0);
}

static int script__mmap2(struct perf_tool *tool, union perf_event *event,
			 struct perf_sample *sample, struct machine *machine)
{
	struct perf_script *scr = container_of(tool, struct perf_script, tool);

	if (script__machine_event(tool, event, sample, machine) < 0)
		return -1;
	return script__print_event(scr, event, sample, machine, (int32_t)event->mmap2.pid,
				   (int32_t)event->mmap2.tid, 0);
}

/* Switch, lost, namespaces, cgroup, bpf, text_poke: printed as they are. */
static int script__sideband(struct perf_tool *tool, union perf_event *event,
			    struct perf_sample *sample, struct machine *machine)
{
	struct perf_script *scr = container_of(tool, struct perf_script, tool);

	if (event->header.type == PERF_RECORD_KSYMBOL &&
	    script__machine_event(tool, event, sample, machine) < 0)
		return -1;
	return script__print_event(scr, event, sample, machine, (int32_t)sample->pid,
				   (int32_t)sample->tid, 0);
}

static int script__finished_round(struct perf_session *session, union perf_event *event)
{
	struct perf_script *scr = container_of(session->tool, struct perf_script, tool);

	script_print__set_fp(&scr->sp, stdout);
	script_print__printf(&scr->sp, "PERF_RECORD_%s\n", perf_event__name(event->header.type));
	return 0;
}

/* Pipe mode: the header's features come as records. */
static int script__process_feature(struct perf_session *session, union perf_event *event)
{
	struct perf_script *scr = container_of(session->tool, struct perf_script, tool);
	uint64_t feat = event->feat.feat_id;

	if (feat >= HEADER_LAST_FEATURE)
		return 0;
	if (scr->header && session->header.is_pipe)
		perf_header__fprintf_feature(&session->header, session->evlist, (int)feat,
					     script_print__fp(&scr->sp), scr->show_full_info);
	return 0;
}

/* ---- setup ---- */

static int script__setup_filters(struct perf_script *scr)
{
	struct perf_session *session = scr->session;
	const char *missing;
	int err = 0;

	if (scr->cpu_list) {
		struct evsel *evsel;
		int j, nr_cpus = session->header.env.nr_cpus_avail;

		for (j = 0; j < PERF_TYPE_MAX; j++) {
			evsel = script__first_evsel_of_type(scr, j);
			if (evsel && !(evsel->attr.sample_type & PERF_SAMPLE_CPU)) {
				pr_err("File does not contain CPU events. "
				       "Remove -C option to proceed.\n");
				return -1;
			}
		}
		if (nr_cpus <= 0 || nr_cpus > SCRIPT_MAX_NR_CPUS)
			nr_cpus = SCRIPT_MAX_NR_CPUS;
		if (cpu_bitmap__parse(scr->cpu_bitmap, scr->cpu_list, nr_cpus))
			return -1;
	}
	if (evswitch__init(&scr->evswitch, session->evlist, scr->switch_on, scr->switch_off,
			   &missing)) {
		fprintf(stderr, "ERROR: switch-%s event not found (%s)\n%s",
			missing == scr->switch_on ? "on" : "off", missing, EVSWITCH_HINT);
		return -ENOENT;
	}
	if (scr->time_str) {
		err = time_ranges__parse(scr->time_str, session->first_sample_time,
					 session->last_sample_time, scr->sp.reltime, &scr->ranges);
		if (err < 0)
			return err;
		scr->nr_ranges = err;
		err = 0;
	}
	return err;
}

static int script__parse_lists(struct perf_script *scr)
{
	if ((scr->pid_str && id_list__parse(&scr->pids, scr->pid_str)) ||
	    (scr->tid_str && id_list__parse(&scr->tids, scr->tid_str))) {
		pr_err("problems parsing pid/tid list\n");
		return -EINVAL;
	}
	if ((scr->comm_str && name_list__parse(&scr->comms, scr->comm_str)) ||
	    (scr->sym_str && name_list__parse(&scr->syms, scr->sym_str)) ||
	    (scr->dso_str && name_list__parse(&scr->dsos, scr->dso_str)) ||
	    (scr->stop_bt_str && name_list__parse(&scr->stop_bt, scr->stop_bt_str)))
		return -ENOMEM;
	return 0;
}

/* --per-event-dump: "<input>.<event>.dump" for each event. */
static int script__open_per_event_dump(struct perf_script *scr)
{
	const char *path = perf_data__path(scr->session->data);
	struct evsel *evsel;

	evlist__for_each_entry(scr->session->evlist, evsel) {
		struct script_evsel *es = script_evsel(evsel);

		if (!es || asprintf(&es->filename, "%s.%s.dump", path, evsel__name(evsel)) < 0) {
			if (es)
				es->filename = NULL;
			return -ENOMEM;
		}
		es->fp = output_file__fopen(es->filename, false);
		if (!es->fp) {
			int err = errno;
			char why[PATH_MAX + 80];

			if (err == ELOOP || err == EPERM)
				pr_err("Failed to open %s\n",
				       output_file__strerror(es->filename, err, why, sizeof(why)));
			else
				pr_err("Failed to open %s\n", es->filename);
			return -err;
		}
	}
	return 0;
}

static void script__free_evsel_priv(struct perf_script *scr, bool stats)
{
	struct evsel *evsel;

	if (!scr->session || !scr->session->evlist)
		return;
	evlist__for_each_entry(scr->session->evlist, evsel) {
		struct script_evsel *es = evsel->priv;

		if (es && es->fp) {
			struct stat st;

			/*
			 * The reference measures the file before its last 4 KiB
			 * stdio buffer is written: the size it shows is rounded
			 * down to that.
			 */
			if (stats && !fflush(es->fp) && !fstat(fileno(es->fp), &st))
				printf("[ perf script: Wrote %.3f MB %s (%" PRIu64 " samples) ]\n",
				       (double)(st.st_size & ~(off_t)4095) / 1024.0 / 1024.0,
				       es->filename, es->samples);
			fclose(es->fp);
		}
		if (es)
			free(es->filename);
		zfree(&evsel->priv);
	}
}

/* ---- scripting ---- */

static int script__start_python(struct perf_script *scr)
{
	int err;

	fflush(stdout);
	err = python__start(scr->script_path, scr->script_argc, scr->script_argv);
	if (err == -ENOENT) {
		pr_err("Can't open python script \"%s\": %s\n", scr->script_path, strerror(errno));
		return -1;
	}
	if (err == -ENOTSUP) {
		pr_err("this perf binary was built without python support: "
		       "-s needs libpython (python3-dev)\n");
		return -1;
	}
	if (err == -ELIBBAD) {
		pr_err("perf script: cannot load the python engine (%s)\n", python__load_error());
		return -1;
	}
	if (err == -EPERM) {
		pr_err("perf script: cannot drop capabilities before running %s\n",
		       scr->script_path);
		return -1;
	}
	if (err) {
		/* The interpreter is up: stop it, so that its output is flushed. */
		python__stop();
		pr_err("Error running python script %s\n", scr->script_path);
		return -1;
	}
	scr->script_running = true;
	return 0;
}

/* -g python: perf-script.py with a handler for each event of the file. */
static int script__generate(struct perf_script *scr)
{
	struct evsel *evsel;
	int err;

	if (strcmp(scr->gen_script, "python") && strcmp(scr->gen_script, "py")) {
		pr_err("invalid language specifier '%s'\n", scr->gen_script);
		return -1;
	}
	evlist__for_each_entry(scr->session->evlist, evsel) {
		if (evsel->attr.type == PERF_TYPE_TRACEPOINT)
			script__tp_format(scr, evsel);
	}
	err = python__generate(scr->session->evlist, &scr->tevent, "perf-script.py");
	if (err == -ENOTSUP) {
		pr_err("this perf binary was built without python support: "
		       "-g python needs libpython (python3-dev)\n");
		return -1;
	}
	if (err == -ELIBBAD) {
		pr_err("perf script: cannot load the python engine (%s)\n", python__load_error());
		return -1;
	}
	if (err) {
		pr_err("couldn't create Python script: %s\n", strerror(-err));
		return -1;
	}
	fprintf(stderr, "generated Python script: perf-script.py\n");
	return 0;
}

/*
 * Run a bundled script's helper with /bin/sh. Its "perf" is this one: the
 * binary's directory goes first in PATH.
 */
static int script__exec_helper(const char *helper, int argc, const char **argv)
{
	const char **args = calloc((size_t)argc + 3, sizeof(*args));
	const char *dir = perf_binary_dir(), *path = getenv("PATH");
	char *newpath;
	int i;

	if (!args)
		return -ENOMEM;
	if (dir && asprintf(&newpath, "%s:%s", dir, path ? path : "/usr/bin:/bin") > 0)
		setenv("PATH", newpath, 1);
	args[0] = "/bin/sh";
	args[1] = helper;
	for (i = 0; i < argc; i++)
		args[i + 2] = argv[i];
	fflush(stdout);
	execv("/bin/sh", (char * const *)args);
	pr_err("cannot run %s: %s\n", helper, strerror(errno));
	free(args);
	return -1;
}

/* `perf script record|report NAME ...` */
static int script__run_helper(const char *verb, int argc, const char **argv)
{
	char *helper;

	if (argc < 2) {
		pr_err("Please specify a %s script(see 'perf script -l' for listing)\n",
		       !strcmp(verb, "record") ? "record" : "valid report");
		return -1;
	}
	scripting__exec_path();
	helper = scripting__find_helper(argv[1], verb);
	if (!helper) {
		pr_err("Please specify a %s script(see 'perf script -l' for listing)\n",
		       !strcmp(verb, "record") ? "record" : "valid report");
		return -1;
	}
	return script__exec_helper(helper, argc - 2, argv + 2);
}

/* `perf script NAME [command]`: the record helper piped into the report helper. */
static int script__run_pipeline(const char *record, const char *report, int argc,
				const char **argv)
{
	const char *rec_args[] = { "-q", "-o", "-" };
	const char **args;
	int fds[2], status = 0, i;
	pid_t rec;

	if (pipe(fds))
		return -errno;
	fflush(stdout);
	rec = fork();
	if (rec < 0)
		return -errno;
	if (rec == 0) {
		args = calloc((size_t)argc + 4, sizeof(*args));
		if (!args)
			_exit(127);
		for (i = 0; i < 3; i++)
			args[i] = rec_args[i];
		for (i = 0; i < argc; i++)
			args[i + 3] = argv[i];
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		script__exec_helper(record, argc + 3, args);
		_exit(127);
	}
	dup2(fds[0], 0);
	close(fds[0]);
	close(fds[1]);
	{
		const char *rep_args[] = { "-i", "-" };

		script__exec_helper(report, 2, rep_args);
	}
	waitpid(rec, &status, 0);
	return -1;
}

static int __cmd_script(struct perf_script *scr)
{
	struct perf_data data = {
		.path = scr->input_name && *scr->input_name ? scr->input_name : NULL,
		.mode = PERF_DATA_MODE_READ,
		.force = scr->force,
	};
	static char outbuf[1 << 20];
	struct perf_session *session;
	int err;

	/* Large writes to the terminal or pipe, before anything is printed. */
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));

	/* 1. open: the session prints why it cannot */
	session = perf_session__new(&data, &scr->tool);
	if (IS_ERR(session))
		return -1;
	scr->session = session;
	scr->sp.arch = perf_env__arch(&session->header.env);
	scr->sp.env = &session->header.env;

	/* 2. the header */
	if (scr->header || scr->header_only) {
		printf("# ========\n");
		perf_header__fprintf_info(&session->header, session->evlist, stdout,
					  scr->show_full_info);
		printf("# ========\n#\n");
		if (scr->header_only) {
			err = 0;
			goto out_delete;
		}
	}

	/* 3. symbolization and the checks the file allows before reading */
	scr->machine = machine__new_host(&session->header.env);
	if (!scr->machine) {
		err = -ENOMEM;
		goto out_delete;
	}
	session->machine = scr->machine;
	err = script__check_output(scr);
	if (!err)
		err = script__setup_filters(scr);
	if (!err && scr->per_event_dump)
		err = script__open_per_event_dump(scr);
	if (err)
		goto out_delete;

	/* 4. -g: a starter script instead of the events */
	if (scr->gen_script) {
		err = script__generate(scr);
		goto out_delete;
	}

	/* 5. every record, printed as it is delivered, or handed to the script */
	if (scr->script_path) {
		err = script__start_python(scr);
		if (err)
			goto out_delete;
	}
	err = perf_session__process_events(session);
	if (scr->script_running) {
		int serr = python__stop();

		scr->script_running = false;
		if (scr->script_failed || serr) {
			pr_err("perf script: the python script %s failed\n", scr->script_path);
			err = -1;
		}
	}
	fflush(script_print__fp(&scr->sp));
	script_print__set_fp(&scr->sp, stdout);
	if (scr->debug_mode)
		pr_err("Misordered timestamps: %" PRIu64 "\n", scr->nr_unordered);
	{
		struct unwind_stats us;

		unwind__stats(&us);
		if (us.samples)
			pr_debug("unwind (%s): %lu samples, %lu frames, %lu register copies, "
				 "%lu binaries loaded, %lu modules placed, %lu sessions\n",
				 unwind_backend__name(unwind__backend()), us.samples, us.frames,
				 us.reg_copies, us.images, us.modules, us.sessions);
	}
	if (err == -ENODATA && !quiet)
		/* perf record did not finish the file: the reference stops there (and with -f too). */
		fprintf(stderr, "(use -f to read the records it holds anyway)\n");
out_delete:
	fflush(stdout);
	trace_event__exit(&scr->tevent);
	script_print__exit(&scr->sp);
	script__free_evsel_priv(scr, !err);
	perf_session__delete(session);
	scr->session = NULL;
	if (scr->machine)
		machine__for_each_thread(scr->machine, thread__free_priv, NULL);
	machine__delete(scr->machine);
	scr->machine = NULL;
	/* An unfinished file fails like the reference; other errors keep their errno. */
	return err == -ENODATA ? -1 : err;
}

static int parse_fields_cb(const struct option *opt, const char *arg, int unset)
{
	struct perf_script *scr = opt->value;

	(void)unset;
	return script_fields__parse(&scr->fields, arg) ? -1 : 0;
}

static int parse_string_cb(const struct option *opt, const char *arg, int unset)
{
	*(const char **)opt->value = unset ? NULL : (arg ? arg : "");
	return 0;
}

static int read_max_stack(void)
{
	FILE *f = fopen("/proc/sys/kernel/perf_event_max_stack", "r");
	int v = 127;

	if (f) {
		if (fscanf(f, "%d", &v) != 1 || v <= 0)
			v = 127;
		fclose(f);
	}
	return v;
}

int cmd_script(int argc, const char **argv)
{
	struct perf_script scr = {
		.tool = {
			.sample		= script__process_sample,
			.mmap		= script__machine_event,
			.mmap2		= script__machine_event,
			.comm		= script__machine_event,
			.namespaces	= perf_tool__noop,
			.cgroup		= perf_tool__noop,
			.exit		= script__machine_event,
			.fork		= script__machine_event,
			.ksymbol	= script__machine_event,
			.attr		= script__process_attr,
			.event_update	= perf_tool__noop2,
			.tracing_data	= perf_tool__noop2,
			.feature	= script__process_feature,
			.build_id	= perf_tool__noop2,
			.id_index	= perf_tool__noop2,
			.auxtrace_info	= perf_tool__noop2,
			.auxtrace	= perf_tool__noop2,
			.auxtrace_error	= perf_tool__noop2,
			.stat		= perf_tool__noop2,
			.stat_round	= perf_tool__noop2,
			.stat_config	= perf_tool__noop2,
			.thread_map	= perf_tool__noop2,
			.cpu_map	= perf_tool__noop2,
			.throttle	= perf_tool__noop,
			.unthrottle	= perf_tool__noop,
			.ordered_events	= true,
		},
		.sp = { .fp = stdout },
		.demangle = true,
		.inline_funcs = true,
		.max_blocks = -1,
	};
	const char * const script_usage[] = {
		"perf script [<options>]",
		"perf script [<options>] record <script> [<record-options>] <command>",
		"perf script [<options>] report <script> [script-args]",
		"perf script [<options>] <script> [<record-options>] <command>",
		"perf script [<options>] <top-script> [script-args]",
		NULL
	};
	const struct option options[] = {
	OPT_BOOLEAN('D', "dump-raw-trace", &dump_trace, "dump raw trace in ASCII"),
	OPT_BOOLEAN(0, "dump-unsorted-raw-trace", &scr.dump_unsorted,
		    "dump unsorted raw trace in ASCII"),
	OPT_INCR('v', "verbose", &verbose, "be more verbose (show symbol address, etc)"),
	OPT_BOOLEAN('L', "Latency", &scr.latency_format,
		    "show latency attributes (irqs/preemption disabled, etc)"),
	OPT_BOOLEAN('l', "list", &scr.list_scripts, "list available scripts"),
	OPT_BOOLEAN(0, "list-dlfilters", &scr.list_dlfilters, "list available dlfilters"),
	OPT_CALLBACK('s', "script", &scr.script_name, "name",
		     "script file name (lang:script name, script name, or *)", parse_string_cb),
	OPT_CALLBACK('g', "gen-script", &scr.gen_script, "lang",
		     "generate perf-script.xx script in specified language", parse_string_cb),
	OPT_STRING(0, "dlfilter", &scr.dlfilter, "file", "filter .so file name"),
	OPT_STRING(0, "dlarg", &scr.dlarg, "argument", "filter argument"),
	OPT_STRING('i', "input", &scr.input_name, "file", "input file name"),
	OPT_BOOLEAN('d', "debug-mode", &scr.debug_mode,
		    "do various checks like samples ordering and lost events"),
	OPT_BOOLEAN(0, "header", &scr.header, "Show data header."),
	OPT_BOOLEAN(0, "header-only", &scr.header_only, "Show only data header."),
	OPT_STRING('k', "vmlinux", &scr.vmlinux, "file", "vmlinux pathname"),
	OPT_STRING(0, "kallsyms", &scr.kallsyms, "file", "kallsyms pathname"),
	OPT_BOOLEAN('G', "hide-call-graph", &scr.no_callchain,
		    "When printing symbols do not display call chain"),
	OPT_CALLBACK(0, "symfs", &scr.symfs, "directory",
		     "Look for files with symbols relative to this directory", parse_string_cb),
	OPT_CALLBACK('F', "fields", &scr, "str",
		     "comma separated output fields prepend with 'type:'. "
		     "+field to add and -field to remove."
		     "Valid types: hw,sw,trace,raw,synth. "
		     "Fields: comm,tid,pid,time,cpu,event,trace,ip,sym,dso,"
		     "addr,symoff,srcline,period,iregs,uregs,brstack,"
		     "brstacksym,flags,data_src,weight,bpf-output,brstackinsn,"
		     "brstackinsnlen,brstackoff,callindent,insn,insnlen,synth,"
		     "phys_addr,metric,misc,srccode,ipc,tod,data_page_size,"
		     "code_page_size,ins_lat",
		     parse_fields_cb),
	OPT_BOOLEAN('a', "all-cpus", &scr.system_wide, "system-wide collection from all CPUs"),
	OPT_STRING(0, "dsos", &scr.dso_str, "dso[,dso...]", "only consider symbols in these DSOs"),
	OPT_STRING('S', "symbols", &scr.sym_str, "symbol[,symbol...]",
		   "only consider these symbols"),
	OPT_INTEGER(0, "addr-range", &scr.addr_range,
		    "Use with -S to list traced records within address range"),
	OPT_CALLBACK_OPTARG(0, "insn-trace", &scr.insn_trace, NULL, "raw|disasm",
			    "Decode instructions from itrace", parse_string_cb),
	OPT_CALLBACK_OPTARG(0, "xed", &scr.xed, NULL, NULL,
			    "Run xed disassembler on output", parse_string_cb),
	OPT_CALLBACK_OPTARG(0, "call-trace", &scr.call_trace, NULL, NULL,
			    "Decode calls from itrace", parse_string_cb),
	OPT_CALLBACK_OPTARG(0, "call-ret-trace", &scr.call_ret_trace, NULL, NULL,
			    "Decode calls and returns from itrace", parse_string_cb),
	OPT_STRING(0, "graph-function", &scr.graph_function, "symbol[,symbol...]",
		   "Only print symbols and callees with --call-trace/--call-ret-trace"),
	OPT_STRING(0, "stop-bt", &scr.stop_bt_str, "symbol[,symbol...]",
		   "Stop display of callgraph at these symbols"),
	OPT_STRING('C', "cpu", &scr.cpu_list, "cpu", "list of cpus to profile"),
	OPT_STRING('c', "comms", &scr.comm_str, "comm[,comm...]",
		   "only display events for these comms"),
	OPT_STRING(0, "pid", &scr.pid_str, "pid[,pid...]", "only consider symbols in these pids"),
	OPT_STRING(0, "tid", &scr.tid_str, "tid[,tid...]", "only consider symbols in these tids"),
	OPT_INTEGER(0, "max-stack", &scr.sp.max_stack,
		    "Set the maximum stack depth when parsing the callchain, "
		    "anything beyond the specified depth will be ignored. "
		    "Default: kernel.perf_event_max_stack or 127"),
	OPT_BOOLEAN(0, "reltime", &scr.sp.reltime, "Show time stamps relative to start"),
	OPT_BOOLEAN(0, "deltatime", &scr.sp.deltatime,
		    "Show time stamps relative to previous event"),
	OPT_BOOLEAN('I', "show-info", &scr.show_full_info,
		    "display extended information from perf.data file"),
	OPT_BOOLEAN(0, "show-kernel-path", &scr.sp.show_kernel_path,
		    "Show the path of [kernel.kallsyms]"),
	OPT_BOOLEAN(0, "show-task-events", &scr.show_task_events,
		    "Show the fork/comm/exit events"),
	OPT_BOOLEAN(0, "show-mmap-events", &scr.show_mmap_events, "Show the mmap events"),
	OPT_BOOLEAN(0, "show-switch-events", &scr.show_switch_events,
		    "Show context switch events (if recorded)"),
	OPT_BOOLEAN(0, "show-namespace-events", &scr.show_namespace_events,
		    "Show namespace events (if recorded)"),
	OPT_BOOLEAN(0, "show-cgroup-events", &scr.show_cgroup_events,
		    "Show cgroup events (if recorded)"),
	OPT_BOOLEAN(0, "show-lost-events", &scr.show_lost_events,
		    "Show lost events (if recorded)"),
	OPT_BOOLEAN(0, "show-round-events", &scr.show_round_events,
		    "Show round events (if recorded)"),
	OPT_BOOLEAN(0, "show-bpf-events", &scr.show_bpf_events,
		    "Show bpf related events (if recorded)"),
	OPT_BOOLEAN(0, "show-text-poke-events", &scr.show_text_poke_events,
		    "Show text poke related events (if recorded)"),
	OPT_BOOLEAN(0, "per-event-dump", &scr.per_event_dump,
		    "Dump trace output to files named by the monitored events"),
	OPT_BOOLEAN('f', "force", &scr.force, "don't complain, do it"),
	OPT_INTEGER(0, "max-blocks", &scr.max_blocks,
		    "Maximum number of code blocks to dump with brstackinsn"),
	OPT_BOOLEAN(0, "ns", &scr.sp.nanosecs, "Use 9 decimal places when displaying time"),
	OPT_CALLBACK_OPTARG(0, "itrace", &scr.itrace, NULL, "opts",
			    ITRACE_HELP,
			    parse_string_cb),
	OPT_BOOLEAN(0, "full-source-path", &scr.sp.full_source_path,
		    "Show full source file name path for source lines"),
	OPT_BOOLEAN(0, "demangle", &scr.demangle, "Enable symbol demangling"),
	OPT_BOOLEAN(0, "demangle-kernel", &scr.demangle_kernel, "Enable kernel symbol demangling"),
	OPT_STRING(0, "time", &scr.time_str, "str", "Time span of interest (start,stop)"),
	OPT_BOOLEAN(0, "inline", &scr.inline_funcs, "Show inline function"),
	OPT_STRING(0, "guestmount", &scr.guestmount, "directory",
		   "guest mount directory under which every guest os instance has a subdir"),
	OPT_STRING(0, "guestvmlinux", &scr.guestvmlinux, "file", "file saving guest os vmlinux"),
	OPT_STRING(0, "guestkallsyms", &scr.guestkallsyms, "file",
		   "file saving guest os /proc/kallsyms"),
	OPT_STRING(0, "guestmodules", &scr.guestmodules, "file",
		   "file saving guest os /proc/modules"),
	OPT_BOOLEAN(0, "guest-code", &scr.guest_code,
		    "Guest code can be found in hypervisor process"),
	OPT_BOOLEAN(0, "stitch-lbr", &scr.stitch_lbr, "Enable LBR callgraph stitching approach"),
	OPT_STRING(0, "switch-on", &scr.switch_on, "event",
		   "Consider events after the ocurrence of this event"),
	OPT_STRING(0, "switch-off", &scr.switch_off, "event",
		   "Stop considering events after the ocurrence of this event"),
	OPT_BOOLEAN(0, "show-on-off-events", &scr.evswitch.show_on_off_events,
		    "Show the on/off switch events, used with --switch-on and --switch-off"),
	OPT_END()
	};
	const char *missing_file;
	int argc_left, err;

	script_fields__init(&scr.fields);
	scr.sp.max_stack = read_max_stack();
	argc_left = parse_options(argc, argv, options, script_usage,
				  PARSE_OPT_STOP_AT_NON_OPTION);

	/* 1. the scripting verbs */
	if (scr.list_scripts) {
		scripting__exec_path();
		scripting__list(stdout);
		return 0;
	}
	if (argc_left && !scr.script_name) {
		char *record, *report;

		if (!strcmp(argv[0], "record") || !strcmp(argv[0], "report"))
			return script__run_helper(argv[0], argc_left, argv);
		scripting__exec_path();
		record = scripting__find_helper(argv[0], "record");
		report = scripting__find_helper(argv[0], "report");
		if (record && report)
			return script__run_pipeline(record, report, argc_left - 1, argv + 1);
		if (report)
			return script__exec_helper(report, argc_left - 1, argv + 1);
		free(record);
		usage_with_options(script_usage, options);
	}
	if (scr.script_name) {
		if (!scripting__is_python(scr.script_name)) {
			fprintf(stderr, "invalid script extension\n");
			usage_with_options(script_usage, options);
		}
		scripting__exec_path();
		scr.script_path = scripting__strip_lang(scr.script_name);
		/* sys.argv: the script, then what follows the options. */
		scr.script_argv = calloc((size_t)argc_left + 2, sizeof(*scr.script_argv));
		if (!scr.script_argv)
			return -ENOMEM;
		scr.script_argv[0] = scr.script_path;
		for (err = 0; err < argc_left; err++)
			scr.script_argv[err + 1] = argv[err];
		scr.script_argc = argc_left + 1;
	}
	if (scr.dlfilter || scr.list_dlfilters) {
		fputs("perf script: dlfilters are not supported by this perf yet\n", stderr);
		return 1;
	}
	if (scr.sp.reltime && scr.sp.deltatime) {
		fprintf(stderr, "reltime and deltatime - the two don't get along well. "
			"Please limit to --reltime or --deltatime.\n");
		return -1;
	}

	/* 2. options into the shared configuration */
	if (scr.dump_unsorted) {
		dump_trace = true;
		scr.tool.ordered_events = false;
	}
	if (scr.show_task_events) {
		scr.tool.comm = script__comm_event;
		scr.tool.fork = script__fork;
		scr.tool.exit = script__exit;
	}
	if (scr.show_mmap_events) {
		scr.tool.mmap = script__mmap;
		scr.tool.mmap2 = script__mmap2;
	}
	if (scr.show_switch_events)
		scr.tool.context_switch = script__sideband;
	if (scr.show_namespace_events)
		scr.tool.namespaces = script__sideband;
	if (scr.show_cgroup_events)
		scr.tool.cgroup = script__sideband;
	if (scr.show_lost_events)
		scr.tool.lost = script__sideband;
	if (scr.show_round_events) {
		/* The reference delivers in file order then, rounds between. */
		scr.tool.ordered_events = false;
		scr.tool.finished_round = script__finished_round;
	}
	if (scr.show_bpf_events) {
		scr.tool.ksymbol = script__sideband;
		scr.tool.bpf = script__sideband;
	}
	if (scr.show_text_poke_events) {
		scr.tool.ksymbol = script__sideband;
		scr.tool.text_poke = script__sideband;
	}
	scr.use_callchain = !scr.no_callchain;
	symbol_conf.demangle = scr.demangle;
	symbol_conf.demangle_kernel = scr.demangle_kernel;
	symbol_conf.inline_name = scr.inline_funcs;
	symbol_conf.show_kernel_path = scr.sp.show_kernel_path;
	symbol_conf.force = scr.force;
	if (scr.symfs)
		symbol_conf.symfs = scr.symfs;
	if (scr.kallsyms)
		symbol_conf.kallsyms_name = scr.kallsyms;
	if (scr.vmlinux)
		symbol_conf.vmlinux_name = scr.vmlinux;
	missing_file = symbol_conf__missing_file();
	if (missing_file) {
		pr_err("Invalid file: %s\n", missing_file);
		return -1;
	}
	if (scr.stop_bt_str)
		scr.sp.stop_bt = &scr.stop_bt;
	if (scr.sp.max_stack < 0)
		scr.sp.max_stack = 0;

	err = script__parse_lists(&scr);
	if (!err)
		err = __cmd_script(&scr);
	name_list__exit(&scr.pids);
	name_list__exit(&scr.tids);
	name_list__exit(&scr.comms);
	name_list__exit(&scr.syms);
	name_list__exit(&scr.dsos);
	name_list__exit(&scr.stop_bt);
	free(scr.ranges);
	free(scr.script_argv);
	return err;
}
