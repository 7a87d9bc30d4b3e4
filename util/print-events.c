// SPDX-License-Identifier: GPL-2.0
/* The event catalogue perf list walks: what exists here, filtered and sorted. */
#include <ctype.h>
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <byteswap.h>
#include <linux/perf_event.h>

#include "perf-sys.h"
#include "config.h"
#include "debug.h"
#include "fs.h"
#include "parse-events.h"
#include "pmu.h"
#include "print-events.h"
#include "tracepoint.h"
#include "util.h"
#include "zalloc.h"

static const char *const section_type_desc[] = {
	[EVENT_SECTION_HW]		= "Hardware event",
	[EVENT_SECTION_SW]		= "Software event",
	[EVENT_SECTION_TOOL]		= "Tool event",
	[EVENT_SECTION_CACHE]		= "Hardware cache event",
	[EVENT_SECTION_PMU]		= "Kernel PMU event",
	[EVENT_SECTION_RAW]		= "Raw hardware event descriptor",
	[EVENT_SECTION_BREAKPOINT]	= "Hardware breakpoint",
	[EVENT_SECTION_TRACEPOINT]	= "Tracepoint event",
	[EVENT_SECTION_SDT]		= "SDT event",
};

static void print_events__one(const struct print_callbacks *cb, void *state,
			      enum event_section section, const char *name,
			      const char *encoding)
{
	struct event_info ev = {
		.section = section,
		.name = name,
		.type_desc = section_type_desc[section],
		.encoding = encoding,
	};

	cb->print_event(state, &ev);
}

/* ---- a growable list of names, sorted before printing ---- */

struct name_list {
	char **names;
	char **encodings;	/* parallel to names; entries may be NULL */
	size_t nr, alloc;
};

static int name_list__add(struct name_list *list, char *name, char *encoding)
{
	if (!name) {
		free(encoding);
		return -ENOMEM;
	}
	if (list->nr == list->alloc) {
		size_t alloc = list->alloc ? list->alloc * 2 : 32;
		char **names = realloc(list->names, alloc * sizeof(*names));
		char **encs;

		if (!names)
			goto out_enomem;
		list->names = names;
		encs = realloc(list->encodings, alloc * sizeof(*encs));
		if (!encs)
			goto out_enomem;
		list->encodings = encs;
		list->alloc = alloc;
	}
	list->names[list->nr] = name;
	list->encodings[list->nr] = encoding;
	list->nr++;
	return 0;

out_enomem:
	free(name);
	free(encoding);
	return -ENOMEM;
}

static void name_list__exit(struct name_list *list)
{
	size_t i;

	for (i = 0; i < list->nr; i++) {
		free(list->names[i]);
		free(list->encodings[i]);
	}
	zfree(&list->names);
	zfree(&list->encodings);
	list->nr = list->alloc = 0;
}

/* Sort names and encodings together: sort an index, then permute. */
struct name_ref {
	char *name;
	char *encoding;
};

static int name_ref__cmp(const void *a, const void *b)
{
	return strcmp(((const struct name_ref *)a)->name,
		      ((const struct name_ref *)b)->name);
}

static int name_list__sort(struct name_list *list)
{
	struct name_ref *refs;
	size_t i;

	if (list->nr < 2)
		return 0;
	refs = malloc(list->nr * sizeof(*refs));
	if (!refs)
		return -ENOMEM;
	for (i = 0; i < list->nr; i++) {
		refs[i].name = list->names[i];
		refs[i].encoding = list->encodings[i];
	}
	qsort(refs, list->nr, sizeof(*refs), name_ref__cmp);
	for (i = 0; i < list->nr; i++) {
		list->names[i] = refs[i].name;
		list->encodings[i] = refs[i].encoding;
	}
	free(refs);
	return 0;
}

static int name_list__print(struct name_list *list,
			    const struct print_callbacks *cb, void *state,
			    enum event_section section)
{
	size_t i;
	int err = name_list__sort(list);

	if (err)
		return err;
	for (i = 0; i < list->nr; i++)
		print_events__one(cb, state, section, list->names[i],
				  list->encodings[i]);
	return (int)list->nr;
}

static char *encoding__new(const struct print_events_opts *opts,
			   uint32_t type, uint64_t config)
{
	char *s;

	if (!opts->details)
		return NULL;
	if (asprintf(&s, "type=%u,config=0x%llx", type,
		     (unsigned long long)config) < 0)
		return NULL;
	return s;
}

/* ---- hardware, software and cache events: only what opens here ---- */

/*
 * Whether the kernel accepts @type/@config for this task. The first try
 * asks for everything, as a real session would; with
 * perf_event_paranoid >= 2 an unprivileged user gets EACCES for that, so
 * the event is tried again for user space only. Some ARM PMUs reject
 * exclude_kernel, which is why it is not the first try.
 */
static bool event__is_supported(uint32_t type, uint64_t config)
{
	struct perf_event_attr attr = {
		.type = type,
		.size = sizeof(attr),
		.config = config,
		.disabled = 1,
	};
	int fd = sys_perf_event_open(&attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);

	if (fd < 0 && (errno == EACCES || errno == EPERM)) {
		attr.exclude_kernel = 1;
		attr.exclude_hv = 1;
		fd = sys_perf_event_open(&attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	}
	if (fd < 0)
		return false;
	close(fd);
	return true;
}

int print_events__symbols(const struct print_callbacks *cb, void *state,
			  const struct print_events_opts *opts, uint32_t type,
			  const char *glob)
{
	const struct event_symbol *syms;
	enum event_section section;
	struct name_list list = { 0 };
	unsigned int i, max;
	int ret = 0;

	if (type == PERF_TYPE_HARDWARE) {
		syms = event_symbols_hw;
		max = PERF_COUNT_HW_MAX;
		section = EVENT_SECTION_HW;
	} else if (type == PERF_TYPE_SOFTWARE) {
		syms = event_symbols_sw;
		max = PERF_COUNT_SW_MAX;
		section = EVENT_SECTION_SW;
	} else {
		return -EINVAL;
	}

	for (i = 0; i < max; i++) {
		const struct event_symbol *sym = &syms[i];
		bool has_alias = sym->alias && *sym->alias;
		char *name;

		/* A config newer than our table has no name to show. */
		if (!sym->symbol)
			continue;
		if (glob && !strglobmatch(sym->symbol, glob) &&
		    !(has_alias && strglobmatch(sym->alias, glob)))
			continue;
		if (!event__is_supported(type, i))
			continue;
		if (!opts->name_only && has_alias) {
			if (asprintf(&name, "%s OR %s", sym->symbol, sym->alias) < 0)
				name = NULL;
		} else {
			name = strdup(sym->symbol);
		}
		ret = name_list__add(&list, name, encoding__new(opts, type, i));
		if (ret)
			goto out;
	}
	ret = name_list__print(&list, cb, state, section);
	if (ret >= 0 && cb->section_end)
		cb->section_end(state, section, ret);
out:
	name_list__exit(&list);
	return ret;
}

int print_events__tool(const struct print_callbacks *cb, void *state,
		       const struct print_events_opts *opts __maybe_unused,
		       const char *glob)
{
	int i, nr = 0;

	/* Index 0 is "not a tool event". */
	for (i = TOOL_EVENT_NONE + 1; i < TOOL_EVENT_MAX; i++) {
		const char *name = tool_event_names[i];

		if (glob && !strglobmatch(name, glob))
			continue;
		print_events__one(cb, state, EVENT_SECTION_TOOL, name, NULL);
		nr++;
	}
	if (cb->section_end)
		cb->section_end(state, EVENT_SECTION_TOOL, nr);
	return nr;
}

int print_events__hwcache(const struct print_callbacks *cb, void *state,
			  const struct print_events_opts *opts, const char *glob)
{
	struct name_list list = { 0 };
	unsigned int type, op, res;
	int ret = 0;

	for (type = 0; type < PERF_COUNT_HW_CACHE_MAX; type++) {
		for (op = 0; op < PERF_COUNT_HW_CACHE_OP_MAX; op++) {
			if (!evsel__is_cache_op_valid(type, op))
				continue;
			for (res = 0; res < PERF_COUNT_HW_CACHE_RESULT_MAX; res++) {
				uint64_t config = type | (op << 8) | (res << 16);
				char name[64];

				if (evsel__hw_cache_type_op_res_name(type, op, res, name,
								     sizeof(name)) < 0)
					continue;
				if (glob && !strglobmatch(name, glob))
					continue;
				if (!event__is_supported(PERF_TYPE_HW_CACHE, config))
					continue;
				ret = name_list__add(&list, strdup(name),
						     encoding__new(opts, PERF_TYPE_HW_CACHE,
								   config));
				if (ret)
					goto out;
			}
		}
	}
	ret = name_list__print(&list, cb, state, EVENT_SECTION_CACHE);
	if (ret >= 0 && cb->section_end)
		cb->section_end(state, EVENT_SECTION_CACHE, ret);
out:
	name_list__exit(&list);
	return ret;
}

/* ---- kernel PMU events ---- */

struct pmu_event_entry {
	char *name;
	char *encoding;
	const char *desc;
	const char *topic;
	const char *pmu;
	bool is_core;
	bool deprecated;
};

/*
 * Plain events first, described ones after them (they print as blocks);
 * within those, by topic, then the CPU's own events, then by name.
 */
static int pmu_event_entry__cmp(const void *pa, const void *pb)
{
	const struct pmu_event_entry *a = pa, *b = pb;
	int ret;

	if (!!a->desc != !!b->desc)
		return !!a->desc - !!b->desc;
	if (a->topic && b->topic) {
		ret = strcmp(a->topic, b->topic);
		if (ret)
			return ret;
	}
	if (a->is_core != b->is_core)
		return b->is_core - a->is_core;
	return strcmp(a->name, b->name);
}

/* Whether a term value is a number; the others show in the event name. */
static bool term_value__is_num(const char *v, size_t len)
{
	char buf[64], *end;

	if (!len || len >= sizeof(buf))
		return false;
	memcpy(buf, v, len);
	buf[len] = '\0';
	errno = 0;
	strtoull(buf, &end, 0);
	return !errno && *end == '\0';
}

/*
 * "pmu/event/", with the terms whose value is a placeholder rather than
 * a number ("domain=?") kept in it, so the user sees what must be filled
 * in.
 */
static char *pmu_alias__format(const struct perf_pmu *pmu,
			       const struct perf_pmu_alias *alias)
{
	const char *t = alias->terms ? alias->terms : "";
	size_t cap = strlen(pmu->name) + strlen(alias->name) + strlen(t) + 4;
	char *buf = malloc(cap), *p;

	if (!buf)
		return NULL;
	p = buf + sprintf(buf, "%s/%s", pmu->name, alias->name);
	while (*t) {
		size_t len = strcspn(t, ","), klen = strcspn(t, "=");

		if (klen < len && !term_value__is_num(t + klen + 1, len - klen - 1)) {
			*p++ = ',';
			memcpy(p, t, len);
			p += len;
		}
		t += len;
		if (*t == ',')
			t++;
	}
	strcpy(p, "/");
	return buf;
}

/* Case-insensitive glob match: sysfs and JSON spell event names either way. */
static bool strglobmatch_nocase(const char *name, const char *glob)
{
	char *n = strdup(name), *g = strdup(glob), *p;
	bool ret = false;

	if (n && g) {
		for (p = n; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		for (p = g; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		ret = strglobmatch(n, g);
	}
	free(n);
	free(g);
	return ret;
}

static int pmu_events__collect(struct pmu_event_entry **entriesp, size_t *nrp,
			       const struct print_events_opts *opts,
			       const char *glob)
{
	struct pmu_event_entry *entries = NULL;
	size_t nr = 0, alloc = 0;
	struct perf_pmu *pmu = NULL;

	while ((pmu = perf_pmus__scan(pmu)) != NULL) {
		struct perf_pmu_alias *alias;

		if (opts->pmu_name && strcmp(opts->pmu_name, pmu->name))
			continue;
		list_for_each_entry(alias, &pmu->aliases, list) {
			struct pmu_event_entry *e;
			char *formatted = NULL, *name;

			if (!alias->desc) {
				formatted = pmu_alias__format(pmu, alias);
				if (!formatted)
					goto out_enomem;
			}
			name = formatted ? formatted : alias->name;
			/*
			 * A core PMU's event is matched in its "cpu/event/"
			 * form only, as the reference does; for perf list's
			 * "*word*" globs that form contains the bare name.
			 */
			if (glob && !strglobmatch_nocase(name, glob) &&
			    (pmu->is_core || !strglobmatch_nocase(alias->name, glob))) {
				free(formatted);
				continue;
			}
			if (nr == alloc) {
				size_t n = alloc ? alloc * 2 : 16;
				struct pmu_event_entry *tmp;

				tmp = realloc(entries, n * sizeof(*entries));
				if (!tmp) {
					free(formatted);
					goto out_enomem;
				}
				entries = tmp;
				alloc = n;
			}
			e = &entries[nr];
			memset(e, 0, sizeof(*e));
			if (pmu->is_core && !opts->name_only && !alias->desc) {
				if (asprintf(&e->name, "%s OR %s", alias->name,
					     formatted) < 0)
					e->name = NULL;
				free(formatted);
			} else {
				e->name = formatted ? formatted : strdup(alias->name);
			}
			if (!e->name)
				goto out_enomem;
			nr++;
			if (opts->details &&
			    asprintf(&e->encoding, "%s/%s/", pmu->name,
				     alias->terms ? alias->terms : "") < 0) {
				e->encoding = NULL;
				goto out_enomem;
			}
			e->desc = alias->desc;
			e->pmu = pmu->name;
			e->is_core = pmu->is_core;
		}
	}
	*entriesp = entries;
	*nrp = nr;
	return 0;

out_enomem:
	while (nr--) {
		free(entries[nr].name);
		free(entries[nr].encoding);
	}
	free(entries);
	return -ENOMEM;
}

int print_events__pmu(const struct print_callbacks *cb, void *state,
		      const struct print_events_opts *opts, const char *glob)
{
	struct pmu_event_entry *entries = NULL;
	size_t nr = 0, i;
	int printed = 0, err;

	err = pmu_events__collect(&entries, &nr, opts, glob);
	if (err)
		return err;
	if (nr > 1)
		qsort(entries, nr, sizeof(*entries), pmu_event_entry__cmp);
	for (i = 0; i < nr; i++) {
		struct pmu_event_entry *e = &entries[i];
		struct event_info ev = {
			.section = EVENT_SECTION_PMU,
			.name = e->name,
			.type_desc = section_type_desc[EVENT_SECTION_PMU],
			.desc = e->desc,
			.topic = e->topic,
			.pmu_name = e->pmu,
			.encoding = e->encoding,
			.deprecated = e->deprecated,
		};

		/* The same event under two PMUs of one kind shows once. */
		if (i && !strcmp(e->name, entries[i - 1].name))
			continue;
		if (e->deprecated && !opts->deprecated)
			continue;
		cb->print_event(state, &ev);
		printed++;
	}
	for (i = 0; i < nr; i++) {
		free(entries[i].name);
		free(entries[i].encoding);
	}
	free(entries);
	if (cb->section_end)
		cb->section_end(state, EVENT_SECTION_PMU, printed);
	return printed;
}

int print_events__syntax(const struct print_callbacks *cb, void *state,
			 const struct print_events_opts *opts)
{
	/* Syntax reminders are not event names: a raw dump leaves them out. */
	if (opts->name_only)
		return 0;
	print_events__one(cb, state, EVENT_SECTION_RAW, "rNNN", NULL);
	print_events__one(cb, state, EVENT_SECTION_RAW,
			  "cpu/t1=v1[,t2=v2,t3 ...]/modifier", NULL);
	if (cb->section_end)
		cb->section_end(state, EVENT_SECTION_RAW, 2);
	print_events__one(cb, state, EVENT_SECTION_BREAKPOINT,
			  "mem:<addr>[/len][:access]", NULL);
	if (cb->section_end)
		cb->section_end(state, EVENT_SECTION_BREAKPOINT, 1);
	return 3;
}

/* ---- tracepoints ---- */

struct tracepoint_walk {
	struct name_list list;
	int err;
};

static int tracepoint_walk__cb(const char *sys, const char *name, void *data)
{
	struct tracepoint_walk *w = data;
	char buf[PATH_MAX], *full;

	/*
	 * The "ftrace" subsystem holds ftrace's own record formats; most of
	 * them have no id and cannot be opened by perf. Every other
	 * subsystem's events have one, so only these pay for the lookup
	 * (on eventfs each lookup builds inodes: checking all ~2300 events
	 * makes a cold perf list take seconds).
	 */
	if (!strcmp(sys, "ftrace")) {
		if (tracepoint__path(sys, name, buf, sizeof(buf) - 3))
			return 0;
		strcat(buf, "/id");
		if (!file_exists(buf))
			return 0;
	}
	if (asprintf(&full, "%s:%s", sys, name) < 0)
		full = NULL;
	w->err = name_list__add(&w->list, full, NULL);
	return w->err;
}

int print_events__tracepoints(const struct print_callbacks *cb, void *state,
			      const struct print_events_opts *opts __maybe_unused,
			      const char *sys_glob, const char *event_glob)
{
	struct tracepoint_walk w = { .err = 0 };
	int ret;

	ret = tracepoint__for_each(sys_glob, event_glob, tracepoint_walk__cb, &w);
	if (ret < 0 && !w.err)
		pr_debug("cannot list tracepoints: %s\n", strerror(-ret));
	/*
	 * Sorted as whole "sys:event" strings, not subsystem by subsystem:
	 * that puts "fib6:..." before "fib:...", as the reference does.
	 */
	ret = w.err ? w.err : name_list__print(&w.list, cb, state,
					       EVENT_SECTION_TRACEPOINT);
	if (ret >= 0 && cb->section_end)
		cb->section_end(state, EVENT_SECTION_TRACEPOINT, ret);
	name_list__exit(&w.list);
	return ret;
}

/* ---- SDT events from the build-id cache ---- */

#define SBUILD_ID_SIZE		41	/* 20 bytes in hex, and the NUL */
#define SBUILD_ID_MIN_LEN	16	/* the shortest id a cache accepts */

struct buildid_dir_lookup {
	char *dir;
};

static int buildid_dir__config(const char *var, const char *value, void *data)
{
	struct buildid_dir_lookup *l = data;

	if (!strcmp(var, "buildid.dir") && value) {
		free(l->dir);
		l->dir = strdup(value);
	}
	return 0;
}

/*
 * The build-id cache root: perf.c exports --buildid-dir as
 * $PERF_BUILDID_DIR, then the config's buildid.dir, then ~/.debug.
 * Returns a malloc'ed path or NULL.
 */
static char *buildid_dir__get(void)
{
	struct buildid_dir_lookup l = { NULL };
	const char *env = getenv("PERF_BUILDID_DIR"), *home;
	char *dir;

	if (env && *env)
		return strdup(env);
	perf_config(buildid_dir__config, &l);
	if (l.dir)
		return l.dir;
	home = getenv("HOME");
	if (!home || !*home)
		return NULL;
	if (asprintf(&dir, "%s/.debug", home) < 0)
		return NULL;
	return dir;
}

static uint32_t elf_word(uint32_t v, bool swap)
{
	return swap ? bswap_32(v) : v;
}

/* Find an NT_GNU_BUILD_ID note in @buf and write it as hex into @sbid. */
static bool notes__find_build_id(const unsigned char *buf, size_t size,
				 size_t align, bool swap, char *sbid)
{
	size_t off = 0;

	while (off + 12 <= size) {
		uint32_t namesz, descsz, type;
		size_t name_off, desc_off, i;

		memcpy(&namesz, buf + off, 4);
		memcpy(&descsz, buf + off + 4, 4);
		memcpy(&type, buf + off + 8, 4);
		namesz = elf_word(namesz, swap);
		descsz = elf_word(descsz, swap);
		type = elf_word(type, swap);
		name_off = off + 12;
		desc_off = name_off + ((namesz + align - 1) & ~(align - 1));
		if (desc_off > size || descsz > size - desc_off)
			return false;
		if (type == NT_GNU_BUILD_ID && namesz == 4 &&
		    !memcmp(buf + name_off, "GNU", 4) &&
		    descsz * 2 < SBUILD_ID_SIZE && descsz) {
			for (i = 0; i < descsz; i++)
				sprintf(sbid + 2 * i, "%02x", buf[desc_off + i]);
			return true;
		}
		off = desc_off + ((descsz + align - 1) & ~(align - 1));
	}
	return false;
}

/* Read the notes at [@offset, @offset + @size) of @fd. */
static bool file__notes_build_id(int fd, uint64_t offset, uint64_t size,
				 size_t align, bool swap, char *sbid)
{
	unsigned char *buf;
	bool found = false;

	/* A note section is small; refuse what cannot be one. */
	if (!size || size > (1 << 20))
		return false;
	buf = malloc(size);
	if (!buf)
		return false;
	if (pread(fd, buf, size, (off_t)offset) == (ssize_t)size)
		found = notes__find_build_id(buf, size, align, swap, sbid);
	free(buf);
	return found;
}

/*
 * The build-id of the ELF file @path, from its PT_NOTE segments or, for
 * files without program headers (kernel modules), its SHT_NOTE sections.
 */
static bool filename__build_id(const char *path, char *sbid)
{
	unsigned char ident[EI_NIDENT];
	bool is64, swap, found = false;
	uint64_t phoff, shoff;
	unsigned int phnum, shnum, phentsize, shentsize, i;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return false;
	if (pread(fd, ident, sizeof(ident), 0) != sizeof(ident) ||
	    memcmp(ident, ELFMAG, SELFMAG))
		goto out;
	is64 = ident[EI_CLASS] == ELFCLASS64;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	swap = ident[EI_DATA] == ELFDATA2MSB;
#else
	swap = ident[EI_DATA] == ELFDATA2LSB;
#endif
	if (is64) {
		Elf64_Ehdr eh;

		if (pread(fd, &eh, sizeof(eh), 0) != sizeof(eh))
			goto out;
		phoff = swap ? bswap_64(eh.e_phoff) : eh.e_phoff;
		shoff = swap ? bswap_64(eh.e_shoff) : eh.e_shoff;
		phnum = swap ? bswap_16(eh.e_phnum) : eh.e_phnum;
		shnum = swap ? bswap_16(eh.e_shnum) : eh.e_shnum;
		phentsize = sizeof(Elf64_Phdr);
		shentsize = sizeof(Elf64_Shdr);
	} else {
		Elf32_Ehdr eh;

		if (pread(fd, &eh, sizeof(eh), 0) != sizeof(eh))
			goto out;
		phoff = elf_word(eh.e_phoff, swap);
		shoff = elf_word(eh.e_shoff, swap);
		phnum = swap ? bswap_16(eh.e_phnum) : eh.e_phnum;
		shnum = swap ? bswap_16(eh.e_shnum) : eh.e_shnum;
		phentsize = sizeof(Elf32_Phdr);
		shentsize = sizeof(Elf32_Shdr);
	}

	for (i = 0; i < phnum && !found; i++) {
		uint64_t off, size, align;
		uint32_t type;

		if (is64) {
			Elf64_Phdr ph;

			if (pread(fd, &ph, sizeof(ph), phoff + i * phentsize) != sizeof(ph))
				break;
			type = elf_word(ph.p_type, swap);
			off = swap ? bswap_64(ph.p_offset) : ph.p_offset;
			size = swap ? bswap_64(ph.p_filesz) : ph.p_filesz;
			align = swap ? bswap_64(ph.p_align) : ph.p_align;
		} else {
			Elf32_Phdr ph;

			if (pread(fd, &ph, sizeof(ph), phoff + i * phentsize) != sizeof(ph))
				break;
			type = elf_word(ph.p_type, swap);
			off = elf_word(ph.p_offset, swap);
			size = elf_word(ph.p_filesz, swap);
			align = elf_word(ph.p_align, swap);
		}
		if (type == PT_NOTE)
			found = file__notes_build_id(fd, off, size, align == 8 ? 8 : 4,
						     swap, sbid);
	}
	for (i = 0; !phnum && i < shnum && !found; i++) {
		uint64_t off, size, align;
		uint32_t type;

		if (is64) {
			Elf64_Shdr sh;

			if (pread(fd, &sh, sizeof(sh), shoff + i * shentsize) != sizeof(sh))
				break;
			type = elf_word(sh.sh_type, swap);
			off = swap ? bswap_64(sh.sh_offset) : sh.sh_offset;
			size = swap ? bswap_64(sh.sh_size) : sh.sh_size;
			align = swap ? bswap_64(sh.sh_addralign) : sh.sh_addralign;
		} else {
			Elf32_Shdr sh;

			if (pread(fd, &sh, sizeof(sh), shoff + i * shentsize) != sizeof(sh))
				break;
			type = elf_word(sh.sh_type, swap);
			off = elf_word(sh.sh_offset, swap);
			size = elf_word(sh.sh_size, swap);
			align = elf_word(sh.sh_addralign, swap);
		}
		if (type == SHT_NOTE)
			found = file__notes_build_id(fd, off, size, align == 8 ? 8 : 4,
						     swap, sbid);
	}
out:
	close(fd);
	return found;
}

/* The running kernel's build-id, from /sys/kernel/notes. */
static bool kernel__build_id(char *sbid)
{
	char path[PATH_MAX], *buf;
	size_t size;
	bool found;

	snprintf(path, sizeof(path), "%s/kernel/notes", sysfs__mountpoint());
	if (filename__read_str(path, &buf, &size))
		return false;
	found = notes__find_build_id((unsigned char *)buf, size, 4, false, sbid);
	free(buf);
	return found;
}

/*
 * The file a cache entry was made from: the link
 * .build-id/xx/yyyy -> ../../<origpath>/<build-id> names it. A
 * "[kernel.kallsyms]" entry has no leading '/'. Returns a malloc'ed
 * path or NULL.
 */
static char *buildid_cache__origname(const char *link)
{
	char buf[PATH_MAX], *slash;
	ssize_t len = readlink(link, buf, sizeof(buf) - 1);
	size_t skip = strlen("../..");

	if (len <= 0)
		return NULL;
	buf[len] = '\0';
	slash = strrchr(buf, '/');
	if (!slash || slash <= buf + skip || strncmp(buf, "../..", skip))
		return NULL;
	*slash = '\0';
	if (buf[skip] == '/' && buf[skip + 1] == '[')
		skip++;
	return strdup(buf + skip);
}

/*
 * An entry is listed only while the file it came from still has that
 * build-id: after an upgrade the cached probe addresses are wrong.
 */
static bool buildid_cache__entry_valid(const char *origname, const char *sbid)
{
	char real[SBUILD_ID_SIZE] = "";

	if (!strcmp(origname, "[kernel.kallsyms]")) {
		if (!kernel__build_id(real))
			return false;
	} else if (origname[0] != '/' || !filename__build_id(origname, real)) {
		return false;
	}
	return !strcmp(real, sbid);
}

static bool sbuild_id__valid(const char *s, size_t min, size_t max)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!isxdigit((unsigned char)s[i]))
			return false;
	return i >= min && i <= max;
}

struct sdt_entry {
	char *name;	/* "group:event" */
	char *sbid;
	char *link;	/* the .build-id/xx/yyyy link, for @path details */
};

static int sdt_entry__cmp(const void *pa, const void *pb)
{
	const struct sdt_entry *a = pa, *b = pb;
	int ret = strcmp(a->name, b->name);

	return ret ? ret : strcmp(a->sbid, b->sbid);
}

struct sdt_list {
	struct sdt_entry *entries;
	size_t nr, alloc;
};

static int sdt_list__add(struct sdt_list *l, const char *name, size_t len,
			 const char *sbid, const char *link)
{
	struct sdt_entry *e;

	if (l->nr == l->alloc) {
		size_t n = l->alloc ? l->alloc * 2 : 32;
		struct sdt_entry *tmp = realloc(l->entries, n * sizeof(*tmp));

		if (!tmp)
			return -ENOMEM;
		l->entries = tmp;
		l->alloc = n;
	}
	e = &l->entries[l->nr];
	e->name = strndup(name, len);
	e->sbid = strdup(sbid);
	e->link = strdup(link);
	if (!e->name || !e->sbid || !e->link) {
		free(e->name);
		free(e->sbid);
		free(e->link);
		return -ENOMEM;
	}
	l->nr++;
	return 0;
}

static void sdt_list__exit(struct sdt_list *l)
{
	size_t i;

	for (i = 0; i < l->nr; i++) {
		free(l->entries[i].name);
		free(l->entries[i].sbid);
		free(l->entries[i].link);
	}
	zfree(&l->entries);
	l->nr = l->alloc = 0;
}

/* Sort, and drop repeats: a binary often has one SDT name at several sites. */
static void sdt_list__sort_unique(struct sdt_list *l)
{
	size_t i, n = 0;

	if (l->nr < 2)
		return;
	qsort(l->entries, l->nr, sizeof(*l->entries), sdt_entry__cmp);
	for (i = 0; i < l->nr; i++) {
		struct sdt_entry *e = &l->entries[i];

		if (n && !sdt_entry__cmp(e, &l->entries[n - 1])) {
			free(e->name);
			free(e->sbid);
			free(e->link);
			continue;
		}
		l->entries[n++] = *e;
	}
	l->nr = n;
}

/*
 * The SDT lines of one cache entry's "probes" file: "%group:event=..."
 * (perf probe's syntax; '#' lines are user probes, the others are the
 * kprobe_events text that goes with the entry above them).
 */
static int sdt_list__load(struct sdt_list *l, const char *link,
			  const char *sbid, const char *sys_glob,
			  const char *event_glob)
{
	char path[PATH_MAX], line[4096];
	int err = 0;
	FILE *fp;

	if ((size_t)snprintf(path, sizeof(path), "%s/probes", link) >= sizeof(path))
		return 0;
	fp = fopen(path, "re");
	if (!fp)
		return 0;
	while (!err && fgets(line, sizeof(line), fp)) {
		size_t len = strcspn(line, "= \t\n");
		char *colon;

		if (line[0] != '%')
			continue;
		line[len] = '\0';
		colon = strchr(line + 1, ':');
		if (!colon || colon == line + 1 || !colon[1])
			continue;
		*colon = '\0';
		if ((sys_glob && !strglobmatch(line + 1, sys_glob)) ||
		    (event_glob && !strglobmatch(colon + 1, event_glob)))
			continue;
		*colon = ':';
		err = sdt_list__add(l, line + 1, len - 1, sbid, link);
	}
	fclose(fp);
	return err;
}

static int sdt_list__scan(struct sdt_list *l, const char *sys_glob,
			  const char *event_glob)
{
	char *cache = buildid_dir__get(), top[PATH_MAX];
	struct dirent **heads = NULL;
	int nheads, i, err = 0;

	if (!cache)
		return 0;
	snprintf(top, sizeof(top), "%s/.build-id", cache);
	free(cache);
	nheads = scandir(top, &heads, NULL, alphasort);
	for (i = 0; i < nheads; i++) {
		const char *head = heads[i]->d_name;
		struct dirent **tails = NULL;
		char dir[PATH_MAX];
		int ntails, j;

		if (err || !sbuild_id__valid(head, 2, 2) ||
		    (size_t)snprintf(dir, sizeof(dir), "%s/%s", top, head) >= sizeof(dir))
			continue;
		ntails = scandir(dir, &tails, NULL, alphasort);
		for (j = 0; j < ntails; j++) {
			const char *tail = tails[j]->d_name;
			char sbid[SBUILD_ID_SIZE], link[PATH_MAX], *orig;

			if (!err && sbuild_id__valid(tail, SBUILD_ID_MIN_LEN - 2,
						     SBUILD_ID_SIZE - 3) &&
			    (size_t)snprintf(sbid, sizeof(sbid), "%s%s", head,
					     tail) < sizeof(sbid) &&
			    (size_t)snprintf(link, sizeof(link), "%s/%s", dir,
					     tail) < sizeof(link)) {
				orig = buildid_cache__origname(link);
				if (orig && buildid_cache__entry_valid(orig, sbid))
					err = sdt_list__load(l, link, sbid, sys_glob,
							     event_glob);
				free(orig);
			}
			free(tails[j]);
		}
		free(tails);
	}
	for (i = 0; i < nheads; i++)
		free(heads[i]);
	free(heads);
	return err;
}

int print_events__sdt(const struct print_callbacks *cb, void *state,
		      const struct print_events_opts *opts,
		      const char *sys_glob, const char *event_glob)
{
	struct sdt_list l = { 0 };
	size_t i;
	int err, nr = 0;

	err = sdt_list__scan(&l, sys_glob, event_glob);
	if (err)
		goto out;
	sdt_list__sort_unique(&l);
	for (i = 0; i < l.nr; i++) {
		struct sdt_entry *e = &l.entries[i];
		char *detailed = NULL, *orig;

		/*
		 * Two binaries with the same SDT name: "@path(build-id)" tells
		 * them apart (and is what perf probe accepts to pick one).
		 */
		if (!opts->name_only &&
		    ((i && !strcmp(e->name, l.entries[i - 1].name)) ||
		     (i + 1 < l.nr && !strcmp(e->name, l.entries[i + 1].name)))) {
			orig = buildid_cache__origname(e->link);
			if (asprintf(&detailed, "%s@%s(%.12s)", e->name,
				     orig ? orig : "", e->sbid) < 0)
				detailed = NULL;
			free(orig);
		}
		print_events__one(cb, state, EVENT_SECTION_SDT,
				  detailed ? detailed : e->name, NULL);
		free(detailed);
		nr++;
	}
out:
	sdt_list__exit(&l);
	if (err)
		return err;
	if (cb->section_end)
		cb->section_end(state, EVENT_SECTION_SDT, nr);
	return nr;
}

int print_events__all(const struct print_callbacks *cb, void *state,
		      const struct print_events_opts *opts, const char *glob)
{
	int err;

	err = print_events__symbols(cb, state, opts, PERF_TYPE_HARDWARE, glob);
	if (err >= 0)
		err = print_events__symbols(cb, state, opts, PERF_TYPE_SOFTWARE, glob);
	if (err >= 0)
		err = print_events__tool(cb, state, opts, glob);
	if (err >= 0)
		err = print_events__hwcache(cb, state, opts, glob);
	if (err >= 0)
		err = print_events__pmu(cb, state, opts, glob);
	if (err >= 0 && !glob)
		err = print_events__syntax(cb, state, opts);
	if (err >= 0)
		err = print_events__tracepoints(cb, state, opts, NULL, glob);
	if (err >= 0)
		err = print_events__sdt(cb, state, opts, NULL, glob);
	return err < 0 ? err : 0;
}
