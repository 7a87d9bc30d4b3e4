// SPDX-License-Identifier: GPL-2.0
/*
 * The callchain tree of a histogram entry: append, merge, sort by
 * period with the -g threshold. See callchain.h.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "callchain.h"
#include "dso.h"
#include "symbol.h"

struct callchain_param callchain_param = {
	.mode = CHAIN_GRAPH_ABS,
	.order = ORDER_CALLEE,
	.value = CCVAL_PERCENT,
	.key = CCKEY_FUNCTION,
	.min_percent = 0.5,
};

int callchain_param__parse(struct callchain_param *param, const char *arg)
{
	char *copy, *tok, *save = NULL;
	int nr_num = 0, err = 0;

	if (!arg)
		return 0;
	copy = strdup(arg);
	if (!copy)
		return -ENOMEM;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "graph"))
			param->mode = CHAIN_GRAPH_ABS;
		else if (!strcmp(tok, "fractal"))
			param->mode = CHAIN_GRAPH_REL;
		else if (!strcmp(tok, "flat"))
			param->mode = CHAIN_FLAT;
		else if (!strcmp(tok, "folded"))
			param->mode = CHAIN_FOLDED;
		else if (!strcmp(tok, "none"))
			param->mode = CHAIN_NONE;
		else if (!strcmp(tok, "caller")) {
			param->order = ORDER_CALLER;
			param->order_set = true;
		} else if (!strcmp(tok, "callee")) {
			param->order = ORDER_CALLEE;
			param->order_set = true;
		} else if (!strcmp(tok, "function"))
			param->key = CCKEY_FUNCTION;
		else if (!strcmp(tok, "address"))
			param->key = CCKEY_ADDRESS;
		else if (!strcmp(tok, "percent"))
			param->value = CCVAL_PERCENT;
		else if (!strcmp(tok, "period"))
			param->value = CCVAL_PERIOD;
		else if (!strcmp(tok, "count"))
			param->value = CCVAL_COUNT;
		else if (!strcmp(tok, "branch") || !strcmp(tok, "fp") || !strcmp(tok, "dwarf") ||
			 !strcmp(tok, "lbr"))
			continue;
		else {
			char *end;
			double v = strtod(tok, &end);

			if (*end || end == tok) {
				err = -EINVAL;
				break;
			}
			if (nr_num == 0)
				param->min_percent = v;
			else if (nr_num == 1)
				param->print_limit = (uint32_t)v;
			else {
				err = -EINVAL;
				break;
			}
			nr_num++;
		}
	}
	free(copy);
	return err;
}

/*
 * Nodes, their child arrays and the chains come from one arena: a report
 * makes millions of them and frees them all at once, and malloc per node
 * cost more than the rest of the tree work together. Blocks are mapped
 * straight from the kernel, 2 MB aligned and marked for huge pages: the
 * page faults of 4 KB pages were a third of a callchain report's time in
 * a VM. Mapped memory comes zeroed and is never reused, so arena__zalloc()
 * needs no memset.
 */
#define ARENA_ALIGN	(2UL << 20)

struct chain_arena {
	struct chain_arena *next;
	size_t used, size;	/* @size: of the whole mapping */
	char data[];
};

static struct chain_arena *arena;

static struct chain_arena *arena__map(size_t size)
{
	char *p = mmap(NULL, size + ARENA_ALIGN, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *a;

	if (p == MAP_FAILED)
		return NULL;
	a = (char *)(((uintptr_t)p + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1));
	if (a > p)
		munmap(p, (size_t)(a - p));
	if (a + size < p + size + ARENA_ALIGN)
		munmap(a + size, (size_t)(p + size + ARENA_ALIGN - (a + size)));
	/* Only advice: without transparent huge pages the block still works. */
	madvise(a, size, MADV_HUGEPAGE);
	return (struct chain_arena *)a;
}

/* @n zeroed bytes (see above), 8-byte aligned. */
static void *arena__zalloc(size_t n)
{
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (!arena || arena->size - sizeof(*arena) - arena->used < n) {
		size_t size = (n + sizeof(*arena) + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
		struct chain_arena *a = arena__map(size);

		if (!a)
			return NULL;
		a->next = arena;
		a->used = 0;
		a->size = size;
		arena = a;
	}
	p = arena->data + arena->used;
	arena->used += n;
	return p;
}

static struct callchain_chain **chain_table;
static size_t chain_table_size, nr_chains;

/*
 * The distinct frames: @frame_tab[id], found by an open-addressing index
 * holding id + 1 (0: empty) at twice the count or more.
 */
static struct callchain_frame *frame_tab;
static uint32_t nr_frames, frame_tab_alloc;
static uint32_t *frame_index;
static size_t frame_index_size;
/* Scratch of callchain__intern() and callchain_refs__tree(). */
static uint32_t *id_buf;
static struct callchain_frame *frame_buf;
static size_t id_buf_alloc, frame_buf_alloc;

static uint64_t frame__hash(const struct callchain_frame *f)
{
	uint64_t h = f->ip * 0x9e3779b97f4a7c15ULL;

	h ^= ((uintptr_t)f->sym >> 4) * 0xc2b2ae3d27d4eb4fULL;
	h ^= ((uintptr_t)f->dso >> 4) * 0x165667b19e3779f9ULL;
	return h ^ (h >> 29);
}

static bool frame__equal(const struct callchain_frame *a, const struct callchain_frame *b)
{
	return a->ip == b->ip && a->sym == b->sym && a->dso == b->dso;
}

static int frame_index__grow(void)
{
	size_t n = frame_index_size ? frame_index_size * 2 : 4096, i, mask = n - 1;
	uint32_t *t = calloc(n, sizeof(*t)), id;

	if (!t)
		return -ENOMEM;
	for (id = 0; id < nr_frames; id++) {
		for (i = frame__hash(&frame_tab[id]) & mask; t[i]; i = (i + 1) & mask)
			;
		t[i] = id + 1;
	}
	free(frame_index);
	frame_index = t;
	frame_index_size = n;
	return 0;
}

/* The number of @f in the frame table, added when new; -ENOMEM. */
static int64_t frame__id(const struct callchain_frame *f)
{
	size_t i, mask;

	if ((size_t)nr_frames * 2 >= frame_index_size && frame_index__grow())
		return -ENOMEM;
	mask = frame_index_size - 1;
	for (i = frame__hash(f) & mask; frame_index[i]; i = (i + 1) & mask)
		if (frame__equal(&frame_tab[frame_index[i] - 1], f))
			return frame_index[i] - 1;
	if (nr_frames == UINT32_MAX - 1)
		return -ENOMEM;
	if (nr_frames == frame_tab_alloc) {
		uint32_t n = frame_tab_alloc ? frame_tab_alloc * 2 : 1024;
		struct callchain_frame *t = realloc(frame_tab, n * sizeof(*t));

		if (!t)
			return -ENOMEM;
		frame_tab = t;
		frame_tab_alloc = n;
	}
	frame_tab[nr_frames] = *f;
	frame_index[i] = ++nr_frames;
	return nr_frames - 1;
}

static int scratch__reserve(void **buf, size_t *alloc, size_t nr, size_t size)
{
	void *p;

	if (nr <= *alloc)
		return 0;
	p = realloc(*buf, nr * size);
	if (!p)
		return -ENOMEM;
	*buf = p;
	*alloc = nr;
	return 0;
}

static uint32_t chain__hash(const uint32_t *ids, int nr)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	int i;

	for (i = 0; i < nr; i++) {
		h ^= ids[i];
		h *= 0x100000001b3ULL;
		h ^= h >> 29;
	}
	h ^= (uint64_t)nr;
	return (uint32_t)(h ^ (h >> 32));
}

/*
 * Sharing pays when chains repeat (a hot loop); when nearly every sample
 * has a chain of its own (deep, varied stacks), the table lookup is a
 * cache miss per sample that saves nothing: after each window of
 * lookups that found less than one in eight, chains are stored unshared.
 * Equal chains stored twice give the same tree.
 */
#define INTERN_WINDOW	65536
static uint64_t intern_lookups, intern_hits;
static bool intern_off;

static struct callchain_chain *chain__new(const uint32_t *ids, int nr, uint32_t h)
{
	struct callchain_chain *c = arena__zalloc(sizeof(*c) + (size_t)nr * sizeof(*ids));

	if (!c)
		return NULL;
	c->hash = h;
	c->nr = (uint32_t)nr;
	memcpy(c->ids, ids, (size_t)nr * sizeof(*ids));
	return c;
}

const struct callchain_chain *callchain__intern(const struct callchain_frame *frames, int nr)
{
	struct callchain_chain *c;
	uint32_t h;
	int i;

	if (nr < 0 || scratch__reserve((void **)&id_buf, &id_buf_alloc, (size_t)nr + 1,
				       sizeof(*id_buf)))
		return NULL;
	for (i = 0; i < nr; i++) {
		int64_t id = frame__id(&frames[i]);

		if (id < 0)
			return NULL;
		id_buf[i] = (uint32_t)id;
	}
	h = chain__hash(id_buf, nr);
	if (intern_off)
		return chain__new(id_buf, nr, h);
	if (++intern_lookups == INTERN_WINDOW) {
		intern_off = intern_hits < INTERN_WINDOW / 8;
		intern_lookups = intern_hits = 0;
	}
	if (nr_chains >= chain_table_size / 2) {
		size_t n = chain_table_size ? chain_table_size * 2 : 4096, j;
		struct callchain_chain **t = calloc(n, sizeof(*t));

		if (!t)
			return NULL;
		for (j = 0; j < chain_table_size; j++) {
			struct callchain_chain *next;

			for (c = chain_table[j]; c; c = next) {
				next = c->next;
				c->next = t[c->hash & (n - 1)];
				t[c->hash & (n - 1)] = c;
			}
		}
		free(chain_table);
		chain_table = t;
		chain_table_size = n;
	}
	for (c = chain_table[h & (chain_table_size - 1)]; c; c = c->next)
		if (c->hash == h && c->nr == (uint32_t)nr &&
		    !memcmp(c->ids, id_buf, (size_t)nr * sizeof(*id_buf))) {
			intern_hits++;
			return c;
		}
	c = chain__new(id_buf, nr, h);
	if (!c)
		return NULL;
	c->next = chain_table[h & (chain_table_size - 1)];
	chain_table[h & (chain_table_size - 1)] = c;
	nr_chains++;
	return c;
}

int callchain_refs__add(struct callchain_refs *refs, const struct callchain_chain *chain,
			uint64_t period)
{
	struct callchain_ref_block *b = refs->last;
	struct callchain_ref *r;

	/* Repeats of the last chain (a hot loop) fold into one note. */
	if (b && b->nr && b->refs[b->nr - 1].chain == chain) {
		r = &b->refs[b->nr - 1];
		r->period += period;
		r->count++;
		return 0;
	}
	if (!b || b->nr == b->alloc) {
		/* 4, 8, ... 1024 notes a block: small for the many cold entries. */
		uint32_t n = b ? (b->alloc < 1024 ? b->alloc * 2 : 1024) : 4;
		struct callchain_ref_block *nb = arena__zalloc(sizeof(*nb) + n * sizeof(*nb->refs));

		if (!nb)
			return -ENOMEM;
		nb->alloc = n;
		if (b)
			b->next = nb;
		else
			refs->first = nb;
		refs->last = b = nb;
	}
	r = &b->refs[b->nr++];
	r->chain = chain;
	r->period = period;
	r->count = 1;
	refs->nr++;
	return 0;
}

struct callchain_node *callchain_refs__tree(const struct callchain_refs *refs)
{
	struct callchain_node *root = callchain__new_root();
	const struct callchain_ref_block *b;
	uint32_t i;

	for (b = refs->first; root && b; b = b->next) {
		for (i = 0; i < b->nr; i++) {
			const struct callchain_chain *c = b->refs[i].chain;
			uint32_t j;

			if (scratch__reserve((void **)&frame_buf, &frame_buf_alloc, c->nr + 1,
					     sizeof(*frame_buf)))
				return NULL;
			for (j = 0; j < c->nr; j++)
				frame_buf[j] = frame_tab[c->ids[j]];
			if (callchain__append_n(root, frame_buf, (int)c->nr, b->refs[i].period,
						b->refs[i].count))
				return NULL;
		}
	}
	return root;
}

void callchain_refs__exit(struct callchain_refs *refs)
{
	/* The blocks are the arena's: callchain__free_all() releases them. */
	refs->first = refs->last = NULL;
	refs->nr = 0;
}

/*
 * Made-up symbols of inline levels, found by (base symbol, name): a
 * report asks once per frame, so the lookup must not allocate.
 */
struct inline_sym {
	struct inline_sym *next;
	const struct symbol *base;
	uint64_t hash;
	struct symbol sym;	/* last: its name follows */
};

static struct inline_sym **inline_table;
static size_t inline_table_size, nr_inline_syms;

static uint64_t inline_sym__hash(const struct symbol *base, const char *name)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ ((uintptr_t)base >> 4);

	for (; *name; name++) {
		h ^= (unsigned char)*name;
		h *= 0x100000001b3ULL;
	}
	return h;
}

struct symbol *callchain__inline_sym(struct symbol *base, const char *name)
{
	uint64_t h;
	struct inline_sym *is;
	size_t len;

	if (!strcmp(name, base->name))
		return base;
	h = inline_sym__hash(base, name);
	if (nr_inline_syms >= inline_table_size / 2) {
		size_t n = inline_table_size ? inline_table_size * 2 : 256, i;
		struct inline_sym **t = calloc(n, sizeof(*t));

		if (!t)
			return NULL;
		for (i = 0; i < inline_table_size; i++) {
			struct inline_sym *next;

			for (is = inline_table[i]; is; is = next) {
				next = is->next;
				is->next = t[is->hash & (n - 1)];
				t[is->hash & (n - 1)] = is;
			}
		}
		free(inline_table);
		inline_table = t;
		inline_table_size = n;
	}
	for (is = inline_table[h & (inline_table_size - 1)]; is; is = is->next)
		if (is->hash == h && is->base == base && !strcmp(is->sym.name, name))
			return &is->sym;
	len = strlen(name);
	is = arena__zalloc(sizeof(*is) + len + 1);
	if (!is)
		return NULL;
	is->base = base;
	is->hash = h;
	is->sym.start = base->start;
	is->sym.end = base->end;
	is->sym.binding = base->binding;
	is->sym.type = base->type;
	is->sym.inlined = true;
	memcpy(is->sym.name, name, len + 1);
	is->next = inline_table[h & (inline_table_size - 1)];
	inline_table[h & (inline_table_size - 1)] = is;
	nr_inline_syms++;
	return &is->sym;
}

const struct callchain_frame *callchain__keep_frames(const struct callchain_frame *frames, int nr)
{
	struct callchain_frame *copy = arena__zalloc((size_t)nr * sizeof(*copy));

	if (copy)
		memcpy(copy, frames, (size_t)nr * sizeof(*copy));
	return copy;
}

void callchain__free_all(void)
{
	free(inline_table);
	inline_table = NULL;
	inline_table_size = nr_inline_syms = 0;
	free(chain_table);
	chain_table = NULL;
	chain_table_size = nr_chains = 0;
	intern_lookups = intern_hits = 0;
	intern_off = false;
	free(frame_tab);
	free(frame_index);
	free(id_buf);
	free(frame_buf);
	frame_tab = NULL;
	frame_index = NULL;
	id_buf = NULL;
	frame_buf = NULL;
	nr_frames = frame_tab_alloc = 0;
	frame_index_size = id_buf_alloc = frame_buf_alloc = 0;
	while (arena) {
		struct chain_arena *next = arena->next;

		munmap(arena, arena->size);
		arena = next;
	}
}

struct callchain_node *callchain__new_root(void)
{
	return arena__zalloc(sizeof(struct callchain_node));
}

void callchain__delete(struct callchain_node *root)
{
	/* The arena owns the memory: callchain__free_all() releases it. */
	(void)root;
}

int callchain_frame__cmp(const struct callchain_frame *a, const struct callchain_frame *b)
{
	uint64_t ka, kb;

	/* As the reference: an inline level matches by name alone, in any dso. */
	if (callchain_param.key == CCKEY_FUNCTION && a->sym && b->sym &&
	    (a->sym->inlined || b->sym->inlined) && a->sym != b->sym)
		return strcmp(a->sym->name, b->sym->name);
	if (a->dso != b->dso)
		return (uintptr_t)a->dso < (uintptr_t)b->dso ? -1 : 1;
	if (callchain_param.key == CCKEY_FUNCTION && a->sym && b->sym) {
		ka = a->sym->start;
		kb = b->sym->start;
	} else {
		ka = a->ip;
		kb = b->ip;
	}
	return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/* The child with @frame's key, created when missing; NULL on ENOMEM. */
static struct callchain_node *callchain_node__findnew(struct callchain_node *node,
						      const struct callchain_frame *frame)
{
	uint32_t lo = 0, hi = node->nr_children;
	struct callchain_node *child;

	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		int cmp = callchain_frame__cmp(frame, &node->child[mid]->frame);

		if (!cmp)
			return node->child[mid];
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	/*
	 * Inline levels compare by name, other frames by address: among
	 * siblings of both kinds that order is not transitive, so the
	 * search can miss a match (the reference's tree has the same
	 * problem, but finds its runs differently). Look at all of them.
	 */
	if (node->inlined_children || (frame->sym && frame->sym->inlined)) {
		uint32_t i;

		for (i = 0; i < node->nr_children; i++)
			if (!callchain_frame__cmp(frame, &node->child[i]->frame))
				return node->child[i];
	}
	if (node->nr_children == node->alloc_children) {
		uint32_t n = node->alloc_children ? node->alloc_children * 2 : 1;
		struct callchain_node **c = arena__zalloc(n * sizeof(*c));

		if (!c)
			return NULL;
		if (node->nr_children)
			memcpy(c, node->child, node->nr_children * sizeof(*c));
		node->child = c;
		node->alloc_children = n;
	}
	child = arena__zalloc(sizeof(*child));
	if (!child)
		return NULL;
	child->frame = *frame;
	child->parent = node;
	child->depth = node->depth + 1;
	memmove(&node->child[lo + 1], &node->child[lo],
		(node->nr_children - lo) * sizeof(*node->child));
	node->child[lo] = child;
	node->nr_children++;
	if (frame->sym && frame->sym->inlined)
		node->inlined_children = true;
	return child;
}

int callchain__append_n(struct callchain_node *root, const struct callchain_frame *frames,
			int nr, uint64_t period, uint32_t count)
{
	struct callchain_node *node = root;
	int i;

	for (i = 0; i < nr; i++) {
		node->children_hit += period;
		node->children_count += count;
		node = callchain_node__findnew(node, &frames[i]);
		if (!node)
			return -ENOMEM;
	}
	node->hit += period;
	node->count += count;
	return 0;
}

int callchain__append(struct callchain_node *root, const struct callchain_frame *frames,
		      int nr, uint64_t period)
{
	return callchain__append_n(root, frames, nr, period, 1);
}

int callchain__merge(struct callchain_node *dst, const struct callchain_node *src)
{
	uint32_t i;

	dst->hit += src->hit;
	dst->count += src->count;
	dst->children_hit += src->children_hit;
	dst->children_count += src->children_count;
	for (i = 0; i < src->nr_children; i++) {
		struct callchain_node *c = callchain_node__findnew(dst, &src->child[i]->frame);

		if (!c || callchain__merge(c, src->child[i]))
			return -ENOMEM;
	}
	return 0;
}

struct node_rank {
	uint64_t cumul;
	uint32_t pos;
	struct callchain_node *node;
};

/* Larger first; equal ones keep tree order. */
static int node_rank__cmp(const void *pa, const void *pb)
{
	const struct node_rank *a = pa, *b = pb;

	if (a->cumul != b->cumul)
		return a->cumul > b->cumul ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* Sort @v[0..n) by cumulative hits (or own hits with @self), stably. */
static int nodes__sort(struct callchain_node **v, uint32_t n, bool self)
{
	struct node_rank *r;
	uint32_t i;

	if (n < 2)
		return 0;
	r = malloc(n * sizeof(*r));
	if (!r)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		r[i].cumul = self ? v[i]->hit : callchain_node__cumul_hits(v[i]);
		r[i].pos = i;
		r[i].node = v[i];
	}
	qsort(r, n, sizeof(*r), node_rank__cmp);
	for (i = 0; i < n; i++)
		v[i] = r[i].node;
	free(r);
	return 0;
}

static int callchain__sort_node(struct callchain_node *node, enum chain_mode mode,
				uint64_t min_hit, double min_percent)
{
	uint32_t i, n = 0;

	if (mode == CHAIN_GRAPH_REL)
		min_hit = (uint64_t)((double)node->children_hit * min_percent / 100.0);
	node->nr_sorted = 0;
	if (!node->nr_children)
		return 0;
	if (!node->sorted)
		node->sorted = arena__zalloc(node->nr_children * sizeof(*node->sorted));
	if (!node->sorted)
		return -ENOMEM;
	/*
	 * The reference walks children from the largest key down, and keeps
	 * that order among equal periods.
	 */
	for (i = node->nr_children; i-- > 0;) {
		struct callchain_node *c = node->child[i];

		if (callchain__sort_node(c, mode, min_hit, min_percent))
			return -ENOMEM;
		if (callchain_node__cumul_hits(c) >= min_hit)
			node->sorted[n++] = c;
	}
	node->nr_sorted = n;
	return nodes__sort(node->sorted, n, false);
}

int callchain__sort(struct callchain_node *root, enum chain_mode mode, uint64_t min_hit,
		    double min_percent)
{
	return callchain__sort_node(root, mode, min_hit, min_percent);
}

struct flat_list {
	struct callchain_node **v;
	uint32_t nr, alloc;
};

/* Post-order, as the reference inserts them. */
static int flat_list__collect(struct flat_list *fl, struct callchain_node *node, uint64_t min_hit)
{
	uint32_t i;

	for (i = node->nr_children; i-- > 0;)
		if (flat_list__collect(fl, node->child[i], min_hit))
			return -ENOMEM;
	if (node->hit && node->hit >= min_hit) {
		if (fl->nr == fl->alloc) {
			uint32_t n = fl->alloc ? fl->alloc * 2 : 16;
			struct callchain_node **v = realloc(fl->v, n * sizeof(*v));

			if (!v)
				return -ENOMEM;
			fl->v = v;
			fl->alloc = n;
		}
		fl->v[fl->nr++] = node;
	}
	return 0;
}

int callchain__flat_list(struct callchain_node *root, uint64_t min_hit,
			 struct callchain_node ***list)
{
	struct flat_list fl = { NULL, 0, 0 };

	if (flat_list__collect(&fl, root, min_hit) || nodes__sort(fl.v, fl.nr, true)) {
		free(fl.v);
		return -ENOMEM;
	}
	*list = fl.v;
	return (int)fl.nr;
}
