// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target bodies (see fuzz-harness.h): each writes the input where the
 * reader under test expects it (a file, a pipe, a string) and runs the
 * reader the way the commands do.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../builtin.h"
#include "../util/config.h"
#include "../util/debug.h"
#include "../util/dso.h"
#include "../util/event.h"
#include "../util/evlist.h"
#include "../util/exec-cmd.h"
#include "../util/fs.h"
#include "../util/parse-events.h"
#include "../util/pmu.h"
#include "../util/strbuf.h"
#include "../util/symbol.h"
#include "../util/symbol-elf.h"
#include "../util/trace-data.h"
#include "../util/trace-event-parse.h"
#include "../util/util.h"
#include "fuzz-harness.h"

const struct fuzz_target fuzz_targets[] = {
	{ "perf-data",		fuzz__perf_data },
	{ "parse-events",	fuzz__parse_events },
	{ "config",		fuzz__config },
	{ "jit-map",		fuzz__jit_map },
	{ "elf",		fuzz__elf },
	{ "trace-event",	fuzz__trace_event },
	{ NULL, NULL },
};

static char fuzz_dir[64];
static char *fake_sysfs;
static FILE *devnull;

void fuzz__init(void)
{
	if (fuzz_dir[0])
		return;
	snprintf(fuzz_dir, sizeof(fuzz_dir), "/tmp/perf-fuzz.%d", (int)getpid());
	mkdir(fuzz_dir, 0700);
	devnull = fopen("/dev/null", "we");
	verbose = -1;
	quiet = true;
	/* No lookups in ~/.debug: an input must not depend on the machine's cache. */
	symbol_conf.no_buildid_cache = true;
	fake_sysfs = perf_find_data_path("tests/data/sysfs/intel");
	if (!fake_sysfs && access("tests/data/sysfs/intel", F_OK) == 0)
		fake_sysfs = realpath("tests/data/sysfs/intel", NULL);
}

/* Write @data to <fuzz_dir>/@name; the path in @path. 0 or -errno. */
static int fuzz__write_file(const char *name, const uint8_t *data, size_t size,
			    char *path, size_t path_size)
{
	int fd, err = 0;

	snprintf(path, path_size, "%s/%s", fuzz_dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	while (size) {
		ssize_t n = write(fd, data, size);

		if (n <= 0) {
			err = -EIO;
			break;
		}
		data += n;
		size -= (size_t)n;
	}
	close(fd);
	return err;
}

/* Point fd 1 (and @fd0 onto fd 0 when >= 0) elsewhere for one command. */
struct fuzz_redirect {
	int saved_out, saved_in;
};

static void fuzz__redirect(struct fuzz_redirect *r, int fd0)
{
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);

	fflush(stdout);
	r->saved_out = dup(1);
	r->saved_in = -1;
	if (null >= 0) {
		dup2(null, 1);
		close(null);
	}
	if (fd0 >= 0) {
		r->saved_in = dup(0);
		dup2(fd0, 0);
	}
}

static void fuzz__restore(struct fuzz_redirect *r)
{
	fflush(stdout);
	clearerr(stdout);
	if (r->saved_out >= 0) {
		dup2(r->saved_out, 1);
		close(r->saved_out);
	}
	if (r->saved_in >= 0) {
		dup2(r->saved_in, 0);
		close(r->saved_in);
		clearerr(stdin);
	}
}

typedef int (*cmd_fn)(int argc, const char **argv);

/* Run a builtin as `perf ARGS...` would, output discarded, globals reset. */
static void fuzz__run_cmd(cmd_fn fn, const char **argv, int fd0)
{
	struct fuzz_redirect r;
	int argc = 0;

	while (argv[argc])
		argc++;
	fuzz__redirect(&r, fd0);
	fn(argc, argv);
	fuzz__restore(&r);
	/* What the options set for one run must not leak into the next. */
	dump_trace = false;
	verbose = -1;
	quiet = true;
	symbol_conf.force = false;
	symbol_conf.symfs = NULL;
	symbol_conf.kallsyms_name = NULL;
}

/*
 * perf.data: the commands that read it, on the input as a file; a
 * pipe-mode stream also through a real pipe. Kernel symbols come from an
 * empty kallsyms file so that a run costs the same on every machine.
 */
int fuzz__perf_data(const uint8_t *data, size_t size)
{
	char path[PATH_MAX], ksyms[PATH_MAX];
	static const uint8_t pipe_magic[16] = {
		'P', 'E', 'R', 'F', 'I', 'L', 'E', '2', 16, 0, 0, 0, 0, 0, 0, 0,
	};

	if (fuzz__write_file("input.data", data, size, path, sizeof(path)) ||
	    fuzz__write_file("kallsyms", (const uint8_t *)"", 0, ksyms, sizeof(ksyms)))
		return 0;
	{
		const char *stats[] = { "report", "--stats", "-i", path, NULL };
		const char *dump[] = { "report", "-D", "-i", path, NULL };
		const char *hdr[] = { "report", "--header-only", "-I", "-i", path, NULL };
		const char *stdio[] = { "report", "--stdio", "--kallsyms", ksyms, "-i", path, NULL };
		const char *script[] = { "script", "--kallsyms", ksyms, "-i", path, NULL };
		const char *forced[] = { "script", "-f", "--show-task-events",
					 "--show-mmap-events", "-F+addr,+sym", "--kallsyms",
					 ksyms, "-i", path, NULL };

		fuzz__run_cmd(cmd_report, stats, -1);
		fuzz__run_cmd(cmd_report, dump, -1);
		fuzz__run_cmd(cmd_report, hdr, -1);
		fuzz__run_cmd(cmd_report, stdio, -1);
		fuzz__run_cmd(cmd_script, script, -1);
		fuzz__run_cmd(cmd_script, forced, -1);
	}

	/* A pipe holds at most its capacity before the reader runs: keep it small. */
	if (size >= sizeof(pipe_magic) && size <= 60000 &&
	    !memcmp(data, pipe_magic, sizeof(pipe_magic))) {
		const char *stats[] = { "report", "--stats", "-i", "-", NULL };
		int fds[2];

		if (pipe2(fds, O_CLOEXEC) == 0) {
			if (write(fds[1], data, size) == (ssize_t)size) {
				close(fds[1]);
				fds[1] = -1;
				fuzz__run_cmd(cmd_report, stats, fds[0]);
			}
			if (fds[1] >= 0)
				close(fds[1]);
			close(fds[0]);
		}
	}
	return 0;
}

/* A NUL-terminated copy of at most 4 KiB of the input. */
static char *fuzz__string(const uint8_t *data, size_t size)
{
	char *s;

	if (size > 4096)
		size = 4096;
	s = malloc(size + 1);
	if (!s)
		return NULL;
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* The -e grammar, against the machine's PMUs and against a fake Intel sysfs. */
int fuzz__parse_events(const uint8_t *data, size_t size)
{
	char *str = fuzz__string(data, size);
	int pass;

	if (!str)
		return 0;
	for (pass = 0; pass < 2; pass++) {
		struct parse_events_error err;
		struct evlist *evlist;

		if (pass == 1) {
			if (!fake_sysfs)
				break;
			perf_pmus__destroy();
			sysfs__set_mountpoint(fake_sysfs);
		}
		evlist = evlist__new();
		if (!evlist)
			break;
		parse_events_error__init(&err);
		if (parse_events(evlist, str, &err))
			parse_events_error__print(&err, str, devnull);
		parse_events_error__exit(&err);
		evlist__delete(evlist);
		if (pass == 1) {
			perf_pmus__destroy();
			sysfs__set_mountpoint(NULL);
		}
	}
	free(str);
	return 0;
}

static int fuzz__config_cb(const char *var, const char *value, void *data)
{
	int i;
	bool b;
	uint64_t u;

	(void)data;
	perf_config_int(&i, var, value);
	perf_config_bool(&b, var, value);
	perf_config_u64(&u, var, value);
	return 0;
}

/* A perfconfig file: loaded as a set, edited and written back, and read as $PERF_CONFIG. */
int fuzz__config(const uint8_t *data, size_t size)
{
	char path[PATH_MAX], out[PATH_MAX];
	struct perf_config_set *set;

	if (fuzz__write_file("perfconfig", data, size, path, sizeof(path)))
		return 0;
	set = perf_config_set__load_file(path);
	if (!IS_ERR(set)) {
		perf_config_set__get(set, "report.sort_order");
		perf_config_set__get(set, "core.");
		perf_config_set__set(set, "fuzz.key", "value");
		snprintf(out, sizeof(out), "%s/perfconfig.out", fuzz_dir);
		if (!perf_config_set__write(set, out)) {
			struct perf_config_set *again = perf_config_set__load_file(out);

			if (!IS_ERR(again))
				perf_config_set__delete(again);
		}
		perf_config_set__delete(set);
	}
	setenv("PERF_CONFIG", path, 1);
	perf_config__exit();
	perf_config(fuzz__config_cb, NULL);
	perf_config__exit();
	unsetenv("PERF_CONFIG");
	return 0;
}

/* Every symbol a loader produced, looked up by address and by name. */
static void fuzz__walk_symbols(struct dso *dso)
{
	struct symbol *sym;

	for (sym = dso__first_symbol(dso); sym; sym = dso__next_symbol(dso, sym)) {
		dso__find_symbol(dso, sym->start);
		dso__find_symbol(dso, sym->end ? sym->end - 1 : 0);
		dso__find_symbol_by_name(dso, sym->name);
	}
	dso__find_symbol(dso, 0);
	dso__find_symbol(dso, UINT64_MAX);
}

/* A /tmp/perf-PID.map file. */
int fuzz__jit_map(const uint8_t *data, size_t size)
{
	char path[PATH_MAX];
	struct dso *dso;

	if (fuzz__write_file("perf-1.map", data, size, path, sizeof(path)))
		return 0;
	dso = dso__new(path);
	if (!dso)
		return 0;
	if (dso__load_jit_map(dso, path) >= 0)
		fuzz__walk_symbols(dso);
	dso__put(dso);
	return 0;
}

/* An ELF file named by an mmap record: symbols, debuglink, build-id. */
int fuzz__elf(const uint8_t *data, size_t size)
{
	char path[PATH_MAX], link[PATH_MAX];
	struct dso *dso;

	if (fuzz__write_file("input.elf", data, size, path, sizeof(path)))
		return 0;
	filename__read_debuglink(path, link, sizeof(link));
	dso = dso__new(path);
	if (!dso)
		return 0;
	if (dso__load(dso) > 0)
		fuzz__walk_symbols(dso);
	dso__put(dso);
	return 0;
}

/*
 * Tracing data: the input is a 2-byte little-endian payload length, a raw
 * tracepoint payload of that length (its first 2 bytes are the event id,
 * as common_type), then the tracing data blob of HEADER_TRACING_DATA.
 */
int fuzz__trace_event(const uint8_t *data, size_t size)
{
	struct trace_event te = { NULL, NULL };
	struct trace_data_event ev;
	const uint8_t *raw, *blob;
	size_t raw_len, blob_len;
	uint16_t id;

	if (size < 4)
		return 0;
	raw_len = data[0] | (size_t)data[1] << 8;
	if (raw_len > size - 2)
		raw_len = size - 2;
	raw = data + 2;
	blob = raw + raw_len;
	blob_len = size - 2 - raw_len;
	id = raw_len >= 2 ? (uint16_t)(raw[0] | raw[1] << 8) : 0;

	if (!trace_data__find_event(blob, blob_len, id, &ev)) {
		struct strbuf sb = STRBUF_INIT;

		trace_data_event__fields(&ev, &sb);
		strbuf_release(&sb);
	}
	if (!trace_event__parse(&te, blob, blob_len)) {
		struct tep_event *event = trace_event__find(&te, id);

		if (event)
			trace_event__fprintf(&te, event, 0, raw, (uint32_t)raw_len, devnull);
	}
	trace_event__exit(&te);
	return 0;
}
