// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel symbols from kallsyms-format files (/proc/kallsyms, the copy in
 * the build-id cache, --kallsyms FILE), split between the kernel and its
 * modules, and the choice of which file describes the recorded kernel.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "debug.h"
#include "dso.h"
#include "kallsyms.h"
#include "symbol-elf.h"

static uint8_t kallsyms_binding(char type)
{
	if (type == 'W' || type == 'w' || type == 'V' || type == 'v')
		return SYMBOL_BIND_WEAK;
	return type >= 'a' && type <= 'z' ? SYMBOL_BIND_LOCAL : SYMBOL_BIND_GLOBAL;
}

static uint8_t kallsyms_type(char type)
{
	switch (type) {
	case 'T': case 't': case 'W': case 'w':
		return SYMBOL_TYPE_FUNC;
	default:
		return SYMBOL_TYPE_OBJECT;
	}
}

bool kallsyms__is_kept(char type)
{
	/* The reference keeps text, weak, data and bss symbols. */
	switch (type) {
	case 'T': case 't': case 'W': case 'w':
	case 'D': case 'd': case 'B': case 'b':
		return true;
	default:
		return false;
	}
}

int kallsyms__parse(const char *path, void *arg, kallsyms_cb cb)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *f = fopen(path, "re");
	int err = 0;

	if (!f)
		return -errno;
	while ((len = getline(&line, &cap, f)) > 0) {
		char *p = line, *end, *name, *module = NULL;
		uint64_t start;
		char type;

		if (line[len - 1] == '\n')
			line[--len] = '\0';
		start = strtoull(p, &end, 16);
		if (end == p || *end != ' ' || !end[1] || end[2] != ' ')
			continue;
		type = end[1];
		name = end + 3;
		/* "name\t[module]": the module in brackets after a tab. */
		module = strchr(name, '\t');
		if (module) {
			*module++ = '\0';
			if (*module == '[') {
				char *close = strchr(module, ']');

				module++;
				if (close)
					*close = '\0';
			} else {
				module = NULL;
			}
		}
		err = cb(arg, name, type, start, module);
		if (err)
			break;
	}
	free(line);
	fclose(f);
	return err;
}

struct kallsyms_load {
	struct dso *dso;
	bool nonzero;
	uint64_t ref_addr;
	bool ref_found;
	int err;
};

static int kallsyms_load__add(void *arg, const char *name, char type,
			      uint64_t start, const char *module)
{
	struct kallsyms_load *ld = arg;
	struct symbol *sym;
	char buf[1024];

	if (start)
		ld->nonzero = true;
	if (!module && ld->dso->kernel_ref_name && !ld->ref_found &&
	    !strcmp(name, ld->dso->kernel_ref_name)) {
		ld->ref_addr = start;
		ld->ref_found = true;
	}
	if (!kallsyms__is_kept(type))
		return 0;
	/* ARM mapping symbols ($a, $d, $t, $x) in modules are not functions. */
	if (name[0] == '$')
		return 0;
	/*
	 * Module symbols keep "\t[module]" until the split, so that the
	 * end fix-up sees where kernel text stops and module text begins.
	 */
	if (module) {
		snprintf(buf, sizeof(buf), "%s\t[%s]", name, module);
		name = buf;
	}
	sym = symbol__new(start, 0, kallsyms_binding(type), kallsyms_type(type), name);
	if (!sym)
		return -ENOMEM;
	if (!module)
		sym->idle = symbol__is_idle(name);
	return symbols__add(&ld->dso->symbols, sym);
}

/* Move "[module]" symbols to their module dsos; drop those without one. */
static void kallsyms__split(struct dso *kernel, int64_t delta)
{
	struct symbols *syms = &kernel->symbols;
	struct dso *mod = NULL;
	size_t i, out = 0;

	for (i = 0; i < syms->nr; i++) {
		struct symbol *sym = syms->entries[i];
		char *tab = strchr(sym->name, '\t');

		if (!tab) {
			sym->start -= (uint64_t)delta;
			sym->end -= (uint64_t)delta;
			syms->entries[out++] = sym;
			continue;
		}
		*tab = '\0';
		if (!mod || strcmp(mod->short_name, tab + 1)) {
			dso__put(mod);
			mod = kernel->dsos ? dsos__find_by_short_name(kernel->dsos, tab + 1) : NULL;
			if (mod && mod->kind != DSO_KIND_MODULE)
				dso__zput(mod);
		}
		if (!mod || mod->loaded) {
			symbol__delete(sym);
			continue;
		}
		symbols__add(&mod->symbols, sym);
	}
	dso__put(mod);
	syms->nr = out;
	symbols__sort(syms);

	if (kernel->dsos) {
		struct dso *pos;

		dsos__for_each(kernel->dsos, pos) {
			if (pos->kind != DSO_KIND_MODULE || pos->loaded)
				continue;
			pos->loaded = true;
			pos->symtab_origin = DSO_SYMTAB__KALLSYMS;
			symbols__sort(&pos->symbols);
		}
	}
}

int dso__load_kallsyms(struct dso *dso, const char *path)
{
	struct kallsyms_load ld = { .dso = dso };
	int64_t delta = 0;
	int err;

	err = kallsyms__parse(path, &ld, kallsyms_load__add);
	if (err) {
		symbols__exit(&dso->symbols);
		return err;
	}
	if (dso->symbols.nr && !ld.nonzero) {
		symbols__exit(&dso->symbols);
		dso->load_err = DSO_LOAD_ERR__KPTR_RESTRICT;
		return -EPERM;
	}
	/* A different boot of the same kernel: KASLR moved everything by one offset. */
	if (ld.ref_found && dso->kernel_ref_addr)
		delta = (int64_t)(ld.ref_addr - dso->kernel_ref_addr);
	symbols__fixup(&dso->symbols, true);
	kallsyms__split(dso, delta);
	dso->symtab_origin = DSO_SYMTAB__KALLSYMS;
	free(dso->symtab_path);
	dso->symtab_path = strdup(path);
	return (int)dso->symbols.nr;
}

int dso__load_kernel(struct dso *dso)
{
	char path[PATH_MAX], hex[SBUILD_ID_SIZE];
	struct build_id running;
	int ret;

	if (symbol_conf.vmlinux_name) {
		ret = dso__load_vmlinux(dso, symbol_conf.vmlinux_name);
		if (ret > 0)
			return ret;
	}
	if (symbol_conf.kallsyms_name)
		return dso__load_kallsyms(dso, symbol_conf.kallsyms_name);

	if (!build_id__is_defined(&dso->bid) ||
	    (!kernel__read_running_build_id(&running) &&
	     build_id__equal(&running, &dso->bid)))
		return dso__load_kallsyms(dso, "/proc/kallsyms");

	if (build_id_cache__path(&dso->bid, "[kernel.kallsyms]", "kallsyms",
				 path, sizeof(path)) && !access(path, R_OK))
		return dso__load_kallsyms(dso, path);

	build_id__snprintf(&dso->bid, hex, sizeof(hex));
	pr_err("No kallsyms or vmlinux with build-id %s was found\n", hex);
	dso->load_err = DSO_LOAD_ERR__BUILD_ID_MISMATCH;
	return -ENOENT;
}

struct kallsyms_query {
	const char *name;
	uint64_t addr;
	bool found;
};

static int kallsyms_query__match(void *arg, const char *name, char type,
				 uint64_t start, const char *module)
{
	struct kallsyms_query *q = arg;

	if (module || strcmp(name, q->name))
		return 0;
	q->addr = start;
	q->found = true;
	return 1;	/* stop the walk */
}

int kallsyms__find_symbol(const char *path, const char *name, uint64_t *addr)
{
	struct kallsyms_query q = { .name = name };
	int err = kallsyms__parse(path, &q, kallsyms_query__match);

	if (err < 0)
		return err;
	if (!q.found)
		return -ENOENT;
	*addr = q.addr;
	return 0;
}
