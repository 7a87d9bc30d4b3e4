// SPDX-License-Identifier: GPL-2.0
/* Register names for sampling, with a per-arch table. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "debug.h"
#include "perf_regs.h"
#include "util.h"

static const struct sample_reg no_regs[] = { { NULL, 0 } };

/* Architectures without sampled-register support keep this empty table. */
__attribute__((weak)) const struct sample_reg *arch__sample_reg_masks(void)
{
	return no_regs;
}

__attribute__((weak)) uint64_t arch__user_reg_mask(void)
{
	return 0;
}

__attribute__((weak)) uint64_t arch__dwarf_minimal_regs(void)
{
	return 0;
}

static void list_regs(const struct sample_reg *regs)
{
	fprintf(stderr, "available registers: ");
	for (; regs->name; regs++)
		fprintf(stderr, "%s ", regs->name);
	fputc('\n', stderr);
}

int parse_regs(const char *str, uint64_t *mask)
{
	const struct sample_reg *regs = arch__sample_reg_masks();
	char *copy, *tok, *save = NULL;
	int err = 0;

	*mask = 0;
	if (!regs->name) {
		pr_err("sampling registers is not supported on this architecture\n");
		return -EINVAL;
	}
	if (!str || !*str) {
		/* No list: every register of the table. */
		for (; regs->name; regs++)
			*mask |= regs->mask;
		return 0;
	}
	if (!strcmp(str, "?")) {
		list_regs(regs);
		return 1;
	}
	copy = strdup(str);
	if (!copy)
		return -ENOMEM;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		const struct sample_reg *r;

		for (r = regs; r->name; r++)
			if (!strcasecmp(tok, r->name))
				break;
		if (!r->name) {
			pr_err("unknown register %s, check man page\n", tok);
			list_regs(regs);
			err = -EINVAL;
			break;
		}
		*mask |= r->mask;
	}
	free(copy);
	return err;
}
