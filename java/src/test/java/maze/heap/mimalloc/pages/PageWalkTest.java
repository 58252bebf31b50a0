package maze.heap.mimalloc.pages;

import maze.heap.mimalloc.FakeFields;
import maze.heap.mimalloc.FakeHeapContext;
import maze.heap.mimalloc.MiVersion;
import maze.layout.LayoutTables;
import maze.layout.LayoutTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import maze.core.Segment;
import maze.heap.HeapSummary;
import maze.layout.FieldLayout;
import maze.layout.LayoutException;
import maze.layout.StructLayout;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/** The 3.0 walk on a synthetic page map: genuine pages only, free lists excluded, address order. */
class PageWalkTest {
    static final String DEBIAN_ID = "75c53b92e0913be47206c617572c0cf9ec48f6ee";
    static final long MAP_VAR = 0x7f0000002000L;
    static final long BIAS = MAP_VAR - 0x28600;
    static final long TOP = 0x7f1000000000L;
    static final long SUB = 0x7f2000000000L;
    static final long BASE = 0x20000000000L; // top index BASE >> 29, sub index 0
    static final long SLICE = 1L << 16;

    final FakeMemory mem = new FakeMemory();
    final LayoutTable.Source table = LayoutTables.load("mimalloc/debian-3.0.1.layout").source();
    final StructLayout page = table.struct(V3Layout.PAGE);

    PageWalkTest() {
        mem.region(MAP_VAR, 8).putLong(MAP_VAR, TOP);
        mem.region(TOP, 8 * PageMap.TOP_COUNT).putLong(TOP + 8 * (BASE >>> 29), SUB);
        mem.region(SUB, 8 * PageMap.SUB_COUNT);
        mem.region(BASE, (int) (8 * SLICE));
    }

    void put(long base, String field, long value) {
        FakeFields.put(mem, base, page.field(field), value);
    }

    /** A page at slice {@code slice} spanning {@code slices} map entries, blocks from +128. */
    long page(int slice, int slices, long bsize, int capacity, long used) {
        long p = BASE + slice * SLICE;
        for (int i = 0; i < slices; i++) {
            mem.putLong(SUB + 8L * (slice + i), p);
        }
        put(p, "xthread_id", FakeHeapContext.THREAD);
        put(p, "block_size", bsize);
        put(p, "capacity", capacity);
        put(p, "reserved", capacity);
        put(p, "used", used);
        put(p, "page_start", p + 128);
        return p;
    }

    List<Long> walk(HeapSummary[] summary) {
        return walk(new FakeHeapContext(mem, List.of(), null, DEBIAN_ID, BIAS), MiVersion.fromRaw(301), summary);
    }

    List<Long> walk(FakeHeapContext ctx, MiVersion version, HeapSummary[] summary) {
        List<Long> out = new ArrayList<>();
        HeapSummary s = new PageWalk(ctx, ctx.library(), version).run((a, size, f) -> out.add(a));
        if (summary != null) {
            summary[0] = s;
        }
        return out;
    }

    @Test
    void livePagesInAddressOrderWithoutFreeBlocksOrStalePages() {
        long high = page(4, 1, 1024, 3, 3);
        long low = page(0, 2, 64, 4, 2);
        mem.putLong(low + page.offset("free"), low + 128 + 64);  // block 1 free ...
        mem.putLong(low + 128 + 64, low + 128 + 192);            // ... then block 3
        mem.putLong(high + page.offset("xthread_free"), (high + 128 + 1024) | 1); // block 1, owned bit set
        page(2, 1, 64, 8, 0);                                    // a freed page: used 0
        mem.putLong(SUB + 8 * 6, BASE + 7 * SLICE);              // stale: slice 7 does not point back
        HeapSummary[] s = new HeapSummary[1];
        assertEquals(List.of(low + 128, low + 128 + 128, high + 128, high + 128 + 2048), walk(s));
        assertEquals("built-in mimalloc/debian-3.0.1.layout", s[0].facts().get("layout"));
    }

    /**
     * 3.4 (as its DWARF gives it): page_woffset (words from the struct to the blocks) instead of
     * page_start, and the page struct apart from its page, at the arena's start (3.3+): the map
     * points the page's slices at that struct, whose own slice maps to nothing.
     */
    @Test
    void separatePageStructsWithWordOffsets() {
        FieldLayout start = page.fields().remove("page_start");
        page.fields().put("page_woffset", new FieldLayout("page_woffset", start.offset(), 4));
        long meta = BASE + 8;                                     // in slice 0: the arena's page structs
        long blocks = BASE + 2 * SLICE;
        mem.putLong(SUB + 8 * 2, meta).putLong(SUB + 8 * 3, meta);
        put(meta, "block_size", 4096);
        put(meta, "capacity", 2);
        put(meta, "reserved", 32);
        put(meta, "used", 2);
        put(meta, "page_woffset", (blocks - meta) / 8);
        FakeHeapContext ctx = new FakeHeapContext(mem, List.of(), table, null, BIAS);
        assertEquals(List.of(blocks, blocks + 4096), walk(ctx, MiVersion.fromRaw(30403), null));

        table.symbols().remove(V3Layout.PAGE_MAP);
        LayoutException e = assertThrows(LayoutException.class, () -> V3Layout.from(table));
        assertTrue(e.getMessage().contains(V3Layout.PAGE_MAP), e.getMessage());
    }

    /**
     * A live page whose only map entry was redirected into another page's struct (a damaged core):
     * the map no longer holds it, but the slice start it sits at does (an abandoned page is in no
     * queue), and a queue neighbour's link does (without the core mappings to scan).
     */
    @Test
    void aLivePageTheMapLostIsWarnedAboutFromEitherSecondSource() {
        long kept = page(0, 1, 64, 4, 4);
        long lost = page(2, 1, 64, 4, 4);
        mem.putLong(SUB + 8 * 2, kept + 0x28);
        List<Segment> core = List.of(new Segment(BASE, 8 * SLICE, 0, 8 * SLICE, Segment.PF_R | Segment.PF_W));
        FakeHeapContext scanned = new FakeHeapContext(mem, core, null, DEBIAN_ID, BIAS);
        List<Long> keptBlocks = List.of(kept + 128, kept + 192, kept + 256, kept + 320);
        assertEquals(keptBlocks, walk(scanned, MiVersion.fromRaw(301), null));
        assertEquals(List.of(String.format("mimalloc page 0x%x (blocks of 64 at 0x%x) is live, found through a slice"
                + " start, but the page map does not hold it; its blocks not listed", lost, lost + 128)),
                scanned.warnings().all());

        put(kept, "next", lost);
        put(lost, "prev", kept);
        FakeHeapContext linked = new FakeHeapContext(mem, List.of(), null, DEBIAN_ID, BIAS);
        assertEquals(keptBlocks, walk(linked, MiVersion.fromRaw(301), null));
        assertEquals(List.of(String.format("mimalloc page 0x%x (blocks of 64 at 0x%x) is live, found through a heap's"
                + " page queue, but the page map does not hold it; its blocks not listed", lost, lost + 128)),
                linked.warnings().all());

        mem.putLong(SUB + 8 * 2, lost); // repaired: both sources agree with the map
        FakeHeapContext clean = new FakeHeapContext(mem, core, null, DEBIAN_ID, BIAS);
        assertEquals(8, walk(clean, MiVersion.fromRaw(301), null).size());
        assertEquals(List.of(), clean.warnings().all());
    }

    @Test
    void theBuiltinTableIsRefusedWhenCountersDisagree() {
        long p = page(0, 1, 64, 4, 4);
        mem.putLong(p + page.offset("free"), p + 128); // one free block, but used still says 4
        LayoutException e = assertThrows(LayoutException.class, () -> walk(null));
        assertTrue(e.getMessage().contains(DEBIAN_ID) && e.getMessage().contains("3.0.1"), e.getMessage());
    }
}
