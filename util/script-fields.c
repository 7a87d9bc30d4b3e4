// SPDX-License-Identifier: GPL-2.0
/* perf script's -F field table: names, defaults per event kind, parsing, checks. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "script-fields.h"
#include "util.h"

static const struct {
	const char *name;
	uint64_t field;
} field_names[] = {
	{ "comm",		SCRIPT_F_COMM },
	{ "tid",		SCRIPT_F_TID },
	{ "pid",		SCRIPT_F_PID },
	{ "time",		SCRIPT_F_TIME },
	{ "cpu",		SCRIPT_F_CPU },
	{ "event",		SCRIPT_F_EVNAME },
	{ "trace",		SCRIPT_F_TRACE },
	{ "ip",			SCRIPT_F_IP },
	{ "sym",		SCRIPT_F_SYM },
	{ "dso",		SCRIPT_F_DSO },
	{ "addr",		SCRIPT_F_ADDR },
	{ "symoff",		SCRIPT_F_SYMOFFSET },
	{ "srcline",		SCRIPT_F_SRCLINE },
	{ "period",		SCRIPT_F_PERIOD },
	{ "iregs",		SCRIPT_F_IREGS },
	{ "uregs",		SCRIPT_F_UREGS },
	{ "brstack",		SCRIPT_F_BRSTACK },
	{ "brstacksym",		SCRIPT_F_BRSTACKSYM },
	{ "data_src",		SCRIPT_F_DATA_SRC },
	{ "weight",		SCRIPT_F_WEIGHT },
	{ "bpf-output",		SCRIPT_F_BPF_OUTPUT },
	{ "callindent",		SCRIPT_F_CALLINDENT },
	{ "insn",		SCRIPT_F_INSN },
	{ "insnlen",		SCRIPT_F_INSNLEN },
	{ "brstackinsn",	SCRIPT_F_BRSTACKINSN },
	{ "brstackoff",		SCRIPT_F_BRSTACKOFF },
	{ "synth",		SCRIPT_F_SYNTH },
	{ "phys_addr",		SCRIPT_F_PHYS_ADDR },
	{ "metric",		SCRIPT_F_METRIC },
	{ "misc",		SCRIPT_F_MISC },
	{ "srccode",		SCRIPT_F_SRCCODE },
	{ "ipc",		SCRIPT_F_IPC },
	{ "tod",		SCRIPT_F_TOD },
	{ "data_page_size",	SCRIPT_F_DATA_PAGE_SIZE },
	{ "code_page_size",	SCRIPT_F_CODE_PAGE_SIZE },
	{ "ins_lat",		SCRIPT_F_INS_LAT },
	{ "brstackinsnlen",	SCRIPT_F_BRSTACKINSNLEN },
	{ "machine_pid",	SCRIPT_F_MACHINE_PID },
	{ "vcpu",		SCRIPT_F_VCPU },
};

/* What a sample of each kind shows by default: the reference's table. */
#define FIELDS_SAMPLE_START \
	(SCRIPT_F_COMM | SCRIPT_F_TID | SCRIPT_F_CPU | SCRIPT_F_TIME | SCRIPT_F_EVNAME)
#define FIELDS_LOCATION \
	(SCRIPT_F_IP | SCRIPT_F_SYM | SCRIPT_F_SYMOFFSET | SCRIPT_F_DSO)
#define FIELDS_HW (FIELDS_SAMPLE_START | FIELDS_LOCATION | SCRIPT_F_PERIOD)
#define INVALID_NOT_SW (SCRIPT_F_TRACE | SCRIPT_F_BPF_OUTPUT)

static const struct script_output default_outputs[SCRIPT_OUT_MAX] = {
	[SCRIPT_OUT_HW] = {
		.fields = FIELDS_HW,
		.invalid_fields = INVALID_NOT_SW,
	},
	[SCRIPT_OUT_SW] = {
		.fields = FIELDS_HW | SCRIPT_F_BPF_OUTPUT,
		.invalid_fields = SCRIPT_F_TRACE,
	},
	[SCRIPT_OUT_TRACE] = {
		.fields = FIELDS_SAMPLE_START | SCRIPT_F_TRACE,
	},
	[SCRIPT_OUT_HW_CACHE] = {
		.fields = FIELDS_HW,
		.invalid_fields = INVALID_NOT_SW,
	},
	[SCRIPT_OUT_RAW] = {
		.fields = FIELDS_HW | SCRIPT_F_ADDR | SCRIPT_F_DATA_SRC | SCRIPT_F_WEIGHT |
			  SCRIPT_F_PHYS_ADDR | SCRIPT_F_DATA_PAGE_SIZE |
			  SCRIPT_F_CODE_PAGE_SIZE | SCRIPT_F_INS_LAT,
		.invalid_fields = INVALID_NOT_SW,
	},
	[SCRIPT_OUT_BREAKPOINT] = {
		.fields = FIELDS_HW,
		.invalid_fields = INVALID_NOT_SW,
	},
	[SCRIPT_OUT_SYNTH] = {
		.fields = FIELDS_SAMPLE_START | SCRIPT_F_IP | SCRIPT_F_SYM | SCRIPT_F_DSO |
			  SCRIPT_F_SYNTH,
		.invalid_fields = INVALID_NOT_SW,
	},
	[SCRIPT_OUT_OTHER] = {
		.fields = FIELDS_HW,
		.invalid_fields = INVALID_NOT_SW,
	},
};

void script_fields__init(struct script_fields *sf)
{
	memcpy(sf->out, default_outputs, sizeof(sf->out));
	sf->print_flags = false;
}

bool script_fields__user_set(const struct script_fields *sf)
{
	int j;

	for (j = 0; j < SCRIPT_OUT_MAX; j++)
		if (sf->out[j].user_set)
			return true;
	return false;
}

enum script_output_type script_output_type(uint32_t attr_type)
{
	if (attr_type == PERF_TYPE_SYNTH)
		return SCRIPT_OUT_SYNTH;
	if (attr_type < PERF_TYPE_MAX)
		return (enum script_output_type)attr_type;
	return SCRIPT_OUT_OTHER;
}

const char *script_output_type__name(int type)
{
	switch (type) {
	case SCRIPT_OUT_HW:
		return "hardware";
	case SCRIPT_OUT_SW:
		return "software";
	case SCRIPT_OUT_TRACE:
		return "tracepoint";
	case SCRIPT_OUT_HW_CACHE:
		return "hardware-cache";
	default:
		return "unknown";
	}
}

const char *script_field__name(uint64_t field)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(field_names); i++)
		if (field_names[i].field == field)
			return field_names[i].name;
	return "";
}

static int type__from_prefix(const char *s)
{
	static const struct {
		const char *name;
		int type;
	} prefixes[] = {
		{ "hw", SCRIPT_OUT_HW },
		{ "sw", SCRIPT_OUT_SW },
		{ "trace", SCRIPT_OUT_TRACE },
		{ "raw", SCRIPT_OUT_RAW },
		{ "break", SCRIPT_OUT_BREAKPOINT },
		{ "synth", SCRIPT_OUT_SYNTH },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(prefixes); i++)
		if (!strcmp(s, prefixes[i].name))
			return prefixes[i].type;
	return -1;
}

enum edit { EDIT_NONE, EDIT_SET, EDIT_ADD, EDIT_REMOVE };

static void output__edit(struct script_output *o, uint64_t field, enum edit how,
			 bool track_user)
{
	if (how == EDIT_REMOVE) {
		o->fields &= ~field;
		if (track_user) {
			o->user_set_fields &= ~field;
			o->user_unset_fields |= field;
		}
	} else {
		o->fields |= field;
		if (track_user) {
			o->user_set_fields |= field;
			o->user_unset_fields &= ~field;
		}
	}
	o->user_set = true;
	o->wildcard_set = true;
}

/*
 * Edits ("+f", "-f") keep the current selection, a plain list replaces it.
 * Like the reference, any '+' or '-' in the list counts as an edit, so
 * "bpf-output" alone adds to the defaults.
 */
static bool list__has_edit(const char *list)
{
	return strchr(list, '+') || strchr(list, '-');
}

int script_fields__parse(struct script_fields *sf, const char *arg)
{
	char *str = strdup(arg), *list, *tok, *save = NULL;
	enum edit how = EDIT_NONE;
	int type = -1, j, err = 0;
	size_t i;

	if (!str)
		return -ENOMEM;
	list = strchr(str, ':');
	if (list) {
		*list++ = '\0';
		type = type__from_prefix(str);
		if (type < 0) {
			pr_err("Invalid event type in field string.\n");
			err = -EINVAL;
			goto out;
		}
		if (sf->out[type].user_set)
			pr_warning("Overriding previous field request for %s events.\n",
				   script_output_type__name(type));
		if (!list__has_edit(list)) {
			sf->out[type].fields = 0;
			sf->out[type].user_set = true;
			sf->out[type].wildcard_set = false;
		}
	} else {
		list = str;
		if (!*list) {
			pr_err("Cannot set fields to 'none' for all event types.\n");
			err = -EINVAL;
			goto out;
		}
		if (!list__has_edit(list)) {
			if (script_fields__user_set(sf))
				pr_warning("Overriding previous field request for all events.\n");
			for (j = 0; j < SCRIPT_OUT_MAX; j++) {
				sf->out[j].fields = 0;
				sf->out[j].user_set = true;
				sf->out[j].wildcard_set = true;
			}
		}
	}

	for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		enum edit this;

		if (*tok == '+' || *tok == '-') {
			this = *tok == '+' ? EDIT_ADD : EDIT_REMOVE;
			tok++;
		} else {
			this = EDIT_SET;
		}
		/* A list is either all edits or all names. */
		if (this == EDIT_SET ? (how == EDIT_ADD || how == EDIT_REMOVE) : how == EDIT_SET) {
			pr_err("Cannot mix +-field with overridden fields\n");
			err = -EINVAL;
			goto out;
		}
		how = this;

		for (i = 0; i < ARRAY_SIZE(field_names); i++)
			if (!strcmp(tok, field_names[i].name))
				break;
		if (i == ARRAY_SIZE(field_names) && !strcmp(tok, "flags")) {
			sf->print_flags = how != EDIT_REMOVE;
			continue;
		}
		if (i == ARRAY_SIZE(field_names)) {
			pr_err("Invalid field requested.\n");
			err = -EINVAL;
			goto out;
		}

		if (type < 0) {
			for (j = 0; j < SCRIPT_OUT_MAX; j++) {
				if (sf->out[j].invalid_fields & field_names[i].field)
					pr_warning("'%s' not valid for %s events. Ignoring.\n",
						   field_names[i].name, script_output_type__name(j));
				else
					output__edit(&sf->out[j], field_names[i].field, how, true);
			}
		} else {
			if (sf->out[type].invalid_fields & field_names[i].field) {
				pr_err("'%s' not valid for %s events.\n", field_names[i].name,
				       script_output_type__name(type));
				err = -EINVAL;
				goto out;
			}
			output__edit(&sf->out[type], field_names[i].field, how, false);
		}
	}
	if (type >= 0 && !sf->out[type].fields)
		pr_debug("No fields requested for %s type. Events will not be displayed.\n",
			 script_output_type__name(type));
out:
	free(str);
	return err;
}

/*
 * @field needs @sample_type bits the event may not have recorded. Quietly
 * dropped when it came from the defaults, an error when asked for by name
 * (unless @allow_user_set).
 */
static int check_stype(struct script_output *o, const struct perf_event_attr *attr,
		       const char *name, uint64_t sample_type, const char *what,
		       uint64_t field, bool allow_user_set)
{
	if (attr->sample_type & sample_type)
		return 0;
	if (o->user_set_fields & field) {
		if (allow_user_set)
			return 0;
		pr_err("Samples for '%s' event do not have %s attribute set. "
		       "Cannot print '%s' field.\n", name, what, script_field__name(field));
		return -EINVAL;
	}
	o->fields &= ~field;
	pr_debug("Samples for '%s' event do not have %s attribute set. "
		 "Skipping '%s' field.\n", name, what, script_field__name(field));
	return 0;
}

int script_fields__check(struct script_fields *sf, const struct perf_event_attr *attr,
			 const char *name, const struct script_check_ctx *ctx)
{
	struct script_output *o = &sf->out[script_output_type(attr->type)];
	bool aux = ctx->allow_user_set;

#define HAS(f) (o->fields & SCRIPT_F_##f)
	if (HAS(TRACE) && !ctx->has_traces) {
		pr_err("No trace sample to read. Did you call 'perf record -R'?\n");
		return -EINVAL;
	}
	if (HAS(IP) && check_stype(o, attr, name, PERF_SAMPLE_IP, "IP", SCRIPT_F_IP, false))
		return -EINVAL;
	if (HAS(ADDR) &&
	    check_stype(o, attr, name, PERF_SAMPLE_ADDR, "ADDR", SCRIPT_F_ADDR, aux))
		return -EINVAL;
	if (HAS(DATA_SRC) &&
	    check_stype(o, attr, name, PERF_SAMPLE_DATA_SRC, "DATA_SRC", SCRIPT_F_DATA_SRC, aux))
		return -EINVAL;
	if (HAS(WEIGHT) &&
	    check_stype(o, attr, name, PERF_SAMPLE_WEIGHT | PERF_SAMPLE_WEIGHT_STRUCT,
			"WEIGHT", SCRIPT_F_WEIGHT, aux))
		return -EINVAL;
	if (HAS(SYM) && !(attr->sample_type & (PERF_SAMPLE_IP | PERF_SAMPLE_ADDR))) {
		pr_err("Display of symbols requested but neither sample IP nor sample address\n"
		       "available. Hence, no addresses to convert to symbols.\n");
		return -EINVAL;
	}
	if (HAS(SYMOFFSET) && !HAS(SYM)) {
		/* sic: the reference's message lacks the space */
		pr_err("Display of offsets requested but symbol is notselected.\n");
		return -EINVAL;
	}
	if (HAS(DSO) && !(attr->sample_type & (PERF_SAMPLE_IP | PERF_SAMPLE_ADDR))) {
		pr_err("Display of DSO requested but no address to convert.\n");
		return -EINVAL;
	}
	if ((HAS(SRCLINE) || HAS(SRCCODE)) && !HAS(IP)) {
		pr_err("Display of source line number requested but sample IP is not\n"
		       "selected. Hence, no address to lookup the source line number.\n");
		return -EINVAL;
	}
	if ((HAS(BRSTACKINSN) || HAS(BRSTACKINSNLEN)) && !aux && !ctx->branch_any) {
		pr_err("Display of branch stack assembler requested, but non all-branch filter set\n"
		       "Hint: run 'perf record -b ...'\n");
		return -EINVAL;
	}
	if ((HAS(PID) || HAS(TID)) &&
	    check_stype(o, attr, name, PERF_SAMPLE_TID, "TID", SCRIPT_F_TID | SCRIPT_F_PID, false))
		return -EINVAL;
	if (HAS(TIME) &&
	    check_stype(o, attr, name, PERF_SAMPLE_TIME, "TIME", SCRIPT_F_TIME, false))
		return -EINVAL;
	if (HAS(CPU) && check_stype(o, attr, name, PERF_SAMPLE_CPU, "CPU", SCRIPT_F_CPU, aux))
		return -EINVAL;
	if (HAS(IREGS) &&
	    check_stype(o, attr, name, PERF_SAMPLE_REGS_INTR, "IREGS", SCRIPT_F_IREGS, aux))
		return -EINVAL;
	if (HAS(UREGS) &&
	    check_stype(o, attr, name, PERF_SAMPLE_REGS_USER, "UREGS", SCRIPT_F_UREGS, false))
		return -EINVAL;
	if (HAS(PHYS_ADDR) &&
	    check_stype(o, attr, name, PERF_SAMPLE_PHYS_ADDR, "PHYS_ADDR", SCRIPT_F_PHYS_ADDR, aux))
		return -EINVAL;
	if (HAS(DATA_PAGE_SIZE) &&
	    check_stype(o, attr, name, PERF_SAMPLE_DATA_PAGE_SIZE, "DATA_PAGE_SIZE",
			SCRIPT_F_DATA_PAGE_SIZE, false))
		return -EINVAL;
	if (HAS(CODE_PAGE_SIZE) &&
	    check_stype(o, attr, name, PERF_SAMPLE_CODE_PAGE_SIZE, "CODE_PAGE_SIZE",
			SCRIPT_F_CODE_PAGE_SIZE, false))
		return -EINVAL;
	if (HAS(INS_LAT) &&
	    check_stype(o, attr, name, PERF_SAMPLE_WEIGHT_STRUCT, "WEIGHT_STRUCT",
			SCRIPT_F_INS_LAT, false))
		return -EINVAL;
#undef HAS
	return 0;
}

void script_fields__set_print_ip_opts(struct script_fields *sf, int type)
{
	struct script_output *o = &sf->out[type];

	o->print_ip_opts = 0;
	if (o->fields & SCRIPT_F_IP)
		o->print_ip_opts |= SCRIPT_PRINT_IP;
	if (o->fields & SCRIPT_F_SYM)
		o->print_ip_opts |= SCRIPT_PRINT_SYM;
	if (o->fields & SCRIPT_F_DSO)
		o->print_ip_opts |= SCRIPT_PRINT_DSO;
	if (o->fields & SCRIPT_F_SYMOFFSET)
		o->print_ip_opts |= SCRIPT_PRINT_SYMOFFSET;
	if (o->fields & SCRIPT_F_SRCLINE)
		o->print_ip_opts |= SCRIPT_PRINT_SRCLINE;
}
