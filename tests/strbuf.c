// SPDX-License-Identifier: GPL-2.0
/* strbuf: growth, formatting and detach. */
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "tests.h"

static int test__strbuf(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;
	size_t len;
	int i;

	TEST_ASSERT_STREQ("empty buffer reads as \"\"", sb.buf, "");
	for (i = 0; i < 1000; i++)
		TEST_ASSERT_VAL("addf", !strbuf_addf(&sb, "%d,", i));
	TEST_ASSERT_VAL("starts right", !strncmp(sb.buf, "0,1,2,", 6));
	TEST_ASSERT_EQUAL("length", sb.len, strlen(sb.buf));
	TEST_ASSERT_VAL("NUL kept", sb.buf[sb.len] == '\0');
	strbuf_reset(&sb);
	TEST_ASSERT_EQUAL("reset", sb.len, 0);
	strbuf_addstr(&sb, "abc");
	strbuf_addch(&sb, 'd');
	s = strbuf_detach(&sb, &len);
	TEST_ASSERT_STREQ("detach", s, "abcd");
	TEST_ASSERT_EQUAL("detach len", len, 4);
	TEST_ASSERT_VAL("detached buffer is reset", sb.len == 0 && sb.alloc == 0);
	free(s);
	strbuf_release(&sb);
	return TEST_OK;
}

DEFINE_SUITE("strbuf", strbuf);
