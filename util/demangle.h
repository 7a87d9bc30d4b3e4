/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Demangling of C++ (Itanium ABI) and Rust (legacy and v0) symbol names,
 * in the form the reference shows them: without parameter lists and
 * return types by default, with them at -v.
 *
 * C++ goes through __cxa_demangle, GCC's own demangler from libstdc++
 * (loaded at first use with dlopen, so perf neither links nor needs the
 * C++ runtime; without it C++ names stay mangled). Rust is decoded here.
 *
 * Layer 3: depends on libc (and libdl) only.
 */
#ifndef PERF_UTIL_DEMANGLE_H
#define PERF_UTIL_DEMANGLE_H

#include <stdbool.h>

/*
 * The demangled form of @name, or NULL when @name is not mangled (or not
 * understood). @kernel: a kernel symbol, demangled only when
 * symbol_conf.demangle_kernel. The result is malloc'ed; the caller frees it.
 * Parameters are shown when verbose > 0, as in the reference.
 */
char *demangle_sym(const char *name, bool kernel);

/* C++ only: @params true for "ns::f(int) const", false for "ns::f". */
char *cxx_demangle(const char *name, bool params);

/*
 * Rust only: legacy "_ZN...17h<hash>E" (hash dropped, $..$ escapes
 * decoded) and v0 "_R..." names. NULL when @name is neither.
 */
char *rust_demangle(const char *name);

/* The v0 part of rust_demangle() (demangle-rust.c). */
char *rust_v0_demangle(const char *name);

/* Whether @name looks like a legacy Rust name (ends in a 17h<16 hex>E hash). */
bool rust_is_legacy_mangled(const char *name);

#endif /* PERF_UTIL_DEMANGLE_H */
