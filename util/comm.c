// SPDX-License-Identifier: GPL-2.0
/* Thread names over time, with the strings interned. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "comm.h"
#include "zalloc.h"

/*
 * The intern table only grows: a run sees a few hundred distinct names,
 * and keeping them saves refcounting on every hist entry.
 */
static struct {
	char **slots;
	size_t size, nr;
} comm_strs;

static size_t str_hash(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static int comm_strs__grow(void)
{
	size_t n = comm_strs.size ? comm_strs.size * 2 : 256, i;
	char **slots = calloc(n, sizeof(*slots));

	if (!slots)
		return -1;
	for (i = 0; i < comm_strs.size; i++) {
		char *s = comm_strs.slots[i];
		size_t b;

		if (!s)
			continue;
		for (b = str_hash(s) & (n - 1); slots[b]; b = (b + 1) & (n - 1))
			;
		slots[b] = s;
	}
	free(comm_strs.slots);
	comm_strs.slots = slots;
	comm_strs.size = n;
	return 0;
}

const char *comm_str__intern(const char *str)
{
	size_t b;

	if (comm_strs.nr * 2 >= comm_strs.size && comm_strs__grow())
		return NULL;
	for (b = str_hash(str) & (comm_strs.size - 1); comm_strs.slots[b];
	     b = (b + 1) & (comm_strs.size - 1))
		if (!strcmp(comm_strs.slots[b], str))
			return comm_strs.slots[b];
	comm_strs.slots[b] = strdup(str);
	if (!comm_strs.slots[b])
		return NULL;
	comm_strs.nr++;
	return comm_strs.slots[b];
}

struct comm *comm__new(const char *str, uint64_t timestamp, bool exec)
{
	struct comm *comm = zalloc(sizeof(*comm));

	if (!comm)
		return NULL;
	comm->str = comm_str__intern(str);
	if (!comm->str) {
		free(comm);
		return NULL;
	}
	comm->start = timestamp;
	comm->exec = exec;
	INIT_LIST_HEAD(&comm->list);
	return comm;
}

void comm__delete(struct comm *comm)
{
	free(comm);
}

int comm__override(struct comm *comm, const char *str, uint64_t timestamp, bool exec)
{
	const char *s = comm_str__intern(str);

	if (!s)
		return -ENOMEM;
	comm->str = s;
	comm->start = timestamp;
	if (exec)
		comm->exec = true;
	return 0;
}
