package maze.heap.mimalloc.pages;

import maze.heap.FieldReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/** A damaged _mi_page_map: a top level of garbage must not turn into 2^31 sub-map reads. */
class PageMapTest {
    static final long TOP = 0x7f1000000000L;
    static final long DATA = 0x7f2000000000L;

    @Test
    void aTopLevelOfGarbageIsSkippedQuickly() {
        FakeMemory mem = new FakeMemory();
        mem.region(TOP, 8 * PageMap.TOP_COUNT).region(DATA, 8 * PageMap.SUB_COUNT);
        for (int i = 0; i < PageMap.TOP_COUNT; i++) {
            // readable, but unaligned or the same sub-map again: what a damaged pointer finds
            mem.putLong(TOP + 8L * i, i % 2 == 0 ? DATA + 8 : DATA);
        }
        Warnings warnings = new Warnings();
        long[] pages = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new PageMap(new FieldReader(mem, warnings), TOP).pages(p -> p));
        assertEquals(0, pages.length);
        assertTrue(warnings.all().stream().anyMatch(w -> w.contains("not page-aligned sub-maps")), warnings.all().toString());
    }

    /** An entry no page struct can answer (unaligned, or outside the core) is counted, not dropped silently. */
    @Test
    void entriesPointingNowhereAreCounted() {
        FakeMemory mem = new FakeMemory();
        long sub = DATA + 0x10000;
        long page = DATA + 0x40000;
        mem.region(TOP, 8 * PageMap.TOP_COUNT).region(sub, 8 * PageMap.SUB_COUNT).region(page, 64);
        mem.putLong(TOP, sub);
        mem.putLong(sub, page);      // slice 0 -> a real page (its first block is slice 0)
        mem.putLong(sub + 8, -1L);   // slice 1 -> garbage
        mem.putLong(sub + 16, 0x10); // slice 2 -> a small number, outside the core
        PageMap map = new PageMap(new FieldReader(mem, new Warnings()), TOP);
        assertEquals(1, map.pages(p -> 0).length);
        assertEquals(2, map.implausible());
    }
}
