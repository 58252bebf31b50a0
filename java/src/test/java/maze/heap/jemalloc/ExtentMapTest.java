package maze.heap.jemalloc;

import static maze.heap.jemalloc.JemallocFake.PAGE;
import static maze.heap.jemalloc.JemallocFake.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import maze.heap.Warnings;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

class ExtentMapTest {
    static final long ROOT = 0x10000000L;
    static final long LEAF = 0x20000000L;
    static final long HEAP = 0x7f0000000000L; // root index HEAP >>> 30, leaf index 0
    static final int ENTRIES = 1 << 18;

    private final FakeMemory mem = new FakeMemory().region(ROOT, ENTRIES * 8).region(LEAF, ENTRIES * 8);
    private final Warnings warnings = new Warnings();
    private final List<String> seen = new ArrayList<>();

    ExtentMapTest() {
        mem.putLong(ROOT + 8 * (HEAP >>> 30), LEAF);
    }

    private void page(int index, long bits) {
        mem.putLong(LEAF + 8L * index, bits);
    }

    private void walk() {
        new ExtentMap(mem, warnings).walk(ROOT, ENTRIES,
                (edata, szind, slab, state, page, last) -> seen.add(Long.toHexString(edata) + " " + szind + " " + slab
                        + " " + state + " " + Long.toHexString(page - HEAP) + "-" + Long.toHexString(last - HEAP)));
    }

    /** Each run of identical entries once, with its pages, in address order. */
    @Test
    void eachRunOnceInAddressOrder() {
        long slab = 0x5000080L;
        long large = 0x5000100L;
        for (int i = 0; i < 4; i++) {
            page(i, entry(slab, 2, 0, true)); // every page of a slab is registered
        }
        page(4, entry(0, 232, 0, false)); // cleared
        page(5, entry(0x5000180L, 40, 1, false)); // dirty: given with its state
        page(8, entry(large, 40, 0, false)); // a large extent's first and last pages
        page(11, entry(large, 40, 0, false));
        walk();
        assertEquals(List.of("5000080 2 true 0 0-" + Long.toHexString(3 * PAGE),
                "5000180 40 false 1 " + Long.toHexString(5 * PAGE) + "-" + Long.toHexString(5 * PAGE),
                "5000100 40 false 0 " + Long.toHexString(8 * PAGE) + "-" + Long.toHexString(8 * PAGE),
                "5000100 40 false 0 " + Long.toHexString(11 * PAGE) + "-" + Long.toHexString(11 * PAGE)), seen);
        seen.clear();
        page(2, entry(slab, 2, 6, true)); // one page of the slab in no state jemalloc has: a run of its own
        walk();
        assertEquals(List.of("5000080 2 true 0 0-" + Long.toHexString(PAGE), "5000080 2 true 6 " + Long.toHexString(2 * PAGE)
                + "-" + Long.toHexString(2 * PAGE), "5000080 2 true 0 " + Long.toHexString(3 * PAGE) + "-"
                + Long.toHexString(3 * PAGE)), seen.subList(0, 3));
        assertEquals(0, warnings.count());
    }

    @Test
    void highHalfPointersAreSignExtended() {
        page(0, entry(0xffff800000000080L, 3, 0, true));
        walk();
        assertEquals(List.of("ffff800000000080 3 true 0 0-0"), seen);
    }

    @Test
    void aLeafOutsideTheCoreIsAWarningNotAFailure() {
        mem.putLong(ROOT + 8, 0x30000000L);
        page(0, entry(0x5000080L, 2, 0, true));
        walk();
        assertEquals(1, seen.size());
        assertTrue(warnings.incomplete());
        assertTrue(warnings.all().get(0).contains("1 extent-map leaves are not in the core"), warnings.all().toString());
    }
}
