// SPDX-License-Identifier: GPL-2.0
/* perf_env: freeing the description of the recording machine, naming its arch and features. */
#include <ctype.h>
#include <string.h>
#include <sys/utsname.h>

#include "header.h"
#include "util.h"
#include "zalloc.h"

/*
 * The names `perf report --header-only` prints for features ("missing
 * features: ..."): the reference's identifiers, 6.1 spelling (bit 31 was
 * renamed PMU_CAPS later).
 */
static const char * const feat_names[HEADER_LAST_FEATURE] = {
	[HEADER_RESERVED]	= "RESERVED",
	[HEADER_TRACING_DATA]	= "TRACING_DATA",
	[HEADER_BUILD_ID]	= "BUILD_ID",
	[HEADER_HOSTNAME]	= "HOSTNAME",
	[HEADER_OSRELEASE]	= "OSRELEASE",
	[HEADER_VERSION]	= "VERSION",
	[HEADER_ARCH]		= "ARCH",
	[HEADER_NRCPUS]		= "NRCPUS",
	[HEADER_CPUDESC]	= "CPUDESC",
	[HEADER_CPUID]		= "CPUID",
	[HEADER_TOTAL_MEM]	= "TOTAL_MEM",
	[HEADER_CMDLINE]	= "CMDLINE",
	[HEADER_EVENT_DESC]	= "EVENT_DESC",
	[HEADER_CPU_TOPOLOGY]	= "CPU_TOPOLOGY",
	[HEADER_NUMA_TOPOLOGY]	= "NUMA_TOPOLOGY",
	[HEADER_BRANCH_STACK]	= "BRANCH_STACK",
	[HEADER_PMU_MAPPINGS]	= "PMU_MAPPINGS",
	[HEADER_GROUP_DESC]	= "GROUP_DESC",
	[HEADER_AUXTRACE]	= "AUXTRACE",
	[HEADER_STAT]		= "STAT",
	[HEADER_CACHE]		= "CACHE",
	[HEADER_SAMPLE_TIME]	= "SAMPLE_TIME",
	[HEADER_MEM_TOPOLOGY]	= "MEM_TOPOLOGY",
	[HEADER_CLOCKID]	= "CLOCKID",
	[HEADER_DIR_FORMAT]	= "DIR_FORMAT",
	[HEADER_BPF_PROG_INFO]	= "BPF_PROG_INFO",
	[HEADER_BPF_BTF]	= "BPF_BTF",
	[HEADER_COMPRESSED]	= "COMPRESSED",
	[HEADER_CPU_PMU_CAPS]	= "CPU_PMU_CAPS",
	[HEADER_CLOCK_DATA]	= "CLOCK_DATA",
	[HEADER_HYBRID_TOPOLOGY] = "HYBRID_TOPOLOGY",
	[HEADER_PMU_CAPS]	= "HYBRID_CPU_PMU_CAPS",
};

const char *header_feat__name(int feat)
{
	if (feat < 0 || feat >= HEADER_LAST_FEATURE || !feat_names[feat])
		return "UNKNOWN";
	return feat_names[feat];
}

static void strv__free(char **v, int n)
{
	int i;

	if (!v)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void perf_env__exit(struct perf_env *env)
{
	int i;

	if (!env)
		return;
	free(env->hostname);
	free(env->os_release);
	free(env->version);
	free(env->arch);
	free(env->cpu_desc);
	free(env->cpuid);
	strv__free(env->cmdline_argv, env->nr_cmdline);
	strv__free(env->sibling_cores, env->nr_sibling_cores);
	strv__free(env->sibling_dies, env->nr_sibling_dies);
	strv__free(env->sibling_threads, env->nr_sibling_threads);
	free(env->cpu);
	for (i = 0; i < env->nr_numa_nodes && env->numa_nodes; i++)
		free(env->numa_nodes[i].cpus);
	free(env->numa_nodes);
	strv__free(env->pmu_mappings, env->nr_pmu_mappings);
	for (i = 0; i < env->nr_groups && env->groups; i++)
		free(env->groups[i].name);
	free(env->groups);
	for (i = 0; i < env->nr_caches && env->caches; i++) {
		free(env->caches[i].type);
		free(env->caches[i].size);
		free(env->caches[i].map);
	}
	free(env->caches);
	for (i = 0; i < env->nr_memory_nodes && env->memory_nodes; i++)
		free(env->memory_nodes[i].set);
	free(env->memory_nodes);
	strv__free(env->cpu_pmu_caps, env->nr_cpu_pmu_caps);
	for (i = 0; i < env->nr_pmus_with_caps && env->pmu_caps; i++) {
		free(env->pmu_caps[i].pmu_name);
		strv__free(env->pmu_caps[i].caps, env->pmu_caps[i].nr_caps);
	}
	free(env->pmu_caps);
	free(env->tracing_data);
	for (i = 0; i < env->nr_event_desc && env->event_desc; i++) {
		free(env->event_desc[i].name);
		free(env->event_desc[i].ids);
	}
	free(env->event_desc);
	for (i = 0; i < env->nr_hybrid_nodes && env->hybrid_nodes; i++) {
		free(env->hybrid_nodes[i].pmu_name);
		free(env->hybrid_nodes[i].cpus);
	}
	free(env->hybrid_nodes);
	for (i = 0; i < env->nr_build_ids && env->build_ids; i++)
		free(env->build_ids[i].filename);
	free(env->build_ids);
	memset(env, 0, sizeof(*env));
}

/* uname's machine as the reference's arch directories name it. */
static const char *normalize_arch(const char *arch)
{
	if (!strcmp(arch, "x86_64"))
		return "x86";
	if (arch[0] == 'i' && arch[1] && arch[2] == '8' && arch[3] == '6')
		return "x86";
	if (!strcmp(arch, "sun4u") || !strncmp(arch, "sparc", 5))
		return "sparc";
	if (!strncmp(arch, "aarch64", 7) || !strncmp(arch, "arm64", 5))
		return "arm64";
	if (!strncmp(arch, "arm", 3) || !strcmp(arch, "sa110"))
		return "arm";
	if (!strncmp(arch, "s390", 4))
		return "s390";
	if (!strncmp(arch, "parisc", 6))
		return "parisc";
	if (!strncmp(arch, "powerpc", 7) || !strncmp(arch, "ppc", 3))
		return "powerpc";
	if (!strncmp(arch, "mips", 4))
		return "mips";
	if (!strncmp(arch, "sh", 2) && isdigit((unsigned char)arch[2]))
		return "sh";
	if (!strncmp(arch, "loongarch", 9))
		return "loongarch";
	if (!strncmp(arch, "riscv", 5))
		return "riscv";
	return arch;
}

const char *perf_env__arch(const struct perf_env *env)
{
	static struct utsname uts;
	static bool have_uts;

	if (env && env->arch && env->arch[0])
		return normalize_arch(env->arch);
	/* No ARCH feature: the file was recorded here, as far as we can know. */
	if (!have_uts) {
		if (uname(&uts) < 0)
			return "unknown";
		have_uts = true;
	}
	return normalize_arch(uts.machine);
}
