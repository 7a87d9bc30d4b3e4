// SPDX-License-Identifier: GPL-2.0
/* Command lists and suggestions for mistyped commands. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "help.h"
#include "util.h"
#include "zalloc.h"

void cmdnames__add(struct cmdnames *cmds, const char *name)
{
	char *copy;

	if (cmds->cnt == cmds->alloc) {
		size_t nalloc = cmds->alloc ? cmds->alloc * 2 : 32;
		char **n = realloc(cmds->names, nalloc * sizeof(*n));

		if (!n)
			return;
		cmds->names = n;
		cmds->alloc = nalloc;
	}
	copy = strdup(name);
	if (copy)
		cmds->names[cmds->cnt++] = copy;
}

static int cmdname_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void cmdnames__uniq(struct cmdnames *cmds)
{
	size_t i, j;

	if (!cmds->cnt)
		return;
	qsort(cmds->names, cmds->cnt, sizeof(*cmds->names), cmdname_cmp);
	for (i = j = 1; i < cmds->cnt; i++) {
		if (!strcmp(cmds->names[i], cmds->names[j - 1]))
			free(cmds->names[i]);
		else
			cmds->names[j++] = cmds->names[i];
	}
	cmds->cnt = j;
}

void cmdnames__exit(struct cmdnames *cmds)
{
	size_t i;

	for (i = 0; i < cmds->cnt; i++)
		free(cmds->names[i]);
	zfree(&cmds->names);
	cmds->cnt = cmds->alloc = 0;
}

void cmdnames__load_dir(struct cmdnames *cmds, const char *dir)
{
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		char path[PATH_MAX];
		struct stat st;
		const char *name = de->d_name;
		size_t len;

		if (!strstarts(name, "perf-") || !name[5])
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
			continue;
		if (stat(path, &st) || !S_ISREG(st.st_mode) || !(st.st_mode & 0111))
			continue;
		len = strlen(name + 5);
		/* perf-foo.sh and perf-foo.py run as "perf foo" too. */
		if (len > 3 && (!strcmp(name + 5 + len - 3, ".sh") ||
				!strcmp(name + 5 + len - 3, ".py"))) {
			char base[NAME_MAX + 1];

			snprintf(base, sizeof(base), "%.*s", (int)(len - 3), name + 5);
			cmdnames__add(cmds, base);
			continue;
		}
		cmdnames__add(cmds, name + 5);
	}
	closedir(d);
}

int levenshtein(const char *a, const char *b, int w, int s, int i, int d)
{
	size_t la = strlen(a), lb = strlen(b), x, y;
	int *prev2, *prev, *cur, *tmp, ret;

	prev2 = calloc(lb + 1, sizeof(int));
	prev = calloc(lb + 1, sizeof(int));
	cur = calloc(lb + 1, sizeof(int));
	if (!prev2 || !prev || !cur) {
		free(prev2);
		free(prev);
		free(cur);
		return -1;
	}
	/* Row x holds the cost of turning a[0..x) into each prefix of b. */
	for (y = 0; y <= lb; y++)
		prev[y] = (int)y * i;
	for (x = 1; x <= la; x++) {
		cur[0] = (int)x * d;
		for (y = 1; y <= lb; y++) {
			int best = prev[y - 1] + (a[x - 1] == b[y - 1] ? 0 : s);

			if (x > 1 && y > 1 && a[x - 2] == b[y - 1] &&
			    a[x - 1] == b[y - 2] && prev2[y - 2] + w < best)
				best = prev2[y - 2] + w;
			if (prev[y] + d < best)
				best = prev[y] + d;
			if (cur[y - 1] + i < best)
				best = cur[y - 1] + i;
			cur[y] = best;
		}
		tmp = prev2;
		prev2 = prev;
		prev = cur;
		cur = tmp;
	}
	ret = prev[lb];
	free(prev2);
	free(prev);
	free(cur);
	return ret;
}

/*
 * Costs favour typos that drop or swap letters ("stt", "recrod") over
 * ones that add letters; a name that starts with what was typed is always
 * a candidate. Above SUGGEST_MAX nothing is similar enough to be useful.
 */
#define SUGGEST_MAX 3

const char **help__suggest(const struct cmdnames *cmds, const char *cmd)
{
	const char **out;
	int *dist, best = INT_MAX;
	size_t n, k = 0;

	if (!cmds->cnt)
		return NULL;
	dist = calloc(cmds->cnt, sizeof(*dist));
	if (!dist)
		return NULL;
	for (n = 0; n < cmds->cnt; n++) {
		const char *name = cmds->names[n];

		if (strstarts(name, cmd))
			dist[n] = 0;
		else
			dist[n] = levenshtein(cmd, name, 0, 2, 1, 3);
		if (dist[n] >= 0 && dist[n] < best)
			best = dist[n];
	}
	if (best > SUGGEST_MAX) {
		free(dist);
		return NULL;
	}
	out = calloc(cmds->cnt + 1, sizeof(*out));
	if (out)
		for (n = 0; n < cmds->cnt; n++)
			if (dist[n] == best)
				out[k++] = cmds->names[n];
	free(dist);
	return out;
}
