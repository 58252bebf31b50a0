package maze.heap.mimalloc;

import java.util.Map;
import maze.heap.BlockSink;

/**
 * Emits the live blocks of the found segments in address order: segments ascending, pages in
 * order inside each (each page's blocks ascending).
 */
final class MiSegmentEmitter {
    private final MiMemory mem;
    private final MiSegmentShape shape;
    final MiPageEmitter pages;
    long abandonedSegments;

    MiSegmentEmitter(MiMemory mem, MiSegmentShape shape, long padding) {
        this.mem = mem;
        this.shape = shape;
        this.pages = new MiPageEmitter(mem, padding);
    }

    /** {@code segments}: address -> the ways it was found (MiSegmentFinder.BY_*). */
    void emit(Map<Long, Integer> segments, long[] delayed, BlockSink sink) {
        for (Map.Entry<Long, Integer> e : segments.entrySet()) {
            long seg = e.getKey();
            if (shape.threadId(seg) == 0) {
                abandonedSegments++;
            }
            int flags = (shape.huge(seg) ? BlockSink.MMAPPED : 0)
                    | (e.getValue() == MiSegmentFinder.BY_SCAN ? BlockSink.FOUND_BY_SCAN : 0); // no metadata list holds it
            int bad = shape.pages(seg, p -> pages.page(p, delayed, flags, sink));
            if (bad > 0) {
                mem.warnings().add("mimalloc segment 0x%x: %d page entries inconsistent", seg, bad);
            }
        }
    }
}
