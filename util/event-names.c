// SPDX-License-Identifier: GPL-2.0
/*
 * The names of the kernel's generic events (hardware, software, cache)
 * and perf's tool events: the vocabulary shared by the -e parser and
 * perf list.
 */
#include <errno.h>
#include <stdio.h>

#include "parse-events.h"
#include "util.h"

const struct event_symbol event_symbols_hw[PERF_COUNT_HW_MAX] = {
	[PERF_COUNT_HW_CPU_CYCLES]		= { "cpu-cycles",		"cycles" },
	[PERF_COUNT_HW_INSTRUCTIONS]		= { "instructions",		"" },
	[PERF_COUNT_HW_CACHE_REFERENCES]	= { "cache-references",		"" },
	[PERF_COUNT_HW_CACHE_MISSES]		= { "cache-misses",		"" },
	[PERF_COUNT_HW_BRANCH_INSTRUCTIONS]	= { "branch-instructions",	"branches" },
	[PERF_COUNT_HW_BRANCH_MISSES]		= { "branch-misses",		"" },
	[PERF_COUNT_HW_BUS_CYCLES]		= { "bus-cycles",		"" },
	[PERF_COUNT_HW_STALLED_CYCLES_FRONTEND]	= { "stalled-cycles-frontend",	"idle-cycles-frontend" },
	[PERF_COUNT_HW_STALLED_CYCLES_BACKEND]	= { "stalled-cycles-backend",	"idle-cycles-backend" },
	[PERF_COUNT_HW_REF_CPU_CYCLES]		= { "ref-cycles",		"" },
};

const struct event_symbol event_symbols_sw[PERF_COUNT_SW_MAX] = {
	[PERF_COUNT_SW_CPU_CLOCK]		= { "cpu-clock",		"" },
	[PERF_COUNT_SW_TASK_CLOCK]		= { "task-clock",		"" },
	[PERF_COUNT_SW_PAGE_FAULTS]		= { "page-faults",		"faults" },
	[PERF_COUNT_SW_CONTEXT_SWITCHES]	= { "context-switches",		"cs" },
	[PERF_COUNT_SW_CPU_MIGRATIONS]		= { "cpu-migrations",		"migrations" },
	[PERF_COUNT_SW_PAGE_FAULTS_MIN]		= { "minor-faults",		"" },
	[PERF_COUNT_SW_PAGE_FAULTS_MAJ]		= { "major-faults",		"" },
	[PERF_COUNT_SW_ALIGNMENT_FAULTS]	= { "alignment-faults",		"" },
	[PERF_COUNT_SW_EMULATION_FAULTS]	= { "emulation-faults",		"" },
	[PERF_COUNT_SW_DUMMY]			= { "dummy",			"" },
	[PERF_COUNT_SW_BPF_OUTPUT]		= { "bpf-output",		"" },
	[PERF_COUNT_SW_CGROUP_SWITCHES]		= { "cgroup-switches",		"" },
};

const char *const tool_event_names[TOOL_EVENT_MAX] = {
	[TOOL_EVENT_NONE]		= NULL,
	[TOOL_EVENT_DURATION_TIME]	= "duration_time",
	[TOOL_EVENT_USER_TIME]		= "user_time",
	[TOOL_EVENT_SYSTEM_TIME]	= "system_time",
};

const char *const evsel__hw_cache[PERF_COUNT_HW_CACHE_MAX][PERF_EVSEL__MAX_ALIASES] = {
	{ "L1-dcache",	"l1-d",		"l1d",		"L1-data",		},
	{ "L1-icache",	"l1-i",		"l1i",		"L1-instruction",	},
	{ "LLC",	"L2",							},
	{ "dTLB",	"d-tlb",	"Data-TLB",				},
	{ "iTLB",	"i-tlb",	"Instruction-TLB",			},
	{ "branch",	"branches",	"bpu",		"btb",		"bpc",	},
	{ "node",								},
};

const char *const evsel__hw_cache_op[PERF_COUNT_HW_CACHE_OP_MAX][PERF_EVSEL__MAX_ALIASES] = {
	{ "load",	"loads",	"read",					},
	{ "store",	"stores",	"write",				},
	{ "prefetch",	"prefetches",	"speculative-read", "speculative-load",	},
};

const char *const evsel__hw_cache_result[PERF_COUNT_HW_CACHE_RESULT_MAX][PERF_EVSEL__MAX_ALIASES] = {
	{ "refs",	"Reference",	"ops",		"access",		},
	{ "misses",	"miss",							},
};

#define C(x)		PERF_COUNT_HW_CACHE_##x
#define CACHE_READ	(1 << C(OP_READ))
#define CACHE_WRITE	(1 << C(OP_WRITE))
#define CACHE_PREFETCH	(1 << C(OP_PREFETCH))
#define COP(x)		(1 << x)

/* Which operations each cache level supports in the kernel's generic table. */
static const unsigned long evsel__hw_cache_stat[C(MAX)] = {
	[C(L1D)]	= (CACHE_READ | CACHE_WRITE | CACHE_PREFETCH),
	[C(L1I)]	= (CACHE_READ | CACHE_PREFETCH),
	[C(LL)]		= (CACHE_READ | CACHE_WRITE | CACHE_PREFETCH),
	[C(DTLB)]	= (CACHE_READ | CACHE_WRITE | CACHE_PREFETCH),
	[C(ITLB)]	= (CACHE_READ),
	[C(BPU)]	= (CACHE_READ),
	[C(NODE)]	= (CACHE_READ | CACHE_WRITE | CACHE_PREFETCH),
};

bool evsel__is_cache_op_valid(uint8_t type, uint8_t op)
{
	if (type >= C(MAX) || op >= C(OP_MAX))
		return false;
	return evsel__hw_cache_stat[type] & COP(op);
}

int evsel__hw_cache_type_op_res_name(uint8_t type, uint8_t op, uint8_t result,
				     char *buf, size_t size)
{
	if (type >= C(MAX) || op >= C(OP_MAX) || result >= C(RESULT_MAX))
		return -EINVAL;
	/* Accesses read better as a plural: "L1-dcache-loads". */
	if (result == C(RESULT_ACCESS))
		return snprintf(buf, size, "%s-%s", evsel__hw_cache[type][0],
				evsel__hw_cache_op[op][1]);
	return snprintf(buf, size, "%s-%s-%s", evsel__hw_cache[type][0],
			evsel__hw_cache_op[op][0], evsel__hw_cache_result[result][0]);
}

/* Match a '[...]' class at *@pat against @c; advances *@pat past it. */
static bool match_class(const char **pat, char c)
{
	const char *p = *pat + 1;
	bool neg = false, hit = false;

	if (*p == '!' || *p == '^') {
		neg = true;
		p++;
	}
	while (*p && *p != ']') {
		if (p[1] == '-' && p[2] && p[2] != ']') {
			if (c >= p[0] && c <= p[2])
				hit = true;
			p += 3;
		} else {
			if (c == *p)
				hit = true;
			p++;
		}
	}
	*pat = *p ? p + 1 : p;
	return hit != neg;
}

bool strglobmatch(const char *name, const char *pat)
{
	const char *star_pat = NULL, *star_name = NULL;

	/* Iterative matcher with one backtrack point: linear for '*'. */
	while (*name) {
		if (*pat == '*') {
			star_pat = ++pat;
			star_name = name;
			continue;
		}
		if (*pat == '?' && *name) {
			pat++;
			name++;
			continue;
		}
		if (*pat == '[') {
			const char *p = pat;

			if (match_class(&p, *name)) {
				pat = p;
				name++;
				continue;
			}
		} else if (*pat == '\\' && pat[1] == *name) {
			pat += 2;
			name++;
			continue;
		} else if (*pat && *pat == *name) {
			pat++;
			name++;
			continue;
		}
		if (!star_pat)
			return false;
		pat = star_pat;
		name = ++star_name;
	}
	while (*pat == '*')
		pat++;
	return !*pat;
}
