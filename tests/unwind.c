// SPDX-License-Identifier: GPL-2.0
/*
 * DWARF unwinding (util/unwind.h), with each backend that was built:
 *  - the register tables;
 *  - this process's own stack, captured like the kernel captures a
 *    sample's (registers + a copy of the stack from sp up) at the bottom
 *    of a known call chain, directly and inside a signal handler: the
 *    frames are named, and both backends give the same addresses;
 *  - truncated copies of that stack end cleanly with fewer frames;
 *  - samples recorded by the reference perf with --call-graph dwarf
 *    (perf test -w unwindloop, or the file $PERF_TEST_UNWIND_DATA):
 *    every sample's user frames are the ones the reference's perf script
 *    prints, address and symbol.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <linux/perf_event.h>

#include "../util/data.h"
#include "../util/dso.h"
#include "../util/machine.h"
#include "../util/map.h"
#include "../util/maps.h"
#include "../util/session.h"
#include "../util/symbol.h"
#include "../util/thread.h"
#include "../util/tool.h"
#include "../util/unwind-internal.h"
#include "../util/unwind.h"
#include "../util/util.h"
#include "tests.h"

#define REFERENCE_PERF "/usr/bin/perf"
#define MAX_FRAMES 256

/* ---- frames as a backend delivers them ---- */

struct frame {
	uint64_t ip;
	uint64_t rel;		/* map-relative, as perf script prints user frames */
	char name[1024];
};

struct frames {
	struct frame v[MAX_FRAMES];
	int nr;
};

static int frames__add(struct unwind_entry *entry, void *arg)
{
	struct frames *f = arg;
	struct frame *fr;

	if (f->nr == MAX_FRAMES)
		return -E2BIG;
	fr = &f->v[f->nr++];
	fr->ip = entry->ip;
	fr->rel = entry->map ? map__map_ip(entry->map, entry->ip) : entry->ip;
	snprintf(fr->name, sizeof(fr->name), "%s", entry->sym ? entry->sym->name : "[unknown]");
	return 0;
}

static int frames__find(const struct frames *f, const char *name)
{
	int i;

	for (i = 0; i < f->nr; i++)
		if (!strcmp(f->v[i].name, name))
			return i;
	return -1;
}

static void frames__debug(const char *what, const struct frames *f)
{
	int i;

	pr_debug("%s: %d frames\n", what, f->nr);
	for (i = 0; i < f->nr; i++)
		pr_debug("  %16" PRIx64 " %s\n", f->v[i].ip, f->v[i].name);
}

static const enum unwind_backend all_backends[] = {
	UNWIND_BACKEND__LIBDW, UNWIND_BACKEND__LIBUNWIND,
};

/* ---- register tables ---- */

static int test__unwind_regs(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	const struct unwind_arch *a = unwind_arch__find("x86", PERF_SAMPLE_REGS_ABI_64);

	TEST_ASSERT_VAL("x86-64 table", a && a->e_machine == 62 && a->nr_dwarf == 17);
	/* DWARF rax rdx rcx rbx -> perf AX DX CX BX; rsp; r8; rip in the RA column. */
	TEST_ASSERT_EQUAL("rax", a->dwarf_to_perf[0], 0);
	TEST_ASSERT_EQUAL("rdx", a->dwarf_to_perf[1], 3);
	TEST_ASSERT_EQUAL("rcx", a->dwarf_to_perf[2], 2);
	TEST_ASSERT_EQUAL("rbx", a->dwarf_to_perf[3], 1);
	TEST_ASSERT_EQUAL("rsp", a->dwarf_to_perf[7], 7);
	TEST_ASSERT_EQUAL("r8", a->dwarf_to_perf[8], 16);
	TEST_ASSERT_EQUAL("r15", a->dwarf_to_perf[15], 23);
	TEST_ASSERT_EQUAL("rip", a->dwarf_to_perf[16], 8);
	TEST_ASSERT_EQUAL("ip bit", a->perf_ip, 8);
	TEST_ASSERT_EQUAL("sp bit", a->perf_sp, 7);

	a = unwind_arch__find("x86", PERF_SAMPLE_REGS_ABI_32);
	TEST_ASSERT_VAL("i386 table", a && a->e_machine == 3 && a->elf_class == 1);
	TEST_ASSERT_EQUAL("esp", a->dwarf_to_perf[4], 7);
	TEST_ASSERT_EQUAL("eip", a->dwarf_to_perf[8], 8);

	a = unwind_arch__find("arm64", PERF_SAMPLE_REGS_ABI_64);
	TEST_ASSERT_VAL("arm64 table", a && a->perf_ip == 32 && a->dwarf_to_perf[31] == 31);
	a = unwind_arch__find("riscv", PERF_SAMPLE_REGS_ABI_64);
	TEST_ASSERT_VAL("riscv table", a && a->perf_ip == 0 && a->dwarf_to_perf[0] == -1 &&
			a->dwarf_to_perf[2] == 2);
	TEST_ASSERT_VAL("unknown arch", !unwind_arch__find("vax", PERF_SAMPLE_REGS_ABI_64));
	TEST_ASSERT_VAL("no abi", !unwind_arch__find("x86", PERF_SAMPLE_REGS_ABI_NONE));
	return TEST_OK;
}

/* ---- this process's stack ---- */

/*
 * What the kernel puts in a sample: the user registers of mask 0xff0fff
 * (AX..SS, R8..R15), one u64 per bit in bit order, and the stack from sp.
 */
#define SNAPSHOT_MASK	0xff0fffULL
#define SNAPSHOT_NREGS	20

struct snapshot {
	uint64_t regs[SNAPSHOT_NREGS];
	unsigned char *stack;
	size_t size;
	bool taken;
};

static struct snapshot *signal_snapshot;

__attribute__((noinline, noclone)) int test_unwind__leaf(struct snapshot *s);
__attribute__((noinline, noclone)) int test_unwind__middle(struct snapshot *s);
__attribute__((noinline, noclone)) int test_unwind__outer(struct snapshot *s);

#if defined(__x86_64__)
/*
 * Like the kernel, copy the stack as it is, redzones of the sanitizer's
 * instrumented frames included: word by word and uninstrumented, so that
 * neither ASan nor a memcpy interceptor checks the reads.
 */
__attribute__((no_sanitize_address, noinline))
static void stack__copy(uint64_t *dst, const volatile uint64_t *src, size_t words)
{
	size_t i;

	for (i = 0; i < words; i++)
		dst[i] = src[i];
}

__attribute__((noinline, noclone)) int test_unwind__leaf(struct snapshot *s)
{
	/* By perf_regs bit: AX BX CX DX SI DI BP SP IP, then R8..R15 at 16..23. */
	uint64_t r[24] = { 0 };
	pthread_attr_t attr;
	void *addr;
	size_t size, n;
	uint64_t top;
	int i, j = 0;

	__asm__ volatile(
		"movq %%rax, 0(%[r])\n\t"
		"movq %%rbx, 8(%[r])\n\t"
		"movq %%rcx, 16(%[r])\n\t"
		"movq %%rdx, 24(%[r])\n\t"
		"movq %%rsi, 32(%[r])\n\t"
		"movq %%rdi, 40(%[r])\n\t"
		"movq %%rbp, 48(%[r])\n\t"
		"movq %%rsp, 56(%[r])\n\t"
		"leaq 0(%%rip), %%rax\n\t"
		"movq %%rax, 64(%[r])\n\t"
		"movq %%r8, 128(%[r])\n\t"
		"movq %%r9, 136(%[r])\n\t"
		"movq %%r10, 144(%[r])\n\t"
		"movq %%r11, 152(%[r])\n\t"
		"movq %%r12, 160(%[r])\n\t"
		"movq %%r13, 168(%[r])\n\t"
		"movq %%r14, 176(%[r])\n\t"
		"movq %%r15, 184(%[r])\n\t"
		: : [r] "r"(r) : "rax", "memory");

	if (pthread_getattr_np(pthread_self(), &attr))
		return -1;
	pthread_attr_getstack(&attr, &addr, &size);
	pthread_attr_destroy(&attr);
	top = (uint64_t)(uintptr_t)addr + size;
	/* As much as a sample can hold (the kernel's limit is 65528 bytes). */
	n = top > r[7] ? (size_t)(top - r[7]) : 0;
	if (n > 65528)
		n = 65528;
	n &= ~(size_t)7;
	s->stack = malloc(n ? n : 1);
	if (!s->stack)
		return -1;
	stack__copy((uint64_t *)s->stack, (const volatile uint64_t *)(uintptr_t)r[7], n / 8);
	s->size = n;
	for (i = 0; i < 24; i++)
		if (SNAPSHOT_MASK & (1ULL << i))
			s->regs[j++] = r[i];
	s->taken = true;
	__asm__ volatile("" ::: "memory");
	return 0;
}
#else
__attribute__((noinline, noclone)) int test_unwind__leaf(struct snapshot *s)
{
	s->taken = false;
	return 0;
}
#endif

__attribute__((noinline, noclone)) int test_unwind__middle(struct snapshot *s)
{
	int r = test_unwind__leaf(s);

	__asm__ volatile("" ::: "memory");
	return r + 1;
}

__attribute__((noinline, noclone)) int test_unwind__outer(struct snapshot *s)
{
	int r = test_unwind__middle(s);

	__asm__ volatile("" ::: "memory");
	return r + 1;
}

static void test_unwind__on_signal(int sig __maybe_unused)
{
	test_unwind__outer(signal_snapshot);
	__asm__ volatile("" ::: "memory");
}

/* A machine whose one thread is this process, with its file maps and stack. */
static struct machine *self_machine(struct thread **threadp)
{
	struct machine *machine = machine__new_host(NULL);
	struct thread *thread;
	char *line = NULL;
	size_t cap = 0;
	FILE *f;

	if (!machine)
		return NULL;
	thread = machine__findnew_thread(machine, getpid(), gettid());
	f = fopen("/proc/self/maps", "r");
	if (!thread || !f)
		goto out_err;
	while (getline(&line, &cap, f) > 0) {
		unsigned long long start, end, pgoff;
		char perms[8], *name;
		struct dso *dso;
		struct map *map;
		int n = 0;

		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%llx-%llx %7s %llx %*s %*s %n", &start, &end, perms, &pgoff,
			   &n) < 4 || !n)
			continue;
		/* What perf record --call-graph dwarf asks for: data maps too (mmap_data). */
		name = line + n;
		if (name[0] != '/' && strcmp(name, "[vdso]") && strcmp(name, "[stack]"))
			continue;
		dso = machine__findnew_dso(machine, name);
		map = dso ? map__new(start, end - start, pgoff, dso) : NULL;
		if (map) {
			map->prot = (perms[0] == 'r' ? PROT_READ : 0) |
				    (perms[1] == 'w' ? PROT_WRITE : 0) |
				    (perms[2] == 'x' ? PROT_EXEC : 0);
			thread__insert_map(thread, map);
		}
		map__put(map);
		dso__put(dso);
	}
	free(line);
	fclose(f);
	*threadp = thread;
	return machine;
out_err:
	if (f)
		fclose(f);
	thread__put(thread);
	machine__delete(machine);
	return NULL;
}

static int snapshot__unwind(struct snapshot *s, struct thread *thread, uint64_t stack_size,
			    enum unwind_backend backend, struct frames *f)
{
	struct perf_sample sample;
	int err;

	memset(&sample, 0, sizeof(sample));
	sample.pid = (uint32_t)getpid();
	sample.tid = (uint32_t)gettid();
	sample.user_regs.abi = PERF_SAMPLE_REGS_ABI_64;
	sample.user_regs.mask = SNAPSHOT_MASK;
	sample.user_regs.regs = s->regs;
	sample.user_stack.data = (const char *)s->stack;
	sample.user_stack.size = stack_size < s->size ? stack_size : s->size;
	f->nr = 0;
	err = unwind__set_backend(backend);
	if (err)
		return err;
	return unwind__get_entries(frames__add, f, thread, &sample, 0, false);
}

/* Both backends' frames from @s; -ENOTSUP when neither is built. */
static int snapshot__check(struct snapshot *s, const char *const *expect, int nr_expect,
			   const char *caller)
{
	struct frames *f[2] = { calloc(1, sizeof(struct frames)), calloc(1, sizeof(struct frames)) };
	struct machine *machine = NULL;
	struct thread *thread = NULL;
	int ret = TEST_FAIL, b, i, nr_done = 0;

	if (!f[0] || !f[1])
		goto out;
	machine = self_machine(&thread);
	if (!machine)
		goto out;
	for (b = 0; b < 2; b++) {
		int err = snapshot__unwind(s, thread, s->size, all_backends[b], f[b]);

		if (err == -ENOTSUP)
			continue;
		frames__debug(unwind_backend__name(all_backends[b]), f[b]);
		if (err) {
			pr_err("%s: unwind failed: %d\n", unwind_backend__name(all_backends[b]), err);
			goto out;
		}
		for (i = 0; i < nr_expect; i++) {
			if (i >= f[b]->nr || strcmp(f[b]->v[i].name, expect[i])) {
				pr_err("%s: frame %d is '%s', expected '%s'\n",
				       unwind_backend__name(all_backends[b]), i,
				       i < f[b]->nr ? f[b]->v[i].name : "(none)", expect[i]);
				goto out;
			}
		}
		if (frames__find(f[b], caller) < nr_expect || frames__find(f[b], "main") < 0) {
			pr_err("%s: %s and main not found below the expected frames\n",
			       unwind_backend__name(all_backends[b]), caller);
			goto out;
		}
		nr_done++;
	}
	if (nr_done == 2) {
		if (f[0]->nr != f[1]->nr) {
			pr_err("libdw gave %d frames, libunwind %d\n", f[0]->nr, f[1]->nr);
			goto out;
		}
		for (i = 0; i < f[0]->nr; i++) {
			if (f[0]->v[i].ip != f[1]->v[i].ip) {
				pr_err("frame %d: libdw %#" PRIx64 ", libunwind %#" PRIx64 "\n", i,
				       f[0]->v[i].ip, f[1]->v[i].ip);
				goto out;
			}
		}
	}
	ret = nr_done ? TEST_OK : TEST_SKIP_REASON("built without libdw and libunwind");
out:
	thread__put(thread);
	machine__delete(machine);
	free(f[0]);
	free(f[1]);
	return ret;
}

/*
 * The same stack unwound many times: each dso's image is opened once,
 * each module placed and each backend session made once per address
 * space, and the registers copied once per walk, whatever the frames.
 */
static int snapshot__check_once(struct snapshot *s)
{
	struct frames *f = calloc(1, sizeof(*f));
	struct unwind_stats first, last;
	struct machine *machine = NULL;
	struct thread *thread = NULL;
	int ret = TEST_FAIL, b, i, nr_done = 0;
	unsigned long walks = 0;

	machine = self_machine(&thread);
	if (!f || !machine)
		goto out;
	for (b = 0; b < 2; b++) {
		unsigned long frames = 0;

		if (snapshot__unwind(s, thread, s->size, all_backends[b], f) == -ENOTSUP)
			continue;
		unwind__stats(&first);
		for (i = 0; i < 50; i++) {
			if (snapshot__unwind(s, thread, s->size, all_backends[b], f))
				goto out;
			frames += (unsigned long)f->nr;
		}
		unwind__stats(&last);
		walks = last.samples - first.samples;
		pr_debug("%s: 50 walks: %lu frames, %lu register copies, %lu new images, "
			 "%lu new modules, %lu new sessions\n", unwind_backend__name(all_backends[b]),
			 last.frames - first.frames, last.reg_copies - first.reg_copies,
			 last.images - first.images, last.modules - first.modules,
			 last.sessions - first.sessions);
		TEST_ASSERT_VAL("50 walks counted", walks == 50);
		TEST_ASSERT_VAL("frames counted", last.frames - first.frames == frames);
		TEST_ASSERT_VAL("several frames per walk", frames >= 4 * walks);
		TEST_ASSERT_VAL("registers copied once per walk",
				last.reg_copies - first.reg_copies == walks);
		TEST_ASSERT_VAL("no image opened again", last.images == first.images);
		TEST_ASSERT_VAL("no module placed again", last.modules == first.modules);
		TEST_ASSERT_VAL("no backend session made again", last.sessions == first.sessions);
		TEST_ASSERT_VAL("images were opened", first.images > 0);
		nr_done++;
	}
	ret = nr_done ? TEST_OK : TEST_SKIP_REASON("built without libdw and libunwind");
out:
	thread__put(thread);
	machine__delete(machine);
	free(f);
	return ret;
}

__attribute__((noinline, noclone)) int test__unwind_self(struct test_suite *t, int subtest);
__attribute__((noinline, noclone)) int test__unwind_once(struct test_suite *t, int subtest);
__attribute__((noinline, noclone)) int test__unwind_signal(struct test_suite *t, int subtest);

__attribute__((noinline, noclone)) int test__unwind_self(struct test_suite *t __maybe_unused,
							int subtest __maybe_unused)
{
	static const char *const expect[] = {
		"test_unwind__leaf", "test_unwind__middle", "test_unwind__outer",
	};
	struct snapshot s = { .taken = false };
	int ret;

	test_unwind__outer(&s);
	if (!s.taken)
		return TEST_SKIP_REASON("no register capture for this arch");
	ret = snapshot__check(&s, expect, 3, "test__unwind_self");
	free(s.stack);
	__asm__ volatile("" ::: "memory");
	return ret;
}

__attribute__((noinline, noclone)) int test__unwind_once(struct test_suite *t __maybe_unused,
							int subtest __maybe_unused)
{
	struct snapshot s = { .taken = false };
	int ret;

	test_unwind__outer(&s);
	if (!s.taken)
		return TEST_SKIP_REASON("no register capture for this arch");
	ret = snapshot__check_once(&s);
	free(s.stack);
	__asm__ volatile("" ::: "memory");
	return ret;
}

__attribute__((noinline, noclone)) int test__unwind_signal(struct test_suite *t __maybe_unused,
							  int subtest __maybe_unused)
{
	static const char *const expect[] = {
		"test_unwind__leaf", "test_unwind__middle", "test_unwind__outer",
		"test_unwind__on_signal",
	};
	struct snapshot s = { .taken = false };
	struct sigaction sa, old;
	int ret;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = test_unwind__on_signal;
	signal_snapshot = &s;
	if (sigaction(SIGUSR2, &sa, &old))
		return TEST_FAIL;
	raise(SIGUSR2);
	sigaction(SIGUSR2, &old, NULL);
	if (!s.taken)
		return TEST_SKIP_REASON("no register capture for this arch");
	/* Through the signal frame (libc's __restore_rt) back to the raiser. */
	ret = snapshot__check(&s, expect, 4, "test__unwind_signal");
	free(s.stack);
	__asm__ volatile("" ::: "memory");
	return ret;
}

static int test__unwind_truncated(struct test_suite *t __maybe_unused,
				  int subtest __maybe_unused)
{
	static const uint64_t sizes[] = { 8, 64, 200, 1024, 4096 };
	struct frames *full = calloc(1, sizeof(*full)), *part = calloc(1, sizeof(*part));
	struct snapshot s = { .taken = false };
	struct machine *machine = NULL;
	struct thread *thread = NULL;
	int ret = TEST_FAIL, b, nr_done = 0, i;
	size_t k;

	test_unwind__outer(&s);
	if (!s.taken) {
		ret = TEST_SKIP_REASON("no register capture for this arch");
		goto out;
	}
	machine = self_machine(&thread);
	if (!machine || !full || !part)
		goto out;
	for (b = 0; b < 2; b++) {
		enum unwind_backend be = all_backends[b];

		if (snapshot__unwind(&s, thread, s.size, be, full) == -ENOTSUP)
			continue;
		for (k = 0; k < ARRAY_SIZE(sizes); k++) {
			int err = snapshot__unwind(&s, thread, sizes[k], be, part);

			/*
			 * The first frame is the pc: always there; the rest a
			 * prefix of the full walk, maybe ended as the reference
			 * ends it: the stack beyond the dump reads as zero, and
			 * a zero return address shows as ffffffffffffffff.
			 */
			if (err || part->nr < 1 || part->nr > full->nr + 1) {
				pr_err("%s, %" PRIu64 " bytes: err %d, %d frames of %d\n",
				       unwind_backend__name(be), sizes[k], err, part->nr, full->nr);
				goto out;
			}
			for (i = 0; i < part->nr; i++) {
				if (i == part->nr - 1 && i && part->v[i].ip == ~0ULL)
					break;
				if (i >= full->nr || part->v[i].ip != full->v[i].ip) {
					pr_err("%s, %" PRIu64 " bytes: frame %d differs\n",
					       unwind_backend__name(be), sizes[k], i);
					goto out;
				}
			}
			pr_debug("%s, %" PRIu64 " bytes of stack: %d frames\n",
				 unwind_backend__name(be), sizes[k], part->nr);
		}
		/* No stack at all: no frame, not even the pc, as the reference. */
		if (snapshot__unwind(&s, thread, 0, be, part) != -ENODATA || part->nr) {
			pr_err("%s: no stack, %d frames\n", unwind_backend__name(be), part->nr);
			goto out;
		}
		/* Frames stop at max_stack. */
		memset(part, 0, sizeof(*part));
		{
			struct perf_sample sample;

			memset(&sample, 0, sizeof(sample));
			sample.user_regs.abi = PERF_SAMPLE_REGS_ABI_64;
			sample.user_regs.mask = SNAPSHOT_MASK;
			sample.user_regs.regs = s.regs;
			sample.user_stack.data = (const char *)s.stack;
			sample.user_stack.size = s.size;
			if (unwind__get_entries(frames__add, part, thread, &sample, 2, false) ||
			    part->nr != 2) {
				pr_err("%s: max_stack 2 gave %d frames\n", unwind_backend__name(be),
				       part->nr);
				goto out;
			}
			/* No registers: nothing, an error unless best effort. */
			sample.user_regs.abi = PERF_SAMPLE_REGS_ABI_NONE;
			part->nr = 0;
			if (unwind__get_entries(frames__add, part, thread, &sample, 0, false) !=
			    -ENODATA ||
			    unwind__get_entries(frames__add, part, thread, &sample, 0, true) ||
			    part->nr) {
				pr_err("%s: a sample without registers\n", unwind_backend__name(be));
				goto out;
			}
		}
		nr_done++;
	}
	ret = nr_done ? TEST_OK : TEST_SKIP_REASON("built without libdw and libunwind");
out:
	thread__put(thread);
	machine__delete(machine);
	free(s.stack);
	free(full);
	free(part);
	return ret;
}

/* ---- against the reference ---- */

/* One sample as the reference's perf script prints it: its user frames. */
struct ref_sample {
	uint32_t tid;
	uint64_t usec;
	char *frames;		/* "rel name\n" per user frame */
	bool used;
};

struct ref_set {
	struct ref_sample *v;
	size_t nr, alloc;
};

static void ref_set__exit(struct ref_set *set)
{
	size_t i;

	for (i = 0; i < set->nr; i++)
		free(set->v[i].frames);
	free(set->v);
}

static int ref_sample__cmp(const void *a, const void *b)
{
	const struct ref_sample *x = a, *y = b;

	if (x->tid != y->tid)
		return x->tid < y->tid ? -1 : 1;
	if (x->usec != y->usec)
		return x->usec < y->usec ? -1 : 1;
	return 0;
}

static int strbuf_cat(char **s, const char *add)
{
	size_t a = *s ? strlen(*s) : 0, b = strlen(add);
	char *n = realloc(*s, a + b + 1);

	if (!n)
		return -ENOMEM;
	memcpy(n + a, add, b + 1);
	*s = n;
	return 0;
}

/*
 * "TID SEC.USEC: " then one "\t   ip sym" line per frame, kernel frames
 * (full addresses) first, user frames map-relative; blank line between.
 */
static int ref_set__read(struct ref_set *set, const char *path)
{
	char cmd[PATH_MAX + 128], *line = NULL;
	size_t cap = 0;
	FILE *f;
	int err = 0;

	snprintf(cmd, sizeof(cmd), "%s script -i '%s' -F tid,time,ip,sym --no-inline 2>/dev/null",
		 REFERENCE_PERF, path);
	f = popen(cmd, "r");
	if (!f)
		return -errno;
	while (!err && getline(&line, &cap, f) > 0) {
		unsigned long tid, sec, usec;
		unsigned long long ip;
		char frame[512];
		int n = 0;

		line[strcspn(line, "\n")] = '\0';
		if (line[0] != '\t' && sscanf(line, "%lu %lu.%lu:", &tid, &sec, &usec) == 3) {
			if (set->nr == set->alloc) {
				size_t na = set->alloc ? set->alloc * 2 : 1024;
				struct ref_sample *v = realloc(set->v, na * sizeof(*v));

				if (!v) {
					err = -ENOMEM;
					break;
				}
				set->v = v;
				set->alloc = na;
			}
			memset(&set->v[set->nr], 0, sizeof(set->v[0]));
			set->v[set->nr].tid = (uint32_t)tid;
			set->v[set->nr].usec = (uint64_t)sec * 1000000 + usec;
			set->v[set->nr].frames = strdup("");
			if (!set->v[set->nr].frames)
				err = -ENOMEM;
			set->nr++;
			continue;
		}
		if (line[0] != '\t' || !set->nr || sscanf(line, " %llx %n", &ip, &n) != 1 || !n)
			continue;
		/*
		 * The kernel's part comes first, from the kernel's callchain;
		 * the user part follows (it can end in ffffffffffffffff: a
		 * zero return address, minus one).
		 */
		if (!*set->v[set->nr - 1].frames && ip >= 0xffff800000000000ULL)
			continue;
		snprintf(frame, sizeof(frame), "%llx %s\n", ip, line + n);
		err = strbuf_cat(&set->v[set->nr - 1].frames, frame);
	}
	free(line);
	if (pclose(f) && !err)
		err = -EIO;
	qsort(set->v, set->nr, sizeof(*set->v), ref_sample__cmp);
	return err;
}

struct ref_check {
	struct perf_tool tool;
	int verbose;		/* -v of perf test: verbose is 0 while reading, see below */
	struct ref_set ref;
	size_t nr_samples, nr_compared, nr_frames, nr_unmatched;
	size_t mismatches[UNWIND_BACKEND__NR];
	size_t name_only[UNWIND_BACKEND__NR];
	size_t stale[UNWIND_BACKEND__NR];
	size_t better[UNWIND_BACKEND__NR];
	size_t longer[UNWIND_BACKEND__NR];
	double seconds[UNWIND_BACKEND__NR];
	size_t nr_backends;
	int err;
};

static int ref_check__frames(struct frames *f, char **text)
{
	char line[1100];
	int i, err = 0;

	*text = strdup("");
	if (!*text)
		return -ENOMEM;
	for (i = 0; i < f->nr && !err; i++) {
		snprintf(line, sizeof(line), "%" PRIx64 " %s\n", f->v[i].rel, f->v[i].name);
		err = strbuf_cat(text, line);
	}
	return err;
}

/* Where a stack ends: the CFI of these marks the return address undefined. */
static bool is_outermost(const char *name)
{
	static const char *const names[] = {
		"_start", "clone", "__clone", "clone3", "__clone3", "thread_start",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

static bool frames__complete(const struct frames *f)
{
	return f->nr && is_outermost(f->v[f->nr - 1].name);
}

/* The same for "addr name\n" lines: the name of the last one. */
static bool frames__complete_text(const char *text)
{
	const char *end = text + strlen(text), *line, *name;
	char buf[256];
	size_t len;

	if (end == text)
		return false;
	for (line = end - 1; line > text && line[-1] != '\n'; line--)
		;
	name = strchr(line, ' ');
	if (!name)
		return false;
	name++;
	len = (size_t)(end - name);
	if (len && name[len - 1] == '\n')
		len--;
	if (len >= sizeof(buf))
		return false;
	memcpy(buf, name, len);
	buf[len] = '\0';
	return is_outermost(buf);
}

#define rc_debug(rc, ...)						\
	do {								\
		if ((rc)->verbose)					\
			fprintf(stderr, __VA_ARGS__);			\
	} while (0)

/* A dso mapped twice at the same file offset: one of them is from before an exec. */
static bool maps__has_stale(struct maps *maps)
{
	struct map *a, *b;
	size_t i, j;

	maps__for_each_map(maps, a, i) {
		if (a->identity || !a->dso)
			continue;
		for (j = i + 1; j < maps->nr; j++) {
			b = maps->entries[j];
			if (b->dso == a->dso && b->pgoff == a->pgoff && b->start != a->start)
				return true;
		}
	}
	return false;
}

/* Two "addr name\n" lists with the same addresses in the same order. */
/*
 * @ours goes on where @ref stops: @ref's frames, less a last "[unknown]"
 * one (an address libunwind misread), start @ours, which has more.
 */
static bool frames__extend_text(const char *ours, const char *ref)
{
	size_t len = strlen(ref);
	const char *last;

	if (len && ref[len - 1] == '\n') {
		last = ref + len - 1;
		while (last > ref && last[-1] != '\n')
			last--;
		if (strstr(last, " [unknown]\n") == ref + len - strlen(" [unknown]\n"))
			len = (size_t)(last - ref);
	}
	return strlen(ours) > len && !strncmp(ours, ref, len);
}

static bool same_addresses(const char *a, const char *b)
{
	while (*a && *b) {
		size_t la = strcspn(a, " "), lb = strcspn(b, " ");

		if (la != lb || strncmp(a, b, la))
			return false;
		a = strchr(a, '\n');
		b = strchr(b, '\n');
		if (!a || !b)
			return a == b;
		a++;
		b++;
	}
	return !*a && !*b;
}

static int ref_check__sample(struct perf_tool *tool, union perf_event *event __maybe_unused,
			     struct perf_sample *sample, struct evsel *evsel __maybe_unused,
			     struct machine *machine)
{
	struct ref_check *rc = container_of(tool, struct ref_check, tool);
	struct ref_sample key = { .tid = sample->tid, .usec = sample->time / 1000 }, *r;
	struct frames *f = calloc(1, sizeof(*f));
	struct timespec t0, t1;
	struct thread *thread;
	size_t b;
	int err;

	rc->nr_samples++;
	r = bsearch(&key, rc->ref.v, rc->ref.nr, sizeof(key), ref_sample__cmp);
	/* Several samples in one microsecond: the first not yet compared. */
	while (r && r > rc->ref.v && !ref_sample__cmp(r - 1, &key))
		r--;
	while (r && r->used && r + 1 < rc->ref.v + rc->ref.nr && !ref_sample__cmp(r + 1, &key))
		r++;
	thread = machine__findnew_thread(machine, (pid_t)sample->pid, (pid_t)sample->tid);
	if (!f || !thread) {
		rc->err = -ENOMEM;
		goto out;
	}
	if (!r || r->used) {
		pr_err("sample %u at %" PRIu64 " not in the reference's output\n", sample->tid,
		       sample->time);
		rc->nr_unmatched++;
		goto out;
	}
	r->used = true;
	rc->nr_compared++;
	for (b = 0; b < ARRAY_SIZE(all_backends); b++) {
		char *text = NULL;

		f->nr = 0;
		if (unwind__set_backend(all_backends[b]))
			continue;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		err = unwind__get_entries(frames__add, f, thread, sample, 0, true);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		rc->seconds[all_backends[b]] += (double)(t1.tv_sec - t0.tv_sec) +
						 (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		if (err || ref_check__frames(f, &text)) {
			rc->err = err ? err : -ENOMEM;
			free(text);
			goto out;
		}
		rc->nr_frames += (size_t)f->nr;
		if (!strcmp(text, r->frames)) {
			free(text);
			continue;
		}
		/*
		 * The same frames named otherwise is symbolization, not
		 * unwinding (the reference names .plt.sec entries after the
		 * symbol before them, "_init"; we say "func@plt").
		 */
		if (same_addresses(text, r->frames)) {
			if (rc->name_only[all_backends[b]]++ < 3)
				rc_debug(rc, "%s: same frames, other names:\n reference:\n%s ours:\n%s",
					 unwind_backend__name(all_backends[b]), r->frames, text);
		} else if (all_backends[b] == UNWIND_BACKEND__LIBDW &&
			   frames__complete(f) && !frames__complete_text(r->frames)) {
			/*
			 * libdw reached the outermost frame where libunwind, for
			 * the reference, lost its way (it misreads
			 * __run_exit_handlers' caller, for one).
			 */
			if (rc->better[all_backends[b]]++ < 3)
				rc_debug(rc, "libdw, a complete stack where the reference's is not:\n"
					 " reference:\n%s ours:\n%s", r->frames, text);
		} else if (all_backends[b] == UNWIND_BACKEND__LIBDW &&
			   frames__extend_text(text, r->frames)) {
			/*
			 * libdw went on where libunwind stopped: past a frame
			 * it misread, or to the end of the stack copy, which
			 * then ends with the truncation marker. Seen with the
			 * larger frames of a sanitizer build's workload.
			 */
			if (rc->longer[all_backends[b]]++ < 3)
				rc_debug(rc, "libdw, further than the reference:\n"
					 " reference:\n%s ours:\n%s", r->frames, text);
		} else if (all_backends[b] == UNWIND_BACKEND__LIBDW && maps__has_stale(thread->maps)) {
			/*
			 * After an exec the maps from before it are still listed,
			 * and the reference (libunwind) takes a dso's unwind
			 * table from its lowest map, of the old instance: its
			 * frames are then wrong. The libunwind backend does the
			 * same on purpose; libdw uses the mapping the pc is in.
			 */
			if (rc->stale[all_backends[b]]++ < 3)
				rc_debug(rc, "libdw, after an exec, unlike the reference:\n"
					 " reference:\n%s ours:\n%s", r->frames, text);
		} else if (rc->mismatches[all_backends[b]]++ < 5) {
			pr_err("%s, tid %u at %" PRIu64 ":\n reference:\n%s ours:\n%s",
			       unwind_backend__name(all_backends[b]), sample->tid, sample->time,
			       r->frames, text);
		}
		free(text);
	}
out:
	thread__put(thread);
	free(f);
	return 0;
}

static bool is_reference_installed(void)
{
	struct stat ref, self;

	return !stat(REFERENCE_PERF, &ref) && (ref.st_mode & S_IXUSR) &&
	       !stat("/proc/self/exe", &self) &&
	       !(ref.st_ino == self.st_ino && ref.st_dev == self.st_dev);
}

static int test__unwind_reference(struct test_suite *t __maybe_unused,
				  int subtest __maybe_unused)
{
	char dir[] = "/tmp/perf-test-unwind-XXXXXX", path[PATH_MAX], cmd[3 * PATH_MAX];
	char self[PATH_MAX];
	const char *given = getenv("PERF_TEST_UNWIND_DATA");
	struct ref_check rc = { .tool = { .sample = ref_check__sample,
					  .mmap = perf_event__process_mmap,
					  .mmap2 = perf_event__process_mmap2,
					  .comm = perf_event__process_comm,
					  .fork = perf_event__process_fork,
					  .exit = perf_event__process_exit,
					  .ordered_events = true } };
	struct perf_data data = { 0 };
	struct perf_session *session;
	struct machine *machine = NULL;
	int ret = TEST_FAIL, saved_verbose, err;
	bool have_dir = false;
	size_t b, bad = 0;
	ssize_t n;

	if (!unwind__backend_built(UNWIND_BACKEND__LIBDW) &&
	    !unwind__backend_built(UNWIND_BACKEND__LIBUNWIND))
		return TEST_SKIP_REASON("built without libdw and libunwind");
	if (!is_reference_installed())
		return TEST_SKIP_REASON("reference perf not installed");
	if (given) {
		snprintf(path, sizeof(path), "%s", given);
	} else {
		n = readlink("/proc/self/exe", self, sizeof(self) - 1);
		if (n <= 0)
			return TEST_SKIP_REASON("no /proc/self/exe");
		self[n] = '\0';
		if (!mkdtemp(dir))
			return TEST_FAIL;
		have_dir = true;
		snprintf(path, sizeof(path), "%s/perf.data", dir);
		/*
		 * In a sanitizer build the workload is this binary: without
		 * LeakSanitizer's exit scan, whose tracer thread's samples are
		 * no code of ours (libdw and libunwind part ways in it).
		 */
		snprintf(cmd, sizeof(cmd),
			 "ASAN_OPTIONS=detect_leaks=0 %s record -q -e cpu-clock -F 1000 "
			 "--call-graph dwarf -o '%s' -- '%s' test -w unwindloop 1 >/dev/null 2>&1",
			 REFERENCE_PERF, path, self);
		if (system(cmd)) {
			ret = TEST_SKIP_REASON("reference perf record failed (perf_event access?)");
			goto out_rm;
		}
	}
	if (ref_set__read(&rc.ref, path) || !rc.ref.nr) {
		pr_err("reference perf script gave %zu samples\n", rc.ref.nr);
		goto out_rm;
	}

	data.path = path;
	session = perf_session__new(&data, &rc.tool);
	if (IS_ERR(session)) {
		pr_err("cannot open %s\n", path);
		goto out_rm;
	}
	machine = machine__new_host(&session->header.env);
	if (!machine)
		goto out_session;
	session->machine = machine;
	/* -v would show C++ parameters, and the reference ran without it. */
	saved_verbose = verbose;
	rc.verbose = verbose;
	verbose = 0;
	err = perf_session__process_events(session);
	verbose = saved_verbose;
	for (b = 0; b < ARRAY_SIZE(all_backends); b++) {
		if (!unwind__backend_built(all_backends[b]))
			continue;
		pr_debug("%s: %zu of %zu samples differ; more in symbol names only: %zu, "
			 "after an exec: %zu, complete where the reference's is not: %zu, "
			 "further: %zu\n",
			 unwind_backend__name(all_backends[b]), rc.mismatches[all_backends[b]],
			 rc.nr_compared, rc.name_only[all_backends[b]], rc.stale[all_backends[b]],
			 rc.better[all_backends[b]], rc.longer[all_backends[b]]);
		pr_debug("%s: %.3f s unwinding (tables loaded included)\n",
			 unwind_backend__name(all_backends[b]), rc.seconds[all_backends[b]]);
		bad += rc.mismatches[all_backends[b]];
	}
	pr_debug("%zu samples, %zu compared, %zu frames unwound, %zu unmatched\n",
		 rc.nr_samples, rc.nr_compared, rc.nr_frames, rc.nr_unmatched);
	if (err || rc.err) {
		pr_err("processing %s failed: %d %d\n", path, err, rc.err);
		goto out_session;
	}
	ret = bad || rc.nr_unmatched || !rc.nr_compared ? TEST_FAIL : TEST_OK;
out_session:
	perf_session__delete(session);
	machine__delete(machine);
out_rm:
	ref_set__exit(&rc.ref);
	if (have_dir) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd))
			pr_debug("could not remove %s\n", dir);
	}
	return ret;
}

static struct test_case tests__unwind[] = {
	TEST_CASE("DWARF register numbers of each arch", unwind_regs),
	TEST_CASE("this process's stack, libdw and libunwind alike", unwind_self),
	TEST_CASE("through a signal handler", unwind_signal),
	TEST_CASE("tables loaded once, registers copied once per walk", unwind_once),
	TEST_CASE("truncated stacks end cleanly", unwind_truncated),
	TEST_CASE("samples recorded by the reference unwind as it does", unwind_reference),
	{ .name = NULL, },
};

struct test_suite suite__unwind = {
	.desc = "DWARF unwinding of user stacks",
	.test_cases = tests__unwind,
};
