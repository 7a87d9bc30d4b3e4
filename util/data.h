/* SPDX-License-Identifier: GPL-2.0 */
/*
 * perf_data: the perf.data file or pipe a command reads or writes.
 *
 * Writing: an existing perf.data is rotated to perf.data.old first (never
 * through a symlink, never onto another user's file); "-" means stdout,
 * which makes the stream pipe mode. Reading: "-" means stdin; a file the
 * user does not own (and root does not own) is refused unless forced, as
 * in the reference.
 *
 * Layer 2: depends on libc only.
 */
#ifndef PERF_UTIL_DATA_H
#define PERF_UTIL_DATA_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

enum perf_data_mode {
	PERF_DATA_MODE_WRITE,
	PERF_DATA_MODE_READ,
};

/**
 * struct perf_data - one perf.data stream
 * @path:    file name; "-" for stdin/stdout; NULL means "perf.data", or
 *           stdin/stdout when that is a pipe (open sets "-" then)
 * @force:   -f: read files owned by someone else, skip the size-0 check
 * @is_pipe: set by open: the stream is a pipe (or "-")
 * @size:    set by open when reading a file: its size in bytes
 */
struct perf_data {
	const char *path;
	enum perf_data_mode mode;
	bool force;
	bool is_pipe;
	int fd;
	uint64_t size;
	/*
	 * Reading a directory (perf record --threads): @fd and @size are its
	 * "data" file (the header and the main data); @files are the
	 * "data.N" files, records only, in N order.
	 */
	bool is_dir;
	int nr_files;
	struct perf_data_file *files;
};

/* One "data.N" file of a perf.data directory. */
struct perf_data_file {
	char *path;
	int fd;
	uint64_t size;
};

/*
 * Open @data for its mode. Returns 0 or -errno; on failure @msg (if
 * non-NULL, @msgsize bytes) holds the reference's one-line explanation,
 * e.g. "file perf.data not owned by current user or root (use -f to
 * override)" or "failed to open perf.data: No such file or directory".
 */
int perf_data__open(struct perf_data *data, char *msg, size_t msgsize);
void perf_data__close(struct perf_data *data);

/* The path actually used ("perf.data" when none was given). */
const char *perf_data__path(const struct perf_data *data);

/* Write all of @buf; returns 0 or -errno (a short write is -EIO/-ENOSPC). */
int perf_data__write(struct perf_data *data, const void *buf, size_t size);

/* Read exactly @size bytes; 0, -EIO at a premature end, or -errno. */
int perf_data__read(struct perf_data *data, void *buf, size_t size);

#endif /* PERF_UTIL_DATA_H */
