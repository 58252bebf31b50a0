package maze.heap.mimalloc.segments;

import maze.heap.mimalloc.FakeHeapContext;
import maze.heap.mimalloc.FreeListCodec;
import maze.heap.mimalloc.MiVersion;
import maze.heap.mimalloc.MimallocPlugin;
import maze.layout.LayoutTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import maze.core.Module;
import maze.core.Segment;
import maze.heap.BlockSink;
import maze.heap.HeapSummary;
import maze.layout.FieldLayout;
import maze.layout.LayoutException;
import maze.layout.LayoutSource;
import maze.memory.MemoryView;
import org.junit.jupiter.api.Test;

/** The 2.x walk on synthetic segments: which blocks count as live, in which order, found how. */
class V2WalkTest {
    static final String DEBIAN_ID = "d07f4e7dc9a039fcbe7747f416476bd65cb48e8b";
    static final long BIAS = V2Fake.MAIN_HEAP - 0x1c4c0; // _mi_heap_main of the table lands on the fake heap

    record Block(long address, long size, int flags) {
    }

    static FakeHeapContext ctx(MemoryView mem, List<Segment> segments, LayoutSource dwarf) {
        return new FakeHeapContext(mem, segments, dwarf, DEBIAN_ID, BIAS);
    }

    static List<Segment> coreSegments(long... starts) {
        List<Segment> list = new ArrayList<>();
        for (long s : starts) {
            list.add(new Segment(s, V2Slices.SEGMENT_SIZE, 0, V2Slices.SEGMENT_SIZE, Segment.PF_R | Segment.PF_W));
        }
        return list;
    }

    static List<Block> walk(FakeHeapContext ctx, HeapSummary[] summary) {
        List<Block> out = new ArrayList<>();
        Module lib = ctx.library();
        BlockSink sink = (a, s, f) -> out.add(new Block(a, s, f));
        HeapSummary h = MimallocPlugin.walk(ctx, FakeHeapContext.detection(MiVersion.fromRaw(209), lib), sink);
        if (summary != null) {
            summary[0] = h;
        }
        return out;
    }

    /** free, local_free, thread-free (flag bits set) and the heap's delayed list are all free. */
    private static V2Fake pageWithEveryList(boolean encoded) {
        V2Fake f = new V2Fake(encoded);
        long seg = f.segment(V2Fake.SEG, 2, FakeHeapContext.THREAD);
        long page = f.page(seg, 1, 64, 8, V2Fake.MAIN_HEAP);
        f.put(page, f.l.pageUsed(), 8 - 3); // free + local_free are uncounted; thread-free and delayed are not
        f.mem.putLong(V2Fake.MAIN_HEAP + f.l.heap().heapPages() + 3 * f.l.heap().queueSize(), page); // in a queue
        FreeListCodec pc = encoded ? FreeListCodec.keys(0x1234567890abcdefL, 0x0fedcba987654321L, page)
                : FreeListCodec.PLAIN;
        FreeListCodec hc = encoded ? FreeListCodec.keys(0x1111L, 0x2222L, V2Fake.MAIN_HEAP) : FreeListCodec.PLAIN;
        if (encoded) {
            f.mem.putLong(page + 64, pc.k0()).putLong(page + 72, pc.k1());
            f.mem.putLong(V2Fake.MAIN_HEAP + f.l.heap().heapKeys().offset(), hc.k0());
            f.mem.putLong(V2Fake.MAIN_HEAP + f.l.heap().heapKeys().offset() + 8, hc.k1());
        }
        f.list(page + f.l.pageFree().offset(), 0, pc, List.of(f.block(seg, 1, 64, 0), f.block(seg, 1, 64, 3)));
        f.list(page + f.l.pageLocalFree().offset(), 0, pc, List.of(f.block(seg, 1, 64, 5)));
        f.list(page + f.l.pageThreadFree().offset(), 2, pc, List.of(f.block(seg, 1, 64, 6)));
        f.list(V2Fake.MAIN_HEAP + f.l.heap().heapDelayed().offset(), 0, hc, List.of(f.block(seg, 1, 64, 7)));
        return f;
    }

    /** The header scan covers the bytes a segment has in the file, not a damaged p_memsz of 2^56. */
    @Test
    void aDamagedMemorySizeDoesNotStretchTheScan() {
        V2Fake f = pageWithEveryList(false);
        List<Segment> segments = new ArrayList<>(coreSegments(V2Fake.SEG));
        segments.add(0, new Segment(0x1000, 1L << 56, 0, 0x1000, Segment.PF_R | Segment.PF_W));
        List<Block> blocks = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> walk(ctx(f.mem, segments, V2Fake.table()), null));
        assertEquals(3, blocks.size());
    }

    @Test
    void everyFreeListIsExcluded() {
        V2Fake f = pageWithEveryList(false);
        List<Block> blocks = walk(ctx(f.mem, coreSegments(V2Fake.SEG), V2Fake.table()), null);
        assertEquals(List.of(new Block(f.block(V2Fake.SEG, 1, 64, 1), 64, 0), new Block(f.block(V2Fake.SEG, 1, 64, 2), 64, 0),
                new Block(f.block(V2Fake.SEG, 1, 64, 4), 64, 0)), blocks);
    }

    @Test
    void encodedListsAreDecodedWithPageAndHeapKeys() {
        V2Fake f = pageWithEveryList(true);
        LayoutSource encoded = V2Fake.table();
        encoded.struct(V2Layout.PAGE).fields().put("keys", new maze.layout.FieldLayout("keys", 64, 16));
        List<Block> blocks = walk(ctx(f.mem, coreSegments(V2Fake.SEG), encoded), null);
        assertEquals(List.of(f.block(V2Fake.SEG, 1, 64, 1), f.block(V2Fake.SEG, 1, 64, 2), f.block(V2Fake.SEG, 1, 64, 4)),
                blocks.stream().map(Block::address).toList());
    }

    @Test
    void scanFindsUnlistedSegmentsAndOutputIsInAddressOrder() {
        V2Fake f = new V2Fake(false);
        long low = f.segment(V2Fake.SEG, 3, 0);
        long high = f.segment(V2Fake.SEG + 2 * V2Slices.SEGMENT_SIZE, 2, 0);
        f.page(high, 1, 2048, 2, 0);
        f.page(low, 2, 4096, 1, 0);
        f.page(low, 1, 16, 3, 0);
        HeapSummary[] s = new HeapSummary[1];
        List<Block> blocks = walk(ctx(f.mem, coreSegments(low, high), V2Fake.table()), s);
        List<Long> addrs = blocks.stream().map(Block::address).toList();
        assertEquals(List.of(f.block(low, 1, 16, 0), f.block(low, 1, 16, 1), f.block(low, 1, 16, 2),
                f.block(low, 2, 4096, 0), f.block(high, 1, 2048, 0), f.block(high, 1, 2048, 1)), addrs);
        assertEquals(2, s[0].facts().get("segments_found_by_scan_only"));
        assertEquals(2L, s[0].facts().get("abandoned_segments"));
    }

    /** A slice count stepping past the segment would skip every page after it: the entry is bad, the rest still walked. */
    @Test
    void aSliceCountPastTheSegmentIsWarnedAboutAndSkipped() {
        V2Fake f = new V2Fake(false);
        long seg = f.segment(V2Fake.SEG, 3, 0);
        long damaged = f.page(seg, 1, 64, 2, 0);
        f.page(seg, 2, 4096, 1, 0);
        f.put(damaged, f.l.pageSliceCount(), 0x7fffffff);
        FakeHeapContext ctx = ctx(f.mem, coreSegments(seg), V2Fake.table());
        assertEquals(List.of(f.block(seg, 2, 4096, 0)), walk(ctx, null).stream().map(Block::address).toList());
        assertTrue(ctx.warnings().all().stream().anyMatch(w -> w.contains("page entries inconsistent")),
                ctx.warnings().all().toString());
    }

    @Test
    void wrongCookieIsNoSegment() {
        V2Fake f = new V2Fake(false);
        long seg = f.segment(V2Fake.SEG, 2, 0);
        f.page(seg, 1, 64, 4, 0);
        f.put(seg, f.l.segCookie(), 42);
        assertEquals(List.of(), walk(ctx(f.mem, coreSegments(seg), V2Fake.table()), null));
    }

    @Test
    void hugeSegmentIsOneBlockSpanningItsPage() {
        V2Fake f = new V2Fake(false);
        long seg = f.segment(V2Fake.SEG, 2, 0);
        f.put(seg, f.l.segKind(), 1);
        f.put(seg, f.l.segSlices(), 1281);           // 80 MiB + one info slice
        f.put(seg, f.l.segSliceEntries(), 512);
        long page = f.page(seg, 1, 1280 * V2Slices.SLICE_SIZE, 1, 0);
        f.put(page, f.l.pageSliceCount(), 1280);
        List<Block> blocks = walk(ctx(f.mem, coreSegments(seg), V2Fake.table()), null);
        assertEquals(List.of(new Block(seg + V2Slices.SLICE_SIZE, 80L << 20, BlockSink.MMAPPED | BlockSink.FOUND_BY_SCAN)),
                blocks);
    }

    @Test
    void builtinTableIsUsedWithoutDwarfAndRefusedWhenTheCoreDisagrees() {
        V2Fake f = pageWithEveryList(false);
        HeapSummary[] s = new HeapSummary[1];
        assertEquals(3, walk(ctx(f.mem, coreSegments(V2Fake.SEG), null), s).size());
        assertEquals("built-in mimalloc/debian-2.0.9.layout", s[0].facts().get("layout"));

        f.put(f.meta(V2Fake.SEG, 1), f.l.pageUsed(), 7); // counters no longer match the lists
        LayoutException e = assertThrows(LayoutException.class,
                () -> walk(ctx(f.mem, coreSegments(V2Fake.SEG), null), null));
        assertTrue(e.getMessage().contains(DEBIAN_ID) && e.getMessage().contains("2.0.9")
                && e.getMessage().contains("--debug-file-directory") && e.getMessage().contains("does not fit"),
                e.getMessage());
    }

    @Test
    void withoutTheMainHeapSymbolTheCookieIsInferredFromHeaders() {
        V2Fake f = new V2Fake(false);
        long a = f.segment(V2Fake.SEG, 2, 0);
        long b = f.segment(V2Fake.SEG + V2Slices.SEGMENT_SIZE, 2, 0);
        f.page(a, 1, 64, 2, 0);
        f.page(b, 1, 64, 1, 0);
        LayoutTable.Source noSymbols = V2Fake.table();
        noSymbols.symbols().clear();
        FakeHeapContext ctx = ctx(f.mem, coreSegments(a, b), noSymbols);
        HeapSummary[] s = new HeapSummary[1];
        assertEquals(3, walk(ctx, s).size());
        assertEquals("inferred", s[0].facts().get("main_cookie"));
    }

    /** A cycle and a pointer out of the page end their lists with a warning; the walk goes on. */
    @Test
    void corruptListsAreCutAndReported() {
        V2Fake f = new V2Fake(false);
        long seg = f.segment(V2Fake.SEG, 3, 0);
        long a = f.page(seg, 1, 64, 4, 0);
        long b = f.page(seg, 2, 64, 4, 0);
        f.put(a, f.l.pageUsed(), 2);
        f.list(a + f.l.pageFree().offset(), 0, FreeListCodec.PLAIN, List.of(f.block(seg, 1, 64, 1), f.block(seg, 1, 64, 2)));
        f.mem.putLong(f.block(seg, 1, 64, 2), f.block(seg, 1, 64, 1)); // 2 -> 1: a cycle
        f.put(b, f.l.pageUsed(), 3);
        f.mem.putLong(b + f.l.pageFree().offset(), f.block(seg, 2, 64, 0));
        f.mem.putLong(f.block(seg, 2, 64, 0), f.block(seg, 1, 64, 0)); // into another page
        HeapSummary[] s = new HeapSummary[1];
        FakeHeapContext ctx = ctx(f.mem, coreSegments(seg), V2Fake.table());
        List<Long> addrs = walk(ctx, s).stream().map(Block::address).toList();
        assertEquals(List.of(f.block(seg, 1, 64, 0), f.block(seg, 1, 64, 3), f.block(seg, 2, 64, 1),
                f.block(seg, 2, 64, 2), f.block(seg, 2, 64, 3)), addrs);
        assertEquals(2L, s[0].facts().get("pages_list_problems"));
        assertTrue(ctx.warnings().all().stream().anyMatch(w -> w.contains("free list left the page")), ctx.warnings().all().toString());
    }

    /** 2.1.4+ names: a size_t block_size and the page's own page_start, which the walk must follow. */
    @Test
    void pageStartAndBlockSizeOfLaterBuilds() {
        LayoutTable.Source later = V2Fake.table();
        Map<String, FieldLayout> page = later.struct(V2Layout.PAGE).fields();
        page.remove("xblock_size");
        page.put("block_size", new FieldLayout("block_size", 64, 8));
        page.put("page_start", new FieldLayout("page_start", 72, 8));
        V2Fake f = new V2Fake(false);
        long seg = f.segment(V2Fake.SEG, 2, 0);
        long meta = f.meta(seg, 1);
        f.put(meta, f.l.pageSliceCount(), 1);
        f.mem.putLong(meta + 64, 48).putLong(meta + 72, seg + V2Slices.SLICE_SIZE + 1000);
        f.put(meta, f.l.pageCapacity(), 2);
        f.put(meta, f.l.pageReserved(), 2);
        f.put(meta, f.l.pageUsed(), 2);
        f.put(seg, f.l.segUsed(), 1);
        List<Long> addrs = walk(ctx(f.mem, coreSegments(seg), later), null).stream().map(Block::address).toList();
        long start = seg + V2Slices.SLICE_SIZE + 1000;
        assertEquals(List.of(start, start + 48), addrs);
    }
}
