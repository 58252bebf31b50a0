package maze.heap.mimalloc.segments;

import maze.heap.mimalloc.HeapLayout;
import java.util.List;
import maze.layout.FieldLayout;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * The mimalloc 1.x fields the walker reads, by name from DWARF. Names moved across 1.x:
 * thread_free became xthread_free (1.4), heap xheap, block_size a 32-bit xblock_size (1.4) and
 * back (1.8.4, with page_start); whichever the build has is used. Null fields are absent.
 */
public record V1Layout(FieldLayout segCookie, FieldLayout segSize, FieldLayout segInfoSize, FieldLayout segPageShift,
                  FieldLayout segThreadId, FieldLayout segKind, FieldLayout segCapacity, FieldLayout segUsed,
                  FieldLayout segAbandoned, FieldLayout segAbandonedNext, long segPages, long pageSize,
                  FieldLayout pageInUse, FieldLayout pageCapacity, FieldLayout pageReserved, FieldLayout pageFree,
                  FieldLayout pageUsed, FieldLayout pageBlockSize, boolean blockSizeSentinel, FieldLayout pageStart,
                  FieldLayout pageLocalFree, FieldLayout pageKeys, FieldLayout pageThreadFree, FieldLayout pageHeap,
                  HeapLayout heap, long heapMain, long abandoned, long abandonedVisited, long heapDefaultTls,
                  boolean mediumKind) {

    public static final String SEGMENT = "mi_segment_t";
    /** Its medium_free queue came with the medium page kind (1.0.4), which renumbered the kinds. */
    public static final String SEGMENTS_TLD = "mi_segments_tld_t";
    public static final LayoutRequest REQUEST = new LayoutRequest(
            List.of(SEGMENT, HeapLayout.PAGE, HeapLayout.HEAP, HeapLayout.QUEUE, HeapLayout.TLD, SEGMENTS_TLD),
            List.of("_mi_heap_main", "abandoned", "abandoned_visited"), List.of("_mi_heap_default"));

    public static V1Layout from(LayoutSource src) {
        StructLayout seg = src.struct(SEGMENT);
        StructLayout page = src.struct(HeapLayout.PAGE);
        boolean x = page.has("xblock_size");
        return new V1Layout(seg.field("cookie"), seg.field("segment_size"), seg.field("segment_info_size"),
                seg.field("page_shift"), seg.field("thread_id"), seg.field("page_kind"), seg.field("capacity"),
                seg.field("used"), seg.field("abandoned"), optional(seg, "abandoned_next"), seg.offset("pages"),
                page.size(), page.field("segment_in_use"), page.field("capacity"), page.field("reserved"),
                page.field("free"), page.field("used"), page.field(x ? "xblock_size" : "block_size"), x,
                optional(page, "page_start"), page.field("local_free"), optional(page, "keys"),
                page.field(page.has("xthread_free") ? "xthread_free" : "thread_free"),
                page.field(page.has("xheap") ? "xheap" : "heap"), HeapLayout.from(src),
                src.symbol("_mi_heap_main").orElse(0), src.symbol("abandoned").orElse(0),
                src.symbol("abandoned_visited").orElse(0), src.tlsOffset("_mi_heap_default").orElse(-1),
                src.struct(SEGMENTS_TLD).has("medium_free"));
    }

    private static FieldLayout optional(StructLayout s, String name) {
        return s.has(name) ? s.field(name) : null;
    }
}
