// SPDX-License-Identifier: GPL-2.0
/*
 * Differential test against the reference perf: it records a workload
 * (the ELF loader, libc, the kernel and this binary all get samples),
 * prints what it resolves each sample to with `perf script -F
 * pid,ip,sym,symoff,dso,srcline` (without call graphs), and we resolve the
 * same file through the session reader, the machine and srcline. Every
 * sample must name the same symbol, offset, dso and source line. Skips when the reference or perf_event access
 * is missing.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "build-options.h"
#include "../util/data.h"
#include "../util/dso.h"
#include "../util/machine.h"
#include "../util/map.h"
#include "../util/session.h"
#include "../util/srcline.h"
#include "../util/symbol.h"
#include "../util/tool.h"
#include "../util/util.h"
#include "tests.h"

#define REFERENCE_PERF "/usr/bin/perf"

struct resolved {
	uint32_t pid;
	uint64_t ip;
	char *text;		/* "sym+0xoff (dso)" as perf script prints it */
};

struct resolved_set {
	struct resolved *v;
	size_t nr, alloc;
};

static int set__add(struct resolved_set *set, uint32_t pid, uint64_t ip, const char *text)
{
	if (set->nr == set->alloc) {
		size_t n = set->alloc ? set->alloc * 2 : 1024;
		struct resolved *v = realloc(set->v, n * sizeof(*v));

		if (!v)
			return -ENOMEM;
		set->v = v;
		set->alloc = n;
	}
	set->v[set->nr].pid = pid;
	set->v[set->nr].ip = ip;
	set->v[set->nr].text = strdup(text);
	if (!set->v[set->nr].text)
		return -ENOMEM;
	set->nr++;
	return 0;
}

static void set__exit(struct resolved_set *set)
{
	size_t i;

	for (i = 0; i < set->nr; i++)
		free(set->v[i].text);
	free(set->v);
}

static int resolved__cmp(const void *a, const void *b)
{
	const struct resolved *x = a, *y = b;

	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	if (x->ip != y->ip)
		return x->ip < y->ip ? -1 : 1;
	return 0;
}

struct ours {
	struct perf_tool tool;
	struct resolved_set set;
	int err;
};

static int ours__sample(struct perf_tool *tool, union perf_event *event __maybe_unused,
			struct perf_sample *sample, struct evsel *evsel __maybe_unused,
			struct machine *machine)
{
	struct ours *o = container_of(tool, struct ours, tool);
	struct addr_location al;
	char text[1024];

	addr_location__init(&al);
	if (machine__resolve(machine, &al, sample)) {
		o->err = -ENOMEM;
		return 0;
	}
	if (al.sym)
		snprintf(text, sizeof(text), "%s+0x%" PRIx64 " (%s)", al.sym->name,
			 al.addr - al.sym->start, al.map->dso->long_name);
	else
		snprintf(text, sizeof(text), "[unknown] (%s)",
			 al.map ? al.map->dso->long_name : "[unknown]");
	/* perf script's srcline line: no symbol given, nothing when unknown. */
	if (al.map) {
		const char *srcline = dso__srcline_sort_str(al.map->dso, al.addr, NULL);
		size_t len = strlen(text);

		if (strcmp(srcline, SRCLINE_UNKNOWN))
			snprintf(text + len, sizeof(text) - len, " | %s", srcline);
	}
	if (set__add(&o->set, sample->pid, sample->ip, text))
		o->err = -ENOMEM;
	addr_location__exit(&al);
	return 0;
}

static bool is_reference_installed(void)
{
	struct stat ref, self;

	/* Not when it is this very binary installed over the reference. */
	return !stat(REFERENCE_PERF, &ref) && (ref.st_mode & S_IXUSR) &&
	       !stat("/proc/self/exe", &self) &&
	       !(ref.st_ino == self.st_ino && ref.st_dev == self.st_dev);
}

/* "  28304      7fc8024ffb70 _start+0x0 (/usr/lib/.../ld-linux-x86-64.so.2)" */
static int reference__read(const char *path, struct resolved_set *set)
{
	char cmd[PATH_MAX + 128], *line = NULL;
	size_t cap = 0;
	FILE *f;
	int err = 0;

	snprintf(cmd, sizeof(cmd), "%s script -G -i '%s' -F pid,ip,sym,symoff,dso,srcline 2>/dev/null",
		 REFERENCE_PERF, path);
	f = popen(cmd, "r");
	if (!f)
		return -errno;
	while (!err && getline(&line, &cap, f) > 0) {
		unsigned long pid;
		unsigned long long ip;
		size_t len;
		int n = 0;

		line[strcspn(line, "\n")] = '\0';
		len = strlen(line);
		if (sscanf(line, " %lu %llx %n", &pid, &ip, &n) == 2 && n && line[len - 1] == ')') {
			err = set__add(set, (uint32_t)pid, ip, line + n);
			continue;
		}
		/* "  file.c:12": the srcline of the sample before. */
		if (set->nr && len > 2) {
			struct resolved *r = &set->v[set->nr - 1];
			char *text;

			if (asprintf(&text, "%s | %s", r->text, line + 2) < 0)
				return -ENOMEM;
			free(r->text);
			r->text = text;
		}
	}
	free(line);
	if (pclose(f))
		err = err ? err : -EIO;
	return err;
}

/*
 * Where the reference's addr2line answers are wrong or erratic, and ours
 * (from the DWARF line table, as readelf --debug-dump=decodedline shows
 * it) differ on purpose. Same symbol and dso are still required:
 *  - binutils 2.40 addr2line names the compile unit's file for lines of
 *    an included header ("dl-get-cpu-features.c:321" for a line of
 *    dl-cacheinfo.h): same line number, other file;
 *  - after 123 failed lookups in one dso the reference stops asking and
 *    prints "dso[addr]" where it printed nothing before (addr2line's
 *    "??:0"); when that happens depends on its subprocess state;
 *  - for some addresses without a line addr2line still names a file, with
 *    line 0 ("udata.cpp:0", ":0"): we say unknown.
 */
static bool srcline__tolerated(const char *ref, const char *mine)
{
	const char *rs = strstr(ref, " | "), *ms = strstr(mine, " | ");
	size_t rlen = rs ? (size_t)(rs - ref) : strlen(ref);
	size_t mlen = ms ? (size_t)(ms - mine) : strlen(mine);
	const char *rcolon, *mcolon;

	if (rlen != mlen || strncmp(ref, mine, rlen) || !rs)
		return false;
	rs += 3;
	if (!ms)
		return rs[strlen(rs) - 1] == ']' ||
		       (strlen(rs) >= 2 && !strcmp(rs + strlen(rs) - 2, ":0"));
	ms += 3;
	rcolon = strrchr(rs, ':');
	mcolon = strrchr(ms, ':');
	return rcolon && mcolon && !strcmp(rcolon, mcolon);
}

static int test__machine_reference(struct test_suite *t __maybe_unused,
				   int subtest __maybe_unused)
{
	char dir[] = "/tmp/perf-test-ref-XXXXXX", path[PATH_MAX], cmd[3 * PATH_MAX];
	char self[PATH_MAX];
	struct resolved_set ref = { 0 };
	struct ours o = { .tool = { .sample = ours__sample, .mmap = perf_event__process_mmap,
				    .mmap2 = perf_event__process_mmap2,
				    .comm = perf_event__process_comm,
				    .fork = perf_event__process_fork,
				    .exit = perf_event__process_exit,
				    .ksymbol = perf_event__process_ksymbol,
				    .ordered_events = true } };
	struct perf_data data = { 0 };
	struct perf_session *session;
	struct machine *machine = NULL;
	size_t i, compared = 0, mismatches = 0, tolerated = 0;
	ssize_t n;
	int ret = TEST_FAIL, saved_verbose, err;
	struct timespec t0, t1;

	if (!BUILT_LIBELF || !BUILT_LIBDW)
		return TEST_SKIP_REASON("built without libelf or libdw");
	if (!is_reference_installed())
		return TEST_SKIP_REASON("reference perf not installed");
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return TEST_SKIP_REASON("no /proc/self/exe");
	self[n] = '\0';
	if (!mkdtemp(dir))
		return TEST_FAIL;
	snprintf(path, sizeof(path), "%s/perf.data", dir);
	snprintf(cmd, sizeof(cmd),
		 "%s record -q -F 4000 -o '%s' -- sh -c 'ls -lR /usr/share/doc /usr/lib >/dev/null 2>&1; "
		 "\"%s\" test -w noploop 1' >/dev/null 2>&1",
		 REFERENCE_PERF, path, self);
	/* PERF_TEST_REFERENCE_DATA=file checks a given recording instead. */
	if (getenv("PERF_TEST_REFERENCE_DATA")) {
		snprintf(path, sizeof(path), "%s", getenv("PERF_TEST_REFERENCE_DATA"));
	} else if (system(cmd)) {
		ret = TEST_SKIP_REASON("reference perf record failed (perf_event access?)");
		goto out_rm;
	}
	if (reference__read(path, &ref) || ref.nr < (getenv("PERF_TEST_REFERENCE_DATA") ? 1 : 100)) {
		pr_err("reference perf script gave %zu samples\n", ref.nr);
		goto out_rm;
	}

	data.path = path;
	session = perf_session__new(&data, &o.tool);
	if (IS_ERR(session)) {
		pr_err("cannot open %s\n", path);
		goto out_rm;
	}
	machine = machine__new_host(&session->header.env);
	if (!machine)
		goto out_session;
	session->machine = machine;
	/* -v would show C++ parameters, and the reference ran without it. */
	saved_verbose = verbose;
	verbose = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	err = perf_session__process_events(session);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	verbose = saved_verbose;
	pr_debug("resolved %zu samples in %.3f s (symbols and srclines loaded included)\n",
		 o.set.nr, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	if (err || o.err) {
		pr_err("processing %s failed\n", path);
		goto out_session;
	}

	qsort(o.set.v, o.set.nr, sizeof(*o.set.v), resolved__cmp);
	for (i = 0; i < ref.nr; i++) {
		struct resolved *r = &ref.v[i];
		struct resolved *mine = bsearch(r, o.set.v, o.set.nr, sizeof(*o.set.v),
						resolved__cmp);

		if (!mine) {
			if (mismatches++ < 10)
				pr_err("sample %u %#" PRIx64 " missing\n", r->pid, r->ip);
			continue;
		}
		compared++;
		if (!strcmp(mine->text, r->text))
			continue;
		if (srcline__tolerated(r->text, mine->text)) {
			if (tolerated++ < 5)
				pr_debug("known difference: reference '%s', ours '%s'\n", r->text,
					 mine->text);
			continue;
		}
		if (mismatches++ < 10)
			pr_err("%u %#" PRIx64 ": reference '%s', ours '%s'\n", r->pid, r->ip,
			       r->text, mine->text);
	}
	pr_debug("%zu samples compared, %zu mismatches, %zu known srcline differences\n",
		 compared, mismatches, tolerated);
	ret = mismatches ? TEST_FAIL : TEST_OK;
out_session:
	perf_session__delete(session);
	machine__delete(machine);
out_rm:
	set__exit(&ref);
	set__exit(&o.set);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd))
		pr_debug("could not remove %s\n", dir);
	return ret;
}

DEFINE_SUITE("machine: samples resolve as the reference perf resolves them",
	     machine_reference);
