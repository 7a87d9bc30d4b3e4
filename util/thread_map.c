// SPDX-License-Identifier: GPL-2.0
/* Task lists from /proc for -p, -t and -u. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fs.h"
#include "thread_map.h"
#include "util.h"

static struct perf_thread_map *thread_map__alloc(int nr)
{
	struct perf_thread_map *map;

	map = calloc(1, sizeof(*map) + (size_t)nr * sizeof(struct thread_map_data));
	if (map) {
		map->refcnt = 1;
		map->nr = nr;
	}
	return map;
}

/* Append @pid to *@map, growing it. Returns 0 or -ENOMEM. */
static int thread_map__append(struct perf_thread_map **map, pid_t pid)
{
	struct perf_thread_map *m = *map;
	int nr = m ? m->nr : 0;

	m = realloc(m, sizeof(*m) + (size_t)(nr + 1) * sizeof(struct thread_map_data));
	if (!m)
		return -ENOMEM;
	if (!*map)
		m->refcnt = 1;
	m->map[nr].pid = pid;
	m->map[nr].comm = NULL;
	m->nr = nr + 1;
	*map = m;
	return 0;
}

struct perf_thread_map *perf_thread_map__new_dummy(void)
{
	struct perf_thread_map *map = thread_map__alloc(1);

	if (map)
		map->map[0].pid = -1;
	return map;
}

struct perf_thread_map *thread_map__new_by_tid(pid_t tid)
{
	struct perf_thread_map *map = thread_map__alloc(1);

	if (map)
		map->map[0].pid = tid;
	return map;
}

static int pid_filter(const struct dirent *de)
{
	return isdigit((unsigned char)de->d_name[0]);
}

static int numeric_sort(const struct dirent **a, const struct dirent **b)
{
	long x = atol((*a)->d_name), y = atol((*b)->d_name);

	return (x > y) - (x < y);
}

/* Append the threads of @pid; -ESRCH if it has gone. */
static int append_tasks(struct perf_thread_map **map, pid_t pid)
{
	struct dirent **names;
	char path[PATH_MAX];
	int n, i, err = 0;

	snprintf(path, sizeof(path), "%s/%d/task", procfs__mountpoint(), pid);
	/*
	 * A thread exiting while the directory is read can make one read
	 * fail; the process is gone only when the directory is.
	 */
	for (i = 0; i < 3; i++) {
		n = scandir(path, &names, pid_filter, numeric_sort);
		if (n > 0 || !file_exists(path))
			break;
		if (n == 0)
			free(names);
	}
	if (n <= 0)
		return -ESRCH;
	for (i = 0; i < n; i++) {
		if (!err)
			err = thread_map__append(map, (pid_t)atoi(names[i]->d_name));
		free(names[i]);
	}
	free(names);
	return err;
}

struct perf_thread_map *thread_map__new_by_pid(pid_t pid)
{
	struct perf_thread_map *map = NULL;
	int err = append_tasks(&map, pid);

	if (err) {
		free(map);
		errno = -err;
		return NULL;
	}
	return map;
}

struct perf_thread_map *thread_map__new_by_uid(uid_t uid)
{
	struct perf_thread_map *map = NULL;
	struct dirent **names;
	char path[PATH_MAX];
	int n, i;

	n = scandir(procfs__mountpoint(), &names, pid_filter, numeric_sort);
	if (n < 0)
		return NULL;
	for (i = 0; i < n; i++) {
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s", procfs__mountpoint(), names[i]->d_name);
		/* A process that exits meanwhile is simply not counted. */
		if (stat(path, &st) == 0 && st.st_uid == uid)
			append_tasks(&map, (pid_t)atoi(names[i]->d_name));
		free(names[i]);
	}
	free(names);
	if (!map)
		map = thread_map__alloc(0);
	return map;
}

/* Parse "1,2,3" into pids; -EINVAL when malformed. */
static int parse_pid_list(const char *s, pid_t **out, int *nr)
{
	pid_t *pids = NULL;
	int n = 0;

	while (*s) {
		char *end;
		long v;
		pid_t *np;

		if (!isdigit((unsigned char)*s))
			goto bad;
		v = strtol(s, &end, 10);
		if (v <= 0 || v > INT_MAX)
			goto bad;
		np = realloc(pids, (size_t)(n + 1) * sizeof(*pids));
		if (!np)
			goto bad;
		pids = np;
		pids[n++] = (pid_t)v;
		s = end;
		if (*s == ',' && s[1])
			s++;
		else if (*s)
			goto bad;
	}
	*out = pids;
	*nr = n;
	return 0;
bad:
	free(pids);
	return -EINVAL;
}

struct perf_thread_map *thread_map__new_str(const char *pid, const char *tid,
					    const char *uid_str)
{
	struct perf_thread_map *map = NULL;
	pid_t *list = NULL;
	int nr = 0, i, err;

	if (uid_str) {
		struct passwd *pw = getpwnam(uid_str);
		char *end;
		long uid;

		if (pw) {
			uid = pw->pw_uid;
		} else {
			uid = strtol(uid_str, &end, 10);
			if (*end || end == uid_str || uid < 0) {
				errno = EINVAL;
				return NULL;
			}
		}
		return thread_map__new_by_uid((uid_t)uid);
	}
	if (!pid && !tid)
		return perf_thread_map__new_dummy();

	err = parse_pid_list(pid ? pid : tid, &list, &nr);
	if (err) {
		errno = EINVAL;
		return NULL;
	}
	for (i = 0; i < nr && !err; i++) {
		if (pid) {
			err = append_tasks(&map, list[i]);
		} else {
			char path[PATH_MAX];

			snprintf(path, sizeof(path), "%s/%d", procfs__mountpoint(), list[i]);
			err = file_exists(path) ? thread_map__append(&map, list[i]) : -ESRCH;
		}
	}
	free(list);
	if (err) {
		perf_thread_map__put(map);
		errno = -err;
		return NULL;
	}
	return map;
}

struct perf_thread_map *perf_thread_map__get(struct perf_thread_map *map)
{
	if (map)
		map->refcnt++;
	return map;
}

void perf_thread_map__put(struct perf_thread_map *map)
{
	int i;

	if (!map || --map->refcnt > 0)
		return;
	for (i = 0; i < map->nr; i++)
		free(map->map[i].comm);
	free(map);
}

void thread_map__read_comms(struct perf_thread_map *map)
{
	char path[PATH_MAX];
	int i;

	for (i = 0; map && i < map->nr; i++) {
		char *comm;

		if (map->map[i].comm || map->map[i].pid < 0)
			continue;
		snprintf(path, sizeof(path), "%s/%d/comm", procfs__mountpoint(),
			 map->map[i].pid);
		if (filename__read_str(path, &comm, NULL))
			continue;
		comm[strcspn(comm, "\n")] = '\0';
		map->map[i].comm = comm;
	}
}
