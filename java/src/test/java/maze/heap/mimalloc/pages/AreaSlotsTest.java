package maze.heap.mimalloc.pages;

import maze.heap.mimalloc.FakeFields;
import maze.heap.mimalloc.FakeHeapContext;
import maze.heap.mimalloc.MiVersion;
import maze.layout.LayoutTables;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import maze.core.Segment;
import maze.heap.HeapSummary;
import maze.layout.StructLayout;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/**
 * The 3.6 area walk on a synthetic 256 MiB area: a small page whose metadata is at its start, a
 * large page whose metadata is its own slot, and a slot pointing nowhere real.
 */
class AreaSlotsTest {
    static final String DEBIAN_ID = "0cc9efce9127cccaca2af9d0a1737091ad629a1e";
    static final long AREA = 0x20000000000L;
    static final long SLICE = 1L << 16;

    final FakeMemory mem = new FakeMemory().region(AREA, 2 << 20);
    final StructLayout page = LayoutTables.load("mimalloc/debian-3.6.0.layout").source().struct(V3Layout.PAGE);

    void put(long base, String field, long value) {
        FakeFields.put(mem, base, page.field(field), value);
    }

    void header(long meta, long start, long bsize, int capacity, long used) {
        put(meta, "block_size", bsize);
        put(meta, "capacity", capacity);
        put(meta, "reserved", capacity);
        put(meta, "used", used);
        put(meta, "block_offset", start - meta);
    }

    @Test
    void pagesFromSlotsWithMetadataAtThePageOrInTheSlot() {
        long small = AREA + 8 * SLICE;
        mem.putLong(AREA + 8 * 128, small);
        header(small, small + 128, 64, 4, 3);
        put(small, "free", small + 128 + 128);
        long slot = AREA + 20 * 128;                       // a 2-slice page keeps its metadata in its slot
        mem.putLong(slot, slot).putLong(AREA + 21 * 128, slot);
        long big = AREA + 20 * SLICE + 256;
        header(slot, big, 100_000, 1, 1);
        mem.putLong(AREA + 30 * 128, AREA + 31 * SLICE);   // slot 31 does not point back: not a page
        FakeHeapContext ctx = new FakeHeapContext(mem, List.of(new Segment(AREA, 2 << 20, 0, 2 << 20, 6)), null,
                DEBIAN_ID, 0x7f0000000000L);
        List<Long> out = new ArrayList<>();
        HeapSummary s = new PageWalk(ctx, ctx.library(), MiVersion.fromRaw(30600)).run((a, size, f) -> out.add(a));
        assertEquals(List.of(small + 128, small + 192, small + 320, big), out);
        assertEquals(2, s.facts().get("pages_found_by_area_slots"));
    }
}
