/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which events `perf script` shows: CPU lists (-C), pid/tid lists,
 * comm/symbol/dso name lists and time ranges (--time, absolute, relative
 * or in percent of the recording). Parsing and matching only, so the
 * rules can be tested without a perf.data file.
 *
 * Layer 0: depends on libc and util/debug only.
 */
#ifndef PERF_UTIL_SCRIPT_FILTER_H
#define PERF_UTIL_SCRIPT_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The reference's limit on CPU numbers. */
#define SCRIPT_MAX_NR_CPUS 2048

/*
 * Parse a CPU list ("0,2-3") into @bitmap (SCRIPT_MAX_NR_CPUS bits),
 * refusing CPUs at or above @nr_cpus with the reference's messages.
 * Returns 0 or -EINVAL after printing why.
 */
int cpu_bitmap__parse(uint64_t *bitmap, const char *list, int nr_cpus);

static inline bool cpu_bitmap__test(const uint64_t *bitmap, uint32_t cpu)
{
	return cpu < SCRIPT_MAX_NR_CPUS && (bitmap[cpu / 64] >> (cpu % 64)) & 1;
}

/**
 * struct name_list - a comma separated list of names (--comms, -S, --dsos)
 * or numbers (--pid, --tid): sorted for lookups
 */
struct name_list {
	char **names;
	size_t nr;
	long *ids;
	size_t nr_ids;
};

/* Split @str at commas into @list, each name as given. 0 or -ENOMEM. */
int name_list__parse(struct name_list *list, const char *str);
/* Numbers: 0, or -EINVAL for something else in the list. */
int id_list__parse(struct name_list *list, const char *str);
void name_list__exit(struct name_list *list);
bool name_list__has(const struct name_list *list, const char *name);
bool id_list__has(const struct name_list *list, long id);

struct addr_location;

/*
 * The thread and dso filters perf report and perf script share (--comms,
 * --pid, --tid, --dsos): whether @al is left out. A NULL list is an
 * option not given; a dso matches by its short or long name.
 */
bool addr_location__filtered_out(const struct addr_location *al, const struct name_list *comms,
				 const struct name_list *pids, const struct name_list *tids,
				 const struct name_list *dsos);

/* A closed time interval in ns; 0 at either end means open. */
struct time_range {
	uint64_t start;
	uint64_t end;
};

/*
 * Parse --time: "start,stop" ranges separated by spaces (seconds with up
 * to 9 decimals, either side may be empty), or percent slices "10%/2",
 * "0%-10%,30%-40%" of [@first, @last] (the recording's first and last
 * sample). With @reltime the absolute forms count from @first. Returns
 * the number of ranges (*@ranges allocated, the caller frees), or
 * -EINVAL after printing the reference's messages.
 */
int time_ranges__parse(const char *str, uint64_t first, uint64_t last, bool reltime,
		       struct time_range **ranges);

/* Whether a sample at @t falls outside all @nr ranges (never with none). */
bool time_ranges__skip(const struct time_range *ranges, int nr, uint64_t t);

#endif /* PERF_UTIL_SCRIPT_FILTER_H */
