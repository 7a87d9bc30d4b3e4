// SPDX-License-Identifier: GPL-2.0
/*
 * Replays every input a fuzz target once crashed, hung or leaked on
 * (tests/fuzz/regress/<target>/) and the seed corpora
 * (tests/fuzz/corpus/<target>/) through the fuzz harness, in the
 * ordinary build: a fixed bug that comes back crashes this test, and under
 * SANITIZE=1 a memory error or leak fails it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/exec-cmd.h"
#include "fuzz-harness.h"
#include "tests.h"

static int fuzz_replay__file(const struct fuzz_target *t, const char *path)
{
	struct stat st;
	uint8_t *buf;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 0;
	}
	buf = malloc(st.st_size ? (size_t)st.st_size : 1);
	if (!buf) {
		close(fd);
		return -ENOMEM;
	}
	n = st.st_size ? read(fd, buf, (size_t)st.st_size) : 0;
	close(fd);
	if (n == st.st_size)
		t->run(buf, (size_t)n);
	free(buf);
	return n == st.st_size ? 1 : -EIO;
}

/* Replay the files of <root>/<kind>/<target>; how many, or -errno. */
static int fuzz_replay__dir(const char *root, const char *kind, const struct fuzz_target *t)
{
	char dir[PATH_MAX], path[PATH_MAX];
	struct dirent **names;
	int i, n, done = 0, err = 0;

	snprintf(dir, sizeof(dir), "%s/%s/%s", root, kind, t->name);
	n = scandir(dir, &names, NULL, alphasort);
	if (n < 0)
		return 0;
	for (i = 0; i < n; i++) {
		const char *name = names[i]->d_name;

		if (name[0] != '.' && !err &&
		    (size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) < sizeof(path)) {
			int ret;

			pr_debug("fuzz replay %s: %s\n", t->name, path);
			ret = fuzz_replay__file(t, path);
			if (ret < 0)
				err = ret;
			else
				done += ret;
		}
		free(names[i]);
	}
	free(names);
	return err ? err : done;
}

static int test__fuzz_regress(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char *root = perf_find_data_path("tests/fuzz");
	const struct fuzz_target *ft;
	int total = 0, regress = 0;

	if (!root)
		return TEST_SKIP_REASON("no tests/fuzz directory");
	fuzz__init();
	for (ft = fuzz_targets; ft->name; ft++) {
		int r = fuzz_replay__dir(root, "regress", ft);
		int c = fuzz_replay__dir(root, "corpus", ft);

		TEST_ASSERT_VAL("read the regression inputs", r >= 0);
		TEST_ASSERT_VAL("read the seed corpus", c >= 0);
		regress += r;
		total += r + c;
	}
	free(root);
	pr_debug("fuzz replay: %d inputs, %d of them past findings\n", total, regress);
	TEST_ASSERT_VAL("seed inputs present", total > 0);
	return TEST_OK;
}

DEFINE_SUITE("Fuzz findings and seeds replayed", fuzz_regress);
