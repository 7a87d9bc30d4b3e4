// SPDX-License-Identifier: GPL-2.0
/*
 * The ordering queue: round flushes deliver only what is complete, the
 * final flush the rest, all in timestamp order (equal stamps in arrival
 * order); past the memory limit the older half goes early and is counted.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/ordered-events.h"
#include "tests.h"

struct seen {
	uint64_t ts[4096];
	uint64_t tag[4096];
	size_t nr;
};

static int record_delivery(struct ordered_events *oe, struct ordered_event *ev, void *ctx)
{
	struct seen *s = ctx;

	(void)oe;
	if (s->nr < 4096) {
		s->ts[s->nr] = ev->timestamp;
		/* The payload came through the copy intact. */
		memcpy(&s->tag[s->nr], (char *)ev->event + sizeof(ev->event->header),
		       sizeof(uint64_t));
		s->nr++;
	}
	return 0;
}

static int queue(struct ordered_events *oe, uint64_t ts, uint64_t tag)
{
	struct {
		struct perf_event_header h;
		uint64_t tag;
	} ev = { { PERF_RECORD_SAMPLE, 0, sizeof(ev) }, tag };

	return ordered_events__queue(oe, (union perf_event *)&ev, ts, 0, NULL);
}

static int test__ordered_rounds(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static struct seen s;
	struct ordered_events oe;
	size_t i;

	memset(&s, 0, sizeof(s));
	ordered_events__init(&oe, record_delivery, &s);

	/* Round 1: two CPUs interleaved. */
	queue(&oe, 10, 1);
	queue(&oe, 30, 2);
	queue(&oe, 20, 3);
	queue(&oe, 20, 4);	/* equal stamp: after tag 3 */
	TEST_ASSERT_EQUAL("first round flushes nothing", ordered_events__flush(&oe, OE_FLUSH__ROUND), 0);
	TEST_ASSERT_EQUAL("nothing yet", s.nr, 0);

	/* Round 2: up to round 1's max (30) may go. */
	queue(&oe, 25, 5);
	queue(&oe, 40, 6);
	ordered_events__flush(&oe, OE_FLUSH__ROUND);
	TEST_ASSERT_EQUAL("round 1's events and what came before 30", s.nr, 5);
	TEST_ASSERT_EQUAL("order 0", s.tag[0], 1);
	TEST_ASSERT_EQUAL("order 1", s.tag[1], 3);
	TEST_ASSERT_EQUAL("order 2 (equal stamps keep arrival order)", s.tag[2], 4);
	TEST_ASSERT_EQUAL("order 3", s.tag[3], 5);
	TEST_ASSERT_EQUAL("order 4", s.tag[4], 2);

	/* A late event older than what went already: delivered, counted. */
	queue(&oe, 15, 7);
	TEST_ASSERT_EQUAL("counted as unordered", oe.nr_unordered, 1);
	ordered_events__flush(&oe, OE_FLUSH__FINAL);
	TEST_ASSERT_EQUAL("all delivered", s.nr, 7);
	TEST_ASSERT_EQUAL("late one next", s.tag[5], 7);
	TEST_ASSERT_EQUAL("last", s.tag[6], 6);
	TEST_ASSERT_EQUAL("queue empty", oe.nr, 0);

	/* Many events in reverse order come out sorted. */
	memset(&s, 0, sizeof(s));
	for (i = 0; i < 3000; i++)
		queue(&oe, 100000 - i, i);
	ordered_events__flush(&oe, OE_FLUSH__FINAL);
	TEST_ASSERT_EQUAL("all 3000", s.nr, 3000);
	for (i = 1; i < s.nr; i++)
		TEST_ASSERT_VAL("sorted", s.ts[i - 1] <= s.ts[i]);
	ordered_events__exit(&oe);
	return TEST_OK;
}

static int test__ordered_limit(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static struct seen s;
	struct ordered_events oe;
	size_t i;

	memset(&s, 0, sizeof(s));
	ordered_events__init(&oe, record_delivery, &s);
	/* Room for about two chunks: the queue must deliver early, not grow. */
	oe.mem_limit = 3UL << 20;
	for (i = 0; i < 4000; i++) {
		struct {
			struct perf_event_header h;
			uint64_t tag;
			char pad[4096];
		} big;

		memset(&big, 0, sizeof(big));
		big.h.type = PERF_RECORD_SAMPLE;
		big.h.size = sizeof(big);
		big.tag = i;
		TEST_ASSERT_EQUAL("queued", ordered_events__queue(&oe, (union perf_event *)&big,
								   1000 + i, 0, NULL), 0);
		TEST_ASSERT_VAL("bounded", oe.mem_used <= oe.mem_limit + (1UL << 20));
	}
	TEST_ASSERT_VAL("forced flushes counted", oe.nr_forced > 0);
	ordered_events__flush(&oe, OE_FLUSH__FINAL);
	TEST_ASSERT_EQUAL("nothing lost", s.nr, 4000);
	for (i = 1; i < s.nr; i++)
		TEST_ASSERT_VAL("still in order (they came in order)", s.ts[i - 1] <= s.ts[i]);
	ordered_events__exit(&oe);
	return TEST_OK;
}

static struct test_case ordered_events_tests[] = {
	TEST_CASE("Round flushes, final flush, late events", ordered_rounds),
	TEST_CASE("Memory limit forces early delivery", ordered_limit),
	{ .name = NULL, }
};

struct test_suite suite__ordered_events = {
	.desc = "Ordered events",
	.test_cases = ordered_events_tests,
};
