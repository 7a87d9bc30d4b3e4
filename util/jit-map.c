// SPDX-License-Identifier: GPL-2.0
/*
 * JIT symbol maps: /tmp/perf-PID.map files written by JIT compilers
 * (V8, the JVM agents, LuaJIT, ...), one "START SIZE name" line per
 * generated function, hex numbers with or without 0x.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "debug.h"
#include "dso.h"

int dso__load_jit_map(struct dso *dso, const char *path)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	struct stat st;
	FILE *f;
	int nr = 0, err = 0;

	if (lstat(path, &st) < 0)
		return -errno;
	/* Someone else's map in /tmp could name anything: the reference refuses it too. */
	if (!symbol_conf.force && st.st_uid && st.st_uid != geteuid()) {
		pr_warning("File %s not owned by current user or root, ignoring it (use -f to override).\n",
			   path);
		return -EPERM;
	}
	f = fopen(path, "re");
	if (!f)
		return -errno;
	while ((len = getline(&line, &cap, f)) > 0) {
		char *p = line, *end;
		uint64_t start, size;
		struct symbol *sym;

		if (line[len - 1] == '\n')
			line[--len] = '\0';
		start = strtoull(p, &end, 16);
		if (end == p || *end != ' ')
			continue;
		p = end + 1;
		size = strtoull(p, &end, 16);
		if (end == p || *end != ' ' || !end[1])
			continue;
		sym = symbol__new(start, size, SYMBOL_BIND_GLOBAL, SYMBOL_TYPE_FUNC, end + 1);
		if (!sym) {
			err = -ENOMEM;
			break;
		}
		err = symbols__add(&dso->symbols, sym);
		if (err)
			break;
		nr++;
	}
	free(line);
	fclose(f);
	if (err)
		return err;
	/* Sizes are exact here: no growing of zero-size entries, as in the reference. */
	symbols__sort(&dso->symbols);
	dso->symtab_origin = DSO_SYMTAB__JIT_MAP;
	return nr;
}
