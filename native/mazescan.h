/*
 * mazescan: the C helper of maze. Maps an ELF core read-only and scans its bytes in bulk.
 *
 * The surface is deliberately tiny and plain (no structs by value, only integers, arrays and one
 * opaque handle) so the Java binding stays trivial. Every access is checked against the real size
 * of the file: a truncated core yields MAZE_ERR_TRUNCATED, never a SIGBUS. The size is checked
 * again (fstat) before each read and scan; a file cut while a scan is running can still fault,
 * since catching SIGBUS inside a JVM's threads is not ours to do.
 *
 * Scans take segments as a flat array of triples {vaddr, file offset, byte count}, sorted by vaddr;
 * only those bytes are read. Hits come back in increasing address order as parallel arrays
 * (address, the 64-bit word found there). When the caller's arrays are full the scan stops and
 * returns MAZE_OVERFLOW with the address to resume from (rescan the segments from that address).
 */
#ifndef MAZESCAN_H
#define MAZESCAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MAZE_ABI_VERSION 4

enum maze_status {
    MAZE_OK = 0,
    MAZE_OVERFLOW = 1,         /* output arrays full: resume from out[MAZE_OUT_RESUME] */
    MAZE_ERR_ARGUMENT = -1,    /* a null pointer, zero stride, unsorted or overlapping input */
    MAZE_ERR_OPEN = -2,        /* open/fstat/mmap failed: errno in status[1] */
    MAZE_ERR_RANGE = -3,       /* a read or segment lies outside the file as it was opened */
    MAZE_ERR_TRUNCATED = -4,   /* the file is now shorter than a read or segment needs */
    MAZE_ERR_RESOURCES = -5    /* out of memory or could not start a thread */
};

/* Indices into the out[3] array every scan fills. */
enum maze_scan_out {
    MAZE_OUT_COUNT = 0,        /* hits written */
    MAZE_OUT_RESUME = 1,       /* on MAZE_OVERFLOW: the first address not reported */
    MAZE_OUT_BAD_SEGMENT = 2   /* on an error about a segment: its index, else -1 */
};

/* Predicate flags of maze_scan_header; both set means both must hold. */
#define MAZE_PRED_MASK 1u      /* (word & mask) == value */
#define MAZE_PRED_RANGE 2u     /* lo <= word <= hi, unsigned */

/* The library is built with hidden visibility: only these functions are its ABI. */
#define MAZE_API __attribute__((visibility("default")))

typedef struct maze_core maze_core;

MAZE_API int maze_abi_version(void);

/* Opens path and maps its bytes [from, to) (from rounded down to a page, to at most the file): a
 * core's segment bytes only, once, for the scans and for the Java reads (maze_map_base). Bytes past
 * the last segment are never read, and mapping them could exceed the address-space limit.
 * On failure returns NULL, status[0] = a maze_status, status[1] = errno. */
MAZE_API maze_core *maze_open(const char *path, uint64_t from, uint64_t to, int32_t status[2]);

MAZE_API void maze_close(maze_core *core);

/* The end of what is mapped: the size of the file when it was opened, at most to. */
MAZE_API uint64_t maze_file_size(const maze_core *core);

/* The first file offset mapped: from, rounded down to a page (at most maze_file_size). */
MAZE_API uint64_t maze_map_origin(const maze_core *core);

/* The mapped byte at file offset maze_map_origin, or NULL when nothing is mapped. Read-only; valid
 * until maze_close. */
MAZE_API const void *maze_map_base(const maze_core *core);

/* Copies len bytes at file offset into buf. */
MAZE_API int maze_read(maze_core *core, uint64_t offset, void *buf, uint64_t len);

/* Every 8-aligned address whose word equals value. */
MAZE_API int maze_scan_value(maze_core *core, const uint64_t *segs, int32_t nsegs, uint64_t value,
                    int32_t threads, uint64_t *addrs, uint64_t *words, uint64_t cap, int64_t out[3]);

/*
 * Every address a that is a multiple of stride, such that the word at a + field_offset (inside
 * the same segment) passes the predicate pred = {flags, mask, value, lo, hi}. Reports a and
 * that word.
 */
MAZE_API int maze_scan_header(maze_core *core, const uint64_t *segs, int32_t nsegs, uint64_t stride,
                     int64_t field_offset, const uint64_t pred[5], int32_t threads,
                     uint64_t *addrs, uint64_t *words, uint64_t cap, int64_t out[3]);

/*
 * Every 8-aligned word whose value lies in one of the half-open ranges {lo, hi} (a flat array of
 * nranges pairs, sorted, not overlapping): a pointer scan.
 */
MAZE_API int maze_scan_ranges(maze_core *core, const uint64_t *segs, int32_t nsegs, const uint64_t *ranges,
                     int32_t nranges, int32_t threads, uint64_t *addrs, uint64_t *words,
                     uint64_t cap, int64_t out[3]);

#ifdef __cplusplus
}
#endif

#endif
