package maze.heap.mimalloc;

import maze.heap.FieldReader;
import maze.heap.BlockSink;

/**
 * Emits the live blocks of one page after another (the caller keeps pages in address order),
 * counting what it saw and warning about pages whose lists leave the page.
 */
public final class PageEmitter {
    private final FieldReader mem;
    private final FreeBlocks freeBlocks;
    private final long padding;
    private long pages;
    private long blocks;
    private long bytes;
    private long hugeBlocks;
    private long usedMismatches;
    private long listProblems;
    /** Pages come in address order: one starting below where the last one ended is corrupt. */
    private long lastEnd;
    /** The pool the next pages belong to, or null. */
    private PoolTally pool;

    /** {@code padding}: bytes of MI_PADDING at the end of each block, not usable by the program. */
    public PageEmitter(FieldReader mem, long padding) {
        this.mem = mem;
        this.freeBlocks = new FreeBlocks(mem);
        this.padding = padding;
    }

    /** The pool the pages from now on belong to. */
    public void pool(PoolTally tally) {
        this.pool = tally;
    }

    /** {@code delayed}: sorted delayed-free blocks; {@code flags} go on every block of the page. */
    public void page(Page p, long[] delayed, int flags, BlockSink sink) {
        pages++;
        if (!fits(p)) {
            mem.warnings().add("mimalloc page 0x%x (%d blocks of %d at 0x%x): overlaps the page before it or wraps; not listed",
                    p.meta(), p.capacity(), p.blockSize(), p.start());
            return;
        }
        lastEnd = p.end();
        FreeBlocks.Marks m = freeBlocks.mark(p, delayed);
        if (m.problems > 0) {
            listProblems++;
            mem.warnings().add("mimalloc page 0x%x (blocks of %d at 0x%x): a free list left the page; blocks after it may show as live",
                    p.meta(), p.blockSize(), p.start());
        }
        long left = p.capacity() - m.freeList - m.localFree; // thread-free and delayed blocks count as used
        if (p.used() != left) {
            usedMismatches++;
            if (m.problems == 0) { // else the list warning above says it
                mem.warnings().add("mimalloc page 0x%x (blocks of %d at 0x%x): used says %d blocks but the free lists"
                        + " leave %d; its blocks may be listed wrongly", p.meta(), p.blockSize(), p.start(), p.used(), left);
            }
        }
        long usable = p.blockSize() - padding;
        long live = 0;
        for (int i = 0; i < p.capacity(); i++) {
            if (!m.free[i]) {
                sink.block(p.start() + i * p.blockSize(), usable, flags);
                live++;
                hugeBlocks += flags != 0 ? 1 : 0;
            }
        }
        blocks += live;
        bytes += live * usable;
        if (pool != null) {
            pool.page(p, p.capacity() - live);
        }
    }

    /** A page's blocks must be usable, lie above the previous page's, and not wrap the address space. */
    private boolean fits(Page p) {
        if (p.capacity() <= 0 || p.blockSize() <= padding || p.blockSize() > Long.MAX_VALUE / p.capacity()) {
            return false;
        }
        long end = p.start() + p.capacity() * p.blockSize();
        return Long.compareUnsigned(p.start(), lastEnd) >= 0 && Long.compareUnsigned(end, p.start()) > 0;
    }

    public long pages() {
        return pages;
    }

    public long blocks() {
        return blocks;
    }

    public long bytes() {
        return bytes;
    }

    /** Blocks emitted with a flag (an OS allocation of their own, or found only by the scan). */
    public long hugeBlocks() {
        return hugeBlocks;
    }

    /** Pages whose used counter disagrees with their free lists. */
    public long usedMismatches() {
        return usedMismatches;
    }

    /** Pages with a free list that left the page. */
    public long listProblems() {
        return listProblems;
    }
}
