// SPDX-License-Identifier: GPL-2.0
/* dso objects, their names and kinds, loading dispatch, and the dsos set. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <elf.h>

#include "debug.h"
#include "dso.h"
#include "srcline.h"
#include "symbol-elf.h"
#include "zalloc.h"

static const char *path_basename(const char *path)
{
	const char *s = strrchr(path, '/');

	/* A trailing '/' never occurs in mmap names; "//anon" gives "anon". */
	return s && s[1] ? s + 1 : path;
}

static bool is_vdso_name(const char *name)
{
	return !strcmp(name, "[vdso]") || !strcmp(name, "[vdso32]") ||
	       !strcmp(name, "[vdsox32]");
}

/* "/lib/modules/.../nf-nat.ko.xz" -> "[nf_nat]", as the kernel names modules. */
static char *module_short_name(const char *path)
{
	const char *base = path_basename(path);
	size_t len = strcspn(base, ".");
	char *s = malloc(len + 3), *p;

	if (!s)
		return NULL;
	s[0] = '[';
	memcpy(s + 1, base, len);
	s[len + 1] = ']';
	s[len + 2] = '\0';
	for (p = s; *p; p++)
		if (*p == '-')
			*p = '_';
	return s;
}

static bool is_module_path(const char *name)
{
	static const char * const exts[] = { ".ko", ".ko.gz", ".ko.xz", ".ko.zst" };
	size_t len = strlen(name), i;

	if (name[0] != '/')
		return false;
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		size_t n = strlen(exts[i]);

		if (len > n && !strcmp(name + len - n, exts[i]))
			return true;
	}
	return false;
}

uint64_t dso__name_hash(const char *name)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	if (!name)
		return 0;
	while (*name)
		h = (h ^ (unsigned char)*name++) * 1099511628211ULL;
	return h;
}

struct dso *dso__new(const char *long_name)
{
	struct dso *dso = zalloc(sizeof(*dso));
	int pid;

	if (!dso)
		return NULL;
	dso->refcnt = 1;
	INIT_LIST_HEAD(&dso->node);
	symbols__init(&dso->symbols);
	dso->long_name = strdup(long_name);
	if (!dso->long_name)
		goto out_free;

	if (!strncmp(long_name, "[kernel.kallsyms]", 17) ||
	    !strncmp(long_name, "[guest.kernel.kallsyms", 22)) {
		dso->kind = DSO_KIND_KERNEL;
		dso->short_name = strdup("[kernel.kallsyms]");
		/* The map name may carry the reference symbol: "[kernel.kallsyms]_text". */
		dso->long_name[strcspn(dso->long_name, "]") + 1] = '\0';
	} else if (is_vdso_name(long_name)) {
		dso->kind = DSO_KIND_VDSO;
		dso->short_name = strdup(long_name);
	} else if (sscanf(long_name, "/tmp/perf-%d.map", &pid) == 1) {
		dso->kind = DSO_KIND_JIT_MAP;
		dso->jit_pid = pid;
		if (asprintf(&dso->short_name, "[JIT] tid %d", pid) < 0)
			dso->short_name = NULL;
	} else if (long_name[0] == '[' || !strncmp(long_name, "/SYSV", 5) ||
		   !strncmp(long_name, "//anon", 6)) {
		dso->kind = DSO_KIND_NO_FILE;
		dso->short_name = strdup(path_basename(long_name));
	} else if (is_module_path(long_name)) {
		dso->kind = DSO_KIND_MODULE;
		dso->short_name = module_short_name(long_name);
	} else {
		dso->kind = DSO_KIND_FILE;
		dso->short_name = strdup(path_basename(long_name));
	}
	if (!dso->short_name)
		goto out_free;
	dso->short_name_hash = dso__name_hash(dso->short_name);
	return dso;

out_free:
	free(dso->long_name);
	free(dso);
	return NULL;
}

struct dso *dso__get(struct dso *dso)
{
	if (dso)
		dso->refcnt++;
	return dso;
}

static void dso__delete(struct dso *dso)
{
	symbols__exit(&dso->symbols);
	srcline__cache_delete(dso);
	dso__a2l_index_delete(dso);
	if (dso->priv && dso->priv_free)
		dso->priv_free(dso->priv);
	free(dso->long_name);
	free(dso->short_name);
	free(dso->symtab_path);
	free(dso->runtime_path);
	free(dso->segs);
	free(dso->kernel_ref_name);
	free(dso);
}

void dso__put(struct dso *dso)
{
	if (dso && --dso->refcnt == 0)
		dso__delete(dso);
}

int dso__set_short_name(struct dso *dso, const char *name)
{
	char *s = strdup(name);

	if (!s)
		return -ENOMEM;
	free(dso->short_name);
	dso->short_name = s;
	dso->short_name_hash = dso__name_hash(s);
	return 0;
}

void dso__set_kind(struct dso *dso, enum dso_kind kind)
{
	dso->kind = kind;
}

void dso__set_build_id(struct dso *dso, const struct build_id *bid)
{
	dso->bid = *bid;
}

static int dso__load_module(struct dso *dso)
{
	struct dso *kernel = dso->dsos ? dsos__kernel(dso->dsos) : NULL;

	/* Module symbols come with the kernel's kallsyms. */
	if (kernel && !kernel->loaded)
		dso__load(kernel);
	if (!dso->loaded) {
		dso->loaded = true;
		symbols__sort(&dso->symbols);
		dso->symtab_origin = DSO_SYMTAB__KALLSYMS;
	}
	return (int)dso->symbols.nr;
}

int dso__load(struct dso *dso)
{
	int ret = 0;

	if (dso->loaded)
		return (int)dso->symbols.nr;
	switch (dso->kind) {
	case DSO_KIND_KERNEL:
		dso->loaded = true;
		ret = dso__load_kernel(dso);
		break;
	case DSO_KIND_MODULE:
		return dso__load_module(dso);
	case DSO_KIND_FILE:
	case DSO_KIND_VDSO:
		dso->loaded = true;
		ret = dso__load_elf(dso);
		break;
	case DSO_KIND_JIT_MAP:
		dso->loaded = true;
		ret = dso__load_jit_map(dso, dso->long_name);
		break;
	case DSO_KIND_NO_FILE:
	case DSO_KIND_KSYMBOL:
	default:
		dso->loaded = true;
		symbols__sort(&dso->symbols);
		break;
	}
	if (ret < 0 && !dso->load_err)
		dso->load_err = ret;
	if (!dso->symbols.sorted)
		symbols__sort(&dso->symbols);
	pr_debug2("dso %s: %zu symbols%s\n", dso->long_name, dso->symbols.nr,
		  ret < 0 ? " (load failed)" : "");
	return ret < 0 ? ret : (int)dso->symbols.nr;
}

struct symbol *dso__find_symbol(struct dso *dso, uint64_t addr)
{
	if (!dso->loaded)
		dso__load(dso);
	return symbols__find(&dso->symbols, addr);
}

struct symbol *dso__find_symbol_by_name(struct dso *dso, const char *name)
{
	if (!dso->loaded)
		dso__load(dso);
	return symbols__find_by_name(&dso->symbols, name);
}

struct symbol *dso__first_symbol(struct dso *dso)
{
	if (!dso->loaded)
		dso__load(dso);
	return symbols__first(&dso->symbols);
}

struct symbol *dso__next_symbol(struct dso *dso, const struct symbol *sym)
{
	return symbols__next(&dso->symbols, sym);
}

size_t dso__nr_symbols(struct dso *dso)
{
	if (!dso->loaded)
		dso__load(dso);
	return dso->symbols.nr;
}

uint64_t dso__addr_to_vaddr(const struct dso *dso, uint64_t addr)
{
	int i;

	for (i = 0; i < dso->nr_segs; i++) {
		const struct dso_segment *s = &dso->segs[i];

		if (addr >= s->offset && addr - s->offset < s->size)
			return addr - s->offset + s->vaddr;
	}
	return addr;
}

uint64_t dso__vaddr_to_addr(const struct dso *dso, uint64_t vaddr)
{
	int i;

	for (i = 0; i < dso->nr_segs; i++) {
		const struct dso_segment *s = &dso->segs[i];

		if (vaddr >= s->vaddr && vaddr - s->vaddr < s->size)
			return vaddr - s->vaddr + s->offset;
	}
	return vaddr;
}

int dso__strerror_load(const struct dso *dso, char *buf, size_t size)
{
	const char *msg;

	switch (dso->load_err) {
	case 0:
		msg = "no error";
		break;
	case DSO_LOAD_ERR__BUILD_ID_MISMATCH:
		msg = "build id mismatch";
		break;
	case DSO_LOAD_ERR__NO_SYMBOLS:
		msg = "no symbols found";
		break;
	case DSO_LOAD_ERR__NO_LIBELF:
		msg = "this perf binary was built without libelf support";
		break;
	case DSO_LOAD_ERR__KPTR_RESTRICT:
		msg = "kernel addresses are restricted (kernel.kptr_restrict)";
		break;
	default:
		msg = dso->load_err < 0 ? strerror(-dso->load_err) : "unknown error";
		break;
	}
	return snprintf(buf, size, "%s", msg);
}

const char *dso__name(const struct dso *dso, bool long_name)
{
	return long_name ? dso->long_name : dso->short_name;
}

const void *vdso__image(size_t *size)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)getauxval(AT_SYSINFO_EHDR);
	size_t sz;

	if (!eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS64)
		return NULL;
	/* The section headers come last in the vdso image. */
	sz = eh->e_shoff + (size_t)eh->e_shnum * eh->e_shentsize;
	if (sz < sizeof(*eh) || sz > (1 << 20))
		return NULL;
	*size = sz;
	return eh;
}

/* ---- dsos ---- */

static size_t name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return (size_t)h;
}

void dsos__init(struct dsos *dsos)
{
	memset(dsos, 0, sizeof(*dsos));
	INIT_LIST_HEAD(&dsos->head);
}

void dsos__exit(struct dsos *dsos)
{
	struct dso *pos, *n;

	list_for_each_entry_safe(pos, n, &dsos->head, node) {
		list_del_init(&pos->node);
		pos->dsos = NULL;
		pos->hash_next = NULL;
		dso__put(pos);
	}
	free(dsos->hash);
	dsos__init(dsos);
}

static int dsos__grow(struct dsos *dsos)
{
	size_t n = dsos->hash_size ? dsos->hash_size * 2 : 64, i;
	struct dso **h = calloc(n, sizeof(*h));

	if (!h)
		return -ENOMEM;
	for (i = 0; i < dsos->hash_size; i++) {
		struct dso *d = dsos->hash[i], *next;

		for (; d; d = next) {
			size_t b = name_hash(d->long_name) & (n - 1);

			next = d->hash_next;
			d->hash_next = h[b];
			h[b] = d;
		}
	}
	free(dsos->hash);
	dsos->hash = h;
	dsos->hash_size = n;
	return 0;
}

int dsos__add(struct dsos *dsos, struct dso *dso)
{
	size_t b;

	if (dsos->nr >= dsos->hash_size && dsos__grow(dsos))
		return -ENOMEM;
	b = name_hash(dso->long_name) & (dsos->hash_size - 1);
	dso->hash_next = dsos->hash[b];
	dsos->hash[b] = dso__get(dso);
	dso->dsos = dsos;
	list_add_tail(&dso->node, &dsos->head);
	dsos->nr++;
	return 0;
}

struct dso *dsos__find(struct dsos *dsos, const char *long_name)
{
	struct dso *d;

	if (!dsos->hash_size)
		return NULL;
	for (d = dsos->hash[name_hash(long_name) & (dsos->hash_size - 1)]; d;
	     d = d->hash_next)
		if (!strcmp(d->long_name, long_name))
			return dso__get(d);
	return NULL;
}

struct dso *dsos__find_by_short_name(struct dsos *dsos, const char *short_name)
{
	struct dso *pos;

	dsos__for_each(dsos, pos)
		if (!strcmp(pos->short_name, short_name))
			return dso__get(pos);
	return NULL;
}

struct dso *dsos__findnew(struct dsos *dsos, const char *long_name)
{
	struct dso *dso = dsos__find(dsos, long_name);

	if (dso)
		return dso;
	dso = dso__new(long_name);
	if (!dso)
		return NULL;
	/* A kernel map name is trimmed to "[kernel.kallsyms]": look again. */
	if (strcmp(dso->long_name, long_name)) {
		struct dso *old = dsos__find(dsos, dso->long_name);

		if (old) {
			dso__put(dso);
			return old;
		}
	}
	if (dsos__add(dsos, dso)) {
		dso__put(dso);
		return NULL;
	}
	return dso;
}

struct dso *dsos__kernel(struct dsos *dsos)
{
	struct dso *pos;

	dsos__for_each(dsos, pos)
		if (pos->kind == DSO_KIND_KERNEL)
			return pos;
	return NULL;
}
