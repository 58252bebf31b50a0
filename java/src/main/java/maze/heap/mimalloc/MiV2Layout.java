package maze.heap.mimalloc;

import java.util.List;
import maze.layout.FieldLayout;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * The mimalloc 2.x fields the walker reads, by name from a {@link LayoutSource} (DWARF or the
 * built-in table), never as hard-coded offsets. Symbols are link-time addresses, 0 when unknown;
 * {@code pageKeys} is null unless the build encodes free lists (MI_ENCODE_FREELIST).
 */
record MiV2Layout(
        long segmentSize, FieldLayout segCookie, FieldLayout segSlices, FieldLayout segInfoSlices,
        FieldLayout segKind, FieldLayout segSliceEntries, FieldLayout segThreadId, long segSlicesArray,
        FieldLayout segUsed, FieldLayout segAbandoned, FieldLayout segAbandonedNext,
        long pageSize, FieldLayout pageSliceCount, FieldLayout pageSliceOffset, FieldLayout pageCapacity,
        FieldLayout pageReserved, FieldLayout pageFree, FieldLayout pageUsed, FieldLayout pageBlockSize,
        FieldLayout pageLocalFree, FieldLayout pageKeys, FieldLayout pageThreadFree, FieldLayout pageHeap,
        MiHeapLayout heap,
        long heapMain, long abandoned, long abandonedVisited, long segmentMap, long heapDefaultTls) {

    static final String SEGMENT = "mi_segment_t";
    static final String PAGE = "mi_page_t";
    static final String HEAP_MAIN = "_mi_heap_main";
    static final String HEAP_DEFAULT = "_mi_heap_default";
    static final LayoutRequest REQUEST = new LayoutRequest(List.of(SEGMENT, PAGE, MiHeapLayout.HEAP, MiHeapLayout.QUEUE, MiHeapLayout.TLD),
            List.of(HEAP_MAIN, "abandoned", "abandoned_visited", "mi_segment_map"), List.of(HEAP_DEFAULT));

    static MiV2Layout from(LayoutSource src) {
        StructLayout seg = src.struct(SEGMENT);
        StructLayout page = src.struct(PAGE);
        return new MiV2Layout(seg.size(), seg.field("cookie"), seg.field("segment_slices"),
                seg.field("segment_info_slices"), seg.field("kind"), seg.field("slice_entries"),
                seg.field("thread_id"), seg.offset("slices"), seg.field("used"), seg.field("abandoned"),
                seg.field("abandoned_next"),
                page.size(), page.field("slice_count"), page.field("slice_offset"), page.field("capacity"),
                page.field("reserved"), page.field("free"), page.field("used"), page.field("xblock_size"),
                page.field("local_free"), page.has("keys") ? page.field("keys") : null,
                page.field("xthread_free"), page.field("xheap"),
                MiHeapLayout.from(src),
                src.symbol(HEAP_MAIN).orElse(0), src.symbol("abandoned").orElse(0),
                src.symbol("abandoned_visited").orElse(0), src.symbol("mi_segment_map").orElse(0),
                src.tlsOffset(HEAP_DEFAULT).orElse(-1));
    }

    /** Names of everything {@link #from} reads, per struct: what a built-in table must provide. */
    static final List<String> SEGMENT_FIELDS = List.of("cookie", "segment_slices", "segment_info_slices", "kind",
            "slice_entries", "thread_id", "slices", "used", "abandoned", "abandoned_next");
    static final List<String> PAGE_FIELDS = List.of("slice_count", "slice_offset", "capacity", "reserved", "free",
            "used", "xblock_size", "local_free", "xthread_free", "xheap", "next");
    static final List<String> HEAP_FIELDS = List.of("tld", "pages_free_direct", "pages", "thread_delayed_free",
            "thread_id", "cookie", "keys", "next");
}
