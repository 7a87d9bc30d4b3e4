// SPDX-License-Identifier: GPL-2.0
/* Opening perf.data safely for reading and writing. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "data.h"
#include "debug.h"

const char *perf_data__path(const struct perf_data *data)
{
	return data->path ? data->path : "perf.data";
}

/*
 * Move an existing output file to NAME.old, as the reference does. The
 * old file is renamed, never opened: a symlink planted at NAME is renamed
 * as a link, so nothing it points to is written. A NAME.old owned by
 * someone else in a sticky directory makes rename() fail; then we stop.
 */
static int rotate_old(const char *path, char *msg, size_t msgsize)
{
	char old[PATH_MAX];
	struct stat st;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -errno;
	/* An empty file of ours (a failed run) is not worth keeping. */
	if (S_ISREG(st.st_mode) && st.st_size == 0 && st.st_uid == geteuid())
		return unlink(path) < 0 ? -errno : 0;
	if ((size_t)snprintf(old, sizeof(old), "%s.old", path) >= sizeof(old))
		return -ENAMETOOLONG;
	if (rename(path, old) < 0) {
		int err = errno;

		snprintf(msg, msgsize, "cannot rename %s to %s: %s", path, old,
			 strerror(err));
		return -err;
	}
	return 0;
}

static int open_write(struct perf_data *data, char *msg, size_t msgsize)
{
	const char *path = perf_data__path(data);
	int err, fd;

	if (!strcmp(path, "-")) {
		data->fd = STDOUT_FILENO;
		data->is_pipe = true;
		return 0;
	}
	err = rotate_old(path, msg, msgsize);
	if (err)
		return err;
	/*
	 * O_EXCL after the rotation: if anything appeared at @path meanwhile
	 * (a symlink race in /tmp), fail instead of writing through it.
	 */
	fd = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		err = errno;
		snprintf(msg, msgsize, "failed to open %s: %s", path, strerror(err));
		return -err;
	}
	data->fd = fd;
	data->is_pipe = false;
	return 0;
}

static int open_read(struct perf_data *data, char *msg, size_t msgsize)
{
	const char *path = perf_data__path(data);
	struct stat st;
	int fd, err;

	if (!strcmp(path, "-")) {
		data->fd = STDIN_FILENO;
		data->is_pipe = true;
		return 0;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		if (err == ENOENT && !strcmp(path, "perf.data"))
			snprintf(msg, msgsize, "file %s not found. Use 'perf record' to create it.",
				 path);
		else
			snprintf(msg, msgsize, "failed to open %s: %s", path, strerror(err));
		return -err;
	}
	if (fstat(fd, &st) < 0) {
		err = errno;
		close(fd);
		snprintf(msg, msgsize, "failed to stat %s: %s", path, strerror(err));
		return -err;
	}
	if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || S_ISCHR(st.st_mode)) {
		data->fd = fd;
		data->is_pipe = true;
		return 0;
	}
	/* A file planted by another user may be crafted to mislead. */
	if (!data->force && st.st_uid && st.st_uid != geteuid()) {
		close(fd);
		snprintf(msg, msgsize,
			 "File %s not owned by current user or root (use -f to override)",
			 path);
		return -EPERM;
	}
	if (!data->force && st.st_size == 0) {
		close(fd);
		snprintf(msg, msgsize, "zero-sized data (%s), nothing to do!", path);
		return -EINVAL;
	}
	data->fd = fd;
	data->is_pipe = false;
	data->size = (uint64_t)st.st_size;
	return 0;
}

int perf_data__open(struct perf_data *data, char *msg, size_t msgsize)
{
	char dummy[8];

	if (!msg) {
		msg = dummy;
		msgsize = sizeof(dummy);
	}
	msg[0] = '\0';
	data->fd = -1;
	if (data->mode == PERF_DATA_MODE_WRITE)
		return open_write(data, msg, msgsize);
	return open_read(data, msg, msgsize);
}

void perf_data__close(struct perf_data *data)
{
	if (data->fd > STDERR_FILENO)
		close(data->fd);
	data->fd = -1;
}

int perf_data__write(struct perf_data *data, const void *buf, size_t size)
{
	const char *p = buf;

	while (size) {
		ssize_t n = write(data->fd, p, size);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			return -EIO;
		p += n;
		size -= (size_t)n;
	}
	return 0;
}

int perf_data__read(struct perf_data *data, void *buf, size_t size)
{
	char *p = buf;

	while (size) {
		ssize_t n = read(data->fd, p, size);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			return -EIO;
		p += n;
		size -= (size_t)n;
	}
	return 0;
}
