// SPDX-License-Identifier: GPL-2.0
/*
 * `perf report --header` / `--header-only`: the header and the features
 * as "# name : value" comment lines, in the reference's layout and order
 * (scripts grep these lines, so the spacing is part of the interface).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cpumap.h"
#include "event.h"
#include "evlist.h"
#include "evsel.h"
#include "header.h"
#include "util.h"

#define NSEC_PER_SEC	1000000000ULL
#define NSEC_PER_USEC	1000ULL
#define NSEC_PER_MSEC	1000000ULL

/* What glibc prints for a NULL %s, which the reference shows for lost features. */
static const char *s_or_null(const char *s)
{
	return s ? s : "(null)";
}

struct print_ctx {
	struct perf_header *h;
	struct evlist *evlist;
	FILE *fp;
};

static void print_hostname(struct print_ctx *c)
{
	fprintf(c->fp, "# hostname : %s\n", s_or_null(c->h->env.hostname));
}

static void print_osrelease(struct print_ctx *c)
{
	fprintf(c->fp, "# os release : %s\n", s_or_null(c->h->env.os_release));
}

static void print_version(struct print_ctx *c)
{
	fprintf(c->fp, "# perf version : %s\n", s_or_null(c->h->env.version));
}

static void print_arch(struct print_ctx *c)
{
	fprintf(c->fp, "# arch : %s\n", s_or_null(c->h->env.arch));
}

static void print_nrcpus(struct print_ctx *c)
{
	fprintf(c->fp, "# nrcpus online : %u\n", (unsigned int)c->h->env.nr_cpus_online);
	fprintf(c->fp, "# nrcpus avail : %u\n", (unsigned int)c->h->env.nr_cpus_avail);
}

static void print_cpudesc(struct print_ctx *c)
{
	fprintf(c->fp, "# cpudesc : %s\n", s_or_null(c->h->env.cpu_desc));
}

static void print_cpuid(struct print_ctx *c)
{
	fprintf(c->fp, "# cpuid : %s\n", s_or_null(c->h->env.cpuid));
}

static void print_total_mem(struct print_ctx *c)
{
	fprintf(c->fp, "# total memory : %llu kB\n", (unsigned long long)c->h->env.total_mem);
}

static void print_cmdline(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;
	int i;

	fprintf(c->fp, "# cmdline : ");
	for (i = 0; i < env->nr_cmdline; i++) {
		const char *arg = env->cmdline_argv[i];

		/* Single quotes come out escaped, so the line can be pasted back. */
		for (; *arg; arg++) {
			if (*arg == '\'')
				fputs("\\'", c->fp);
			else
				fputc(*arg, c->fp);
		}
		fputc(' ', c->fp);
	}
	fputc('\n', c->fp);
}

static int desc_attr__fprintf(FILE *fp, const char *name, const char *val, void *priv)
{
	(void)priv;
	return fprintf(fp, ", %s = %s", name, val);
}

static void print_event_desc(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;
	int i;
	uint32_t j;

	if (!env->event_desc) {
		fprintf(c->fp, "# event desc: not available or unable to read\n");
		return;
	}
	for (i = 0; i < env->nr_event_desc; i++) {
		const struct perf_event_desc *d = &env->event_desc[i];

		fprintf(c->fp, "# event : name = %s, ", s_or_null(d->name));
		if (d->nr_ids) {
			fprintf(c->fp, ", id = {");
			for (j = 0; j < d->nr_ids; j++) {
				if (j)
					fputc(',', c->fp);
				fprintf(c->fp, " %" PRIu64, d->ids[j]);
			}
			fprintf(c->fp, " }");
		}
		perf_event_attr__fprintf_cb(c->fp, &d->attr, desc_attr__fprintf, NULL);
		fputc('\n', c->fp);
	}
}

static void print_cpu_topology(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;
	int i;

	for (i = 0; i < env->nr_sibling_cores; i++)
		fprintf(c->fp, "# sibling sockets : %s\n", env->sibling_cores[i]);
	for (i = 0; i < env->nr_sibling_dies; i++)
		fprintf(c->fp, "# sibling dies    : %s\n", env->sibling_dies[i]);
	for (i = 0; i < env->nr_sibling_threads; i++)
		fprintf(c->fp, "# sibling threads : %s\n", env->sibling_threads[i]);

	if (env->nr_sibling_dies) {
		if (env->cpu) {
			for (i = 0; i < env->nr_cpus_avail; i++)
				fprintf(c->fp, "# CPU %d: Core ID %d, Die ID %d, Socket ID %d\n",
					i, env->cpu[i].core_id, env->cpu[i].die_id,
					env->cpu[i].socket_id);
		} else {
			fprintf(c->fp, "# Core ID, Die ID and Socket ID information is not available\n");
		}
	} else {
		if (env->cpu) {
			for (i = 0; i < env->nr_cpus_avail; i++)
				fprintf(c->fp, "# CPU %d: Core ID %d, Socket ID %d\n",
					i, env->cpu[i].core_id, env->cpu[i].socket_id);
		} else {
			fprintf(c->fp, "# Core ID and Socket ID information is not available\n");
		}
	}
}

/* A cpu list re-printed the way the reference's cpu map prints it ("0-3,5"). */
static void fprintf_cpu_list(FILE *fp, const char *list)
{
	struct perf_cpu_map *map = list && *list ? perf_cpu_map__new(list) : NULL;
	char buf[1024];

	if (!map) {
		fprintf(fp, "%s\n", list ? list : "");
		return;
	}
	cpu_map__snprint(map, buf, sizeof(buf));
	perf_cpu_map__put(map);
	fprintf(fp, "%s\n", buf);
}

static void print_numa_topology(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;
	int i;

	for (i = 0; i < env->nr_numa_nodes; i++) {
		const struct numa_node *n = &env->numa_nodes[i];

		fprintf(c->fp, "# node%u meminfo  : total = %" PRIu64 " kB, free = %" PRIu64 " kB\n",
			n->node, n->mem_total, n->mem_free);
		fprintf(c->fp, "# node%u cpu list : ", n->node);
		fprintf_cpu_list(c->fp, n->cpus);
	}
}

static void print_branch_stack(struct print_ctx *c)
{
	fprintf(c->fp, "# contains samples with branch stack\n");
}

static void print_pmu_mappings(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;
	const char *delim = "# pmu mappings: ";
	int i;

	if (!env->nr_pmu_mappings) {
		fprintf(c->fp, "# pmu mappings: not available\n");
		return;
	}
	for (i = 0; i < env->nr_pmu_mappings; i++) {
		char *end;
		unsigned long type = strtoul(env->pmu_mappings[i], &end, 0);

		if (*end != ':') {
			fprintf(c->fp, "\n# pmu mappings: unable to read\n");
			return;
		}
		fprintf(c->fp, "%s%s = %u", delim, end + 1, (unsigned int)type);
		delim = ", ";
	}
	fprintf(c->fp, "\n");
}

static void print_group_desc(struct print_ctx *c)
{
	struct evsel *evsel;
	int nr = 0;

	if (!c->evlist)
		return;
	evlist__for_each_entry(c->evlist, evsel) {
		if (evsel__is_group_leader(evsel) && evsel->nr_members > 1) {
			fprintf(c->fp, "# group: %s{%s", evsel->group_name ? evsel->group_name : "",
				evsel__name(evsel));
			nr = evsel->nr_members - 1;
		} else if (nr) {
			fprintf(c->fp, ",%s", evsel__name(evsel));
			if (--nr == 0)
				fprintf(c->fp, "}\n");
		}
	}
}

static void print_auxtrace(struct print_ctx *c)
{
	fprintf(c->fp, "# contains AUX area data (e.g. instruction trace)\n");
}

static void print_stat(struct print_ctx *c)
{
	fprintf(c->fp, "# contains stat data\n");
}

static void print_cache(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;
	int i;

	fprintf(c->fp, "# CPU cache info:\n");
	for (i = 0; i < env->nr_caches; i++) {
		const struct cpu_cache_level *l = &env->caches[i];

		fprintf(c->fp, "#  ");
		fprintf(c->fp, "L%d %-15s %8s [%s]\n", (int)l->level, s_or_null(l->type),
			s_or_null(l->size), s_or_null(l->map));
	}
}

static void fprintf_usec(FILE *fp, const char *label, uint64_t ts)
{
	fprintf(fp, "# %s : %" PRIu64 ".%06" PRIu64 "\n", label, (uint64_t)(ts / NSEC_PER_SEC),
		(uint64_t)((ts % NSEC_PER_SEC) / NSEC_PER_USEC));
}

static void print_sample_time(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;

	fprintf_usec(c->fp, "time of first sample", env->first_sample_time);
	fprintf_usec(c->fp, "time of last sample", env->last_sample_time);
	fprintf(c->fp, "# sample duration : %10.3f ms\n",
		(double)(env->last_sample_time - env->first_sample_time) / NSEC_PER_MSEC);
}

/* The set bits as ranges: "0-23,32-199". */
static void bitmap__snprintf(const uint64_t *set, uint64_t bits, char *buf, size_t size)
{
	size_t len = 0;
	uint64_t i = 0;
	bool first = true;

	buf[0] = '\0';
	while (i < bits) {
		uint64_t start;

		if (!(set[i / 64] & (1ULL << (i % 64)))) {
			i++;
			continue;
		}
		start = i;
		while (i + 1 < bits && (set[(i + 1) / 64] & (1ULL << ((i + 1) % 64))))
			i++;
		if (len < size) {
			if (start == i)
				len += (size_t)snprintf(buf + len, size - len, "%s%" PRIu64,
							first ? "" : ",", start);
			else
				len += (size_t)snprintf(buf + len, size - len, "%s%" PRIu64 "-%" PRIu64,
							first ? "" : ",", start, i);
		}
		first = false;
		i++;
	}
}

static void print_mem_topology(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;
	int i;

	fprintf(c->fp, "# memory nodes (nr %d, block size 0x%llx):\n", env->nr_memory_nodes,
		(unsigned long long)env->memory_bsize);
	for (i = 0; i < env->nr_memory_nodes; i++) {
		const struct memory_node *n = &env->memory_nodes[i];
		char map[100], size[50];
		uint64_t w, weight = 0;

		for (w = 0; w < (n->size + 63) / 64; w++)
			weight += (uint64_t)__builtin_popcountll(n->set[w]);
		unit_number__scnprintf(size, sizeof(size), env->memory_bsize * weight);
		bitmap__snprintf(n->set, n->size, map, sizeof(map));
		fprintf(c->fp, "#  %3" PRIu64 " [%s]: %s\n", n->node, size, map);
	}
}

static void print_clockid(struct print_ctx *c)
{
	fprintf(c->fp, "# clockid frequency: %" PRIu64 " MHz\n", c->h->env.clockid_res_ns * 1000);
}

static void print_dir_format(struct print_ctx *c)
{
	fprintf(c->fp, "# directory data version : %" PRIu64 "\n", c->h->env.dir_format_version);
}

static void print_compressed(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;

	/* Type 1 is PERF_COMP_ZSTD. */
	fprintf(c->fp, "# compressed : %s, level = %d, ratio = %d\n",
		env->comp.type == 1 ? "Zstd" : "Unknown", (int)env->comp.level,
		(int)env->comp.ratio);
}

static void fprintf_pmu_caps(FILE *fp, int nr, char **caps, const char *pmu)
{
	int i;

	if (!nr || !caps) {
		fprintf(fp, "# %s pmu capabilities: not available\n", pmu);
		return;
	}
	fprintf(fp, "# %s pmu capabilities: ", pmu);
	for (i = 0; i < nr; i++)
		fprintf(fp, "%s%s", i ? ", " : "", caps[i]);
	fprintf(fp, "\n");
}

static void print_cpu_pmu_caps(struct print_ctx *c)
{
	fprintf_pmu_caps(c->fp, c->h->env.nr_cpu_pmu_caps, c->h->env.cpu_pmu_caps, "cpu");
}

static const char *clockid_name(uint32_t clockid)
{
	switch (clockid) {
	case 0: return "realtime";
	case 1: return "monotonic";
	case 4: return "monotonic_raw";
	case 7: return "boottime";
	case 11: return "tai";
	default: return "(not found)";
	}
}

static void print_clock_data(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;
	uint64_t tod = env->clock.tod_ns, ref = env->clock.clockid_ns;
	time_t sec = (time_t)(tod / NSEC_PER_SEC);
	int usec = (int)((tod % NSEC_PER_SEC) / NSEC_PER_USEC);
	char tstr[96], date[64];
	struct tm ltime;

	if (!env->clock.enabled) {
		fprintf(c->fp, "# reference time disabled\n");
		return;
	}
	if (!localtime_r(&sec, &ltime)) {
		snprintf(tstr, sizeof(tstr), "<error>");
	} else {
		strftime(date, sizeof(date), "%F %T", &ltime);
		snprintf(tstr, sizeof(tstr), "%s.%06d", date, usec);
	}
	fprintf(c->fp, "# clockid: %s (%u)\n", clockid_name(env->clock.clockid), env->clock.clockid);
	fprintf(c->fp, "# reference time: %s = %ld.%06d (TOD) = %ld.%09ld (%s)\n",
		tstr, (long)sec, usec, (long)(ref / NSEC_PER_SEC), (long)(ref % NSEC_PER_SEC),
		clockid_name(env->clock.clockid));
}

static void print_hybrid_topology(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;
	int i;

	fprintf(c->fp, "# hybrid cpu system:\n");
	for (i = 0; i < env->nr_hybrid_nodes; i++)
		fprintf(c->fp, "# %s cpu list : %s\n", s_or_null(env->hybrid_nodes[i].pmu_name),
			s_or_null(env->hybrid_nodes[i].cpus));
}

static void print_pmu_caps(struct print_ctx *c)
{
	struct perf_env *env = &c->h->env;
	int i;

	for (i = 0; i < env->nr_pmus_with_caps; i++)
		fprintf_pmu_caps(c->fp, env->pmu_caps[i].nr_caps, env->pmu_caps[i].caps,
				 s_or_null(env->pmu_caps[i].pmu_name));
}

struct feat_print {
	void (*print)(struct print_ctx *c);
	bool full_only;
};

/*
 * TRACING_DATA and BUILD_ID have no text; BPF_PROG_INFO and BPF_BTF have
 * none in the reference we match (built without libbpf).
 */
static const struct feat_print feat_print[HEADER_LAST_FEATURE] = {
	[HEADER_HOSTNAME]	= { print_hostname, false },
	[HEADER_OSRELEASE]	= { print_osrelease, false },
	[HEADER_VERSION]	= { print_version, false },
	[HEADER_ARCH]		= { print_arch, false },
	[HEADER_NRCPUS]		= { print_nrcpus, false },
	[HEADER_CPUDESC]	= { print_cpudesc, false },
	[HEADER_CPUID]		= { print_cpuid, false },
	[HEADER_TOTAL_MEM]	= { print_total_mem, false },
	[HEADER_CMDLINE]	= { print_cmdline, false },
	[HEADER_EVENT_DESC]	= { print_event_desc, false },
	[HEADER_CPU_TOPOLOGY]	= { print_cpu_topology, true },
	[HEADER_NUMA_TOPOLOGY]	= { print_numa_topology, true },
	[HEADER_BRANCH_STACK]	= { print_branch_stack, false },
	[HEADER_PMU_MAPPINGS]	= { print_pmu_mappings, false },
	[HEADER_GROUP_DESC]	= { print_group_desc, false },
	[HEADER_AUXTRACE]	= { print_auxtrace, false },
	[HEADER_STAT]		= { print_stat, false },
	[HEADER_CACHE]		= { print_cache, true },
	[HEADER_SAMPLE_TIME]	= { print_sample_time, false },
	[HEADER_MEM_TOPOLOGY]	= { print_mem_topology, true },
	[HEADER_CLOCKID]	= { print_clockid, false },
	[HEADER_DIR_FORMAT]	= { print_dir_format, false },
	[HEADER_COMPRESSED]	= { print_compressed, false },
	[HEADER_CPU_PMU_CAPS]	= { print_cpu_pmu_caps, false },
	[HEADER_CLOCK_DATA]	= { print_clock_data, false },
	[HEADER_HYBRID_TOPOLOGY] = { print_hybrid_topology, true },
	[HEADER_PMU_CAPS]	= { print_pmu_caps, false },
};

void perf_header__fprintf_feature(struct perf_header *h, struct evlist *evlist,
				  int feat, FILE *fp, bool full)
{
	struct print_ctx c = { .h = h, .evlist = evlist, .fp = fp };

	if (feat <= HEADER_RESERVED || feat >= HEADER_LAST_FEATURE || !feat_print[feat].print)
		return;
	if (feat_print[feat].full_only && !full) {
		fprintf(fp, "# %s info available, use -I to display\n", header_feat__name(feat));
		return;
	}
	feat_print[feat].print(&c);
}

void perf_header__fprintf_info(struct perf_header *h, struct evlist *evlist,
			       FILE *fp, bool full)
{
	time_t mtime = (time_t)h->mtime;
	int feat;

	fprintf(fp, "# captured on    : %s", ctime(&mtime));
	fprintf(fp, "# header version : %u\n", h->version);
	fprintf(fp, "# data offset    : %" PRIu64 "\n", h->is_pipe ? 0 : h->data_offset);
	fprintf(fp, "# data size      : %" PRIu64 "\n", h->is_pipe ? 0 : h->data_size);
	fprintf(fp, "# feat offset    : %" PRIu64 "\n", h->is_pipe ? 0 : h->feat_offset);

	/* Pipe mode prints its features as their records arrive. */
	if (h->is_pipe)
		return;
	/*
	 * An unfinished file has records where the feature table would be;
	 * the reference prints them as features ("hostname : (null)"), we
	 * print none.
	 */
	if (!h->unfinished) {
		for (feat = HEADER_FIRST_FEATURE; feat < HEADER_LAST_FEATURE; feat++)
			if (perf_header__feat_test(h->adds_features, feat))
				perf_header__fprintf_feature(h, evlist, feat, fp, full);
	}
	fprintf(fp, "# missing features: ");
	for (feat = HEADER_FIRST_FEATURE; feat < HEADER_LAST_FEATURE; feat++)
		if (!perf_header__feat_test(h->adds_features, feat))
			fprintf(fp, "%s ", header_feat__name(feat));
	fprintf(fp, "\n");
}
