// SPDX-License-Identifier: GPL-2.0
/* Locating sysfs/procfs/tracefs and reading small kernel files. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"

static const char *sysfs_override;
static const char *tracefs_override;

const char *sysfs__mountpoint(void)
{
	const char *env;

	if (sysfs_override)
		return sysfs_override;
	env = getenv("PERF_SYSFS_ROOT");
	return env && *env ? env : "/sys";
}

void sysfs__set_mountpoint(const char *path)
{
	sysfs_override = path;
}

const char *procfs__mountpoint(void)
{
	return "/proc";
}

bool file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

const char *tracefs__mountpoint(void)
{
	static const char *const candidates[] = {
		"/sys/kernel/tracing",
		"/sys/kernel/debug/tracing",
		"/tracing",
		"/trace",
	};
	static const char *found;
	static bool searched;
	const char *env;
	char path[PATH_MAX];
	size_t i;

	if (tracefs_override)
		return tracefs_override;
	env = getenv("PERF_TRACEFS_ROOT");
	if (env && *env)
		return env;
	if (searched)
		return found;
	searched = true;
	for (i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++) {
		snprintf(path, sizeof(path), "%s/events", candidates[i]);
		if (file_exists(path)) {
			found = candidates[i];
			break;
		}
	}
	return found;
}

void tracefs__set_mountpoint(const char *path)
{
	tracefs_override = path;
}

int filename__read_str(const char *path, char **buf, size_t *sizep)
{
	size_t size = 0, alloc = 4096;
	char *b = malloc(alloc);
	int fd, err = 0;

	if (!b)
		return -ENOMEM;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err = -errno;
		free(b);
		return err;
	}
	/* sysfs and procfs report size 0: read until EOF. */
	for (;;) {
		ssize_t n;

		if (alloc - size < 2) {
			char *nb = realloc(b, alloc * 2);

			if (!nb) {
				err = -ENOMEM;
				break;
			}
			b = nb;
			alloc *= 2;
		}
		n = read(fd, b + size, alloc - size - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err = -errno;
			break;
		}
		if (n == 0)
			break;
		size += (size_t)n;
	}
	close(fd);
	if (err) {
		free(b);
		return err;
	}
	b[size] = '\0';
	*buf = b;
	if (sizep)
		*sizep = size;
	return 0;
}

int filename__read_ull(const char *path, unsigned long long *value)
{
	char *buf, *end;
	int err = filename__read_str(path, &buf, NULL);

	if (err)
		return err;
	errno = 0;
	*value = strtoull(buf, &end, 0);
	if (end == buf || errno || (*end && *end != '\n' && *end != ' '))
		err = -EINVAL;
	free(buf);
	return err;
}

int filename__read_int(const char *path, int *value)
{
	char *buf, *end;
	long v;
	int err = filename__read_str(path, &buf, NULL);

	if (err)
		return err;
	errno = 0;
	v = strtol(buf, &end, 0);
	if (end == buf || errno || v < INT_MIN || v > INT_MAX ||
	    (*end && *end != '\n' && *end != ' '))
		err = -EINVAL;
	else
		*value = (int)v;
	free(buf);
	return err;
}

int sysctl__read_int(const char *sysctl, int *value)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/sys/%s", procfs__mountpoint(), sysctl);
	return filename__read_int(path, value);
}
