package maze.heap.glibc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import maze.heap.Warnings;
import org.junit.jupiter.api.Test;

/** Mmapped chunks found by their headers against mp_'s counters: suspects named, the unprovable left out. */
class MmapCountersTest {
    private static final long A = 0x7f0000000000L;
    private final Warnings warnings = new Warnings();
    private final GlibcMemory m = new GlibcMemory(null, null, 0, true, warnings);
    private final MmapCounters.Found own = found(A, 0x21000, true);
    private final MmapCounters.Found inside = found(A + 0x100000, 0x40000, false);

    private static MmapCounters.Found found(long at, long bytes, boolean ownMapping) {
        return new MmapCounters.Found(new ChunkRange(at, at + bytes, at + bytes, 0, true), bytes, ownMapping);
    }

    @Test
    void countersThatAgreeKeepEveryChunkQuietly() {
        assertEquals(List.of(own, inside), MmapCounters.reconcile(m, List.of(own, inside), 2, 0x61000));
        assertTrue(warnings.all().isEmpty(), warnings.all().toString());
    }

    @Test
    void aHeaderInsideALargerMappingThatMpDoesNotCountIsLeftOut() {
        assertEquals(List.of(own), MmapCounters.reconcile(m, List.of(own, inside), 1, 0x21000));
        assertEquals(1, warnings.all().size());
        assertTrue(warnings.all().get(0).startsWith("1 mmapped chunk headers inside larger mappings (262144 bytes at 0x7f0000100010)"),
                warnings.all().get(0));
    }

    @Test
    void countersThatNoSubsetExplainsKeepAllAndNameTheSuspects() {
        assertEquals(List.of(own, inside), MmapCounters.reconcile(m, List.of(own, inside), 3, 0x99000));
        assertEquals(List.of("found 2 mmapped chunks of 397312 bytes but mp_ says 3 chunks of 626688 bytes;"
                + " suspect (inside larger mappings): 0x7f0000100010"), warnings.all());
    }
}
