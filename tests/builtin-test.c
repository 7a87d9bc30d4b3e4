// SPDX-License-Identifier: GPL-2.0
/*
 * perf test: runs the unit suites compiled into the binary, then the
 * shell tests in tests/shell/, each in a child process, and prints one
 * result line per test in the reference's layout.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../builtin.h"
#include "../util/debug.h"
#include "../util/exec-cmd.h"
#include "../util/parse-options.h"
#include "../util/strbuf.h"
#include "../util/util.h"
#include "../util/zalloc.h"
#include "tests.h"

char test_skip_reason[128];

static struct test_suite *generic_tests[] = {
	&suite__parse_options,
	&suite__config,
	&suite__command_table,
	&suite__strbuf,
	&suite__pmu,
	&suite__parse_events,
	&suite__cpumap,
	&suite__evsel_open,
	&suite__sample_parsing,
	&suite__ordered_events,
	&suite__header,
	&suite__session,
	&suite__maps,
	&suite__symbols,
	&suite__machine,
	&suite__machine_reference,
	&suite__stat,
	&suite__script,
	&suite__stat_record,
	&suite__unwind,
	&suite__caps,
	&suite__fuzz_regress,
	&suite__hist,
};

static struct test_workload *workloads[] = {
	&workload__noploop,
	&workload__thloop,
	&workload__leafloop,
	&workload__unwindloop,
};

/* A shell test found on disk. */
struct shell_test {
	char *path;
	char *desc;
};

struct test_cmd {
	int verbose;
	bool dont_fork;
	const char *skip;
	const char *workload;
	struct shell_test *shell;
	size_t nr_shell;
	int width;
	int passed, failed, skipped;
	/* Seconds before a shell test is killed and counted as failed. */
	int timeout;
};

static int num_cases(const struct test_suite *s)
{
	int n = 0;

	while (s->test_cases[n].name)
		n++;
	return n;
}

/* ---- shell tests ---- */

static char *shell_desc(const char *path)
{
	char line[512], *desc = NULL;
	FILE *f = fopen(path, "r");
	int n;

	if (!f)
		return NULL;
	/* Line 2 is "# description". */
	for (n = 0; n < 2 && fgets(line, sizeof(line), f); n++) {
		if (n == 1 && line[0] == '#') {
			char *p = line + 1;

			while (*p == ' ')
				p++;
			p[strcspn(p, "\n")] = '\0';
			desc = strdup(p);
		}
	}
	fclose(f);
	return desc;
}

static int shell_cmp(const void *a, const void *b)
{
	const struct shell_test *x = a, *y = b;

	return strcmp(x->path, y->path);
}

static void load_shell_tests(struct test_cmd *t)
{
	char *dir = perf_find_data_path("tests/shell");
	struct dirent *de;
	DIR *d;

	if (!dir)
		return;
	d = opendir(dir);
	if (!d) {
		free(dir);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		struct shell_test *n, st;

		if (len < 4 || strcmp(de->d_name + len - 3, ".sh"))
			continue;
		if (asprintf(&st.path, "%s/%s", dir, de->d_name) < 0)
			continue;
		st.desc = shell_desc(st.path);
		if (!st.desc) {
			free(st.path);
			continue;
		}
		n = realloc(t->shell, (t->nr_shell + 1) * sizeof(*n));
		if (!n) {
			free(st.path);
			free(st.desc);
			break;
		}
		t->shell = n;
		t->shell[t->nr_shell++] = st;
	}
	closedir(d);
	free(dir);
	if (t->nr_shell)
		qsort(t->shell, t->nr_shell, sizeof(*t->shell), shell_cmp);
}

/* ---- selection ---- */

static bool in_list(const char *list, int num)
{
	char *copy, *tok, *save = NULL;
	bool found = false;

	if (!list)
		return false;
	copy = strdup(list);
	if (!copy)
		return false;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *end;
		long a = strtol(tok, &end, 10), b = a;

		if (*end == '-')
			b = strtol(end + 1, &end, 10);
		if (!*end && num >= a && num <= b) {
			found = true;
			break;
		}
	}
	free(copy);
	return found;
}

static bool desc_matches(const char *desc, const char *frag)
{
	return desc && strcasestr(desc, frag);
}

/*
 * A test runs when no argument was given, or an argument is its number,
 * or a substring of its description (or of one of its cases').
 */
static bool test_selected(int argc, const char **argv, int num,
			  const struct test_suite *suite, const char *desc)
{
	int i;

	if (!argc)
		return true;
	for (i = 0; i < argc; i++) {
		char *end;
		long n = strtol(argv[i], &end, 10);

		if (!*end) {
			if (n == num)
				return true;
			continue;
		}
		if (desc_matches(desc, argv[i]))
			return true;
		if (suite) {
			const struct test_case *c;

			for (c = suite->test_cases; c->name; c++)
				if (desc_matches(c->desc, argv[i]) ||
				    desc_matches(c->name, argv[i]))
					return true;
		}
	}
	return false;
}

/* ---- running ---- */

static void print_result(struct test_cmd *t, int result, const char *reason)
{
	bool color = isatty(STDOUT_FILENO);

	switch (result) {
	case TEST_OK:
		t->passed++;
		printf(color ? " \033[32mOk\033[m\n" : " Ok\n");
		break;
	case TEST_SKIP:
		t->skipped++;
		if (reason && *reason)
			printf(color ? " \033[33mSkip (%s)\033[m\n" : " Skip (%s)\n", reason);
		else
			printf(color ? " \033[33mSkip\033[m\n" : " Skip\n");
		break;
	default:
		t->failed++;
		printf(color ? " \033[31mFAILED!\033[m\n" : " FAILED!\n");
		break;
	}
	fflush(stdout);
}

static int run_case_forked(struct test_cmd *t, struct test_suite *suite,
			   int idx, char *reason, size_t rsize)
{
	int fds[2], status, ret;
	pid_t pid;
	ssize_t n;

	test_skip_reason[0] = '\0';
	if (t->dont_fork) {
		ret = suite->test_cases[idx].run_case(suite, idx);
		snprintf(reason, rsize, "%s", test_skip_reason);
		return ret;
	}

	if (pipe(fds) < 0)
		return TEST_FAIL;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return TEST_FAIL;
	}
	if (pid == 0) {
		close(fds[0]);
		if (t->verbose <= 0) {
			int null = open("/dev/null", O_WRONLY);

			if (null >= 0) {
				dup2(null, STDOUT_FILENO);
				dup2(null, STDERR_FILENO);
				close(null);
			}
		} else {
			fprintf(stderr, "--- start ---\ntest child forked, pid %d\n",
				getpid());
		}
		ret = suite->test_cases[idx].run_case(suite, idx);
		n = write(fds[1], test_skip_reason, strlen(test_skip_reason));
		(void)n;
		if (t->verbose > 0)
			fprintf(stderr, "test child finished with %d\n---- end ----\n",
				ret);
		fflush(stdout);
		fflush(stderr);
		_exit(ret == TEST_OK ? 0 : ret == TEST_SKIP ? 2 : 1);
	}
	close(fds[1]);
	n = read(fds[0], reason, rsize - 1);
	reason[n > 0 ? n : 0] = '\0';
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return TEST_FAIL;
	if (!WIFEXITED(status)) {
		if (WIFSIGNALED(status))
			snprintf(reason, rsize, "killed by signal %d", WTERMSIG(status));
		return TEST_FAIL;
	}
	switch (WEXITSTATUS(status)) {
	case 0:
		return TEST_OK;
	case 2:
		return TEST_SKIP;
	default:
		return TEST_FAIL;
	}
}

static void run_suite(struct test_cmd *t, struct test_suite *suite, int num)
{
	int n = num_cases(suite), i;
	char reason[128];

	for (i = 0; i < n; i++) {
		const struct test_case *c = &suite->test_cases[i];
		int ret;

		if (n == 1) {
			printf("%3d: %-*s:", num, t->width, suite->desc);
		} else {
			if (i == 0)
				printf("%3d: %-*s:\n", num, t->width, suite->desc);
			printf("%3d.%d: %-*s:", num, i + 1,
			       t->width - 1 - (i + 1 >= 10), c->desc);
		}
		fflush(stdout);
		if (c->skip_reason) {
			print_result(t, TEST_SKIP, c->skip_reason);
			continue;
		}
		if (t->verbose > 0)
			putchar('\n');
		ret = run_case_forked(t, suite, i, reason, sizeof(reason));
		if (t->verbose > 0 && n == 1)
			printf("%3d: %-*s:", num, t->width, suite->desc);
		else if (t->verbose > 0)
			printf("%3d.%d: %-*s:", num, i + 1,
			       t->width - 1 - (i + 1 >= 10), c->desc);
		print_result(t, ret, reason);
	}
}

/* Last non-empty line of @buf, trimmed: the skip reason of a shell test. */
static void last_line(const char *buf, char *out, size_t size)
{
	const char *end = buf + strlen(buf), *start;

	while (end > buf && (end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\r'))
		end--;
	start = end;
	while (start > buf && start[-1] != '\n')
		start--;
	snprintf(out, size, "%.*s", (int)(end - start), start);
}

static int run_shell_test(struct test_cmd *t, struct shell_test *st)
{
	char reason[128] = "";
	struct strbuf out = STRBUF_INIT;
	int fds[2], status = 0, ret;
	time_t deadline;
	char buf[4096];
	pid_t pid;

	if (pipe(fds) < 0)
		return TEST_FAIL;
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return TEST_FAIL;
	}
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		close(fds[1]);
		/* Its own process group, so a timeout kills what it started. */
		setpgid(0, 0);
		if (t->verbose > 0)
			setenv("PERF_TEST_VERBOSE", "1", 1);
		execlp("bash", "bash", st->path, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	deadline = time(NULL) + t->timeout;
	for (;;) {
		ssize_t n = read(fds[0], buf, sizeof(buf));

		if (n > 0) {
			strbuf_add(&out, buf, (size_t)n);
			if (t->verbose > 0) {
				fwrite(buf, 1, (size_t)n, stdout);
				fflush(stdout);
			}
			continue;
		}
		if (n == 0)
			break;
		if (errno != EAGAIN && errno != EINTR)
			break;
		if (time(NULL) > deadline) {
			kill(-pid, SIGKILL);
			snprintf(reason, sizeof(reason), "timed out after %d s",
				 t->timeout);
			break;
		}
		usleep(20000);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (reason[0]) {
		printf(" [%s]", reason);
		ret = TEST_FAIL;
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		ret = TEST_OK;
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 2) {
		last_line(out.buf, reason, sizeof(reason));
		ret = TEST_SKIP;
	} else {
		ret = TEST_FAIL;
	}
	if (t->verbose > 0)
		printf("%s:", st->desc);
	print_result(t, ret, reason);
	strbuf_release(&out);
	return ret;
}

static int run_tests(struct test_cmd *t, int argc, const char **argv)
{
	size_t i;
	int num = 0;

	for (i = 0; i < ARRAY_SIZE(generic_tests); i++) {
		num++;
		if (!test_selected(argc, argv, num, generic_tests[i],
				   generic_tests[i]->desc))
			continue;
		if (in_list(t->skip, num)) {
			printf("%3d: %-*s: Skip (user override)\n", num, t->width,
			       generic_tests[i]->desc);
			t->skipped++;
			continue;
		}
		run_suite(t, generic_tests[i], num);
	}
	for (i = 0; i < t->nr_shell; i++) {
		num++;
		if (!test_selected(argc, argv, num, NULL, t->shell[i].desc))
			continue;
		if (in_list(t->skip, num)) {
			printf("%3d: %-*s: Skip (user override)\n", num, t->width,
			       t->shell[i].desc);
			t->skipped++;
			continue;
		}
		printf("%3d: %-*s:", num, t->width, t->shell[i].desc);
		fflush(stdout);
		if (t->verbose > 0)
			putchar('\n');
		run_shell_test(t, &t->shell[i]);
	}
	return t->failed ? 1 : 0;
}

static int list_tests(struct test_cmd *t, int argc, const char **argv)
{
	size_t i;
	int num = 0;

	for (i = 0; i < ARRAY_SIZE(generic_tests); i++) {
		struct test_suite *s = generic_tests[i];
		int n = num_cases(s), c;

		num++;
		if (!test_selected(argc, argv, num, s, s->desc))
			continue;
		printf("%3d: %s\n", num, s->desc);
		if (n > 1)
			for (c = 0; c < n; c++)
				printf("%3d:%d: %s\n", num, c + 1, s->test_cases[c].desc);
	}
	for (i = 0; i < t->nr_shell; i++) {
		num++;
		if (test_selected(argc, argv, num, NULL, t->shell[i].desc))
			printf("%3d: %s\n", num, t->shell[i].desc);
	}
	return 0;
}

static int run_workload(const char *name, int argc, const char **argv)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(workloads); i++)
		if (!strcmp(workloads[i]->name, name))
			return workloads[i]->func(argc, argv);
	pr_err("No workload found: %s\n", name);
	return -1;
}

static void compute_width(struct test_cmd *t)
{
	size_t i;
	int w = 0;

	for (i = 0; i < ARRAY_SIZE(generic_tests); i++) {
		const struct test_case *c;

		w = max(w, (int)strlen(generic_tests[i]->desc));
		if (num_cases(generic_tests[i]) > 1)
			for (c = generic_tests[i]->test_cases; c->name; c++)
				w = max(w, (int)strlen(c->desc) + 2);
	}
	for (i = 0; i < t->nr_shell; i++)
		w = max(w, (int)strlen(t->shell[i].desc));
	t->width = w;
}

int cmd_test(int argc, const char **argv)
{
	struct test_cmd t = { .timeout = 600 };
	const char *test_usage[] = {
		"perf test [<options>] [{list <test-name-fragment>|[<test-name-fragments>|<test-numbers>]}]",
		NULL,
	};
	const struct option test_options[] = {
		OPT_BOOLEAN('F', "dont-fork", &t.dont_fork,
			    "run each unit test in this process, not a child"),
		OPT_STRING('s', "skip", &t.skip, "tests",
			   "test numbers to skip, e.g. 1,3-5"),
		OPT_INCR('v', "verbose", &t.verbose,
			 "show each test's own output"),
		OPT_STRING('w', "workload", &t.workload, "work",
			   "run a built-in workload instead of tests"),
		OPT_INTEGER(0, "timeout", &t.timeout,
			    "seconds before a shell test is killed (default 600)"),
		OPT_END()
	};
	size_t i;
	int ret;

	argc = parse_options(argc, argv, test_options, test_usage,
			     PARSE_OPT_STOP_AT_NON_OPTION);
	if (t.workload)
		return run_workload(t.workload, argc, argv);

	verbose = t.verbose;
	load_shell_tests(&t);
	compute_width(&t);

	if (argc >= 1 && !strcmp(argv[0], "list"))
		ret = list_tests(&t, argc - 1, argv + 1);
	else
		ret = run_tests(&t, argc, argv);

	for (i = 0; i < t.nr_shell; i++) {
		free(t.shell[i].path);
		free(t.shell[i].desc);
	}
	free(t.shell);
	return ret;
}
