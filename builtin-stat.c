// SPDX-License-Identifier: GPL-2.0
/*
 * perf stat: run a command (or watch CPUs, processes, threads) and count
 * events while it runs, then print the counts with the reference's
 * layouts. Arithmetic is util/stat, output util/stat-display, metrics
 * util/stat-shadow, the forked command util/workload.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include "builtin.h"
#include "util/config.h"
#include "util/cpumap.h"
#include "util/data.h"
#include "util/debug.h"
#include "util/evlist.h"
#include "util/evsel.h"
#include "util/exec-cmd.h"
#include "util/fs.h"
#include "util/header.h"
#include "util/parse-events.h"
#include "util/output-file.h"
#include "util/parse-options.h"
#include "util/run-command.h"
#include "util/session.h"
#include "util/stat.h"
#include "util/stat-display.h"
#include "util/stat-record.h"
#include "util/strbuf.h"
#include "util/synthetic-events.h"
#include "util/target.h"
#include "util/thread_map.h"
#include "util/util.h"
#include "util/workload.h"
#include "util/xyarray.h"
#include "util/zalloc.h"
#include "build-options.h"

/* The reference's default events; cpu-clock replaces task-clock per CPU. */
#define DEFAULT_EVENTS_SW	"context-switches,cpu-migrations,page-faults"
#define DETAILED_EVENTS	"L1-dcache-loads,L1-dcache-load-misses,LLC-loads,LLC-load-misses"
#define VERY_DETAILED_EVENTS						\
	"L1-icache-loads,L1-icache-load-misses,dTLB-loads,dTLB-load-misses," \
	"iTLB-loads,iTLB-load-misses"
#define VERY_VERY_DETAILED_EVENTS "L1-dcache-prefetches,L1-dcache-prefetch-misses"
#define TRANSACTION_EVENTS \
	"task-clock,{instructions,cycles,cpu/cycles-t/,cpu/tx-start/,cpu/el-start/,cpu/cycles-ct/}"
#define TRANSACTION_LIMITED_EVENTS \
	"task-clock,{instructions,cycles,cpu/cycles-t/,cpu/tx-start/}"

/**
 * struct stat_cmd - perf stat's options and run state
 * @forks:        a command was given: fork and count it
 * @cgroup_names: -G name of each event, by evsel index (NULL or "": none)
 * @cgroup_fds:   open cgroup directories, one per event (-1: none)
 * @ref_time:     CLOCK_MONOTONIC at the start of counting, for -I stamps
 * @times:        --interval-count intervals left
 * @record:       `perf stat record`: the counts also go to @data
 * @header, @synth: its perf.data header and record writer
 * @recording:    the header is written, counts may follow
 * @record_interval: -I as written in STAT_CONFIG (--summary clears the
 *                config's before the last read)
 * @full_argc, @full_argv: the command line as given, for HEADER_CMDLINE
 */
struct stat_cmd {
	struct perf_stat_config config;
	struct target target;
	struct evlist *evlist;
	struct workload workload;
	bool forks;
	int detailed;
	bool group;
	bool no_inherit;
	bool sync_run;
	bool transaction;
	bool smi_cost;
	bool topdown;
	unsigned int td_level;
	bool all_kernel;
	bool all_user;
	bool append;
	bool per_thread_opt;
	bool interval_count_opt;
	const char *output_name;
	int output_fd;
	const char *csv_sep;
	bool big_num_opt;
	bool big_num_set;
	const char *pre_cmd;
	const char *post_cmd;
	int initial_delay;
	unsigned int timeout;
	unsigned int interval_count;
	unsigned int times;
	bool forever;
	struct strbuf metrics;
	const char *control;
	const char *cputype;
	const char *for_each_cgroup;
	bool no_merge;
	bool hybrid_merge;
	bool metric_no_group;
	bool metric_no_merge;
	bool percore_show_thread;
	int nr_cgroups;
	char **cgroup_names;
	int nr_cgroup_names;
	int *cgroup_fds;
	struct timespec ref_time;
	bool record;
	struct perf_data data;
	struct perf_header header;
	struct synth_ctx synth;
	uint64_t bytes_written;
	bool recording;
	unsigned int record_interval;
	int full_argc;
	const char **full_argv;
};

static const char *const stat_usage[] = {
	"perf stat [<options>] [<command>]",
	NULL
};

static const char *const stat_record_usage[] = {
	"perf stat record [<options>]",
	NULL
};

static const char *const stat_report_usage[] = {
	"perf stat report [<options>]",
	NULL
};

/* ---- signals ---- */

/*
 * The reference ignores SIGINT while a command runs (the terminal sends
 * it to the command too), stops at once without one, and at exit dies of
 * the last signal it caught, so a shell sees "killed by SIGINT". The
 * last one is usually SIGCHLD, whose default is to do nothing.
 */
static volatile sig_atomic_t done;
static volatile sig_atomic_t signr = -1;
static volatile sig_atomic_t have_child;
static volatile sig_atomic_t interval_mode;
static pid_t atexit_child = -1;

static void stat__signal(int sig)
{
	if (!have_child || interval_mode)
		done = 1;
	signr = sig;
}

static void stat__atexit(void)
{
	sigset_t set, old;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, &old);
	if (atexit_child > 0)
		kill(atexit_child, SIGTERM);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (signr == -1)
		return;
	signal(signr, SIG_DFL);
	kill(getpid(), signr);
}

static void stat__setup_signals(struct stat_cmd *stat)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = stat__signal;
	/* wait4() goes on after SIGINT; poll() returns EINTR regardless. */
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	atexit(stat__atexit);
	if (!stat->forever)
		sigaction(SIGINT, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
}

/* ---- options ---- */

static int stat__parse_metrics(const struct option *opt, const char *str,
			       int unset __maybe_unused)
{
	struct strbuf *sb = opt->value;

	if (sb->len)
		strbuf_addch(sb, ',');
	strbuf_addstr(sb, str);
	return 0;
}

/* Where the perf_event cgroup hierarchy is mounted (v1 controller or v2). */
static int cgroup__mountpoint(char *buf, size_t size)
{
	char line[PATH_MAX + 256], v2[PATH_MAX] = "";
	FILE *fp = fopen("/proc/mounts", "r");
	int found = 0;

	if (!fp)
		return -errno;
	while (!found && fgets(line, sizeof(line), fp)) {
		char dev[256], dir[PATH_MAX], type[64], opts[1024];

		if (sscanf(line, "%255s %4095s %63s %1023s", dev, dir, type, opts) != 4)
			continue;
		if (!strcmp(type, "cgroup")) {
			char *tok, *save = NULL;

			for (tok = strtok_r(opts, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
				if (!strcmp(tok, "perf_event")) {
					snprintf(buf, size, "%s", dir);
					found = 1;
				}
		} else if (!strcmp(type, "cgroup2") && !v2[0]) {
			snprintf(v2, sizeof(v2), "%s", dir);
		}
	}
	fclose(fp);
	if (!found && v2[0]) {
		snprintf(buf, size, "%s", v2);
		found = 1;
	}
	return found ? 0 : -ENOENT;
}

static int stat__set_cgroup(struct stat_cmd *stat, int idx, const char *name)
{
	if (idx >= stat->nr_cgroup_names) {
		char **n = realloc(stat->cgroup_names, (size_t)(idx + 1) * sizeof(*n));

		if (!n)
			return -1;
		memset(n + stat->nr_cgroup_names, 0,
		       (size_t)(idx + 1 - stat->nr_cgroup_names) * sizeof(*n));
		stat->cgroup_names = n;
		stat->nr_cgroup_names = idx + 1;
	}
	free(stat->cgroup_names[idx]);
	stat->cgroup_names[idx] = strdup(name);
	return stat->cgroup_names[idx] ? 0 : -1;
}

/* As the reference, a cgroup that cannot be opened is a bad -G value. */
static bool stat__cgroup_exists(const char *name)
{
	char mnt[PATH_MAX], path[PATH_MAX * 2];
	int fd;

	if (cgroup__mountpoint(mnt, sizeof(mnt)))
		mnt[0] = '\0';
	snprintf(path, sizeof(path), "%s/%s", mnt, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "no access to cgroup %s\n", path);
		return false;
	}
	close(fd);
	return true;
}

/*
 * -G a,b: the i-th name goes to the i-th event that has none yet; a
 * single name goes to all of them. More names than events is an error.
 */
static int stat__parse_cgroups(const struct option *opt, const char *str,
			       int unset __maybe_unused)
{
	struct stat_cmd *stat = opt->value;
	struct evsel *evsel;
	char *names, *p;
	int nr_names = 1, first = -1, n = 0;

	if (evlist__empty(stat->evlist)) {
		fprintf(stderr, "must define events before cgroups\n");
		return -1;
	}
	first = stat->nr_cgroup_names;
	for (p = (char *)str; *p; p++)
		nr_names += *p == ',';

	names = strdup(str);
	if (!names)
		return -1;
	p = names;
	evlist__for_each_entry(stat->evlist, evsel) {
		char *comma;

		if (evsel->idx < first)
			continue;
		if (!p) {
			if (nr_names > 1)
				break;
			p = names;	/* one name for all */
		}
		comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		if (*p && !stat__cgroup_exists(p)) {
			free(names);
			return -1;
		}
		if (stat__set_cgroup(stat, evsel->idx, p)) {
			free(names);
			return -1;
		}
		p = comma ? comma + 1 : NULL;
		n++;
	}
	/* Names left over: an error unless they are empty. */
	for (; p && nr_names > 1; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL) {
		if (*p && *p != ',') {
			free(names);
			return -1;
		}
	}
	stat->nr_cgroups += n;
	free(names);
	return 0;
}

static int stat__iostat(const struct option *opt __maybe_unused,
			const char *str __maybe_unused, int unset __maybe_unused)
{
	/* I/O metrics need an uncore IIO PMU, which is x86 server only. */
	fprintf(stderr, "Unsupported uncore pmu configuration\n");
	return -1;
}

static int stat__config(const char *var, const char *value, void *data)
{
	struct stat_cmd *stat = data;
	bool b;

	if (!strcmp(var, "stat.big-num") && !perf_config_bool(&b, var, value))
		stat->config.big_num = b;
	else if (!strcmp(var, "stat.no-csv-summary") && !perf_config_bool(&b, var, value))
		stat->config.no_csv_summary = b;
	return 0;
}

/* ---- events ---- */

static bool pmu_has_event(const char *pmu, const char *event)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/bus/event_source/devices/%s/events/%s",
		 sysfs__mountpoint(), pmu, event);
	return access(path, F_OK) == 0;
}

static int stat__parse(struct evlist *evlist, const char *str)
{
	struct parse_events_error err;
	int ret;

	parse_events_error__init(&err);
	ret = parse_events(evlist, str, &err);
	if (ret)
		parse_events_error__print(&err, str, stderr);
	parse_events_error__exit(&err);
	return ret;
}

/* The events perf stat counts when -e gave none, with -T, -d... */
static int stat__add_default_events(struct stat_cmd *stat)
{
	struct strbuf sb = STRBUF_INIT;
	int ret;

	if (stat->config.null_run)
		return 0;

	if (stat->transaction) {
		struct parse_events_error err;
		const char *ev = pmu_has_event("cpu", "cycles-ct") &&
				 pmu_has_event("cpu", "el-start") ?
				 TRANSACTION_EVENTS : TRANSACTION_LIMITED_EVENTS;

		parse_events_error__init(&err);
		ret = parse_events(stat->evlist, ev, &err);
		if (ret) {
			fprintf(stderr, "Cannot set up transaction events\n");
			parse_events_error__print(&err, TRANSACTION_EVENTS, stderr);
		}
		parse_events_error__exit(&err);
		return ret ? -EINVAL : 0;
	}
	if (stat->smi_cost) {
		char path[PATH_MAX];

		snprintf(path, sizeof(path), "%s/bus/event_source/devices/cpu/freeze_on_smi",
			 sysfs__mountpoint());
		if (access(path, F_OK)) {
			fprintf(stderr, "freeze_on_smi is not supported.\n");
			return -EINVAL;
		}
		fprintf(stderr, "To measure SMI cost, it needs msr/aperf/, msr/smi/ and cpu/cycles/ support\n");
		return -EINVAL;
	}
	if (stat->topdown) {
		if (!stat->target.system_wide) {
			fprintf(stderr, "top down event configuration requires system-wide mode (-a)\n");
			return -EINVAL;
		}
		fprintf(stderr, "System does not support topdown\n");
		return -EINVAL;
	}

	if (evlist__empty(stat->evlist)) {
		strbuf_addstr(&sb, target__has_cpu(&stat->target) ? "cpu-clock," : "task-clock,");
		strbuf_addstr(&sb, DEFAULT_EVENTS_SW ",cycles,");
		/* Only PMUs that name them can count stalls (not AMD, not VMs). */
		if (pmu_has_event("cpu", "stalled-cycles-frontend"))
			strbuf_addstr(&sb, "stalled-cycles-frontend,");
		if (pmu_has_event("cpu", "stalled-cycles-backend"))
			strbuf_addstr(&sb, "stalled-cycles-backend,");
		strbuf_addstr(&sb, "instructions,branches,branch-misses");
	}
	if (stat->detailed >= 1)
		strbuf_addf(&sb, "%s%s", sb.len ? "," : "", DETAILED_EVENTS);
	if (stat->detailed >= 2)
		strbuf_addf(&sb, ",%s", VERY_DETAILED_EVENTS);
	if (stat->detailed >= 3)
		strbuf_addf(&sb, ",%s", VERY_VERY_DETAILED_EVENTS);
	ret = sb.len ? stat__parse(stat->evlist, sb.buf) : 0;
	strbuf_release(&sb);
	return ret ? -EINVAL : 0;
}

/* Units the reference shows for clocks and tool events. */
static void stat__set_units(struct evlist *evlist)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel) {
		if (evsel->unit)
			continue;
		if (evsel__is_clock(evsel)) {
			evsel->unit = "msec";
			evsel->scale = 1e-6;
		} else if (evsel__is_tool(evsel)) {
			evsel->unit = "ns";
		}
	}
}

/* ---- cgroups ---- */

/* Open the cgroup directory of each event given one with -G. */
static int stat__open_cgroups(struct stat_cmd *stat)
{
	char mnt[PATH_MAX], path[PATH_MAX * 2];
	struct evsel *evsel;
	int i = 0;

	stat->cgroup_fds = calloc((size_t)stat->evlist->nr_entries, sizeof(int));
	if (!stat->cgroup_fds)
		return -ENOMEM;
	if (cgroup__mountpoint(mnt, sizeof(mnt)))
		mnt[0] = '\0';
	evlist__for_each_entry(stat->evlist, evsel) {
		struct perf_stat_evsel *ps = evsel__stat(evsel);

		stat->cgroup_fds[i] = -1;
		if (ps && ps->cgroup && ps->cgroup[0]) {
			snprintf(path, sizeof(path), "%s/%s", mnt, ps->cgroup);
			stat->cgroup_fds[i] = open(path, O_RDONLY | O_CLOEXEC);
			if (stat->cgroup_fds[i] < 0) {
				fprintf(stderr, "no access to cgroup %s\n", path);
				return -1;
			}
		}
		i++;
	}
	return 0;
}

/* ---- opening ---- */

static void stat__config_attr(struct stat_cmd *stat, struct evsel *evsel)
{
	struct perf_event_attr *attr = &evsel->attr;

	if (stat->all_user) {
		attr->exclude_kernel = 1;
		attr->exclude_user = 0;
	}
	if (stat->all_kernel) {
		attr->exclude_kernel = 0;
		attr->exclude_user = 1;
	}
	attr->read_format = PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_TOTAL_TIME_RUNNING;
	attr->inherit = !stat->no_inherit;
	/* Tracepoints come with a sample period: counting wants none. */
	attr->sample_period = 0;
	attr->freq = 0;
	/*
	 * As the reference: perf.data readers find an event by its id; its
	 * pipes carry no sample_type at all.
	 */
	if (stat->record && !stat->data.is_pipe)
		attr->sample_type = PERF_SAMPLE_IDENTIFIER;
	attr->disabled = 0;
	attr->enable_on_exec = 0;
	if (evsel__is_group_leader(evsel)) {
		attr->disabled = 1;
		/* The kernel starts counting at the command's exec. */
		if (target__none(&stat->target) && !stat->initial_delay)
			attr->enable_on_exec = 1;
	}
}

enum counter_recovery {
	COUNTER_SKIP,
	COUNTER_RETRY,
	COUNTER_FATAL,
};

static enum counter_recovery stat__open_error(struct stat_cmd *stat, struct evsel *evsel,
					      int err)
{
	struct perf_stat_evsel *ps = evsel__stat(evsel);
	char msg[BUFSIZ];

	if (err == EINVAL || err == ENOSYS || err == ENOENT || err == EOPNOTSUPP ||
	    err == ENXIO) {
		if (verbose > 0)
			fprintf(stderr, "Warning:\n%s event is not supported by the kernel.\n",
				evsel__name(evsel));
		ps->supported = false;
		if (!evsel__is_group_leader(evsel) || evsel->nr_members <= 1)
			return COUNTER_SKIP;
	} else if (evsel__fallback(evsel, err, msg, sizeof(msg))) {
		if (verbose > 0)
			fprintf(stderr, "Warning:\n%s\n", msg);
		return COUNTER_RETRY;
	}
	evsel__open_strerror(evsel, &stat->target, err, msg, sizeof(msg));
	fprintf(stderr, "Error:\n%s\n", msg);
	workload__kill(&stat->workload, SIGTERM);
	return COUNTER_FATAL;
}

static int stat__open_one(struct stat_cmd *stat, struct evsel *evsel, int idx)
{
	struct perf_stat_evsel *ps = evsel__stat(evsel);

	if (evsel__is_tool(evsel)) {
		if (!evsel->counts)
			evsel->counts = xyarray__new(1, 1, sizeof(struct perf_counts_values));
		ps->supported = evsel->counts != NULL;
		return evsel->counts ? 0 : -ENOMEM;
	}
	for (;;) {
		int err;

		if (stat->cgroup_fds && stat->cgroup_fds[idx] >= 0)
			err = evsel__open_cgroup(evsel, evsel->cpus, stat->cgroup_fds[idx]);
		else
			err = evsel__open(evsel, evsel->cpus, evsel->threads);
		if (!err) {
			ps->supported = true;
			return 0;
		}
		if (evsel__detect_missing_features(evsel, -err))
			continue;
		switch (stat__open_error(stat, evsel, -err)) {
		case COUNTER_SKIP:
			return 0;
		case COUNTER_RETRY:
			continue;
		case COUNTER_FATAL:
		default:
			return -1;
		}
	}
}

static int stat__open_counters(struct stat_cmd *stat)
{
	struct evsel *evsel;
	int idx = 0;

	evlist__for_each_entry(stat->evlist, evsel) {
		stat__config_attr(stat, evsel);
		if (stat__open_one(stat, evsel, idx++))
			return -1;
		if (evsel->filter && evsel->fd) {
			int err = evsel__apply_filter(evsel, evsel->filter);

			if (err) {
				fprintf(stderr, "failed to set filter \"%s\" on event %s with %d (%s)\n",
					evsel->filter, evsel__name(evsel), -err, strerror(-err));
				return -1;
			}
		}
	}
	return 0;
}

/* ---- reading ---- */

static uint64_t timespec__ns(const struct timespec *ts)
{
	return (uint64_t)ts->tv_sec * 1000000000ULL + (uint64_t)ts->tv_nsec;
}

static uint64_t rusage__ns(const struct timeval *tv)
{
	return (uint64_t)tv->tv_sec * 1000000000ULL + (uint64_t)tv->tv_usec * 1000ULL;
}

static void stat__read_tool(struct stat_cmd *stat, struct evsel *evsel, uint64_t elapsed)
{
	struct perf_counts_values *c = evsel__counts(evsel, 0, 0);
	uint64_t val = 0;

	if (!c)
		return;
	switch (evsel->tool_event) {
	case TOOL_EVENT_DURATION_TIME:
		val = elapsed;
		break;
	case TOOL_EVENT_USER_TIME:
		val = rusage__ns(&stat->config.ru_data.ru_utime);
		break;
	case TOOL_EVENT_SYSTEM_TIME:
		val = rusage__ns(&stat->config.ru_data.ru_stime);
		break;
	case TOOL_EVENT_NONE:
	case TOOL_EVENT_MAX:
	default:
		break;
	}
	c->val = c->ena = c->run = val;
}

/* ---- perf stat record ---- */

static int stat__write_event(void *ctx, const union perf_event *event)
{
	struct stat_cmd *stat = ctx;
	int err = perf_data__write(&stat->data, event, event->header.size);

	if (!err)
		stat->bytes_written += event->header.size;
	return err;
}

/* The features the reference writes for counts (a pipe carries none). */
static void stat__record_init_features(struct stat_cmd *stat)
{
	struct perf_header *h = &stat->header;
	struct perf_env *env = &h->env;
	const char *dir = perf_binary_dir();
	int feat, i;

	if (stat->data.is_pipe)
		return;
	perf_env__init_host(env);
	env->version = strdup(PERF_VERSION);
	/* The command line as run: argv[0] is the binary's full path. */
	env->cmdline_argv = calloc((size_t)stat->full_argc + 1, sizeof(char *));
	if (env->cmdline_argv) {
		char *exe = NULL;

		if (dir && asprintf(&exe, "%s/perf", dir) < 0)
			exe = NULL;
		env->cmdline_argv[0] = exe ? exe : strdup("perf");
		for (i = 0; i < stat->full_argc; i++)
			env->cmdline_argv[i + 1] = strdup(stat->full_argv[i]);
		env->nr_cmdline = stat->full_argc + 1;
	}
	for (feat = HEADER_FIRST_FEATURE; feat < HEADER_LAST_FEATURE; feat++)
		perf_header__feat_set(h->adds_features, feat);
	/*
	 * No samples, so no build-ids, branch stacks, AUX or tracing data;
	 * the BPF and PMU capability sections are not written by this perf.
	 * The rest as the reference, HEADER_STAT saying what the data is.
	 */
	h->adds_features[0] &= ~((1ULL << HEADER_TRACING_DATA) | (1ULL << HEADER_BUILD_ID) |
				 (1ULL << HEADER_BRANCH_STACK) | (1ULL << HEADER_AUXTRACE) |
				 (1ULL << HEADER_DIR_FORMAT) | (1ULL << HEADER_HYBRID_TOPOLOGY) |
				 (1ULL << HEADER_BPF_PROG_INFO) | (1ULL << HEADER_BPF_BTF) |
				 (1ULL << HEADER_PMU_CAPS));
	if (!env->nr_cpu_pmu_caps)
		h->adds_features[0] &= ~(1ULL << HEADER_CPU_PMU_CAPS);
}

/*
 * After the first open: the header with the attrs and their ids, then
 * the records that say how to read the counts. 0 or -errno.
 */
static int stat__record_start(struct stat_cmd *stat)
{
	struct evlist *evlist = stat->evlist;
	int err;

	err = perf_stat__read_ids(evlist);
	if (err)
		return err;
	stat__record_init_features(stat);
	synth_ctx__init(&stat->synth, evlist, stat__write_event, stat);
	if (stat->data.is_pipe) {
		err = perf_header__write_pipe(stat->data.fd);
		if (!err)
			err = perf_header__synthesize_pipe(&stat->header, evlist,
							   stat__write_event, stat);
	} else {
		err = perf_header__write(&stat->header, evlist, stat->data.fd, false);
		if (!err && lseek(stat->data.fd, (off_t)stat->header.data_offset, SEEK_SET) < 0)
			err = -errno;
	}
	stat->bytes_written = 0;
	stat->record_interval = stat->config.interval;
	if (!err)
		err = perf_stat__synthesize_config(&stat->synth, &stat->config, evlist,
						   stat->data.is_pipe);
	if (!err)
		stat->recording = true;
	return err;
}

static void stat__record_counts(struct stat_cmd *stat)
{
	if (stat->recording && perf_stat__synthesize_counts(&stat->synth, stat->evlist))
		pr_err("failed to write stat event\n");
}

static void stat__record_round(struct stat_cmd *stat, uint64_t time, uint64_t type)
{
	if (stat->recording && perf_event__synthesize_stat_round(&stat->synth, time, type))
		pr_err("failed to write stat round event\n");
}

/*
 * The end: the kernel map (older readers warn about unresolvable symbols
 * without one, as the reference notes), the final round unless -I wrote
 * interval ones, and the header with the data size and the features.
 */
static int stat__record_finish(struct stat_cmd *stat)
{
	int err;

	if (!stat->recording)
		return 0;
	err = perf_event__synthesize_kernel_mmap(&stat->synth);
	if (!err && !stat->record_interval)
		err = perf_event__synthesize_stat_round(&stat->synth,
			(uint64_t)stats__avg(&stat->config.walltime_nsecs_stats),
			PERF_STAT_ROUND_TYPE__FINAL);
	if (!err && !stat->data.is_pipe) {
		stat->header.data_size = stat->bytes_written;
		err = perf_header__write(&stat->header, stat->evlist, stat->data.fd, true);
	}
	if (err)
		pr_err("failed to write perf data: %s\n", strerror(-err));
	return err;
}

static void stat__read_counters(struct stat_cmd *stat, uint64_t elapsed)
{
	struct evsel *evsel;

	evlist__for_each_entry(stat->evlist, evsel) {
		struct perf_stat_evsel *ps = evsel__stat(evsel);
		int c, t;

		ps->read_failed = false;
		if (!ps->supported) {
			pr_debug("failed to read counter %s\n", evsel__name(evsel));
			continue;
		}
		if (evsel__is_tool(evsel)) {
			stat__read_tool(stat, evsel, elapsed);
		} else if (evsel->fd) {
			for (c = 0; c < xyarray__max_x(evsel->fd) && !ps->read_failed; c++) {
				for (t = 0; t < xyarray__max_y(evsel->fd); t++) {
					struct perf_counts_values *v = evsel__counts(evsel, c, t);

					if (evsel__fd(evsel, c, t) < 0) {
						if (v)
							v->val = v->ena = v->run = 0;
						continue;
					}
					if (evsel__read_counter(evsel, c, t)) {
						ps->read_failed = true;
						break;
					}
					if (verbose > 1)
						fprintf(stat->config.output,
							"%s: %d: %" PRIu64 " %" PRIu64 " %" PRIu64 "\n",
							evsel__name(evsel),
							perf_cpu_map__cpu(evsel->cpus, c).cpu,
							v->val, v->ena, v->run);
				}
			}
			if (ps->read_failed)
				pr_debug("failed to read counter %s\n", evsel__name(evsel));
		}
		perf_stat__process_counter(&stat->config, evsel);
		if (verbose > 0 && stat->config.aggr_mode == AGGR_GLOBAL &&
		    !ps->read_failed)
			fprintf(stat->config.output, "%s: %" PRIu64 " %" PRIu64 " %" PRIu64 "\n",
				evsel__name(evsel), ps->aggr[0].val, ps->aggr[0].ena,
				ps->aggr[0].run);
	}
	stat__record_counts(stat);
}

static uint64_t rdclock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return timespec__ns(&ts);
}

static void stat__print(struct stat_cmd *stat, const struct timespec *ts,
			int argc, const char **argv)
{
	if (quiet)
		return;
	perf_stat__print_counters(&stat->config, stat->evlist, &stat->target, ts,
				  argc, argv);
}

/* -I: read, print one interval line set; true when --interval-count is reached. */
static bool stat__handle_interval(struct stat_cmd *stat)
{
	struct timespec now, rs;
	uint64_t ns;

	if (!stat->config.interval)
		return false;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ns = timespec__ns(&now) - timespec__ns(&stat->ref_time);
	rs.tv_sec = (time_t)(ns / 1000000000ULL);
	rs.tv_nsec = (long)(ns % 1000000000ULL);

	runtime_stat__reset(&stat->config.rt);
	stat__read_counters(stat, ns);
	stat__record_round(stat, ns, PERF_STAT_ROUND_TYPE__INTERVAL);
	/* Rates in an interval are per interval, not per elapsed time. */
	stats__init(&stat->config.walltime_nsecs_stats);
	stats__update(&stat->config.walltime_nsecs_stats, stat->config.interval * 1000000.0);
	stat__print(stat, &rs, 0, NULL);

	return stat->interval_count_opt && !--stat->times;
}

static bool stat__target_alive(struct stat_cmd *stat)
{
	struct perf_thread_map *threads = stat->evlist->threads;
	int i;

	if (!target__has_task(&stat->target))
		return true;
	for (i = 0; threads && i < threads->nr; i++) {
		char path[64];

		snprintf(path, sizeof(path), "/proc/%d", threads->map[i].pid);
		if (access(path, F_OK) == 0)
			return true;
	}
	return false;
}

/*
 * Wait for the end of counting (command exit, target exit, signal,
 * --timeout, --interval-count), printing -I lines on the way. A signal
 * (SIGCHLD of the command, SIGINT) cuts the current interval short and
 * prints it, as the reference does.
 */
static void stat__dispatch(struct stat_cmd *stat)
{
	int sleep_ms = stat->config.interval ? (int)stat->config.interval :
		       stat->timeout ? (int)stat->timeout : 1000;
	sigset_t block, old;

	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigaddset(&block, SIGINT);
	while (!done) {
		struct timespec tmo = { sleep_ms / 1000, (long)(sleep_ms % 1000) * 1000000L };
		bool exited;
		int ret;

		/* Blocked between the check and the sleep: no lost wake-up. */
		sigprocmask(SIG_BLOCK, &block, &old);
		if (stat->forks)
			exited = workload__wait(&stat->workload, WNOHANG,
						&stat->config.ru_data) == 1;
		else
			exited = !stat__target_alive(stat);
		if (exited || done) {
			sigprocmask(SIG_SETMASK, &old, NULL);
			break;
		}
		ret = ppoll(NULL, 0, &tmo, &old);
		sigprocmask(SIG_SETMASK, &old, NULL);
		if (ret <= 0 && (stat->timeout || stat__handle_interval(stat)))
			break;
	}
}

static void stat__enable(struct stat_cmd *stat)
{
	if (stat->initial_delay < 0) {
		pr_info("Events disabled\n");
		return;
	}
	if (stat->initial_delay > 0) {
		pr_info("Events disabled\n");
		usleep((useconds_t)stat->initial_delay * 1000);
	}
	if (!target__none(&stat->target) || stat->initial_delay) {
		evlist__enable(stat->evlist);
		if (stat->initial_delay > 0)
			pr_info("Events enabled\n");
	}
}

/* One run: open, start, wait, read, close. Returns the command's exit code or -1. */
static int stat__run_once(struct stat_cmd *stat, int argc, const char **argv, int run_idx)
{
	struct perf_stat_config *config = &stat->config;
	uint64_t t0, t1;
	int status = 0;

	memset(&config->ru_data, 0, sizeof(config->ru_data));
	if (stat->forks) {
		int err = workload__prepare(&stat->workload, argv);

		if (err) {
			errno = -err;
			perror("failed to prepare workload");
			return -1;
		}
		have_child = 1;
		atexit_child = stat->workload.pid;
		/* Per-task counters follow the command's pid. */
		if (target__none(&stat->target)) {
			struct perf_thread_map *threads = thread_map__new_by_tid(stat->workload.pid);

			if (!threads)
				return -1;
			evlist__set_maps(stat->evlist, stat->evlist->cpus, threads);
			perf_thread_map__put(threads);
		}
	}

	if (stat__open_counters(stat)) {
		workload__abandon(&stat->workload);
		evlist__close(stat->evlist);
		return -1;
	}
	if (stat->record && !stat->recording) {
		int err = stat__record_start(stat);

		if (err) {
			pr_err("failed to write perf data: %s\n", strerror(-err));
			workload__abandon(&stat->workload);
			evlist__close(stat->evlist);
			return -1;
		}
	}

	if (stat->forks) {
		int err;

		/*
		 * The clock starts before the go byte: workload__start()
		 * returns only once the exec is done, and counting starts at
		 * the exec, so a short command could otherwise run mostly
		 * before t0 ("157 CPUs utilized" for true).
		 */
		t0 = rdclock();
		clock_gettime(CLOCK_MONOTONIC, &stat->ref_time);
		err = workload__start(&stat->workload);
		if (err) {
			workload__wait(&stat->workload, 0, NULL);
			atexit_child = -1;
			pr_err("Workload failed: %s\n", strerror(-err));
			evlist__close(stat->evlist);
			return -1;
		}
		stat__enable(stat);
		if (config->interval || stat->timeout)
			stat__dispatch(stat);
		if (!stat->workload.reaped) {
			if (stat->timeout)
				workload__kill(&stat->workload, SIGTERM);
			while (workload__wait(&stat->workload, 0, &config->ru_data) == -EINTR)
				;
		}
		atexit_child = -1;
		status = stat->workload.status;
		if (WIFSIGNALED(status))
			psignal(WTERMSIG(status), argv[0]);
	} else {
		stat__enable(stat);
		t0 = rdclock();
		clock_gettime(CLOCK_MONOTONIC, &stat->ref_time);
		stat__dispatch(stat);
	}

	if (stat->initial_delay >= 0)
		evlist__disable(stat->evlist);
	t1 = rdclock();
	if (config->walltime_run)
		config->walltime_run[run_idx] = t1 - t0;

	if (config->interval && config->summary) {
		/* The summary counts everything since the start. */
		config->interval = 0;
		perf_stat__reset_prev(stat->evlist);
		runtime_stat__reset(&config->rt);
	}
	if (config->interval) {
		stats__init(&config->walltime_nsecs_stats);
		stats__update(&config->walltime_nsecs_stats, (double)(t1 - t0));
	} else {
		stats__update(&config->walltime_nsecs_stats, (double)(t1 - t0));
	}
	stat__read_counters(stat, t1 - t0);
	evlist__close(stat->evlist);
	return WEXITSTATUS(status);
}

static int stat__run(struct stat_cmd *stat, int argc, const char **argv, int run_idx)
{
	int ret;

	if (stat->pre_cmd) {
		ret = run_command_shell(stat->pre_cmd);
		if (ret)
			return ret;
	}
	if (stat->sync_run)
		sync();
	ret = stat__run_once(stat, argc, argv, run_idx);
	if (ret)
		return ret;
	if (stat->post_cmd) {
		ret = run_command_shell(stat->post_cmd);
		if (ret)
			return ret;
	}
	return ret;
}

/* ---- setup ---- */

/* Every thread of the machine, for system-wide --per-thread. */
static struct perf_thread_map *thread_map__new_all(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct perf_thread_map *map;
	struct dirent *pde;
	DIR *proc = opendir("/proc");

	if (!proc)
		return NULL;
	while ((pde = readdir(proc)) != NULL) {
		char path[300];
		struct dirent *tde;
		DIR *task;

		if (pde->d_name[0] < '0' || pde->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/task", pde->d_name);
		task = opendir(path);
		if (!task)
			continue;
		while ((tde = readdir(task)) != NULL) {
			if (tde->d_name[0] < '0' || tde->d_name[0] > '9')
				continue;
			strbuf_addf(&sb, "%s%s", sb.len ? "," : "", tde->d_name);
		}
		closedir(task);
	}
	closedir(proc);
	map = sb.len ? thread_map__new_str(NULL, sb.buf, NULL) : NULL;
	strbuf_release(&sb);
	return map;
}

/* Tool events count once, on the first CPU. */
static void stat__fix_tool_cpus(struct evlist *evlist)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel) {
		struct perf_cpu_map *one;
		int cpu;

		if (!evsel__is_tool(evsel))
			continue;
		cpu = perf_cpu_map__cpu(evsel->cpus, 0).cpu;
		one = perf_cpu_map__new_from_array(&cpu, 1);
		if (!one)
			continue;
		perf_cpu_map__put(evsel->cpus);
		evsel->cpus = one;
	}
}

static int stat__create_maps(struct stat_cmd *stat,
			     const struct option *options)
{
	struct perf_stat_config *config = &stat->config;
	struct evsel *evsel;
	int err;

	if (config->aggr_mode == AGGR_THREAD && stat->target.system_wide)
		stat->target.per_thread = true;

	err = evlist__create_maps(stat->evlist, &stat->target);
	if (err == -ESRCH && stat->target.tid && !stat->target.pid &&
	    !strchr(stat->target.tid, ',')) {
		/*
		 * The reference takes a -t thread on trust and fails at the
		 * open with ESRCH; do the same so the message and exit
		 * status match.
		 */
		struct perf_thread_map *one = thread_map__new_by_tid(atoi(stat->target.tid));
		struct perf_cpu_map *any = perf_cpu_map__new_any();

		if (one && any) {
			evlist__set_maps(stat->evlist, any, one);
			err = 0;
		}
		perf_thread_map__put(one);
		perf_cpu_map__put(any);
	}
	if (err) {
		if (target__has_task(&stat->target)) {
			pr_err("Problems finding threads of monitor\n");
			parse_options_usage(stat_usage, options, "p", 1);
			parse_options_usage(NULL, options, "t", 1);
		} else if (target__has_cpu(&stat->target)) {
			errno = ENOENT;
			perror("failed to parse CPUs map");
			parse_options_usage(stat_usage, options, "C", 1);
			parse_options_usage(NULL, options, "a", 1);
		}
		return -EINVAL;
	}
	if (stat->target.per_thread && stat->target.system_wide) {
		struct perf_thread_map *all = thread_map__new_all();
		struct perf_cpu_map *any = perf_cpu_map__new_any();

		if (!all || !any) {
			perf_thread_map__put(all);
			perf_cpu_map__put(any);
			return -ENOMEM;
		}
		evlist__set_maps(stat->evlist, any, all);
		perf_thread_map__put(all);
		perf_cpu_map__put(any);
		config->system_wide_per_thread = true;
	}
	if (config->aggr_mode == AGGR_THREAD)
		thread_map__read_comms(stat->evlist->threads);
	stat__fix_tool_cpus(stat->evlist);

	err = perf_stat__setup_aggr(config, stat->evlist->cpus, stat->evlist->threads);
	if (!err)
		err = perf_stat__alloc_evlist(config, stat->evlist, config->interval != 0);
	/* Metrics pair events of the same cgroup: number them by name. */
	evlist__for_each_entry(stat->evlist, evsel) {
		struct perf_stat_evsel *ps = evsel__stat(evsel);
		int i = evsel->idx, j;

		/* An empty name counts everything, but still takes its column. */
		if (err || i >= stat->nr_cgroup_names || !stat->cgroup_names[i])
			continue;
		ps->cgroup = stat->cgroup_names[i];
		for (j = 0; j <= i; j++)
			if (stat->cgroup_names[j] && !strcmp(stat->cgroup_names[j], ps->cgroup))
				break;
		ps->cgroup_idx = j + 1;
	}
	return err;
}

/* -x, -j, -B: the output format, for counting and for `perf stat report`. */
static int stat__setup_format(struct stat_cmd *stat, const struct option *options)
{
	struct perf_stat_config *config = &stat->config;

	if (stat->csv_sep) {
		config->csv_output = true;
		config->csv_sep = strcmp(stat->csv_sep, "\\t") ? stat->csv_sep : "\t";
	}
	if (config->csv_output) {
		if (stat->big_num_set && stat->big_num_opt) {
			fprintf(stderr, "-B option not supported with -x\n");
			parse_options_usage(stat_usage, options, "B", 1);
			parse_options_usage(NULL, options, "x", 1);
			return -EINVAL;
		}
		config->big_num = false;
	} else if (stat->big_num_set) {
		config->big_num = stat->big_num_opt;
	}
	/* -j wins over -x: the reference mixes both into invalid JSON. */
	if (config->json_output)
		config->csv_output = false;
	return 0;
}

/* ---- perf stat report ---- */

/**
 * struct stat_report - perf stat report's state while it reads
 * @cpus, @threads: the maps of the recording, from their records
 * @aggr_mode:      -A/--per-*, AGGR_MAX when not given (the file's then)
 * @file_aggr_mode: STAT_CONFIG's, AGGR_MAX until it came
 * @ready:          maps, buckets and per-event state are set up
 * @units:          strings of UNIT updates, which evsel->unit points to
 */
struct stat_report {
	struct perf_tool tool;
	struct stat_cmd *stat;
	struct perf_cpu_map *cpus;
	struct perf_thread_map *threads;
	unsigned int aggr_mode;
	enum aggr_mode file_aggr_mode;
	bool ready;
	char **units;
	int nr_units;
};

static struct stat_report *stat_report__of(struct perf_session *session)
{
	return container_of(session->tool, struct stat_report, tool);
}

/*
 * Once the maps and STAT_CONFIG came: the aggregation (the user's, but
 * per-task counts have no CPUs to aggregate by), with the recording
 * machine's topology, and each event's counts and buckets.
 */
static int stat_report__setup(struct stat_report *rep, struct perf_session *session)
{
	struct perf_stat_config *config = &rep->stat->config;
	enum aggr_mode mode = rep->file_aggr_mode;
	int err;

	if (rep->ready)
		return 0;
	if (!rep->cpus)
		rep->cpus = perf_cpu_map__new_any();
	if (!rep->threads)
		rep->threads = perf_thread_map__new_dummy();
	if (!rep->cpus || !rep->threads)
		return -ENOMEM;
	if (mode == AGGR_MAX)
		mode = AGGR_GLOBAL;
	if (rep->aggr_mode != AGGR_MAX) {
		if (perf_cpu_map__has_any_cpu(rep->cpus))
			pr_warning("warning: processing task data, aggregation mode not set\n");
		else
			mode = (enum aggr_mode)rep->aggr_mode;
	}
	config->aggr_mode = mode;
	err = perf_stat__set_maps(session->evlist, rep->cpus, rep->threads);
	if (!err)
		err = perf_stat__setup_aggr_topo(config, rep->cpus, rep->threads,
						 cpu_topo__new_env(&session->header.env, rep->cpus));
	if (!err)
		err = perf_stat__alloc_evlist(config, session->evlist, config->interval != 0);
	rep->ready = !err;
	return err;
}

static int stat_report__thread_map(struct perf_session *session, union perf_event *event)
{
	struct stat_report *rep = stat_report__of(session);
	struct perf_thread_map *map = thread_map__new_event(&event->thread_map,
							     event->header.size);

	if (!map) {
		pr_err("failed to read the thread map\n");
		return -EINVAL;
	}
	perf_thread_map__put(rep->threads);
	rep->threads = map;
	return 0;
}

static int stat_report__cpu_map(struct perf_session *session, union perf_event *event)
{
	struct stat_report *rep = stat_report__of(session);
	struct perf_cpu_map *map = cpu_map__new_data(&event->cpu_map.type,
						     event->header.size - sizeof(event->header));

	if (!map) {
		pr_err("failed to read the CPU map\n");
		return -EINVAL;
	}
	perf_cpu_map__put(rep->cpus);
	rep->cpus = map;
	return 0;
}

static int stat_report__stat_config(struct perf_session *session, union perf_event *event)
{
	struct stat_report *rep = stat_report__of(session);

	perf_stat_config__read_event(&rep->stat->config, &event->stat_config,
				     event->header.size, &rep->file_aggr_mode);
	return stat_report__setup(rep, session);
}

static int stat_report__event_update(struct perf_session *session, union perf_event *event)
{
	struct stat_report *rep = stat_report__of(session);
	struct perf_record_event_update *ev = &event->event_update;
	struct evsel *evsel = perf_session__find_evsel(session, ev->id);
	size_t len = event->header.size - sizeof(*ev);
	struct perf_cpu_map *map;
	char **units, *unit;

	/* The session applied NAME and SCALE. */
	if (!evsel)
		return 0;
	switch (ev->type) {
	case PERF_EVENT_UPDATE__UNIT:
		units = realloc(rep->units, ((size_t)rep->nr_units + 1) * sizeof(*units));
		if (!units)
			return -ENOMEM;
		rep->units = units;
		unit = strndup((const char *)ev->data, len);
		if (!unit)
			return -ENOMEM;
		units[rep->nr_units++] = unit;
		evsel->unit = unit;
		break;
	case PERF_EVENT_UPDATE__CPUS:
		map = cpu_map__new_data(ev->data, len);
		if (!map) {
			pr_err("failed to get event_update cpus\n");
			break;
		}
		perf_cpu_map__put(evsel->own_cpus);
		evsel->own_cpus = map;
		break;
	default:
		break;
	}
	return 0;
}

static int stat_report__stat(struct perf_session *session, union perf_event *event)
{
	struct stat_report *rep = stat_report__of(session);
	const struct perf_record_stat *st = &event->stat;
	struct evsel *evsel;
	int err = stat_report__setup(rep, session);

	if (err)
		return err;
	evsel = perf_session__find_evsel(session, st->id);
	/* An attr that came after the set-up has no state: not ours to count. */
	if (!evsel || !evsel__stat(evsel)) {
		pr_err("Failed to resolve counter for stat event.\n");
		return -EINVAL;
	}
	if (evsel__store_stat(evsel, st)) {
		pr_err("Invalid CPU %d for event %s.\n", (int)st->cpu, evsel__name(evsel));
		return -EINVAL;
	}
	evsel__stat(evsel)->supported = true;
	return 0;
}

/* A round: the counts are complete, print them as perf stat did then. */
static int stat_report__round(struct perf_session *session, union perf_event *event)
{
	struct stat_report *rep = stat_report__of(session);
	struct perf_stat_config *config = &rep->stat->config;
	const struct perf_record_stat_round *round = &event->stat_round;
	struct perf_env *env = &session->header.env;
	struct timespec ts, *tsp = NULL;
	struct target target = { 0 };
	struct evsel *evsel;
	int err = stat_report__setup(rep, session);

	if (err)
		return err;
	runtime_stat__reset(&config->rt);
	evlist__for_each_entry(session->evlist, evsel) {
		err = perf_stat__process_counter(config, evsel);
		if (err)
			return err;
	}
	stats__init(&config->walltime_nsecs_stats);
	if (round->type == PERF_STAT_ROUND_TYPE__FINAL)
		stats__update(&config->walltime_nsecs_stats, (double)round->time);
	else
		stats__update(&config->walltime_nsecs_stats, config->interval * 1000000.0);
	if (config->interval && round->time) {
		ts.tv_sec = (time_t)(round->time / 1000000000ULL);
		ts.tv_nsec = (long)(round->time % 1000000000ULL);
		tsp = &ts;
	}
	/* The header names the recording's command line; a pipe has none: 'pipe'. */
	if (!quiet)
		perf_stat__print_counters(config, session->evlist, &target, tsp,
					  env->nr_cmdline, (const char **)env->cmdline_argv);
	return 0;
}

/*
 * `perf stat report [<options>]`: read a perf stat record file and print
 * each round of counts, in the format chosen before "report".
 */
static int stat__report(struct stat_cmd *stat, int argc, const char **argv,
			const struct option *stat_options)
{
	struct stat_report rep = {
		.tool = {
			.thread_map	= stat_report__thread_map,
			.cpu_map	= stat_report__cpu_map,
			.stat_config	= stat_report__stat_config,
			.event_update	= stat_report__event_update,
			.stat		= stat_report__stat,
			.stat_round	= stat_report__round,
		},
		.stat = stat,
		.aggr_mode = AGGR_MAX,
		.file_aggr_mode = AGGR_MAX,
	};
	struct perf_data data = { .mode = PERF_DATA_MODE_READ };
	struct perf_session *session;
	int i, err;
	const struct option options[] = {
	OPT_STRING('i', "input", &data.path, "file", "input file name"),
	OPT_SET_UINT(0, "per-socket", &rep.aggr_mode,
		     "aggregate counts per processor socket", AGGR_SOCKET),
	OPT_SET_UINT(0, "per-die", &rep.aggr_mode,
		     "aggregate counts per processor die", AGGR_DIE),
	OPT_SET_UINT(0, "per-core", &rep.aggr_mode,
		     "aggregate counts per physical processor core", AGGR_CORE),
	OPT_SET_UINT(0, "per-node", &rep.aggr_mode,
		     "aggregate counts per numa node", AGGR_NODE),
	OPT_SET_UINT('A', "no-aggr", &rep.aggr_mode,
		     "disable CPU count aggregation", AGGR_NONE),
	OPT_END()
	};

	parse_options(argc, argv, options, stat_report_usage, 0);
	if (data.path && !data.path[0])
		data.path = NULL;
	if (stat__setup_format(stat, stat_options))
		return -1;
	stat->config.use_color = isatty(STDOUT_FILENO);

	session = perf_session__new(&data, &rep.tool);
	if (IS_ERR(session))
		return -1;
	err = perf_session__process_events(session);

	perf_stat__free_evlist(session->evlist);
	perf_session__delete(session);
	perf_cpu_map__put(rep.cpus);
	perf_thread_map__put(rep.threads);
	for (i = 0; i < rep.nr_units; i++)
		free(rep.units[i]);
	free(rep.units);
	/* As the reference: a damaged record exits with its errno (EINVAL: 234). */
	return err;
}

/*
 * `perf stat record [<options>] [<command>]`: the stat options again
 * (the reference takes them on either side of "record"), -o naming the
 * perf.data rather than the text output. Returns what is left of argv
 * (the command) or -1.
 */
static int stat__record_parse(struct stat_cmd *stat, int argc, const char **argv,
			      const struct option *options)
{
	argc = parse_options(argc, argv, options, stat_record_usage,
			     PARSE_OPT_STOP_AT_NON_OPTION);
	stat->data.path = stat->output_name;
	stat->output_name = NULL;
	if (stat->config.run_count != 1) {
		pr_err("Cannot use -r option with perf stat record.\n");
		return -1;
	}
	stat->record = true;
	return argc;
}

/* Create the perf.data (after the options were checked). 0 or -1. */
static int stat__record_open(struct stat_cmd *stat)
{
	char msg[BUFSIZ];
	int err;

	stat->data.mode = PERF_DATA_MODE_WRITE;
	err = perf_data__open(&stat->data, msg, sizeof(msg));
	if (err) {
		/* The reference's wording, which differs from perf record's. */
		if (err == -ENOENT || err == -EACCES || err == -EISDIR || err == -EROFS)
			pr_err("failed to open %s : %s\n", perf_data__path(&stat->data),
			       strerror(-err));
		else
			pr_err("%s\n", msg);
		pr_err("Perf session creation failed\n");
		return -1;
	}
	return 0;
}

static FILE *stat__open_output(struct stat_cmd *stat)
{
	FILE *out;

	if (stat->output_name && strcmp(stat->output_name, "-") && !quiet) {
		struct timespec tm;

		out = output_file__fopen(stat->output_name, stat->append);
		if (!out) {
			char why[PATH_MAX + 80];

			pr_err("failed to create output file: %s\n",
			       output_file__strerror(stat->output_name, errno, why, sizeof(why)));
			return NULL;
		}
		clock_gettime(CLOCK_REALTIME, &tm);
		fprintf(out, "# started on %s\n", ctime(&tm.tv_sec));
		return out;
	}
	if (stat->output_fd > 0) {
		out = fdopen(stat->output_fd, stat->append ? "a" : "w");
		if (!out)
			perror("Failed opening logfd");
		return out;
	}
	return stderr;
}

/* Option combinations the reference refuses; 0 or a negative errno. */
static int stat__validate(struct stat_cmd *stat, const struct option *options, int argc)
{
	struct perf_stat_config *config = &stat->config;

	if (stat->output_name && stat->output_fd) {
		fprintf(stderr, "cannot use both --output and --log-fd\n");
		parse_options_usage(stat_usage, options, "o", 1);
		parse_options_usage(NULL, options, "log-fd", 0);
		return -EINVAL;
	}
	if (config->metric_only && config->aggr_mode == AGGR_THREAD) {
		fprintf(stderr, "--metric-only is not supported with --per-thread\n");
		return -EINVAL;
	}
	if (config->metric_only && config->run_count > 1) {
		fprintf(stderr, "--metric-only is not supported with -r\n");
		return -EINVAL;
	}
	if (config->walltime_run_table && config->run_count <= 1) {
		fprintf(stderr, "--table is only supported with -r\n");
		parse_options_usage(stat_usage, options, "r", 1);
		parse_options_usage(NULL, options, "table", 0);
		return -EINVAL;
	}
	if (stat->output_fd < 0) {
		fprintf(stderr, "argument to --log-fd must be a > 0\n");
		parse_options_usage(stat_usage, options, "log-fd", 0);
		return -EINVAL;
	}
	if (stat__setup_format(stat, options))
		return -EINVAL;

	if (!argc && target__none(&stat->target))
		stat->target.system_wide = true;

	if (config->aggr_mode == AGGR_THREAD && !target__has_task(&stat->target) &&
	    (!stat->target.system_wide || stat->target.cpu_list)) {
		fprintf(stderr, "The --per-thread option is only available "
			"when monitoring via -p -t -a options or only --per-thread.\n");
		parse_options_usage(NULL, options, "p", 1);
		parse_options_usage(NULL, options, "t", 1);
		return -EINVAL;
	}
	if (stat->interval_count && config->interval) {
		stat->interval_count_opt = true;
		stat->times = stat->interval_count;
	} else if (stat->interval_count) {
		fprintf(stderr, "interval-count option should be used together with interval-print.\n");
		parse_options_usage(stat_usage, options, "interval-count", 0);
		parse_options_usage(stat_usage, options, "I", 1);
		return -EINVAL;
	}
	if (stat->timeout && stat->timeout < 100) {
		if (stat->timeout < 10) {
			fprintf(stderr, "timeout must be >= 10ms.\n");
			parse_options_usage(stat_usage, options, "timeout", 0);
			return -EINVAL;
		}
		pr_warning("timeout < 100ms. The overhead percentage could be high in some cases. Please proceed with caution.\n");
	}
	if (stat->timeout && config->interval) {
		fprintf(stderr, "timeout option is not supported with interval-print.\n");
		parse_options_usage(stat_usage, options, "timeout", 0);
		parse_options_usage(stat_usage, options, "I", 1);
		return -EINVAL;
	}
	if (((config->aggr_mode != AGGR_GLOBAL && config->aggr_mode != AGGR_THREAD) ||
	     stat->nr_cgroups || stat->for_each_cgroup) && !target__has_cpu(&stat->target)) {
		fprintf(stderr, "both cgroup and no-aggregation modes only available in system-wide mode\n");
		parse_options_usage(stat_usage, options, "G", 1);
		parse_options_usage(NULL, options, "A", 1);
		parse_options_usage(NULL, options, "a", 1);
		parse_options_usage(NULL, options, "for-each-cgroup", 0);
		return -EINVAL;
	}
	if (config->run_count < 0) {
		pr_err("Run count must be a positive number\n");
		parse_options_usage(stat_usage, options, "r", 1);
		return -EINVAL;
	}
	if (config->run_count == 0) {
		stat->forever = true;
		config->run_count = 1;
	}
	if (stat->cputype) {
		fprintf(stderr, "--cputype %s is not supported!\n", stat->cputype);
		parse_options_usage(stat_usage, options, "cputype", 0);
		return -EINVAL;
	}
	return 0;
}

static int stat__nmi_watchdog(void)
{
	int value = 0;

	return sysctl__read_int("kernel/nmi_watchdog", &value) ? 0 : value;
}

/* The runs (-r), the final report, and the exit status. */
static int stat__main_loop(struct stat_cmd *stat, int argc, const char **argv)
{
	struct perf_stat_config *config = &stat->config;
	int run_idx, status = 0;

	for (run_idx = 0; stat->forever || run_idx < config->run_count; run_idx++) {
		if (config->run_count != 1 && verbose > 0)
			fprintf(config->output, "[ perf stat: executing run #%d ... ]\n",
				run_idx + 1);
		if (run_idx)
			perf_stat__reset_prev(stat->evlist);
		status = stat__run(stat, argc, argv, run_idx);
		if (stat->forever && status != -1 && !config->interval) {
			stat__print(stat, NULL, argc, argv);
			perf_stat__free_evlist(stat->evlist);
			if (perf_stat__alloc_evlist(config, stat->evlist, false))
				return -ENOMEM;
			runtime_stat__reset(&config->rt);
			stats__init(&config->walltime_nsecs_stats);
		}
		if (done && !stat->forks)
			break;
	}
	if (!stat->forever && status != -1 && (!config->interval || config->summary)) {
		if (config->run_count > 1)
			perf_stat__use_run_means(config, stat->evlist);
		config->nmi_watchdog = stat__nmi_watchdog();
		stat__print(stat, NULL, argc, argv);
	}
	return status;
}

int cmd_stat(int argc, const char **argv)
{
	static const char *const subcommands[] = { "record", "report", NULL };
	struct stat_cmd stat = {
		.metrics = STRBUF_INIT,
	};
	struct perf_stat_config *config = &stat.config;
	int status = -EINVAL;
	struct option options[] = {
	OPT_CALLBACK('e', "event", &stat.evlist, "event",
		     "event selector. use 'perf list' to list available events",
		     parse_events_option),
	OPT_CALLBACK(0, "filter", &stat.evlist, "filter",
		     "event filter", parse_filter),
	OPT_BOOLEAN('i', "no-inherit", &stat.no_inherit,
		    "child tasks do not inherit counters"),
	OPT_STRING('p', "pid", &stat.target.pid, "pid",
		   "stat events on existing process id"),
	OPT_STRING('t', "tid", &stat.target.tid, "tid",
		   "stat events on existing thread id"),
	OPT_BOOLEAN('a', "all-cpus", &stat.target.system_wide,
		    "system-wide collection from all CPUs"),
	OPT_BOOLEAN('g', "group", &stat.group,
		    "put the counters into a counter group"),
	OPT_BOOLEAN(0, "scale", &config->scale,
		    "Use --no-scale to disable counter scaling for multiplexing"),
	OPT_INCR('v', "verbose", &verbose,
		 "be more verbose (show counter open errors, etc)"),
	OPT_INTEGER('r', "repeat", &config->run_count,
		    "repeat command and print average + stddev (max: 100, forever: 0)"),
	OPT_BOOLEAN(0, "table", &config->walltime_run_table,
		    "display details about each run (only with -r option)"),
	OPT_BOOLEAN('n', "null", &config->null_run,
		    "null run - dont start any counters"),
	OPT_INCR('d', "detailed", &stat.detailed,
		 "detailed run - start a lot of events"),
	OPT_BOOLEAN('S', "sync", &stat.sync_run,
		    "call sync() before starting a run"),
	OPT_BOOLEAN_SET('B', "big-num", &stat.big_num_opt, &stat.big_num_set,
			"print large numbers with thousands' separators"),
	OPT_STRING('C', "cpu", &stat.target.cpu_list, "cpu",
		   "list of cpus to monitor in system-wide"),
	OPT_SET_UINT('A', "no-aggr", &config->aggr_mode,
		     "disable CPU count aggregation", AGGR_NONE),
	OPT_BOOLEAN(0, "no-merge", &stat.no_merge, "Do not merge identical named events"),
	OPT_BOOLEAN(0, "hybrid-merge", &stat.hybrid_merge,
		    "Merge identical named hybrid events"),
	OPT_STRING('x', "field-separator", &stat.csv_sep, "separator",
		   "print counts with custom separator"),
	OPT_BOOLEAN('j', "json-output", &config->json_output,
		    "print counts in JSON format"),
	OPT_CALLBACK('G', "cgroup", &stat, "name",
		     "monitor event in cgroup name only", stat__parse_cgroups),
	OPT_STRING(0, "for-each-cgroup", &stat.for_each_cgroup, "name",
		   "expand events for each cgroup"),
	OPT_STRING('o', "output", &stat.output_name, "file", "output file name"),
	OPT_BOOLEAN(0, "append", &stat.append, "append to the output file"),
	OPT_INTEGER(0, "log-fd", &stat.output_fd,
		    "log output to fd, instead of stderr"),
	OPT_STRING(0, "pre", &stat.pre_cmd, "command",
		   "command to run prior to the measured command"),
	OPT_STRING(0, "post", &stat.post_cmd, "command",
		   "command to run after to the measured command"),
	OPT_UINTEGER('I', "interval-print", &config->interval,
		     "print counts at regular interval in ms "
		     "(overhead is possible for values <= 100ms)"),
	OPT_UINTEGER(0, "interval-count", &stat.interval_count,
		    "print counts for fixed number of times"),
	OPT_BOOLEAN(0, "interval-clear", &config->interval_clear,
		    "clear screen in between new interval"),
	OPT_UINTEGER(0, "timeout", &stat.timeout,
		     "stop workload and print counts after a timeout period in ms (>= 10ms)"),
	OPT_SET_UINT(0, "per-socket", &config->aggr_mode,
		     "aggregate counts per processor socket", AGGR_SOCKET),
	OPT_SET_UINT(0, "per-die", &config->aggr_mode,
		     "aggregate counts per processor die", AGGR_DIE),
	OPT_SET_UINT(0, "per-core", &config->aggr_mode,
		     "aggregate counts per physical processor core", AGGR_CORE),
	OPT_SET_UINT(0, "per-thread", &config->aggr_mode,
		     "aggregate counts per thread", AGGR_THREAD),
	OPT_SET_UINT(0, "per-node", &config->aggr_mode,
		     "aggregate counts per numa node", AGGR_NODE),
	OPT_INTEGER('D', "delay", &stat.initial_delay,
		    "ms to wait before starting measurement after program start (-1: start with events disabled)"),
	OPT_BOOLEAN(0, "metric-only", &config->metric_only,
		    "Only print computed metrics. No raw values"),
	OPT_BOOLEAN(0, "metric-no-group", &stat.metric_no_group,
		    "don't group metric events, impacts multiplexing"),
	OPT_BOOLEAN(0, "metric-no-merge", &stat.metric_no_merge,
		    "don't try to share events between metrics in a group"),
	OPT_BOOLEAN(0, "topdown", &stat.topdown,
		    "measure top-down statistics"),
	OPT_UINTEGER(0, "td-level", &stat.td_level,
		     "Set the metrics level for the top-down statistics (0: max level)"),
	OPT_BOOLEAN(0, "smi-cost", &stat.smi_cost,
		    "measure SMI cost"),
	OPT_CALLBACK('M', "metrics", &stat.metrics, "metric/metric group list",
		     "monitor specified metrics or metric groups (separated by ,)",
		     stat__parse_metrics),
	OPT_BOOLEAN(0, "all-kernel", &stat.all_kernel,
		    "Configure all used events to run in kernel space."),
	OPT_BOOLEAN(0, "all-user", &stat.all_user,
		    "Configure all used events to run in user space."),
	OPT_BOOLEAN(0, "percore-show-thread", &stat.percore_show_thread,
		    "Use with 'percore' event qualifier to show the event "
		    "counts of one hardware thread by sum up total hardware "
		    "threads of same physical core"),
	OPT_BOOLEAN(0, "summary", &config->summary,
		    "print summary for interval mode"),
	OPT_BOOLEAN(0, "no-csv-summary", &config->no_csv_summary,
		    "don't print 'summary' for CSV summary output"),
	OPT_BOOLEAN(0, "quiet", &quiet,
		    "don't print any output, messages or warnings (useful with record)"),
	OPT_STRING(0, "cputype", &stat.cputype, "hybrid cpu type",
		   "Only enable events on applying cpu with this type "
		   "for hybrid platform (e.g. core or atom)"),
	OPT_BOOLEAN('T', "transaction", &stat.transaction,
		    "hardware transaction statistics"),
	OPT_STRING(0, "control", &stat.control, "fd:ctl-fd[,ack-fd] or fifo:ctl-fifo[,ack-fifo]",
		   "Listen on ctl-fd descriptor for command to control measurement ('enable': enable events, 'disable': disable events).\n"
		   "\t\t\t  Optionally send control command completion ('ack\\n') to ack-fd descriptor.\n"
		   "\t\t\t  Alternatively, ctl-fifo / ack-fifo will be opened and used as ctl-fd / ack-fd."),
	OPT_CALLBACK_OPTARG(0, "iostat", NULL, NULL, "default",
			    "measure I/O performance metrics provided by arch/platform",
			    stat__iostat),
	OPT_END()
	};

	/* 1. parse */
	stat.full_argv = calloc((size_t)argc + 1, sizeof(*stat.full_argv));
	if (!stat.full_argv)
		return -ENOMEM;
	memcpy(stat.full_argv, argv, (size_t)argc * sizeof(*argv));
	stat.full_argc = argc;
	setlocale(LC_ALL, "");
	perf_stat_config__init(config);
	perf_config(stat__config, &stat);
	stat.evlist = evlist__new();
	if (!stat.evlist) {
		free(stat.full_argv);
		return -ENOMEM;
	}
	argc = parse_options_subcommand(argc, argv, options, subcommands,
					(const char **)stat_usage,
					PARSE_OPT_STOP_AT_NON_OPTION);
	/* The reference takes any prefix of three letters or more. */
	if (argc && strlen(argv[0]) > 2 && strstarts("record", argv[0])) {
		argc = stat__record_parse(&stat, argc, argv, options);
		if (argc < 0) {
			status = -1;
			goto out;
		}
	} else if (argc && strlen(argv[0]) > 2 && strstarts("report", argv[0])) {
		status = stat__report(&stat, argc, argv, options);
		goto out;
	}

	/* 2. check the combination, pick the output */
	if (stat__validate(&stat, options, argc))
		goto out;
	config->output = stat__open_output(&stat);
	if (!config->output) {
		status = -1;
		goto out;
	}
	config->use_color = isatty(STDOUT_FILENO);
	if (config->interval)
		interval_mode = 1;
	stat.forks = argc > 0;
	config->ru_display = stat.forks && target__none(&stat.target);
	if (stat.metrics.len)
		fprintf(stderr, "metric '%s' ignored: this perf has no metric tables for this CPU\n",
			stat.metrics.buf);

	/* 3. events and where to count them */
	if (stat__add_default_events(&stat))
		goto out;
	if (stat.group && stat.evlist->nr_entries > 1)
		evlist__set_leader(stat.evlist, evlist__first(stat.evlist),
				   stat.evlist->nr_entries);
	stat__set_units(stat.evlist);
	{
		char errbuf[BUFSIZ];
		int err = target__validate(&stat.target);

		if (err) {
			target__strerror(&stat.target, err, errbuf, sizeof(errbuf));
			pr_warning("%s\n", errbuf);
		}
	}
	status = stat__create_maps(&stat, options);
	if (status)
		goto out;
	status = -EINVAL;
	if (stat.nr_cgroups && stat__open_cgroups(&stat))
		goto out;
	if (config->walltime_run_table) {
		config->walltime_run = calloc((size_t)config->run_count, sizeof(uint64_t));
		if (!config->walltime_run)
			goto out;
	}
	if (!stat.control)
		pr_debug("Control descriptor is not initialized\n");

	if (stat.record && stat__record_open(&stat)) {
		status = -1;
		goto out;
	}

	/* 4. run, read and print (and write the counts for perf stat record) */
	stat__setup_signals(&stat);
	status = stat__main_loop(&stat, argc, argv);
	if (stat__record_finish(&stat) && !status)
		status = -1;

out:
	if (stat.record) {
		perf_data__close(&stat.data);
		perf_env__exit(&stat.header.env);
	}
	free(stat.full_argv);
	if (config->output && config->output != stderr)
		fclose(config->output);
	config->output = NULL;
	if (stat.cgroup_fds) {
		int i;

		for (i = 0; i < stat.evlist->nr_entries; i++)
			if (stat.cgroup_fds[i] >= 0)
				close(stat.cgroup_fds[i]);
		free(stat.cgroup_fds);
	}
	if (stat.cgroup_names) {
		int i;

		for (i = 0; i < stat.nr_cgroup_names; i++)
			free(stat.cgroup_names[i]);
		free(stat.cgroup_names);
	}
	perf_stat__free_evlist(stat.evlist);
	evlist__delete(stat.evlist);
	perf_stat_config__exit(config);
	strbuf_release(&stat.metrics);
	return status;
}
