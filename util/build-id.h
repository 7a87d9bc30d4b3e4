/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Build-ids: reading them from ELF files and from the kernel's notes,
 * printing them as hex, and the paths of the build-id cache (~/.debug):
 *
 *   <cache>/<long name>/<hex>/elf        a copy of the binary
 *   <cache>/<long name>/<hex>/debug      its separate debug file
 *   <cache>/[kernel.kallsyms]/<hex>/kallsyms
 *   <cache>/[vdso]/<hex>/vdso
 *   <cache>/.build-id/<2 hex>/<38 hex> -> ../../<long name>/<hex>
 *
 * Reading notes needs no libelf: the ELF program and section headers are
 * parsed here directly, for either class and byte order.
 *
 * Layer 3: depends on libc only.
 */
#ifndef PERF_UTIL_BUILD_ID_H
#define PERF_UTIL_BUILD_ID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"	/* BUILD_ID_SIZE */

#define SBUILD_ID_SIZE (BUILD_ID_SIZE * 2 + 1)

struct build_id {
	uint8_t data[BUILD_ID_SIZE];
	size_t size;		/* 0: unknown */
};

/* Copy @size bytes (at most BUILD_ID_SIZE) of @data into @bid. */
void build_id__init(struct build_id *bid, const uint8_t *data, size_t size);
bool build_id__is_defined(const struct build_id *bid);
bool build_id__equal(const struct build_id *a, const struct build_id *b);

/*
 * Lowercase hex of @bid into @buf (SBUILD_ID_SIZE bytes at least).
 * Returns the number of characters written (0 for an unknown build-id).
 */
int build_id__snprintf(const struct build_id *bid, char *buf, size_t size);

/* Parse @hex (2..40 hex digits) into @bid. 0 or -EINVAL. */
int build_id__parse(struct build_id *bid, const char *hex);

/*
 * The GNU build-id note of the ELF file @path. 0, -ENOENT/-EACCES when it
 * can't be opened, -EINVAL when it is not ELF, -ENODATA when it has no
 * build-id note.
 */
int filename__read_build_id(const char *path, struct build_id *bid);

/* The same for an ELF image in memory (@size bytes at @buf). */
int elf_image__read_build_id(const void *buf, size_t size, struct build_id *bid);

/*
 * The build-id in a raw notes file such as /sys/kernel/notes or
 * /sys/module/<m>/notes/.note.gnu.build-id. 0, -errno or -ENODATA.
 */
int sysfs__read_build_id(const char *path, struct build_id *bid);

/* The running kernel's build-id (/sys/kernel/notes), read once. 0 or -errno. */
int kernel__read_running_build_id(struct build_id *bid);

/*
 * "<cache>/<name>/<hex>/<leaf>" into @buf; @name is a dso long name
 * ("/usr/lib/libc.so.6", "[kernel.kallsyms]", "[vdso]"). Returns @buf, or
 * NULL when @bid is unknown or @buf too small.
 */
char *build_id_cache__path(const struct build_id *bid, const char *name,
			   const char *leaf, char *buf, size_t size);

/* "<cache>/.build-id/<xx>/<rest>" (the link to the per-name directory). */
char *build_id_cache__linkname(const struct build_id *bid, char *buf, size_t size);

/*
 * The system debug file of @bid: "/usr/lib/debug/.build-id/<xx>/<rest>.debug"
 * under @root ("" for /). Returns @buf or NULL.
 */
char *build_id__debug_path(const struct build_id *bid, const char *root,
			   char *buf, size_t size);

/*
 * Add @src (a readable file, or the kernel's kallsyms when @leaf is
 * "kallsyms") to the cache as @name with build-id @bid: copies it to
 * <cache>/<name>/<hex>/<leaf> and makes the .build-id link. Existing
 * entries are left alone. 0 or -errno.
 */
int build_id_cache__add(const struct build_id *bid, const char *name,
			const char *src, const char *leaf);

/* The same for an image in memory (the vdso): @size bytes at @buf. */
int build_id_cache__add_image(const struct build_id *bid, const char *name,
			      const void *buf, size_t size, const char *leaf);

#endif /* PERF_UTIL_BUILD_ID_H */
