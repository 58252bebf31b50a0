package maze.heap.mimalloc.segments;

import maze.heap.FieldReader;
import maze.heap.mimalloc.PageEmitter;
import maze.heap.mimalloc.MiOwned;
import maze.heap.mimalloc.PoolTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import maze.heap.BlockSink;

/**
 * Emits the live blocks of the found segments in address order: segments ascending, pages in
 * order inside each (each page's blocks ascending).
 */
final class SegmentEmitter {
    private final FieldReader mem;
    private final SegmentShape shape;
    final PageEmitter pages;
    long abandonedSegments;
    /** One per segment, in address order: where its memory went. */
    final List<PoolTally> pools = new ArrayList<>();

    SegmentEmitter(FieldReader mem, SegmentShape shape, long padding) {
        this.mem = mem;
        this.shape = shape;
        this.pages = new PageEmitter(mem, padding);
    }

    /** {@code segments}: address -> the ways it was found (SegmentFinder.BY_*). */
    void emit(Map<Long, Integer> segments, long[] delayed, BlockSink sink) {
        for (Map.Entry<Long, Integer> e : segments.entrySet()) {
            long seg = e.getKey();
            long thread = shape.threadId(seg);
            if (thread == 0) {
                abandonedSegments++;
            }
            PoolTally pool = new PoolTally(name(seg, thread), seg, shape.span(seg));
            pools.add(pool);
            pages.pool(pool);
            int flags = (shape.huge(seg) ? BlockSink.MMAPPED : 0)
                    | (e.getValue() == SegmentFinder.BY_SCAN ? BlockSink.FOUND_BY_SCAN : 0); // no metadata list holds it
            int bad = shape.pages(seg, p -> pages.page(p, delayed, flags, sink));
            if (bad > 0) {
                mem.warnings().add("mimalloc segment 0x%x: %d page entries inconsistent", seg, bad);
            }
        }
        pages.pool(null);
    }

    private String name(long seg, long thread) {
        String kind = shape.huge(seg) ? "huge segment" : "segment";
        return thread == 0 ? kind + " (" + MiOwned.NO_THREAD + ": abandoned or cached)" : String.format("%s (thread 0x%x)", kind, thread);
    }
}
