/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading kallsyms-format files: "ADDR TYPE NAME[\t[MODULE]]" lines, as
 * /proc/kallsyms and the build-id cache's copies have them. Loading a
 * kernel dso from one is dso__load_kallsyms() in dso.h.
 *
 * Layer 3: depends on libc only.
 */
#ifndef PERF_UTIL_KALLSYMS_H
#define PERF_UTIL_KALLSYMS_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Called per line with the symbol's name, nm-style type letter, address
 * and module name without brackets (NULL for the kernel itself). Return 0
 * to go on, anything else to stop the walk with that value.
 */
typedef int (*kallsyms_cb)(void *arg, const char *name, char type,
			   uint64_t start, const char *module);

/*
 * Walk @path. Returns 0, -errno when it can't be read, or the first
 * non-zero callback value. Malformed lines are skipped.
 */
int kallsyms__parse(const char *path, void *arg, kallsyms_cb cb);

/* Whether the reference keeps a symbol of nm type @type (T, W, D, B). */
bool kallsyms__is_kept(char type);

/* Address of kernel (non-module) symbol @name in @path: 0, -ENOENT or -errno. */
int kallsyms__find_symbol(const char *path, const char *name, uint64_t *addr);

#endif /* PERF_UTIL_KALLSYMS_H */
