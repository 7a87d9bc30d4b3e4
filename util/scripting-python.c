// SPDX-License-Identifier: GPL-2.0
/*
 * The embedded python3 engine of `perf script -s`: runs a script written
 * for the reference perf's python interface unchanged (trace_begin,
 * trace_end, SYSTEM__EVENT handlers, trace_unhandled, process_event and
 * the perf_trace_context module), and writes starter scripts (-g python).
 *
 * This file is not part of the perf executable: it is built as a shared
 * object, embedded in perf and loaded by util/scripting-python-load.c on
 * the first python__ call, so that only the commands that run python pay
 * for loading and relocating libpython (about 4.5 ms, more than the rest
 * of perf's start-up).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <inttypes.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build-id.h"
#include "caps.h"
#include "debug.h"
#include "dso.h"
#include "event.h"
#include "evlist.h"
#include "evsel.h"
#include "map.h"
#include "perf_regs.h"
#include "script-print.h"
#include "scripting.h"
#include "srcline.h"
#include "symbol-elf.h"
#include "symbol.h"
#include "thread.h"
#include "trace-event-parse.h"
#include "unwind.h"

/* Handlers take at most this many arguments: the common ones plus fields. */
#define MAX_HANDLER_ARGS 128

/**
 * struct python_engine - the one interpreter of this process
 * @main_dict:  the script's globals, where handlers are looked up
 * @context:    the capsule passed as "context" to handlers (points here)
 * @cur:        the sample being handled, for the perf_trace_context calls
 * @defined:    tracepoint formats whose flag and symbol tables the script
 *              has been given (define_flag_field() & co.)
 */
struct python_engine {
	PyObject *main_dict;
	PyObject *context;
	struct scripting_sample *cur;
	const struct tep_event **defined;
	size_t nr_defined;
	bool started;
};

static struct python_engine py;

/* ---- the perf_trace_context module ---- */

static struct scripting_sample *context__sample(PyObject *args)
{
	PyObject *capsule;

	if (!PyArg_ParseTuple(args, "O", &capsule))
		return NULL;
	if (!PyCapsule_CheckExact(capsule)) {
		PyErr_SetString(PyExc_TypeError, "expected the context capsule");
		return NULL;
	}
	return py.cur;
}

static PyObject *context__common_field(PyObject *args, const char *name)
{
	struct scripting_sample *ss;
	uint64_t val = 0;

	ss = context__sample(args);
	if (!ss) {
		if (PyErr_Occurred())
			return NULL;
		return PyLong_FromLong(0);
	}
	if (ss->tp)
		trace_event__common_field(ss->tp, ss->sample->raw_data, ss->sample->raw_size,
					  name, &val);
	return PyLong_FromUnsignedLongLong(val);
}

static PyObject *perf_trace_context_common_pc(PyObject *self, PyObject *args)
{
	(void)self;
	return context__common_field(args, "common_preempt_count");
}

static PyObject *perf_trace_context_common_flags(PyObject *self, PyObject *args)
{
	(void)self;
	return context__common_field(args, "common_flags");
}

static PyObject *perf_trace_context_common_lock_depth(PyObject *self, PyObject *args)
{
	(void)self;
	return context__common_field(args, "common_lock_depth");
}

/* The bytes of the instruction at the sample's ip; None where they cannot be read (the kernel). */
static PyObject *perf_trace_context_perf_sample_insn(PyObject *self, PyObject *args)
{
	struct scripting_sample *ss;
	uint8_t buf[16];
	int n = 0;

	(void)self;
	ss = context__sample(args);
	if (!ss && PyErr_Occurred())
		return NULL;
	if (ss && ss->sp && ss->al)
		n = script_print__fetch_insn(ss->sp, ss->sample, ss->al->thread, buf);
	if (n <= 0)
		Py_RETURN_NONE;
	return PyBytes_FromStringAndSize((const char *)buf, n);
}

/* (file, line) of the sample's ip as DWARF names the file, or (None, 0); with @code its text too. */
static PyObject *context__source(PyObject *args, bool code)
{
	struct scripting_sample *ss;
	const char *file = NULL, *text = NULL;
	unsigned int line = 0;
	int len = 0;
	struct dso *dso;

	ss = context__sample(args);
	if (!ss && PyErr_Occurred())
		return NULL;
	dso = ss && ss->al && ss->al->map ? ss->al->map->dso : NULL;
	if (dso && dso->kind == DSO_KIND_FILE) {
		if (!dso__srcline(dso, ss->al->addr, &file, &line)) {
			if (code && ss->sp)
				text = script_print__source_line(ss->sp, file, line, &len);
		} else if (dso__addr2line_names_function(dso, dso__addr_to_vaddr(dso, ss->al->addr),
							 &file)) {
			/* addr2line's answer without a line: "??:0", or the STT_FILE's name. */
			if (!file)
				file = "??";
			line = 0;
		}
	}
	if (!file)
		line = 0;
	if (!code)
		return Py_BuildValue("(zI)", file, line);
	if (!text)
		return Py_BuildValue("(zIO)", file, line, Py_None);
	return Py_BuildValue("(zIs#)", file, line, text, (Py_ssize_t)len);
}

static PyObject *perf_trace_context_perf_sample_srcline(PyObject *self, PyObject *args)
{
	(void)self;
	return context__source(args, false);
}

static PyObject *perf_trace_context_perf_sample_srccode(PyObject *self, PyObject *args)
{
	(void)self;
	return context__source(args, true);
}

/* Instruction tracing is not decoded by this perf: nothing to configure. */
static PyObject *perf_trace_context_perf_set_itrace_options(PyObject *self, PyObject *args)
{
	PyObject *ctx;
	const char *opts;

	(void)self;
	if (!PyArg_ParseTuple(args, "Os", &ctx, &opts))
		return NULL;
	return PyLong_FromLong(-1);
}

static PyMethodDef perf_trace_context_methods[] = {
	{ "common_pc", perf_trace_context_common_pc, METH_VARARGS,
	  "Get the common preempt count event field value." },
	{ "common_flags", perf_trace_context_common_flags, METH_VARARGS,
	  "Get the common flags event field value." },
	{ "common_lock_depth", perf_trace_context_common_lock_depth, METH_VARARGS,
	  "Get the common lock depth event field value." },
	{ "perf_sample_insn", perf_trace_context_perf_sample_insn, METH_VARARGS,
	  "Get the instruction bytes of the sample." },
	{ "perf_set_itrace_options", perf_trace_context_perf_set_itrace_options, METH_VARARGS,
	  "Set instruction tracing options." },
	{ "perf_sample_srcline", perf_trace_context_perf_sample_srcline, METH_VARARGS,
	  "Get the source file name and line of the sample." },
	{ "perf_sample_srccode", perf_trace_context_perf_sample_srccode, METH_VARARGS,
	  "Get the source file name, line and source code of the sample." },
	{ NULL, NULL, 0, NULL }
};

static struct PyModuleDef perf_trace_context_module = {
	PyModuleDef_HEAD_INIT, "perf_trace_context", NULL, -1, perf_trace_context_methods,
	NULL, NULL, NULL, NULL
};

static PyObject *perf_trace_context_init(void)
{
	PyObject *mod = PyModule_Create(&perf_trace_context_module);

	if (!mod)
		return NULL;
	/* The reference's capsules carry no name: scripts may print them. */
	py.context = PyCapsule_New(&py, NULL, NULL);
	if (!py.context || PyModule_AddObjectRef(mod, "perf_script_context", py.context)) {
		Py_DECREF(mod);
		return NULL;
	}
	return mod;
}

/* ---- building the handlers' arguments ---- */

/* Set @d[@key] = @v, taking @v's reference; a NULL @v is an error already raised. */
static int dict__set(PyObject *d, const char *key, PyObject *v)
{
	int ret;

	if (!v)
		return -1;
	ret = PyDict_SetItemString(d, key, v);
	Py_DECREF(v);
	return ret;
}

static const char *dso__script_name(const struct map *map)
{
	return script__dso_name(map, false);
}

static PyObject *frame__new(uint64_t ip, struct map *map, struct symbol *sym)
{
	PyObject *d = PyDict_New();

	if (!d)
		return NULL;
	if (dict__set(d, "ip", PyLong_FromUnsignedLongLong(ip)))
		goto err;
	if (sym) {
		PyObject *s = PyDict_New();
		uint64_t addr = map ? map__map_ip(map, ip) : ip;

		if (!s || dict__set(s, "start", PyLong_FromUnsignedLongLong(sym->start)) ||
		    dict__set(s, "end", PyLong_FromUnsignedLongLong(sym->end)) ||
		    dict__set(s, "binding", PyLong_FromLong(sym->binding)) ||
		    dict__set(s, "name", PyUnicode_DecodeUTF8(sym->name, (Py_ssize_t)strlen(sym->name),
							      "replace"))) {
			Py_XDECREF(s);
			goto err;
		}
		if (dict__set(d, "sym", s) ||
		    dict__set(d, "sym_off", PyLong_FromUnsignedLongLong(addr - sym->start)))
			goto err;
	}
	if (map && map->dso && dict__set(d, "dso", PyUnicode_DecodeUTF8(dso__script_name(map),
				(Py_ssize_t)strlen(dso__script_name(map)), "replace")))
		goto err;
	return d;
err:
	Py_DECREF(d);
	return NULL;
}

struct unwind_collect {
	PyObject *list;
	int left;
	int err;
};

static int unwind_collect__entry(struct unwind_entry *entry, void *arg)
{
	struct unwind_collect *uc = arg;
	PyObject *frame;

	if (uc->left-- <= 0)
		return 1;
	frame = frame__new(entry->ip, entry->map, entry->sym);
	if (!frame || PyList_Append(uc->list, frame)) {
		Py_XDECREF(frame);
		uc->err = -1;
		return 1;
	}
	Py_DECREF(frame);
	return 0;
}

/*
 * The sample's callchain, innermost frame first: the kernel's chain, with
 * the user part unwound from the sampled stack for --call-graph dwarf.
 */
static PyObject *python__callchain(struct scripting_sample *ss)
{
	struct perf_sample *sample = ss->sample;
	const struct ip_callchain *chain = sample->callchain;
	struct thread *thread = ss->al->thread;
	uint8_t cpumode = PERF_RECORD_MISC_USER;
	PyObject *list = PyList_New(0);
	struct addr_location al;
	bool dwarf;
	int left = ss->max_stack > 0 ? ss->max_stack : 127;
	uint64_t i;

	if (!list || !ss->callchain || !thread)
		return list;
	if (chain && !callchain__is_valid(chain, left))
		return list;
	dwarf = unwind__attr_has_user_stack(&ss->evsel->attr) && sample->user_stack.size &&
		sample->user_regs.regs;
	addr_location__init(&al);
	for (i = 0; chain && i < chain->nr && left > 0; i++) {
		uint64_t ip = chain->ips[i];
		PyObject *frame;

		if (ip >= PERF_CONTEXT_MAX) {
			if (ip == PERF_CONTEXT_HV)
				cpumode = PERF_RECORD_MISC_HYPERVISOR;
			else if (ip == PERF_CONTEXT_KERNEL)
				cpumode = PERF_RECORD_MISC_KERNEL;
			else
				cpumode = PERF_RECORD_MISC_USER;
			continue;
		}
		/* The unwinder gives the user frames, the sampled pc first. */
		if (dwarf && cpumode == PERF_RECORD_MISC_USER)
			break;
		left--;
		thread__find_symbol(thread, cpumode, ip, &al);
		frame = frame__new(ip, al.map, al.sym);
		if (!frame || PyList_Append(list, frame)) {
			Py_XDECREF(frame);
			goto err;
		}
		Py_DECREF(frame);
	}
	addr_location__exit(&al);
	if (dwarf && left > 0) {
		struct unwind_collect uc = { .list = list, .left = left };

		unwind__get_entries(unwind_collect__entry, &uc, thread, sample, left, true);
		if (uc.err)
			goto err_noal;
	}
	return list;
err:
	addr_location__exit(&al);
err_noal:
	Py_DECREF(list);
	return NULL;
}

/* " NAME:0x... " for each register of @mask, as the reference's iregs/uregs strings. */
static PyObject *regs__str(const struct regs_dump *regs, uint64_t mask)
{
	const struct sample_reg *r = arch__sample_reg_masks();
	char buf[4096];
	size_t len = 0;
	unsigned int i = 0, bit;

	buf[0] = '\0';
	if (!regs->regs || !mask)
		return PyUnicode_FromString("");
	for (bit = 0; bit < 64 && len < sizeof(buf) - 64; bit++) {
		const char *name = "unknown";
		const struct sample_reg *s;

		if (!(mask & (1ULL << bit)))
			continue;
		for (s = r; s && s->name; s++) {
			if (s->mask == (1ULL << bit)) {
				name = s->name;
				break;
			}
		}
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%5s:0x%" PRIx64 " ",
					name, regs->regs[i++]);
	}
	return PyUnicode_FromString(buf);
}

static PyObject *brstack__list(const struct perf_sample *sample, bool syms, struct thread *thread)
{
	const struct branch_stack *bs = sample->branch_stack;
	PyObject *list = PyList_New(0);
	struct addr_location al;
	uint64_t i;

	if (!list || !bs)
		return list;
	addr_location__init(&al);
	for (i = 0; i < bs->nr; i++) {
		const struct branch_entry *e = &bs->entries[i];
		PyObject *d = PyDict_New();
		int err;

		if (!d)
			goto err;
		if (syms) {
			char from[512], to[512];
			uint64_t ends[2] = { e->from, e->to };
			char *bufs[2] = { from, to };
			int k;

			for (k = 0; k < 2; k++) {
				struct symbol *sym = thread ? thread__find_symbol_fb(thread,
						PERF_RECORD_MISC_USER, ends[k], &al) : NULL;

				if (sym)
					snprintf(bufs[k], 512, "%s+0x%" PRIx64, sym->name,
						 map__map_ip(al.map, ends[k]) - sym->start);
				else
					snprintf(bufs[k], 512, "[unknown]");
			}
			err = dict__set(d, "from", PyUnicode_FromString(from)) ||
			      dict__set(d, "to", PyUnicode_FromString(to));
		} else {
			err = dict__set(d, "from", PyLong_FromUnsignedLongLong(e->from)) ||
			      dict__set(d, "to", PyLong_FromUnsignedLongLong(e->to));
		}
		err = err || dict__set(d, "mispred", PyBool_FromLong(e->flags & 1)) ||
		      dict__set(d, "predicted", PyBool_FromLong((e->flags >> 1) & 1)) ||
		      dict__set(d, "in_tx", PyBool_FromLong((e->flags >> 2) & 1)) ||
		      dict__set(d, "abort", PyBool_FromLong((e->flags >> 3) & 1)) ||
		      dict__set(d, "cycles", PyLong_FromUnsignedLongLong((e->flags >> 4) & 0xffff));
		if (err || PyList_Append(list, d)) {
			Py_DECREF(d);
			goto err;
		}
		Py_DECREF(d);
	}
	addr_location__exit(&al);
	return list;
err:
	addr_location__exit(&al);
	Py_DECREF(list);
	return NULL;
}

static PyObject *read_values(const struct perf_sample *sample, const struct evsel *evsel)
{
	const struct perf_event_attr *attr = &evsel->attr;
	PyObject *list = PyList_New(0), *t;

	if (!list)
		return NULL;
	if ((attr->sample_type & PERF_SAMPLE_READ) && (attr->read_format & PERF_FORMAT_GROUP) &&
	    sample->read.values) {
		const uint64_t *v = sample->read.values;
		size_t step = (attr->read_format & PERF_FORMAT_LOST) ? 3 : 2;
		uint64_t i;

		for (i = 0; i < sample->read.nr; i++, v += step) {
			t = Py_BuildValue("(KKK)", (unsigned long long)v[1], (unsigned long long)v[0],
					  (unsigned long long)(step == 3 ? v[2] : 0));
			if (!t || PyList_Append(list, t)) {
				Py_XDECREF(t);
				Py_DECREF(list);
				return NULL;
			}
			Py_DECREF(t);
		}
		return list;
	}
	t = Py_BuildValue("(KKK)", (unsigned long long)sample->read.one.id,
			  (unsigned long long)sample->read.one.value,
			  (unsigned long long)sample->read.one.lost);
	if (!t || PyList_Append(list, t)) {
		Py_XDECREF(t);
		Py_DECREF(list);
		return NULL;
	}
	Py_DECREF(t);
	return list;
}

static int dict__set_location(PyObject *d, struct addr_location *al)
{
	if (al->map && al->map->dso) {
		struct dso *dso = al->map->dso;
		char bid[BUILD_ID_SIZE * 2 + 1] = "";
		const char *name = dso__script_name(al->map);

		if (build_id__is_defined(&dso->bid))
			build_id__snprintf(&dso->bid, bid, sizeof(bid));
		if (dict__set(d, "dso", PyUnicode_DecodeUTF8(name, (Py_ssize_t)strlen(name),
							     "replace")) ||
		    dict__set(d, "dso_bid", PyUnicode_FromString(bid)) ||
		    dict__set(d, "dso_map_start", PyLong_FromUnsignedLongLong(al->map->start)) ||
		    dict__set(d, "dso_map_end", PyLong_FromUnsignedLongLong(al->map->end)))
			return -1;
	}
	if (al->sym) {
		uint64_t addr = al->map ? map__map_ip(al->map, al->addr) : al->addr;

		if (dict__set(d, "symbol", PyUnicode_DecodeUTF8(al->sym->name,
				(Py_ssize_t)strlen(al->sym->name), "replace")) ||
		    dict__set(d, "symoff", PyLong_FromUnsignedLongLong(addr - al->sym->start)))
			return -1;
	}
	return 0;
}

/* The perf_sample_dict / param_dict of the reference's interface. */
static PyObject *sample__dict(struct scripting_sample *ss, PyObject *callchain)
{
	struct perf_sample *s = ss->sample;
	struct evsel *evsel = ss->evsel;
	const struct perf_event_attr *attr = &evsel->attr;
	PyObject *d = PyDict_New(), *sd = PyDict_New();
	char decode[256];

	if (!d || !sd)
		goto err;
	if (dict__set(d, "ev_name", PyUnicode_FromString(evsel__name(evsel))) ||
	    dict__set(d, "attr", PyBytes_FromStringAndSize((const char *)attr, sizeof(*attr))))
		goto err;
	script__data_src_decode(s->data_src, decode, sizeof(decode));
	if (dict__set(sd, "pid", PyLong_FromLong((int32_t)s->pid)) ||
	    dict__set(sd, "tid", PyLong_FromLong((int32_t)s->tid)) ||
	    dict__set(sd, "cpu", PyLong_FromUnsignedLong(s->cpu)) ||
	    dict__set(sd, "ip", PyLong_FromUnsignedLongLong(s->ip)) ||
	    dict__set(sd, "time", PyLong_FromUnsignedLongLong(s->time)) ||
	    dict__set(sd, "period", PyLong_FromUnsignedLongLong(s->period)) ||
	    dict__set(sd, "phys_addr", PyLong_FromUnsignedLongLong(s->phys_addr)) ||
	    dict__set(sd, "addr", PyLong_FromUnsignedLongLong(s->addr)) ||
	    dict__set(sd, "values", read_values(s, evsel)) ||
	    dict__set(sd, "weight", PyLong_FromUnsignedLongLong(s->weight)) ||
	    dict__set(sd, "transaction", PyLong_FromUnsignedLongLong(s->transaction)) ||
	    dict__set(sd, "datasrc", PyLong_FromUnsignedLongLong(s->data_src)) ||
	    dict__set(sd, "datasrc_decode", PyUnicode_FromString(decode)) ||
	    dict__set(sd, "cpumode", PyLong_FromLong(s->cpumode)))
		goto err;
	if (s->flags && dict__set(sd, "flags", PyLong_FromUnsignedLong(s->flags)))
		goto err;
	if (s->insn_cnt && s->cyc_cnt &&
	    (dict__set(sd, "insn_cnt", PyLong_FromUnsignedLongLong(s->insn_cnt)) ||
	     dict__set(sd, "cyc_cnt", PyLong_FromUnsignedLongLong(s->cyc_cnt))))
		goto err;
	if (PyDict_SetItemString(d, "sample", sd))
		goto err;
	Py_CLEAR(sd);
	if (dict__set(d, "raw_buf", PyBytes_FromStringAndSize(s->raw_data ? s->raw_data : "",
							      s->raw_data ? s->raw_size : 0)) ||
	    dict__set(d, "comm", PyUnicode_DecodeUTF8(script__comm(ss->al->thread),
				(Py_ssize_t)strlen(script__comm(ss->al->thread)), "replace")))
		goto err;
	if (dict__set_location(d, ss->al))
		goto err;
	if (PyDict_SetItemString(d, "callchain", callchain) ||
	    dict__set(d, "brstack", brstack__list(s, false, ss->al->thread)) ||
	    dict__set(d, "brstacksym", brstack__list(s, true, ss->al->thread)) ||
	    dict__set(d, "iregs", regs__str(&s->intr_regs, attr->sample_regs_intr)) ||
	    dict__set(d, "uregs", regs__str(&s->user_regs, attr->sample_regs_user)))
		goto err;
	return d;
err:
	Py_XDECREF(sd);
	Py_XDECREF(d);
	return NULL;
}

/* ---- calling into the script ---- */

/* A handler of the script, borrowed, or NULL when it defines none. */
static PyObject *python__handler(const char *name)
{
	PyObject *h;

	/* A script that failed to load has no globals to call into. */
	if (!py.main_dict)
		return NULL;
	h = PyDict_GetItemString(py.main_dict, name);

	return h && PyCallable_Check(h) ? h : NULL;
}

static int handler__nr_args(PyObject *handler)
{
	PyObject *code = PyObject_GetAttrString(handler, "__code__"), *n;
	long nr = -1;

	if (!code) {
		PyErr_Clear();
		return -1;
	}
	n = PyObject_GetAttrString(code, "co_argcount");
	if (n) {
		nr = PyLong_AsLong(n);
		Py_DECREF(n);
	}
	PyErr_Clear();
	Py_DECREF(code);
	return (int)nr;
}

/*
 * Report the script's exception. SystemExit ends the process in
 * PyErr_Print(), as the reference's engine does.
 */
static int python__failed(const char *what)
{
	if (PyErr_Occurred())
		PyErr_Print();
	pr_debug("python: %s failed\n", what);
	return -EINVAL;
}

static int python__call(PyObject *handler, PyObject *args, const char *what)
{
	PyObject *ret = PyObject_CallObject(handler, args);

	if (!ret)
		return python__failed(what);
	Py_DECREF(ret);
	return 0;
}

static int python__call_simple(const char *name)
{
	PyObject *h = python__handler(name);

	if (!h)
		return 0;
	return python__call(h, NULL, name);
}

struct define_ctx {
	const char *event_name;
	int err;
};

static int define_sym(enum trace_print_sym_kind kind, const char *field, const char *delim,
		      uint64_t value, const char *str, void *arg)
{
	static const char * const fns[] = {
		[TRACE_PRINT__FLAG_FIELD] = "define_flag_field",
		[TRACE_PRINT__FLAG_VALUE] = "define_flag_value",
		[TRACE_PRINT__SYMBOL_FIELD] = "define_symbolic_field",
		[TRACE_PRINT__SYMBOL_VALUE] = "define_symbolic_value",
	};
	struct define_ctx *dc = arg;
	PyObject *h = python__handler(fns[kind]), *args;

	if (!h)
		return 0;
	switch (kind) {
	case TRACE_PRINT__FLAG_FIELD:
		args = Py_BuildValue("(sss)", dc->event_name, field, delim);
		break;
	case TRACE_PRINT__SYMBOL_FIELD:
		args = Py_BuildValue("(ss)", dc->event_name, field);
		break;
	default:
		args = Py_BuildValue("(ssKs)", dc->event_name, field, (unsigned long long)value, str);
		break;
	}
	if (!args || python__call(h, args, fns[kind])) {
		Py_XDECREF(args);
		dc->err = -EINVAL;
		return 1;
	}
	Py_DECREF(args);
	return 0;
}

/* Give the script the flag and symbol tables of @tp once (Core's flag_str() uses them). */
static int python__define_event(struct tep_event *tp, const char *handler_name)
{
	struct define_ctx dc = { .event_name = handler_name };
	const struct tep_event **tmp;
	size_t i;

	for (i = 0; i < py.nr_defined; i++) {
		if (py.defined[i] == tp)
			return 0;
	}
	tmp = realloc(py.defined, (py.nr_defined + 1) * sizeof(*tmp));
	if (!tmp)
		return -ENOMEM;
	py.defined = tmp;
	py.defined[py.nr_defined++] = tp;
	trace_event__for_each_print_sym(tp, define_sym, &dc);
	return dc.err;
}

struct field_args {
	PyObject *tuple;	/* positional handler arguments, or NULL */
	PyObject *dict;		/* trace_unhandled()'s fields, or NULL */
	Py_ssize_t n;
};

static PyObject *field__value(const struct trace_field *f)
{
	switch (f->kind) {
	case TRACE_FIELD__STRING:
		return PyUnicode_DecodeUTF8(f->data, (Py_ssize_t)f->len, "replace");
	case TRACE_FIELD__BYTES:
		return PyByteArray_FromStringAndSize(f->data, (Py_ssize_t)f->len);
	case TRACE_FIELD__SIGNED:
		/* Zero-extended from the field's size, as the reference passes them. */
		if (f->size == 8)
			return PyLong_FromLongLong((long long)f->num);
		return PyLong_FromUnsignedLongLong(f->num);
	case TRACE_FIELD__UNSIGNED:
	default:
		return PyLong_FromUnsignedLongLong(f->num);
	}
}

static int field_args__add(const struct trace_field *f, void *arg)
{
	struct field_args *fa = arg;
	PyObject *v = field__value(f);

	if (!v)
		return -1;
	if (fa->dict)
		return dict__set(fa->dict, f->name, v) ? -1 : 0;
	if (fa->n >= MAX_HANDLER_ARGS - 1) {
		Py_DECREF(v);
		return 0;
	}
	PyTuple_SET_ITEM(fa->tuple, fa->n++, v);
	return 0;
}

static int python__process_tracepoint(struct scripting_sample *ss)
{
	struct perf_sample *s = ss->sample;
	char name[256];
	PyObject *handler, *callchain = NULL, *args = NULL, *common[6];
	struct field_args fa = { 0 };
	const char *comm = script__comm(ss->al->thread);
	int nargs, err = -EINVAL;
	uint64_t pid;
	size_t i;

	snprintf(name, sizeof(name), "%s__%s", trace_event__system(ss->tp),
		 trace_event__name(ss->tp));
	if (python__define_event(ss->tp, name))
		return -EINVAL;
	handler = python__handler(name);
	if (!handler) {
		handler = python__handler("trace_unhandled");
		if (!handler)
			return 0;
		fa.dict = PyDict_New();
		if (!fa.dict)
			return python__failed(name);
	}
	callchain = python__callchain(ss);
	fa.tuple = PyTuple_New(MAX_HANDLER_ARGS);
	if (!callchain || !fa.tuple)
		goto out;
	common[0] = PyLong_FromLong((int32_t)s->cpu);
	common[1] = PyLong_FromUnsignedLongLong(s->time / 1000000000ULL);
	common[2] = PyLong_FromUnsignedLongLong(s->time % 1000000000ULL);
	/* The payload's common_pid: the thread id, not the sample's process id. */
	if (trace_event__common_field(ss->tp, s->raw_data, s->raw_size, "common_pid", &pid))
		pid = s->tid;
	common[3] = PyLong_FromLong((int32_t)pid);
	common[4] = PyUnicode_DecodeUTF8(comm, (Py_ssize_t)strlen(comm), "replace");
	common[5] = callchain;
	Py_INCREF(callchain);
	PyTuple_SET_ITEM(fa.tuple, fa.n++, PyUnicode_FromString(name));
	Py_INCREF(py.context);
	PyTuple_SET_ITEM(fa.tuple, fa.n++, py.context);
	if (fa.dict) {
		static const char * const keys[] = {
			"common_cpu", "common_s", "common_ns", "common_pid", "common_comm",
			"common_callchain",
		};

		for (i = 0; i < 6; i++) {
			if (dict__set(fa.dict, keys[i], common[i]))
				goto out;
		}
	} else {
		for (i = 0; i < 6; i++) {
			if (!common[i])
				goto out;
			PyTuple_SET_ITEM(fa.tuple, fa.n++, common[i]);
		}
	}
	if (trace_event__for_each_field(ss->tp, s->raw_data, s->raw_size, field_args__add, &fa))
		goto out;
	if (fa.dict) {
		PyTuple_SET_ITEM(fa.tuple, fa.n++, fa.dict);
		fa.dict = NULL;
	}
	/* A handler with one parameter more than the fields also gets the sample's dict. */
	nargs = handler__nr_args(handler);
	if (nargs == fa.n + 1) {
		PyObject *d = sample__dict(ss, callchain);

		if (!d)
			goto out;
		PyTuple_SET_ITEM(fa.tuple, fa.n++, d);
	}
	args = PyTuple_GetSlice(fa.tuple, 0, fa.n);
	if (!args)
		goto out;
	py.cur = ss;
	err = python__call(handler, args, name);
	py.cur = NULL;
	Py_DECREF(args);
	Py_DECREF(fa.tuple);
	Py_DECREF(callchain);
	return err;
out:
	Py_XDECREF(fa.tuple);
	Py_XDECREF(fa.dict);
	Py_XDECREF(callchain);
	return python__failed(name);
}

static int python__process_general(struct scripting_sample *ss)
{
	PyObject *handler = python__handler("process_event"), *callchain, *d, *args;
	int err;

	if (!handler)
		return 0;
	callchain = python__callchain(ss);
	if (!callchain)
		return python__failed("process_event");
	d = sample__dict(ss, callchain);
	Py_DECREF(callchain);
	if (!d)
		return python__failed("process_event");
	args = PyTuple_Pack(1, d);
	Py_DECREF(d);
	if (!args)
		return python__failed("process_event");
	py.cur = ss;
	err = python__call(handler, args, "process_event");
	py.cur = NULL;
	Py_DECREF(args);
	return err;
}

static int engine__process_sample(struct scripting_sample *ss)
{
	if (!py.started)
		return -EINVAL;
	if (ss->tp)
		return python__process_tracepoint(ss);
	return python__process_general(ss);
}

/* ---- start and stop ---- */

/* Scripts import modules that sit beside them, as `python3 script.py` allows. */
static int python__add_script_dir(const char *path)
{
	char buf[PATH_MAX], *dir;
	PyObject *sys_path, *d;
	int ret;

	snprintf(buf, sizeof(buf), "%s", path);
	dir = dirname(buf);
	sys_path = PySys_GetObject("path");
	if (!sys_path)
		return -1;
	d = PyUnicode_DecodeFSDefault(dir);
	if (!d)
		return -1;
	ret = PyList_Insert(sys_path, 0, d);
	Py_DECREF(d);
	return ret;
}

static int engine__start(const char *path, int argc, const char **argv)
{
	PyConfig config;
	PyStatus status;
	PyObject *main_mod;
	FILE *fp;
	int err;

	if (py.started)
		return -EBUSY;
	/* Whatever the script does, it must not do it with perf's file capabilities. */
	err = perf_caps__drop_for_user_code();
	if (err)
		return -EPERM;
	fp = fopen(path, "r");
	if (!fp)
		return -ENOENT;
	if (PyImport_AppendInittab("perf_trace_context", perf_trace_context_init)) {
		fclose(fp);
		return -ENOMEM;
	}
	PyConfig_InitPythonConfig(&config);
	config.parse_argv = 0;
	status = PyConfig_SetBytesArgv(&config, argc, (char * const *)argv);
	if (!PyStatus_Exception(status))
		status = Py_InitializeFromConfig(&config);
	PyConfig_Clear(&config);
	if (PyStatus_Exception(status)) {
		pr_debug("python: cannot start the interpreter: %s\n",
			 status.err_msg ? status.err_msg : "?");
		fclose(fp);
		return -EINVAL;
	}
	py.started = true;
	if (python__add_script_dir(path))
		PyErr_Clear();
	/* The module is imported up front, so that perf_script_context exists before the script. */
	Py_XDECREF(PyImport_ImportModule("perf_trace_context"));
	PyErr_Clear();
	/* The reference also gives the script perf_script_context as a global. */
	main_mod = PyImport_AddModule("__main__");
	if (main_mod && py.context &&
	    PyDict_SetItemString(PyModule_GetDict(main_mod), "perf_script_context", py.context))
		PyErr_Clear();
	if (PyRun_SimpleFileExFlags(fp, path, 1, NULL))
		return -EINVAL;
	main_mod = PyImport_AddModule("__main__");
	if (!main_mod)
		return python__failed("the script");
	py.main_dict = PyModule_GetDict(main_mod);
	return python__call_simple("trace_begin");
}

static int engine__stop(void)
{
	int err;

	if (!py.started)
		return 0;
	err = python__call_simple("trace_end");
	Py_CLEAR(py.context);
	if (Py_FinalizeEx() < 0 && !err)
		err = -EIO;
	py.started = false;
	py.main_dict = NULL;
	free(py.defined);
	py.defined = NULL;
	py.nr_defined = 0;
	return err;
}

/* ---- -g python ---- */

static const char gen_head[] =
"# perf script event handlers, generated by perf script -g python\n"
"# Licensed under the terms of the GNU GPL License version 2\n"
"\n"
"# Each tracepoint gets a handler named SYSTEM__EVENT, whose first\n"
"# arguments are the same for every event (cpu, time in seconds and\n"
"# nanoseconds, pid, comm, callchain) and whose others are the fields of\n"
"# the event's format. Common fields that are not arguments can be read\n"
"# with the common_*(context) functions of perf_trace_context; see\n"
"# perf-script-python(1).\n"
"\n"
"from __future__ import print_function\n"
"\n"
"import os\n"
"import sys\n"
"\n"
"sys.path.append(os.environ['PERF_EXEC_PATH'] + \\\n"
"\t'/scripts/python/Perf-Trace-Util/lib/Perf/Trace')\n"
"\n"
"from perf_trace_context import *\n"
"from Core import *\n"
"\n"
"\n"
"def trace_begin():\n"
"\tprint(\"in trace_begin\")\n"
"\n"
"def trace_end():\n"
"\tprint(\"in trace_end\")\n";

static const char gen_tail[] =
"\n"
"def trace_unhandled(event_name, context, event_fields_dict, perf_sample_dict):\n"
"\t\tprint(get_dict_as_string(event_fields_dict))\n"
"\t\tprint('Sample: {'+get_dict_as_string(perf_sample_dict['sample'], ', ')+'}')\n"
"\n"
"def print_header(event_name, cpu, secs, nsecs, pid, comm):\n"
"\tprint(\"%-20s %5u %05u.%09u %8u %-20s \" % \\\n"
"\t(event_name, cpu, secs, nsecs, pid, comm), end=\"\")\n"
"\n"
"def get_dict_as_string(a_dict, delimiter=' '):\n"
"\treturn delimiter.join(['%s=%s'%(k,str(v))for k,v in sorted(a_dict.items())])\n";

static const char gen_callchain[] =
"\t\tprint('Sample: {'+get_dict_as_string(perf_sample_dict['sample'], ', ')+'}')\n"
"\n"
"\t\tfor node in common_callchain:\n"
"\t\t\tif 'sym' in node:\n"
"\t\t\t\tprint(\"\\t[%x] %s%s%s%s\" % (\n"
"\t\t\t\t\tnode['ip'], node['sym']['name'],\n"
"\t\t\t\t\t\"+0x{:x}\".format(node['sym_off']) if 'sym_off' in node else \"\",\n"
"\t\t\t\t\t\" ({})\".format(node['dso'])  if 'dso' in node else \"\",\n"
"\t\t\t\t\t\" \" + node['sym_srcline'] if 'sym_srcline' in node else \"\"))\n"
"\t\t\telse:\n"
"\t\t\t\tprint(\"\\t[%x]\" % (node['ip']))\n"
"\n"
"\t\tprint()\n";

struct gen_ctx {
	FILE *fp;
	int pass;		/* 0: parameter names, 1: format, 2: values */
	int n;
	const char *event_name;
	struct tep_event *tp;
	char *flag_fields[64];
	int nr_flag;
	char *sym_fields[64];
	int nr_sym;
};

static bool gen__listed(char **list, int nr, const char *name)
{
	int i;

	for (i = 0; i < nr; i++) {
		if (!strcmp(list[i], name))
			return true;
	}
	return false;
}

static int gen__note_sym(enum trace_print_sym_kind kind, const char *field, const char *delim,
			 uint64_t value, const char *str, void *arg)
{
	struct gen_ctx *g = arg;

	(void)delim; (void)value; (void)str;
	if (kind == TRACE_PRINT__FLAG_FIELD && g->nr_flag < 64 &&
	    !gen__listed(g->flag_fields, g->nr_flag, field))
		g->flag_fields[g->nr_flag++] = (char *)field;
	else if (kind == TRACE_PRINT__SYMBOL_FIELD && g->nr_sym < 64 &&
		 !gen__listed(g->sym_fields, g->nr_sym, field))
		g->sym_fields[g->nr_sym++] = (char *)field;
	return 0;
}

static int gen__field(const struct trace_field *f, void *arg)
{
	struct gen_ctx *g = arg;
	bool flag = gen__listed(g->flag_fields, g->nr_flag, f->name);
	bool sym = gen__listed(g->sym_fields, g->nr_sym, f->name);

	switch (g->pass) {
	case 0:
		fprintf(g->fp, ", %s", f->name);
		if (++g->n % 5 == 0)
			fprintf(g->fp, "\n\t");
		break;
	case 1:
		if (g->n++)
			fprintf(g->fp, ", ");
		if (g->n % 3 == 0)
			fprintf(g->fp, "\" \\\n\t\t\"");
		if (flag || sym || f->kind == TRACE_FIELD__STRING)
			fprintf(g->fp, "%s=%%s", f->name);
		else if (f->kind == TRACE_FIELD__BYTES)
			fprintf(g->fp, "%s=%%s", f->name);
		else if (f->kind == TRACE_FIELD__SIGNED)
			fprintf(g->fp, "%s=%%d", f->name);
		else
			fprintf(g->fp, "%s=%%u", f->name);
		break;
	default:
		if (g->n++)
			fprintf(g->fp, ", ");
		if (g->n % 3 == 0)
			fprintf(g->fp, "\\\n\t\t");
		if (flag)
			fprintf(g->fp, "flag_str(\"%s\", \"%s\", %s)", g->event_name, f->name, f->name);
		else if (sym)
			fprintf(g->fp, "symbol_str(\"%s\", \"%s\", %s)", g->event_name, f->name,
				f->name);
		else
			fprintf(g->fp, "%s", f->name);
		break;
	}
	return 0;
}

static int gen__event(struct tep_event *tp, void *arg)
{
	struct gen_ctx *g = arg;
	char name[256];

	snprintf(name, sizeof(name), "%s__%s", trace_event__system(tp), trace_event__name(tp));
	g->event_name = name;
	g->tp = tp;
	g->nr_flag = g->nr_sym = 0;
	trace_event__for_each_print_sym(tp, gen__note_sym, g);
	fprintf(g->fp, "\ndef %s(event_name, context, common_cpu,\n"
		"\tcommon_secs, common_nsecs, common_pid, common_comm,\n"
		"\tcommon_callchain", name);
	g->pass = 0;
	g->n = 0;
	trace_event__for_each_format_field(tp, gen__field, g);
	fprintf(g->fp, ", perf_sample_dict):\n");
	fprintf(g->fp, "\t\tprint_header(event_name, common_cpu, common_secs, common_nsecs,\n"
		"\t\t\tcommon_pid, common_comm)\n\n");
	fprintf(g->fp, "\t\tprint(\"");
	g->pass = 1;
	g->n = 0;
	trace_event__for_each_format_field(tp, gen__field, g);
	fprintf(g->fp, "\" %% \\\n\t\t(");
	g->pass = 2;
	g->n = 0;
	trace_event__for_each_format_field(tp, gen__field, g);
	fprintf(g->fp, "))\n\n%s", gen_callchain);
	return ferror(g->fp) ? -EIO : 0;
}

static int engine__generate(struct evlist *evlist, struct trace_event *te, const char *path)
{
	struct gen_ctx g = { 0 };
	struct evsel *evsel;
	bool other = false;
	int err;

	evlist__for_each_entry(evlist, evsel) {
		if (evsel->attr.type != PERF_TYPE_TRACEPOINT)
			other = true;
	}
	g.fp = fopen(path, "w");
	if (!g.fp)
		return -errno;
	fputs(gen_head, g.fp);
	err = trace_event__for_each_event(te, gen__event, &g);
	fputs(gen_tail, g.fp);
	if (other)
		fputs("\n"
		      "def process_event(param_dict):\n"
		      "\tprint(\"%s %u %u.%09u %s\" % (param_dict['ev_name'],\n"
		      "\t\tparam_dict['sample']['pid'],\n"
		      "\t\tparam_dict['sample']['time'] // 1000000000,\n"
		      "\t\tparam_dict['sample']['time'] % 1000000000,\n"
		      "\t\tparam_dict.get('symbol', '[unknown]')))\n", g.fp);
	if (fclose(g.fp) && !err)
		err = -errno;
	return err;
}

/*
 * The one symbol this shared object exports (it is built with hidden
 * visibility): util/scripting-python-load.c finds the engine by it.
 */
__attribute__((visibility("default")))
const struct python_engine_ops python_engine_ops = {
	.start		= engine__start,
	.process_sample	= engine__process_sample,
	.stop		= engine__stop,
	.generate	= engine__generate,
};
