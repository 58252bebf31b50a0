/* The three kinds of scan: one piece scanner each, and the public entry points around them. */
#include <stddef.h>

#include "scan_engine.h"

/* Words tested per block (two four-lane vectors): a block with no hit costs one branch. */
#define BLOCK_WORDS 8

struct value_query {
    uint64_t value;
};

struct range_query {
    const uint64_t *ranges;  /* nranges pairs {lo, hi}: half-open, sorted, disjoint */
    int32_t nranges;
    uint64_t min;            /* lowest lo: a cheap first test that rejects most words */
    uint64_t span;           /* highest hi - min */
};

struct header_query {
    uint64_t stride;
    int64_t field_offset;
    uint64_t flags, mask, value, lo, hi;
};

/* How many 8-aligned words start in [from, to) and end inside the segment; first in *first. */
static uint64_t aligned_words(const struct maze_piece *p, uint64_t *first)
{
    uint64_t seg_end = p->seg_vaddr + p->seg_size;
    *first = (p->from + 7) & ~(uint64_t)7;
    if (p->seg_size < 8)
        return 0;
    uint64_t limit = seg_end - 7 < p->to ? seg_end - 7 : p->to;
    return limit > *first ? (limit - *first + 7) / 8 : 0;
}

typedef uint64_t maze_v4 __attribute__((vector_size(32)));

/*
 * The index of the first block of BLOCK_WORDS words from i holding value, or the first index past
 * the last whole block. This is the hot loop of a value scan: written with vector types so it
 * compiles to four-lane compares, and cloned for AVX2 (picked at load time where the CPU has it)
 * because the x86-64 baseline lacks a 64-bit lane compare.
 */
__attribute__((target_clones("avx2", "default")))
static uint64_t skip_to_value(const uint8_t *b, uint64_t i, uint64_t n, uint64_t v)
{
    maze_v4 vv = {v, v, v, v};
    for (; i + BLOCK_WORDS <= n; i += BLOCK_WORDS) {
        maze_v4 x, y;
        __builtin_memcpy(&x, b + 8 * i, sizeof x);
        __builtin_memcpy(&y, b + 8 * i + sizeof x, sizeof y);
        maze_v4 e = (x == vv) | (y == vv);
        if (e[0] | e[1] | e[2] | e[3])
            break;
    }
    return i;
}

static size_t scan_value_piece(const void *query, const struct maze_piece *p, uint64_t *addrs,
                               uint64_t *words)
{
    uint64_t v = ((const struct value_query *)query)->value;
    uint64_t a;
    uint64_t n = aligned_words(p, &a);
    const uint8_t *b = p->seg_bytes + (a - p->seg_vaddr);
    size_t hits = 0;
    for (uint64_t i = skip_to_value(b, 0, n, v); i < n; i = skip_to_value(b, i, n, v)) {
        /* a block with a hit, or the tail: test its words one by one */
        uint64_t end = i + BLOCK_WORDS < n ? i + BLOCK_WORDS : n;
        for (; i < end; i++) {
            if (maze_word_at(b + 8 * i) == v) {
                addrs[hits] = a + 8 * i;
                words[hits++] = v;
            }
        }
    }
    return hits;
}

static int in_ranges(const struct range_query *q, uint64_t w)
{
    if (w - q->min >= q->span)
        return 0;
    int32_t lo = 0, hi = q->nranges - 1;
    while (lo < hi) {  /* the last range whose lo <= w */
        int32_t mid = lo + (hi - lo + 1) / 2;
        if (q->ranges[2 * mid] <= w)
            lo = mid;
        else
            hi = mid - 1;
    }
    return w >= q->ranges[2 * lo] && w < q->ranges[2 * lo + 1];
}

static size_t scan_ranges_piece(const void *query, const struct maze_piece *p, uint64_t *addrs,
                                uint64_t *words)
{
    const struct range_query *q = query;
    uint64_t a;
    uint64_t n = aligned_words(p, &a);
    const uint8_t *b = p->seg_bytes + (a - p->seg_vaddr);
    size_t hits = 0;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t w = maze_word_at(b + 8 * i);
        if (w - q->min < q->span && in_ranges(q, w)) {
            addrs[hits] = a + 8 * i;
            words[hits++] = w;
        }
    }
    return hits;
}

static int header_matches(const struct header_query *q, uint64_t w)
{
    if ((q->flags & MAZE_PRED_MASK) && (w & q->mask) != q->value)
        return 0;
    if ((q->flags & MAZE_PRED_RANGE) && (w < q->lo || w > q->hi))
        return 0;
    return 1;
}

static size_t scan_header_piece(const void *query, const struct maze_piece *p, uint64_t *addrs,
                                uint64_t *words)
{
    const struct header_query *q = query;
    uint64_t rem = p->from % q->stride;
    uint64_t seg_end = p->seg_vaddr + p->seg_size;
    size_t hits = 0;
    for (uint64_t a = rem ? p->from + (q->stride - rem) : p->from; a < p->to && a >= p->from;
         a += q->stride) {
        uint64_t field = a + (uint64_t)q->field_offset;
        /* the field must lie wholly in this segment; unsigned compares also catch wrap-around */
        if (field - p->seg_vaddr > p->seg_size || seg_end - field < 8)
            continue;
        uint64_t w = maze_word_at(p->seg_bytes + (field - p->seg_vaddr));
        if (header_matches(q, w)) {
            addrs[hits] = a;
            words[hits++] = w;
        }
    }
    return hits;
}

static int run(maze_core *core, const uint64_t *segs, int32_t nsegs, maze_piece_scanner scanner,
               const void *query, uint64_t spacing, int32_t threads, uint64_t *addrs,
               uint64_t *words, uint64_t cap, int64_t out[3])
{
    struct maze_scan_request req = {
        .core = core, .segs = (const struct maze_seg *)segs, .nsegs = nsegs,
        .scanner = scanner, .query = query, .min_hit_spacing = spacing, .threads = threads,
        .addrs = addrs, .words = words, .cap = cap, .out = out};
    if (out != NULL)
        out[MAZE_OUT_BAD_SEGMENT] = -1;
    return maze_run_scan(&req);
}

int maze_scan_value(maze_core *core, const uint64_t *segs, int32_t nsegs, uint64_t value,
                    int32_t threads, uint64_t *addrs, uint64_t *words, uint64_t cap, int64_t out[3])
{
    struct value_query q = {value};
    return run(core, segs, nsegs, scan_value_piece, &q, 8, threads, addrs, words, cap, out);
}

static int ranges_valid(const uint64_t *ranges, int32_t nranges)
{
    if (ranges == NULL || nranges < 1)
        return 0;
    for (int32_t i = 0; i < nranges; i++) {
        if (ranges[2 * i] >= ranges[2 * i + 1])
            return 0;
        if (i > 0 && ranges[2 * i] < ranges[2 * i - 1])
            return 0;
    }
    return 1;
}

int maze_scan_ranges(maze_core *core, const uint64_t *segs, int32_t nsegs, const uint64_t *ranges,
                     int32_t nranges, int32_t threads, uint64_t *addrs, uint64_t *words,
                     uint64_t cap, int64_t out[3])
{
    if (!ranges_valid(ranges, nranges))
        return MAZE_ERR_ARGUMENT;
    struct range_query q = {ranges, nranges, ranges[0], ranges[2 * nranges - 1] - ranges[0]};
    return run(core, segs, nsegs, scan_ranges_piece, &q, 8, threads, addrs, words, cap, out);
}

int maze_scan_header(maze_core *core, const uint64_t *segs, int32_t nsegs, uint64_t stride,
                     int64_t field_offset, const uint64_t pred[5], int32_t threads,
                     uint64_t *addrs, uint64_t *words, uint64_t cap, int64_t out[3])
{
    if (stride == 0 || pred == NULL)
        return MAZE_ERR_ARGUMENT;
    struct header_query q = {stride, field_offset, pred[0], pred[1], pred[2], pred[3], pred[4]};
    return run(core, segs, nsegs, scan_header_piece, &q, stride, threads, addrs, words, cap, out);
}
