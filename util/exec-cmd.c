// SPDX-License-Identifier: GPL-2.0
/* The exec path and the locations of perf's installed files. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exec-cmd.h"

#ifndef PERF_EXEC_PATH
#define PERF_EXEC_PATH "/usr/local/libexec/perf-core"
#endif
#ifndef PERF_DOC_PATH
#define PERF_DOC_PATH "/usr/local/share/doc/perf"
#endif

static const char *argv_exec_path;

void perf_set_exec_path(const char *path)
{
	argv_exec_path = path;
	/* Child perf processes (shell tests, scripts) must see the same path. */
	setenv("PERF_EXEC_PATH", path, 1);
}

const char *perf_exec_path(void)
{
	const char *env;

	if (argv_exec_path)
		return argv_exec_path;
	env = getenv("PERF_EXEC_PATH");
	if (env && *env)
		return env;
	return PERF_EXEC_PATH;
}

const char *perf_doc_path(void)
{
	return PERF_DOC_PATH;
}

const char *perf_binary_dir(void)
{
	static char dir[PATH_MAX];
	static int done;
	ssize_t n;
	char *slash;

	if (done)
		return dir[0] ? dir : NULL;
	done = 1;
	n = readlink("/proc/self/exe", dir, sizeof(dir) - 1);
	if (n <= 0) {
		dir[0] = '\0';
		return NULL;
	}
	dir[n] = '\0';
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	return dir;
}

char *perf_find_data_path(const char *relpath)
{
	const char *bases[] = { perf_binary_dir(), perf_exec_path() };
	char buf[PATH_MAX];
	size_t i;

	for (i = 0; i < sizeof(bases) / sizeof(bases[0]); i++) {
		if (!bases[i])
			continue;
		if ((size_t)snprintf(buf, sizeof(buf), "%s/%s", bases[i], relpath)
		    >= sizeof(buf))
			continue;
		if (access(buf, F_OK) == 0)
			return strdup(buf);
	}
	return NULL;
}
