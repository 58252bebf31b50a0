package maze.heap.mimalloc.segments;

import maze.heap.mimalloc.FakeHeapContext;
import maze.heap.mimalloc.MiVersion;
import maze.heap.mimalloc.MimallocPlugin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import maze.core.Segment;
import maze.heap.BlockSink;
import org.junit.jupiter.api.Test;

/**
 * The 1.0 line as the DWARF of upstream's v1.0.0 describes it: page kinds small, large, huge =
 * 0, 1, 2 (no medium kind before 1.0.4), a heap with 130 direct slots and no padding (so usable
 * size = block size), page 0 unaligned in 1.0.0 and aligned for small pages from 1.0.2 on.
 */
class V1ZeroTest {
    static final long SEG = V1WalkTest.SEG;
    static final long INFO = V1Fake.INFO;
    static final long HUGE_SEG = SEG + (8 << 20);
    static final int HUGE_SIZE = 5 << 18; // 1 MiB + header, rounded up to 256 KiB

    /** mi_segment_t, mi_page_t, mi_heap_t, mi_tld_t, mi_segments_tld_t of v1.0.0 RelWithDebInfo. */
    static final List<String> LAYOUT = List.of(
            "struct mi_segment_t 184", "field abandoned_next 16 8", "field abandoned 24 8", "field used 32 8",
            "field capacity 40 8", "field segment_size 48 8", "field segment_info_size 56 8", "field cookie 64 8",
            "field page_shift 72 8", "field thread_id 80 8", "field page_kind 88 4", "field pages 96 88",
            "struct mi_page_t 88", "field capacity 4 2", "field reserved 6 2", "field free 8 8", "field used 24 8",
            "field local_free 32 8", "field thread_free 48 8", "field block_size 56 8", "field heap 64 8",
            "field next 72 8",
            "struct mi_heap_t 2680", "field tld 0 8", "field pages_free_direct 8 1040", "field pages 1048 1584",
            "field thread_delayed_free 2632 8", "field cookie 2648 8",
            "struct mi_page_queue_t 24", "field first 0 8", "struct mi_tld_t 592", "field segments 16 72",
            "struct mi_segments_tld_t 72", "field small_free 0 16", "field current_size 16 8",
            "symbol _mi_heap_main 0xf2e0");

    final V1Fake fake = new V1Fake(LAYOUT);

    V1ZeroTest() {
        fake.segment(SEG, 0, 4 << 20, 16, 64);
        fake.segment(HUGE_SEG, 2, HUGE_SIZE, 22, 1);
        fake.page(SEG, 0, 48, 3, 3);
        fake.page(HUGE_SEG, 0, 1 << 20, 1, 1);
    }

    /** Address and usable size of every block the walk emits, flagged huge blocks as negative sizes. */
    List<Long> walk(MiVersion version) {
        FakeHeapContext ctx = new FakeHeapContext(fake.mem, List.of(new Segment(SEG, 4 << 20, 0, 4 << 20, 6),
                new Segment(HUGE_SEG, HUGE_SIZE, 0, HUGE_SIZE, 6)), fake.src, null, V1Fake.MAIN_HEAP - 0xf2e0);
        List<Long> out = new ArrayList<>();
        MimallocPlugin.walk(ctx, FakeHeapContext.detection(version, ctx.library()), (a, size, f) -> {
            out.add(a);
            out.add((f & BlockSink.MMAPPED) != 0 ? -size : size);
        });
        assertEquals(List.of(), ctx.warnings().all());
        return out;
    }

    @Test
    void oneZeroZeroHasNoAlignmentAndHugeIsKindTwo() {
        long s = SEG + INFO;
        assertEquals(List.of(s, 48L, s + 48, 48L, s + 96, 48L, HUGE_SEG + INFO, -(1L << 20)),
                walk(MiVersion.generationOnly(1, "markers, " + MiVersion.NO_VERSION_EXPORT)));
    }

    @Test
    void oneZeroTwoAlignsSmallPageZero() {
        long s = SEG + INFO + (48 - (SEG + INFO) % 48);
        assertEquals(List.of(s, 48L, s + 48, 48L, s + 96, 48L, HUGE_SEG + INFO, -(1L << 20)),
                walk(MiVersion.fromRaw(100)));
    }
}
