// SPDX-License-Identifier: GPL-2.0
/* A libtraceevent handle from perf.data's tracing data, and payload printing. */
#include <byteswap.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <traceevent/event-parse.h>
#include <traceevent/trace-seq.h>

#include "debug.h"
#include "trace-event-parse.h"

static const char trace_magic[] = { 0x17, 0x08, 0x44, 't', 'r', 'a', 'c', 'i', 'n', 'g' };

/* A cursor over the blob; every read is bounded by @end. */
struct cursor {
	const char *p, *end;
	bool swap;
	bool failed;
};

static const char *cursor__take(struct cursor *c, uint64_t n)
{
	const char *p = c->p;

	if (c->failed || (uint64_t)(c->end - c->p) < n) {
		c->failed = true;
		return NULL;
	}
	c->p += n;
	return p;
}

static uint32_t cursor__u32(struct cursor *c)
{
	const char *p = cursor__take(c, 4);
	uint32_t v;

	if (!p)
		return 0;
	memcpy(&v, p, 4);
	return c->swap ? bswap_32(v) : v;
}

static uint64_t cursor__u64(struct cursor *c)
{
	const char *p = cursor__take(c, 8);
	uint64_t v;

	if (!p)
		return 0;
	memcpy(&v, p, 8);
	return c->swap ? bswap_64(v) : v;
}

static const char *cursor__str(struct cursor *c)
{
	const char *s = c->p, *nul;

	if (c->failed)
		return NULL;
	nul = memchr(s, '\0', (size_t)(c->end - s));
	if (!nul) {
		c->failed = true;
		return NULL;
	}
	c->p = nul + 1;
	return s;
}

/*
 * libtraceevent wants writable, NUL-terminated text for some parsers:
 * each section is copied once.
 */
static char *section__dup(const char *p, uint64_t size)
{
	char *s = malloc(size + 1);

	if (s) {
		memcpy(s, p, size);
		s[size] = '\0';
	}
	return s;
}

/* "addr : \"fmt\"" lines of tracefs printk_formats. */
static int parse_printk_formats(struct tep_handle *tep, char *text)
{
	char *line, *save = NULL;

	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *colon = strchr(line, ':');
		unsigned long long addr;

		if (!colon)
			continue;
		*colon = '\0';
		addr = strtoull(line, NULL, 16);
		/* The format follows ": "; libtraceevent strips the quotes. */
		if (colon[1] == ' ')
			colon++;
		/*
		 * libtraceevent 1.7 drops a leading quote, then looks for a
		 * trailing "\n" two bytes before the end without checking the
		 * length: shorter strings would be read out of bounds, and
		 * real formats are never that short.
		 */
		if (strlen(colon + 1 + (colon[1] == '"')) < 3)
			continue;
		if (tep_register_print_string(tep, colon + 1, addr))
			return -ENOMEM;
	}
	return 0;
}

/* "pid comm" lines of tracefs saved_cmdlines. */
static int parse_saved_cmdlines(struct tep_handle *tep, char *text)
{
	char *line, *save = NULL;

	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *end;
		long pid = strtol(line, &end, 10);

		if (end == line || *end != ' ')
			continue;
		/* Fails only for a pid already known: not an error here. */
		tep_register_comm(tep, end + 1, (int)pid);
	}
	return 0;
}

static bool host_is_big_endian(void)
{
	return __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
}

/* A named section ("header_page"): the name, a u64 size, the text. */
static const char *cursor__named(struct cursor *c, const char *name, uint64_t *size)
{
	const char *s = cursor__str(c);

	if (!s || strcmp(s, name)) {
		c->failed = true;
		return NULL;
	}
	*size = cursor__u64(c);
	return cursor__take(c, *size);
}

static bool is_ident(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '_';
}

/*
 * Is the declaration of a "field:TYPE NAME[N];" line (@p up to @semi)
 * well formed: brackets only around a number (or nothing), as tracefs
 * writes them?
 */
static bool field__well_formed(const char *p, const char *semi)
{
	for (; p < semi; p++) {
		if (*p == ']')
			return false;
		if (*p != '[')
			continue;
		for (p++; p < semi && *p >= '0' && *p <= '9'; p++)
			;
		if (p == semi || *p != ']')
			return false;
	}
	return true;
}

/*
 * Does a field line of @fmt (up to @end) declare @name (@len bytes)?
 * -1 when a field line is damaged.
 */
static int format__declares(const char *fmt, const char *end, const char *name, size_t len)
{
	const char *p = fmt;
	int found = 0;

	while ((p = memmem(p, (size_t)(end - p), "field:", 6)) != NULL) {
		const char *semi = memchr(p, ';', (size_t)(end - p)), *q;
		char before;

		if (!semi || !field__well_formed(p + 6, semi))
			return -1;
		q = semi;
		/* "char comm[16]": the name is before the brackets. */
		if (q > p && q[-1] == ']')
			while (q > p && *q != '[')
				q--;
		before = (size_t)(q - p) > len ? q[-(ptrdiff_t)len - 1] : '\0';
		if (name && (size_t)(q - p) > len && !memcmp(q - len, name, len) &&
		    (before == ' ' || before == '\t' || before == '*'))
			found = 1;
		p = semi;
	}
	return found;
}

/*
 * True when the field lines are well formed and every REC->field of the
 * print fmt is a field the format declares. libtraceevent 1.7
 * dereferences NULL on some helpers (__print_flags(REC->undeclared, ...))
 * instead of failing: such a format is damaged and skipped before it gets
 * there.
 */
static bool format__fields_known(const char *fmt, size_t size)
{
	const char *end = fmt + size;
	const char *print = memmem(fmt, size, "print fmt:", 10), *p;

	if (!print)
		return format__declares(fmt, end, NULL, 0) >= 0;
	if (format__declares(fmt, print, NULL, 0) < 0)
		return false;
	for (p = print; (p = memmem(p, (size_t)(end - p), "REC->", 5)) != NULL; ) {
		const char *name = p + 5;
		size_t len = 0;

		while (name + len < end && is_ident(name[len]))
			len++;
		if (!len || format__declares(fmt, print, name, len) <= 0)
			return false;
		p = name + len;
	}
	return true;
}

/*
 * Parse @fmt in a throw-away child first. libtraceevent 1.7 crashes on
 * some damaged formats (a NULL dereference inside its print fmt parser
 * that no cheap check of ours can rule out), and the reference perf dies
 * with it; the child takes that crash instead. Only when a child parsing
 * the whole blob died (trace_event__parses_safely()): a fork per format.
 * True when the child parsed it and exited normally.
 */
static bool format__parses_safely(struct tep_handle *tep, const char *fmt, size_t size,
				  const char *sys)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return true;	/* no probe possible: parse it here, as before */
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY | O_CLOEXEC);

		/* A sanitizer's report of the crash is the child's business. */
		if (null >= 0)
			dup2(null, STDERR_FILENO);
		tep_parse_event(tep, fmt, size, sys);
		_exit(0);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static int parse_formats(struct tep_handle *tep, struct cursor *c, const char *sys,
			 bool probe_each)
{
	uint32_t nr = cursor__u32(c), i;

	for (i = 0; i < nr && !c->failed; i++) {
		uint64_t size = cursor__u64(c);
		const char *fmt = cursor__take(c, size);

		if (!fmt)
			break;
		/* A format this libtraceevent cannot read costs only its events. */
		if (!format__fields_known(fmt, size) ||
		    (probe_each && !format__parses_safely(tep, fmt, size, sys)) ||
		    tep_parse_event(tep, fmt, size, sys))
			pr_debug("tracing data: cannot parse a format of '%s'\n", sys);
	}
	return c->failed ? -EINVAL : 0;
}

static int __trace_event__parse(struct trace_event *te, const void *data, size_t size,
				bool probe_each)
{
	struct cursor c = { .p = data, .end = (const char *)data + size };
	struct tep_handle *tep;
	const char *version, *p;
	uint8_t big_endian, long_size;
	uint32_t page_size, nr_systems, i;
	uint64_t len;
	char *text;
	int err = -EINVAL;

	if (size < sizeof(trace_magic) || memcmp(data, trace_magic, sizeof(trace_magic)))
		return -EINVAL;
	c.p += sizeof(trace_magic);
	version = cursor__str(&c);
	p = cursor__take(&c, 2);
	if (!version || !p)
		return -EINVAL;
	big_endian = (uint8_t)p[0];
	long_size = (uint8_t)p[1];
	c.swap = (bool)big_endian != host_is_big_endian();
	page_size = cursor__u32(&c);

	if (verbose < 2)
		tep_set_loglevel(TEP_LOG_NONE);
	tep = tep_alloc();
	if (!tep)
		return -ENOMEM;
	tep_set_file_bigendian(tep, big_endian ? TEP_BIG_ENDIAN : TEP_LITTLE_ENDIAN);
	tep_set_local_bigendian(tep, host_is_big_endian() ? TEP_BIG_ENDIAN : TEP_LITTLE_ENDIAN);
	tep_set_long_size(tep, long_size);
	tep_set_page_size(tep, (int)page_size);

	p = cursor__named(&c, "header_page", &len);
	if (!p)
		goto out_free;
	text = section__dup(p, len);
	if (!text) {
		err = -ENOMEM;
		goto out_free;
	}
	if (tep_parse_header_page(tep, text, len, long_size))
		pr_debug("tracing data: cannot parse header_page\n");
	free(text);
	if (!cursor__named(&c, "header_event", &len))
		goto out_free;

	if (parse_formats(tep, &c, "ftrace", probe_each))
		goto out_free;
	nr_systems = cursor__u32(&c);
	for (i = 0; i < nr_systems && !c.failed; i++) {
		const char *sys = cursor__str(&c);

		if (!sys || parse_formats(tep, &c, sys, probe_each))
			goto out_free;
	}

	/*
	 * Kernel symbols: the blob may carry a kallsyms copy (u32 size), but
	 * functions are named by the resolver, as the reference does.
	 */
	len = cursor__u32(&c);
	if (!cursor__take(&c, len))
		goto out_free;

	len = cursor__u32(&c);
	p = cursor__take(&c, len);
	if (!p)
		goto out_free;
	if (len) {
		text = section__dup(p, len);
		if (!text || parse_printk_formats(tep, text)) {
			free(text);
			err = -ENOMEM;
			goto out_free;
		}
		free(text);
	}

	/* Version 0.6 adds the saved cmdlines; a blob may end before them. */
	if (strcmp(version, "0.5") && c.p < c.end) {
		len = cursor__u64(&c);
		p = cursor__take(&c, len);
		if (p && len) {
			text = section__dup(p, len);
			if (!text) {
				err = -ENOMEM;
				goto out_free;
			}
			parse_saved_cmdlines(tep, text);
			free(text);
		}
	}

	te->seq = malloc(sizeof(*te->seq));
	if (!te->seq) {
		err = -ENOMEM;
		goto out_free;
	}
	trace_seq_init(te->seq);
	te->tep = tep;
	return 0;

out_free:
	if (err == -EINVAL)
		pr_debug("tracing data: damaged at byte %zu of %zu\n",
			 (size_t)(c.p - (const char *)data), size);
	tep_free(tep);
	return err;
}

/*
 * The whole blob parsed once in a throw-away child (see
 * format__parses_safely()): true when that went through, and the formats
 * need no probe each.
 */
static bool trace_event__parses_safely(const void *data, size_t size)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return true;
	if (pid == 0) {
		struct trace_event tmp = { NULL, NULL };
		int null = open("/dev/null", O_WRONLY | O_CLOEXEC);

		if (null >= 0)
			dup2(null, STDERR_FILENO);
		__trace_event__parse(&tmp, data, size, false);
		_exit(0);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int trace_event__parse(struct trace_event *te, const void *data, size_t size)
{
	return __trace_event__parse(te, data, size, !trace_event__parses_safely(data, size));
}

void trace_event__exit(struct trace_event *te)
{
	if (te->seq) {
		trace_seq_destroy(te->seq);
		free(te->seq);
		te->seq = NULL;
	}
	if (te->tep) {
		tep_free(te->tep);
		te->tep = NULL;
	}
}

int trace_event__set_resolver(struct trace_event *te, trace_event_resolver_fn fn, void *priv)
{
	if (!te->tep)
		return 0;
	return tep_set_function_resolver(te->tep, fn, priv) ? -ENOMEM : 0;
}

struct tep_event *trace_event__find(struct trace_event *te, uint64_t id)
{
	if (!te->tep)
		return NULL;
	return tep_find_event(te->tep, (int)id);
}

/* Text the reference's tracing library takes for a string: printable up to a NUL. */
static bool bytes__printable(const unsigned char *p, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len && p[i]; i++)
		if (!isprint(p[i]) && !isspace(p[i]))
			return false;
	return true;
}

/*
 * One field's value as the reference's --raw-trace prints it. Its
 * tracing library (tools/lib/traceevent as of 6.1) formats by the field's
 * type alone where libtraceevent 1.7 follows the print fmt ("0x%08lx"
 * for every syscall argument): pointers in hex, signed fields in
 * decimal by their size ("%2d" for 2 bytes), unsigned longs in hex,
 * other unsigned fields in decimal; char arrays as text while printable,
 * other arrays as "ARRAY[" hex bytes "]". A field the payload does not
 * hold prints nothing.
 */
static void field__print_raw(struct trace_seq *s, struct tep_handle *tep,
			     struct tep_format_field *field, const unsigned char *raw, uint32_t size)
{
	uint32_t off = (uint32_t)field->offset, len = (uint32_t)field->size, i;
	unsigned long long val;

	if (field->offset < 0 || field->size < 0 || off > size || len > size - off)
		return;
	if (field->flags & TEP_FIELD_IS_ARRAY) {
		if (field->flags & TEP_FIELD_IS_DYNAMIC) {
			/* __data_loc: u32 of length << 16 | offset (relative: from the field's end) */
			val = tep_read_number(tep, raw + off, (int)len);
			if (field->flags & TEP_FIELD_IS_RELATIVE)
				val += off + len;
			off = (uint32_t)(val & 0xffff);
			len = (uint32_t)(val >> 16 & 0xffff);
			if (off > size || len > size - off)
				return;
		}
		if ((field->flags & TEP_FIELD_IS_STRING) && bytes__printable(raw + off, len)) {
			trace_seq_printf(s, "%.*s", (int)strnlen((const char *)raw + off, len),
					 (const char *)raw + off);
			return;
		}
		trace_seq_puts(s, "ARRAY[");
		for (i = 0; i < len; i++)
			trace_seq_printf(s, i ? ", %02x" : "%02x", raw[off + i]);
		trace_seq_putc(s, ']');
		/* The reference prints such a field as an array from then on. */
		field->flags &= ~(unsigned long)TEP_FIELD_IS_STRING;
		return;
	}
	val = tep_read_number(tep, raw + off, (int)len);
	if (field->flags & TEP_FIELD_IS_POINTER) {
		trace_seq_printf(s, "0x%llx", val);
	} else if (field->flags & TEP_FIELD_IS_SIGNED) {
		switch (len) {
		case 4:
			if (field->flags & TEP_FIELD_IS_LONG)
				trace_seq_printf(s, "0x%x", (int)val);
			else
				trace_seq_printf(s, "%d", (int)val);
			break;
		case 2:
			trace_seq_printf(s, "%2d", (short)val);
			break;
		case 1:
			trace_seq_printf(s, "%1d", (signed char)val);
			break;
		default:
			trace_seq_printf(s, "%lld", (long long)val);
		}
	} else if (field->flags & TEP_FIELD_IS_LONG) {
		trace_seq_printf(s, "0x%llx", val);
	} else {
		trace_seq_printf(s, "%llu", val);
	}
}

static void trace_event__print_raw_fields(struct trace_seq *s, struct tep_event *event,
					  const void *raw, uint32_t size)
{
	struct tep_format_field *field;

	for (field = event->format.fields; field; field = field->next) {
		trace_seq_printf(s, " %s=", field->name);
		field__print_raw(s, event->tep, field, raw, size);
	}
}

char *trace_event__format(struct trace_event *te, struct tep_event *event, int cpu,
			  const void *raw, uint32_t size, bool fields)
{
	struct tep_record record;

	if (!te->tep || !event)
		return NULL;
	memset(&record, 0, sizeof(record));
	record.cpu = cpu;
	record.size = (int)size;
	record.data = (void *)raw;
	trace_seq_reset(te->seq);
	if (fields)
		trace_event__print_raw_fields(te->seq, event, raw, size);
	else
		tep_print_event(te->tep, te->seq, &record, "%s", TEP_PRINT_INFO);
	trace_seq_terminate(te->seq);
	return te->seq->buffer;
}

size_t trace_event__fprintf(struct trace_event *te, struct tep_event *event, int cpu,
			    const void *raw, uint32_t size, FILE *fp)
{
	if (!trace_event__format(te, event, cpu, raw, size, false))
		return 0;
	return fwrite(te->seq->buffer, 1, te->seq->len, fp);
}

/* ---- fields for scripting engines ---- */

const char *trace_event__system(const struct tep_event *event)
{
	return event && event->system ? event->system : "";
}

const char *trace_event__name(const struct tep_event *event)
{
	return event && event->name ? event->name : "";
}

/*
 * Text a script can take as a string: NUL-terminated within the field
 * and printable up to the NUL.
 */
static bool bytes_are_text(const unsigned char *p, uint32_t len, uint32_t *textlen)
{
	uint32_t i;

	if (!len || p[len - 1] != '\0')
		return false;
	for (i = 0; i < len && p[i]; i++) {
		if (!isprint(p[i]) && !isspace(p[i]))
			return false;
	}
	*textlen = i;
	return true;
}

int trace_event__for_each_field(struct tep_event *event, const void *raw, uint32_t size,
				trace_field_cb cb, void *arg)
{
	const unsigned char *data = raw;
	struct tep_format_field *f;
	int ret;

	if (!event || !raw)
		return 0;
	for (f = event->format.fields; f; f = f->next) {
		struct trace_field tf = { .name = f->name, .size = f->size };
		uint32_t off = (uint32_t)f->offset, len = (uint32_t)f->size;

		if (f->offset < 0 || f->size < 0 || off > size || len > size - off)
			continue;
		if (f->flags & TEP_FIELD_IS_ARRAY) {
			if (f->flags & TEP_FIELD_IS_DYNAMIC) {
				uint64_t loc = tep_read_number(event->tep, data + off, f->size);

				off = (uint32_t)(loc & 0xffff);
				len = (uint32_t)((loc >> 16) & 0xffff);
				if (f->flags & TEP_FIELD_IS_RELATIVE)
					off += (uint32_t)(f->offset + f->size);
				if (off > size || len > size - off)
					continue;
			}
			tf.data = data + off;
			tf.len = len;
			tf.kind = TRACE_FIELD__BYTES;
			if ((f->flags & TEP_FIELD_IS_STRING) && bytes_are_text(data + off, len, &tf.len))
				tf.kind = TRACE_FIELD__STRING;
			else
				f->flags &= ~TEP_FIELD_IS_STRING;
		} else {
			if (f->size != 1 && f->size != 2 && f->size != 4 && f->size != 8)
				continue;
			tf.num = tep_read_number(event->tep, data + off, f->size);
			tf.kind = (f->flags & TEP_FIELD_IS_SIGNED) ? TRACE_FIELD__SIGNED
								   : TRACE_FIELD__UNSIGNED;
		}
		ret = cb(&tf, arg);
		if (ret)
			return ret;
	}
	return 0;
}

int trace_event__for_each_format_field(struct tep_event *event, trace_field_cb cb, void *arg)
{
	struct tep_format_field *f;
	int ret;

	if (!event)
		return 0;
	for (f = event->format.fields; f; f = f->next) {
		struct trace_field tf = { .name = f->name, .size = f->size };

		if (f->flags & TEP_FIELD_IS_ARRAY)
			tf.kind = (f->flags & TEP_FIELD_IS_STRING) ? TRACE_FIELD__STRING
								   : TRACE_FIELD__BYTES;
		else
			tf.kind = (f->flags & TEP_FIELD_IS_SIGNED) ? TRACE_FIELD__SIGNED
								   : TRACE_FIELD__UNSIGNED;
		ret = cb(&tf, arg);
		if (ret)
			return ret;
	}
	return 0;
}

int trace_event__common_field(struct tep_event *event, const void *raw, uint32_t size,
			      const char *name, uint64_t *val)
{
	struct tep_format_field *f;

	if (!event || !raw)
		return -ENOENT;
	for (f = event->format.common_fields; f; f = f->next) {
		if (strcmp(f->name, name))
			continue;
		if (f->offset < 0 || f->size <= 0 || f->size > 8 ||
		    (uint32_t)f->offset > size || (uint32_t)f->size > size - (uint32_t)f->offset)
			return -ENOENT;
		*val = tep_read_number(event->tep, (const char *)raw + f->offset, f->size);
		return 0;
	}
	return -ENOENT;
}

static int print_args__walk(struct tep_print_arg *args, trace_print_sym_cb cb, void *arg,
			    int depth);

static int print_arg__walk(struct tep_print_arg *a, trace_print_sym_cb cb, void *arg, int depth)
{
	struct tep_print_flag_sym *fs;
	const char *field;
	int ret = 0;

	/* Print fmts nest a few levels; a deeper one is a damaged format. */
	if (!a || depth > 32)
		return 0;
	switch (a->type) {
	case TEP_PRINT_FLAGS:
		ret = print_arg__walk(a->flags.field, cb, arg, depth + 1);
		if (ret || !a->flags.field || a->flags.field->type != TEP_PRINT_FIELD)
			break;
		field = a->flags.field->field.name;
		ret = cb(TRACE_PRINT__FLAG_FIELD, field, a->flags.delim ? a->flags.delim : "",
			 0, NULL, arg);
		for (fs = a->flags.flags; fs && !ret; fs = fs->next)
			ret = cb(TRACE_PRINT__FLAG_VALUE, field, NULL,
				 strtoull(fs->value, NULL, 0), fs->str, arg);
		break;
	case TEP_PRINT_SYMBOL:
		ret = print_arg__walk(a->symbol.field, cb, arg, depth + 1);
		if (ret || !a->symbol.field || a->symbol.field->type != TEP_PRINT_FIELD)
			break;
		field = a->symbol.field->field.name;
		ret = cb(TRACE_PRINT__SYMBOL_FIELD, field, NULL, 0, NULL, arg);
		for (fs = a->symbol.symbols; fs && !ret; fs = fs->next)
			ret = cb(TRACE_PRINT__SYMBOL_VALUE, field, NULL,
				 strtoull(fs->value, NULL, 0), fs->str, arg);
		break;
	case TEP_PRINT_TYPE:
		ret = print_arg__walk(a->typecast.item, cb, arg, depth + 1);
		break;
	case TEP_PRINT_OP:
		ret = print_arg__walk(a->op.left, cb, arg, depth + 1);
		if (!ret)
			ret = print_arg__walk(a->op.right, cb, arg, depth + 1);
		break;
	case TEP_PRINT_FUNC:
		ret = print_args__walk(a->func.args, cb, arg, depth + 1);
		break;
	default:
		break;
	}
	return ret;
}

static int print_args__walk(struct tep_print_arg *args, trace_print_sym_cb cb, void *arg,
			    int depth)
{
	int ret = 0;

	for (; args && !ret; args = args->next)
		ret = print_arg__walk(args, cb, arg, depth);
	return ret;
}

int trace_event__for_each_print_sym(struct tep_event *event, trace_print_sym_cb cb, void *arg)
{
	if (!event)
		return 0;
	return print_args__walk(event->print_fmt.args, cb, arg, 0);
}

static int cmp_event_id(const void *a, const void *b)
{
	const struct tep_event *ea = *(struct tep_event * const *)a;
	const struct tep_event *eb = *(struct tep_event * const *)b;

	return (ea->id > eb->id) - (ea->id < eb->id);
}

int trace_event__for_each_event(struct trace_event *te,
				int (*cb)(struct tep_event *event, void *arg), void *arg)
{
	struct tep_event **all, **sorted;
	int i, n, ret = 0;

	if (!te->tep)
		return 0;
	all = tep_list_events(te->tep, TEP_EVENT_SORT_ID);
	if (!all)
		return -ENOMEM;
	n = tep_get_events_count(te->tep);
	/* tep_list_events() hands out its own cached array: sort a copy. */
	sorted = calloc((size_t)n + 1, sizeof(*sorted));
	if (!sorted)
		return -ENOMEM;
	for (i = 0; i < n && all[i]; i++)
		sorted[i] = all[i];
	n = i;
	qsort(sorted, (size_t)n, sizeof(*sorted), cmp_event_id);
	for (i = 0; i < n && !ret; i++)
		ret = cb(sorted[i], arg);
	free(sorted);
	return ret;
}
