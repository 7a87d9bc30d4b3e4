/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PMUs as the kernel describes them in sysfs
 * (<sysfs>/bus/event_source/devices/<pmu>/): the type number for
 * perf_event_attr.type, the format terms that map "event=0x3c,umask=1" to
 * bits of config/config1/config2, named events (events/<name>, with
 * .scale, .unit, .per-pkg, .snapshot), the cpumask and caps/.
 *
 * The sysfs root comes from util/fs (sysfs__mountpoint()), so tests load
 * fake PMU trees from tests/data/sysfs/<name>/.
 *
 * Layer 1: depends on util/fs, util/list, util/cpumap.
 */
#ifndef PERF_UTIL_PMU_H
#define PERF_UTIL_PMU_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/perf_event.h>
#include "list.h"

struct perf_cpu_map;

/* Which attr field a format term lands in. */
enum perf_pmu_format_value {
	PERF_PMU_FORMAT_VALUE_CONFIG,
	PERF_PMU_FORMAT_VALUE_CONFIG1,
	PERF_PMU_FORMAT_VALUE_CONFIG2,
	PERF_PMU_FORMAT_VALUE_CONFIG3,
};

/**
 * struct perf_pmu_format - one file of <pmu>/format/
 * @name:  the term ("event", "umask", "cmask", ...)
 * @value: the attr field
 * @bits:  which bits of that field, as a mask: "config:0-7,21" sets
 *         bits 0..7 and 21. A value is spread over the set bits from
 *         the lowest up.
 */
struct perf_pmu_format {
	char *name;
	enum perf_pmu_format_value value;
	uint64_t bits;
	struct list_head list;
};

/**
 * struct perf_pmu_alias - one named event of <pmu>/events/
 * @name:  event name as sysfs spells it ("cpu-cycles", "tsc", "PM_X")
 * @terms: the file's content, e.g. "event=0x3c,umask=0x00"
 * @unit:  from <name>.unit, NULL if none
 * @scale: from <name>.scale, 1.0 if none
 * @per_pkg, @snapshot: from <name>.per-pkg / <name>.snapshot
 * @desc:  description when one is known (pmu-events tables), else NULL
 */
struct perf_pmu_alias {
	char *name;
	char *terms;
	char *unit;
	double scale;
	bool per_pkg;
	bool snapshot;
	char *desc;
	struct list_head list;
};

/**
 * struct perf_pmu - one PMU
 * @name:    directory name ("cpu", "msr", "ibs_op", "armv8_pmuv3_0")
 * @type:    value for perf_event_attr.type
 * @cpus:    from "cpumask" (or "cpus"), NULL when the PMU has none, which
 *           means any CPU (a core PMU)
 * @is_core: a CPU's own PMU (cpu, cpu_core, cpu_atom, armv8_*): events
 *           on it are per task as well as per CPU
 * @is_uncore: not a core PMU and has a "cpumask" file: it counts for a
 *           package or die and is opened on the CPUs of that mask only
 * @formats: struct perf_pmu_format list, ordered by attr field, then by
 *           lowest bit, then by name ("event,umask,edge,...,cmask,...")
 * @aliases: struct perf_pmu_alias list, sorted by name
 * @caps:    caps/ files as "name=value" strings, NULL-terminated (may be NULL)
 * @max_precise: caps/max_precise, -1 if absent
 */
struct perf_pmu {
	char *name;
	uint32_t type;
	struct perf_cpu_map *cpus;
	bool is_core;
	bool is_uncore;
	struct list_head formats;
	struct list_head aliases;
	char **caps;
	int max_precise;
	struct list_head list;
};

/*
 * Find a PMU by name (loading it from sysfs on first use). Returns a
 * pointer owned by the PMU list (valid until perf_pmus__destroy()), or
 * NULL if no such PMU exists.
 */
struct perf_pmu *perf_pmus__find(const char *name);

/* Find a loaded-or-loadable PMU by attr.type; NULL if none. */
struct perf_pmu *perf_pmus__find_by_type(uint32_t type);

/*
 * Iterate over all PMUs in sysfs, sorted by name: pass NULL to get the
 * first, then the previous result. Returns NULL at the end.
 */
struct perf_pmu *perf_pmus__scan(struct perf_pmu *pmu);

/* The CPU's core PMU ("cpu" on x86, "armv8_pmuv3_0" ...), NULL if none. */
struct perf_pmu *perf_pmus__find_core_pmu(void);

/* Forget every loaded PMU (tests switch the sysfs root between cases). */
void perf_pmus__destroy(void);

/* Look up a format term of @pmu; NULL if it has none of that name. */
struct perf_pmu_format *perf_pmu__find_format(struct perf_pmu *pmu,
					      const char *name);

/* Look up a named event of @pmu, case-insensitively; NULL if none. */
struct perf_pmu_alias *perf_pmu__find_alias(struct perf_pmu *pmu,
					    const char *name);

/*
 * Put @value into the bits @format describes, in @attr's field. Returns
 * 0, or -ERANGE if @value does not fit in the bits (the caller reports
 * it with the term name and the maximum).
 */
int perf_pmu__format_apply(const struct perf_pmu_format *format,
			   uint64_t value, struct perf_event_attr *attr);

/* The largest value @format can hold (all its bits set, packed). */
uint64_t perf_pmu_format__max(const struct perf_pmu_format *format);

/*
 * Parse a format file's content ("config:0-7,21" or "config1:0-63").
 * Fills @value and @bits; returns 0 or -EINVAL.
 */
int perf_pmu_format__parse(const char *text, enum perf_pmu_format_value *value,
			   uint64_t *bits);

/*
 * Names of the valid terms for @pmu, comma separated, for error hints:
 * its formats, then "config,config1,config2,name,period,...". Returns a
 * malloc'ed string (caller frees) or NULL.
 */
char *perf_pmu__valid_terms(struct perf_pmu *pmu);

/*
 * The value of caps/@name of @pmu ("3" for "max_precise"), or NULL if the
 * PMU has no such capability. The string belongs to @pmu.
 */
const char *perf_pmu__find_cap(struct perf_pmu *pmu, const char *name);

/*
 * Apply a term list as found in events/ files ("event=0xcd,umask=0x1,
 * ldlat=3") to @attr through @pmu's formats. A term without a value
 * ("edge") means 1; "config", "config1", "config2" and "config3" set the
 * whole field. Bits that a term does not cover are left as they were, so
 * later terms override earlier ones. Returns 0; -EINVAL for a malformed
 * list, an unknown term or a "?" parameter left unset; -ERANGE for a value
 * too wide for its bits; -EOPNOTSUPP for config3 when the kernel headers
 * perf was built with lack it. On error, when @err_idx is non-NULL,
 * *@err_idx is the byte offset of the bad term in @terms; @attr may then
 * hold the terms applied before it.
 */
int perf_pmu__config_terms(struct perf_pmu *pmu, const char *terms,
			   struct perf_event_attr *attr, int *err_idx);

#endif /* PERF_UTIL_PMU_H */
