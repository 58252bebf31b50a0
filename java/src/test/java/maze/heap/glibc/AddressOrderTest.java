package maze.heap.glibc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/** The glibc walker's output stays in address order even when two chunk ranges overlap. */
class AddressOrderTest {
    private static final long BASE = 0x555555559000L;

    @Test
    void aRangeStartingInsideTheOneBeforeIsLeftOutWithAWarning() {
        FakeMemory mem = new FakeMemory().region(BASE, 0x1000);
        for (long c = BASE; c < BASE + 0x100; c += 0x40) {
            mem.putLong(c + 8, 0x40 | 1);        // four live 64-byte chunks, then top
        }
        mem.putLong(BASE + 0x108, 0x400 | 1);
        Warnings warnings = new Warnings();
        GlibcMemory m = new GlibcMemory(mem, null, 0, true, warnings);
        Arena main = new Arena(BASE - 0x100, true, BASE + 0x100, 0x1000,
                List.of(new ChunkRange(BASE, BASE + 0x100, BASE + 0x500, BASE - 0x100, false)));
        // a stray mmapped-chunk header inside the heap: its block would come after the heap's
        List<ChunkRange> mmapped = List.of(new ChunkRange(BASE + 0x80, BASE + 0x2080, BASE + 0x2080, 0, true));
        List<Long> addresses = new ArrayList<>();
        GlibcPlugin.emitInAddressOrder(List.of(main), mmapped, new ChunkWalker(m, new long[0]),
                (a, s, f) -> addresses.add(a), m);
        assertEquals(List.of(BASE + 0x10, BASE + 0x50, BASE + 0x90, BASE + 0xd0), addresses);
        assertTrue(warnings.all().get(0).contains("overlap"), warnings.all().toString());
    }
}
