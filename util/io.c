// SPDX-License-Identifier: GPL-2.0
/* All-or-error reads and writes. */
#include <errno.h>
#include <stdbool.h>
#include <sys/types.h>
#include <unistd.h>

#include "io.h"

/* One loop for the four forms: @off < 0 means the current position. */
static int io__transfer(int fd, void *buf, size_t size, int64_t off, bool writing)
{
	char *p = buf;

	while (size) {
		ssize_t n;

		if (writing)
			n = off < 0 ? write(fd, p, size) : pwrite(fd, p, size, (off_t)off);
		else
			n = off < 0 ? read(fd, p, size) : pread(fd, p, size, (off_t)off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			return -EIO;
		p += n;
		size -= (size_t)n;
		if (off >= 0)
			off += n;
	}
	return 0;
}

int io__read(int fd, void *buf, size_t size)
{
	return io__transfer(fd, buf, size, -1, false);
}

int io__write(int fd, const void *buf, size_t size)
{
	return io__transfer(fd, (void *)buf, size, -1, true);
}

int io__pread(int fd, void *buf, size_t size, uint64_t off)
{
	return io__transfer(fd, buf, size, (int64_t)off, false);
}

int io__pwrite(int fd, const void *buf, size_t size, uint64_t off)
{
	return io__transfer(fd, (void *)buf, size, (int64_t)off, true);
}
