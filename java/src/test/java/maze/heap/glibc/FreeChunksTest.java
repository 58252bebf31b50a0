package maze.heap.glibc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import maze.core.ThreadInfo;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

class FreeChunksTest {
    private static final long HEAP = 0x555555559000L;
    private static final long ARENA = 0x7ffff7e19c60L;
    private static final long TLS = 0x7ffff7d8a740L;
    private final FakeMemory mem = new FakeMemory().region(HEAP, 0x2000).region(ARENA, 2200).region(TLS - 0x1000, 0x2000);
    private final Warnings warnings = new Warnings();
    // fastbinsY at 16 (2 bins), tcache: counts at 0 (u16), entries at 128, 64 bins; tcache TLS slot at +0x48
    private final GlibcLayout layout = new GlibcLayout(0, 0, 0x48, 0, 2200, 96, 2160, 2184, 16, 2,
            0, 0, 0, 48, 0, 8, 16, 0, 2, 128, 64);

    private static long protect(long linkAddress, long pointer) {
        return (linkAddress >>> 12) ^ pointer;
    }

    @Test
    void decodesSafeLinkedFastbinsAndTcache() {
        long f1 = HEAP + 0x100;
        long f2 = HEAP + 0x200;
        mem.putLong(ARENA + 16, f1);
        mem.putLong(f1 + 16, protect(f1 + 16, f2));
        mem.putLong(f2 + 16, protect(f2 + 16, 0));
        long tcache = HEAP + 0x1000;
        long e1 = HEAP + 0x310;
        long e2 = HEAP + 0x410;
        long tlsOffset = 0x100;
        mem.putLong(TLS - tlsOffset + 0x48, tcache);
        mem.putLong(tcache + 128 + 8 * 3, e1);
        mem.putLong(e1, protect(e1, e2));
        mem.putLong(e2, protect(e2, 0));
        GlibcMemory m = new GlibcMemory(mem, layout, 0, true, warnings);
        Arena arena = new Arena(ARENA, true, 0, 0x21000, List.of());
        long[] free = new FreeChunks(m).collect(List.of(arena), List.of(new ThreadInfo(1, TLS, 0, 0)), tlsOffset);
        assertArrayEquals(new long[] {f1, f2, e1 - 16, e2 - 16}, free);
        assertTrue(warnings.all().isEmpty(), warnings.all().toString());
    }

    @Test
    void cycleIsCutWithAWarning() {
        long f1 = HEAP + 0x100;
        long f2 = HEAP + 0x200;
        mem.putLong(ARENA + 16, f1);
        mem.putLong(f1 + 16, protect(f1 + 16, f2));
        mem.putLong(f2 + 16, protect(f2 + 16, f1));
        GlibcMemory m = new GlibcMemory(mem, layout, 0, true, warnings);
        long[] free = new FreeChunks(m).collect(List.of(new Arena(ARENA, true, 0, 0x21000, List.of())), List.of(), StaticTls.UNKNOWN);
        assertArrayEquals(new long[] {f1, f2}, free);
        assertEquals(1, warnings.all().size());
        assertTrue(warnings.all().get(0).contains("loops"), warnings.all().get(0));
    }
}
