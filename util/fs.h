/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading kernel files: where sysfs, procfs and tracefs are, and small
 * helpers to read a number or a string from one file.
 *
 * Tests point perf at fake trees: $PERF_SYSFS_ROOT replaces /sys for PMU
 * discovery (tests/data/sysfs/...), $PERF_TRACEFS_ROOT replaces the
 * tracefs mount.
 *
 * Layer 0: depends on libc only. Nothing perf-specific here.
 */
#ifndef PERF_UTIL_FS_H
#define PERF_UTIL_FS_H

#include <stdbool.h>
#include <stddef.h>

/* "/sys", or $PERF_SYSFS_ROOT. Never NULL. */
const char *sysfs__mountpoint(void);
/* Override for unit tests (NULL restores the default). Not copied. */
void sysfs__set_mountpoint(const char *path);

/* "/proc". Never NULL. */
const char *procfs__mountpoint(void);

/*
 * The tracefs mount ($PERF_TRACEFS_ROOT, /sys/kernel/tracing or
 * /sys/kernel/debug/tracing, whichever has an "events" directory), or NULL
 * when tracefs is not mounted or not readable.
 */
const char *tracefs__mountpoint(void);
/* Override for unit tests (NULL restores the search). Not copied. */
void tracefs__set_mountpoint(const char *path);

/*
 * Read the whole of @path into a NUL-terminated malloc'ed buffer, stored
 * in *@buf (caller frees) with its length in *@sizep (may be NULL).
 * Works on sysfs/procfs files that report size 0. Returns 0 or -errno.
 */
int filename__read_str(const char *path, char **buf, size_t *sizep);

/* Read one integer (decimal, or 0x hex) from @path. 0 or -errno/-EINVAL. */
int filename__read_int(const char *path, int *value);
int filename__read_ull(const char *path, unsigned long long *value);

/* Read /proc/sys/@sysctl (e.g. "kernel/perf_event_paranoid"). 0 or -errno. */
int sysctl__read_int(const char *sysctl, int *value);

/* Whether @path exists. */
bool file_exists(const char *path);

#endif /* PERF_UTIL_FS_H */
