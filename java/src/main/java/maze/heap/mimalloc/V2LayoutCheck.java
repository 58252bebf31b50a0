package maze.heap.mimalloc;

import java.util.Map;

/**
 * Checks a layout against the core before its blocks are believed: segments must have been found
 * by cookie, and in (a sample of) their pages the free lists must decode to block boundaries inside
 * the page, capacity must not exceed reserved, and used must equal capacity - |free| - |local_free|.
 * A wrong table fails these at once; a right one fails them only on a page caught mid-update.
 */
final class V2LayoutCheck {
    private static final int SAMPLE_PAGES = 4096;
    /** Share of sampled pages allowed to disagree (threads stopped mid-operation by gcore). */
    private static final double TOLERANCE = 0.05;

    private final MiMemory mem;
    private final V2Segments segs;
    private final V2FreeBlocks free;
    private int checked;
    private int bad;

    V2LayoutCheck(MiMemory mem, MiV2Layout l) {
        this.mem = mem;
        this.segs = new V2Segments(mem, l);
        this.free = new V2FreeBlocks(mem);
    }

    /** Null when the layout fits the core, else why not. */
    String problem(Map<Long, Integer> segments, long[] delayed) {
        if (segments.isEmpty()) {
            return "no segment header with a valid cookie was found";
        }
        for (long seg : segments.keySet()) {
            segs.pages(seg, p -> {
                if (checked < SAMPLE_PAGES) {
                    checked++;
                    bad += fits(p, delayed) ? 0 : 1;
                }
            });
        }
        if (checked == 0) {
            return "the segments hold no page in use";
        }
        if (bad > checked * TOLERANCE) {
            return String.format("%d of %d pages have free lists off block boundaries or counters that disagree", bad,
                    checked);
        }
        return null;
    }

    private boolean fits(V2Page p, long[] delayed) {
        if (p.capacity() > p.reserved() || p.blockSize() < 8) {
            return false;
        }
        V2FreeBlocks.Marks m = free.mark(p, delayed);
        return m.problems == 0 && p.used() == p.capacity() - m.freeList - m.localFree;
    }

    int checked() {
        return checked;
    }
}
