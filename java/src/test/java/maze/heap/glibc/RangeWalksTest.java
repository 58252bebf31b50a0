package maze.heap.glibc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import maze.heap.LongArrays;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Heaps walked on several threads give exactly what one thread gives: blocks in order, counts, warnings. */
class RangeWalksTest {
    private static final long BASE = 0x7f0000000000L;
    private static final long HEAP = 0x100000;
    private static final int HEAPS = 12;

    /** What one walk gave. */
    private record Walked(List<String> blocks, long liveBytes, List<String> warnings) {
    }

    /**
     * Twelve heaps of random chunks (some free by their neighbour's bit, some in a free set), an
     * mmapped chunk between two of them, and one heap whose chain breaks halfway.
     */
    private static Walked walk(int threads) {
        FakeMemory mem = new FakeMemory().region(BASE, (int) (HEAPS * HEAP + 0x10000));
        Random rnd = new Random(17);
        LongArrays free = new LongArrays();
        List<ChunkRange> ranges = new ArrayList<>();
        for (int h = 0; h < HEAPS; h++) {
            long start = BASE + h * HEAP;
            long c = start;
            boolean prevInUse = true;
            long broken = 0;
            while (c < start + HEAP - 0x2000) {
                if (broken == 0 && c > start + 0x8000) {
                    broken = c;
                }
                long size = 32 + 16L * rnd.nextInt(40);
                mem.putLong(c + 8, size | (prevInUse ? 1 : 0));
                prevInUse = rnd.nextInt(10) != 0;
                if (prevInUse && rnd.nextInt(10) == 0) {
                    free.add(c);
                }
                c += size;
            }
            mem.putLong(c + 8, 0x1000 | (prevInUse ? 1 : 0)); // top
            if (h == 5) {
                mem.putLong(broken + 8, 0x7fff0 | 1); // a size running out of the heap
            }
            ranges.add(new ChunkRange(start, c, start + HEAP, start, false));
        }
        ranges.add(6, new ChunkRange(BASE + 6 * HEAP - 0x100, BASE + 6 * HEAP - 0x80, BASE + 6 * HEAP - 0x80, 0, true));
        ranges.set(5, new ChunkRange(BASE + 5 * HEAP, ranges.get(5).stop(), BASE + 6 * HEAP - 0x100, BASE, false));
        Warnings warnings = new Warnings();
        GlibcMemory m = new GlibcMemory(mem, null, 0, true, warnings);
        ChunkWalker walker = new ChunkWalker(m, free.sortedDistinct());
        List<String> blocks = new ArrayList<>();
        RangeWalks.emit(ranges, walker, (a, s, f) -> blocks.add(Long.toHexString(a) + " " + s + " " + f), m, threads);
        walker.checkBins();
        return new Walked(blocks, walker.liveChunkBytes(), warnings.all());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8})
    void severalThreadsGiveWhatOneGives(int threads) {
        Walked one = walk(1);
        Walked many = walk(threads);
        assertTrue(one.blocks().size() > 20000, "blocks: " + one.blocks().size());
        assertEquals(one.blocks(), many.blocks());
        assertEquals(one.liveBytes(), many.liveBytes());
        assertEquals(one.warnings(), many.warnings());
    }

    @Test
    void theBrokenHeapAndTheFreeCountsWarnInAddressOrder() {
        List<String> w = walk(4).warnings();
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).contains("does not fit"), w.get(0));
        assertTrue(w.get(1).contains("look free"), w.get(1));
    }
}
