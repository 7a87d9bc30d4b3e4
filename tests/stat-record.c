// SPDX-License-Identifier: GPL-2.0
/*
 * perf stat record's records on their own: the sizes and payloads the
 * synthesizers give them (those of the reference, so both tools read
 * each other's files), and the decoders perf stat report reads them back
 * with, on every CPU map encoding and on damaged input.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/cpumap.h"
#include "../util/cputopo.h"
#include "../util/evlist.h"
#include "../util/evsel.h"
#include "../util/header.h"
#include "../util/stat.h"
#include "../util/stat-record.h"
#include "../util/strbuf.h"
#include "../util/synthetic-events.h"
#include "../util/thread_map.h"
#include "tests.h"

/* The records a synthesizer wrote, back to back. */
static int collect(void *ctx, const union perf_event *event)
{
	return strbuf_add(ctx, event, event->header.size);
}

static const union perf_event *next_record(const struct strbuf *sb, size_t *off)
{
	const union perf_event *ev;

	if (*off + sizeof(struct perf_event_header) > sb->len)
		return NULL;
	ev = (const void *)(sb->buf + *off);
	*off += ev->header.size;
	return ev;
}

static void synth_ctx__init_buf(struct synth_ctx *s, struct strbuf *sb)
{
	memset(s, 0, sizeof(*s));
	s->write = collect;
	s->ctx = sb;
}

static int test__aggr_numbers(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	enum aggr_mode m;

	/* The reference's enum: UNSET (6) sits before NODE. */
	TEST_ASSERT_EQUAL("none", (int)aggr_mode__to_file(AGGR_NONE), 0);
	TEST_ASSERT_EQUAL("global", (int)aggr_mode__to_file(AGGR_GLOBAL), 1);
	TEST_ASSERT_EQUAL("thread", (int)aggr_mode__to_file(AGGR_THREAD), 5);
	TEST_ASSERT_EQUAL("node", (int)aggr_mode__to_file(AGGR_NODE), 7);
	for (m = AGGR_NONE; m < AGGR_MAX; m++)
		TEST_ASSERT_VAL("round trip", aggr_mode__from_file(aggr_mode__to_file(m)) == m);
	TEST_ASSERT_VAL("unset", aggr_mode__from_file(6) == AGGR_MAX);
	TEST_ASSERT_VAL("unknown", aggr_mode__from_file(42) == AGGR_MAX);
	return TEST_OK;
}

static int test__event_update(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct strbuf sb = STRBUF_INIT;
	const union perf_event *ev;
	struct perf_cpu_map *cpus = perf_cpu_map__new("0");
	struct perf_cpu_map *back;
	struct synth_ctx s;
	size_t off = 0;
	double scale;

	synth_ctx__init_buf(&s, &sb);
	TEST_ASSERT_VAL("map", cpus);
	TEST_ASSERT_VAL("unit", !perf_event__synthesize_event_update_unit(&s, 7, "msec"));
	TEST_ASSERT_VAL("scale", !perf_event__synthesize_event_update_scale(&s, 7, 1e-6));
	TEST_ASSERT_VAL("name", !perf_event__synthesize_event_update_name(&s, 7, "task-clock"));
	TEST_ASSERT_VAL("cpus", !perf_event__synthesize_event_update_cpus(&s, 8, cpus));

	/* Sizes as the reference's -D shows them: 0x30, 0x30, 0x38, 0x20. */
	ev = next_record(&sb, &off);
	TEST_ASSERT_EQUAL("unit size", ev->header.size, 48);
	TEST_ASSERT_VAL("unit type", ev->event_update.type == PERF_EVENT_UPDATE__UNIT);
	TEST_ASSERT_VAL("unit id", ev->event_update.id == 7);
	TEST_ASSERT_STREQ("unit text", (const char *)ev->event_update.data, "msec");
	ev = next_record(&sb, &off);
	TEST_ASSERT_EQUAL("scale size", ev->header.size, 48);
	memcpy(&scale, ev->event_update.data, sizeof(scale));
	TEST_ASSERT_VAL("scale value", scale == 1e-6);
	ev = next_record(&sb, &off);
	TEST_ASSERT_EQUAL("name size", ev->header.size, 56);
	TEST_ASSERT_STREQ("name text", (const char *)ev->event_update.data, "task-clock");
	ev = next_record(&sb, &off);
	TEST_ASSERT_EQUAL("cpus size", ev->header.size, 32);
	back = cpu_map__new_data(ev->event_update.data,
				 ev->header.size - sizeof(ev->event_update));
	TEST_ASSERT_VAL("cpus decoded", back && back->nr == 1 && back->map[0].cpu == 0);
	perf_cpu_map__put(back);
	TEST_ASSERT_VAL("nothing more", !next_record(&sb, &off));

	perf_cpu_map__put(cpus);
	strbuf_release(&sb);
	return TEST_OK;
}

static int test__cpu_maps(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	/* type 0: the list, with the "any" entry as (u16)-1 */
	static const uint16_t list[] = { 0, 3, 0xffff, 2, 5 };
	/* type 1, 32-bit words: nr 1, long_size 4, CPUs 1 and 4 */
	static const uint8_t mask32[] = { 1, 0, 1, 0, 4, 0, 0x12, 0, 0, 0 };
	/* type 1, 64-bit words: 4 bytes of padding, then CPUs 0 and 63 */
	static const uint8_t mask64[] = { 1, 0, 1, 0, 8, 0, 0, 0, 0, 0,
					  1, 0, 0, 0, 0, 0, 0, 0x80 };
	/* type 2: any_cpu, pad, 2..4 */
	static const uint8_t range[] = { 2, 0, 1, 0, 2, 0, 4, 0 };
	static const uint8_t bad_type[] = { 9, 0, 0, 0 };
	struct perf_cpu_map *map, *src;
	struct strbuf sb = STRBUF_INIT;
	const union perf_event *ev;
	struct synth_ctx s;
	size_t off = 0;

	map = cpu_map__new_data(list, sizeof(list));
	TEST_ASSERT_VAL("list", map && map->nr == 3 && map->map[0].cpu == -1 &&
			map->map[1].cpu == 2 && map->map[2].cpu == 5);
	perf_cpu_map__put(map);
	TEST_ASSERT_VAL("list cut short", !cpu_map__new_data(list, sizeof(list) - 2));

	map = cpu_map__new_data(mask32, sizeof(mask32));
	TEST_ASSERT_VAL("mask32", map && map->nr == 2 && map->map[0].cpu == 1 &&
			map->map[1].cpu == 4);
	perf_cpu_map__put(map);
	map = cpu_map__new_data(mask64, sizeof(mask64));
	TEST_ASSERT_VAL("mask64", map && map->nr == 2 && map->map[0].cpu == 0 &&
			map->map[1].cpu == 63);
	perf_cpu_map__put(map);
	TEST_ASSERT_VAL("mask cut short", !cpu_map__new_data(mask64, sizeof(mask64) - 1));

	map = cpu_map__new_data(range, sizeof(range));
	TEST_ASSERT_VAL("range", map && map->nr == 4 && map->map[0].cpu == -1 &&
			map->map[3].cpu == 4);
	perf_cpu_map__put(map);
	TEST_ASSERT_VAL("unknown type", !cpu_map__new_data(bad_type, sizeof(bad_type)));
	TEST_ASSERT_VAL("empty", !cpu_map__new_data(bad_type, 1));

	/* What we write for a gappy map comes back the same. */
	src = perf_cpu_map__new("0,2-3,7");
	synth_ctx__init_buf(&s, &sb);
	TEST_ASSERT_VAL("synth", src && !perf_event__synthesize_event_update_cpus(&s, 1, src));
	ev = next_record(&sb, &off);
	map = cpu_map__new_data(ev->event_update.data,
				ev->header.size - sizeof(ev->event_update));
	TEST_ASSERT_VAL("round trip", map && map->nr == 4 && map->map[1].cpu == 2 &&
			map->map[3].cpu == 7);
	perf_cpu_map__put(map);
	perf_cpu_map__put(src);
	strbuf_release(&sb);
	return TEST_OK;
}

static int test__config_and_counts(struct test_suite *t __maybe_unused,
				   int subtest __maybe_unused)
{
	struct perf_stat_config config;
	struct strbuf sb = STRBUF_INIT;
	const union perf_event *ev;
	struct perf_record_stat_config *damaged;
	enum aggr_mode mode;
	struct synth_ctx s;
	size_t off = 0;

	synth_ctx__init_buf(&s, &sb);
	TEST_ASSERT_VAL("config", !perf_event__synthesize_stat_config(&s, 7, 250, false));
	TEST_ASSERT_VAL("stat", !perf_event__synthesize_stat(&s, -1, 2, 99, 10, 20, 15));
	TEST_ASSERT_VAL("round", !perf_event__synthesize_stat_round(&s, 1234,
								  PERF_STAT_ROUND_TYPE__FINAL));

	ev = next_record(&sb, &off);
	TEST_ASSERT_EQUAL("config size", ev->header.size, 64);
	perf_stat_config__init(&config);
	perf_stat_config__read_event(&config, &ev->stat_config, ev->header.size, &mode);
	TEST_ASSERT_VAL("mode", mode == AGGR_NODE);
	TEST_ASSERT_EQUAL("interval", (int)config.interval, 250);
	TEST_ASSERT_VAL("scale", !config.scale);

	/* nr says more terms than fit: only those that fit are read. */
	damaged = malloc(ev->header.size);
	TEST_ASSERT_VAL("alloc", damaged);
	memcpy(damaged, ev, ev->header.size);
	damaged->nr = 1000;
	perf_stat_config__init(&config);
	perf_stat_config__read_event(&config, damaged, sizeof(*damaged) +
				     sizeof(damaged->data[0]), &mode);
	TEST_ASSERT_VAL("damaged: first term", mode == AGGR_NODE);
	TEST_ASSERT_EQUAL("damaged: no interval", (int)config.interval, 0);
	free(damaged);

	ev = next_record(&sb, &off);
	TEST_ASSERT_EQUAL("stat size", ev->header.size, 48);
	TEST_ASSERT_VAL("stat fields", ev->stat.id == 99 && (int)ev->stat.cpu == -1 &&
			ev->stat.thread == 2 && ev->stat.val == 10 && ev->stat.ena == 20 &&
			ev->stat.run == 15);
	ev = next_record(&sb, &off);
	TEST_ASSERT_EQUAL("round size", ev->header.size, 24);
	TEST_ASSERT_VAL("round fields", ev->stat_round.time == 1234 &&
			ev->stat_round.type == PERF_STAT_ROUND_TYPE__FINAL);
	strbuf_release(&sb);
	return TEST_OK;
}

static int test__thread_map(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char buf[sizeof(struct perf_record_thread_map) +
		 2 * sizeof(struct perf_record_thread_map_entry)];
	struct perf_record_thread_map *ev = (void *)buf;
	struct perf_thread_map *map;

	memset(buf, 0, sizeof(buf));
	ev->header.type = PERF_RECORD_THREAD_MAP;
	ev->header.size = sizeof(buf);
	ev->nr = 2;
	ev->entries[0].pid = 100;
	/* A comm of all 16 bytes has no NUL: still read, and cut there. */
	memcpy(ev->entries[0].comm, "0123456789abcdef", 16);
	ev->entries[1].pid = (uint64_t)-1;

	map = thread_map__new_event(ev, sizeof(buf));
	TEST_ASSERT_VAL("map", map && map->nr == 2);
	TEST_ASSERT_VAL("pid", map->map[0].pid == 100 && map->map[1].pid == -1);
	TEST_ASSERT_STREQ("comm", map->map[0].comm, "0123456789abcdef");
	TEST_ASSERT_STREQ("empty comm", map->map[1].comm, "");
	perf_thread_map__put(map);

	ev->nr = 3;
	TEST_ASSERT_VAL("more entries than fit", !thread_map__new_event(ev, sizeof(buf)));
	return TEST_OK;
}

static int test__env_topology(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct cpu_topology_map cpu[3] = {
		{ .socket_id = 0, .die_id = 0, .core_id = 0 },
		{ .socket_id = 0, .die_id = 0, .core_id = 1 },
		{ .socket_id = 1, .die_id = 0, .core_id = 0 },
	};
	struct numa_node nodes[2] = {
		{ .node = 0, .cpus = (char *)"0-1" },
		{ .node = 1, .cpus = (char *)"2" },
	};
	struct perf_env env;
	struct perf_cpu_map *cpus = perf_cpu_map__new("0-2");
	struct cpu_topo *topo;

	memset(&env, 0, sizeof(env));
	TEST_ASSERT_VAL("map", cpus);
	TEST_ASSERT_VAL("no topology in a pipe", !cpu_topo__new_env(&env, cpus));
	env.nr_cpus_avail = 3;
	env.cpu = cpu;
	env.nr_numa_nodes = 2;
	env.numa_nodes = nodes;
	topo = cpu_topo__new_env(&env, cpus);
	TEST_ASSERT_VAL("topo", topo && topo->nr == 3);
	TEST_ASSERT_VAL("cpu 1", topo->entries[1].core == 1 && topo->entries[1].socket == 0 &&
			topo->entries[1].node == 0);
	TEST_ASSERT_VAL("cpu 2", topo->entries[2].socket == 1 && topo->entries[2].node == 1);
	cpu_topo__delete(topo);
	perf_cpu_map__put(cpus);
	return TEST_OK;
}

/* The reference divides by the clocks' time whatever their exclusions. */
static int test__nsecs_context(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct runtime_stat rt = { 0 };

	TEST_ASSERT_VAL("init", !runtime_stat__init(&rt, 1));
	runtime_stat__update(&rt, 0, 0, STAT_NSECS, 2000.0);
	TEST_ASSERT_VAL("nsecs for :u", runtime_stat__avg(&rt, 0, 1, STAT_NSECS) == 2000.0);
	runtime_stat__update(&rt, 0, 0, STAT_CYCLES, 10.0);
	TEST_ASSERT_VAL("cycles keep their context", runtime_stat__n(&rt, 0, 1, STAT_CYCLES) == 0);
	TEST_ASSERT_VAL("other cgroup", runtime_stat__n(&rt, 0, 1 << 8, STAT_NSECS) == 0);
	runtime_stat__exit(&rt);
	return TEST_OK;
}

static struct test_case stat_record_tests[] = {
	TEST_CASE("aggregation modes as the file numbers them", aggr_numbers),
	TEST_CASE("EVENT_UPDATE sizes and payloads", event_update),
	TEST_CASE("CPU map encodings", cpu_maps),
	TEST_CASE("STAT_CONFIG, STAT and STAT_ROUND", config_and_counts),
	TEST_CASE("THREAD_MAP", thread_map),
	TEST_CASE("topology of the recording machine", env_topology),
	TEST_CASE("clock time in every context", nsecs_context),
	{ .name = NULL, }
};

struct test_suite suite__stat_record = {
	.desc = "perf stat record/report records",
	.test_cases = stat_record_tests,
};
