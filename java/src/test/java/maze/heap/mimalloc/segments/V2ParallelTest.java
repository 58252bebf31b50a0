package maze.heap.mimalloc.segments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import maze.core.Segment;
import maze.heap.mimalloc.FakeHeapContext;
import maze.heap.mimalloc.FreeListCodec;
import maze.heap.mimalloc.MiVersion;
import maze.heap.mimalloc.WalkOutcome;
import maze.testing.ThreadRecordingMemory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 2.x segments walked on several threads give exactly what one thread gives: blocks, flags, facts,
 * pools, and the warnings of corrupt segments in their place, including a segment whose pages
 * overlap the huge block of the segment before it (the one thing a walk carries across segments).
 */
class V2ParallelTest {
    private static final long[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024, 2048, 4096};
    private static final int SEGMENTS = 10;
    private static final int PAGES = 7;

    private final V2Fake f = new V2Fake(false);
    private final Random rnd = new Random(17);
    private final List<Long> starts = new ArrayList<>();
    /** The segment inside the huge segment's span: its pages overlap the huge block (the next window's unit). */
    private long overlapped;

    V2ParallelTest() {
        for (int k = 0; k < SEGMENTS; k++) {
            long seg = f.segment(V2Fake.SEG + k * V2Slices.SEGMENT_SIZE, PAGES + 1, k % 3 == 0 ? 0 : FakeHeapContext.THREAD);
            starts.add(seg);
            for (int idx = 1; idx <= PAGES; idx++) {
                long meta = randomPage(seg, idx);
                if (idx == 1 && k % 3 == 1) { // listed in a heap queue: found by metadata, not only by the scan
                    f.mem.putLong(V2Fake.MAIN_HEAP + f.l.heap().heapPages() + k * f.l.heap().queueSize()
                            + f.l.heap().queueFirst().offset(), meta);
                }
            }
        }
        corrupt();
        hugeThenOverlapped(V2Fake.SEG + SEGMENTS * V2Slices.SEGMENT_SIZE);
    }

    /** A page of random block size whose blocks are free at random, on its free, local and thread-free lists. */
    private long randomPage(long seg, int idx) {
        long bsize = SIZES[rnd.nextInt(SIZES.length)];
        long offset = bsize <= 1024 ? 384 : 0;
        int capacity = (int) ((V2Slices.SLICE_SIZE - offset) / bsize);
        long meta = f.page(seg, idx, bsize, capacity, 0);
        List<List<Long>> lists = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < capacity; i++) {
            int r = rnd.nextInt(10);
            if (r < 3) {
                lists.get(r).add(f.block(seg, idx, bsize, i));
            }
        }
        lists.forEach(l -> Collections.shuffle(l, rnd));
        f.list(meta + f.l.pageFree().offset(), 0, FreeListCodec.PLAIN, lists.get(0));
        f.list(meta + f.l.pageLocalFree().offset(), 0, FreeListCodec.PLAIN, lists.get(1));
        f.list(meta + f.l.pageThreadFree().offset(), 0, FreeListCodec.PLAIN, lists.get(2));
        f.put(meta, f.l.pageUsed(), capacity - lists.get(0).size() - lists.get(1).size());
        return meta;
    }

    /** A bad slice count, a free list into another page, and a used count the lists contradict. */
    private void corrupt() {
        f.put(f.meta(starts.get(2), 3), f.l.pageSliceCount(), 0x7fffffff);
        long meta = f.meta(starts.get(5), 2);
        f.mem.putLong(meta + f.l.pageFree().offset(), f.block(starts.get(5), 4, 16, 0)); // off this page
        f.put(f.meta(starts.get(7), 5), f.l.pageUsed(), 1);
    }

    /** A huge segment of 80 MiB, a segment inside its span (its pages overlap the block), one after it. */
    private void hugeThenOverlapped(long huge) {
        f.segment(huge, 2, 0);
        f.put(huge, f.l.segKind(), 1);
        f.put(huge, f.l.segSlices(), 1281);
        long page = f.page(huge, 1, 1280 * V2Slices.SLICE_SIZE, 1, 0);
        f.put(page, f.l.pageSliceCount(), 1280);
        overlapped = f.segment(huge + V2Slices.SEGMENT_SIZE, 4, FakeHeapContext.THREAD);
        long after = f.segment(huge + 3 * V2Slices.SEGMENT_SIZE, 4, FakeHeapContext.THREAD);
        for (int idx = 1; idx <= 3; idx++) {
            randomPage(overlapped, idx);
            randomPage(after, idx);
        }
        starts.addAll(List.of(huge, overlapped, after));
    }

    private WalkOutcome walk(int walkers) {
        ThreadRecordingMemory mem = new ThreadRecordingMemory(f.mem);
        List<Segment> core = V2WalkTest.coreSegments(starts.stream().mapToLong(Long::longValue).toArray());
        return WalkOutcome.of(V2WalkTest.ctx(mem, core, V2Fake.table()), mem, MiVersion.fromRaw(209), walkers);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8})
    void severalWalkersGiveWhatOneGives(int walkers) {
        walk(walkers).assertParallelCopyOf(walk(1), 10000, List.of("page entries inconsistent",
                "a free list left the page", "used says", "overlaps the page before it"),
                f.meta(overlapped, 1));
    }
}
