/* SPDX-License-Identifier: GPL-2.0 */
/*
 * callchain: the tree of call stacks of one histogram entry, and the
 * parameters `perf report -g` sets for it.
 *
 * The tree keeps one node per frame (children in a small array, found by
 * their (dso, symbol start or address) key), so appending a chain costs
 * one lookup per frame and nothing is split or copied. The reference's
 * tree merges runs of frames into one node; a "run" here is a path of
 * nodes each with no own hits and exactly one child, which gives the
 * same shape when printed.
 *
 * Layer 4: depends on util/map, util/dso, util/symbol.
 */
#ifndef PERF_UTIL_CALLCHAIN_H
#define PERF_UTIL_CALLCHAIN_H

#include <stdbool.h>
#include <stdint.h>

struct map;
struct dso;
struct symbol;

enum chain_mode {
	CHAIN_NONE,
	CHAIN_FLAT,
	CHAIN_GRAPH_ABS,
	CHAIN_GRAPH_REL,
	CHAIN_FOLDED,
};

enum chain_order {
	ORDER_CALLER,
	ORDER_CALLEE,
};

enum chain_value {
	CCVAL_PERCENT,
	CCVAL_PERIOD,
	CCVAL_COUNT,
};

enum chain_key {
	CCKEY_FUNCTION,
	CCKEY_ADDRESS,
};

/**
 * struct callchain_param - -g and report.* settings
 * @min_percent: threshold, in percent
 * @print_limit: nodes printed per level at most (0: no limit)
 */
struct callchain_param {
	enum chain_mode mode;
	enum chain_order order;
	enum chain_value value;
	enum chain_key key;
	double min_percent;
	uint32_t print_limit;
	bool order_set;
};

extern struct callchain_param callchain_param;

/*
 * Parse a -g argument ("graph,0.5,caller,function,percent" in any
 * order). Returns 0 or -EINVAL.
 */
int callchain_param__parse(struct callchain_param *param, const char *arg);

/**
 * struct callchain_frame - one resolved frame of a sample's stack
 * @ip: the raw address (printed for frames without a symbol)
 */
struct callchain_frame {
	uint64_t ip;
	struct dso *dso;
	struct symbol *sym;
};

/**
 * struct callchain_node - one frame in the tree
 * @hit:          period of chains ending here
 * @children_hit: period of chains going on below
 * @count, @children_count: the same in samples
 * @child:        children, @nr_children of them
 * @sorted:       after callchain__sort(): the children over the threshold,
 *                largest first; @nr_sorted of them
 * @inlined_children: some child is an inline level (see callchain__inline_sym())
 */
struct callchain_node {
	struct callchain_frame frame;
	struct callchain_node *parent;
	uint64_t hit;
	uint64_t children_hit;
	uint32_t count;
	uint32_t children_count;
	struct callchain_node **child;
	uint32_t nr_children;
	uint32_t alloc_children;
	struct callchain_node **sorted;
	uint32_t nr_sorted;
	uint32_t depth;
	bool inlined_children;
};

static inline uint64_t callchain_node__cumul_hits(const struct callchain_node *node)
{
	return node->hit + node->children_hit;
}

static inline uint32_t callchain_node__cumul_count(const struct callchain_node *node)
{
	return node->count + node->children_count;
}

/*
 * A root (no frame), zeroed. NULL on ENOMEM. Trees live in an arena of
 * this module: callchain__delete() is a no-op kept for symmetry, and
 * callchain__free_all() releases every tree at once.
 */
struct callchain_node *callchain__new_root(void);
void callchain__delete(struct callchain_node *root);
void callchain__free_all(void);

/*
 * Add the chain @frames[0..@nr) (in the order it is to be shown) with
 * @period. 0 or -ENOMEM.
 */
int callchain__append(struct callchain_node *root, const struct callchain_frame *frames,
		      int nr, uint64_t period);

/* The same for @count samples at once. */
int callchain__append_n(struct callchain_node *root, const struct callchain_frame *frames,
			int nr, uint64_t period, uint32_t count);

/*
 * Add every chain of @src into @dst (the same entry seen twice).
 * 0 or -ENOMEM.
 */
int callchain__merge(struct callchain_node *dst, const struct callchain_node *src);

/*
 * Order the children of every node by cumulative period, keeping those
 * at or above the threshold: for graph mode @min_hit; for fractal mode
 * the given percent of each parent's children. Flat and folded output
 * use callchain__flat_list().
 */
int callchain__sort(struct callchain_node *root, enum chain_mode mode, uint64_t min_hit,
		    double min_percent);

/*
 * The nodes where chains end with at least @min_hit own hits, largest
 * first (ties in tree order), for flat and folded output. Returns the
 * number (*@list allocated; the caller frees) or -ENOMEM.
 */
int callchain__flat_list(struct callchain_node *root, uint64_t min_hit,
			 struct callchain_node ***list);

/**
 * struct callchain_chain - one distinct chain, stored once however many
 * samples have it (callchain__intern)
 * @ids: its frames as numbers in a table of distinct frames, 4 bytes
 *       each instead of 24: a profile has few distinct frames but a chain
 *       per sample, and the chains were most of a report's memory
 */
struct callchain_chain {
	struct callchain_chain *next;
	uint32_t hash;
	uint32_t nr;
	uint32_t ids[];
};

/*
 * A copy of @frames[0..@nr) that stays put until callchain__free_all()
 * (interned chains keep frame ids, not frames). NULL on ENOMEM.
 */
const struct callchain_frame *callchain__keep_frames(const struct callchain_frame *frames, int nr);

/* The stored copy of @frames[0..@nr). NULL on ENOMEM. Freed by callchain__free_all(). */
const struct callchain_chain *callchain__intern(const struct callchain_frame *frames, int nr);

/**
 * struct callchain_refs - the chains of one entry, with their periods,
 * turned into a tree only when the entry's graph is printed
 */
struct callchain_ref {
	const struct callchain_chain *chain;
	uint64_t period;
	uint32_t count;
};

/*
 * Notes come in blocks of growing size from the chains' arena: no copy
 * when an entry gets more, and nothing to free one by one.
 */
struct callchain_ref_block {
	struct callchain_ref_block *next;
	uint32_t nr, alloc;
	struct callchain_ref refs[];
};

/**
 * struct callchain_refs - the notes of one entry
 * @first, @last: its blocks, in the order the notes came
 * @nr:           notes in all blocks
 */
struct callchain_refs {
	struct callchain_ref_block *first, *last;
	uint32_t nr;
};

/* Note @chain with @period for later. 0 or -ENOMEM. */
int callchain_refs__add(struct callchain_refs *refs, const struct callchain_chain *chain,
			uint64_t period);
/* The tree of every chain noted (NULL on ENOMEM). */
struct callchain_node *callchain_refs__tree(const struct callchain_refs *refs);
void callchain_refs__exit(struct callchain_refs *refs);

/*
 * Orders frames as the reference's tree does: dso, then symbol start or
 * address; where an inline level (sym->inlined) is involved, by function
 * name alone, so the levels inlined at one address are told apart.
 */
int callchain_frame__cmp(const struct callchain_frame *a, const struct callchain_frame *b);

/*
 * The symbol standing for function @name inlined into @base: @base
 * itself when @name is its name, else a made-up symbol with @base's
 * range, @name and ->inlined set, the same one for every call with the
 * same pair. NULL on ENOMEM. Made-up symbols live until
 * callchain__free_all(); @name is copied.
 */
struct symbol *callchain__inline_sym(struct symbol *base, const char *name);

#endif /* PERF_UTIL_CALLCHAIN_H */
