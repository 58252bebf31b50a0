package maze.heap.mimalloc.pages;

import maze.heap.FieldReader;
import maze.heap.mimalloc.FreeListCodec;
import maze.heap.mimalloc.Page;

/**
 * Reads one mimalloc 3.x page header into a {@link Page}, or null when the header is not
 * consistent (a stale page-map entry over reused memory) or the page has nothing in use (used 0:
 * a freed page whose map entries 3.0.1 did not clear reads exactly like this).
 */
final class PageHeaders {
    /**
     * Blocks start within the page's first slices, aligned huge pages further in, and from 3.3 a
     * separate page struct sits at its arena's start: page_woffset (32-bit, in words) bounds that.
     */
    private static final long MAX_START_OFFSET = 1L << 35;

    private final FieldReader mem;
    private final V3Layout l;
    int inconsistent;

    PageHeaders(FieldReader mem, V3Layout l) {
        this.mem = mem;
        this.l = l;
    }

    Page read(long p) {
        long bsize = mem.field(p, l.blockSize());
        int capacity = (int) mem.field(p, l.capacity());
        int reserved = (int) mem.field(p, l.reserved());
        long used = mem.field(p, l.used());
        long start = firstBlock(p);
        if (bsize == 0 && used == 0) {
            return null; // freed metadata (3.3+ clears block_size)
        }
        boolean ok = bsize > 0 && bsize < (1L << 40) && capacity > 0 && capacity <= reserved && used <= capacity
                && start - p >= 0 && start - p < MAX_START_OFFSET; // 3.6 slot metadata sits below its blocks too
        if (!ok) {
            inconsistent++;
            return null;
        }
        if (used == 0) {
            return null;
        }
        return new Page(0, p, 0, start, bsize, capacity, reserved, used, mem.field(p, l.free()),
                mem.field(p, l.localFree()), mem.field(p, l.threadFree()), 0, FreeListCodec.of(mem, p, l.keys()));
    }

    /** Where the blocks of the page whose struct is at {@code p} start. */
    long firstBlock(long p) {
        return l.pageStart() != null ? mem.field(p, l.pageStart()) : p + mem.field(p, l.startOffset()) * l.startScale();
    }

    /** 3.x owner field: thread id | flags (1 full, 2 aligned, 4 abandoned-mapped); no thread = abandoned. */
    boolean abandoned(Page p) {
        return (mem.field(p.meta(), l.threadId()) & ~7L) == 0;
    }

}
