package maze.heap.mimalloc.segments;

import maze.heap.FieldReader;
import maze.heap.mimalloc.PageEmitter;
import maze.heap.mimalloc.PageUnits;
import maze.heap.mimalloc.MiOwned;
import maze.heap.mimalloc.PoolTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import maze.heap.BlockSink;
import maze.heap.mimalloc.Page;

/**
 * Emits the live blocks of the found segments in address order: segments ascending, pages in
 * order inside each (each page's blocks ascending), runs of segments on threads of their own.
 */
final class SegmentEmitter {
    private final SegmentShape shape;
    final PageEmitter pages;
    long abandonedSegments;
    /** One per segment, in address order: where its memory went. */
    final List<PoolTally> pools = new ArrayList<>();

    /** One segment to emit: its address, the flags of its blocks, its pool. */
    private record Found(long address, int flags, PoolTally pool) {
    }

    SegmentEmitter(FieldReader mem, SegmentShape shape, long padding) {
        this.shape = shape;
        this.pages = new PageEmitter(mem, padding);
    }

    /** {@code segments}: address -> the ways it was found (SegmentFinder.BY_*); up to {@code threads} walked at once. */
    void emit(Map<Long, Integer> segments, long[] delayed, BlockSink sink, int threads) {
        List<Found> found = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : segments.entrySet()) {
            long seg = e.getKey();
            long thread = shape.threadId(seg);
            if (thread == 0) {
                abandonedSegments++;
            }
            PoolTally pool = new PoolTally(name(seg, thread), seg, shape.span(seg));
            pools.add(pool);
            int flags = (shape.huge(seg) ? BlockSink.MMAPPED : 0)
                    | (e.getValue() == SegmentFinder.BY_SCAN ? BlockSink.FOUND_BY_SCAN : 0); // no metadata list holds it
            found.add(new Found(seg, flags, pool));
        }
        PageUnits.emit(found, new PageUnits.Items<>() {
            @Override
            public long address(Found s) {
                return s.address();
            }

            @Override
            public void emit(Found s, PageEmitter out, BlockSink into) {
                int bad = shape.pages(s.address(), p -> out.page(p, delayed, s.flags(), s.pool(), into));
                if (bad > 0) {
                    out.warnings().add("mimalloc segment 0x%x: %d page entries inconsistent", s.address(), bad);
                }
            }

            @Override
            public void pages(Found s, Consumer<Page> action) {
                shape.pages(s.address(), action);
            }
        }, pages, threads, sink);
    }

    private String name(long seg, long thread) {
        String kind = shape.huge(seg) ? "huge segment" : "segment";
        return thread == 0 ? kind + " (" + MiOwned.NO_THREAD + ": abandoned or cached)" : String.format("%s (thread 0x%x)", kind, thread);
    }
}
