package maze.heap.glibc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.core.CoreModel;
import maze.core.Segment;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/** Mmapped chunks are found in anonymous memory outside the arenas, never reaching into one. */
class MmappedChunksTest {
    private static final long A = 0x7f0000000000L;
    private static final long IS_MMAPPED = 2;

    @Test
    void aHeaderWhoseSizeRunsIntoAnArenaIsNotAChunk() {
        FakeMemory mem = new FakeMemory().region(A, 0x10000);
        mem.putLong(A + 8, 0x9000 | IS_MMAPPED);            // stray: would swallow the heap at A + 0x8000
        mem.putLong(A + 0xa008, 0x2000 | IS_MMAPPED);       // a real one after the heap
        GlibcMemory m = new GlibcMemory(mem, null, 0, true, new Warnings());
        Arena main = new Arena(A - 0x1000, true, A + 0x9000, 0x2000,
                List.of(new ChunkRange(A + 0x8000, A + 0x9000, A + 0xa000, A - 0x1000, false)));
        CoreModel core = new CoreModel(Path.of("core"), 1 << 20, false, 1, 0, "p", "p", "p", "/p", List.of(),
                List.of(new Segment(A, 0x10000, 0, 0x10000, Segment.PF_R | Segment.PF_W)), List.of(), Map.of(),
                List.of(), List.of());
        List<ChunkRange> found = new MmappedChunks(m).find(core, List.of(main), 1, 0x2000);
        assertEquals(List.of(new ChunkRange(A + 0xa000, A + 0xc000, A + 0xc000, 0, true)), found);
    }

    /** A JVM core held two "chunks" inside JVM reservations that mp_ does not count. */
    @Test
    void aHeaderInsideALargerMappingThatMpDoesNotCountIsLeftOut() {
        long b = A + 0x100000;
        FakeMemory mem = new FakeMemory().region(A, 0x2000).region(b, 0x10000);
        mem.putLong(A + 8, 0x2000 | IS_MMAPPED);            // a mapping of its own
        mem.putLong(b + 0x4008, 0x2000 | IS_MMAPPED);       // bytes inside a larger mapping
        Warnings warnings = new Warnings();
        GlibcMemory m = new GlibcMemory(mem, null, 0, true, warnings);
        CoreModel core = new CoreModel(Path.of("core"), 1 << 20, false, 1, 0, "p", "p", "p", "/p", List.of(),
                List.of(new Segment(A, 0x2000, 0, 0x2000, Segment.PF_R | Segment.PF_W),
                        new Segment(b, 0x10000, 0x2000, 0x10000, Segment.PF_R | Segment.PF_W)), List.of(), Map.of(),
                List.of(), List.of());
        List<ChunkRange> found = new MmappedChunks(m).find(core, List.of(), 1, 0x2000);
        assertEquals(List.of(new ChunkRange(A, A + 0x2000, A + 0x2000, 0, true)), found);
        assertEquals(1, warnings.all().size(), warnings.all().toString());
    }
}
