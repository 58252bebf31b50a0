package maze.heap.mimalloc;

import java.util.Map;
import maze.heap.BlockSink;

/**
 * Emits the live blocks of the found 2.x segments in address order: segments ascending, pages in
 * slice order inside each (each page's blocks ascending).
 */
final class V2Emitter {
    private final MiMemory mem;
    private final V2Segments segs;
    final MiPageEmitter pages;
    long abandonedSegments;

    V2Emitter(MiMemory mem, MiV2Layout l) {
        this.mem = mem;
        this.segs = new V2Segments(mem, l);
        this.pages = new MiPageEmitter(mem, l.padding());
    }

    void emit(Map<Long, Integer> segments, long[] delayed, BlockSink sink) {
        for (long seg : segments.keySet()) {
            if (segs.threadId(seg) == 0) {
                abandonedSegments++;
            }
            int flags = segs.huge(seg) ? BlockSink.MMAPPED : 0;
            int bad = segs.pages(seg, p -> pages.page(p, delayed, flags, sink));
            if (bad > 0) {
                mem.warnings().add("mimalloc segment 0x%x: %d slice entries inconsistent", seg, bad);
            }
        }
    }
}
