// SPDX-License-Identifier: GPL-2.0
/*
 * timeit: wall-clock timing of short commands, several of them
 * interleaved so that a change in machine load (another build, CPU
 * frequency) hits all of them alike. Used by bench/run.sh.
 *
 *   timeit [-n RUNS] [-w WARMUP] CMD [ARG...] [::: CMD [ARG...]]...
 *
 * For each command, one line on stdout:
 *   <min ns> <median ns> <status> <max rss KB>
 * where status is "ok", or "exit:N" / "signal:N" from the first run that
 * did not exit 0, and max rss the largest peak resident set of its runs
 * (from wait4()). The commands' own output goes to /dev/null.
 * Exit status: 0 when the timings were taken, 2 for a usage error, 1 when
 * a command could not be started.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CMDS	8
#define SEPARATOR	":::"

extern char **environ;

struct cmd {
	char **argv;
	uint64_t *ns;		/* one entry per counted run */
	long maxrss_kb;		/* largest ru_maxrss of its runs */
	char status[32];	/* "ok" until a run fails */
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/*
 * posix_spawn rather than fork: glibc implements it with clone(CLONE_VFORK),
 * which does not copy our page tables, so less of what is measured is ours.
 */
static int run_once(struct cmd *c, const posix_spawn_file_actions_t *fa,
		    uint64_t *elapsed)
{
	uint64_t start = now_ns();
	struct rusage ru;
	int status, err;
	pid_t pid;

	err = posix_spawnp(&pid, c->argv[0], fa, NULL, c->argv, environ);
	if (err) {
		fprintf(stderr, "timeit: cannot run '%s': %s\n", c->argv[0],
			strerror(err));
		return -1;
	}
	/* wait4: the child's own peak RSS, not the maximum over all children so far. */
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "timeit: waitpid: %s\n", strerror(errno));
			return -1;
		}
	}
	*elapsed = now_ns() - start;
	if (ru.ru_maxrss > c->maxrss_kb)
		c->maxrss_kb = ru.ru_maxrss;

	if (strcmp(c->status, "ok"))
		return 0;
	if (WIFEXITED(status) && WEXITSTATUS(status))
		snprintf(c->status, sizeof(c->status), "exit:%d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(c->status, sizeof(c->status), "signal:%d", WTERMSIG(status));
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int usage(void)
{
	fprintf(stderr,
		"usage: timeit [-n RUNS] [-w WARMUP] CMD [ARG...] [" SEPARATOR " CMD [ARG...]]...\n");
	return 2;
}

static int parse_count(const char *s, long min, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > 100000)
		return -1;
	*out = v;
	return 0;
}

int main(int argc, char **argv)
{
	posix_spawn_file_actions_t fa;
	struct cmd cmds[MAX_CMDS];
	long runs = 15, warmup = 2, r;
	int nr_cmds = 0, opt, i, ret = 0;

	while ((opt = getopt(argc, argv, "+n:w:")) != -1) {
		switch (opt) {
		case 'n':
			if (parse_count(optarg, 1, &runs))
				return usage();
			break;
		case 'w':
			if (parse_count(optarg, 0, &warmup))
				return usage();
			break;
		default:
			return usage();
		}
	}
	if (optind >= argc)
		return usage();

	/* Split the rest at each ":::" in place; argv stays NULL-terminated. */
	for (i = optind; i <= argc; i++) {
		if (i < argc && strcmp(argv[i], SEPARATOR))
			continue;
		if (nr_cmds == MAX_CMDS || i == optind)
			return usage();
		cmds[nr_cmds].argv = &argv[optind];
		cmds[nr_cmds].ns = calloc((size_t)runs, sizeof(uint64_t));
		if (!cmds[nr_cmds].ns) {
			fprintf(stderr, "timeit: out of memory\n");
			return 1;
		}
		strcpy(cmds[nr_cmds].status, "ok");
		cmds[nr_cmds].maxrss_kb = 0;
		nr_cmds++;
		argv[i] = NULL;
		optind = i + 1;
	}

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

	/*
	 * Warm-up runs fill the page cache and the dynamic loader's caches;
	 * then each round runs every command once, in alternating order
	 * (ABBA...) so that neither always runs right after the other.
	 */
	for (r = -warmup; r < runs; r++) {
		for (i = 0; i < nr_cmds; i++) {
			int idx = (r & 1) ? nr_cmds - 1 - i : i;
			uint64_t ns;

			if (run_once(&cmds[idx], &fa, &ns)) {
				ret = 1;
				goto out;
			}
			if (r >= 0)
				cmds[idx].ns[r] = ns;
		}
	}

	for (i = 0; i < nr_cmds; i++) {
		qsort(cmds[i].ns, (size_t)runs, sizeof(uint64_t), cmp_u64);
		printf("%llu %llu %s %ld\n", (unsigned long long)cmds[i].ns[0],
		       (unsigned long long)cmds[i].ns[runs / 2], cmds[i].status,
		       cmds[i].maxrss_kb);
	}
out:
	posix_spawn_file_actions_destroy(&fa);
	for (i = 0; i < nr_cmds; i++)
		free(cmds[i].ns);
	return ret;
}
