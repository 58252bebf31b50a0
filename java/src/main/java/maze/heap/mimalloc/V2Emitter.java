package maze.heap.mimalloc;

import java.util.Map;
import maze.heap.BlockSink;

/**
 * Emits the live blocks of the found segments in address order: segments ascending, pages in
 * slice order inside each, blocks ascending inside each page. Counts what it saw for the summary
 * and warns about pages whose lists or counters disagree.
 */
final class V2Emitter {
    private final MiMemory mem;
    private final V2Segments segs;
    private final V2FreeBlocks freeBlocks;
    private final long padding;
    long pages;
    long blocks;
    long bytes;
    long hugeBlocks;
    long usedMismatches;
    long listProblems;
    long abandonedSegments;

    V2Emitter(MiMemory mem, MiV2Layout l) {
        this.mem = mem;
        this.segs = new V2Segments(mem, l);
        this.freeBlocks = new V2FreeBlocks(mem);
        this.padding = l.padding();
    }

    void emit(Map<Long, Integer> segments, long[] delayed, BlockSink sink) {
        for (long seg : segments.keySet()) {
            if (segs.threadId(seg) == 0) {
                abandonedSegments++;
            }
            int flags = segs.huge(seg) ? BlockSink.MMAPPED : 0;
            int bad = segs.pages(seg, p -> page(p, delayed, flags, sink));
            if (bad > 0) {
                mem.warnings().add("mimalloc segment 0x%x: %d slice entries inconsistent", seg, bad);
            }
        }
    }

    private void page(V2Page p, long[] delayed, int flags, BlockSink sink) {
        pages++;
        V2FreeBlocks.Marks m = freeBlocks.mark(p, delayed);
        if (m.problems > 0) {
            listProblems++;
            mem.warnings().add("mimalloc page 0x%x (blocks of %d at 0x%x): a free list left the page; blocks after it may show as live",
                    p.meta(), p.blockSize(), p.start());
        }
        if (p.used() != p.capacity() - m.freeList - m.localFree) {
            usedMismatches++;
        }
        for (int i = 0; i < p.capacity(); i++) {
            if (!m.free[i]) {
                sink.block(p.start() + i * p.blockSize(), p.blockSize() - padding, flags);
                blocks++;
                bytes += p.blockSize() - padding;
                hugeBlocks += flags != 0 ? 1 : 0;
            }
        }
    }
}
