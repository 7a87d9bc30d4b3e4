// SPDX-License-Identifier: GPL-2.0
/*
 * Writing perf.data's header: the file header, ids and attrs before the
 * data, the feature sections after it; and the same information as
 * records for pipe mode.
 *
 * File layout, as the reference writes it:
 *   [perf_file_header][ids of every evsel][perf_file_attr x N][data ...]
 *   [perf_file_section per set feature bit][feature bodies]
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "evlist.h"
#include "evsel.h"
#include "header.h"
#include "io.h"
#include "strbuf.h"
#include "util.h"

/* Strings in feature sections are padded to this, NUL included. */
#define NAME_ALIGN 64

static size_t align_up(size_t x, size_t a)
{
	return (x + a - 1) / a * a;
}

static int buf_u32(struct strbuf *b, uint32_t v)
{
	return strbuf_add(b, &v, sizeof(v));
}

static int buf_u64(struct strbuf *b, uint64_t v)
{
	return strbuf_add(b, &v, sizeof(v));
}

static int buf_zero(struct strbuf *b, size_t n)
{
	static const char zeros[NAME_ALIGN];

	while (n) {
		size_t c = n < sizeof(zeros) ? n : sizeof(zeros);
		int err = strbuf_add(b, zeros, c);

		if (err)
			return err;
		n -= c;
	}
	return 0;
}

/* struct perf_header_string: u32 len, then the string NUL-padded to len. */
static int buf_string(struct strbuf *b, const char *s)
{
	size_t olen = strlen(s ? s : ""), len = align_up(olen + 1, NAME_ALIGN);
	int err;

	err = buf_u32(b, (uint32_t)len);
	if (!err)
		err = strbuf_add(b, s ? s : "", olen);
	if (!err)
		err = buf_zero(b, len - olen);
	return err;
}

static int buf_string_list(struct strbuf *b, char **list, int nr)
{
	int i, err = buf_u32(b, (uint32_t)nr);

	for (i = 0; i < nr && !err; i++)
		err = buf_string(b, list[i]);
	return err;
}

/* ---- one writer per feature ---- */

struct feat_ctx {
	struct perf_header *h;
	struct evlist *evlist;
};

static int write_build_id(struct feat_ctx *c, struct strbuf *b)
{
	int i, err = 0;

	for (i = 0; i < c->h->nr_build_ids && !err; i++) {
		const struct build_id_entry *e = &c->h->build_ids[i];
		size_t name_len = align_up(strlen(e->filename) + 1, NAME_ALIGN);
		struct perf_record_header_build_id rec;

		memset(&rec, 0, sizeof(rec));
		rec.header.type = PERF_RECORD_HEADER_BUILD_ID;
		/* The size byte is valid: tell readers so (bit 15 of misc). */
		rec.header.misc = e->misc | (1 << 15);
		rec.header.size = (uint16_t)(sizeof(rec) + name_len);
		rec.pid = e->pid;
		memcpy(rec.data, e->build_id, e->size);
		rec.size = e->size;
		err = strbuf_add(b, &rec, sizeof(rec));
		if (!err)
			err = strbuf_add(b, e->filename, strlen(e->filename));
		if (!err)
			err = buf_zero(b, name_len - strlen(e->filename));
	}
	return err;
}

static int write_nrcpus(struct feat_ctx *c, struct strbuf *b)
{
	int err = buf_u32(b, (uint32_t)c->h->env.nr_cpus_avail);

	return err ? err : buf_u32(b, (uint32_t)c->h->env.nr_cpus_online);
}

static int write_cmdline(struct feat_ctx *c, struct strbuf *b)
{
	return buf_string_list(b, c->h->env.cmdline_argv, c->h->env.nr_cmdline);
}

static int write_event_desc(struct feat_ctx *c, struct strbuf *b)
{
	struct evsel *evsel;
	int err = buf_u32(b, (uint32_t)c->evlist->nr_entries);

	if (!err)
		err = buf_u32(b, sizeof(struct perf_event_attr));
	evlist__for_each_entry(c->evlist, evsel) {
		if (err)
			break;
		err = strbuf_add(b, &evsel->attr, sizeof(evsel->attr));
		if (!err)
			err = buf_u32(b, (uint32_t)evsel->ids);
		if (!err)
			err = buf_string(b, evsel__name(evsel));
		if (!err && evsel->ids)
			err = strbuf_add(b, evsel->id, (size_t)evsel->ids * sizeof(uint64_t));
	}
	return err;
}

static int write_cpu_topology(struct feat_ctx *c, struct strbuf *b)
{
	const struct perf_env *env = &c->h->env;
	int i, err;

	err = buf_string_list(b, env->sibling_cores, env->nr_sibling_cores);
	if (!err)
		err = buf_string_list(b, env->sibling_threads, env->nr_sibling_threads);
	for (i = 0; i < env->nr_cpus_avail && !err; i++) {
		err = buf_u32(b, (uint32_t)env->cpu[i].core_id);
		if (!err)
			err = buf_u32(b, (uint32_t)env->cpu[i].socket_id);
	}
	if (err || !env->nr_sibling_dies)
		return err;
	err = buf_string_list(b, env->sibling_dies, env->nr_sibling_dies);
	for (i = 0; i < env->nr_cpus_avail && !err; i++)
		err = buf_u32(b, (uint32_t)env->cpu[i].die_id);
	return err;
}

static int write_numa_topology(struct feat_ctx *c, struct strbuf *b)
{
	const struct perf_env *env = &c->h->env;
	int i, err = buf_u32(b, (uint32_t)env->nr_numa_nodes);

	for (i = 0; i < env->nr_numa_nodes && !err; i++) {
		err = buf_u32(b, env->numa_nodes[i].node);
		if (!err)
			err = buf_u64(b, env->numa_nodes[i].mem_total);
		if (!err)
			err = buf_u64(b, env->numa_nodes[i].mem_free);
		if (!err)
			err = buf_string(b, env->numa_nodes[i].cpus);
	}
	return err;
}

static int write_pmu_mappings(struct feat_ctx *c, struct strbuf *b)
{
	const struct perf_env *env = &c->h->env;
	int i, err = buf_u32(b, (uint32_t)env->nr_pmu_mappings);

	for (i = 0; i < env->nr_pmu_mappings && !err; i++) {
		const char *s = env->pmu_mappings[i], *colon = strchr(s, ':');

		if (!colon)
			continue;
		err = buf_u32(b, (uint32_t)strtoul(s, NULL, 10));
		if (!err)
			err = buf_string(b, colon + 1);
	}
	return err;
}

static int write_group_desc(struct feat_ctx *c, struct strbuf *b)
{
	struct evsel *evsel;
	int err = buf_u32(b, (uint32_t)c->evlist->nr_groups);

	evlist__for_each_entry(c->evlist, evsel) {
		if (err)
			break;
		if (!evsel__is_group_leader(evsel) || evsel->nr_members < 2)
			continue;
		err = buf_string(b, evsel->group_name ? evsel->group_name : "{anon_group}");
		if (!err)
			err = buf_u32(b, (uint32_t)evsel->idx);
		if (!err)
			err = buf_u32(b, (uint32_t)evsel->nr_members);
	}
	return err;
}

static int write_cache(struct feat_ctx *c, struct strbuf *b)
{
	const struct perf_env *env = &c->h->env;
	int i, err = buf_u32(b, 1);

	if (!err)
		err = buf_u32(b, (uint32_t)env->nr_caches);
	for (i = 0; i < env->nr_caches && !err; i++) {
		const struct cpu_cache_level *l = &env->caches[i];

		err = buf_u32(b, l->level);
		if (!err)
			err = buf_u32(b, l->line_size);
		if (!err)
			err = buf_u32(b, l->sets);
		if (!err)
			err = buf_u32(b, l->ways);
		if (!err)
			err = buf_string(b, l->type);
		if (!err)
			err = buf_string(b, l->size);
		if (!err)
			err = buf_string(b, l->map);
	}
	return err;
}

static int write_sample_time(struct feat_ctx *c, struct strbuf *b)
{
	int err = buf_u64(b, c->h->env.first_sample_time);

	return err ? err : buf_u64(b, c->h->env.last_sample_time);
}

static int write_mem_topology(struct feat_ctx *c, struct strbuf *b)
{
	const struct perf_env *env = &c->h->env;
	int i, err = buf_u64(b, 1);

	if (!err)
		err = buf_u64(b, env->memory_bsize);
	if (!err)
		err = buf_u64(b, (uint64_t)env->nr_memory_nodes);
	for (i = 0; i < env->nr_memory_nodes && !err; i++) {
		const struct memory_node *n = &env->memory_nodes[i];

		err = buf_u64(b, n->node);
		if (!err)
			err = buf_u64(b, n->size);
		/* The bitmap: its size in bits again, then whole u64 words. */
		if (!err)
			err = buf_u64(b, n->size);
		if (!err)
			err = strbuf_add(b, n->set, (size_t)((n->size + 63) / 64) * sizeof(uint64_t));
	}
	return err;
}

static int write_clockid(struct feat_ctx *c, struct strbuf *b)
{
	return buf_u64(b, c->h->env.clockid_res_ns);
}

static int write_clock_data(struct feat_ctx *c, struct strbuf *b)
{
	const struct perf_env *env = &c->h->env;
	int err = buf_u32(b, 1);

	if (!err)
		err = buf_u32(b, env->clock.clockid);
	if (!err)
		err = buf_u64(b, env->clock.tod_ns);
	if (!err)
		err = buf_u64(b, env->clock.clockid_ns);
	return err;
}

static int write_compressed(struct feat_ctx *c, struct strbuf *b)
{
	const struct perf_env *env = &c->h->env;
	int err = buf_u32(b, env->comp.version);

	if (!err)
		err = buf_u32(b, env->comp.type);
	if (!err)
		err = buf_u32(b, env->comp.level);
	if (!err)
		err = buf_u32(b, env->comp.ratio);
	if (!err)
		err = buf_u32(b, env->comp.mmap_len);
	return err;
}

static int write_cpu_pmu_caps(struct feat_ctx *c, struct strbuf *b)
{
	const struct perf_env *env = &c->h->env;
	int i, err = buf_u32(b, (uint32_t)env->nr_cpu_pmu_caps);

	for (i = 0; i < env->nr_cpu_pmu_caps && !err; i++) {
		char *name = strdup(env->cpu_pmu_caps[i]), *eq;

		if (!name)
			return -ENOMEM;
		eq = strchr(name, '=');
		if (eq)
			*eq++ = '\0';
		err = buf_string(b, name);
		if (!err)
			err = buf_string(b, eq ? eq : "");
		free(name);
	}
	return err;
}

static int write_tracing_data(struct feat_ctx *c, struct strbuf *b)
{
	return strbuf_add(b, c->h->env.tracing_data, (size_t)c->h->env.tracing_data_size);
}

static int write_str_feat(struct strbuf *b, const char *s)
{
	return buf_string(b, s ? s : "");
}

static int write_feature(struct feat_ctx *c, int feat, struct strbuf *b)
{
	const struct perf_env *env = &c->h->env;

	switch (feat) {
	case HEADER_TRACING_DATA:	return write_tracing_data(c, b);
	case HEADER_BUILD_ID:		return write_build_id(c, b);
	case HEADER_HOSTNAME:		return write_str_feat(b, env->hostname);
	case HEADER_OSRELEASE:		return write_str_feat(b, env->os_release);
	case HEADER_VERSION:		return write_str_feat(b, env->version);
	case HEADER_ARCH:		return write_str_feat(b, env->arch);
	case HEADER_NRCPUS:		return write_nrcpus(c, b);
	case HEADER_CPUDESC:		return write_str_feat(b, env->cpu_desc);
	case HEADER_CPUID:		return write_str_feat(b, env->cpuid);
	case HEADER_TOTAL_MEM:		return buf_u64(b, env->total_mem);
	case HEADER_CMDLINE:		return write_cmdline(c, b);
	case HEADER_EVENT_DESC:		return write_event_desc(c, b);
	case HEADER_CPU_TOPOLOGY:	return write_cpu_topology(c, b);
	case HEADER_NUMA_TOPOLOGY:	return write_numa_topology(c, b);
	case HEADER_PMU_MAPPINGS:	return write_pmu_mappings(c, b);
	case HEADER_GROUP_DESC:		return write_group_desc(c, b);
	case HEADER_CACHE:		return write_cache(c, b);
	case HEADER_SAMPLE_TIME:	return write_sample_time(c, b);
	case HEADER_MEM_TOPOLOGY:	return write_mem_topology(c, b);
	case HEADER_CLOCKID:		return write_clockid(c, b);
	case HEADER_CLOCK_DATA:		return write_clock_data(c, b);
	case HEADER_COMPRESSED:		return write_compressed(c, b);
	case HEADER_CPU_PMU_CAPS:	return write_cpu_pmu_caps(c, b);
	case HEADER_DIR_FORMAT:		return buf_u64(b, env->dir_format_version);
	case HEADER_STAT:		return 0;
	default:			return -EINVAL;
	}
}


/*
 * Features go after the data: a table of sections, one per set bit, then
 * the bodies. A feature that fails to encode is dropped (bit cleared),
 * the rest still written, as a partial header beats no header.
 */
static int write_features(struct perf_header *h, struct evlist *evlist, int fd)
{
	struct feat_ctx c = { .h = h, .evlist = evlist };
	struct perf_file_section *sec;
	struct strbuf body = STRBUF_INIT;
	uint64_t table_off = h->data_offset + h->data_size, body_off;
	int feat, nr = 0, i = 0, err;

	for (feat = HEADER_FIRST_FEATURE; feat < HEADER_LAST_FEATURE; feat++)
		if (perf_header__feat_test(h->adds_features, feat))
			nr++;
	sec = calloc((size_t)nr + 1, sizeof(*sec));
	if (!sec)
		return -ENOMEM;
	h->feat_offset = table_off;
	body_off = table_off + (uint64_t)nr * sizeof(*sec);

	for (feat = HEADER_FIRST_FEATURE; feat < HEADER_LAST_FEATURE; feat++) {
		size_t before = body.len;

		if (!perf_header__feat_test(h->adds_features, feat))
			continue;
		err = write_feature(&c, feat, &body);
		if (err) {
			body.len = before;
			h->adds_features[feat / 64] &= ~(1ULL << (feat % 64));
			continue;
		}
		sec[i].offset = body_off + before;
		sec[i].size = body.len - before;
		i++;
	}
	/* Dropped features shrink the table; move the bodies' offsets down. */
	if (i < nr) {
		uint64_t shift = (uint64_t)(nr - i) * sizeof(*sec);
		int k;

		for (k = 0; k < i; k++)
			sec[k].offset -= shift;
	}
	err = io__pwrite(fd, sec, (size_t)i * sizeof(*sec), table_off);
	if (!err)
		err = io__pwrite(fd, body.buf, body.len, table_off + (uint64_t)i * sizeof(*sec));
	free(sec);
	strbuf_release(&body);
	return err;
}

int perf_header__write(struct perf_header *h, struct evlist *evlist, int fd,
		       bool at_exit)
{
	struct perf_file_header fh;
	struct perf_file_attr fattr;
	struct evsel *evsel;
	uint64_t off = sizeof(fh), attr_off;
	int err;

	/* The ids of every evsel, back to back, right after the header. */
	evlist__for_each_entry(evlist, evsel) {
		size_t sz = (size_t)evsel->ids * sizeof(uint64_t);

		if (sz) {
			err = io__pwrite(fd, evsel->id, sz, off);
			if (err)
				return err;
		}
		off += sz;
	}
	attr_off = off;
	evlist__for_each_entry(evlist, evsel) {
		uint64_t ids_off = sizeof(fh);
		struct evsel *pos;

		evlist__for_each_entry(evlist, pos) {
			if (pos == evsel)
				break;
			ids_off += (uint64_t)pos->ids * sizeof(uint64_t);
		}
		memset(&fattr, 0, sizeof(fattr));
		fattr.attr = evsel->attr;
		fattr.attr.size = sizeof(fattr.attr);
		fattr.ids.offset = ids_off;
		fattr.ids.size = (uint64_t)evsel->ids * sizeof(uint64_t);
		err = io__pwrite(fd, &fattr, sizeof(fattr), off);
		if (err)
			return err;
		off += sizeof(fattr);
	}
	if (!h->data_offset)
		h->data_offset = off;

	if (at_exit) {
		err = write_features(h, evlist, fd);
		if (err)
			return err;
	}

	memset(&fh, 0, sizeof(fh));
	fh.magic = PERF_MAGIC2;
	fh.size = sizeof(fh);
	fh.attr_size = sizeof(fattr);
	fh.attrs.offset = attr_off;
	fh.attrs.size = (uint64_t)evlist->nr_entries * sizeof(fattr);
	fh.data.offset = h->data_offset;
	fh.data.size = h->data_size;
	memcpy(fh.adds_features, h->adds_features, sizeof(fh.adds_features));
	return io__pwrite(fd, &fh, sizeof(fh), 0);
}

int perf_header__write_pipe(int fd)
{
	struct perf_pipe_file_header ph = {
		.magic = PERF_MAGIC2,
		.size = sizeof(ph),
	};

	return io__write(fd, &ph, sizeof(ph));
}

int perf_header__synthesize_pipe(struct perf_header *h, struct evlist *evlist,
				 perf_event_write_fn write, void *ctx)
{
	struct feat_ctx c = { .h = h, .evlist = evlist };
	struct strbuf b = STRBUF_INIT;
	struct evsel *evsel;
	int feat, err = 0;

	evlist__for_each_entry(evlist, evsel) {
		size_t size = sizeof(struct perf_record_header_attr) +
			      (size_t)evsel->ids * sizeof(uint64_t);
		struct perf_record_header_attr *rec = calloc(1, size);

		if (!rec)
			return -ENOMEM;
		rec->header.type = PERF_RECORD_HEADER_ATTR;
		rec->header.size = (uint16_t)size;
		rec->attr = evsel->attr;
		rec->attr.size = sizeof(rec->attr);
		memcpy(rec + 1, evsel->id, (size_t)evsel->ids * sizeof(uint64_t));
		err = write(ctx, (union perf_event *)rec);
		free(rec);
		if (err)
			return err;
	}

	/* Build-ids and sample times are only known at the end: not here. */
	for (feat = HEADER_FIRST_FEATURE; feat < HEADER_LAST_FEATURE && !err; feat++) {
		struct perf_record_header_feature *rec;
		size_t size;

		if (!perf_header__feat_test(h->adds_features, feat) ||
		    feat == HEADER_BUILD_ID || feat == HEADER_SAMPLE_TIME ||
		    feat == HEADER_TRACING_DATA)
			continue;
		strbuf_reset(&b);
		if (write_feature(&c, feat, &b))
			continue;
		size = align_up(sizeof(*rec) + b.len, 8);
		/* header.size is 16 bits: an oversized feature cannot travel in a pipe. */
		if (size > 0xffff)
			continue;
		rec = calloc(1, size);
		if (!rec) {
			err = -ENOMEM;
			break;
		}
		rec->header.type = PERF_RECORD_HEADER_FEATURE;
		rec->header.size = (uint16_t)size;
		rec->feat_id = (uint64_t)feat;
		memcpy(rec->data, b.buf, b.len);
		err = write(ctx, (union perf_event *)rec);
		free(rec);
	}
	strbuf_release(&b);
	return err;
}
