package maze.heap.glibc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/** The regular bins: circular doubly linked lists whose heads sit in malloc_state.bins. */
class BinChecksTest {
    private static final long HEAP = 0x555555559000L;
    private static final long ARENA = 0x7ffff7e19c60L;
    private static final long BINS = 104;
    private final FakeMemory mem = new FakeMemory().region(HEAP, 0x2000).region(ARENA, 2200);
    private final Warnings warnings = new Warnings();
    private final GlibcMemory m = new GlibcMemory(mem, new GlibcLayout(0, 0, 0x48, 0, 2200, 96, 2160, 2184, 16, 2,
            BINS, 254, 0, 0, 0, -1, -1, -1, 48, 0, 8, 16, 0, 2, 128, 64), 0, true, warnings);
    private final Arena arena = new Arena(ARENA, true, HEAP + 0x1800, 0x21000,
            List.of(new ChunkRange(HEAP, HEAP + 0x1800, HEAP + 0x2000, ARENA, false)));
    private final long c1 = HEAP + 0x100;
    private final long c2 = HEAP + 0x300;

    /** Every bin empty (fd = bk = its head) but bin 5, which holds c1 then c2. */
    BinChecksTest() {
        for (int i = 1; i <= 127; i++) {
            long head = head(i);
            mem.putLong(head + 16, head);
            mem.putLong(head + 24, head);
        }
        long head = head(5);
        link(head, c1);
        link(c1, c2);
        link(c2, head);
    }

    private static long head(int bin) {
        return ARENA + BINS + 16L * (bin - 1) - 16;
    }

    private void link(long from, long to) {
        mem.putLong(from + 16, to);
        mem.putLong(to + 24, from);
    }

    @Test
    void collectsTheBinnedChunks() {
        assertArrayEquals(new long[] {c1, c2}, new BinChecks(m).collect(List.of(arena)));
        assertTrue(warnings.all().isEmpty(), warnings.all().toString());
    }

    /** The arena's free bytes as mallinfo2 counts them: top + binned (+ fastbins, empty here), by size band. */
    @Test
    void arenaUsageCountsTopAndBinnedBySize() {
        mem.putLong(c1 + 8, 0x41);
        mem.putLong(c2 + 8, 0x31);
        mem.putLong(arena.top() + 8, 0x801);
        BinChecks bins = new BinChecks(m);
        bins.collect(List.of(arena));
        FreeChunks free = new FreeChunks(m);
        free.collect(List.of(arena), List.of(), 0);
        maze.heap.MallocSpace.Pool p = new ArenaUsage(m, List.of(arena))
                .pools(List.of(arena), bins, free, new MallocParams(0x400, -1, 0)).get(0);
        assertEquals(0x800 + 0x40 + 0x30, p.free());
        assertArrayEquals(new long[] {0x30, 0x40, 0, 0, 0}, p.binnedByBand());
        assertEquals(0x800, p.top());
        assertEquals(0x400, p.untrimmed(), "top above the trim threshold");
        assertEquals("main_arena", p.name());
    }

    @Test
    void aLinkNotLinkedBackEndsTheBinWithAWarning() {
        mem.putLong(c2 + 24, HEAP + 0x500);
        assertArrayEquals(new long[] {c1}, new BinChecks(m).collect(List.of(arena)));
        assertEquals(1, warnings.all().size());
        assertTrue(warnings.all().get(0).contains("bin 5: link to 0x" + Long.toHexString(c2) + " after 1 chunks"),
                warnings.all().get(0));
    }
}
