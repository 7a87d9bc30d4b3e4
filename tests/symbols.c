// SPDX-License-Identifier: GPL-2.0
/*
 * Symbol tables: the reference's fix-ups, ELF loading of this very binary
 * (functions defined below at known lines), PLT entries, kallsyms with
 * modules and relocation, JIT maps, demangling, build-ids, srcline.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/build-id.h"
#include "../util/demangle.h"
#include "../util/dso.h"
#include "../util/srcline.h"
#include "../util/symbol.h"
#include "../util/symbol-elf.h"
#include "tests.h"

/* Known functions of this binary: names and lines the tests look up. */
int symbols__test_marker(int x);
int symbols__test_inliner(int x);
volatile int symbols__test_sink;

static const int marker_line = __LINE__ + 1;
__attribute__((noinline, used)) int symbols__test_marker(int x) { return x * 3 + symbols__test_sink; }

static inline __attribute__((always_inline)) int symbols__test_inlined(int x)
{
	symbols__test_sink += x;
	return symbols__test_sink * x;
}

__attribute__((noinline, used)) int symbols__test_inliner(int x)
{
	return symbols__test_inlined(x + 1) + 7;
}

static __attribute__((noinline, used)) int symbols__test_local(int x)
{
	return x - symbols__test_sink;
}

static int test__symbols_fixup(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	struct symbols syms;
	struct symbol *s;

	symbols__init(&syms);
#define ADD(start, len, bind, name) \
	TEST_ASSERT_VAL("add", !symbols__add(&syms, symbol__new(start, len, bind, SYMBOL_TYPE_FUNC, name)))
	ADD(0x3000, 0x10, SYMBOL_BIND_GLOBAL, "last_sized");
	/* glibc's aliases at one address: the longest of the least-underscored locals wins. */
	ADD(0x1000, 52, SYMBOL_BIND_LOCAL, "__GI___getdents64");
	ADD(0x1000, 52, SYMBOL_BIND_LOCAL, "__getdents");
	ADD(0x1000, 52, SYMBOL_BIND_LOCAL, "__getdents64");
	ADD(0x1000, 52, SYMBOL_BIND_WEAK, "getdents64");
	/* A sized symbol beats a zero-size one; global beats weak. */
	ADD(0x2000, 0, SYMBOL_BIND_GLOBAL, "zero_alias");
	ADD(0x2000, 0x20, SYMBOL_BIND_WEAK, "weak_sized");
	ADD(0x2000, 0x20, SYMBOL_BIND_GLOBAL, "global_sized");
	/* Zero-size: grows to the next symbol; the last one to its page end + 1 page. */
	ADD(0x2800, 0, SYMBOL_BIND_GLOBAL, "asm_label");
		/* Nested: the innermost symbol wins inside, the outer one around it. */
	ADD(0x5000, 0x100, SYMBOL_BIND_GLOBAL, "outer");
	ADD(0x5040, 0x10, SYMBOL_BIND_LOCAL, "inner");
	ADD(0x6010, 0, SYMBOL_BIND_GLOBAL, "tail_label");
#undef ADD
	symbols__fixup(&syms, false);

	s = symbols__find(&syms, 0x1010);
	TEST_ASSERT_STREQ("alias choice", s ? s->name : NULL, "__GI___getdents64");
	s = symbols__find(&syms, 0x2000);
	TEST_ASSERT_STREQ("sized global", s ? s->name : NULL, "global_sized");
	TEST_ASSERT_VAL("gap after sized symbol", !symbols__find(&syms, 0x2020));
	s = symbols__find(&syms, 0x2fff);
	TEST_ASSERT_STREQ("label grows", s ? s->name : NULL, "asm_label");
	TEST_ASSERT_EQUAL("label end", s->end, 0x3000);
	s = symbols__find(&syms, 0x7fff);
	TEST_ASSERT_STREQ("last grows to its page end + a page", s ? s->name : NULL, "tail_label");
	TEST_ASSERT_EQUAL("last end", s->end, 0x8000);
	s = symbols__find(&syms, 0x5045);
	TEST_ASSERT_STREQ("inner", s ? s->name : NULL, "inner");
	s = symbols__find(&syms, 0x5060);
	TEST_ASSERT_STREQ("around inner", s ? s->name : NULL, "outer");
	TEST_ASSERT_VAL("between", !symbols__find(&syms, 0x5100));
	TEST_ASSERT_VAL("below all", !symbols__find(&syms, 0xfff));
	TEST_ASSERT_EQUAL("duplicates dropped", syms.nr, 7);
	s = symbols__find_by_name(&syms, "asm_label");
	TEST_ASSERT_VAL("by name", s && s->start == 0x2800);
	TEST_ASSERT_VAL("by name, dropped alias", !symbols__find_by_name(&syms, "getdents64"));
	TEST_ASSERT_VAL("next", symbols__next(&syms, s) &&
			!strcmp(symbols__next(&syms, s)->name, "last_sized"));
	symbols__exit(&syms);
	return TEST_OK;
}

/*
 * symbols__add_seeds() builds what symbol__new() + symbols__add() of each
 * seed and symbols__fixup() build: the fix-up cases above, then random
 * tables full of aliases and zero sizes.
 */
static int test__symbols_seeds(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static const char * const names[] = { "a", "_b", "__c", "dd", "_ee", "fff", "g", "hh" };
	struct symbol_seed seeds[512];
	uint64_t lens[512];
	struct symbols one, all;
	unsigned int rnd = 1;
	size_t i;
	int round, n;

	for (round = 0; round < 64; round++) {
		n = round ? 1 + (int)(rnd % 512) : 0;
		for (i = 0; i < (size_t)n; i++) {
			rnd = rnd * 1103515245 + 12345;
			seeds[i].start = 0x1000 + ((rnd >> 8) % 64) * 16;
			rnd = rnd * 1103515245 + 12345;
			lens[i] = (rnd >> 9) % 3 ? 0 : (rnd >> 12) % 40;
			seeds[i].len = lens[i];
			seeds[i].name = names[(rnd >> 16) % 8];
			seeds[i].name_len = (uint32_t)strlen(seeds[i].name);
			seeds[i].binding = (uint8_t)((rnd >> 20) % 3);
			seeds[i].type = SYMBOL_TYPE_FUNC;
		}
		symbols__init(&one);
		for (i = 0; i < (size_t)n; i++)
			TEST_ASSERT_VAL("add", !symbols__add(&one, symbol__new(seeds[i].start, lens[i],
								seeds[i].binding, seeds[i].type, seeds[i].name)));
		symbols__fixup(&one, false);
		symbols__init(&all);
		TEST_ASSERT_VAL("seeds", !symbols__add_seeds(&all, seeds, (size_t)n));
		TEST_ASSERT_EQUAL("count", all.nr, one.nr);
		TEST_ASSERT_VAL("sorted", all.sorted);
		for (i = 0; i < one.nr; i++) {
			const struct symbol *a = one.entries[i], *b = all.entries[i];

			TEST_ASSERT_VAL("same symbol", a->start == b->start && a->end == b->end &&
					a->binding == b->binding && !strcmp(a->name, b->name));
		}
		for (i = 0x1000; i < 0x1500; i += 4)
			TEST_ASSERT_VAL("same lookup", (symbols__find(&one, i) == NULL) ==
					(symbols__find(&all, i) == NULL));
		/* A table that has symbols takes seeds the slow way: same result. */
		if (n) {
			struct symbol_seed more = { 0x9000, 0, "more", 4, SYMBOL_BIND_GLOBAL,
						    SYMBOL_TYPE_FUNC };

			TEST_ASSERT_VAL("more", !symbols__add_seeds(&all, &more, 1));
			TEST_ASSERT_EQUAL("more count", all.nr, one.nr + 1);
			TEST_ASSERT_VAL("more found", symbols__find(&all, 0x9010) &&
					!strcmp(symbols__find(&all, 0x9010)->name, "more"));
		}
		symbols__exit(&one);
		symbols__exit(&all);
	}
	return TEST_OK;
}

/* The file offset of @addr in this process, from /proc/self/maps. */
static int self_file_offset(const void *addr, uint64_t *offset, char *path, size_t size)
{
	char line[PATH_MAX + 128];
	FILE *f = fopen("/proc/self/maps", "r");
	uintptr_t a = (uintptr_t)addr;
	int err = -ENOENT;

	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long start, end, pgoff;
		char file[PATH_MAX];

		if (sscanf(line, "%llx-%llx %*s %llx %*s %*s %4095s", &start, &end, &pgoff, file) != 4)
			continue;
		if (a >= start && a < end) {
			*offset = a - start + pgoff;
			snprintf(path, size, "%s", file);
			err = 0;
			break;
		}
	}
	fclose(f);
	return err;
}

static int test__symbols_elf(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char path[PATH_MAX];
	struct symbol *s;
	struct dso *dso;
	uint64_t off;
	Dl_info info;
	int nr;

	if (self_file_offset((void *)symbols__test_marker, &off, path, sizeof(path)))
		return TEST_SKIP_REASON("no /proc/self/maps");
	dso = dso__new(path);
	TEST_ASSERT_VAL("dso", dso);
	nr = dso__load(dso);
	if (dso->load_err == DSO_LOAD_ERR__NO_LIBELF) {
		dso__put(dso);
		return TEST_SKIP_REASON("built without libelf");
	}
	TEST_ASSERT_VAL("loaded symbols", nr > 100);
	s = dso__find_symbol(dso, off);
	TEST_ASSERT_STREQ("marker by address", s ? s->name : NULL, "symbols__test_marker");
	TEST_ASSERT_EQUAL("at its start", s->start, off);
	s = dso__find_symbol(dso, off + 1);
	TEST_ASSERT_STREQ("inside", s ? s->name : NULL, "symbols__test_marker");
	s = dso__find_symbol_by_name(dso, "symbols__test_inliner");
	TEST_ASSERT_VAL("by name", s && s->type == SYMBOL_TYPE_FUNC && symbol__size(s) > 0);
	/* A static function, from .symtab. */
	s = dso__find_symbol_by_name(dso, "symbols__test_local");
	TEST_ASSERT_VAL("local from .symtab", s && s->binding == SYMBOL_BIND_LOCAL);
	/* dso address -> ELF address: what objdump and DWARF use. */
	if (dladdr((void *)symbols__test_marker, &info) && info.dli_fbase)
		TEST_ASSERT_EQUAL("ELF address",
				  dso__addr_to_vaddr(dso, off),
				  (uintptr_t)symbols__test_marker - (uintptr_t)info.dli_fbase);
	TEST_ASSERT_EQUAL("vaddr round trip",
			  dso__vaddr_to_addr(dso, dso__addr_to_vaddr(dso, off)), off);
	/* binutils names a function for any address after one in its section. */
	TEST_ASSERT_VAL("addr2line function",
			dso__addr2line_names_function(dso, dso__addr_to_vaddr(dso, off) + 1, NULL));
	TEST_ASSERT_VAL("no addr2line function outside sections",
			!dso__addr2line_names_function(dso, 0, NULL));
	/* A local function of the symbol table is named with its STT_FILE. */
	s = dso__find_symbol_by_name(dso, "symbols__test_local");
	if (s) {
		const char *file = NULL;

		TEST_ASSERT_VAL("local function",
				dso__addr2line_names_function(dso, dso__addr_to_vaddr(dso, s->start),
							      &file));
		TEST_ASSERT_VAL("its STT_FILE", file && strstr(file, "symbols.c"));
	}
	/* Calls into libc go through the PLT: entries are synthesized. */
	s = dso__find_symbol_by_name(dso, "malloc@plt");
	if (s) {
		TEST_ASSERT_EQUAL("plt entry size", symbol__size(s), 16);
		TEST_ASSERT_VAL("plt lookup", dso__find_symbol(dso, s->start + 4) == s);
	} else {
		pr_debug("no malloc@plt: built with -fno-plt?\n");
	}
	TEST_ASSERT_VAL("build-id read", build_id__is_defined(&dso->bid));
	TEST_ASSERT_EQUAL("dso refcount", dso->refcnt, 1);
	dso__put(dso);
	return TEST_OK;
}

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -errno;
	fputs(text, f);
	return fclose(f) ? -errno : 0;
}

static int test__symbols_kallsyms(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static const char text[] =
		"ffffffff81000000 T _text\n"
		"ffffffff81000000 T _stext\n"
		"ffffffff81000100 t helper\n"
		"ffffffff81000200 T main_func\n"
		"ffffffff81000300 W weak_func\n"
		"ffffffff81000300 T strong_func\n"
		"ffffffff81000800 r not_kept\n"
		"ffffffff81001000 D some_data\n"
		"ffffffffc0001000 t mod_func\t[mymod]\n"
		"ffffffffc0001100 t mod_func2\t[mymod]\n"
		"ffffffffc0002000 t orphan\t[nomod]\n";
	char path[] = "/tmp/perf-test-kallsyms-XXXXXX";
	struct dsos dsos;
	struct dso *kernel, *mod;
	struct symbol *s;
	int fd, nr;

	fd = mkstemp(path);
	TEST_ASSERT_VAL("tmp file", fd >= 0);
	close(fd);
	TEST_ASSERT_VAL("write", !write_file(path, text));

	dsos__init(&dsos);
	kernel = dsos__findnew(&dsos, "[kernel.kallsyms]");
	mod = dsos__findnew(&dsos, "[mymod]");
	TEST_ASSERT_VAL("dsos", kernel && mod);
	dso__set_kind(mod, DSO_KIND_MODULE);
	nr = dso__load_kallsyms(kernel, path);
	kernel->loaded = true;
	TEST_ASSERT_EQUAL("kernel symbols", nr, 5);
	s = symbols__find(&kernel->symbols, 0xffffffff81000010);
	TEST_ASSERT_STREQ("sized alias wins", s ? s->name : NULL, "_stext");
	s = symbols__find(&kernel->symbols, 0xffffffff81000250);
	TEST_ASSERT_STREQ("grown to next", s ? s->name : NULL, "main_func");
	s = symbols__find(&kernel->symbols, 0xffffffff81000350);
	TEST_ASSERT_STREQ("weak loses", s ? s->name : NULL, "strong_func");
	TEST_ASSERT_VAL("not_kept dropped", !symbols__find_by_name(&kernel->symbols, "not_kept"));
	s = symbols__find(&kernel->symbols, 0xffffffff81001fff);
	TEST_ASSERT_VAL("one page before the modules", s && !strcmp(s->name, "some_data"));
	TEST_ASSERT_VAL("not into the gap", !symbols__find(&kernel->symbols, 0xffffffff81002000));
	TEST_ASSERT_VAL("module loaded with the kernel", mod->loaded);
	s = dso__find_symbol(mod, 0xffffffffc0001150);
	TEST_ASSERT_STREQ("module symbol, suffix gone", s ? s->name : NULL, "mod_func2");
	TEST_ASSERT_EQUAL("module symbols", mod->symbols.nr, 2);
	TEST_ASSERT_VAL("no module, no symbol", !symbols__find_by_name(&kernel->symbols, "orphan"));
	dso__put(mod);

	/* The recording boot had _text 16 MiB higher (KASLR): kallsyms moves with it. */
	symbols__exit(&kernel->symbols);
	kernel->kernel_ref_name = strdup("_text");
	kernel->kernel_ref_addr = 0xffffffff82000000ULL;
	nr = dso__load_kallsyms(kernel, path);
	TEST_ASSERT_EQUAL("reloaded", nr, 5);
	s = symbols__find(&kernel->symbols, 0xffffffff82000250);
	TEST_ASSERT_STREQ("relocated", s ? s->name : NULL, "main_func");

	/* kptr_restrict: every address zero. */
	TEST_ASSERT_VAL("write", !write_file(path, "0000000000000000 T _text\n0000000000000000 T x\n"));
	symbols__exit(&kernel->symbols);
	TEST_ASSERT_VAL("restricted", dso__load_kallsyms(kernel, path) < 0 &&
			kernel->load_err == DSO_LOAD_ERR__KPTR_RESTRICT);
	dso__put(kernel);
	dsos__exit(&dsos);
	unlink(path);
	return TEST_OK;
}

static int test__symbols_jit_map(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char path[64];
	struct dso *dso;
	struct symbol *s;

	/* Our own pid: no JIT in this process writes such a file. */
	snprintf(path, sizeof(path), "/tmp/perf-%d.map", (int)getpid());
	TEST_ASSERT_VAL("write", !write_file(path,
		"7f0000001000 40 jit_one\n"
		"0x7f0000002000 0x20 LazyCompile:*foo bar.js:12\n"
		"garbage line\n"));
	dso = dso__new(path);
	TEST_ASSERT_VAL("dso", dso && dso->kind == DSO_KIND_JIT_MAP);
	TEST_ASSERT_EQUAL("loaded", dso__load(dso), 2);
	s = dso__find_symbol(dso, 0x7f000000103f);
	TEST_ASSERT_STREQ("first", s ? s->name : NULL, "jit_one");
	TEST_ASSERT_VAL("exact size", !dso__find_symbol(dso, 0x7f0000001040));
	s = dso__find_symbol(dso, 0x7f0000002000);
	TEST_ASSERT_STREQ("name with spaces", s ? s->name : NULL, "LazyCompile:*foo bar.js:12");
	dso__put(dso);
	unlink(path);
	return TEST_OK;
}

/* Not through demangle_sym(): -v would switch parameters on. */
static int check_demangle(const char *mangled, const char *expected, bool params)
{
	char *got = !strncmp(mangled, "_R", 2) || rust_is_legacy_mangled(mangled) ?
		    rust_demangle(mangled) : cxx_demangle(mangled, params);
	int ret = TEST_OK;

	if (!got || strcmp(got, expected)) {
		pr_err("demangle %s: got '%s', expected '%s'\n", mangled, got ? got : "(null)",
		       expected);
		ret = TEST_FAIL;
	}
	free(got);
	return ret;
}

static int test__symbols_demangle(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	static const struct {
		const char *mangled, *expected;
		bool params;
	} rust[] = {
		{ "_ZN4core3fmt5write17h0123456789abcdefE", "core::fmt::write", false },
		{ "_ZN60_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$3fmt17h0123456789abcdefE",
		  "<alloc::string::String as core::fmt::Display>::fmt", false },
		{ "_RNvNtCs1234_7mycrate3foo3bar", "mycrate::foo::bar", false },
		{ "_RINvNtC3std3mem8align_ofjE", "std::mem::align_of::<usize>", false },
		{ "_RNCNvC7mycrate4main0", "mycrate::main::{closure#0}", false },
		{ "_RINvC7mycrate3fooRShE", "mycrate::foo::<&[u8]>", false },
		{ "_RNvMC7mycrateNtB2_3Foo3new", "<mycrate::Foo>::new", false },
		{ "_RNvXCs0_7mycrateNtB2_3FooNtNtC4core3fmt7Display3fmt",
		  "<mycrate::Foo as core::fmt::Display>::fmt", false },
	}, cxx[] = {
		{ "_ZNK2ns3BoxIlE4spinEi", "ns::Box<long>::spin", false },
		{ "_ZNK2ns3BoxIlE4spinEi", "ns::Box<long>::spin(int) const", true },
		{ "_Z3fooIiEvT_", "foo<int>", false },
		{ "_ZN2nsL3barEv.cold", "ns::bar", false },
		{ "_ZNSt6vectorIiSaIiEE9push_backERKi", "std::vector<int, std::allocator<int> >::push_back", false },
		{ "_ZN1AclEv", "A::operator()", false },
		{ "_ZN1AltERKS_", "A::operator<", false },
		{ "_ZTV1A", "vtable for A", false },
		{ "_ZN12_GLOBAL__N_13fooEv", "(anonymous namespace)::foo", false },
		{ "_ZZ4mainENKUliE_clEi", "main::{lambda(int)#1}::operator()", false },
		/* Thunks keep their inner parameters, as the GNU demangler prints them. */
		{ "_ZTv0_n24_NSoD0Ev",
		  "virtual thunk to std::basic_ostream<char, std::char_traits<char> >::~basic_ostream()",
		  false },
		{ "_ZThn16_N1B1fEv", "non-virtual thunk to B::f()", false },
		/* Template arguments and conversion types after an operator are its name. */
		{ "_ZStlsISt11char_traitsIcEERSt13basic_ostreamIcT_ES5_PKc",
		  "std::operator<< <std::char_traits<char> >", false },
		{ "_ZNKSt15__exception_ptr13exception_ptrcvMS0_FvvEEv",
		  "std::__exception_ptr::exception_ptr::operator void (std::__exception_ptr::exception_ptr::*)()",
		  false },
		{ "_ZN1AcviEv", "A::operator int", false },
	};
	size_t i;
	int ret = TEST_OK;

	for (i = 0; i < ARRAY_SIZE(rust); i++)
		if (check_demangle(rust[i].mangled, rust[i].expected, rust[i].params))
			ret = TEST_FAIL;
	TEST_ASSERT_VAL("not mangled", !demangle_sym("main", false));
	TEST_ASSERT_VAL("not rust", !rust_demangle("_ZN3foo3barE"));
	TEST_ASSERT_VAL("bad v0", !rust_demangle("_RNvC7mycrate"));
	if (ret)
		return ret;
	{
		char *probe = cxx_demangle("_Z1fv", false);

		if (!probe)
			return TEST_SKIP_REASON("no libstdc++.so.6 for C++ demangling");
		free(probe);
	}
	for (i = 0; i < ARRAY_SIZE(cxx); i++)
		if (check_demangle(cxx[i].mangled, cxx[i].expected, cxx[i].params))
			ret = TEST_FAIL;
	return ret;
}

static int test__symbols_build_id(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char hex[SBUILD_ID_SIZE], buf[PATH_MAX], dir[] = "/tmp/perf-test-buildid-XXXXXX";
	const char *saved = symbol_conf.buildid_dir;
	struct build_id bid, back;
	struct stat st;

	if (filename__read_build_id("/proc/self/exe", &bid))
		return TEST_SKIP_REASON("perf binary has no build-id note");
	TEST_ASSERT_EQUAL("sha1 size", bid.size, 20);
	TEST_ASSERT_EQUAL("hex", build_id__snprintf(&bid, hex, sizeof(hex)), 40);
	TEST_ASSERT_VAL("parse", !build_id__parse(&back, hex) && build_id__equal(&bid, &back));
	TEST_ASSERT_VAL("bad hex", build_id__parse(&back, "xyz") == -EINVAL);
	TEST_ASSERT_VAL("not ELF", filename__read_build_id("/proc/self/status", &back) < 0);

	TEST_ASSERT_VAL("mkdtemp", mkdtemp(dir));
	symbol_conf.buildid_dir = dir;
	TEST_ASSERT_VAL("cache path", build_id_cache__path(&bid, "/usr/bin/x", "elf", buf, sizeof(buf)));
	{
		char expect[PATH_MAX];

		snprintf(expect, sizeof(expect), "%s/usr/bin/x/%s/elf", dir, hex);
		TEST_ASSERT_STREQ("cache layout", buf, expect);
		snprintf(expect, sizeof(expect), "%s/.build-id/%.2s/%s", dir, hex, hex + 2);
		TEST_ASSERT_STREQ("link layout", build_id_cache__linkname(&bid, buf, sizeof(buf)), expect);
	}
	TEST_ASSERT_VAL("cache add", !build_id_cache__add(&bid, "/usr/bin/x", "/proc/self/exe", "elf"));
	snprintf(buf, sizeof(buf), "%s/.build-id/%.2s/%s/elf", dir, hex, hex + 2);
	TEST_ASSERT_VAL("reachable through the link", !stat(buf, &st) && S_ISREG(st.st_mode));
	TEST_ASSERT_VAL("cached copy has the id", !filename__read_build_id(buf, &back) &&
			build_id__equal(&bid, &back));
	TEST_ASSERT_VAL("second add is a no-op",
			!build_id_cache__add(&bid, "/usr/bin/x", "/proc/self/exe", "elf"));
	{
		size_t size = 0;
		const void *vdso = vdso__image(&size);

		if (vdso) {
			TEST_ASSERT_VAL("vdso build-id", !elf_image__read_build_id(vdso, size, &back));
			TEST_ASSERT_VAL("vdso add",
					!build_id_cache__add_image(&back, "[vdso]", vdso, size, "vdso"));
			TEST_ASSERT_VAL("vdso path",
					build_id_cache__path(&back, "[vdso]", "vdso", buf, sizeof(buf)));
			TEST_ASSERT_VAL("vdso cached", !stat(buf, &st) && (size_t)st.st_size == size);
		}
	}
	symbol_conf.buildid_dir = saved;
	{
		char cmd[PATH_MAX + 16];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd))
			pr_debug("could not remove %s\n", dir);
	}
	if (!access("/sys/kernel/notes", R_OK))
		TEST_ASSERT_VAL("kernel notes", !kernel__read_running_build_id(&back) &&
				build_id__is_defined(&back));
	return TEST_OK;
}

static int test__symbols_srcline(struct test_suite *t __maybe_unused, int subtest __maybe_unused)
{
	char path[PATH_MAX];
	const struct inline_node *node = NULL;
	const char *file, *str;
	unsigned int line;
	unsigned long before;
	struct symbol *s;
	struct dso *dso;
	uint64_t off, a;
	int err;

	if (self_file_offset((void *)symbols__test_marker, &off, path, sizeof(path)))
		return TEST_SKIP_REASON("no /proc/self/maps");
	dso = dso__new(path);
	TEST_ASSERT_VAL("dso", dso);
	err = dso__srcline(dso, off, &file, &line);
	if (err == -ENOTSUP) {
		dso__put(dso);
		return TEST_SKIP_REASON("built without libdw");
	}
	if (err == -ENOENT) {
		dso__put(dso);
		return TEST_SKIP_REASON("perf binary has no DWARF line info");
	}
	TEST_ASSERT_VAL("srcline", !err);
	TEST_ASSERT_VAL("file", strstr(file, "tests/symbols.c") != NULL);
	TEST_ASSERT_EQUAL("line", line, marker_line);
	str = dso__srcline_str(dso, off, false);
	snprintf(path, sizeof(path), "symbols.c:%d", marker_line);
	TEST_ASSERT_STREQ("short form", str, path);
	before = srcline__nr_dwarf_lookups();
	TEST_ASSERT_VAL("cached string", dso__srcline_str(dso, off, false) == str);
	TEST_ASSERT_VAL("cached", !dso__srcline(dso, off, &file, &line));
	TEST_ASSERT_EQUAL("no second DWARF lookup", srcline__nr_dwarf_lookups(), before);

	/* Somewhere in the inliner the inlined helper's code sits. */
	s = dso__find_symbol_by_name(dso, "symbols__test_inliner");
	TEST_ASSERT_VAL("inliner", s);
	for (a = s->start; a < s->end && (!node || node->nr < 2); a++)
		node = dso__inline_node(dso, a);
	TEST_ASSERT_VAL("inline chain found", node && node->nr == 2);
	TEST_ASSERT_STREQ("inlined", node->frames[0].funcname, "symbols__test_inlined");
	TEST_ASSERT_STREQ("caller", node->frames[1].funcname, "symbols__test_inliner");
	TEST_ASSERT_VAL("call site file", node->frames[1].filename &&
			strstr(node->frames[1].filename, "symbols.c"));
	/* Not inlined: one level, named as the symbol (printed as a plain frame). */
	node = dso__inline_node(dso, off);
	TEST_ASSERT_VAL("one level at marker", node && node->nr == 1);
	TEST_ASSERT_STREQ("marker level", node->frames[0].funcname, "symbols__test_marker");
	TEST_ASSERT_STREQ("sort key with line info", dso__srcline_sort_str(dso, off, NULL), path);
	/* The ELF header has no line: addr2line's answer, as the reference shows it. */
	TEST_ASSERT_STREQ("unknown in a file", dso__srcline_sort_str(dso, 0x11, NULL),
			  SRCLINE_UNKNOWN);
	dso__put(dso);

	/* Without a file (JIT code): symbol+offset, else dso[address]. */
	snprintf(path, sizeof(path), "/tmp/perf-%d.map", (int)getpid());
	TEST_ASSERT_VAL("write", !write_file(path, "1000 10 jitted\n"));
	dso = dso__new(path);
	TEST_ASSERT_VAL("jit dso", dso);
	s = dso__find_symbol(dso, 0x1008);
	TEST_ASSERT_STREQ("fallback with symbol", dso__srcline_sort_str(dso, 0x1008, s),
			  "jitted+8");
	snprintf(path, sizeof(path), "[JIT] tid %d[2011]", (int)getpid());
	TEST_ASSERT_STREQ("fallback without symbol", dso__srcline_sort_str(dso, 0x2011, NULL),
			  path);
	snprintf(path, sizeof(path), "/tmp/perf-%d.map", (int)getpid());
	unlink(path);
	dso__put(dso);
	return TEST_OK;
}

static struct test_case symbols_tests[] = {
	TEST_CASE("zero-size growth, alias choice, lookups", symbols_fixup),
	TEST_CASE("a table made at once from seeds", symbols_seeds),
	TEST_CASE("ELF symbols of the perf binary, PLT entries", symbols_elf),
	TEST_CASE("kallsyms: modules, relocation, kptr_restrict", symbols_kallsyms),
	TEST_CASE("JIT map /tmp/perf-PID.map", symbols_jit_map),
	TEST_CASE("C++ and Rust demangling", symbols_demangle),
	TEST_CASE("build-ids and the build-id cache", symbols_build_id),
	TEST_CASE("srcline and inline chains from DWARF", symbols_srcline),
	{ .name = NULL, }
};

struct test_suite suite__symbols = {
	.desc = "symbols",
	.test_cases = symbols_tests,
};
