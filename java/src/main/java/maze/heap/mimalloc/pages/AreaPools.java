package maze.heap.mimalloc.pages;

import java.util.ArrayList;
import java.util.List;
import maze.heap.OwnedMemory;
import maze.heap.mimalloc.MiOwned;
import maze.heap.mimalloc.Page;
import maze.heap.mimalloc.PoolTally;

/**
 * mimalloc 3.x memory by 256 MiB area: maze finds pages, not arenas (their bitmaps are not read),
 * so a pool is the pages in use of one area and each page owns its blocks' span plus the header
 * right before them. Free pages and arena metadata stay outside: other anonymous memory.
 */
final class AreaPools {
    private static final int AREA_SHIFT = 28;
    /** A page struct this close below its blocks is the page's own header (else it sits apart). */
    private static final long INLINE_HEADER = 1L << 16;

    private final List<OwnedMemory.Range> owned = new ArrayList<>();
    private final List<PoolTally> pools = new ArrayList<>();
    private long abandonedFree;
    private long abandonedPages;

    /** The pool of {@code p} (pages come in address order), which gets its span. */
    PoolTally before(Page p, boolean abandoned) {
        long area = p.start() >>> AREA_SHIFT << AREA_SHIFT;
        if (pools.isEmpty() || pools.get(pools.size() - 1).address() != area) {
            pools.add(new PoolTally(String.format("area 0x%x (pages in use)", area), area, 0));
        }
        long lo = p.meta() <= p.start() && p.start() - p.meta() <= INLINE_HEADER ? p.meta() : p.start();
        long hi = p.start() + (long) Math.max(p.reserved(), p.capacity()) * p.blockSize();
        pools.get(pools.size() - 1).span(hi - lo);
        owned.add(new OwnedMemory.Range(lo, hi, "mimalloc page"));
        if (abandoned) {
            abandonedPages++;
            abandonedFree += hi - lo - p.used() * p.blockSize();
        }
        return pools.get(pools.size() - 1);
    }

    OwnedMemory owned(int threads) {
        List<String> advice = new ArrayList<>();
        advice.add("mimalloc 3.x: pools are the pages in use per 256 MiB area; free pages and arena metadata are"
                + " not counted as mimalloc's (maze does not read arena bitmaps) and show as other anonymous");
        if (abandonedPages > 0) {
            advice.add(String.format("%d pages are abandoned (their thread exited) and hold about %d bytes not in"
                    + " live blocks: another thread reclaims a page only when it frees into it or allocates", abandonedPages, abandonedFree));
        }
        return MiOwned.of(owned, pools, threads, advice);
    }
}
