package maze.heap.mimalloc.pages;

import maze.heap.FieldReader;
import java.util.function.LongUnaryOperator;
import maze.heap.LongArrays;

/**
 * The 3.0-3.4 two-level page map (x86-64, 47-bit addresses): _mi_page_map points at 2^18
 * sub-map pointers, each sub-map holds 8192 {@code mi_page_t*}, one per 64 KiB slice. Every slice
 * of a page points at the page struct; 3.0.1 leaves stale pointers when a page is unregistered, so
 * a page counts only where the entry for the slice of its first block points back at it. (Not the
 * slice of the struct itself: from 3.3 the struct may sit apart, at its arena's start.)
 */
final class PageMap {
    static final int SLICE_SHIFT = 16;
    static final int SUB_SHIFT = 13;
    static final int SUB_COUNT = 1 << SUB_SHIFT;
    static final int TOP_COUNT = 1 << (47 - SUB_SHIFT - SLICE_SHIFT);

    private final FieldReader mem;
    private final long top;
    private int subs;
    private final LongArrays misdirected = new LongArrays();
    private int implausible;
    private int outside;

    /** {@code top}: the value of _mi_page_map (the top-level array), 0 when unknown. */
    PageMap(FieldReader mem, long top) {
        this.mem = mem;
        this.top = top;
    }

    /** The page the map holds for address {@code p}, 0 if none (or p is beyond the map's 47 bits). */
    long pageOf(long p) {
        if ((p >>> (SUB_SHIFT + SLICE_SHIFT)) >= TOP_COUNT) {
            return 0;
        }
        long sub = mem.word(top + 8 * (p >>> (SUB_SHIFT + SLICE_SHIFT)), 0);
        return sub == 0 ? 0 : mem.word(sub + 8 * ((p >>> SLICE_SHIFT) & (SUB_COUNT - 1)), 0);
    }

    /** Every page the map points at from the slice of its first block ({@code firstBlock}), ascending. */
    long[] pages(LongUnaryOperator firstBlock) {
        LongArrays out = new LongArrays();
        if (top == 0) {
            return new long[0];
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < TOP_COUNT; i++) {
            long sub = mem.word(top + 8L * i, 0);
            if (sub != 0 && subMap(sub) && seen.add(sub)) {
                collect(sub, out);
            }
        }
        if (seen.size() < subs) {
            mem.warnings().add("mimalloc page map 0x%x: %d entries are not page-aligned sub-maps in the core; not walked",
                    top, subs - seen.size());
        }
        long[] candidates = out.sortedDistinct();
        LongArrays pages = new LongArrays();
        for (long p : candidates) {
            if ((p & 7) != 0) {
                implausible++; // no page struct can be there: the entry was damaged, and its page may be lost
            } else if (!mem.available(p, 8)) {
                outside++; // damaged, or stale: 3.0.1 keeps the entries of a freed (unmapped) OS page
            } else if (pageOf(firstBlock.applyAsLong(p)) == p) {
                pages.add(p);
            } else {
                misdirected.add(p);
            }
        }
        return pages.sortedDistinct();
    }

    /** Entries that point where no page struct can be (unaligned, or outside the core). */
    int implausible() {
        return implausible + outside;
    }

    /** Of those, the entries that point outside the core. */
    int outside() {
        return outside;
    }

    /** Pages some slice points at while their own first slice does not: stale entries, or a damaged one. */
    long[] misdirected() {
        return misdirected.sortedDistinct();
    }

    /**
     * A sub-map is its own OS allocation (page-aligned) in the core; anything else is a damaged
     * or misread top level, and walking 8192 entries of it for each of 2^18 slots never ends.
     */
    private boolean subMap(long sub) {
        subs++;
        return (sub & 0xfff) == 0 && mem.available(sub, 8);
    }

    private void collect(long sub, LongArrays out) {
        long last = 0;
        for (int j = 0; j < SUB_COUNT; j++) {
            long page = mem.word(sub + 8L * j, 0);
            if (page != 0 && page != last) {
                out.add(page);
                last = page;
            }
        }
    }
}
