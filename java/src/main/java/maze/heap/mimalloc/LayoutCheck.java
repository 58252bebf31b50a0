package maze.heap.mimalloc;

import maze.heap.FieldReader;
/**
 * Checks a layout against the core before its blocks are believed: in (a sample of) the pages
 * found, the free lists must decode to block boundaries inside the page, capacity must not exceed
 * reserved, and used must equal capacity - |free| - |local_free|. A wrong table fails these at
 * once; a right one fails them only on a page caught mid-update.
 */
public final class LayoutCheck {
    private static final int SAMPLE_PAGES = 4096;
    /** Share of sampled pages allowed to disagree (threads stopped mid-operation by gcore). */
    private static final double TOLERANCE = 0.05;

    private final FreeBlocks free;
    private int checked;
    private int bad;

    public LayoutCheck(FieldReader mem) {
        this.free = new FreeBlocks(mem);
    }

    /** Checks {@code p} unless the sample is full; {@code delayed}: sorted delayed-free blocks. */
    public void offer(Page p, long[] delayed) {
        if (checked < SAMPLE_PAGES) {
            checked++;
            bad += fits(p, delayed) ? 0 : 1;
        }
    }

    /** Null when the sampled pages fit, else why not. */
    public String problem() {
        if (checked == 0) {
            return "no page in use was found";
        }
        if (bad > checked * TOLERANCE) {
            return String.format("%d of %d pages have free lists off block boundaries or counters that disagree", bad,
                    checked);
        }
        return null;
    }

    /** The page's lists stay on its block boundaries and its used count is what they leave. */
    public boolean fits(Page p, long[] delayed) {
        if (p.capacity() > p.reserved() || p.blockSize() < 8) {
            return false;
        }
        FreeBlocks.Marks m = free.mark(p, delayed);
        return m.problems == 0 && p.used() == p.capacity() - m.freeList - m.localFree;
    }

    public int checked() {
        return checked;
    }
}
