/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Opening a text output file the user named (perf stat -o, perf script
 * --per-event-dump) without being steered by someone else.
 *
 * perf often runs as root, and /tmp is shared: another user may plant
 * a symlink (to /etc/shadow) or a file of their own (to read what perf
 * writes) at the name root is about to use. The kernel refuses both
 * when fs.protected_symlinks and fs.protected_regular are on; they are
 * sysctls and may be off, so the same rules are applied here always:
 *  - a symlink in a sticky world-writable directory is followed only if
 *    it belongs to us or to the directory's owner;
 *  - an existing file in a sticky directory writable by others is
 *    written only if it belongs to us or to the directory's owner;
 *  - otherwise the name is opened with O_NOFOLLOW, so a symlink swapped
 *    in after the check makes the open fail instead of writing through.
 * The file is created with mode 0666 less the umask, as fopen(3) does.
 *
 * perf.data has its own rules (rename to .old, then O_EXCL): util/data.c.
 *
 * Layer 0: depends on libc only.
 */
#ifndef PERF_UTIL_OUTPUT_FILE_H
#define PERF_UTIL_OUTPUT_FILE_H

#include <stdbool.h>
#include <stdio.h>

/*
 * Open @path for writing, truncated or (@append) appended to, with the
 * checks above. Returns a close-on-exec fd, or a negative errno: -ELOOP
 * for a foreign symlink, -EPERM for a foreign file, or open(2)'s error.
 */
int output_file__open(const char *path, bool append);

/*
 * The same as a stdio stream ("w" or "a"). NULL with errno set on
 * failure, like fopen(3), so it can replace it.
 */
FILE *output_file__fopen(const char *path, bool append);

/*
 * Why output_file__open() of @path failed with -@err, in words: the two
 * refusals above name the file and the reason, other errors are
 * strerror(@err). Returns @buf.
 */
const char *output_file__strerror(const char *path, int err, char *buf, size_t size);

#endif /* PERF_UTIL_OUTPUT_FILE_H */
