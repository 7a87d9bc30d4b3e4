/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bodies of the fuzz targets: one function per reader of untrusted
 * input, taking the raw bytes a fuzzer made. The libFuzzer entry points in
 * tests/fuzz/ call these, and `perf test fuzz` replays the inputs that once
 * crashed (tests/fuzz/regress/<target>/) through the same functions, so a
 * regression shows up in an ordinary build without clang.
 *
 * Each function returns 0 whatever the input: a damaged input must be
 * refused, and only a crash, a hang or a sanitizer report is a finding.
 * Output of the code under test goes to /dev/null.
 *
 * Layer: tests; depends on everything it exercises.
 */
#ifndef PERF_TESTS_FUZZ_HARNESS_H
#define PERF_TESTS_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

typedef int (*fuzz_fn)(const uint8_t *data, size_t size);

struct fuzz_target {
	const char *name;	/* tests/fuzz/<name>.c, corpus/<name>, regress/<name> */
	fuzz_fn run;
};

/* Once per process: quiet logging, fake sysfs for the event grammar. */
void fuzz__init(void);

int fuzz__perf_data(const uint8_t *data, size_t size);
int fuzz__parse_events(const uint8_t *data, size_t size);
int fuzz__config(const uint8_t *data, size_t size);
int fuzz__jit_map(const uint8_t *data, size_t size);
int fuzz__elf(const uint8_t *data, size_t size);
int fuzz__trace_event(const uint8_t *data, size_t size);

/* Every target, NULL-terminated by name. */
extern const struct fuzz_target fuzz_targets[];

#endif /* PERF_TESTS_FUZZ_HARNESS_H */
