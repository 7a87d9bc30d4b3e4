// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the perf.data header: the file header, the attrs and their ids,
 * the feature sections (file mode) or their record forms (pipe mode),
 * from either byte order. Nothing read from the file is trusted: every
 * offset and size is checked against the file before it is used.
 */
#include <byteswap.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpumap.h"
#include "data.h"
#include "debug.h"
#include "evlist.h"
#include "evsel.h"
#include "header.h"
#include "io.h"
#include "parse-events.h"
#include "sample.h"
#include "strbuf.h"
#include "trace-data.h"
#include "util.h"
#include "zalloc.h"

/* The legacy magic of files written before the endianness-encoding one. */
static const char perf_magic1[8] = { 'P', 'E', 'R', 'F', 'F', 'I', 'L', 'E' };


/* [off, off + size) inside a file of @file_size bytes, without wrapping. */
static bool range_ok(uint64_t off, uint64_t size, uint64_t file_size)
{
	return off <= file_size && size <= file_size - off;
}

/* ---- a bounded reader over one feature section ---- */

struct feat_rd {
	const char *p, *end;
	bool swap;
	bool failed;
};

static bool rd_bytes(struct feat_rd *rd, void *dst, size_t n)
{
	if (rd->failed || (size_t)(rd->end - rd->p) < n) {
		rd->failed = true;
		return false;
	}
	memcpy(dst, rd->p, n);
	rd->p += n;
	return true;
}

static uint32_t rd_u32(struct feat_rd *rd)
{
	uint32_t v = 0;

	if (!rd_bytes(rd, &v, sizeof(v)))
		return 0;
	return rd->swap ? bswap_32(v) : v;
}

static uint64_t rd_u64(struct feat_rd *rd)
{
	uint64_t v = 0;

	if (!rd_bytes(rd, &v, sizeof(v)))
		return 0;
	return rd->swap ? bswap_64(v) : v;
}

static size_t rd_left(const struct feat_rd *rd)
{
	return rd->failed ? 0 : (size_t)(rd->end - rd->p);
}

/*
 * A string: u32 length (padding included), then the bytes. The copy is
 * always NUL-terminated, even when the file's is not.
 */
static char *rd_str(struct feat_rd *rd)
{
	uint32_t len = rd_u32(rd);
	char *s;

	if (rd->failed || len > rd_left(rd)) {
		rd->failed = true;
		return NULL;
	}
	s = malloc((size_t)len + 1);
	if (!s) {
		rd->failed = true;
		return NULL;
	}
	memcpy(s, rd->p, len);
	s[len] = '\0';
	rd->p += len;
	return s;
}

/*
 * An array count from the file, refused when even the smallest element
 * (@min_elem bytes) times @nr cannot fit in what is left: a flipped bit
 * must not turn into a gigabyte allocation.
 */
static bool rd_count_ok(struct feat_rd *rd, uint64_t nr, size_t min_elem)
{
	if (rd->failed || (min_elem && nr > rd_left(rd) / min_elem)) {
		rd->failed = true;
		return false;
	}
	return true;
}

/* ---- feature processors ---- */

struct feat_ctx {
	struct perf_header *h;
	struct feat_rd rd;
};

#define PROCESS_STR(field)						\
	do {								\
		char *s = rd_str(&ctx->rd);				\
									\
		if (!s)							\
			return -EINVAL;					\
		free(ctx->h->env.field);				\
		ctx->h->env.field = s;					\
		return 0;						\
	} while (0)

static int process_hostname(struct feat_ctx *ctx) { PROCESS_STR(hostname); }
static int process_osrelease(struct feat_ctx *ctx) { PROCESS_STR(os_release); }
static int process_version(struct feat_ctx *ctx) { PROCESS_STR(version); }
static int process_arch(struct feat_ctx *ctx) { PROCESS_STR(arch); }
static int process_cpudesc(struct feat_ctx *ctx) { PROCESS_STR(cpu_desc); }
static int process_cpuid(struct feat_ctx *ctx) { PROCESS_STR(cpuid); }

static int process_tracing_data(struct feat_ctx *ctx)
{
	struct perf_env *env = &ctx->h->env;
	size_t n = rd_left(&ctx->rd);

	free(env->tracing_data);
	env->tracing_data = malloc(n ? n : 1);
	if (!env->tracing_data)
		return -ENOMEM;
	memcpy(env->tracing_data, ctx->rd.p, n);
	env->tracing_data_size = n;
	return 0;
}

static int build_id__add(struct perf_env *env, int32_t pid, uint16_t misc,
			 const uint8_t *bid, uint8_t size, const char *name, size_t name_max)
{
	struct perf_build_id_entry *n, *e;

	n = realloc(env->build_ids, ((size_t)env->nr_build_ids + 1) * sizeof(*n));
	if (!n)
		return -ENOMEM;
	env->build_ids = n;
	e = &n[env->nr_build_ids];
	memset(e, 0, sizeof(*e));
	e->pid = pid;
	e->misc = misc;
	e->size = size > BUILD_ID_SIZE ? BUILD_ID_SIZE : size;
	memcpy(e->build_id, bid, BUILD_ID_SIZE);
	e->filename = strndup(name, name_max);
	if (!e->filename)
		return -ENOMEM;
	env->nr_build_ids++;
	return 0;
}

/* PERF_RECORD_MISC_BUILD_ID_SIZE: the record's size byte is valid. */
#define MISC_BUILD_ID_SIZE (1 << 15)
/* The pid of the host kernel's build ids (HOST_KERNEL_ID) and of guests. */
#define HOST_KERNEL_ID		(-1)
#define DEFAULT_GUEST_KERNEL_ID	(0)

static int process_build_id(struct feat_ctx *ctx)
{
	struct feat_rd *rd = &ctx->rd;
	const char *start = rd->p;
	bool old_abi = false;

	while (rd_left(rd) >= sizeof(struct perf_event_header)) {
		struct perf_event_header hdr;
		const char *rec = rd->p;
		uint8_t bid[BUILD_ID_SIZE];
		size_t fixed, size;
		int32_t pid;
		uint8_t bsize;
		int err;

		memcpy(&hdr, rec, sizeof(hdr));
		if (rd->swap)
			perf_event_header__bswap(&hdr);
		size = hdr.size;
		/*
		 * Files from before the pid field (2010) have the kernel's
		 * entry first; read with the new layout its name loses the
		 * four bytes the pid takes, which is how to recognise them.
		 */
		fixed = old_abi ? sizeof(hdr) + 24 : sizeof(struct perf_record_header_build_id);
		if (size < fixed || size > rd_left(rd))
			return -EINVAL;
		if (!old_abi && rec == start && size > fixed + 13 &&
		    !memcmp(rec + fixed, "nel.kallsyms]", 13)) {
			old_abi = true;
			continue;
		}
		if (old_abi) {
			pid = hdr.misc == PERF_RECORD_MISC_GUEST_USER ||
			      hdr.misc == PERF_RECORD_MISC_GUEST_KERNEL ?
			      DEFAULT_GUEST_KERNEL_ID : HOST_KERNEL_ID;
			memcpy(bid, rec + sizeof(hdr), BUILD_ID_SIZE);
			bsize = BUILD_ID_SIZE;
		} else {
			memcpy(&pid, rec + sizeof(hdr), sizeof(pid));
			if (rd->swap)
				pid = (int32_t)bswap_32((uint32_t)pid);
			memcpy(bid, rec + sizeof(hdr) + sizeof(pid), BUILD_ID_SIZE);
			bsize = (uint8_t)rec[sizeof(hdr) + sizeof(pid) + BUILD_ID_SIZE];
			if (!(hdr.misc & MISC_BUILD_ID_SIZE))
				bsize = BUILD_ID_SIZE;
		}
		err = build_id__add(&ctx->h->env, pid, hdr.misc, bid, bsize,
				    rec + fixed, size - fixed);
		if (err)
			return err;
		rd->p += size;
	}
	return 0;
}

static int process_nrcpus(struct feat_ctx *ctx)
{
	uint32_t avail = rd_u32(&ctx->rd), online = rd_u32(&ctx->rd);

	if (ctx->rd.failed)
		return -EINVAL;
	ctx->h->env.nr_cpus_avail = (int)avail;
	ctx->h->env.nr_cpus_online = (int)online;
	return 0;
}

static int process_total_mem(struct feat_ctx *ctx)
{
	uint64_t mem = rd_u64(&ctx->rd);

	if (ctx->rd.failed)
		return -EINVAL;
	ctx->h->env.total_mem = mem;
	return 0;
}

static int read_strv(struct feat_rd *rd, char ***pv, int *pn)
{
	uint32_t nr = rd_u32(rd), i;
	char **v;

	if (!rd_count_ok(rd, nr, sizeof(uint32_t)))
		return -EINVAL;
	v = calloc(nr ? nr : 1, sizeof(*v));
	if (!v)
		return -ENOMEM;
	for (i = 0; i < nr; i++) {
		v[i] = rd_str(rd);
		if (!v[i]) {
			while (i--)
				free(v[i]);
			free(v);
			return -EINVAL;
		}
	}
	*pv = v;
	*pn = (int)nr;
	return 0;
}

static void strv__free(char **v, int n)
{
	int i;

	for (i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

static int process_cmdline(struct feat_ctx *ctx)
{
	struct perf_env *env = &ctx->h->env;
	char **v;
	int n, err = read_strv(&ctx->rd, &v, &n);

	if (err)
		return err;
	strv__free(env->cmdline_argv, env->nr_cmdline);
	env->cmdline_argv = v;
	env->nr_cmdline = n;
	return 0;
}

/* Reserved or unknown attr bits: the reference refuses the event description. */
static bool attr_check(const struct perf_event_attr *attr)
{
	if (attr->__reserved_1 || attr->__reserved_2 || attr->__reserved_3) {
		pr_warning("Reserved bits are set unexpectedly. Please update perf tool.\n");
		return false;
	}
	if (attr->sample_type & ~(uint64_t)(PERF_SAMPLE_MAX - 1)) {
		pr_warning("Unknown sample type (0x%llx) is detected. Please update perf tool.\n",
			   (unsigned long long)attr->sample_type);
		return false;
	}
	if (attr->read_format & ~(uint64_t)(PERF_FORMAT_MAX - 1)) {
		pr_warning("Unknown read format (0x%llx) is detected. Please update perf tool.\n",
			   (unsigned long long)attr->read_format);
		return false;
	}
	if ((attr->sample_type & PERF_SAMPLE_BRANCH_STACK) &&
	    (attr->branch_sample_type & ~(uint64_t)(PERF_SAMPLE_BRANCH_MAX - 1))) {
		pr_warning("Unknown branch sample type (0x%llx) is detected. Please update perf tool.\n",
			   (unsigned long long)attr->branch_sample_type);
		return false;
	}
	return true;
}

static void event_desc__free(struct perf_event_desc *d, int nr)
{
	int i;

	for (i = 0; d && i < nr; i++) {
		free(d[i].name);
		free(d[i].ids);
	}
	free(d);
}

static int process_event_desc(struct feat_ctx *ctx)
{
	struct feat_rd *rd = &ctx->rd;
	struct perf_env *env = &ctx->h->env;
	struct perf_event_desc *desc;
	uint32_t nre = rd_u32(rd), sz = rd_u32(rd), i, j;
	char *buf;

	if (rd->failed || sz < PERF_ATTR_SIZE_VER0 || !rd_count_ok(rd, nre, sz))
		return -EINVAL;
	/* With no events the attr size is unchecked by the count: do not trust it. */
	if (!nre)
		sz = PERF_ATTR_SIZE_VER0;
	desc = calloc(nre ? nre : 1, sizeof(*desc));
	buf = malloc(sz);
	if (!desc || !buf) {
		free(desc);
		free(buf);
		return -ENOMEM;
	}
	for (i = 0; i < nre; i++) {
		struct perf_event_desc *d = &desc[i];
		uint32_t nr;

		/* The whole on-file attr is consumed; we keep what we know. */
		if (!rd_bytes(rd, buf, sz))
			goto out_err;
		memcpy(&d->attr, buf, min((size_t)sz, sizeof(d->attr)));
		if (rd->swap)
			perf_event_attr__bswap(&d->attr);
		if (!attr_check(&d->attr))
			goto out_err;
		nr = rd_u32(rd);
		d->name = rd_str(rd);
		if (!d->name || !rd_count_ok(rd, nr, sizeof(uint64_t)))
			goto out_err;
		d->ids = calloc(nr ? nr : 1, sizeof(uint64_t));
		if (!d->ids)
			goto out_err;
		d->nr_ids = nr;
		for (j = 0; j < nr; j++)
			d->ids[j] = rd_u64(rd);
	}
	free(buf);
	event_desc__free(env->event_desc, env->nr_event_desc);
	env->event_desc = desc;
	env->nr_event_desc = (int)nre;
	return 0;
out_err:
	free(buf);
	event_desc__free(desc, (int)nre);
	return -EINVAL;
}

static int process_cpu_topology(struct feat_ctx *ctx)
{
	struct feat_rd *rd = &ctx->rd;
	struct perf_env *env = &ctx->h->env;
	int nr_cpus = env->nr_cpus_avail, i, err;

	err = read_strv(rd, &env->sibling_cores, &env->nr_sibling_cores);
	if (err)
		return err;
	err = read_strv(rd, &env->sibling_threads, &env->nr_sibling_threads);
	if (err)
		return err;
	/* Perf before 4.0 stopped here: no per-CPU ids. */
	if (!rd_left(rd) || nr_cpus <= 0)
		return 0;
	if (!rd_count_ok(rd, (uint64_t)nr_cpus, 2 * sizeof(uint32_t)))
		return -EINVAL;
	free(env->cpu);
	env->cpu = calloc((size_t)nr_cpus, sizeof(*env->cpu));
	if (!env->cpu)
		return -ENOMEM;
	for (i = 0; i < nr_cpus; i++) {
		env->cpu[i].core_id = (int)rd_u32(rd);
		env->cpu[i].socket_id = (int)rd_u32(rd);
	}
	/* Perf before 5.3 stopped here: no dies. */
	if (!rd_left(rd))
		return 0;
	err = read_strv(rd, &env->sibling_dies, &env->nr_sibling_dies);
	if (err)
		return err;
	if (!rd_count_ok(rd, (uint64_t)nr_cpus, sizeof(uint32_t)))
		return -EINVAL;
	for (i = 0; i < nr_cpus; i++)
		env->cpu[i].die_id = (int)rd_u32(rd);
	return rd->failed ? -EINVAL : 0;
}

static int process_numa_topology(struct feat_ctx *ctx)
{
	struct feat_rd *rd = &ctx->rd;
	struct perf_env *env = &ctx->h->env;
	uint32_t nr = rd_u32(rd), i;
	struct numa_node *nodes;

	if (!rd_count_ok(rd, nr, 4 + 8 + 8 + 4))
		return -EINVAL;
	nodes = calloc(nr ? nr : 1, sizeof(*nodes));
	if (!nodes)
		return -ENOMEM;
	for (i = 0; i < nr; i++) {
		nodes[i].node = rd_u32(rd);
		nodes[i].mem_total = rd_u64(rd);
		nodes[i].mem_free = rd_u64(rd);
		nodes[i].cpus = rd_str(rd);
		if (!nodes[i].cpus) {
			while (i--)
				free(nodes[i].cpus);
			free(nodes);
			return -EINVAL;
		}
	}
	env->numa_nodes = nodes;
	env->nr_numa_nodes = (int)nr;
	return 0;
}

static int process_pmu_mappings(struct feat_ctx *ctx)
{
	struct feat_rd *rd = &ctx->rd;
	struct perf_env *env = &ctx->h->env;
	uint32_t nr = rd_u32(rd), i;
	char **v;

	if (!rd_count_ok(rd, nr, 2 * sizeof(uint32_t)))
		return -EINVAL;
	v = calloc(nr ? nr : 1, sizeof(*v));
	if (!v)
		return -ENOMEM;
	for (i = 0; i < nr; i++) {
		uint32_t type = rd_u32(rd);
		char *name = rd_str(rd);

		if (!name || asprintf(&v[i], "%u:%s", type, name) < 0) {
			free(name);
			v[i] = NULL;
			strv__free(v, (int)i);
			return -EINVAL;
		}
		free(name);
	}
	strv__free(env->pmu_mappings, env->nr_pmu_mappings);
	env->pmu_mappings = v;
	env->nr_pmu_mappings = (int)nr;
	return 0;
}

static int process_group_desc(struct feat_ctx *ctx)
{
	struct feat_rd *rd = &ctx->rd;
	struct perf_env *env = &ctx->h->env;
	uint32_t nr = rd_u32(rd), i;

	if (!rd_count_ok(rd, nr, 3 * sizeof(uint32_t)))
		return -EINVAL;
	env->groups = calloc(nr ? nr : 1, sizeof(*env->groups));
	if (!env->groups)
		return -ENOMEM;
	env->nr_groups = (int)nr;
	for (i = 0; i < nr; i++) {
		env->groups[i].name = rd_str(rd);
		env->groups[i].leader_idx = rd_u32(rd);
		env->groups[i].nr_members = rd_u32(rd);
	}
	return rd->failed ? -EINVAL : 0;
}

static int process_cache(struct feat_ctx *ctx)
{
	struct feat_rd *rd = &ctx->rd;
	struct perf_env *env = &ctx->h->env;
	uint32_t version = rd_u32(rd), cnt, i;
	struct cpu_cache_level *c;

	if (rd->failed || version != 1)
		return -EINVAL;
	cnt = rd_u32(rd);
	if (!rd_count_ok(rd, cnt, 7 * sizeof(uint32_t)))
		return -EINVAL;
	c = calloc(cnt ? cnt : 1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	env->caches = c;
	env->nr_caches = (int)cnt;
	for (i = 0; i < cnt; i++) {
		c[i].level = rd_u32(rd);
		c[i].line_size = rd_u32(rd);
		c[i].sets = rd_u32(rd);
		c[i].ways = rd_u32(rd);
		c[i].type = rd_str(rd);
		c[i].size = rd_str(rd);
		c[i].map = rd_str(rd);
	}
	return rd->failed ? -EINVAL : 0;
}

static int process_sample_time(struct feat_ctx *ctx)
{
	uint64_t first = rd_u64(&ctx->rd), last = rd_u64(&ctx->rd);

	if (ctx->rd.failed)
		return -EINVAL;
	ctx->h->env.first_sample_time = first;
	ctx->h->env.last_sample_time = last;
	return 0;
}

static int process_mem_topology(struct feat_ctx *ctx)
{
	struct feat_rd *rd = &ctx->rd;
	struct perf_env *env = &ctx->h->env;
	uint64_t version = rd_u64(rd), bsize, nr, i, j;
	struct memory_node *nodes;

	if (rd->failed || version != 1)
		return -EINVAL;
	bsize = rd_u64(rd);
	nr = rd_u64(rd);
	if (!rd_count_ok(rd, nr, 3 * sizeof(uint64_t)))
		return -EINVAL;
	nodes = calloc(nr ? nr : 1, sizeof(*nodes));
	if (!nodes)
		return -ENOMEM;
	env->memory_nodes = nodes;
	env->nr_memory_nodes = (int)nr;
	env->memory_bsize = bsize;
	for (i = 0; i < nr; i++) {
		uint64_t bits, words;

		nodes[i].node = rd_u64(rd);
		rd_u64(rd);	/* the size again, in front of the bitmap */
		bits = rd_u64(rd);
		words = (bits + 63) / 64;
		if (!rd_count_ok(rd, words, sizeof(uint64_t)))
			return -EINVAL;
		nodes[i].size = bits;
		nodes[i].set = calloc(words ? words : 1, sizeof(uint64_t));
		if (!nodes[i].set)
			return -ENOMEM;
		for (j = 0; j < words; j++)
			nodes[i].set[j] = rd_u64(rd);
	}
	return rd->failed ? -EINVAL : 0;
}

static int process_clockid(struct feat_ctx *ctx)
{
	uint64_t res = rd_u64(&ctx->rd);

	if (ctx->rd.failed)
		return -EINVAL;
	ctx->h->env.clockid_res_ns = res;
	return 0;
}

static int process_dir_format(struct feat_ctx *ctx)
{
	uint64_t v = rd_u64(&ctx->rd);

	if (ctx->rd.failed)
		return -EINVAL;
	ctx->h->env.dir_format_version = v;
	return 0;
}

static int process_bpf_prog_info(struct feat_ctx *ctx)
{
	if (ctx->rd.swap) {
		pr_warning("interpreting bpf_prog_info from systems with endianness is not yet supported\n");
		return 0;
	}
	ctx->h->env.nr_bpf_prog_infos = rd_u32(&ctx->rd);
	return ctx->rd.failed ? -EINVAL : 0;
}

static int process_bpf_btf(struct feat_ctx *ctx)
{
	if (ctx->rd.swap) {
		pr_warning("interpreting btf from systems with endianness is not yet supported\n");
		return 0;
	}
	ctx->h->env.nr_bpf_btfs = rd_u32(&ctx->rd);
	return ctx->rd.failed ? -EINVAL : 0;
}

static int process_compressed(struct feat_ctx *ctx)
{
	struct perf_env *env = &ctx->h->env;

	env->comp.version = rd_u32(&ctx->rd);
	env->comp.type = rd_u32(&ctx->rd);
	env->comp.level = rd_u32(&ctx->rd);
	env->comp.ratio = rd_u32(&ctx->rd);
	env->comp.mmap_len = rd_u32(&ctx->rd);
	return ctx->rd.failed ? -EINVAL : 0;
}

/* u32 count, then name and value strings: stored as "name=value". */
static int read_caps(struct feat_rd *rd, char ***pcaps, int *pnr)
{
	uint32_t nr = rd_u32(rd), i;
	char **caps;

	*pcaps = NULL;
	*pnr = 0;
	if (!rd_count_ok(rd, nr, 2 * sizeof(uint32_t)))
		return -EINVAL;
	if (!nr)
		return 0;
	caps = calloc(nr, sizeof(*caps));
	if (!caps)
		return -ENOMEM;
	for (i = 0; i < nr; i++) {
		char *name = rd_str(rd), *value = rd_str(rd);

		if (!name || !value || asprintf(&caps[i], "%s=%s", name, value) < 0) {
			free(name);
			free(value);
			caps[i] = NULL;
			strv__free(caps, (int)i);
			return -EINVAL;
		}
		free(name);
		free(value);
	}
	*pcaps = caps;
	*pnr = (int)nr;
	return 0;
}

static int process_cpu_pmu_caps(struct feat_ctx *ctx)
{
	struct perf_env *env = &ctx->h->env;

	strv__free(env->cpu_pmu_caps, env->nr_cpu_pmu_caps);
	return read_caps(&ctx->rd, &env->cpu_pmu_caps, &env->nr_cpu_pmu_caps);
}

static int process_clock_data(struct feat_ctx *ctx)
{
	struct perf_env *env = &ctx->h->env;
	uint32_t version = rd_u32(&ctx->rd);

	if (ctx->rd.failed || version != 1)
		return -EINVAL;
	env->clock.version = version;
	env->clock.clockid = rd_u32(&ctx->rd);
	env->clock.tod_ns = rd_u64(&ctx->rd);
	env->clock.clockid_ns = rd_u64(&ctx->rd);
	if (ctx->rd.failed)
		return -EINVAL;
	env->clock.enabled = true;
	return 0;
}

static int process_hybrid_topology(struct feat_ctx *ctx)
{
	struct feat_rd *rd = &ctx->rd;
	struct perf_env *env = &ctx->h->env;
	uint32_t nr = rd_u32(rd), i;

	if (!rd_count_ok(rd, nr, 2 * sizeof(uint32_t)))
		return -EINVAL;
	env->hybrid_nodes = calloc(nr ? nr : 1, sizeof(*env->hybrid_nodes));
	if (!env->hybrid_nodes)
		return -ENOMEM;
	env->nr_hybrid_nodes = (int)nr;
	for (i = 0; i < nr; i++) {
		env->hybrid_nodes[i].pmu_name = rd_str(rd);
		env->hybrid_nodes[i].cpus = rd_str(rd);
	}
	return rd->failed ? -EINVAL : 0;
}

static int process_pmu_caps(struct feat_ctx *ctx)
{
	struct feat_rd *rd = &ctx->rd;
	struct perf_env *env = &ctx->h->env;
	uint32_t nr = rd_u32(rd), i;
	int err;

	if (!rd_count_ok(rd, nr, 2 * sizeof(uint32_t)))
		return -EINVAL;
	if (!nr)
		return 0;
	env->pmu_caps = calloc(nr, sizeof(*env->pmu_caps));
	if (!env->pmu_caps)
		return -ENOMEM;
	env->nr_pmus_with_caps = (int)nr;
	for (i = 0; i < nr; i++) {
		err = read_caps(rd, &env->pmu_caps[i].caps, &env->pmu_caps[i].nr_caps);
		if (err)
			return err;
		env->pmu_caps[i].pmu_name = rd_str(rd);
		if (!env->pmu_caps[i].pmu_name)
			return -EINVAL;
	}
	return 0;
}

typedef int (*feat_process_fn)(struct feat_ctx *ctx);

static const feat_process_fn feat_process[HEADER_LAST_FEATURE] = {
	[HEADER_TRACING_DATA]	= process_tracing_data,
	[HEADER_BUILD_ID]	= process_build_id,
	[HEADER_HOSTNAME]	= process_hostname,
	[HEADER_OSRELEASE]	= process_osrelease,
	[HEADER_VERSION]	= process_version,
	[HEADER_ARCH]		= process_arch,
	[HEADER_NRCPUS]		= process_nrcpus,
	[HEADER_CPUDESC]	= process_cpudesc,
	[HEADER_CPUID]		= process_cpuid,
	[HEADER_TOTAL_MEM]	= process_total_mem,
	[HEADER_CMDLINE]	= process_cmdline,
	[HEADER_EVENT_DESC]	= process_event_desc,
	[HEADER_CPU_TOPOLOGY]	= process_cpu_topology,
	[HEADER_NUMA_TOPOLOGY]	= process_numa_topology,
	[HEADER_PMU_MAPPINGS]	= process_pmu_mappings,
	[HEADER_GROUP_DESC]	= process_group_desc,
	[HEADER_CACHE]		= process_cache,
	[HEADER_SAMPLE_TIME]	= process_sample_time,
	[HEADER_MEM_TOPOLOGY]	= process_mem_topology,
	[HEADER_CLOCKID]	= process_clockid,
	[HEADER_DIR_FORMAT]	= process_dir_format,
	[HEADER_BPF_PROG_INFO]	= process_bpf_prog_info,
	[HEADER_BPF_BTF]	= process_bpf_btf,
	[HEADER_COMPRESSED]	= process_compressed,
	[HEADER_CPU_PMU_CAPS]	= process_cpu_pmu_caps,
	[HEADER_CLOCK_DATA]	= process_clock_data,
	[HEADER_HYBRID_TOPOLOGY] = process_hybrid_topology,
	[HEADER_PMU_CAPS]	= process_pmu_caps,
};

/*
 * A feature processor that failed part way may leave allocations behind;
 * they belong to the env, which perf_env__exit() frees whatever their state.
 */
static int feature__process(struct perf_header *h, int feat, const void *buf, size_t size)
{
	struct feat_ctx ctx = {
		.h = h,
		.rd = { .p = buf, .end = (const char *)buf + size, .swap = h->needs_swap },
	};

	if (feat <= HEADER_RESERVED || feat >= HEADER_LAST_FEATURE || !feat_process[feat])
		return 0;
	return feat_process[feat](&ctx);
}

/* ---- evsel names and groups ---- */

static const char * const hw_names[] = {
	"cycles", "instructions", "cache-references", "cache-misses",
	"branches", "branch-misses", "bus-cycles", "stalled-cycles-frontend",
	"stalled-cycles-backend", "ref-cycles",
};

static const char * const sw_names[] = {
	"cpu-clock", "task-clock", "page-faults", "context-switches",
	"cpu-migrations", "minor-faults", "major-faults", "alignment-faults",
	"emulation-faults", "dummy", "bpf-output", "cgroup-switches",
};

/*
 * The reference's modifier suffix for an event without a recorded name,
 * or one renamed by a fallback: appended to the name in @bf.
 */
size_t perf_event_attr__add_modifiers(const struct perf_event_attr *attr, char *bf, size_t size)
{
	bool exclude_guest_default = false;
	size_t r = strlen(bf), colon = 0;

#define MOD(cond, c)							\
	do {								\
		if (cond && r + 2 < size) {				\
			if (!colon)					\
				colon = ++r;				\
			bf[r++] = (c);					\
			bf[r] = '\0';					\
		}							\
	} while (0)
	if (attr->exclude_kernel || attr->exclude_user || attr->exclude_hv) {
		MOD(!attr->exclude_kernel, 'k');
		MOD(!attr->exclude_user, 'u');
		MOD(!attr->exclude_hv, 'h');
		exclude_guest_default = true;
	}
	if (attr->precise_ip) {
		unsigned int i;

		for (i = 0; i < attr->precise_ip && i < 3; i++)
			MOD(true, 'p');
		exclude_guest_default = true;
	}
	if (attr->exclude_host || attr->exclude_guest == exclude_guest_default) {
		MOD(!attr->exclude_host, 'H');
		MOD(!attr->exclude_guest, 'G');
	}
#undef MOD
	if (colon)
		bf[colon - 1] = ':';
	return r;
}

char *perf_event_attr__default_name(const struct perf_event_attr *attr,
				    const struct perf_env *env, char *buf, size_t size)
{
	uint64_t config = attr->config;

	buf[0] = '\0';
	switch (attr->type) {
	case PERF_TYPE_HARDWARE:
		snprintf(buf, size, "%s", config < ARRAY_SIZE(hw_names) ?
			 hw_names[config] : "unknown-hardware");
		break;
	case PERF_TYPE_SOFTWARE:
		snprintf(buf, size, "%s", config < ARRAY_SIZE(sw_names) ?
			 sw_names[config] : "unknown-software");
		break;
	case PERF_TYPE_TRACEPOINT: {
		struct trace_data_event ev;

		if (env && env->tracing_data &&
		    !trace_data__find_event(env->tracing_data, env->tracing_data_size,
					    config, &ev))
			snprintf(buf, size, "%.*s:%.*s", (int)ev.system_len, ev.system,
				 (int)ev.name_len, ev.name);
		else
			snprintf(buf, size, "unknown tracepoint");
		return buf;
	}
	case PERF_TYPE_HW_CACHE:
		if (evsel__hw_cache_type_op_res_name((uint8_t)config, (uint8_t)(config >> 8),
						     (uint8_t)(config >> 16), buf, size) < 0)
			snprintf(buf, size, "invalid-cache");
		break;
	case PERF_TYPE_RAW:
		snprintf(buf, size, "raw 0x%" PRIx64, config);
		break;
	case PERF_TYPE_BREAKPOINT: {
		size_t r = (size_t)snprintf(buf, size, "mem:0x%" PRIx64 ":", (uint64_t)attr->bp_addr);

		if (r < size && (attr->bp_type & 1))	/* HW_BREAKPOINT_R */
			r += (size_t)snprintf(buf + r, size - r, "r");
		if (r < size && (attr->bp_type & 2))	/* HW_BREAKPOINT_W */
			r += (size_t)snprintf(buf + r, size - r, "w");
		if (r < size && (attr->bp_type & 4))	/* HW_BREAKPOINT_X */
			snprintf(buf + r, size - r, "x");
		break;
	}
	default:
		snprintf(buf, size, "unknown attr type: %d", attr->type);
		return buf;
	}
	perf_event_attr__add_modifiers(attr, buf, size);
	return buf;
}

static struct evsel *evlist__evsel_at(struct evlist *evlist, int idx)
{
	struct evsel *evsel;

	evlist__for_each_entry(evlist, evsel)
		if (evsel->idx == idx)
			return evsel;
	return NULL;
}

static void evlist__apply_groups(struct perf_header *h, struct evlist *evlist)
{
	struct perf_env *env = &h->env;
	struct evsel *evsel, *leader = NULL;
	int i = 0, nr = 0;

	if (!env->nr_groups || !env->groups)
		return;
	/* Check the description first: a damaged one must not half-apply. */
	evlist__for_each_entry(evlist, evsel) {
		if (i < env->nr_groups && evsel->idx == (int)env->groups[i].leader_idx) {
			if (nr > 0 || !env->groups[i].nr_members)
				goto invalid;
			nr = (int)env->groups[i].nr_members - 1;
			i++;
		} else if (nr) {
			nr--;
		}
	}
	if (i != env->nr_groups || nr)
		goto invalid;

	i = nr = 0;
	evlist__for_each_entry(evlist, evsel) {
		if (i < env->nr_groups && evsel->idx == (int)env->groups[i].leader_idx) {
			const char *name = env->groups[i].name;

			evsel->leader = evsel;
			evsel->nr_members = (int)env->groups[i].nr_members;
			/* "{anon_group}" stands for a group without a name. */
			if (name && strcmp(name, "{anon_group}") && !evsel->group_name)
				evsel->group_name = strdup(name);
			leader = evsel;
			nr = evsel->nr_members - 1;
			if (nr > 0)
				evlist->nr_groups++;
			i++;
		} else if (nr && leader) {
			evsel->leader = leader;
			nr--;
		}
	}
	return;
invalid:
	pr_debug("invalid group desc\n");
}

int perf_header__apply_to_evlist(struct perf_header *h, struct evlist *evlist, bool final)
{
	struct perf_env *env = &h->env;
	struct evsel *evsel;
	int i;

	for (i = 0; i < env->nr_event_desc && env->event_desc; i++) {
		evsel = evlist__evsel_at(evlist, i);
		if (evsel && !evsel->name && env->event_desc[i].name &&
		    evsel__set_name(evsel, env->event_desc[i].name))
			return -ENOMEM;
	}
	if (!final)
		return 0;
	evlist__apply_groups(h, evlist);
	evlist__for_each_entry(evlist, evsel) {
		char buf[256];

		if (evsel->name)
			continue;
		if (evsel__set_name(evsel, perf_event_attr__default_name(&evsel->attr, env,
									  buf, sizeof(buf))))
			return -ENOMEM;
	}
	return 0;
}

/* ---- the file header ---- */

static int check_magic(uint64_t magic, struct perf_header *h)
{
	if (magic == PERF_MAGIC2) {
		h->version = 1;
		return 0;
	}
	if (magic == PERF_MAGIC2_SWAPPED) {
		h->version = 1;
		h->needs_swap = true;
		return 0;
	}
	if (!memcmp(&magic, perf_magic1, sizeof(magic))) {
		h->version = 0;
		return 1;	/* legacy: the byte order is found from the sizes */
	}
	return -EINVAL;
}

/* Legacy files: the attr_size field is one of the ABI sizes in one byte order. */
static int legacy_file_abi(uint64_t attr_size, struct perf_header *h)
{
	static const uint64_t abi[] = {
		PERF_ATTR_SIZE_VER0, PERF_ATTR_SIZE_VER1, PERF_ATTR_SIZE_VER2,
		PERF_ATTR_SIZE_VER3, PERF_ATTR_SIZE_VER4,
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(abi); i++) {
		uint64_t ref = abi[i] + sizeof(struct perf_file_section);

		if (attr_size == ref)
			return 0;
		if (bswap_64(attr_size) == ref) {
			h->needs_swap = true;
			return 0;
		}
	}
	return -EINVAL;
}

static void incompatible(void)
{
	pr_err("incompatible file format (rerun with -v to learn more)\n");
}

static int read_pipe_header(struct perf_header *h, const struct perf_pipe_file_header *ph)
{
	uint64_t size = ph->size;
	int legacy = check_magic(ph->magic, h);

	if (legacy < 0)
		return -EINVAL;
	if (legacy) {
		/* Legacy pipes: the size says the byte order. */
		if (size != sizeof(*ph) && bswap_64(size) == sizeof(*ph))
			h->needs_swap = true;
	}
	if (h->needs_swap)
		size = bswap_64(size);
	if (size != sizeof(*ph))
		return -EINVAL;
	h->is_pipe = true;
	return 0;
}

/* Read one attr entry at @off: the attr (its own size) then the ids section. */
static int read_one_attr(struct perf_header *h, int fd, uint64_t off, uint64_t end,
			 struct perf_file_attr *fa, uint64_t *consumed, const char *path)
{
	uint32_t sz;
	int err;

	memset(fa, 0, sizeof(*fa));
	if (off > end || end - off < PERF_ATTR_SIZE_VER0) {
		pr_err("'%s': damaged header: attr at offset %#" PRIx64 " runs past the attrs section\n",
		       path, off);
		return -EINVAL;
	}
	err = io__pread(fd, &fa->attr, PERF_ATTR_SIZE_VER0, off);
	if (err)
		return err;
	sz = fa->attr.size;
	if (h->needs_swap)
		sz = bswap_32(sz);
	if (!sz)
		sz = PERF_ATTR_SIZE_VER0;
	if (sz > sizeof(fa->attr)) {
		pr_debug("file uses a more recent and unsupported ABI (%zu bytes extra)\n",
			 (size_t)sz - sizeof(fa->attr));
		pr_err("'%s': attr at offset %#" PRIx64 " has size %u, more than this perf knows (%zu)\n",
		       path, off, sz, sizeof(fa->attr));
		return -EINVAL;
	}
	if (sz < PERF_ATTR_SIZE_VER0 || end - off < (uint64_t)sz + sizeof(fa->ids)) {
		pr_err("'%s': damaged header: attr at offset %#" PRIx64 " runs past the attrs section\n",
		       path, off);
		return -EINVAL;
	}
	if (sz > PERF_ATTR_SIZE_VER0) {
		err = io__pread(fd, (char *)&fa->attr + PERF_ATTR_SIZE_VER0,
			      sz - PERF_ATTR_SIZE_VER0, off + PERF_ATTR_SIZE_VER0);
		if (err)
			return err;
	}
	err = io__pread(fd, &fa->ids, sizeof(fa->ids), off + sz);
	if (err)
		return err;
	if (h->needs_swap) {
		perf_event_attr__bswap(&fa->attr);
		fa->ids.offset = bswap_64(fa->ids.offset);
		fa->ids.size = bswap_64(fa->ids.size);
	}
	*consumed = sz + sizeof(fa->ids);
	return 0;
}

static int evsel__set_ids(struct evsel *evsel, const uint64_t *ids, size_t nr)
{
	uint64_t *copy = calloc(nr ? nr : 1, sizeof(*copy));

	if (!copy)
		return -ENOMEM;
	memcpy(copy, ids, nr * sizeof(*copy));
	free(evsel->id);
	evsel->id = copy;
	evsel->ids = (int)nr;
	return 0;
}

static int read_attrs(struct perf_header *h, int fd, const struct perf_file_header *fh,
		      struct evlist *evlist, const char *path)
{
	uint64_t off = fh->attrs.offset, end = fh->attrs.offset + fh->attrs.size;
	uint64_t nr_attrs = fh->attrs.size / fh->attr_size, i;

	for (i = 0; i < nr_attrs; i++) {
		struct perf_file_attr fa;
		struct evsel *evsel;
		uint64_t consumed, nr_ids, *ids, j;
		int err;

		err = read_one_attr(h, fd, off, end, &fa, &consumed, path);
		if (err)
			return err;
		if (fa.ids.size % sizeof(uint64_t) ||
		    !range_ok(fa.ids.offset, fa.ids.size, h->file_size)) {
			pr_err("'%s': damaged header: ids of attr %" PRIu64 " (offset %#" PRIx64
			       ", size %#" PRIx64 ") lie outside the file\n",
			       path, i, fa.ids.offset, fa.ids.size);
			return -EINVAL;
		}
		nr_ids = fa.ids.size / sizeof(uint64_t);
		ids = malloc(fa.ids.size ? fa.ids.size : 1);
		if (!ids)
			return -ENOMEM;
		err = fa.ids.size ? io__pread(fd, ids, fa.ids.size, fa.ids.offset) : 0;
		if (err) {
			free(ids);
			return err;
		}
		if (h->needs_swap)
			for (j = 0; j < nr_ids; j++)
				ids[j] = bswap_64(ids[j]);
		evsel = evsel__new(&fa.attr);
		if (!evsel) {
			free(ids);
			return -ENOMEM;
		}
		evlist__add(evlist, evsel);
		err = evsel__set_ids(evsel, ids, nr_ids);
		free(ids);
		if (err)
			return err;
		off += consumed;
	}
	return 0;
}

static int read_features(struct perf_header *h, int fd, const char *path)
{
	int nr_sections = 0, feat, i, warned = 0;
	struct perf_file_section *sec;
	uint64_t table_size;

	for (i = 0; i < HEADER_FEAT_BITS; i++)
		if (perf_header__feat_test(h->adds_features, i))
			nr_sections++;
	if (!nr_sections)
		return 0;
	table_size = (uint64_t)nr_sections * sizeof(*sec);
	if (!range_ok(h->feat_offset, table_size, h->file_size)) {
		/* The reference reads what it can and goes on: so do we, saying why. */
		pr_warning("'%s': the feature table at offset %#" PRIx64
			   " lies outside the file, features ignored\n", path, h->feat_offset);
		memset(h->adds_features, 0, sizeof(h->adds_features));
		return 0;
	}
	sec = calloc((size_t)nr_sections, sizeof(*sec));
	if (!sec)
		return -ENOMEM;
	if (io__pread(fd, sec, (size_t)table_size, h->feat_offset)) {
		free(sec);
		return -EIO;
	}
	i = 0;
	for (feat = 0; feat < HEADER_LAST_FEATURE; feat++) {
		struct perf_file_section *s;
		void *buf;
		int err;

		if (!perf_header__feat_test(h->adds_features, feat))
			continue;
		s = &sec[i++];
		if (h->needs_swap) {
			s->offset = bswap_64(s->offset);
			s->size = bswap_64(s->size);
		}
		h->feat_sections[feat] = *s;
		if (!range_ok(s->offset, s->size, h->file_size)) {
			if (!warned++)
				pr_warning("'%s': feature %s at offset %#" PRIx64 " (size %#" PRIx64
					   ") lies outside the file, ignored\n",
					   path, header_feat__name(feat), s->offset, s->size);
			continue;
		}
		if (!feat_process[feat])
			continue;
		buf = malloc(s->size ? s->size : 1);
		if (!buf) {
			free(sec);
			return -ENOMEM;
		}
		err = io__pread(fd, buf, (size_t)s->size, s->offset);
		if (!err)
			err = feature__process(h, feat, buf, (size_t)s->size);
		free(buf);
		if (err == -ENOMEM) {
			free(sec);
			return err;
		}
		if (err && !warned++)
			pr_warning("'%s': feature %s at offset %#" PRIx64 " is damaged, ignored\n",
				   path, header_feat__name(feat), s->offset);
	}
	free(sec);
	return 0;
}

/*
 * The feature bitmap is unsigned longs on the recording machine: a 64-bit
 * swap is right for 64-bit hosts; HOSTNAME, which every perf since 2011
 * sets, tells whether it worked, else a 32-bit host is assumed; failing
 * both, the reference keeps only BUILD_ID.
 */
static void swap_features(uint64_t *bits)
{
	size_t n = HEADER_FEAT_BITS / 64, i;
	uint32_t *w = (uint32_t *)bits;

	for (i = 0; i < n; i++)
		bits[i] = bswap_64(bits[i]);
	if (perf_header__feat_test(bits, HEADER_HOSTNAME))
		return;
	for (i = 0; i < n; i++)
		bits[i] = bswap_64(bits[i]);
	for (i = 0; i < 2 * n; i++)
		w[i] = bswap_32(w[i]);
	if (perf_header__feat_test(bits, HEADER_HOSTNAME))
		return;
	memset(bits, 0, HEADER_FEAT_BITS / 8);
	perf_header__feat_set(bits, HEADER_BUILD_ID);
}

static int read_file_header(struct perf_header *h, int fd, struct perf_file_header *fh,
			    const char *path)
{
	size_t old_size = offsetof(struct perf_file_header, adds_features);
	int legacy, err;

	if (h->file_size < old_size) {
		incompatible();
		pr_debug("'%s' is %" PRIu64 " bytes, smaller than a perf.data header\n",
			 path, h->file_size);
		return -EINVAL;
	}
	memset(fh, 0, sizeof(*fh));
	err = io__pread(fd, fh, min((uint64_t)sizeof(*fh), h->file_size), 0);
	if (err)
		return err;
	legacy = check_magic(fh->magic, h);
	if (legacy < 0 || (legacy && legacy_file_abi(fh->attr_size, h))) {
		pr_debug("magic/endian check failed\n");
		incompatible();
		return -EINVAL;
	}
	if (h->needs_swap) {
		uint64_t *w = (uint64_t *)fh;
		size_t i;

		for (i = 1; i < old_size / sizeof(uint64_t); i++)
			w[i] = bswap_64(w[i]);
	}
	if (fh->size != sizeof(*fh)) {
		if (fh->size != old_size) {
			pr_err("'%s': damaged header: its size is %" PRIu64 ", expected %zu\n",
			       path, fh->size, sizeof(*fh));
			return -EINVAL;
		}
		/* Files from before feature sections: none. */
		memset(fh->adds_features, 0, sizeof(fh->adds_features));
	} else if (h->needs_swap) {
		swap_features(fh->adds_features);
	}
	if (fh->size > fh->attrs.offset) {
		pr_err("Perf file header corrupt: header overlaps attrs\n");
		return -EINVAL;
	}
	if (fh->size > fh->data.offset) {
		pr_err("Perf file header corrupt: header overlaps data\n");
		return -EINVAL;
	}
	if ((fh->attrs.offset <= fh->data.offset &&
	     fh->attrs.offset + fh->attrs.size > fh->data.offset) ||
	    (fh->attrs.offset > fh->data.offset &&
	     fh->data.offset + fh->data.size > fh->attrs.offset)) {
		pr_err("Perf file header corrupt: Attributes and data overlap\n");
		return -EINVAL;
	}
	if (!range_ok(fh->attrs.offset, fh->attrs.size, h->file_size)) {
		pr_err("'%s': damaged header: attrs section (offset %#" PRIx64 ", size %#" PRIx64
		       ") lies outside the file (%#" PRIx64 " bytes)\n",
		       path, fh->attrs.offset, fh->attrs.size, h->file_size);
		return -EINVAL;
	}
	if (fh->data.offset > h->file_size) {
		pr_err("'%s': damaged header: data offset %#" PRIx64
		       " lies outside the file (%#" PRIx64 " bytes)\n",
		       path, fh->data.offset, h->file_size);
		return -EINVAL;
	}
	return 0;
}

int perf_header__read(struct perf_header *h, struct perf_data *data, struct evlist *evlist)
{
	const char *path = perf_data__path(data);
	struct perf_pipe_file_header ph;
	struct perf_file_header fh;
	struct stat st;
	int fd = data->fd, err;

	if (fstat(fd, &st) == 0)
		h->mtime = (int64_t)st.st_mtime;

	if (data->is_pipe) {
		err = perf_data__read(data, &ph, sizeof(ph));
		if (err || read_pipe_header(h, &ph)) {
			pr_debug("incompatible file format\n");
			incompatible();
			return -EINVAL;
		}
		return 0;
	}

	h->file_size = data->size;
	/* A pipe stream saved to a file reads like a pipe. */
	if (h->file_size >= sizeof(ph) && !io__pread(fd, &ph, sizeof(ph), 0)) {
		struct perf_header probe = { .needs_swap = false };

		if (!read_pipe_header(&probe, &ph)) {
			h->is_pipe = true;
			h->needs_swap = probe.needs_swap;
			h->version = probe.version;
			h->data_offset = sizeof(ph);
			h->data_size = h->file_size - sizeof(ph);
			return 0;
		}
	}

	err = read_file_header(h, fd, &fh, path);
	if (err)
		return err;

	/*
	 * perf record writes the data size when it ends: 0 means it never
	 * did (killed, crashed, disk full).
	 */
	if (fh.data.size == 0) {
		pr_warning("WARNING: The %s file's data size field is 0 which is unexpected.\n"
			   "Was the 'perf record' command properly terminated?\n", path);
		h->unfinished = true;
	}
	if (fh.attr_size == 0) {
		pr_err("ERROR: The %s file's attr size field is 0 which is unexpected.\n"
		       "Was the 'perf record' command properly terminated?\n", path);
		return -EINVAL;
	}
	memcpy(h->adds_features, fh.adds_features, sizeof(h->adds_features));
	h->data_offset = fh.data.offset;
	h->data_size = fh.data.size;
	h->feat_offset = fh.data.offset + fh.data.size;

	err = read_attrs(h, fd, &fh, evlist, path);
	if (err)
		return err;

	if (!h->unfinished) {
		if (!range_ok(fh.data.offset, fh.data.size, h->file_size)) {
			pr_err("'%s': damaged header: data section (offset %#" PRIx64 ", size %#" PRIx64
			       ") runs past the end of the file (%#" PRIx64 " bytes)\n",
			       path, fh.data.offset, fh.data.size, h->file_size);
			if (!data->force)
				return -EINVAL;
			/* -f: read what is there. */
			h->data_size = h->file_size - fh.data.offset;
			memset(h->adds_features, 0, sizeof(h->adds_features));
		} else {
			err = read_features(h, fd, path);
			if (err)
				return err;
		}
	}
	return perf_header__apply_to_evlist(h, evlist, true);
}

/* ---- pipe mode records ---- */

int perf_header__process_attr(struct perf_header *h, struct evlist *evlist,
			      const union perf_event *event)
{
	const size_t hdr = sizeof(event->header);
	struct perf_event_attr attr;
	struct evsel *evsel;
	size_t sz, nr_ids;
	int err;

	(void)h;
	if (event->header.size < hdr + PERF_ATTR_SIZE_VER0)
		return -EINVAL;
	sz = event->attr.attr.size ? event->attr.attr.size : PERF_ATTR_SIZE_VER0;
	if (sz > sizeof(attr) || sz < PERF_ATTR_SIZE_VER0 || hdr + sz > event->header.size ||
	    (event->header.size - hdr - sz) % sizeof(uint64_t))
		return -EINVAL;
	memset(&attr, 0, sizeof(attr));
	memcpy(&attr, &event->attr.attr, sz);
	nr_ids = (event->header.size - hdr - sz) / sizeof(uint64_t);
	evsel = evsel__new(&attr);
	if (!evsel)
		return -ENOMEM;
	evlist__add(evlist, evsel);
	err = evsel__set_ids(evsel, (const uint64_t *)((const char *)event + hdr + sz), nr_ids);
	return err;
}

int perf_header__process_feature(struct perf_header *h, const union perf_event *event)
{
	uint64_t feat;

	if (event->header.size < sizeof(struct perf_record_header_feature))
		return -EINVAL;
	feat = event->feat.feat_id;
	/* HEADER_LAST_FEATURE is perf record's "no more features" marker. */
	if (feat == HEADER_LAST_FEATURE)
		return 0;
	if (feat == HEADER_RESERVED || feat > HEADER_LAST_FEATURE) {
		pr_warning("invalid record type %d in pipe-mode\n", event->header.type);
		return -EINVAL;
	}
	/* A repeated feature would leak the first copy: the first one counts. */
	if (perf_header__feat_test(h->adds_features, (int)feat))
		return 0;
	perf_header__feat_set(h->adds_features, (int)feat);
	return feature__process(h, (int)feat, event->feat.data,
				event->header.size - sizeof(struct perf_record_header_feature));
}
