// SPDX-License-Identifier: GPL-2.0
/* perf version: the version string and which optional libraries are in. */
#include <stdbool.h>
#include <stdio.h>

#include "builtin.h"
#include "util/parse-options.h"
#include "util/util.h"
#include "build-options.h"

struct version_cmd {
	bool build_options;
};

struct build_feature {
	const char *name;
	bool on;
	const char *macro;
};

/*
 * The reference's rows, in its order, so scripts that grep for
 * "libpython: [ on" keep working; features this perf does not have yet
 * say OFF. Our own extras follow. BUILT_* come from the build.
 */
static const struct build_feature build_features[] = {
	{ "dwarf",			BUILT_LIBDW,	"HAVE_DWARF_SUPPORT" },
	{ "dwarf_getlocations",		BUILT_LIBDW,	"HAVE_DWARF_GETLOCATIONS_SUPPORT" },
	{ "glibc",			true,		"HAVE_GLIBC_SUPPORT" },
	{ "syscall_table",		false,		"HAVE_SYSCALL_TABLE_SUPPORT" },
	{ "libbfd",			false,		"HAVE_LIBBFD_SUPPORT" },
	{ "debuginfod",			false,		"HAVE_DEBUGINFOD_SUPPORT" },
	{ "libelf",			BUILT_LIBELF,	"HAVE_LIBELF_SUPPORT" },
	{ "libnuma",			false,		"HAVE_LIBNUMA_SUPPORT" },
	{ "numa_num_possible_cpus",	false,		"HAVE_LIBNUMA_SUPPORT" },
	{ "libperl",			false,		"HAVE_LIBPERL_SUPPORT" },
	{ "libpython",			BUILT_LIBPYTHON, "HAVE_LIBPYTHON_SUPPORT" },
	{ "libslang",			BUILT_SLANG,	"HAVE_SLANG_SUPPORT" },
	{ "libcrypto",			false,		"HAVE_LIBCRYPTO_SUPPORT" },
	{ "libunwind",			BUILT_LIBUNWIND, "HAVE_LIBUNWIND_SUPPORT" },
	{ "libdw-dwarf-unwind",		BUILT_LIBDW,	"HAVE_DWARF_SUPPORT" },
	{ "zlib",			false,		"HAVE_ZLIB_SUPPORT" },
	{ "lzma",			false,		"HAVE_LZMA_SUPPORT" },
	{ "get_cpuid",			false,		"HAVE_AUXTRACE_SUPPORT" },
	{ "bpf",			false,		"HAVE_LIBBPF_SUPPORT" },
	{ "aio",			false,		"HAVE_AIO_SUPPORT" },
	{ "zstd",			BUILT_ZSTD,	"HAVE_ZSTD_SUPPORT" },
	{ "libpfm4",			false,		"HAVE_LIBPFM" },
	{ "libtraceevent",		BUILT_LIBTRACEEVENT, "HAVE_LIBTRACEEVENT" },
	{ "sanitizers",			BUILT_SANITIZE,	"SANITIZE" },
};

static void print_build_options(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(build_features); i++)
		printf("%22s: [ %-3s ]  # %s\n", build_features[i].name,
		       build_features[i].on ? "on" : "OFF",
		       build_features[i].macro);
}

int cmd_version(int argc, const char **argv)
{
	struct version_cmd v = { 0 };
	const char *const usage[] = { "perf version [<options>]", NULL };
	const struct option options[] = {
		OPT_BOOLEAN(0, "build-options", &v.build_options,
			    "print which optional features this perf was built with"),
		OPT_END()
	};

	parse_options(argc, argv, options, usage, PARSE_OPT_STOP_AT_NON_OPTION);

	printf("perf version %s\n", PERF_VERSION);
	if (v.build_options)
		print_build_options();
	return 0;
}
