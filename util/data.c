// SPDX-License-Identifier: GPL-2.0
/* Opening perf.data safely for reading and writing. */
#include <ctype.h>
#include <dirent.h>
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
#include "io.h"

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

static int data_file__cmp(const void *a, const void *b)
{
	const struct perf_data_file *x = a, *y = b;
	unsigned long nx = strtoul(strrchr(x->path, '.') + 1, NULL, 10);
	unsigned long ny = strtoul(strrchr(y->path, '.') + 1, NULL, 10);

	return (nx > ny) - (nx < ny);
}

/*
 * perf record --threads writes a directory: "data" holds the header and
 * the main thread's records, "data.N" the records of writer thread N.
 */
static int open_read_dir(struct perf_data *data, const char *path, char *msg, size_t msgsize)
{
	char file[PATH_MAX];
	struct dirent *de;
	struct stat st;
	DIR *dir;
	int fd, err;

	if ((size_t)snprintf(file, sizeof(file), "%s/data", path) >= sizeof(file))
		return -ENAMETOOLONG;
	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		err = errno;
		if (fd >= 0)
			close(fd);
		snprintf(msg, msgsize, "failed to open %s: %s", file, strerror(err));
		return -err;
	}
	data->fd = fd;
	data->size = (uint64_t)st.st_size;
	data->is_dir = true;
	dir = opendir(path);
	if (!dir)
		return 0;
	while ((de = readdir(dir)) != NULL) {
		struct perf_data_file *files, *f;
		char *end;

		if (strncmp(de->d_name, "data.", 5) || !isdigit((unsigned char)de->d_name[5]))
			continue;
		strtoul(de->d_name + 5, &end, 10);
		if (*end)
			continue;
		files = realloc(data->files, ((size_t)data->nr_files + 1) * sizeof(*files));
		if (!files)
			break;
		data->files = files;
		f = &files[data->nr_files];
		if (asprintf(&f->path, "%s/%s", path, de->d_name) < 0)
			break;
		f->fd = open(f->path, O_RDONLY | O_CLOEXEC);
		if (f->fd < 0 || fstat(f->fd, &st) < 0) {
			if (f->fd >= 0)
				close(f->fd);
			free(f->path);
			continue;
		}
		f->size = (uint64_t)st.st_size;
		data->nr_files++;
	}
	closedir(dir);
	if (data->nr_files > 1)
		qsort(data->files, (size_t)data->nr_files, sizeof(*data->files), data_file__cmp);
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
			snprintf(msg, msgsize, "failed to open %s: %s  (try 'perf record' first)",
				 path, strerror(err));
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
	if (S_ISDIR(st.st_mode)) {
		if (!data->force && st.st_uid && st.st_uid != geteuid()) {
			close(fd);
			snprintf(msg, msgsize,
				 "File %s not owned by current user or root (use -f to override)",
				 path);
			return -EPERM;
		}
		close(fd);
		return open_read_dir(data, path, msg, msgsize);
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
	struct stat st;

	if (!msg) {
		msg = dummy;
		msgsize = sizeof(dummy);
	}
	msg[0] = '\0';
	data->fd = -1;
	/*
	 * No file named: a pipe on stdin (reading) or stdout (writing) is
	 * the stream, as in the reference: `perf record | perf report`.
	 */
	if (!data->path &&
	    !fstat(data->mode == PERF_DATA_MODE_READ ? STDIN_FILENO : STDOUT_FILENO, &st) &&
	    S_ISFIFO(st.st_mode))
		data->path = "-";
	if (data->mode == PERF_DATA_MODE_WRITE)
		return open_write(data, msg, msgsize);
	return open_read(data, msg, msgsize);
}

void perf_data__close(struct perf_data *data)
{
	int i;

	if (data->fd > STDERR_FILENO)
		close(data->fd);
	data->fd = -1;
	for (i = 0; i < data->nr_files; i++) {
		close(data->files[i].fd);
		free(data->files[i].path);
	}
	free(data->files);
	data->files = NULL;
	data->nr_files = 0;
}

int perf_data__write(struct perf_data *data, const void *buf, size_t size)
{
	return io__write(data->fd, buf, size);
}

int perf_data__read(struct perf_data *data, void *buf, size_t size)
{
	return io__read(data->fd, buf, size);
}
