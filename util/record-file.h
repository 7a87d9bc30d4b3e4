/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The perf.data file of a perf record run, beyond its records: the
 * features its header describes, the build-ids of the binaries the
 * samples hit (found by reading the file back), and the timestamped
 * names of --timestamp-filename and --switch-output.
 *
 * Layer 3: depends on util/header, util/session, util/machine.
 */
#ifndef PERF_UTIL_RECORD_FILE_H
#define PERF_UTIL_RECORD_FILE_H

#include <stdbool.h>
#include <stdint.h>

struct evlist;
struct perf_header;

/*
 * Describe this machine and run in @h: the features the reference
 * writes, the command line (@argc/@argv as typed, after "perf record"),
 * @version, zstd (@comp_level, 0 for none, with @mmap_len, the bytes of
 * one ring), the clock (@clockid, -1 for none) and the tracing data of
 * @evlist's tracepoints. What fails to be read is left out.
 */
void record_file__init_features(struct perf_header *h, struct evlist *evlist,
				int argc, const char **argv, const char *version,
				uint32_t comp_level, uint32_t mmap_len, int clockid);

/*
 * Read the finished file at @path (open on @fd for writing) back through
 * a session, mark the dsos samples hit, and rewrite the header with their
 * build-ids (HEADER_BUILD_ID); with @add_to_cache they also go into the
 * build-id cache. The session prints the reference's warnings about lost
 * events. Returns 0 or -errno; h->build_ids is the caller's to free.
 */
int record_file__write_build_ids(struct perf_header *h, struct evlist *evlist, int fd,
				 const char *path, bool add_to_cache);

/*
 * "@path.YYYYMMDDhhmmsscc" for now (hundredths of a second), as the
 * reference names --timestamp-filename files. NULL when out of memory;
 * the caller frees.
 */
char *record_file__timestamp_name(const char *path);

#endif /* PERF_UTIL_RECORD_FILE_H */
