// SPDX-License-Identifier: GPL-2.0
/* Walking tracefs events and reading their ids. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fs.h"
#include "parse-events.h"
#include "tracepoint.h"

int tracepoint__path(const char *sys, const char *name, char *buf, size_t size)
{
	const char *tracefs = tracefs__mountpoint();

	if (!tracefs)
		return -ENOENT;
	if ((size_t)snprintf(buf, size, "%s/events/%s/%s", tracefs, sys, name) >= size)
		return -ENAMETOOLONG;
	return 0;
}

long long tracepoint__id(const char *sys, const char *name)
{
	char path[PATH_MAX];
	unsigned long long id;
	int err;

	err = tracepoint__path(sys, name, path, sizeof(path) - 3);
	if (err)
		return err;
	strcat(path, "/id");
	err = filename__read_ull(path, &id);
	if (err)
		return err == -EINVAL ? -ENOENT : err;
	return (long long)id;
}

/* Directories only; tracefs also has files like "enable" and "header_page". */
static int dir_filter(const struct dirent *de)
{
	return de->d_name[0] != '.' &&
	       (de->d_type == DT_DIR || de->d_type == DT_UNKNOWN);
}

int tracepoint__for_each(const char *sys_glob, const char *name_glob,
			 tracepoint_cb cb, void *data)
{
	const char *tracefs = tracefs__mountpoint();
	struct dirent **systems = NULL;
	char path[PATH_MAX];
	int nsys, i, ret = 0;

	if (!tracefs)
		return -ENOENT;
	snprintf(path, sizeof(path), "%s/events", tracefs);
	nsys = scandir(path, &systems, dir_filter, alphasort);
	if (nsys < 0)
		return -errno;

	for (i = 0; i < nsys; i++) {
		struct dirent **events = NULL;
		const char *sys = systems[i]->d_name;
		int nev, j;

		if (ret || (sys_glob && !strglobmatch(sys, sys_glob)))
			continue;
		snprintf(path, sizeof(path), "%s/events/%s", tracefs, sys);
		nev = scandir(path, &events, dir_filter, alphasort);
		if (nev < 0)
			continue;
		for (j = 0; j < nev; j++) {
			const char *name = events[j]->d_name;

			if (!ret && (!name_glob || strglobmatch(name, name_glob)))
				ret = cb(sys, name, data);
			free(events[j]);
		}
		free(events);
	}
	for (i = 0; i < nsys; i++)
		free(systems[i]);
	free(systems);
	return ret;
}
