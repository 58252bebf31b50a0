/* Internal: runs a per-chunk scanner over many segments on several threads, in address order. */
#ifndef MAZE_SCAN_ENGINE_H
#define MAZE_SCAN_ENGINE_H

#include <stddef.h>
#include <stdint.h>
#include "core_file.h"

/* One segment as the caller passed it: bytes [offset, offset + size) of the file sit at vaddr. */
struct maze_seg {
    uint64_t vaddr;
    uint64_t offset;
    uint64_t size;
};

/* The piece of one segment a scanner looks at: candidate addresses in [from, to). */
struct maze_piece {
    const uint8_t *seg_bytes;  /* the segment's first byte in the mapping */
    uint64_t seg_vaddr;
    uint64_t seg_size;
    uint64_t from;
    uint64_t to;
};

/*
 * Writes the hits of one piece, in address order, and returns how many. It may write at most
 * max_hits (the engine sizes its buffers from hits_per_byte_divisor).
 */
typedef size_t (*maze_piece_scanner)(const void *query, const struct maze_piece *piece,
                                     uint64_t *addrs, uint64_t *words);

struct maze_scan_request {
    maze_core *core;
    const struct maze_seg *segs;
    int32_t nsegs;
    maze_piece_scanner scanner;
    const void *query;
    uint64_t min_hit_spacing;  /* two hits are at least this many bytes apart */
    int32_t threads;
    uint64_t *addrs;
    uint64_t *words;
    uint64_t cap;
    int64_t *out;
};

int maze_run_scan(const struct maze_scan_request *req);

/* Reads a possibly unaligned little-endian word: memcpy compiles to one load on x86-64. */
static inline uint64_t maze_word_at(const uint8_t *p)
{
    uint64_t w;
    __builtin_memcpy(&w, p, sizeof w);
    return w;
}

#endif
