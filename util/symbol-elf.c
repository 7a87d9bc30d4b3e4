// SPDX-License-Identifier: GPL-2.0
/*
 * ELF symbol tables through libelf: choosing the image that has the
 * symbols (debug files, build-id cache, the binary), the reference's
 * filter of which ELF symbols count, moving them to file offsets, and
 * synthesizing PLT entries.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "debug.h"
#include "demangle.h"
#include "dso.h"
#include "symbol-elf.h"
#include "zalloc.h"

/* One opened candidate image. */
struct symsrc {
	char *path;
	enum dso_symtab_origin origin;
	int fd;
	void *mem;		/* image copied from memory (vdso), or NULL */
	Elf *elf;
	GElf_Ehdr ehdr;
	size_t shstrndx;
	Elf_Scn *symtab;
	GElf_Shdr symshdr;
	Elf_Scn *dynsym;
	GElf_Shdr dynshdr;
	size_t dynsym_idx;
	bool loadable;		/* has real code bytes, not a debug-only file */
};

static bool libelf_ready(void)
{
	static int state;	/* 0 unknown, 1 ok, -1 failed */

	if (!state)
		state = elf_version(EV_CURRENT) == EV_NONE ? -1 : 1;
	return state > 0;
}

static Elf_Scn *elf_section_by_name(Elf *elf, size_t shstrndx, const char *name,
				    GElf_Shdr *shdr, size_t *idx)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		const char *n;

		if (!gelf_getshdr(scn, shdr))
			continue;
		n = elf_strptr(elf, shstrndx, shdr->sh_name);
		if (n && !strcmp(n, name)) {
			if (idx)
				*idx = elf_ndxscn(scn);
			return scn;
		}
	}
	return NULL;
}

static void symsrc__exit(struct symsrc *ss)
{
	if (ss->elf)
		elf_end(ss->elf);
	if (ss->fd >= 0)
		close(ss->fd);
	free(ss->mem);
	free(ss->path);
	memset(ss, 0, sizeof(*ss));
	ss->fd = -1;
}

/* Finish opening: headers, symbol sections, build-id check. */
static int symsrc__setup(struct symsrc *ss, struct dso *dso)
{
	GElf_Shdr shdr;
	Elf_Scn *text;

	if (elf_kind(ss->elf) != ELF_K_ELF || !gelf_getehdr(ss->elf, &ss->ehdr) ||
	    elf_getshdrstrndx(ss->elf, &ss->shstrndx))
		return -EINVAL;

	/* Memory images are checked by their opener. */
	if (!ss->mem && build_id__is_defined(&dso->bid)) {
		struct build_id bid;
		size_t size = 0;
		/* The image libelf mapped already: no second open and reads. */
		const char *raw = elf_rawfile(ss->elf, &size);
		int err = raw ? elf_image__read_build_id(raw, size, &bid) :
				filename__read_build_id(ss->path, &bid);

		if (!err && !build_id__equal(&bid, &dso->bid)) {
			pr_debug("%s: build id mismatch for %s.\n", __func__, ss->path);
			dso->load_err = DSO_LOAD_ERR__BUILD_ID_MISMATCH;
			return -EINVAL;
		}
	}

	ss->symtab = elf_section_by_name(ss->elf, ss->shstrndx, ".symtab", &ss->symshdr, NULL);
	if (ss->symtab && ss->symshdr.sh_type != SHT_SYMTAB)
		ss->symtab = NULL;
	ss->dynsym = elf_section_by_name(ss->elf, ss->shstrndx, ".dynsym", &ss->dynshdr,
					 &ss->dynsym_idx);
	if (ss->dynsym && ss->dynshdr.sh_type != SHT_DYNSYM)
		ss->dynsym = NULL;
	text = elf_section_by_name(ss->elf, ss->shstrndx, ".text", &shdr, NULL);
	ss->loadable = text ? shdr.sh_type == SHT_PROGBITS : ss->ehdr.e_phnum > 0;
	return 0;
}

static int symsrc__open(struct symsrc *ss, struct dso *dso, const char *path,
			enum dso_symtab_origin origin)
{
	struct stat st;
	int err;

	memset(ss, 0, sizeof(*ss));
	ss->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (ss->fd < 0)
		return -errno;
	if (fstat(ss->fd, &st) || !S_ISREG(st.st_mode)) {
		close(ss->fd);
		ss->fd = -1;
		return -EINVAL;
	}
	ss->path = strdup(path);
	ss->origin = origin;
	ss->elf = elf_begin(ss->fd, ELF_C_READ_MMAP, NULL);
	if (!ss->path || !ss->elf) {
		symsrc__exit(ss);
		return -EINVAL;
	}
	err = symsrc__setup(ss, dso);
	if (err)
		symsrc__exit(ss);
	return err;
}

/* This process's vdso: the same kernel, so the same image when build-ids agree. */
static int symsrc__open_vdso_memory(struct symsrc *ss, struct dso *dso)
{
	struct build_id bid;
	size_t size = 0;
	const void *base = vdso__image(&size);
	int err;

	memset(ss, 0, sizeof(*ss));
	ss->fd = -1;
	if (!base)
		return -ENOENT;
	ss->mem = malloc(size);
	if (!ss->mem)
		return -ENOMEM;
	memcpy(ss->mem, base, size);
	if (build_id__is_defined(&dso->bid) &&
	    (elf_image__read_build_id(ss->mem, size, &bid) || !build_id__equal(&bid, &dso->bid))) {
		symsrc__exit(ss);
		return -ENOENT;
	}
	ss->path = strdup("[vdso]");
	ss->origin = DSO_SYMTAB__VDSO_MEMORY;
	ss->elf = elf_memory(ss->mem, size);
	if (!ss->path || !ss->elf) {
		symsrc__exit(ss);
		return -EINVAL;
	}
	err = symsrc__setup(ss, dso);
	if (err)
		symsrc__exit(ss);
	return err;
}

int filename__read_debuglink(const char *path, char *buf, size_t size)
{
	struct symsrc ss = { .fd = -1 };
	struct dso none = { .refcnt = 1 };
	Elf_Data *data;
	GElf_Shdr shdr;
	Elf_Scn *scn;
	int err;

	if (!libelf_ready())
		return -ENOTSUP;
	err = symsrc__open(&ss, &none, path, DSO_SYMTAB__NONE);
	if (err)
		return err;
	err = -ENODATA;
	scn = elf_section_by_name(ss.elf, ss.shstrndx, ".gnu_debuglink", &shdr, NULL);
	if (scn) {
		data = elf_getdata(scn, NULL);
		if (data && data->d_size > 0 &&
		    strnlen(data->d_buf, data->d_size) < data->d_size) {
			snprintf(buf, size, "%s", (const char *)data->d_buf);
			err = 0;
		}
	}
	symsrc__exit(&ss);
	return err;
}

/* ---- which symbols count ---- */

static bool sym__is_function(const GElf_Sym *sym)
{
	int type = GELF_ST_TYPE(sym->st_info);

	return (type == STT_FUNC || type == STT_GNU_IFUNC) && sym->st_name &&
	       sym->st_shndx != SHN_UNDEF;
}

static bool sym__is_object(const GElf_Sym *sym)
{
	return GELF_ST_TYPE(sym->st_info) == STT_OBJECT && sym->st_name &&
	       sym->st_shndx != SHN_UNDEF;
}

/* Assembler labels (NOTYPE) count when they are visible and in a text section. */
static bool sym__is_label(const GElf_Sym *sym)
{
	int vis = GELF_ST_VISIBILITY(sym->st_other);

	return GELF_ST_TYPE(sym->st_info) == STT_NOTYPE && sym->st_name &&
	       sym->st_shndx != SHN_UNDEF && sym->st_shndx != SHN_ABS &&
	       vis != STV_HIDDEN && vis != STV_INTERNAL;
}

/* ARM/AArch64 "$a", "$d", "$t", "$x" mapping symbols mark code kinds, not functions. */
static bool is_arm_mapping_symbol(const GElf_Ehdr *eh, const char *name)
{
	if (eh->e_machine != EM_ARM && eh->e_machine != EM_AARCH64)
		return false;
	return name[0] == '$' && strchr("adtx", name[1]) && name[1] &&
	       (name[2] == '\0' || name[2] == '.');
}

static char *demangle_for(struct dso *dso, const char *name)
{
	return symbol_conf.demangle ? demangle_sym(name, dso__is_kernel(dso)) : NULL;
}

/**
 * struct symtab_section - what load_symtab() needs of a symbol's section,
 * looked up once per section instead of once per symbol
 * @state:   0 not looked up yet, 1 symbols in it count, -1 they do not
 * @is_text: its name has "text" in it (where labels count)
 * @delta:   sh_addr - sh_offset, for addresses outside any PT_LOAD
 */
struct symtab_section {
	int state;
	bool is_text;
	uint64_t delta;
};

static void symtab_section__init(struct symtab_section *sec, struct symsrc *syms,
				 struct symsrc *runtime, size_t shndx)
{
	Elf_Scn *scn = elf_getscn(syms->elf, shndx);
	const char *secname;
	GElf_Shdr shdr;

	sec->state = -1;
	if (!scn || !gelf_getshdr(scn, &shdr))
		return;
	/* Not in memory at run time (.gnu.warning.*): never sampled. */
	if (!(shdr.sh_flags & SHF_ALLOC))
		return;
	secname = elf_strptr(syms->elf, syms->shstrndx, shdr.sh_name);
	/* A debug file's sections are NOBITS: take offsets from the binary. */
	if (shdr.sh_type == SHT_NOBITS && runtime && runtime != syms) {
		Elf_Scn *rscn = elf_getscn(runtime->elf, shndx);

		if (rscn && gelf_getshdr(rscn, &shdr))
			secname = elf_strptr(runtime->elf, runtime->shstrndx, shdr.sh_name);
	}
	sec->state = 1;
	sec->is_text = secname && strstr(secname, "text");
	sec->delta = shdr.sh_addr - shdr.sh_offset;
}

struct load_segment {
	uint64_t vaddr, memsz, offset;
};

/* The PT_LOAD segments of @elf, in header order; NULL (*nr 0) if none. */
static struct load_segment *load_segments(Elf *elf, size_t *nr)
{
	struct load_segment *segs;
	size_t i, n;

	*nr = 0;
	if (elf_getphdrnum(elf, &n) || !n)
		return NULL;
	segs = calloc(n, sizeof(*segs));
	if (!segs)
		return NULL;
	for (i = 0; i < n; i++) {
		GElf_Phdr ph;

		if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD)
			continue;
		segs[*nr].vaddr = ph.p_vaddr;
		segs[*nr].memsz = ph.p_memsz;
		segs[*nr].offset = ph.p_offset;
		(*nr)++;
	}
	return segs;
}

/* A symbol table entry, from the section's data in memory layout. */
static bool symtab__get(Elf_Data *data, bool is64, size_t i, GElf_Sym *sym)
{
	/* gelf_getsym() copies field by field and checks each call: read the array. */
	if (is64) {
		const Elf64_Sym *s = (const Elf64_Sym *)data->d_buf + i;

		sym->st_name = s->st_name;
		sym->st_info = s->st_info;
		sym->st_other = s->st_other;
		sym->st_shndx = s->st_shndx;
		sym->st_value = s->st_value;
		sym->st_size = s->st_size;
		return true;
	}
	return gelf_getsym(data, (int)i, sym) != NULL;
}

/*
 * Read the symbols of section @sec (.symtab or .dynsym) of @syms into
 * @dso, addresses moved to file offsets of @runtime's layout when
 * @adjust, and fix the table up (symbols__fixup()). Returns the count
 * read or -errno.
 */
static int load_symtab(struct dso *dso, struct symsrc *syms, Elf_Scn *sec,
		       const GElf_Shdr *secshdr, struct symsrc *runtime, bool adjust)
{
	struct symtab_section *secs = NULL;
	struct load_segment *segs = NULL;
	struct symbol_seed *seeds = NULL;
	char **owned = NULL;
	size_t i, j, nr_syms, nr_secs = 0, nr_segs = 0, nr_owned = 0;
	Elf_Data *data, *strs;
	Elf_Scn *strscn;
	bool is64;
	int nr = 0, err;

	data = elf_getdata(sec, NULL);
	strscn = elf_getscn(syms->elf, secshdr->sh_link);
	strs = strscn ? elf_getdata(strscn, NULL) : NULL;
	if (!data || !strs || !secshdr->sh_entsize)
		return -EINVAL;
	nr_syms = secshdr->sh_size / secshdr->sh_entsize;
	is64 = gelf_getclass(syms->elf) == ELFCLASS64 && data->d_type == ELF_T_SYM &&
	       data->d_buf && ((uintptr_t)data->d_buf & 7) == 0;
	if (is64 && nr_syms > data->d_size / sizeof(Elf64_Sym))
		nr_syms = data->d_size / sizeof(Elf64_Sym);
	if (elf_getshdrnum(syms->elf, &nr_secs))
		nr_secs = 0;
	secs = calloc(nr_secs ? nr_secs : 1, sizeof(*secs));
	seeds = malloc((nr_syms ? nr_syms : 1) * sizeof(*seeds));
	if (!secs || !seeds) {
		nr = -ENOMEM;
		goto out;
	}
	if (adjust)
		segs = load_segments(runtime ? runtime->elf : syms->elf, &nr_segs);

	for (i = 0; i < nr_syms; i++) {
		struct symtab_section *symsec;
		struct symbol_seed *sd;
		const char *name;
		char *demangled;
		size_t name_len;
		GElf_Sym sym;
		bool label;
		uint64_t value;

		if (!symtab__get(data, is64, i, &sym))
			continue;
		label = sym__is_label(&sym);
		if (!label && !sym__is_function(&sym) && !sym__is_object(&sym))
			continue;
		if (sym.st_name >= strs->d_size)
			continue;
		name = (const char *)strs->d_buf + sym.st_name;
		if (is_arm_mapping_symbol(&syms->ehdr, name))
			continue;
		if (sym.st_shndx == SHN_ABS || sym.st_shndx >= SHN_LORESERVE ||
		    sym.st_shndx >= nr_secs)
			continue;
		symsec = &secs[sym.st_shndx];
		if (!symsec->state)
			symtab_section__init(symsec, syms, runtime, sym.st_shndx);
		if (symsec->state < 0)
			continue;
		if (label && !symsec->is_text)
			continue;

		value = sym.st_value;
		/* Thumb functions have bit 0 set in their address. */
		if (syms->ehdr.e_machine == EM_ARM && GELF_ST_TYPE(sym.st_info) == STT_FUNC)
			value &= ~1ULL;
		if (adjust) {
			/* ELF address -> file offset through the PT_LOAD holding it. */
			for (j = 0; j < nr_segs; j++)
				if (value >= segs[j].vaddr && value < segs[j].vaddr + segs[j].memsz)
					break;
			if (j < nr_segs)
				value = value - segs[j].vaddr + segs[j].offset;
			else
				value -= symsec->delta;
		}

		/* A string table without its last NUL ends the name at its end. */
		name_len = strnlen(name, strs->d_size - sym.st_name);
		demangled = demangle_for(dso, name);
		if (demangled) {
			/* At most one per symbol read: room for all was reserved. */
			if (!owned && !(owned = malloc(nr_syms * sizeof(*owned)))) {
				free(demangled);
				nr = -ENOMEM;
				goto out;
			}
			owned[nr_owned++] = demangled;
			name = demangled;
			name_len = strlen(name);
		}
		sd = &seeds[nr];
		sd->start = value;
		sd->len = sym.st_size;
		sd->name = name;
		sd->name_len = name_len > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t)name_len;
		sd->binding = GELF_ST_BIND(sym.st_info);
		sd->type = GELF_ST_TYPE(sym.st_info);
		nr++;
	}
	err = symbols__add_seeds(&dso->symbols, seeds, (size_t)nr);
	if (err) {
		nr = err;
		goto out;
	}
	if (dso->kind == DSO_KIND_KERNEL)
		for (i = 0; i < dso->symbols.nr; i++)
			dso->symbols.entries[i]->idle = symbol__is_idle(dso->symbols.entries[i]->name);
out:
	for (i = 0; i < nr_owned; i++)
		free(owned[i]);
	free(owned);
	free(seeds);
	free(segs);
	free(secs);
	return nr;
}

/* PLT header and entry sizes per machine, as the reference assumes them. */
static void plt_sizes(const GElf_Ehdr *eh, const GElf_Shdr *plt,
		      uint64_t *header, uint64_t *entry)
{
	switch (eh->e_machine) {
	case EM_386:
	case EM_X86_64:
		*header = 16;
		*entry = 16;
		break;
	case EM_ARM:
		*header = 20;
		*entry = 12;
		break;
	case EM_AARCH64:
		*header = 32;
		*entry = 16;
		break;
	case EM_SPARC:
		*header = 48;
		*entry = 12;
		break;
	case EM_SPARCV9:
		*header = 128;
		*entry = 32;
		break;
	default:
		*header = plt->sh_entsize;
		*entry = plt->sh_entsize;
		break;
	}
}

/* "name@plt" for each .rela.plt/.rel.plt entry, in .plt order. Count added. */
static int synthesize_plt(struct dso *dso, struct symsrc *ss)
{
	GElf_Shdr plt, rel, dynshdr;
	Elf_Scn *scn_rel;
	Elf_Data *reldata, *syms, *strs;
	uint64_t header, entry, offset;
	size_t i, n;
	int nr = 0;

	if (!ss->dynsym)
		return 0;
	if (!elf_section_by_name(ss->elf, ss->shstrndx, ".plt", &plt, NULL))
		return 0;
	scn_rel = elf_section_by_name(ss->elf, ss->shstrndx, ".rela.plt", &rel, NULL);
	if (!scn_rel)
		scn_rel = elf_section_by_name(ss->elf, ss->shstrndx, ".rel.plt", &rel, NULL);
	if (!scn_rel || (rel.sh_type != SHT_RELA && rel.sh_type != SHT_REL) ||
	    rel.sh_link != ss->dynsym_idx || !rel.sh_entsize)
		return 0;
	dynshdr = ss->dynshdr;
	reldata = elf_getdata(scn_rel, NULL);
	syms = elf_getdata(ss->dynsym, NULL);
	strs = elf_getdata(elf_getscn(ss->elf, dynshdr.sh_link), NULL);
	if (!reldata || !syms || !strs || !strs->d_size)
		return 0;

	plt_sizes(&ss->ehdr, &plt, &header, &entry);
	offset = plt.sh_offset + header;
	n = rel.sh_size / rel.sh_entsize;
	for (i = 0; i < n; i++) {
		char name[1024], *demangled;
		const char *elf_name = "";
		struct symbol *s;
		GElf_Sym sym;
		size_t symidx;

		if (rel.sh_type == SHT_RELA) {
			GElf_Rela r;

			if (!gelf_getrela(reldata, (int)i, &r))
				continue;
			symidx = GELF_R_SYM(r.r_info);
		} else {
			GElf_Rel r;

			if (!gelf_getrel(reldata, (int)i, &r))
				continue;
			symidx = GELF_R_SYM(r.r_info);
		}
		if (gelf_getsym(syms, (int)symidx, &sym) && sym.st_name < strs->d_size)
			elf_name = (const char *)strs->d_buf + sym.st_name;
		demangled = demangle_for(dso, elf_name);
		snprintf(name, sizeof(name), "%s@plt", demangled ? demangled : elf_name);
		free(demangled);
		s = symbol__new(offset, entry, SYMBOL_BIND_GLOBAL, SYMBOL_TYPE_FUNC, name);
		if (!s || symbols__add(&dso->symbols, s))
			return -ENOMEM;
		offset += entry;
		nr++;
	}
	return nr;
}

static void dso__set_segments(struct dso *dso, Elf *elf)
{
	size_t i, n;
	int nr = 0;

	if (elf_getphdrnum(elf, &n) || !n)
		return;
	free(dso->segs);
	dso->segs = calloc(n, sizeof(*dso->segs));
	if (!dso->segs)
		return;
	for (i = 0; i < n; i++) {
		GElf_Phdr ph;

		if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD || !ph.p_filesz)
			continue;
		dso->segs[nr].offset = ph.p_offset;
		dso->segs[nr].vaddr = ph.p_vaddr;
		dso->segs[nr].size = ph.p_filesz;
		nr++;
	}
	dso->nr_segs = nr;
}

/* ---- candidates ---- */

#define MAX_CANDIDATES 13

struct candidate {
	char path[PATH_MAX];
	enum dso_symtab_origin origin;
};

static bool is_regular_file(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode);
}

static int add_candidate(struct candidate *c, int nr, enum dso_symtab_origin origin,
			 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int add_candidate(struct candidate *c, int nr, enum dso_symtab_origin origin,
			 const char *fmt, ...)
{
	va_list ap;
	int n;

	if (nr >= MAX_CANDIDATES)
		return nr;
	va_start(ap, fmt);
	n = vsnprintf(c[nr].path, sizeof(c[nr].path), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(c[nr].path))
		return nr;
	c[nr].origin = origin;
	return nr + 1;
}

static int file_candidates(struct dso *dso, struct candidate *c)
{
	const char *symfs = symbol_conf.symfs ? symbol_conf.symfs : "";
	char sys[PATH_MAX], dir[PATH_MAX], link[PATH_MAX], buf[PATH_MAX];
	char *slash;
	int nr = 0;

	snprintf(sys, sizeof(sys), "%s%s", symfs, dso->long_name);

	if (is_regular_file(sys) && !filename__read_debuglink(sys, link, sizeof(link))) {
		snprintf(dir, sizeof(dir), "%s", sys);
		slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
		nr = add_candidate(c, nr, DSO_SYMTAB__DEBUGLINK, "%s", link);
		nr = add_candidate(c, nr, DSO_SYMTAB__DEBUGLINK, "%s/%s", dir, link);
		nr = add_candidate(c, nr, DSO_SYMTAB__DEBUGLINK, "%s/.debug/%s", dir, link);
		nr = add_candidate(c, nr, DSO_SYMTAB__DEBUGLINK, "/usr/lib/debug%s/%s", dir, link);
	}
	if (build_id__is_defined(&dso->bid) && !symbol_conf.no_buildid_cache) {
		if (build_id_cache__path(&dso->bid, dso->long_name, "elf", buf, sizeof(buf)))
			nr = add_candidate(c, nr, DSO_SYMTAB__BUILD_ID_CACHE, "%s", buf);
		if (build_id_cache__path(&dso->bid, dso->long_name, "debug", buf, sizeof(buf)))
			nr = add_candidate(c, nr, DSO_SYMTAB__BUILD_ID_CACHE_DEBUG, "%s", buf);
		/*
		 * The same build-id cached under another name (a stripped copy
		 * of a binary cached unstripped before): .build-id/xx/yyy
		 * links to the first copy, which may have the symbols.
		 */
		if (build_id_cache__linkname(&dso->bid, buf, sizeof(buf)) &&
		    strlen(buf) + sizeof("/elf") <= sizeof(buf)) {
			strcat(buf, "/elf");
			nr = add_candidate(c, nr, DSO_SYMTAB__BUILD_ID_CACHE, "%s", buf);
		}
	}
	nr = add_candidate(c, nr, DSO_SYMTAB__SYSTEM_DEBUG, "%s/usr/lib/debug%s.debug",
			   symfs, dso->long_name);
	nr = add_candidate(c, nr, DSO_SYMTAB__SYSTEM_DEBUG, "%s/usr/lib/debug%s",
			   symfs, dso->long_name);
	if (build_id__debug_path(&dso->bid, symfs, buf, sizeof(buf)))
		nr = add_candidate(c, nr, DSO_SYMTAB__BUILD_ID_DEBUG, "%s", buf);
	nr = add_candidate(c, nr, DSO_SYMTAB__SYSTEM_PATH, "%s", sys);
	return nr;
}

static int vdso_candidates(struct dso *dso, struct candidate *c)
{
	char buf[PATH_MAX];
	int nr = 0;

	if (build_id__is_defined(&dso->bid) && !symbol_conf.no_buildid_cache &&
	    build_id_cache__path(&dso->bid, "[vdso]", "vdso", buf, sizeof(buf)))
		nr = add_candidate(c, nr, DSO_SYMTAB__BUILD_ID_CACHE, "%s", buf);
	return nr;
}

static void keep_symsrc(struct symsrc *dst, struct symsrc *src)
{
	*dst = *src;
	memset(src, 0, sizeof(*src));
	src->fd = -1;
}

int dso__load_elf(struct dso *dso)
{
	struct candidate *c;
	struct symsrc ss, syms = { .fd = -1 }, runtime = { .fd = -1 }, *src;
	bool have_syms = false, have_runtime = false;
	int nr_cand, i, nr = 0, ret, last_err = -ENOENT;

	if (!libelf_ready()) {
		dso->load_err = DSO_LOAD_ERR__NO_LIBELF;
		return 0;
	}
	if (dso->kind == DSO_KIND_FILE && !build_id__is_defined(&dso->bid)) {
		char sys[PATH_MAX];
		struct build_id bid;

		snprintf(sys, sizeof(sys), "%s%s", symbol_conf.symfs ? symbol_conf.symfs : "",
			 dso->long_name);
		if (!filename__read_build_id(sys, &bid))
			dso__set_build_id(dso, &bid);
	}

	c = calloc(MAX_CANDIDATES, sizeof(*c));
	if (!c)
		return -ENOMEM;
	nr_cand = dso->kind == DSO_KIND_VDSO ? vdso_candidates(dso, c) : file_candidates(dso, c);

	for (i = 0; i <= nr_cand && !(have_syms && have_runtime); i++) {
		if (i == nr_cand) {
			if (dso->kind != DSO_KIND_VDSO || have_runtime)
				break;
			ret = symsrc__open_vdso_memory(&ss, dso);
		} else {
			ret = symsrc__open(&ss, dso, c[i].path, c[i].origin);
		}
		if (ret) {
			if (ret != -ENOENT)
				last_err = ret;
			continue;
		}
		if (!have_syms && ss.symtab) {
			if (!have_runtime && ss.loadable) {
				/* One image serves both purposes: open it again for the runtime role. */
				if (!symsrc__open(&runtime, dso, ss.path, ss.origin))
					have_runtime = true;
			}
			keep_symsrc(&syms, &ss);
			have_syms = true;
		} else if (!have_runtime && ss.loadable) {
			keep_symsrc(&runtime, &ss);
			have_runtime = true;
		} else {
			symsrc__exit(&ss);
		}
	}
	free(c);

	/* Stripped: the runtime image's dynamic symbols are all there is. */
	src = have_syms ? &syms : have_runtime && runtime.dynsym ? &runtime : NULL;
	if (!src) {
		if (!dso->load_err)
			dso->load_err = have_runtime ? DSO_LOAD_ERR__NO_SYMBOLS : last_err;
		ret = have_runtime ? 0 : last_err;
		goto out;
	}

	dso->is_64_bit = gelf_getclass(src->elf) == ELFCLASS64;
	dso->e_machine = src->ehdr.e_machine;
	if (have_syms)
		ret = load_symtab(dso, &syms, syms.symtab, &syms.symshdr,
				  have_runtime ? &runtime : NULL, true);
	else
		ret = load_symtab(dso, &runtime, runtime.dynsym, &runtime.dynshdr, &runtime, true);
	if (ret < 0)
		goto out;
	nr = ret;
	if (have_runtime) {
		ret = synthesize_plt(dso, &runtime);
		if (ret > 0) {
			nr += ret;
			symbols__sort(&dso->symbols);
		}
	}
	dso__set_segments(dso, have_runtime ? runtime.elf : syms.elf);
	dso->symtab_origin = src->origin;
	free(dso->symtab_path);
	dso->symtab_path = src->mem ? NULL : strdup(src->path);
	if (have_runtime && !runtime.mem) {
		free(dso->runtime_path);
		dso->runtime_path = strdup(runtime.path);
	}
	if (!nr && !dso->load_err)
		dso->load_err = DSO_LOAD_ERR__NO_SYMBOLS;
	else if (nr)
		dso->load_err = 0;
	ret = (int)dso->symbols.nr;
out:
	symsrc__exit(&syms);
	symsrc__exit(&runtime);
	return ret;
}

int dso__load_vmlinux(struct dso *dso, const char *path)
{
	struct symsrc ss;
	int ret;

	if (!libelf_ready())
		return -ENOTSUP;
	ret = symsrc__open(&ss, dso, path, DSO_SYMTAB__VMLINUX);
	if (ret)
		return ret;
	if (!ss.symtab) {
		/* A stripped vmlinux is useless: kallsyms is better. */
		symsrc__exit(&ss);
		return -ENODATA;
	}
	/* The kernel runs at its link addresses: no moving to file offsets. */
	ret = load_symtab(dso, &ss, ss.symtab, &ss.symshdr, &ss, false);
	if (ret >= 0) {
		dso->symtab_origin = DSO_SYMTAB__VMLINUX;
		free(dso->symtab_path);
		dso->symtab_path = strdup(path);
		ret = (int)dso->symbols.nr;
	}
	symsrc__exit(&ss);
	return ret;
}

/* ---- the function binutils' addr2line names for an address ---- */

struct a2l_func {
	uint64_t addr;
	size_t sec;
	const char *file;	/* the STT_FILE a local symbol follows, or NULL */
};

struct a2l_index {
	struct { uint64_t start, end; } *secs;
	size_t nr_secs;
	struct a2l_func *funcs;		/* by section, then address */
	size_t nr_funcs;
	char **files;			/* owned copies of the STT_FILE names */
	size_t nr_files;
	struct a2l_index *debug;	/* the debug file's, when asked for */
	bool debug_tried;
};

static int a2l_func__cmp(const void *a, const void *b)
{
	const struct a2l_func *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static struct a2l_index *a2l_index__read(const char *path)
{
	struct a2l_index *idx = zalloc(sizeof(*idx));
	Elf_Scn *scn = NULL, *symscn = NULL, *dynscn = NULL;
	GElf_Shdr shdr;
	Elf_Data *data;
	Elf *elf = NULL;
	size_t nsecs = 0, i, n;
	const char *file = NULL;
	bool seen_symbol = false, file_after_symbol = false;
	int fd = -1;

	if (!idx || !libelf_ready())
		goto out;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		goto out;
	elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF || elf_getshdrnum(elf, &nsecs) || !nsecs)
		goto out;
	idx->secs = calloc(nsecs, sizeof(*idx->secs));
	if (!idx->secs)
		goto out;
	idx->nr_secs = nsecs;
	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		size_t ndx = elf_ndxscn(scn);

		if (!gelf_getshdr(scn, &shdr) || ndx >= nsecs)
			continue;
		if (shdr.sh_flags & SHF_ALLOC) {
			idx->secs[ndx].start = shdr.sh_addr;
			idx->secs[ndx].end = shdr.sh_addr + shdr.sh_size;
		}
		if (shdr.sh_type == SHT_SYMTAB && !symscn)
			symscn = scn;
		else if (shdr.sh_type == SHT_DYNSYM && !dynscn)
			dynscn = scn;
	}
	/* Its own symbol table if it has one, else the dynamic one. */
	scn = symscn ? symscn : dynscn;
	if (!scn || !gelf_getshdr(scn, &shdr) || !shdr.sh_entsize)
		goto out;
	data = elf_getdata(scn, NULL);
	if (!data)
		goto out;
	n = data->d_size / shdr.sh_entsize;
	idx->funcs = calloc(n ? n : 1, sizeof(*idx->funcs));
	if (!idx->funcs)
		goto out;
	for (i = 0; i < n; i++) {
		GElf_Sym sym;
		int type;

		if (!gelf_getsym(data, (int)i, &sym))
			break;
		type = GELF_ST_TYPE(sym.st_info);
		/*
		 * binutils names the source file of a function without line
		 * information after the STT_FILE symbol it follows (crtstuff.c
		 * for __do_global_dtors_aux, "" for the linker's hidden
		 * symbols such as a library's _init): always for a local
		 * symbol, for a global one only while no STT_FILE has come
		 * after another symbol.
		 */
		if (type == STT_FILE) {
			const char *name = elf_strptr(elf, shdr.sh_link, sym.st_name);
			char **files = NULL;

			file = NULL;
			if (seen_symbol)
				file_after_symbol = true;
			if (name)
				files = realloc(idx->files, (idx->nr_files + 1) * sizeof(*files));
			if (files) {
				idx->files = files;
				files[idx->nr_files] = strdup(name);
				file = files[idx->nr_files];
				if (file)
					idx->nr_files++;
			}
			continue;
		}
		seen_symbol |= i > 0;	/* not the null symbol */
		if (type != STT_FUNC && type != STT_NOTYPE && type != STT_GNU_IFUNC)
			continue;
		if (sym.st_shndx == SHN_UNDEF || sym.st_shndx >= nsecs ||
		    idx->secs[sym.st_shndx].end <= idx->secs[sym.st_shndx].start)
			continue;
		idx->funcs[idx->nr_funcs].addr = sym.st_value;
		idx->funcs[idx->nr_funcs].sec = sym.st_shndx;
		idx->funcs[idx->nr_funcs].file =
			GELF_ST_BIND(sym.st_info) == STB_LOCAL || !file_after_symbol ? file : NULL;
		idx->nr_funcs++;
	}
	qsort(idx->funcs, idx->nr_funcs, sizeof(*idx->funcs), a2l_func__cmp);
out:
	if (elf)
		elf_end(elf);
	if (fd >= 0)
		close(fd);
	return idx;
}

static void a2l_index__delete(struct a2l_index *idx)
{
	size_t i;

	if (!idx)
		return;
	a2l_index__delete(idx->debug);
	for (i = 0; i < idx->nr_files; i++)
		free(idx->files[i]);
	free(idx->files);
	free(idx->secs);
	free(idx->funcs);
	free(idx);
}

void dso__a2l_index_delete(struct dso *dso)
{
	a2l_index__delete(dso->a2l_index);
	dso->a2l_index = NULL;
}

static bool a2l_index__names_function(const struct a2l_index *idx, uint64_t vaddr,
				      const char **file);

/*
 * addr2line, run on a stripped binary, also finds the functions of the
 * debug file that binary names (.gnu_debuglink, /usr/lib/debug): asked
 * only where the binary's own tables name none (_start before the first
 * dynamic symbol), so every other answer stays the binary's.
 */
static bool dso__a2l_debug_names_function(struct dso *dso, struct a2l_index *idx,
					  uint64_t vaddr, const char **file)
{
	const char *path = dso->runtime_path ? dso->runtime_path : dso->long_name;

	if (!idx->debug_tried) {
		idx->debug_tried = true;
		if (dso->symtab_path && strcmp(dso->symtab_path, path) &&
		    (dso->symtab_origin == DSO_SYMTAB__DEBUGLINK ||
		     dso->symtab_origin == DSO_SYMTAB__SYSTEM_DEBUG ||
		     dso->symtab_origin == DSO_SYMTAB__BUILD_ID_DEBUG))
			idx->debug = a2l_index__read(dso->symtab_path);
	}
	return idx->debug && a2l_index__names_function(idx->debug, vaddr, file);
}

bool dso__addr2line_names_function(struct dso *dso, uint64_t vaddr, const char **file)
{
	const char *path = dso->runtime_path ? dso->runtime_path : dso->long_name;

	if (file)
		*file = NULL;
	if (!dso->a2l_tried) {
		dso->a2l_tried = true;
		if (dso->kind == DSO_KIND_FILE && path)
			dso->a2l_index = a2l_index__read(path);
	}
	if (!dso->a2l_index)
		return false;
	return a2l_index__names_function(dso->a2l_index, vaddr, file) ||
	       dso__a2l_debug_names_function(dso, dso->a2l_index, vaddr, file);
}

static bool a2l_index__names_function(const struct a2l_index *idx, uint64_t vaddr,
				      const char **file)
{
	struct a2l_func key;
	size_t sec, lo, hi;

	if (!idx->nr_funcs)
		return false;
	for (sec = 0; sec < idx->nr_secs; sec++)
		if (vaddr >= idx->secs[sec].start && vaddr < idx->secs[sec].end)
			break;
	if (sec == idx->nr_secs)
		return false;
	/* Is there a symbol of that section at or below @vaddr? */
	key.sec = sec;
	key.addr = vaddr;
	lo = 0;
	hi = idx->nr_funcs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (a2l_func__cmp(&idx->funcs[mid], &key) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || idx->funcs[lo - 1].sec != sec)
		return false;
	if (file)
		*file = idx->funcs[lo - 1].file;
	return true;
}
