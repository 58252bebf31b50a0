package maze.heap.mimalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/** A damaged _mi_page_map: a top level of garbage must not turn into 2^31 sub-map reads. */
class V3PageMapTest {
    static final long TOP = 0x7f1000000000L;
    static final long DATA = 0x7f2000000000L;

    @Test
    void aTopLevelOfGarbageIsSkippedQuickly() {
        FakeMemory mem = new FakeMemory();
        mem.region(TOP, 8 * V3PageMap.TOP_COUNT).region(DATA, 8 * V3PageMap.SUB_COUNT);
        for (int i = 0; i < V3PageMap.TOP_COUNT; i++) {
            // readable, but unaligned or the same sub-map again: what a damaged pointer finds
            mem.putLong(TOP + 8L * i, i % 2 == 0 ? DATA + 8 : DATA);
        }
        Warnings warnings = new Warnings();
        long[] pages = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new V3PageMap(new MiMemory(mem, warnings), TOP).pages(p -> p));
        assertEquals(0, pages.length);
        assertTrue(warnings.all().stream().anyMatch(w -> w.contains("not page-aligned sub-maps")), warnings.all().toString());
    }
}
