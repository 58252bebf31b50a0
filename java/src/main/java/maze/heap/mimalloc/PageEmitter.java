package maze.heap.mimalloc;

import maze.heap.FieldReader;
import maze.heap.BlockSink;
import maze.heap.Warnings;

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

    /** {@code padding}: bytes of MI_PADDING at the end of each block, not usable by the program. */
    public PageEmitter(FieldReader mem, long padding) {
        this(mem, padding, 0);
    }

    private PageEmitter(FieldReader mem, long padding, long lastEnd) {
        this.mem = mem;
        this.freeBlocks = new FreeBlocks(mem);
        this.padding = padding;
        this.lastEnd = lastEnd;
    }

    /**
     * An emitter of one unit of pages on a thread of its own: the same reads, counts of its own,
     * warnings to {@code warnings}; {@code lastEnd}: where the listed pages before the unit end.
     */
    PageEmitter forUnit(Warnings warnings, long lastEnd) {
        return new PageEmitter(new FieldReader(mem.view(), warnings), padding, lastEnd);
    }

    /** Adds the counts of a unit's emitter whose pages came after those emitted so far. */
    void absorb(PageEmitter unit) {
        pages += unit.pages;
        blocks += unit.blocks;
        bytes += unit.bytes;
        hugeBlocks += unit.hugeBlocks;
        usedMismatches += unit.usedMismatches;
        listProblems += unit.listProblems;
        lastEnd = unit.lastEnd;
    }

    /** Where the listed pages end after {@code p} when they ended at {@code lastEnd} before it (headers only). */
    long endAfter(long lastEnd, Page p) {
        return fits(p, lastEnd) ? p.end() : lastEnd;
    }

    /** Where this emitter's warnings go. */
    public Warnings warnings() {
        return mem.warnings();
    }

    /**
     * {@code delayed}: sorted delayed-free blocks; {@code flags} go on every block of the page;
     * {@code pool}: the pool the page belongs to, or null.
     */
    public void page(Page p, long[] delayed, int flags, PoolTally pool, BlockSink sink) {
        pages++;
        if (!fits(p, lastEnd)) {
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
    private boolean fits(Page p, long lastEnd) {
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
