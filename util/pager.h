/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pager: long stdio output goes through $PERF_PAGER, the config's
 * core.pager, $PAGER or less, but only when stdout is a terminal.
 *
 * Layer 0: depends on libc only.
 */
#ifndef PERF_UTIL_PAGER_H
#define PERF_UTIL_PAGER_H

#include <stdbool.h>

/*
 * Start the pager and send our stdout (and stderr, if it is the same
 * terminal) into it. Does nothing when stdout is not a terminal, when
 * the pager is "cat" or empty, or when it was already started. At exit
 * perf waits for the pager so the shell prompt comes back after it.
 */
void setup_pager(void);

/* Whether setup_pager() started one. */
bool pager_in_use(void);

/* Pager chosen by the config file (core.pager); NULL to forget it. */
void pager_set_config(const char *pager);

/* Columns of the terminal perf writes to (80 if unknown). */
int pager_get_columns(void);

#endif /* PERF_UTIL_PAGER_H */
