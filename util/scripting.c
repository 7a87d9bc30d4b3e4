// SPDX-License-Identifier: GPL-2.0
/* Where perf script's bundled scripts are, and the list `perf script -l` shows. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exec-cmd.h"
#include "scripting.h"

const char *scripting__exec_path(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("PERF_EXEC_PATH");
	const char *dir = perf_binary_dir();
	char probe[PATH_MAX];

	if (path[0])
		return path;
	if (env && *env) {
		snprintf(path, sizeof(path), "%s", env);
	} else if (dir && (size_t)snprintf(probe, sizeof(probe), "%s/scripts/python", dir)
		   < sizeof(probe) && access(probe, F_OK) == 0) {
		/* A build tree: the scripts beside the binary, not an older installed set. */
		snprintf(path, sizeof(path), "%s", dir);
	} else {
		snprintf(path, sizeof(path), "%s", perf_exec_path());
	}
	setenv("PERF_EXEC_PATH", path, 1);
	return path;
}

char *scripting__find_helper(const char *name, const char *suffix)
{
	char path[PATH_MAX];

	if (!name || !*name || strchr(name, '/'))
		return NULL;
	if ((size_t)snprintf(path, sizeof(path), "%s/scripts/python/bin/%s-%s",
			     scripting__exec_path(), name, suffix) >= sizeof(path))
		return NULL;
	if (access(path, R_OK))
		return NULL;
	return strdup(path);
}

/* The text after "# KEY:" in the first lines of @path, or "". */
static void helper__read_tag(const char *path, const char *key, char *out, size_t size)
{
	char line[512];
	size_t klen = strlen(key);
	FILE *fp = fopen(path, "r");
	int n = 0;

	out[0] = '\0';
	if (!fp)
		return;
	while (n++ < 20 && fgets(line, sizeof(line), fp)) {
		char *p = line, *end;

		if (*p != '#')
			continue;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, key, klen) || p[klen] != ':')
			continue;
		p += klen + 1;
		while (*p == ' ' || *p == '\t')
			p++;
		end = p + strlen(p);
		while (end > p && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
			*--end = '\0';
		snprintf(out, size, "%s", p);
		break;
	}
	fclose(fp);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char * const *)a, *(char * const *)b);
}

int scripting__list(FILE *fp)
{
	char dir[PATH_MAX], path[PATH_MAX + 256], args[256], desc[256], name[320];
	char **names = NULL;
	size_t nr = 0, i;
	struct dirent *de;
	DIR *d;

	fprintf(fp, "List of available trace scripts:\n");
	snprintf(dir, sizeof(dir), "%s/scripts/python/bin", scripting__exec_path());
	d = opendir(dir);
	if (!d)
		return 0;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		char **tmp;

		if (len <= 7 || strcmp(de->d_name + len - 7, "-report"))
			continue;
		tmp = realloc(names, (nr + 1) * sizeof(*names));
		if (!tmp)
			break;
		names = tmp;
		names[nr] = strndup(de->d_name, len - 7);
		if (names[nr])
			nr++;
	}
	closedir(d);
	if (nr)
		qsort(names, nr, sizeof(*names), cmp_str);
	for (i = 0; i < nr; i++) {
		snprintf(path, sizeof(path), "%s/%s-report", dir, names[i]);
		helper__read_tag(path, "description", desc, sizeof(desc));
		helper__read_tag(path, "args", args, sizeof(args));
		if (args[0])
			snprintf(name, sizeof(name), "%s %s", names[i], args);
		else
			snprintf(name, sizeof(name), "%s", names[i]);
		fprintf(fp, "  %-36s %s\n", name, desc);
		free(names[i]);
	}
	free(names);
	return 0;
}

const char *scripting__strip_lang(const char *path)
{
	if (!strncmp(path, "python:", 7))
		return path + 7;
	if (!strncmp(path, "py:", 3))
		return path + 3;
	return path;
}

bool scripting__is_python(const char *path)
{
	const char *dot;

	if (scripting__strip_lang(path) != path)
		return true;
	dot = strrchr(path, '.');
	return dot && !strcmp(dot, ".py");
}
