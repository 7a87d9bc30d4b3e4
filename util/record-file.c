// SPDX-License-Identifier: GPL-2.0
/* perf record's file: header features, build-ids, timestamped names. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "data.h"
#include "dso.h"
#include "evlist.h"
#include "evsel.h"
#include "exec-cmd.h"
#include "header.h"
#include "machine.h"
#include "map.h"
#include "record-file.h"
#include "session.h"
#include "strbuf.h"
#include "thread.h"
#include "trace-event-info.h"
#include "util.h"

void record_file__init_features(struct perf_header *h, struct evlist *evlist,
				int argc, const char **argv, const char *version,
				uint32_t comp_level, uint32_t mmap_len, int clockid)
{
	struct perf_env *env = &h->env;
	struct evsel *evsel;
	int feat, i;

	perf_env__init_host(env);
	env->version = strdup(version);
	/* The command line as run: argv[0] is the binary's full path. */
	env->cmdline_argv = calloc((size_t)argc + 2, sizeof(char *));
	if (env->cmdline_argv) {
		const char *dir = perf_binary_dir();
		char *exe = NULL;

		if (dir && asprintf(&exe, "%s/perf", dir) < 0)
			exe = NULL;
		env->cmdline_argv[0] = exe ? exe : strdup("perf");
		env->cmdline_argv[1] = strdup("record");
		for (i = 1; i < argc; i++)
			env->cmdline_argv[i + 1] = strdup(argv[i]);
		env->nr_cmdline = argc + 1;
	}

	for (feat = HEADER_FIRST_FEATURE; feat < HEADER_LAST_FEATURE; feat++)
		perf_header__feat_set(h->adds_features, feat);
	/* Only what we can describe: the rest stays off, as on the reference's files. */
	h->adds_features[0] &= ~((1ULL << HEADER_TRACING_DATA) | (1ULL << HEADER_BRANCH_STACK) |
				 (1ULL << HEADER_AUXTRACE) | (1ULL << HEADER_STAT) |
				 (1ULL << HEADER_CLOCKID) | (1ULL << HEADER_DIR_FORMAT) |
				 (1ULL << HEADER_BPF_PROG_INFO) | (1ULL << HEADER_BPF_BTF) |
				 (1ULL << HEADER_COMPRESSED) | (1ULL << HEADER_CPU_PMU_CAPS) |
				 (1ULL << HEADER_CLOCK_DATA) | (1ULL << HEADER_HYBRID_TOPOLOGY) |
				 (1ULL << HEADER_PMU_CAPS) | (1ULL << HEADER_BUILD_ID));
	if (!evlist->nr_groups)
		h->adds_features[0] &= ~(1ULL << HEADER_GROUP_DESC);
	if (comp_level) {
		/* Readers size their buffer for one record's output by mmap_len. */
		perf_header__feat_set(h->adds_features, HEADER_COMPRESSED);
		env->comp.version = 0;
		env->comp.type = 1;	/* zstd */
		env->comp.level = comp_level;
		env->comp.mmap_len = mmap_len;
	}
	if (clockid >= 0) {
		struct timespec res;

		perf_header__feat_set(h->adds_features, HEADER_CLOCKID);
		if (!clock_getres(clockid, &res))
			env->clockid_res_ns = (uint64_t)res.tv_sec * 1000000000ULL +
					      (uint64_t)res.tv_nsec;
	}
	evlist__for_each_entry(evlist, evsel) {
		struct strbuf td = STRBUF_INIT;

		if (evsel->attr.type != PERF_TYPE_TRACEPOINT)
			continue;
		/* Readers decode tracepoint payloads with these formats. */
		if (!tracing_data__build(evlist, &td)) {
			size_t len;

			env->tracing_data = strbuf_detach(&td, &len);
			env->tracing_data_size = len;
			perf_header__feat_set(h->adds_features, HEADER_TRACING_DATA);
		}
		strbuf_release(&td);
		break;
	}
}

/* A sample's dso is hit: its build-id goes into the header. */
static int record_file__mark_hit(struct perf_tool *tool __maybe_unused,
				 union perf_event *event __maybe_unused,
				 struct perf_sample *sample, struct evsel *evsel __maybe_unused,
				 struct machine *machine)
{
	struct thread *thread = machine__findnew_thread(machine, (pid_t)sample->pid,
							(pid_t)sample->tid);
	struct addr_location al;

	/* The map is enough: no symbol table needs loading to mark a hit. */
	addr_location__init(&al);
	if (thread && thread__find_map_fb(thread, sample->cpumode, sample->ip, &al) &&
	    al.map->dso)
		al.map->dso->hit = true;
	addr_location__exit(&al);
	thread__put(thread);
	return 0;
}

int record_file__write_build_ids(struct perf_header *h, struct evlist *evlist, int fd,
				 const char *path, bool add_to_cache)
{
	struct perf_data data = {
		.path = path,
		.mode = PERF_DATA_MODE_READ,
		.force = true,
	};
	struct perf_tool tool = {
		.sample = record_file__mark_hit,
		.mmap = perf_event__process_mmap,
		.mmap2 = perf_event__process_mmap2,
		.comm = perf_event__process_comm,
		.fork = perf_event__process_fork,
		.exit = perf_event__process_exit,
		.ksymbol = perf_event__process_ksymbol,
	};
	struct perf_session *session;
	struct machine *machine;
	int err;

	session = perf_session__new(&data, &tool);
	if (IS_ERR(session))
		return (int)PTR_ERR(session);
	machine = machine__new_host(&session->header.env);
	if (!machine) {
		perf_session__delete(session);
		return -ENOMEM;
	}
	session->machine = machine;
	err = perf_session__process_events(session);
	if (!err)
		err = machine__hit_build_ids(machine, add_to_cache, &h->build_ids, &h->nr_build_ids);
	session->machine = NULL;
	machine__delete(machine);
	perf_session__delete(session);
	if (err || !h->nr_build_ids)
		return err;
	perf_header__feat_set(h->adds_features, HEADER_BUILD_ID);
	return perf_header__write(h, evlist, fd, true);
}

char *record_file__timestamp_name(const char *path)
{
	char stamp[32], *name;
	struct timeval tv;
	struct tm tm;

	gettimeofday(&tv, NULL);
	localtime_r(&tv.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", &tm);
	if (asprintf(&name, "%s.%s%02d", path, stamp, (int)(tv.tv_usec / 10000)) < 0)
		return NULL;
	return name;
}
