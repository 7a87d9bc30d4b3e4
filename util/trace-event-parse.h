/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libtraceevent glue for readers of perf.data: a tep handle built from the
 * file's tracing data (the tracefs formats perf record stored), lookup of
 * a tracepoint's format by its id, and the payload of a raw sample printed
 * from the format's "print fmt", as `perf script` shows it.
 *
 * The tracing data comes from a file: every length in it is checked.
 * Kernel addresses in payloads (%ps, %pS) are named by a resolver the
 * caller installs (the reader's own kernel symbols), not by the kallsyms
 * copy some writers put in the blob.
 *
 * Without libtraceevent the stubs below fail with -ENOTSUP and print
 * nothing.
 *
 * Layer 3: depends on libtraceevent and libc only.
 */
#ifndef PERF_UTIL_TRACE_EVENT_PARSE_H
#define PERF_UTIL_TRACE_EVENT_PARSE_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct tep_handle;
struct tep_event;
struct trace_seq;

/*
 * Returns the name of the kernel function containing *@addr and sets
 * *@addr to its start (and *@mod to its module name or NULL); NULL when
 * unknown. Strings stay owned by the resolver.
 */
typedef char *(*trace_event_resolver_fn)(void *priv, unsigned long long *addr, char **mod);

/**
 * struct trace_event - the formats of one perf.data's tracepoints
 * @tep: the libtraceevent handle, NULL until trace_event__parse()
 * @seq: reused for every payload printed (no allocation per sample)
 */
struct trace_event {
	struct tep_handle *tep;
	struct trace_seq *seq;
};

#ifdef HAVE_LIBTRACEEVENT_SUPPORT
/*
 * Build @te from the tracing data blob @data of @size bytes (version 0.5
 * or 0.6, either byte order). A format libtraceevent cannot parse is
 * skipped (its events then print nothing), as the reference does. Returns
 * 0, -EINVAL for a damaged blob (nothing kept), -ENOMEM.
 */
int trace_event__parse(struct trace_event *te, const void *data, size_t size);
/* Free what @te holds; it can be parsed again. */
void trace_event__exit(struct trace_event *te);

/* Name kernel addresses in payloads with @fn(@priv, ...). 0 or -ENOMEM. */
int trace_event__set_resolver(struct trace_event *te, trace_event_resolver_fn fn, void *priv);

/* The format of the tracepoint with id @id (attr.config), or NULL. */
struct tep_event *trace_event__find(struct trace_event *te, uint64_t id);

/*
 * Print the payload @raw (@size bytes, recorded on @cpu) of an event of
 * format @event to @fp, as its print fmt says. Returns the bytes written.
 */
size_t trace_event__fprintf(struct trace_event *te, struct tep_event *event, int cpu,
			    const void *raw, uint32_t size, FILE *fp);
#else
static inline int trace_event__parse(struct trace_event *te, const void *data, size_t size)
{
	(void)te; (void)data; (void)size;
	return -ENOTSUP;
}
static inline void trace_event__exit(struct trace_event *te)
{
	(void)te;
}
static inline int trace_event__set_resolver(struct trace_event *te,
					    trace_event_resolver_fn fn, void *priv)
{
	(void)te; (void)fn; (void)priv;
	return -ENOTSUP;
}
static inline struct tep_event *trace_event__find(struct trace_event *te, uint64_t id)
{
	(void)te; (void)id;
	return NULL;
}
static inline size_t trace_event__fprintf(struct trace_event *te, struct tep_event *event,
					  int cpu, const void *raw, uint32_t size, FILE *fp)
{
	(void)te; (void)event; (void)cpu; (void)raw; (void)size; (void)fp;
	return 0;
}
#endif

#endif /* PERF_UTIL_TRACE_EVENT_PARSE_H */
