package maze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import maze.classify.ClassifyingSink;
import org.junit.jupiter.api.Test;

/** 50 million blocks aggregate in memory that depends on the types, not on the blocks. */
class AggregationMemoryTest {
    private static final long BLOCKS = 50_000_000L;
    private static final int CLASSES = 250;
    private static final int SIZES = 97;

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void fiftyMillionBlocksAllocateNothingPerBlock() {
        SyntheticHeap heap = new SyntheticHeap(CLASSES, SIZES);
        TypeAggregator agg = new TypeAggregator();
        ClassifyingSink sink = new ClassifyingSink(heap.classifier(), agg);
        long before = allocatedByThisThread();
        heap.walk(BLOCKS, sink);
        long allocated = allocatedByThisThread() - before;

        assertEquals(BLOCKS, agg.liveBlocks());
        assertEquals(CLASSES + SIZES, agg.typeCount(), "every class and every size seen");
        // one object of 16 bytes per block would be 800 MB; the map's few growths are kilobytes
        assertTrue(allocated < (1 << 20), "bytes allocated while aggregating: " + allocated);
        Ranking r = agg.ranking(heap.classifier().names(), 10);
        assertEquals(10, r.shown().size());
        assertEquals(CLASSES + SIZES - 10, r.otherTypes());
    }
}
