// SPDX-License-Identifier: GPL-2.0
/* Text output files that a planted symlink or file cannot redirect. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output-file.h"

/* The directory holding @path's last component. */
static int parent_stat(const char *path, struct stat *st)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	size_t len;

	if (!slash)
		return stat(".", st) ? -errno : 0;
	len = slash == path ? 1 : (size_t)(slash - path);
	if (len >= sizeof(dir))
		return -ENAMETOOLONG;
	memcpy(dir, path, len);
	dir[len] = '\0';
	return stat(dir, st) ? -errno : 0;
}

/* Anyone but its owner may create names in @dir, yet not remove theirs. */
static bool dir__shared_sticky(const struct stat *dir, mode_t writable_by)
{
	return (dir->st_mode & S_ISVTX) && (dir->st_mode & writable_by);
}

static bool trusted_owner(const struct stat *st, const struct stat *dir)
{
	return st->st_uid == geteuid() || st->st_uid == dir->st_uid;
}

int output_file__open(const char *path, bool append)
{
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
	struct stat st, dir;
	int fd, err;

	err = parent_stat(path, &dir);
	if (err)
		return err;
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			if (dir__shared_sticky(&dir, S_IWOTH) && !trusted_owner(&st, &dir))
				return -ELOOP;
			/* Ours or the directory owner's: only they can swap it. */
			fd = open(path, flags, 0666);
			return fd < 0 ? -errno : fd;
		}
		if (S_ISREG(st.st_mode) && dir__shared_sticky(&dir, S_IWOTH | S_IWGRP) &&
		    !trusted_owner(&st, &dir))
			return -EPERM;
	} else if (errno != ENOENT) {
		return -errno;
	}
	fd = open(path, flags | O_NOFOLLOW, 0666);
	return fd < 0 ? -errno : fd;
}

FILE *output_file__fopen(const char *path, bool append)
{
	int fd = output_file__open(path, append);
	FILE *f;

	if (fd < 0) {
		errno = -fd;
		return NULL;
	}
	f = fdopen(fd, append ? "a" : "w");
	if (!f) {
		int err = errno;

		close(fd);
		errno = err;
	}
	return f;
}

const char *output_file__strerror(const char *path, int err, char *buf, size_t size)
{
	if (err == ELOOP)
		snprintf(buf, size,
			 "%s is a symlink of another user in a shared directory, not following it",
			 path);
	else if (err == EPERM)
		snprintf(buf, size,
			 "%s belongs to another user in a shared directory, not writing into it",
			 path);
	else
		snprintf(buf, size, "%s", strerror(err));
	return buf;
}
