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
#include <stdbool.h>
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

/**
 * struct trace_field - one field of a tracepoint payload, as a script sees it
 * @name:   the field's name in the format
 * @kind:   how to present it (see enum trace_field_kind)
 * @num:    the value of a number, zero-extended to 64 bits from its size
 * @data, @len: the bytes of a string (@len without the NUL) or byte array;
 *          they point into the payload
 */
enum trace_field_kind {
	TRACE_FIELD__UNSIGNED,
	TRACE_FIELD__SIGNED,
	TRACE_FIELD__STRING,
	TRACE_FIELD__BYTES,
};
struct trace_field {
	const char *name;
	enum trace_field_kind kind;
	int size;
	uint64_t num;
	const void *data;
	uint32_t len;
};

/* Called once per field; a non-zero return stops the walk and is returned. */
typedef int (*trace_field_cb)(const struct trace_field *field, void *arg);

/*
 * What the format's print fmt says about symbolic and flag fields
 * (__print_flags, __print_symbolic): a field, then its values.
 */
enum trace_print_sym_kind {
	TRACE_PRINT__FLAG_FIELD,
	TRACE_PRINT__FLAG_VALUE,
	TRACE_PRINT__SYMBOL_FIELD,
	TRACE_PRINT__SYMBOL_VALUE,
};
/* @delim only for FLAG_FIELD; @value and @str only for the *_VALUE kinds. */
typedef int (*trace_print_sym_cb)(enum trace_print_sym_kind kind, const char *field,
				  const char *delim, uint64_t value, const char *str, void *arg);

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
/*
 * The same text as trace_event__fprintf(), NUL-terminated, in a buffer
 * @te owns until its next call; NULL without a format. With @fields the
 * print fmt is ignored: " name=value" for each field (report --raw-trace).
 */
char *trace_event__format(struct trace_event *te, struct tep_event *event, int cpu,
			  const void *raw, uint32_t size, bool fields);
/* The format's system ("sched") and name ("sched_switch"). */
const char *trace_event__system(const struct tep_event *event);
const char *trace_event__name(const struct tep_event *event);

/*
 * Call @cb for each field of @event (without the common_* ones) in the
 * payload @raw of @size bytes, in format order. A field that does not fit
 * in @size is skipped. A string field whose bytes are not printable text
 * is passed as TRACE_FIELD__BYTES, and stays so for later payloads, as the
 * reference's python engine does. Returns 0 or @cb's non-zero value.
 */
int trace_event__for_each_field(struct tep_event *event, const void *raw, uint32_t size,
				trace_field_cb cb, void *arg);

/* Call @cb for each field of @event's format, @num and @data left empty. */
int trace_event__for_each_format_field(struct tep_event *event, trace_field_cb cb, void *arg);

/*
 * The common field @name ("common_preempt_count", "common_flags", ...)
 * of the payload @raw into *@val: 0, or -ENOENT when the format or the
 * payload has no such field.
 */
int trace_event__common_field(struct tep_event *event, const void *raw, uint32_t size,
			      const char *name, uint64_t *val);

/* Walk @event's print fmt for __print_flags and __print_symbolic tables. */
int trace_event__for_each_print_sym(struct tep_event *event, trace_print_sym_cb cb, void *arg);

/* Call @cb for each tracepoint format @te knows, in id order. */
int trace_event__for_each_event(struct trace_event *te,
				int (*cb)(struct tep_event *event, void *arg), void *arg);
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
static inline char *trace_event__format(struct trace_event *te, struct tep_event *event,
					int cpu, const void *raw, uint32_t size, bool fields)
{
	(void)te; (void)event; (void)cpu; (void)raw; (void)size; (void)fields;
	return NULL;
}
static inline const char *trace_event__system(const struct tep_event *event)
{
	(void)event;
	return "";
}
static inline const char *trace_event__name(const struct tep_event *event)
{
	(void)event;
	return "";
}
static inline int trace_event__for_each_field(struct tep_event *event, const void *raw,
					      uint32_t size, trace_field_cb cb, void *arg)
{
	(void)event; (void)raw; (void)size; (void)cb; (void)arg;
	return 0;
}
static inline int trace_event__for_each_format_field(struct tep_event *event,
						     trace_field_cb cb, void *arg)
{
	(void)event; (void)cb; (void)arg;
	return 0;
}
static inline int trace_event__common_field(struct tep_event *event, const void *raw,
					    uint32_t size, const char *name, uint64_t *val)
{
	(void)event; (void)raw; (void)size; (void)name; (void)val;
	return -ENOENT;
}
static inline int trace_event__for_each_print_sym(struct tep_event *event,
						  trace_print_sym_cb cb, void *arg)
{
	(void)event; (void)cb; (void)arg;
	return 0;
}
static inline int trace_event__for_each_event(struct trace_event *te,
					      int (*cb)(struct tep_event *event, void *arg),
					      void *arg)
{
	(void)te; (void)cb; (void)arg;
	return 0;
}
#endif

#endif /* PERF_UTIL_TRACE_EVENT_PARSE_H */
