package maze.heap.mimalloc.pages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import maze.heap.mimalloc.FakeFields;
import maze.heap.mimalloc.FakeHeapContext;
import maze.heap.mimalloc.MiVersion;
import maze.heap.mimalloc.WalkOutcome;
import maze.layout.LayoutTable;
import maze.layout.LayoutTables;
import maze.layout.StructLayout;
import maze.testing.FakeMemory;
import maze.testing.ThreadRecordingMemory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 3.x pages from the page map, walked in runs of 32 MiB on several threads, give exactly what one
 * thread gives: blocks, facts, pools, warnings in their place, including the first page of a run
 * that overlaps the last page of the run before it.
 */
class PageWalkParallelTest {
    private static final long SLICE = PageWalkTest.SLICE;
    private static final int WINDOW_SLICES = 512; // 32 MiB
    private static final int WINDOWS = 6;
    private static final int PAGES = 6;
    private static final int REGION_SLICES = 16;
    private static final long[] SIZES = {16, 32, 48, 64, 128, 256, 1024, 4096};

    private final FakeMemory mem = new FakeMemory();
    private final LayoutTable.Source table = LayoutTables.load("mimalloc/debian-3.0.1.layout").source();
    private final StructLayout page = table.struct(V3Layout.PAGE);
    private final Random rnd = new Random(17);
    /** The first page of window 3, which the page before it (at the end of window 2) overlaps. */
    private final long overlapped;

    PageWalkParallelTest() {
        mem.region(PageWalkTest.MAP_VAR, 8).putLong(PageWalkTest.MAP_VAR, PageWalkTest.TOP);
        mem.region(PageWalkTest.TOP, 8 * PageMap.TOP_COUNT)
                .putLong(PageWalkTest.TOP + 8 * (PageWalkTest.BASE >>> 29), PageWalkTest.SUB);
        mem.region(PageWalkTest.SUB, 8 * PageMap.SUB_COUNT);
        for (int w = 0; w < WINDOWS; w++) { // around each window's start, so a page may reach across it
            int first = Math.max(0, w * WINDOW_SLICES - REGION_SLICES);
            mem.region(PageWalkTest.BASE + first * SLICE, (int) (2 * REGION_SLICES * SLICE));
            for (int j = 0; j < PAGES; j++) {
                randomPage(w * WINDOW_SLICES + 2 * j, 1);
            }
        }
        randomPage(3 * WINDOW_SLICES - 1, 3); // reaches over the next two slices
        overlapped = randomPage(3 * WINDOW_SLICES, 1);
        long left = PageWalkTest.BASE + (WINDOW_SLICES + 2) * SLICE;
        put(left, "used", readUsed(left) - 1); // used no longer what the lists leave
        long strayed = PageWalkTest.BASE + (4 * WINDOW_SLICES + 4) * SLICE;
        mem.putLong(strayed + page.offset("free"), strayed + 2 * SLICE); // a free list out of its page
    }

    private long readUsed(long p) {
        return mem.readLong(p + page.offset("used")) & 0xffff;
    }

    private void put(long base, String field, long value) {
        FakeFields.put(mem, base, page.field(field), value);
    }

    /** A page at {@code slice} over {@code slices} slices, blocks from +128, a random share of them free. */
    private long randomPage(int slice, int slices) {
        long p = PageWalkTest.BASE + slice * SLICE;
        long bsize = SIZES[rnd.nextInt(SIZES.length)];
        int capacity = (int) Math.min(0xffff, (slices * SLICE - 128) / bsize);
        for (int i = 0; i < slices; i++) {
            mem.putLong(PageWalkTest.SUB + 8L * (slice + i), p);
        }
        put(p, "xthread_id", rnd.nextBoolean() ? FakeHeapContext.THREAD : 0);
        put(p, "block_size", bsize);
        put(p, "capacity", capacity);
        put(p, "reserved", capacity);
        put(p, "page_start", p + 128);
        List<List<Long>> lists = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < capacity; i++) {
            int r = rnd.nextInt(10);
            if (r < 3) {
                lists.get(r).add(p + 128 + i * bsize);
            }
        }
        String[] heads = {"free", "local_free", "xthread_free"};
        for (int l = 0; l < 3; l++) {
            List<Long> list = lists.get(l);
            Collections.shuffle(list, rnd);
            mem.putLong(p + page.offset(heads[l]), list.isEmpty() ? 0 : list.get(0));
            for (int i = 0; i < list.size(); i++) {
                mem.putLong(list.get(i), i + 1 < list.size() ? list.get(i + 1) : 0);
            }
        }
        put(p, "used", capacity - lists.get(0).size() - lists.get(1).size());
        return p;
    }

    private WalkOutcome walk(int walkers) {
        ThreadRecordingMemory recording = new ThreadRecordingMemory(mem);
        FakeHeapContext ctx = new FakeHeapContext(recording, List.of(), table, PageWalkTest.DEBIAN_ID, PageWalkTest.BIAS);
        return WalkOutcome.of(ctx, recording, MiVersion.fromRaw(301), walkers);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8})
    void severalWalkersGiveWhatOneGives(int walkers) {
        walk(walkers).assertParallelCopyOf(walk(1), 5000, List.of("a free list left the page", "used says",
                "overlaps the page before it"), overlapped);
    }
}
