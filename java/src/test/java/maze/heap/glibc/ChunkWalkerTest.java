package maze.heap.glibc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

class ChunkWalkerTest {
    private static final long BASE = 0x555555559000L;
    private final FakeMemory mem = new FakeMemory().region(BASE, 0x1000);
    private final Warnings warnings = new Warnings();
    private final GlibcMemory m = new GlibcMemory(mem, null, 0, true, warnings);

    /** Lays out chunks of the given sizes from BASE; returns their addresses. inUse[i] sets PREV_INUSE of chunk i+1. */
    private long[] chunks(long[] sizes, boolean[] inUse) {
        long[] at = new long[sizes.length];
        long c = BASE;
        for (int i = 0; i < sizes.length; i++) {
            at[i] = c;
            boolean prevInUse = i == 0 || inUse[i - 1];
            mem.putLong(c + 8, sizes[i] | (prevInUse ? 1 : 0));
            c += sizes[i];
        }
        return at;
    }

    private List<long[]> walk(ChunkRange r, long[] free) {
        List<long[]> out = new ArrayList<>();
        new ChunkWalker(m, free).walk(r, (a, s, f) -> out.add(new long[] {a, s}));
        return out;
    }

    @Test
    void emitsInUseChunksAndSkipsFreeAndCached() {
        // chunk 0 live, 1 free (next's PREV_INUSE clear), 2 in tcache (bit set, but listed), 3 live, 4 top
        long[] at = chunks(new long[] {32, 48, 32, 80, 0x400}, new boolean[] {true, false, true, true});
        long top = at[4];
        List<long[]> blocks = walk(new ChunkRange(BASE, top, top + 0x400, BASE, false), new long[] {at[2]});
        assertEquals(2, blocks.size());
        assertEquals(at[0] + 16, blocks.get(0)[0]);
        assertEquals(24, blocks.get(0)[1]);
        assertEquals(at[3] + 16, blocks.get(1)[0]);
        assertEquals(72, blocks.get(1)[1]);
        assertTrue(warnings.all().isEmpty());
    }

    @Test
    void badSizeStopsTheWalkWithAWarning() {
        long[] at = chunks(new long[] {32, 48}, new boolean[] {true});
        mem.putLong(at[1] + 8, 0x7ffff0 | 1); // a size running far past the heap
        List<long[]> blocks = walk(new ChunkRange(BASE, BASE + 0x200, BASE + 0x200, BASE, false), new long[0]);
        assertEquals(1, blocks.size());
        assertEquals(at[0] + 16, blocks.get(0)[0]);
        assertEquals(1, warnings.all().size());
        assertTrue(warnings.all().get(0).contains("does not fit"), warnings.all().get(0));
    }

    @Test
    void fencepostEndsAnOldHeapQuietly() {
        long[] at = chunks(new long[] {64, 16, 16}, new boolean[] {true, true});
        mem.putLong(at[2] + 8, 1); // the final header: size 0, PREV_INUSE
        long end = at[2] + 16;
        List<long[]> blocks = walk(new ChunkRange(BASE, end, end, BASE, false), new long[0]);
        assertEquals(1, blocks.size());
        assertTrue(warnings.all().isEmpty());
    }

    @Test
    void smallOldTopBeforeTheLastFencepostIsNotLive() {
        // sysmalloc left an old top of 32 bytes it could not free, then the size-0 header at the end
        long[] at = chunks(new long[] {64, 32, 16}, new boolean[] {true, true});
        mem.putLong(at[2] + 8, 1); // the final header: size 0, PREV_INUSE
        long end = at[2] + 16;
        List<long[]> blocks = walk(new ChunkRange(BASE, end, end, BASE, false), new long[0]);
        assertEquals(1, blocks.size());
        assertEquals(at[0] + 16, blocks.get(0)[0]);
        assertTrue(warnings.all().isEmpty(), warnings.all().toString());
    }

    @Test
    void aLastChunkReachingIntoTopWarns() {
        long[] at = chunks(new long[] {32, 96, 0x400}, new boolean[] {true, true});
        long top = at[1] + 48; // top's header says it starts inside the 96-byte chunk
        List<long[]> blocks = walk(new ChunkRange(BASE, top, top + 0x400, BASE, false), new long[0]);
        assertEquals(2, blocks.size());
        assertEquals(1, warnings.all().size());
        assertTrue(warnings.all().get(0).contains("ends at 0x" + Long.toHexString(at[2]) + ", past top"), warnings.all().get(0));
    }

    private void walkWithBins(long[] binned) {
        // chunk 0 live, 1 free (next's PREV_INUSE clear), 2 live, 3 top
        long[] at = chunks(new long[] {32, 48, 32, 0x400}, new boolean[] {true, false, true});
        ChunkWalker w = new ChunkWalker(m, new long[0], binned);
        w.walk(new ChunkRange(BASE, at[3], at[3] + 0x400, BASE, false), (a, s, f) -> { });
        w.checkBins();
    }

    @Test
    void aFreeChunkOnABinIsQuiet() {
        walkWithBins(new long[] {BASE + 32});
        assertTrue(warnings.all().isEmpty(), warnings.all().toString());
    }

    @Test
    void aFreeChunkOnNoBinWarns() {
        walkWithBins(new long[0]);
        assertEquals(List.of("1 chunks look free (the next chunk's PREV_INUSE is clear) but are on no bin, the first at 0x"
                + Long.toHexString(BASE + 32) + ": live blocks may be left out"), warnings.all());
    }

    @Test
    void aBinnedChunkThatLooksLiveWarns() {
        walkWithBins(new long[] {BASE + 32, BASE + 80});
        assertEquals(1, warnings.all().size());
        assertTrue(warnings.all().get(0).startsWith("1 chunks on the arenas' bins were not seen free"), warnings.all().get(0));
    }
}
