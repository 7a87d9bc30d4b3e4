/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command-name lists and the "did you mean" suggestion for a mistyped
 * command.
 *
 * Layer 0: depends on libc and util/strbuf only.
 */
#ifndef PERF_UTIL_HELP_H
#define PERF_UTIL_HELP_H

#include <stddef.h>

/* A growable, sortable list of command names. */
struct cmdnames {
	size_t alloc;
	size_t cnt;
	char **names;
};

void cmdnames__add(struct cmdnames *cmds, const char *name);
/* Sort and drop duplicates. */
void cmdnames__uniq(struct cmdnames *cmds);
void cmdnames__exit(struct cmdnames *cmds);

/*
 * Add the names of the external perf-<name> programs found in @dir
 * (executable files whose name starts with "perf-").
 */
void cmdnames__load_dir(struct cmdnames *cmds, const char *dir);

/*
 * Weighted edit distance from @a to @b: @w is the cost of swapping two
 * adjacent letters, @s of a substitution, @i of an insertion and @d of a
 * deletion. Returns -1 if out of memory.
 */
int levenshtein(const char *a, const char *b, int w, int s, int i, int d);

/*
 * The names in @cmds closest to the mistyped @cmd, as a NULL-terminated
 * array of pointers into @cmds (caller frees the array), or NULL when
 * nothing is close enough to suggest.
 */
const char **help__suggest(const struct cmdnames *cmds, const char *cmd);

#endif /* PERF_UTIL_HELP_H */
