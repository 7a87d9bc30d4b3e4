// SPDX-License-Identifier: GPL-2.0
/*
 * Source lines and inline chains from DWARF through libdw's Dwfl, inside
 * perf: one Dwfl per dso, opened on first use and kept, and a per-dso
 * cache from address to answer.
 */
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "demangle.h"
#include "dso.h"
#include "srcline.h"
#include "symbol.h"
#include "symbol-elf.h"
#include "zalloc.h"

struct srcline_entry {
	uint64_t addr;
	const char *file;		/* owned by the Dwfl, or file_buf */
	char *file_buf;
	unsigned int line;
	bool found;
	bool inline_done;
	char *str_base;
	char *str_full;
	char *str_sort;
	/* dso__srcline_sort_keys()' answers; key_* are the texts they own */
	const char *sort_line;
	const char *sort_file;
	char *key_line;
	char *key_file;
	struct inline_node *inl;
	struct srcline_entry *next;
};

/* An innermost function binutils has answered for (see inline_node__build()). */
struct named_die {
	Dwarf_Off off;
	bool by_symbol;
	struct named_die *next;
};

#define NAMED_DIE_BUCKETS 256

struct srcline_cache {
	struct named_die *named[NAMED_DIE_BUCKETS];
	Dwfl *dwfl;
	Dwfl_Module *mod;
	bool tried;
	struct srcline_entry **buckets;
	size_t size;
	size_t nr;
};

static unsigned long nr_dwarf_lookups;

unsigned long srcline__nr_dwarf_lookups(void)
{
	return nr_dwarf_lookups;
}

static char *debuginfo_path;

static const Dwfl_Callbacks offline_callbacks = {
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
	.debuginfo_path = &debuginfo_path,
};

/* Open @path as the only module of a new Dwfl, if it has DWARF. */
static bool cache__open(struct srcline_cache *c, const char *path)
{
	Dwarf_Addr bias;

	c->dwfl = dwfl_begin(&offline_callbacks);
	if (!c->dwfl)
		return false;
	c->mod = dwfl_report_offline(c->dwfl, "", path, -1);
	dwfl_report_end(c->dwfl, NULL, NULL);
	if (c->mod && dwfl_module_getdwarf(c->mod, &bias))
		return true;
	pr_debug2("srcline: no DWARF in %s: %s\n", path, dwfl_errmsg(-1));
	dwfl_end(c->dwfl);
	c->dwfl = NULL;
	c->mod = NULL;
	return false;
}

static struct srcline_cache *dso__srcline_cache(struct dso *dso)
{
	struct srcline_cache *c = dso->srclines;

	if (!c) {
		c = zalloc(sizeof(*c));
		if (!c)
			return NULL;
		dso->srclines = c;
	}
	if (!c->tried) {
		c->tried = true;
		if (!dso->loaded)
			dso__load(dso);
		/* The symbol file is usually the debug file: DWARF is there. */
		if (dso->kind == DSO_KIND_FILE || dso->kind == DSO_KIND_VDSO) {
			if (dso->symtab_path)
				cache__open(c, dso->symtab_path);
			if (!c->dwfl && dso->runtime_path &&
			    (!dso->symtab_path || strcmp(dso->runtime_path, dso->symtab_path)))
				cache__open(c, dso->runtime_path);
		}
	}
	return c;
}

static struct srcline_entry *cache__find(struct srcline_cache *c, uint64_t addr)
{
	struct srcline_entry *e;

	if (!c->size)
		return NULL;
	for (e = c->buckets[(addr * 0x9E3779B97F4A7C15ULL >> 32) & (c->size - 1)]; e; e = e->next)
		if (e->addr == addr)
			return e;
	return NULL;
}

static int cache__add(struct srcline_cache *c, struct srcline_entry *e)
{
	size_t b;

	if (c->nr >= c->size) {
		size_t n = c->size ? c->size * 2 : 256, i;
		struct srcline_entry **nb = calloc(n, sizeof(*nb));

		if (!nb)
			return -ENOMEM;
		for (i = 0; i < c->size; i++) {
			struct srcline_entry *x = c->buckets[i], *next;

			for (; x; x = next) {
				next = x->next;
				b = (x->addr * 0x9E3779B97F4A7C15ULL >> 32) & (n - 1);
				x->next = nb[b];
				nb[b] = x;
			}
		}
		free(c->buckets);
		c->buckets = nb;
		c->size = n;
	}
	b = (e->addr * 0x9E3779B97F4A7C15ULL >> 32) & (c->size - 1);
	e->next = c->buckets[b];
	c->buckets[b] = e;
	c->nr++;
	return 0;
}

/*
 * The file the reference's addr2line (binutils) names for @line. In a
 * DWARF 5 line table, rows that keep the state machine's initial file
 * register (1, never set by DW_LNS_set_file in their sequence) are named
 * by binutils after entry 0, the compile unit's own file; rows that set
 * file 1 explicitly get entry 1. GCC often makes entry 1 a header, so
 * header functions at the start of a sequence show the .c file's name.
 */
static const char *line__addr2line_file(Dwfl_Line *line, const char *file)
{
	Dwarf_Addr bias, addr;
	Dwarf_Line *dl = dwfl_dwarf_line(line, &bias);
	Dwarf_Die *cudie = dwfl_linecu(line);
	Dwarf_Lines *lines;
	Dwarf_Files *files;
	const char *name0, *name1;
	size_t nlines, nfiles, lo, hi, i;

	if (!dl || !cudie || dwarf_getsrclines(cudie, &lines, &nlines) ||
	    dwarf_getsrcfiles(cudie, &files, &nfiles) || nfiles < 2)
		return file;
	name0 = dwarf_filesrc(files, 0, NULL, NULL);
	name1 = dwarf_filesrc(files, 1, NULL, NULL);
	/* Before DWARF 5, libdw has no entry 0 ("???") and file 1 is right. */
	if (file != name1 || !name0 || !strcmp(name0, "???") || !strcmp(name0, name1))
		return file;
	if (dwarf_lineaddr(dl, &addr))
		return file;
	/* The rows are sorted by address: find @dl among them. */
	lo = 0;
	hi = nlines;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		Dwarf_Addr a = 0;

		dwarf_lineaddr(dwarf_onesrcline(lines, mid), &a);
		if (a < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < nlines && dwarf_onesrcline(lines, i) != dl; i++)
		;
	if (i == nlines)
		return file;
	/* Back to the start of its sequence: every row there in file 1? */
	for (;;) {
		Dwarf_Line *row = dwarf_onesrcline(lines, i);
		bool end = false;

		if (dwarf_linesrc(row, NULL, NULL) != name1)
			return file;
		if (i == 0)
			break;
		row = dwarf_onesrcline(lines, i - 1);
		if (dwarf_lineendsequence(row, &end) || end)
			break;
		i--;
	}
	return name0;
}

static struct srcline_entry *dso__srcline_entry(struct dso *dso, uint64_t addr)
{
	struct srcline_cache *c = dso__srcline_cache(dso);
	struct srcline_entry *e;

	if (!c)
		return NULL;
	e = cache__find(c, addr);
	if (e)
		return e;
	e = zalloc(sizeof(*e));
	if (!e)
		return NULL;
	e->addr = addr;
	if (c->mod) {
		Dwarf_Addr bias = 0, cubias = 0, vaddr = dso__addr_to_vaddr(dso, addr);
		Dwarf_Die *cudie;
		Dwfl_Line *line;
		int lineno = 0;

		nr_dwarf_lookups++;
		dwfl_module_getdwarf(c->mod, &bias);
		line = dwfl_module_getsrc(c->mod, vaddr + bias);
		if (line) {
			e->file = dwfl_lineinfo(line, NULL, &lineno, NULL, NULL, NULL);
			e->line = (unsigned int)lineno;
			e->found = e->file != NULL;
			if (e->found)
				e->file = line__addr2line_file(line, e->file);
			/*
			 * binutils puts the unit's DW_AT_comp_dir before a
			 * relative name ("./elf" + "../sysdeps/x86/x.c"); the
			 * full path shows so in the reference.
			 */
			if (e->found && e->file[0] != '/' &&
			    (cudie = dwfl_linecu(line)) != NULL) {
				Dwarf_Attribute attr;
				const char *dir = dwarf_formstring(dwarf_attr(cudie, DW_AT_comp_dir,
									      &attr));

				if (dir && *dir && asprintf(&e->file_buf, "%s/%s", dir, e->file) > 0)
					e->file = e->file_buf;
				else
					e->file_buf = NULL;
			}
		} else if ((cudie = dwfl_module_addrdie(c->mod, vaddr + bias, &cubias)) &&
			   dwarf_haspc(cudie, vaddr + bias - cubias) > 0) {
			/*
			 * Inside a compile unit (libdw also answers with a unit
			 * whose ranges do not cover the address, hence haspc)
			 * that has no row for the address
			 * (assembly such as ld.so's _start): addr2line names the
			 * function with an empty file, which the reference shows
			 * as ":0".
			 */
			e->file = "";
			e->found = true;
		}
	}
	if (cache__add(c, e)) {
		free(e);
		return NULL;
	}
	return e;
}

int dso__srcline(struct dso *dso, uint64_t addr, const char **file, unsigned int *line)
{
	struct srcline_entry *e;

	e = dso__srcline_entry(dso, addr);
	if (!e)
		return -ENOMEM;
	if (!e->found)
		return -ENOENT;
	*file = e->file;
	*line = e->line;
	return 0;
}

const char *dso__srcline_str(struct dso *dso, uint64_t addr, bool full_path)
{
	struct srcline_entry *e;
	char **slot;
	const char *file;

	e = dso__srcline_entry(dso, addr);
	if (!e || !e->found)
		return NULL;
	slot = full_path ? &e->str_full : &e->str_base;
	if (!*slot) {
		file = e->file;
		if (!full_path && strrchr(file, '/'))
			file = strrchr(file, '/') + 1;
		if (asprintf(slot, "%s:%u", file, e->line) < 0)
			*slot = NULL;
	}
	return *slot;
}

const char *dso__srcline_sort_str(struct dso *dso, uint64_t addr, const struct symbol *sym)
{
	struct srcline_entry *e = dso__srcline_entry(dso, addr);
	int n;

	if (!e)
		return SRCLINE_UNKNOWN;
	if (e->found)
		return dso__srcline_str(dso, addr, false);
	/*
	 * For a binary on disk the reference shows addr2line's answer, "??:0"
	 * when it has no line. (Its addr2line sometimes names a file with
	 * line 0 there instead: that says nothing more and is not copied.)
	 */
	if (dso->kind == DSO_KIND_FILE && dso->symtab_origin != DSO_SYMTAB__NONE)
		return SRCLINE_UNKNOWN;
	if (!e->str_sort) {
		/* The reference's fallbacks: "sym+<decimal offset>", "dso[<hex address>]". */
		if (sym)
			n = asprintf(&e->str_sort, "%s+%" PRIu64, sym->name, addr - sym->start);
		else
			n = asprintf(&e->str_sort, "%s[%" PRIx64 "]", dso->short_name,
				     dso__addr_to_vaddr(dso, addr));
		if (n < 0) {
			e->str_sort = NULL;
			return SRCLINE_UNKNOWN;
		}
	}
	return e->str_sort;
}

/* ---- inline chains ---- */

static const char *die_name(Dwarf_Die *die, char **to_free)
{
	Dwarf_Attribute attr;
	const char *name;

	*to_free = NULL;
	if (dwarf_attr_integrate(die, DW_AT_linkage_name, &attr) ||
	    dwarf_attr_integrate(die, DW_AT_MIPS_linkage_name, &attr)) {
		name = dwarf_formstring(&attr);
		if (name && symbol_conf.demangle) {
			*to_free = demangle_sym(name, false);
			if (*to_free)
				return *to_free;
		}
		if (name)
			return name;
	}
	if (dwarf_attr_integrate(die, DW_AT_name, &attr))
		return dwarf_formstring(&attr);
	return NULL;
}

static bool die_has_linkage_name(Dwarf_Die *die)
{
	Dwarf_Attribute attr;

	return dwarf_attr_integrate(die, DW_AT_linkage_name, &attr) ||
	       dwarf_attr_integrate(die, DW_AT_MIPS_linkage_name, &attr);
}

static void inline_node__delete(struct inline_node *node)
{
	int i;

	if (!node)
		return;
	for (i = 0; i < node->nr; i++)
		free((char *)node->frames[i].funcname);
	free(node->frames);
	free(node);
}

#define MAX_INLINE_DEPTH 64

/*
 * The DIEs from the function down to the innermost inlined call that
 * contain @pc, outermost first. Namespaces and classes are searched
 * through, since C++ member functions are defined inside them.
 */
static uint64_t die__pc_size(Dwarf_Die *die)
{
	Dwarf_Addr lo, hi;

	if (dwarf_lowpc(die, &lo) || dwarf_highpc(die, &hi) || hi < lo)
		return UINT64_MAX;
	return hi - lo;
}

static bool die__pc_path(Dwarf_Die *parent, Dwarf_Addr pc, Dwarf_Die *path, int *n)
{
	Dwarf_Die child, best;
	uint64_t best_size = 0;
	bool have_best = false;

	if (dwarf_child(parent, &child))
		return false;
	do {
		int tag = dwarf_tag(&child);
		uint64_t size;

		switch (tag) {
		case DW_TAG_namespace:
		case DW_TAG_class_type:
		case DW_TAG_structure_type:
		case DW_TAG_union_type:
		case DW_TAG_module:
			if (!have_best && die__pc_path(&child, pc, path, n))
				return true;
			break;
		case DW_TAG_subprogram:
			/*
			 * The assembler gives each alias of a function its own
			 * DIE with the same range: binutils' addr2line names the
			 * narrowest, the last one of equals.
			 */
			if (dwarf_haspc(&child, pc) <= 0)
				break;
			size = die__pc_size(&child);
			if (!have_best || size <= best_size) {
				best = child;
				best_size = size;
				have_best = true;
			}
			break;
		case DW_TAG_inlined_subroutine:
		case DW_TAG_lexical_block:
		case DW_TAG_try_block:
		case DW_TAG_catch_block:
			if (have_best || dwarf_haspc(&child, pc) <= 0)
				break;
			if (tag == DW_TAG_inlined_subroutine) {
				if (*n >= MAX_INLINE_DEPTH)
					return true;
				path[(*n)++] = child;
			}
			die__pc_path(&child, pc, path, n);
			return true;
		default:
			break;
		}
	} while (dwarf_siblingof(&child, &child) == 0);
	if (!have_best)
		return false;
	if (*n < MAX_INLINE_DEPTH) {
		path[(*n)++] = best;
		die__pc_path(&best, pc, path, n);
	}
	return true;
}

/*
 * binutils' addr2line keeps state per function: the first answer for a
 * function without a linkage name (in C++) is the ELF symbol around the
 * address, and only when that symbol starts where the function does
 * does the function keep the symbol's name; later answers use its DWARF
 * name. The reference keeps one addr2line per dso and asks in sample
 * order, as we do, so replaying that state gives the same names.
 */
static bool cache__name_by_symbol(struct srcline_cache *c, Dwarf_Die *die,
				  const struct symbol *sym)
{
	Dwarf_Off off = dwarf_dieoffset(die);
	size_t b = (size_t)((off * 0x9E3779B97F4A7C15ULL) >> 56) % NAMED_DIE_BUCKETS;
	struct named_die *d;
	Dwarf_Addr lo;

	for (d = c->named[b]; d; d = d->next)
		if (d->off == off)
			return d->by_symbol;
	d = zalloc(sizeof(*d));
	if (!d)
		return true;
	d->off = off;
	d->by_symbol = sym && !dwarf_lowpc(die, &lo) && lo == sym->start;
	d->next = c->named[b];
	c->named[b] = d;
	return true;
}

static struct inline_node *inline_node__build(struct srcline_cache *c, struct srcline_entry *e,
					      Dwarf_Addr vaddr, const struct symbol *sym)
{
	Dwarf_Addr bias = 0;
	Dwarf_Die *cudie, path[MAX_INLINE_DEPTH];
	Dwarf_Files *files = NULL;
	struct inline_node *node;
	const char *file = e->found ? e->file : NULL;
	unsigned int line = e->line;
	bool mangles = false;
	int n = 0, i;

	/* Offline modules are placed at a bias: DWARF addresses are ELF addresses. */
	if (!dwfl_module_getdwarf(c->mod, &bias))
		return NULL;
	cudie = dwfl_module_addrdie(c->mod, vaddr + bias, &bias);
	/* One level is kept too: its DWARF name may not be the symbol's. */
	if (!cudie || !die__pc_path(cudie, vaddr, path, &n) || n < 1)
		return NULL;
	node = zalloc(sizeof(*node));
	if (!node)
		return NULL;
	node->addr = e->addr;
	node->frames = calloc((size_t)n, sizeof(*node->frames));
	if (!node->frames) {
		free(node);
		return NULL;
	}
	dwarf_getsrcfiles(cudie, &files, NULL);
	switch (dwarf_srclang(cudie)) {
	case DW_LANG_C_plus_plus:
	case DW_LANG_C_plus_plus_03:
	case DW_LANG_C_plus_plus_11:
	case DW_LANG_C_plus_plus_14:
	case DW_LANG_ObjC_plus_plus:
	case DW_LANG_D:
	case DW_LANG_Rust:
		mangles = true;
		break;
	default:
		break;
	}
	/* Innermost first; each level's position is its callee's call site. */
	for (i = n - 1; i >= 0; i--) {
		struct inline_frame *f = &node->frames[node->nr++];
		Dwarf_Attribute attr;
		Dwarf_Word v;
		const char *name;
		char *dem;

		/*
		 * binutils names the innermost level by its linkage name; in
		 * a language that mangles, a function without one (a lambda's
		 * operator()) takes the ELF symbol's name the first time
		 * (NULL tells the printer so), see cache__name_by_symbol().
		 */
		if (i == n - 1 && mangles && !die_has_linkage_name(&path[i]) &&
		    cache__name_by_symbol(c, &path[i], sym))
			name = NULL, dem = NULL;
		else
			name = die_name(&path[i], &dem);
		f->funcname = dem ? dem : (name ? strdup(name) : NULL);
		f->filename = file;
		f->line = line;
		if (dwarf_tag(&path[i]) != DW_TAG_inlined_subroutine)
			break;
		file = NULL;
		line = 0;
		if (dwarf_attr(&path[i], DW_AT_call_file, &attr) && !dwarf_formudata(&attr, &v) &&
		    files)
			file = dwarf_filesrc(files, (size_t)v, NULL, NULL);
		if (dwarf_attr(&path[i], DW_AT_call_line, &attr) && !dwarf_formudata(&attr, &v))
			line = (unsigned int)v;
	}
	return node;
}

const struct inline_node *dso__inline_node(struct dso *dso, uint64_t addr)
{
	struct srcline_entry *e;
	struct srcline_cache *c;

	e = dso__srcline_entry(dso, addr);
	c = dso->srclines;
	if (!e || !c || !c->mod)
		return NULL;
	if (!e->inline_done) {
		e->inline_done = true;
		e->inl = inline_node__build(c, e, dso__addr_to_vaddr(dso, addr),
					    dso__find_symbol(dso, addr));
	}
	return e->inl;
}

static const char *path__basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static const char *entry__own_line(struct srcline_entry *e, int n)
{
	if (n < 0) {
		e->key_line = NULL;
		return SRCLINE_UNKNOWN;
	}
	return e->key_line;
}

static const char *srcline__sort_line(struct dso *dso, struct srcline_entry *e, uint64_t addr,
				      const struct symbol *sym)
{
	const char *str, *file;

	/*
	 * Inlined code included: the line table's row, the innermost
	 * level's position, is addr2line's first answer, which the
	 * reference keeps.
	 */
	str = dso__srcline_sort_str(dso, addr, sym);
	if (!str)
		return SRCLINE_UNKNOWN;
	if (strcmp(str, SRCLINE_UNKNOWN))
		return str;
	/*
	 * No line in a binary: the reference keeps addr2line's answer when
	 * that names a function, "??:?" or, from the symbol table, the
	 * STT_FILE a local function follows ("crtstuff.c:?"), both with
	 * line 0. Where it names none (PLT entries, code before the first
	 * symbol of a section) it falls back to sym+offset or dso[addr].
	 */
	if (dso__addr2line_names_function(dso, dso__addr_to_vaddr(dso, addr), &file)) {
		if (!file)
			return SRCLINE_UNKNOWN;
		return entry__own_line(e, asprintf(&e->key_line, "%s:0", path__basename(file)));
	}
	if (!sym)
		return entry__own_line(e, asprintf(&e->key_line, "%s[%" PRIx64 "]",
						   dso->short_name, dso__addr_to_vaddr(dso, addr)));
	return entry__own_line(e, asprintf(&e->key_line, "%s+%" PRIu64, sym->name,
					   addr - sym->start));
}

/* The reference's srcfile: the srcline's text before its ':', "" for none. */
static const char *srcline__sort_file(struct srcline_entry *e, const char *line)
{
	const char *colon = strrchr(line, ':');

	if (!colon || colon == line || !strcmp(line, SRCLINE_UNKNOWN))
		return "";
	e->key_file = strndup(line, (size_t)(colon - line));
	return e->key_file ? e->key_file : "";
}

void dso__srcline_sort_keys(struct dso *dso, uint64_t addr, const struct symbol *sym,
			    const char **srcline, const char **srcfile)
{
	struct srcline_entry *e = dso__srcline_entry(dso, addr);

	if (!e) {
		*srcline = SRCLINE_UNKNOWN;
		*srcfile = "";
		return;
	}
	if (!e->sort_line) {
		e->sort_line = srcline__sort_line(dso, e, addr, sym);
		e->sort_file = srcline__sort_file(e, e->sort_line);
	}
	*srcline = e->sort_line;
	*srcfile = e->sort_file;
}

void srcline__cache_delete(struct dso *dso)
{
	struct srcline_cache *c = dso->srclines;
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->size; i++) {
		struct srcline_entry *e = c->buckets[i], *next;

		for (; e; e = next) {
			next = e->next;
			free(e->str_base);
			free(e->str_full);
			free(e->file_buf);
			free(e->str_sort);
			free(e->key_line);
			free(e->key_file);
			inline_node__delete(e->inl);
			free(e);
		}
	}
	free(c->buckets);
	for (i = 0; i < NAMED_DIE_BUCKETS; i++) {
		struct named_die *d = c->named[i], *next;

		for (; d; d = next) {
			next = d->next;
			free(d);
		}
	}
	if (c->dwfl)
		dwfl_end(c->dwfl);
	free(c);
	dso->srclines = NULL;
}
