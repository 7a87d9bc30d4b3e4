/* SPDX-License-Identifier: GPL-2.0 */
/*
 * perf_thread_map: the tasks an event is opened for (-p, -t, -u), each
 * with its comm. The "dummy" map holds the single pid -1, used with
 * per-CPU (system-wide) events.
 *
 * Layer 1: depends on util/fs.
 */
#ifndef PERF_UTIL_THREAD_MAP_H
#define PERF_UTIL_THREAD_MAP_H

#include <sys/types.h>

struct thread_map_data {
	pid_t pid;
	char *comm;
};

struct perf_thread_map {
	int refcnt;
	int nr;
	struct thread_map_data map[];
};

/* {-1}: no particular task. New reference, NULL on allocation failure. */
struct perf_thread_map *perf_thread_map__new_dummy(void);
/* One task. */
struct perf_thread_map *thread_map__new_by_tid(pid_t tid);
/*
 * Every thread of process @pid, from /proc/PID/task. Returns a new
 * reference, or NULL if the process does not exist (errno is ESRCH).
 */
struct perf_thread_map *thread_map__new_by_pid(pid_t pid);
/* Every thread of every process owned by @uid. */
struct perf_thread_map *thread_map__new_by_uid(uid_t uid);
/*
 * From the -p/-t/-u option strings (comma-separated lists; NULL when not
 * given). With none given, the dummy map. NULL with errno ESRCH for a
 * missing task, EINVAL for a malformed list.
 */
struct perf_thread_map *thread_map__new_str(const char *pid, const char *tid,
					    const char *uid_str);

struct perf_thread_map *perf_thread_map__get(struct perf_thread_map *map);
void perf_thread_map__put(struct perf_thread_map *map);

static inline int perf_thread_map__nr(const struct perf_thread_map *map)
{
	return map ? map->nr : 1;
}

static inline pid_t perf_thread_map__pid(const struct perf_thread_map *map, int idx)
{
	return map && idx < map->nr ? map->map[idx].pid : -1;
}

/* Fill in the comm of each entry from /proc (for --per-thread output). */
void thread_map__read_comms(struct perf_thread_map *map);

#endif /* PERF_UTIL_THREAD_MAP_H */
