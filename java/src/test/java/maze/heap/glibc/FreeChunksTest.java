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
    private static final long TLS_OFFSET = 0x100;
    private static final long TCACHE = HEAP + 0x1000;
    private final FakeMemory mem = new FakeMemory().region(HEAP, 0x2000).region(ARENA, 2200).region(TLS - 0x1000, 0x2000);
    private final Warnings warnings = new Warnings();
    // fastbinsY at 16 (2 bins), tcache: counts at 0 (u16), entries at 128, 64 bins; TLS tcache at +0x48
    private final GlibcLayout layout = new GlibcLayout(0, 0, 0x48, 0, 2200, 96, 2160, 2184, 16, 2, 104, 254,
            0, 0, 0, -1, -1, -1, 48, 0, 8, 16, 0, 2, 128, 64);
    private final Arena arena = new Arena(ARENA, true, HEAP + 0x1800, 0x21000,
            List.of(new ChunkRange(HEAP, HEAP + 0x1800, HEAP + 0x2000, ARENA, false)));
    private final ThreadInfo thread = new ThreadInfo(7, TLS, 0, 0);

    FreeChunksTest() {
        mem.putLong(TLS, TLS); // tcbhead_t.tcb
        mem.putLong(TLS + 16, TLS); // tcbhead_t.self
        mem.putLong(TCACHE - 8, layout.tcacheChunkSize() | 1);
    }

    private static long protect(long linkAddress, long pointer) {
        return (linkAddress >>> 12) ^ pointer;
    }

    private long[] collect() {
        GlibcMemory m = new GlibcMemory(mem, layout, 0, true, warnings);
        return new FreeChunks(m).collect(List.of(arena), List.of(thread), TLS_OFFSET);
    }

    /** Two 32-byte chunks on fastbin 0. */
    private long[] fastbin() {
        long f1 = HEAP + 0x100;
        long f2 = HEAP + 0x200;
        mem.putLong(ARENA + 16, f1);
        mem.putLong(f1 + 8, 33);
        mem.putLong(f2 + 8, 33);
        mem.putLong(f1 + 16, protect(f1 + 16, f2));
        mem.putLong(f2 + 16, protect(f2 + 16, 0));
        return new long[] {f1, f2};
    }

    /** Two 80-byte chunks in tcache bin 3 of the thread, with the given count. */
    private long[] tcache(long count) {
        long e1 = HEAP + 0x310;
        long e2 = HEAP + 0x410;
        mem.putLong(TLS - TLS_OFFSET + 0x48, TCACHE);
        mem.putLong(TCACHE + 2 * 3, count);
        mem.putLong(TCACHE + 128 + 8 * 3, e1);
        mem.putLong(e1 - 8, 81);
        mem.putLong(e2 - 8, 81);
        mem.putLong(e1, protect(e1, e2));
        mem.putLong(e2, protect(e2, 0));
        return new long[] {e1 - 16, e2 - 16};
    }

    private void assertOneWarning(String part) {
        assertEquals(1, warnings.all().size(), warnings.all().toString());
        assertTrue(warnings.all().get(0).contains(part), warnings.all().get(0));
    }

    @Test
    void decodesSafeLinkedFastbinsAndTcache() {
        long[] f = fastbin();
        long[] e = tcache(2);
        assertArrayEquals(new long[] {f[0], f[1], e[0], e[1]}, collect());
        assertTrue(warnings.all().isEmpty(), warnings.all().toString());
    }

    /** The free-space figures tell fastbin chunks (free for mallinfo2) from tcache ones (in use for it). */
    @Test
    void fastbinAndTcacheChunksStayApart() {
        long[] f = fastbin();
        long[] e = tcache(2);
        GlibcMemory m = new GlibcMemory(mem, layout, 0, true, warnings);
        FreeChunks free = new FreeChunks(m);
        free.collect(List.of(arena), List.of(thread), TLS_OFFSET);
        assertArrayEquals(f, free.fastbinChunks());
        assertArrayEquals(e, free.tcacheChunks());
    }

    @Test
    void cycleIsCutWithAWarning() {
        long[] f = fastbin();
        mem.putLong(f[1] + 16, protect(f[1] + 16, f[0]));
        assertArrayEquals(f, collect());
        assertOneWarning("loops");
    }

    @Test
    void aChunkOfTheWrongSizeEndsTheList() {
        long[] f = fastbin();
        mem.putLong(f[1] + 8, 0x91);
        assertArrayEquals(new long[] {f[0]}, collect());
        assertOneWarning("has chunk size 0x90, not the bin's 0x20");
    }

    @Test
    void aLinkOutOfTheArenaEndsTheList() {
        long[] f = fastbin();
        long outside = HEAP + 0x1900; // in the core, but past top
        mem.putLong(outside + 8, 33);
        mem.putLong(f[1] + 16, protect(f[1] + 16, outside));
        assertArrayEquals(f, collect());
        assertOneWarning("leaves the arena's chunks");
    }

    @Test
    void aTcacheCountThatDisagreesWithItsListWarns() {
        long[] e = tcache(5);
        assertArrayEquals(e, collect());
        assertOneWarning("thread 7 tcache bin 3: 2 chunks on the list but its count says 5");
    }

    @Test
    void aGarbageThreadPointerNamesTheThread() {
        tcache(2);
        mem.putLong(TLS + 16, 0x1234);
        assertArrayEquals(new long[0], collect());
        assertOneWarning("thread 7: tcache not read (fs_base 0x7ffff7d8a740 is not a thread control block)");
    }

    @Test
    void aGarbageTcachePointerNamesTheThread() {
        tcache(2);
        mem.putLong(TLS - TLS_OFFSET + 0x48, HEAP + 0x500);
        assertArrayEquals(new long[0], collect());
        assertOneWarning("thread 7: tcache not read (its TLS tcache pointer 0x555555559500 is not a tcache chunk");
    }

    @Test
    void aThreadThatNeverAllocatedIsQuiet() {
        assertArrayEquals(new long[0], collect());
        assertTrue(warnings.all().isEmpty(), warnings.all().toString());
    }
}
