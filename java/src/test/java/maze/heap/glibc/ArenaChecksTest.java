package maze.heap.glibc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/** An arena's heaps must span exactly its system_mem. */
class ArenaChecksTest {
    private static final long MP = 0x7ffff7e1a000L;
    private static final long SBRK = 0x555555559000L;
    private static final long HEAP = 0x7fffe8000000L;
    private final FakeMemory mem = new FakeMemory().region(MP, 0x100);
    private final Warnings warnings = new Warnings();
    // mp_ at MP, its sbrk_base at +0x50
    private final GlibcMemory m = new GlibcMemory(mem, new GlibcLayout(0, MP, 0x48, 0, 2200, 96, 2160, 2184, 16, 2, 104, 254,
            0x50, 0, 0, -1, -1, -1, 32, 0, 8, 16, 0, 2, 128, 64), 0, true, warnings);

    ArenaChecksTest() {
        mem.putLong(MP + 0x50, SBRK);
    }

    private static Arena main(long systemMem) {
        return new Arena(0x7ffff7e19c60L, true, SBRK + 0x20000, systemMem,
                List.of(new ChunkRange(SBRK + 0x10, SBRK + 0x20000, SBRK + 0x21000, 0x7ffff7e19c60L, false)));
    }

    /** Two heaps: the older one 0x30000 bytes with fenceposts, the newest 0x21000 bytes ending with top. */
    private static Arena twoHeaps(long systemMem) {
        long newer = HEAP + Arenas.HEAP_MAX_SIZE;
        return new Arena(HEAP + 0x20, false, newer + 0x20000, systemMem,
                List.of(new ChunkRange(newer + 0x20, newer + 0x20000, newer + 0x21000, HEAP + 0x20, false),
                        new ChunkRange(HEAP + 0x8b0, HEAP + 0x30000, HEAP + 0x30000, HEAP + 0x20, false)));
    }

    @Test
    void heapsThatSpanSystemMemAreQuiet() {
        ArenaChecks.systemMem(m, List.of(main(0x21000), twoHeaps(0x51000)));
        assertTrue(warnings.all().isEmpty(), warnings.all().toString());
    }

    @Test
    void aMainArenaWhoseTopEndsElsewhereWarns() {
        ArenaChecks.systemMem(m, List.of(main(0x22000)));
        assertEquals(1, warnings.all().size());
        assertTrue(warnings.all().get(0).contains("span 0x21000 bytes up to the end of top but system_mem says 0x22000"),
                warnings.all().get(0));
    }

    @Test
    void aHeapLeftOutOfTheListWarns() {
        ArenaChecks.systemMem(m, List.of(twoHeaps(0x81000)));
        assertEquals(1, warnings.all().size());
        assertTrue(warnings.all().get(0).contains("its 2 heaps span 0x51000 bytes"), warnings.all().get(0));
    }
}
