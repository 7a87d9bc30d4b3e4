// SPDX-License-Identifier: GPL-2.0
/*
 * Loads the python engine on first use. The engine (util/scripting-python.c)
 * is a shared object linked with libpython and embedded in the perf
 * executable; the executable itself does not link libpython, so the
 * commands that never run a script do not pay for loading it (libpython
 * costs more start-up time than the rest of perf together).
 *
 * The embedded object is written to a memfd and dlopen()ed from
 * /proc/self/fd: one perf file to install, no search path, and no
 * temporary file left behind. It resolves its calls into perf through the
 * executable's exported symbols (linked with --export-dynamic).
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "debug.h"
#include "scripting.h"

/* The engine's bytes, put into .rodata by the assembler (see the Makefile). */
__asm__(".section .rodata.python_engine,\"a\",@progbits\n"
	".balign 64\n"
	".hidden python_engine_so\n"
	".globl python_engine_so\n"
	"python_engine_so:\n"
	".incbin \"" PYTHON_ENGINE_SO "\"\n"
	".hidden python_engine_so_end\n"
	".globl python_engine_so_end\n"
	"python_engine_so_end:\n"
	".previous\n");
extern const unsigned char python_engine_so[], python_engine_so_end[];

static const struct python_engine_ops *engine;
static char load_error[256];

#ifdef __SANITIZE_ADDRESS__
/*
 * Py_FinalizeEx() leaves some of the interpreter's own allocations
 * (module state of imported extension modules) unfreed by design; they
 * are libpython's, not leaks of ours, so a SANITIZE=1 build does not
 * report them. (LeakSanitizer asks the executable, so this is here and
 * not in the engine.)
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libpython3\n";
}
#endif

static int engine__load_failed(const char *what, const char *why)
{
	snprintf(load_error, sizeof(load_error), "%s: %s", what, why);
	pr_debug("python engine: %s\n", load_error);
	return -ELIBBAD;
}

static int python__load(void)
{
	size_t size = (size_t)(python_engine_so_end - python_engine_so), done = 0;
	char path[64];
	void *handle;
	int fd;

	if (engine)
		return 0;
	fd = memfd_create("perf-python-engine", MFD_CLOEXEC);
	if (fd < 0)
		return engine__load_failed("memfd_create", strerror(errno));
	while (done < size) {
		ssize_t n = write(fd, python_engine_so + done, size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int err = n < 0 ? errno : ENOSPC;

			close(fd);
			return engine__load_failed("writing the engine", strerror(err));
		}
		done += (size_t)n;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	/* Never closed: the interpreter's objects live until exit. */
	handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	close(fd);
	if (!handle)
		return engine__load_failed("dlopen", dlerror());
	engine = dlsym(handle, "python_engine_ops");
	if (!engine)
		return engine__load_failed("dlsym", "no python_engine_ops");
	return 0;
}

const char *python__load_error(void)
{
	return load_error[0] ? load_error : NULL;
}

int python__start(const char *path, int argc, const char **argv)
{
	int err = python__load();

	return err ? err : engine->start(path, argc, argv);
}

int python__process_sample(struct scripting_sample *ss)
{
	return engine ? engine->process_sample(ss) : -EINVAL;
}

int python__stop(void)
{
	return engine ? engine->stop() : 0;
}

int python__generate(struct evlist *evlist, struct trace_event *te, const char *path)
{
	int err = python__load();

	return err ? err : engine->generate(evlist, te, path);
}
