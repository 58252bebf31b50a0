package maze.heap.mimalloc.segments;

import maze.heap.FieldReader;
import maze.heap.mimalloc.FreeListCodec;
import maze.heap.mimalloc.Page;
import java.util.function.Consumer;

/**
 * Reads the pages of one mimalloc 2.x segment: the slice entries from segment_info_slices on,
 * stepping by each span's slice_count. An in-use page has slice_offset 0, a slice_count and a block
 * size above 1 (free spans have 0, interior and cleared slices 1).
 */
final class V2Slices {
    static final int SEGMENT_SHIFT = 25;
    static final long SEGMENT_SIZE = 1L << SEGMENT_SHIFT;
    static final long SLICE_SIZE = 1L << 16;
    static final int MAX_SLICES = 512;
    /** xblock_size at or above 2 GiB means "the whole page": a huge block. */
    private static final long HUGE_BLOCK_SIZE = 1L << 31;
    /** 2.0.x starts pages of blocks of 8..1024 bytes 3 * MI_MAX_ALIGN_GUARANTEE in, against cache effects. */
    private static final long SMALL_START_OFFSET = 3 * 128;

    private final FieldReader mem;
    private final V2Layout l;

    V2Slices(FieldReader mem, V2Layout l) {
        this.mem = mem;
        this.l = l;
    }

    long slices(long seg) {
        return mem.field(seg, l.segSlices());
    }

    long infoSlices(long seg) {
        return mem.field(seg, l.segInfoSlices());
    }

    long entries(long seg) {
        return mem.field(seg, l.segSliceEntries());
    }

    long threadId(long seg) {
        return mem.field(seg, l.segThreadId());
    }

    /** A huge segment holds one block bigger than a normal segment can (its own OS allocation). */
    boolean huge(long seg) {
        return mem.field(seg, l.segKind()) == 1;
    }

    /** Bytes the segment spans (huge segments exceed 32 MiB). */
    long size(long seg) {
        return slices(seg) * SLICE_SIZE;
    }

    /** Calls {@code action} for each in-use page, in address order; returns how many slice entries were bad. */
    int pages(long seg, Consumer<Page> action) {
        long entries = Math.min(entries(seg), MAX_SLICES);
        long idx = infoSlices(seg);
        int bad = 0;
        while (idx < entries) {
            long meta = seg + l.segSlicesArray() + idx * l.pageSize();
            long count = mem.field(meta, l.pageSliceCount());
            // a count that would not move forward, or would step past the segment's slices, is corrupt
            // (a huge page may reach past the entries, never past the slices)
            if (count <= 0 || count > slices(seg) - idx || mem.field(meta, l.pageSliceOffset()) != 0) {
                bad++;
                idx++;
                continue;
            }
            long xbs = mem.field(meta, l.pageBlockSize());
            if (xbs <= 1 && mem.field(meta, l.pageUsed()) != 0) {
                bad++; // a free span (or a cleared page) has no used blocks
            } else if (xbs > 1) {
                Page p = page(seg, meta, (int) idx, count, xbs);
                if (p != null && insideSpan(seg, idx, count, p)) {
                    action.accept(p);
                } else if (p != null || mem.field(meta, l.pageUsed()) != 0) { // used blocks but no capacity
                    bad++;
                }
            }
            idx += count;
        }
        return bad;
    }

    /** A page's blocks stay inside its own slices: a block size or capacity that reaches past them is corrupt. */
    private static boolean insideSpan(long seg, long idx, long count, Page p) {
        long limit = seg + (idx + count) * SLICE_SIZE;
        return p.blockSize() > 0 && p.blockSize() <= (limit - p.start()) / Math.max(1, p.capacity());
    }

    private Page page(long seg, long meta, int idx, long sliceCount, long xbs) {
        long offset = xbs >= 8 && xbs <= 1024 ? SMALL_START_OFFSET : 0; // 2.0.x; 2.1.4+ records page_start
        long start = l.pageStart() != null ? mem.field(meta, l.pageStart()) : seg + idx * SLICE_SIZE + offset;
        long bsize = !l.blockSizeSentinel() || xbs < HUGE_BLOCK_SIZE ? xbs : sliceCount * SLICE_SIZE - offset;
        int capacity = (int) mem.field(meta, l.pageCapacity());
        if (capacity == 0) {
            return null;
        }
        return new Page(seg, meta, idx, start, bsize, capacity, (int) mem.field(meta, l.pageReserved()),
                mem.field(meta, l.pageUsed()), mem.field(meta, l.pageFree()), mem.field(meta, l.pageLocalFree()),
                mem.field(meta, l.pageThreadFree()), mem.field(meta, l.pageHeap()),
                FreeListCodec.of(mem, meta, l.pageKeys()));
    }

}
