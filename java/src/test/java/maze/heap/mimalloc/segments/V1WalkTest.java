package maze.heap.mimalloc.segments;

import maze.heap.mimalloc.FakeHeapContext;
import maze.heap.mimalloc.MiVersion;
import maze.heap.mimalloc.MimallocPlugin;
import maze.layout.LayoutTable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import maze.core.Segment;
import maze.heap.BlockSink;
import maze.heap.HeapSummary;
import maze.testing.FakeMemory;
import org.junit.jupiter.api.Test;

/**
 * The 1.x walk on a synthetic 4 MiB segment laid out as DWARF describes 1.8.2 (release): page 0
 * starts after the header on a block-size multiple, free lists are excluded, the scan finds it.
 */
class V1WalkTest {
    static final long SEG = 0x20000400000L;
    static final long MAIN_HEAP = V1Fake.MAIN_HEAP;
    static final long INFO = V1Fake.INFO;

    /** mi_page_t, mi_segment_t, mi_heap_t, mi_tld_t as `ptype /o` prints them for 1.8.2 RelWithDebInfo. */
    static final List<String> LAYOUT = List.of(
            "struct mi_segment_t 200", "field segment_size 32 8", "field abandoned_next 40 8", "field abandoned 64 8",
            "field used 80 8", "field capacity 88 8", "field segment_info_size 96 8", "field cookie 104 8",
            "field page_shift 112 8", "field thread_id 120 8", "field page_kind 128 4", "field pages 136 64",
            "struct mi_page_t 64", "field capacity 2 2", "field reserved 4 2", "field free 8 8", "field used 16 4",
            "field xblock_size 20 4", "field local_free 24 8", "field xthread_free 32 8", "field xheap 40 8",
            "field next 48 8",
            "struct mi_heap_t 3064", "field tld 0 8", "field pages_free_direct 8 1032", "field pages 1040 1800",
            "field thread_delayed_free 2840 8", "field cookie 2864 8", "field keys 2872 16", "field next 3048 8",
            "struct mi_page_queue_t 24", "field first 0 8", "struct mi_tld_t 792", "field heaps 24 8",
            "struct mi_segments_tld_t 184", "field small_free 0 16", "field medium_free 16 16",
            "symbol _mi_heap_main 0x1b360");

    final V1Fake fake = new V1Fake(LAYOUT);
    final FakeMemory mem = fake.mem;

    V1WalkTest() {
        fake.segment(SEG, 0, 4 << 20, 16, 64);
        fake.put(SEG, fake.seg, "used", 2);
    }

    @Test
    void pageZeroIsAlignedAndFreeBlocksAreExcluded() {
        fake.page(SEG, 0, 48, 3, 3);
        long p1 = fake.page(SEG, 1, 64, 4, 3);
        long start0 = SEG + INFO + (48 - (SEG + INFO) % 48);      // first multiple of 48 after the header
        long start1 = SEG + (1 << 16);
        mem.putLong(p1 + fake.page.offset("local_free"), start1 + 64);
        FakeHeapContext ctx = new FakeHeapContext(mem, List.of(new Segment(SEG, 4 << 20, 0, 4 << 20, 6)), fake.src, null,
                MAIN_HEAP - 0x1b360);
        List<Long> out = new ArrayList<>();
        int[] flags = {0};
        HeapSummary s = MimallocPlugin.walk(ctx, FakeHeapContext.detection(MiVersion.fromRaw(182), ctx.library()),
                (a, size, f) -> {
                    out.add(a);
                    flags[0] |= f;
                });
        assertEquals(List.of(start0, start0 + 48, start0 + 96, start1, start1 + 128, start1 + 192), out);
        assertEquals(1, s.facts().get("segments_found_by_scan_only"));
        assertEquals(BlockSink.FOUND_BY_SCAN, flags[0]);
    }
}
