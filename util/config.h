/* SPDX-License-Identifier: GPL-2.0 */
/*
 * perf's configuration: git-config syntax files, read from the system file
 * (/etc/perfconfig, skipped when $PERF_CONFIG_NOSYSTEM is set) and then the
 * user file (~/.perfconfig, skipped when $PERF_CONFIG_NOGLOBAL is set), the
 * later winning. $PERF_CONFIG names the one file to read instead of both.
 *
 * Names are "section.name" (or "section.subsection.name"); values are
 * strings, converted by the perf_config_*() helpers. Builtins read their
 * defaults by passing a callback to perf_config().
 *
 * Layer 0: depends on libc and util/strbuf only.
 */
#ifndef PERF_UTIL_CONFIG_H
#define PERF_UTIL_CONFIG_H

#include <stdbool.h>
#include <stdint.h>
#include "util.h"

/*
 * Called once per variable, @var is "section.name" in lower case, @value
 * may be NULL for a key without '='. Return 0 to go on, negative to stop
 * (perf_config() then returns that value).
 */
typedef int (*config_fn_t)(const char *var, const char *value, void *data);

/* One variable of a loaded set. */
struct perf_config_item {
	char *name;
	char *value;
	bool from_system;	/* came from the system file */
	struct perf_config_item *next;
};

/* One [section] and its variables, in file order. */
struct perf_config_section {
	char *name;
	struct perf_config_item *items;
	struct perf_config_section *next;
};

/* A parsed configuration: system file, then user file, merged. */
struct perf_config_set {
	struct perf_config_section *sections;
};

/*
 * Load the system and user files. Returns a new set (empty if there are
 * no files), or ERR_PTR(-errno) when a file exists but cannot be read or
 * parsed (a message naming the file and line was printed with pr_err).
 */
struct perf_config_set *perf_config_set__new(void);
/* Load only the file at @path; same returns. */
struct perf_config_set *perf_config_set__load_file(const char *path);
void perf_config_set__delete(struct perf_config_set *set);

/* Value of "section.name" in @set (NULL if unset). The set owns it. */
const char *perf_config_set__get(struct perf_config_set *set, const char *var);
/* Set (or add) "section.name" to @value. 0 or -ENOMEM/-EINVAL. */
int perf_config_set__set(struct perf_config_set *set, const char *var,
			 const char *value);
/* Write @set to @path atomically (temp file + rename). 0 or -errno. */
int perf_config_set__write(struct perf_config_set *set, const char *path);

/*
 * Call @fn for each variable of the process's configuration (loaded once,
 * on first use). Returns 0, or what @fn returned to stop, or -errno if
 * the files could not be read.
 */
int perf_config(config_fn_t fn, void *data);
/* Forget the cached configuration (tests change $PERF_CONFIG). */
void perf_config__exit(void);

/* The files perf_config() reads. Strings owned by the module. */
const char *perf_etc_perfconfig(void);
/* NULL when $HOME is unset and $PERF_CONFIG is not given. */
const char *perf_user_perfconfig(void);

/*
 * Value converters. They return 0 and store the result, or -EINVAL after
 * printing "bad config value for 'NAME'".
 */
int perf_config_int(int *dest, const char *name, const char *value);
int perf_config_u64(uint64_t *dest, const char *name, const char *value);
/* true/yes/on/1 and false/no/off/0; a key without a value is true. */
int perf_config_bool(bool *dest, const char *name, const char *value);

#endif /* PERF_UTIL_CONFIG_H */
