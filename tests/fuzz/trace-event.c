// SPDX-License-Identifier: GPL-2.0
/* libFuzzer entry point for the tracing data and tracepoint format reader (util/trace-data.c, util/trace-event-parse.c). */
#include <stddef.h>
#include <stdint.h>

#include "../fuzz-harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc; (void)argv;
	fuzz__init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz__trace_event(data, size);
}
