// SPDX-License-Identifier: GPL-2.0
/*
 * The unwinding front end: backend choice (unwind.backend), the caches
 * both backends share (each dso's mapped ELF image, each address space's
 * modules), the per-sample walk state with its register and memory
 * readers, and the delivery of frames with their map and symbol.
 * Needs no library: the backends are util/unwind-libdw.c and
 * util/unwind-libunwind.c.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/perf_event.h>

#include "config.h"
#include "debug.h"
#include "dso.h"
#include "header.h"
#include "machine.h"
#include "map.h"
#include "maps.h"
#include "srcline.h"
#include "symbol.h"
#include "thread.h"
#include "unwind-internal.h"
#include "unwind.h"
#include "zalloc.h"

/* ---- backend choice ---- */

static struct {
	enum unwind_backend forced;	/* unwind__set_backend() */
	enum unwind_backend config;	/* unwind.backend */
	bool config_read;
} unwind_choice;

static const struct unwind_ops *unwind_backend__ops(enum unwind_backend backend)
{
	switch (backend) {
	case UNWIND_BACKEND__LIBDW:
		return unwind_libdw__get_ops();
	case UNWIND_BACKEND__LIBUNWIND:
		return unwind_libunwind__get_ops();
	default:
		return NULL;
	}
}

bool unwind__backend_built(enum unwind_backend backend)
{
	return unwind_backend__ops(backend) != NULL;
}

const char *unwind_backend__name(enum unwind_backend backend)
{
	switch (backend) {
	case UNWIND_BACKEND__LIBDW:
		return "libdw";
	case UNWIND_BACKEND__LIBUNWIND:
		return "libunwind";
	default:
		return "none";
	}
}

int unwind_backend__parse(const char *name, enum unwind_backend *backend)
{
	if (name && !strcmp(name, "libdw"))
		*backend = UNWIND_BACKEND__LIBDW;
	else if (name && !strcmp(name, "libunwind"))
		*backend = UNWIND_BACKEND__LIBUNWIND;
	else
		return -EINVAL;
	return 0;
}

int unwind__config(const char *var, const char *value, void *data __maybe_unused)
{
	enum unwind_backend backend;

	if (strcmp(var, "unwind.backend"))
		return 0;
	if (unwind_backend__parse(value, &backend)) {
		pr_err("bad config value for 'unwind.backend': '%s' (libdw or libunwind)\n",
		       value ? value : "");
		return -EINVAL;
	}
	if (!unwind__backend_built(backend)) {
		pr_debug("unwind.backend=%s: not built in, using the default\n", value);
		return 0;
	}
	unwind_choice.config = backend;
	unwind_choice.config_read = true;
	return 0;
}

enum unwind_backend unwind__backend(void)
{
	if (unwind_choice.forced)
		return unwind_choice.forced;
	if (!unwind_choice.config_read) {
		/* A bad value was reported by unwind__config(); the default applies. */
		unwind_choice.config_read = true;
		perf_config(unwind__config, NULL);
	}
	if (unwind_choice.config)
		return unwind_choice.config;
	if (unwind__backend_built(UNWIND_BACKEND__LIBDW))
		return UNWIND_BACKEND__LIBDW;
	if (unwind__backend_built(UNWIND_BACKEND__LIBUNWIND))
		return UNWIND_BACKEND__LIBUNWIND;
	return UNWIND_BACKEND__NONE;
}

struct unwind_stats unwind_counters;

void unwind__stats(struct unwind_stats *stats)
{
	*stats = unwind_counters;
}

int unwind__set_backend(enum unwind_backend backend)
{
	if (!unwind__backend_built(backend))
		return -ENOTSUP;
	unwind_choice.forced = backend;
	return 0;
}

bool unwind__attr_has_user_stack(const struct perf_event_attr *attr)
{
	uint64_t need = PERF_SAMPLE_REGS_USER | PERF_SAMPLE_STACK_USER;

	return (attr->sample_type & need) == need;
}

/* ---- dso images ---- */

static void unwind_image__free(void *priv)
{
	struct unwind_image *img = priv;

	if (!img)
		return;
	if (img->mapped)
		munmap(img->data, img->size);
	else
		free(img->data);
	free(img->loads);
	free(img->path);
	free(img->debug_path);
	free(img);
}

static int unwind_image__map_file(struct unwind_image *img, const char *path)
{
	struct stat st;
	void *p;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size < EI_NIDENT) {
		close(fd);
		return -EINVAL;
	}
	/* Read-only: libelf and libunwind only ever read the image. */
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return -errno;
	img->data = p;
	img->size = (size_t)st.st_size;
	img->mapped = true;
	return 0;
}

static int unwind_image__add_load(struct unwind_image *img, uint64_t vaddr, uint64_t offset,
				  uint64_t filesz, uint64_t memsz, uint64_t align, uint32_t flags)
{
	struct unwind_load *l = realloc(img->loads, (img->nr_loads + 1) * sizeof(*l));

	if (!l)
		return -ENOMEM;
	img->loads = l;
	l += img->nr_loads;
	l->vaddr = vaddr;
	l->offset = offset;
	/* Never trust the header: what lies beyond the file is not there. */
	l->filesz = offset > img->size ? 0 : filesz > img->size - offset ? img->size - offset : filesz;
	l->memsz = memsz;
	l->flags = flags;
	if (!img->nr_loads++)
		img->first_vaddr = align > 1 && !(align & (align - 1)) ? vaddr & ~(align - 1) : vaddr;
	if (vaddr + memsz > img->end_vaddr)
		img->end_vaddr = vaddr + memsz;
	return 0;
}

/* The program headers, for both ELF classes: PT_LOADs and PT_GNU_EH_FRAME. */
static int unwind_image__parse(struct unwind_image *img)
{
	const unsigned char *d = img->data;
	uint64_t phoff, i;
	unsigned int phnum, phentsize;
	int err;

	if (memcmp(d, ELFMAG, SELFMAG))
		return -EINVAL;
	/* The unwinders read words in host order. */
	if (d[EI_DATA] != (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB))
		return -EINVAL;
	img->elf_class = d[EI_CLASS];
	if (img->elf_class == ELFCLASS64) {
		Elf64_Ehdr eh;

		if (img->size < sizeof(eh))
			return -EINVAL;
		memcpy(&eh, d, sizeof(eh));
		img->e_machine = eh.e_machine;
		img->e_type = eh.e_type;
		phoff = eh.e_phoff;
		phnum = eh.e_phnum;
		phentsize = eh.e_phentsize;
		if (phentsize < sizeof(Elf64_Phdr))
			return -EINVAL;
	} else if (img->elf_class == ELFCLASS32) {
		Elf32_Ehdr eh;

		if (img->size < sizeof(eh))
			return -EINVAL;
		memcpy(&eh, d, sizeof(eh));
		img->e_machine = eh.e_machine;
		img->e_type = eh.e_type;
		phoff = eh.e_phoff;
		phnum = eh.e_phnum;
		phentsize = eh.e_phentsize;
		if (phentsize < sizeof(Elf32_Phdr))
			return -EINVAL;
	} else {
		return -EINVAL;
	}
	if (phoff > img->size || (uint64_t)phnum * phentsize > img->size - phoff)
		return -EINVAL;

	for (i = 0; i < phnum; i++) {
		const unsigned char *p = d + phoff + i * phentsize;
		uint64_t type, vaddr, offset, filesz, memsz, align;
		uint32_t flags;

		if (img->elf_class == ELFCLASS64) {
			Elf64_Phdr ph;

			memcpy(&ph, p, sizeof(ph));
			type = ph.p_type; vaddr = ph.p_vaddr; offset = ph.p_offset;
			filesz = ph.p_filesz; memsz = ph.p_memsz; align = ph.p_align;
			flags = ph.p_flags;
		} else {
			Elf32_Phdr ph;

			memcpy(&ph, p, sizeof(ph));
			type = ph.p_type; vaddr = ph.p_vaddr; offset = ph.p_offset;
			filesz = ph.p_filesz; memsz = ph.p_memsz; align = ph.p_align;
			flags = ph.p_flags;
		}
		if (type == PT_LOAD) {
			err = unwind_image__add_load(img, vaddr, offset, filesz, memsz, align, flags);
			if (err)
				return err;
		} else if (type == PT_GNU_EH_FRAME) {
			img->eh_frame_hdr = vaddr;
			img->eh_frame_hdr_size = filesz;
		}
	}
	return img->nr_loads ? 0 : -EINVAL;
}

static int unwind_image__open(struct unwind_image *img, struct dso *dso)
{
	int err;

	if (!dso->loaded)
		dso__load(dso);
	if (dso->runtime_path) {
		err = unwind_image__map_file(img, dso->runtime_path);
		if (err)
			return err;
		img->path = strdup(dso->runtime_path);
		if (!img->path)
			return -ENOMEM;
		if (dso->symtab_path && strcmp(dso->symtab_path, dso->runtime_path)) {
			img->debug_path = strdup(dso->symtab_path);
			if (!img->debug_path)
				return -ENOMEM;
		}
	} else if (dso->kind == DSO_KIND_VDSO && dso->symtab_origin == DSO_SYMTAB__VDSO_MEMORY) {
		/* Symbols came from our own vdso, so the build-ids agreed. */
		size_t size = 0;
		const void *vdso = vdso__image(&size);

		if (!vdso)
			return -ENOENT;
		img->data = malloc(size);
		if (!img->data)
			return -ENOMEM;
		memcpy(img->data, vdso, size);
		img->size = size;
	} else {
		return -ENOENT;
	}
	return unwind_image__parse(img);
}

struct unwind_image *dso__unwind_image(struct dso *dso)
{
	struct unwind_image *img;
	int err;

	if (dso->priv)
		return dso->priv_free == unwind_image__free && ((struct unwind_image *)dso->priv)->data ?
		       dso->priv : NULL;
	if (dso->kind != DSO_KIND_FILE && dso->kind != DSO_KIND_VDSO)
		return NULL;
	img = zalloc(sizeof(*img));
	if (!img)
		return NULL;
	err = unwind_image__open(img, dso);
	if (err) {
		pr_debug("unwind: no ELF image for %s: %s\n", dso->long_name, strerror(-err));
		/* Keep the failure (an image without data) so it is not retried. */
		if (img->mapped)
			munmap(img->data, img->size);
		else
			free(img->data);
		img->data = NULL;
		img->mapped = false;
	} else {
		unwind_counters.images++;
	}
	dso->priv = img;
	dso->priv_free = unwind_image__free;
	return img->data ? img : NULL;
}

const unsigned char *unwind_image__at(const struct unwind_image *img, uint64_t vaddr,
				      uint64_t *avail)
{
	int i;

	for (i = 0; i < img->nr_loads; i++) {
		const struct unwind_load *l = &img->loads[i];

		if (vaddr >= l->vaddr && vaddr - l->vaddr < l->filesz) {
			/*
			 * The mapping goes on to the end of the page with the
			 * bytes that follow in the file: libunwind reads the last
			 * 4-byte table entry of a segment as an 8-byte word.
			 */
			*avail = img->size - (l->offset + (vaddr - l->vaddr));
			return img->data + l->offset + (vaddr - l->vaddr);
		}
	}
	return NULL;
}

/* ---- address spaces ---- */

static void unwind_space__drop(struct unwind_space *space)
{
	size_t i;
	int b;

	for (b = 0; b < UNWIND_BACKEND__NR; b++) {
		if (space->priv[b] && space->priv_free[b])
			space->priv_free[b](space->priv[b]);
		space->priv[b] = NULL;
	}
	for (i = 0; i < space->nr_mods; i++) {
		dso__put(space->mods[i]->dso);
		free(space->mods[i]);
	}
	space->nr_mods = 0;
	space->last = NULL;
}

static void unwind_space__free(void *priv)
{
	struct unwind_space *space = priv;

	unwind_space__drop(space);
	free(space->syms);
	free(space->mods);
	free(space);
}

/*
 * The layout changed (a map was added or replaced). Modules whose maps
 * are all still in place keep everything the backends built for them;
 * when one is gone, start again.
 */
static void unwind_space__revalidate(struct unwind_space *space)
{
	size_t i;

	for (i = 0; i < space->nr_mods; i++) {
		struct unwind_module *m = space->mods[i];
		struct map *map = maps__find(space->maps, m->map_start);

		if (!map || map->start != m->map_start || map->pgoff != m->map_pgoff ||
		    map->dso != m->dso) {
			pr_debug2("unwind: address space of pid %d changed, modules dropped\n",
				  (int)space->maps->pid);
			unwind_space__drop(space);
			break;
		}
	}
	space->generation = space->maps->generation;
}

static struct unwind_space *maps__unwind_space(struct maps *maps, const struct unwind_arch *arch)
{
	struct unwind_space *space = maps->priv;

	if (space) {
		if (maps->priv_free != unwind_space__free)
			return NULL;
		if (space->arch != arch) {
			unwind_space__drop(space);
			space->arch = arch;
		}
		if (space->generation != maps->generation) {
			unwind_space__revalidate(space);
			/* The maps the cached frames point to may be gone. */
			if (space->syms)
				memset(space->syms, 0,
				       sizeof(*space->syms) << UNWIND_SYM_CACHE_BITS);
		}
		return space;
	}
	space = zalloc(sizeof(*space));
	if (!space)
		return NULL;
	space->maps = maps;
	space->arch = arch;
	space->generation = maps->generation;
	maps->priv = space;
	maps->priv_free = unwind_space__free;
	return space;
}

/*
 * The PT_LOAD that file offset @pgoff of a map with @prot comes from.
 * The loader maps each segment from its offset rounded down to a page
 * (up to 64K on some arm64 kernels), so a map can start below its
 * segment, and two segments can share a page: the one whose
 * executability matches the map's wins (default recordings only have
 * executable maps), then one containing @pgoff, then the nearest above.
 */
static const struct unwind_load *unwind_image__load_at(const struct unwind_image *img,
						      uint64_t pgoff, uint32_t prot)
{
	const struct unwind_load *best = NULL;
	bool want_exec = !prot || (prot & PROT_EXEC);
	int i, best_score = 0;

	for (i = 0; i < img->nr_loads; i++) {
		const struct unwind_load *l = &img->loads[i];
		int score;

		if (pgoff >= l->offset && pgoff - l->offset < (l->filesz ? l->filesz : 1))
			score = 2;
		else if (pgoff < l->offset && l->offset - pgoff < 0x10000)
			score = 1;
		else
			continue;
		if (!!(l->flags & PF_X) == want_exec)
			score += 4;
		if (score > best_score) {
			best = l;
			best_score = score;
		}
	}
	return best;
}

struct unwind_module *unwind_space__module(struct unwind_space *space, uint64_t addr,
					   bool *added)
{
	struct unwind_module *m, **mods;
	const struct unwind_load *l;
	struct unwind_image *img;
	struct map *map;
	size_t i;

	*added = false;
	if (space->last && addr >= space->last->lo && addr < space->last->hi)
		return space->last;
	for (i = 0; i < space->nr_mods; i++) {
		m = space->mods[i];
		if (addr >= m->lo && addr < m->hi)
			return space->last = m;
	}

	map = maps__find(space->maps, addr);
	if (!map || map->identity || !map->dso)
		return NULL;
	img = dso__unwind_image(map->dso);
	if (!img)
		return NULL;
	l = unwind_image__load_at(img, map->pgoff, map->prot);
	if (!l)
		return NULL;
	m = zalloc(sizeof(*m));
	if (!m)
		return NULL;
	m->bias = map->start - map->pgoff - (l->vaddr - l->offset);
	m->lo = m->bias + img->first_vaddr;
	m->hi = m->bias + img->end_vaddr;
	if (addr < m->lo || addr >= m->hi) {
		/* The map and the file disagree (another file at that path now?). */
		pr_debug2("unwind: %s does not cover %#" PRIx64 " as mapped\n",
			  map->dso->long_name, addr);
		free(m);
		return NULL;
	}
	m->map_start = map->start;
	m->map_pgoff = map->pgoff;
	m->dso = dso__get(map->dso);
	m->img = img;
	if (space->nr_mods == space->alloc_mods) {
		size_t n = space->alloc_mods ? space->alloc_mods * 2 : 16;

		mods = realloc(space->mods, n * sizeof(*mods));
		if (!mods) {
			dso__put(m->dso);
			free(m);
			return NULL;
		}
		space->mods = mods;
		space->alloc_mods = n;
	}
	space->mods[space->nr_mods++] = m;
	unwind_counters.modules++;
	*added = true;
	return space->last = m;
}

/* ---- one walk ---- */

int unwind_ctx__reg(const struct unwind_ctx *ctx, int bit, uint64_t *val)
{
	if (bit < 0 || bit > 63 || !(ctx->regs_mask & (1ULL << bit)))
		return -ENOENT;
	*val = ctx->regs[bit];
	return 0;
}

int unwind_ctx__dwarf_reg(const struct unwind_ctx *ctx, unsigned int regno, uint64_t *val)
{
	if (regno >= ctx->arch->nr_dwarf)
		return -ENOENT;
	return unwind_ctx__reg(ctx, ctx->arch->dwarf_to_perf[regno], val);
}

static uint64_t unwind_ctx__load(const struct unwind_ctx *ctx, const unsigned char *p)
{
	if (unwind_arch__word_size(ctx->arch) == 4) {
		uint32_t v;

		memcpy(&v, p, 4);
		return v;
	} else {
		uint64_t v;

		memcpy(&v, p, 8);
		return v;
	}
}

bool unwind_ctx__read_stack(const struct unwind_ctx *ctx, uint64_t addr, uint64_t *val)
{
	unsigned int size = unwind_arch__word_size(ctx->arch);

	/*
	 * The reference never reads the dump's last word (its bound check
	 * is one word short); neither do we, so that a truncated stack ends
	 * at the same frame in both.
	 */
	if (addr < ctx->sp || addr - ctx->sp >= ctx->stack_size ||
	    ctx->stack_size - (addr - ctx->sp) <= size)
		return false;
	*val = unwind_ctx__load(ctx, ctx->stack + (addr - ctx->sp));
	return true;
}

bool unwind_ctx__read_word(struct unwind_ctx *ctx, uint64_t addr, uint64_t *val)
{
	unsigned int size = unwind_arch__word_size(ctx->arch);
	const unsigned char *p;
	struct unwind_module *m;
	uint64_t avail;
	bool added;

	if (unwind_ctx__read_stack(ctx, addr, val))
		return true;
	m = unwind_space__module(ctx->space, addr, &added);
	if (!m)
		return false;
	p = unwind_image__at(m->img, addr - m->bias, &avail);
	if (!p || avail < size)
		return false;
	*val = unwind_ctx__load(ctx, p);
	return true;
}

int unwind_ctx__read_mapped(struct unwind_ctx *ctx, uint64_t addr, uint64_t *val)
{
	unsigned int size = unwind_arch__word_size(ctx->arch);
	struct map *map = maps__find(ctx->space->maps, addr);
	struct unwind_image *img;
	uint64_t off;

	if (!map)
		return -ENOENT;
	img = map->identity || !map->dso ? NULL : dso__unwind_image(map->dso);
	off = addr - map->start + map->pgoff;
	if (!img || off > img->size || img->size - off < size)
		return -EIO;
	*val = unwind_ctx__load(ctx, img->data + off);
	return 0;
}

/*
 * The map and symbol of @ip, through the space's cache: most samples
 * repeat the frames of others, and a symbol search per frame was a
 * good part of the walk.
 */
static void unwind_ctx__resolve(struct unwind_ctx *ctx, struct unwind_entry *e)
{
	struct unwind_space *space = ctx->space;
	struct unwind_sym_slot *slot = NULL;

	if (!space->syms)
		space->syms = calloc(1UL << UNWIND_SYM_CACHE_BITS, sizeof(*space->syms));
	if (space->syms) {
		uint64_t h = (e->ip ^ (e->ip >> 15)) * 0x9e3779b97f4a7c15ULL;

		slot = &space->syms[h >> (64 - UNWIND_SYM_CACHE_BITS)];
		if (slot->valid && slot->ip == e->ip) {
			e->map = slot->map;
			e->sym = slot->sym;
			return;
		}
	}
	thread__find_symbol(ctx->thread, PERF_RECORD_MISC_USER, e->ip, &ctx->al);
	e->map = ctx->al.map;
	e->sym = ctx->al.sym;
	if (slot) {
		slot->ip = e->ip;
		slot->map = e->map;
		slot->sym = e->sym;
		slot->valid = true;
	}
}

int unwind_ctx__emit(struct unwind_ctx *ctx, uint64_t ip)
{
	struct unwind_entry e = { .ip = ip };
	int ret;

	unwind_ctx__resolve(ctx, &e);
	ret = ctx->cb(&e, ctx->arg);
	ctx->nr++;
	unwind_counters.frames++;
	if (ret) {
		ctx->stop = ret;
		return ret;
	}
	return ctx->nr >= ctx->max_stack;
}

static int unwind_ctx__init(struct unwind_ctx *ctx, struct thread *thread,
			    const struct perf_sample *sample)
{
	const struct regs_dump *ur = &sample->user_regs;
	struct machine *machine = thread->maps ? thread->maps->machine : NULL;
	uint64_t mask;
	int bit, i = 0;

	if (!thread->maps)
		return -ENODATA;
	if (!ur->regs || !ur->mask || ur->abi == PERF_SAMPLE_REGS_ABI_NONE)
		return -ENODATA;
	ctx->arch = unwind_arch__find(perf_env__arch(machine ? machine->env : NULL), ur->abi);
	if (!ctx->arch)
		return -ENOTSUP;
	/* The record holds one u64 per mask bit, in bit order. */
	for (mask = ur->mask; mask; mask &= mask - 1) {
		bit = __builtin_ctzll(mask);
		ctx->regs[bit] = ur->regs[i++];
	}
	unwind_counters.reg_copies++;
	ctx->regs_mask = ur->mask;
	if (unwind_ctx__reg(ctx, ctx->arch->perf_sp, &ctx->sp) ||
	    !(ur->mask & (1ULL << ctx->arch->perf_ip)))
		return -ENODATA;
	/*
	 * Without a stack (an exec, a kernel thread's user part) the
	 * reference shows no user frame at all, not even the pc.
	 */
	ctx->stack = (const unsigned char *)sample->user_stack.data;
	ctx->stack_size = ctx->stack ? sample->user_stack.size : 0;
	if (!ctx->stack_size)
		return -ENODATA;
	ctx->space = maps__unwind_space(thread->maps, ctx->arch);
	if (!ctx->space)
		return -ENOMEM;
	ctx->thread = thread;
	return 0;
}

int unwind__get_entries(unwind_entry_cb cb, void *arg, struct thread *thread,
			struct perf_sample *sample, int max_stack, bool best_effort)
{
	const struct unwind_ops *ops = unwind_backend__ops(unwind__backend());
	struct unwind_ctx ctx;
	int err;

	if (!ops)
		return best_effort ? 0 : -ENOTSUP;
	memset(&ctx, 0, sizeof(ctx));
	addr_location__init(&ctx.al);
	err = unwind_ctx__init(&ctx, thread, sample);
	if (err) {
		pr_debug3("unwind: sample of tid %d not unwound: %s\n", thread->tid, strerror(-err));
		goto out;
	}
	ctx.cb = cb;
	ctx.arg = arg;
	ctx.max_stack = max_stack > 0 ? max_stack : UNWIND_MAX_STACK_DEFAULT;
	unwind_counters.samples++;
	err = ops->get_entries(&ctx);
	/* Frames were delivered: whatever stopped the walk was its end. */
	if (ctx.nr && err < 0)
		err = 0;
	if (ctx.stop)
		err = ctx.stop;
out:
	addr_location__exit(&ctx.al);
	if (err < 0 && best_effort)
		err = 0;
	return err;
}

/* ---- inline frames ---- */

const struct inline_node *unwind_entry__inline_node(const struct unwind_entry *entry)
{
	if (!symbol_conf.inline_name || !entry->map || !entry->sym || !entry->map->dso)
		return NULL;
	return dso__inline_node(entry->map->dso, map__map_ip(entry->map, entry->ip));
}
