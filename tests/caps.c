// SPDX-License-Identifier: GPL-2.0
/*
 * caps: a perf started with file capabilities (the perf_users setup)
 * gives them all up before user code. Meaningful only in such a perf:
 * tests/shell/caps.sh runs this suite from a setcap'd copy as an
 * unprivileged user; anywhere else it skips.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/capability.h>

#include "../util/caps.h"
#include "../util/workload.h"
#include "tests.h"

/* The hex value of @field ("CapEff") in /proc/self/status, or ~0 if unreadable. */
static unsigned long long status_caps(const char *field)
{
	unsigned long long v = ~0ULL;
	char line[256];
	size_t n = strlen(field);
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return v;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, field, n) && line[n] == ':') {
			if (sscanf(line + n + 1, "%llx", &v) != 1)
				v = ~0ULL;
			break;
		}
	fclose(f);
	return v;
}

static int test__caps_drop(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	if (!perf_caps__elevated())
		return TEST_SKIP_REASON("perf was not started with file capabilities");
	TEST_ASSERT_VAL("started with capabilities", status_caps("CapPrm") != 0);
	TEST_ASSERT_VAL("CAP_PERFMON effective", perf_caps__has(CAP_PERFMON));

	TEST_ASSERT_EQUAL("drop", perf_caps__drop_for_user_code(), 0);
	TEST_ASSERT_EQUAL("CapEff", status_caps("CapEff"), 0);
	TEST_ASSERT_EQUAL("CapPrm", status_caps("CapPrm"), 0);
	TEST_ASSERT_EQUAL("CapInh", status_caps("CapInh"), 0);
	TEST_ASSERT_EQUAL("CapAmb", status_caps("CapAmb"), 0);
	TEST_ASSERT_VAL("no CAP_PERFMON", !perf_caps__has(CAP_PERFMON));
	/* Gone for good: raising it again must fail. */
	TEST_ASSERT_VAL("cannot raise CAP_PERFMON to ambient",
			prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_PERFMON, 0, 0) < 0);
	/* Twice is harmless. */
	TEST_ASSERT_EQUAL("drop again", perf_caps__drop_for_user_code(), 0);
	return TEST_OK;
}

/*
 * The command perf counts runs with the user's rights only. (For a plain
 * file the kernel already clears the sets at exec; this guards against
 * ambient or inheritable capabilities leaking through.) The command
 * exits 3 unless its four sets read zero.
 */
static int test__caps_workload(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	const char *argv[] = {
		"sh", "-c",
		"[ $(grep -Ec '^Cap(Eff|Prm|Inh|Amb):[[:space:]]*0+$' /proc/self/status) = 4 ] || exit 3",
		NULL,
	};
	struct workload w;

	if (!perf_caps__elevated())
		return TEST_SKIP_REASON("perf was not started with file capabilities");
	TEST_ASSERT_EQUAL("prepare", workload__prepare(&w, argv), 0);
	TEST_ASSERT_EQUAL("start", workload__start(&w), 0);
	TEST_ASSERT_EQUAL("wait", workload__wait(&w, 0, NULL), 1);
	TEST_ASSERT_VAL("exited", WIFEXITED(w.status));
	TEST_ASSERT_EQUAL("workload without capabilities", WEXITSTATUS(w.status), 0);
	/* The parent keeps what it needs to open events. */
	TEST_ASSERT_VAL("parent keeps CAP_PERFMON", perf_caps__has(CAP_PERFMON));
	return TEST_OK;
}

static int test__caps_plain(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct before[2], after[2];

	/* Root or an ordinary start: nothing was granted by the file, nothing changes. */
	if (perf_caps__elevated())
		return TEST_SKIP_REASON("perf was started with file capabilities");
	TEST_ASSERT_EQUAL("capget", syscall(SYS_capget, &hdr, before), 0);
	TEST_ASSERT_EQUAL("drop is a no-op", perf_caps__drop_for_user_code(), 0);
	TEST_ASSERT_EQUAL("capget", syscall(SYS_capget, &hdr, after), 0);
	TEST_ASSERT_VAL("sets unchanged", !memcmp(before, after, sizeof(before)));
	return TEST_OK;
}

static struct test_case tests__caps[] = {
	TEST_CASE("Without file capabilities nothing is dropped", caps_plain),
	TEST_CASE("File capabilities dropped before user code", caps_drop),
	TEST_CASE("Workload runs without file capabilities", caps_workload),
	{ .name = NULL, },
};

struct test_suite suite__caps = {
	.desc = "perf_users capabilities",
	.test_cases = tests__caps,
};
