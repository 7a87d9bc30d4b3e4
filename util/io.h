/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Whole-buffer reads and writes: loop over short transfers and EINTR so
 * callers see all-or-error.
 *
 * Layer 0: depends on libc only.
 */
#ifndef PERF_UTIL_IO_H
#define PERF_UTIL_IO_H

#include <stddef.h>
#include <stdint.h>

/*
 * Transfer exactly @size bytes (at file offset @off for the p* forms).
 * Return 0, -EIO at a premature end of file (reads) or a zero-byte write,
 * or -errno.
 */
int io__read(int fd, void *buf, size_t size);
int io__write(int fd, const void *buf, size_t size);
int io__pread(int fd, void *buf, size_t size, uint64_t off);
int io__pwrite(int fd, const void *buf, size_t size, uint64_t off);

#endif /* PERF_UTIL_IO_H */
