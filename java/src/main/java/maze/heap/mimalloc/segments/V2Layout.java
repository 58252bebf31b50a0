package maze.heap.mimalloc.segments;

import maze.heap.mimalloc.HeapLayout;
import java.util.List;
import maze.layout.FieldLayout;
import maze.layout.LayoutException;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * The mimalloc 2.x fields the walker reads, by name from a {@link LayoutSource} (DWARF or the
 * built-in table), never as hard-coded offsets. Symbols are link-time addresses, 0 when unknown;
 * {@code pageKeys} is null unless the build encodes free lists (MI_ENCODE_FREELIST). 2.0-2.1.2
 * store a 32-bit {@code xblock_size} (2 GiB and up means "the whole page"); 2.1.4+ a size_t
 * {@code block_size} and the blocks' {@code page_start}, and no segment {@code abandoned_next}
 * (abandoned segments live in arena bitmaps: the scan finds them). Absent fields are null.
 * {@code segmapPartMap}: the bitmap in each part of the segment map, which is an array of part
 * pointers from 2.1.8 on (a flat bitmap before); null for a flat map.
 */
public record V2Layout(
        FieldLayout segCookie, FieldLayout segSlices, FieldLayout segInfoSlices,
        FieldLayout segKind, FieldLayout segSliceEntries, FieldLayout segThreadId, long segSlicesArray,
        FieldLayout segUsed, FieldLayout segAbandoned, FieldLayout segAbandonedNext,
        long pageSize, FieldLayout pageSliceCount, FieldLayout pageSliceOffset, FieldLayout pageCapacity,
        FieldLayout pageReserved, FieldLayout pageFree, FieldLayout pageUsed, FieldLayout pageBlockSize,
        boolean blockSizeSentinel, FieldLayout pageStart,
        FieldLayout pageLocalFree, FieldLayout pageKeys, FieldLayout pageThreadFree, FieldLayout pageHeap,
        HeapLayout heap,
        long heapMain, long abandoned, long abandonedVisited, long segmentMap, long heapDefaultTls,
        FieldLayout segmapPartMap) {

    public static final String SEGMENT = "mi_segment_t";
    public static final String PAGE = "mi_page_t";
    public static final String HEAP_MAIN = "_mi_heap_main";
    public static final String HEAP_DEFAULT = "_mi_heap_default";
    public static final String SEGMAP_PART = "mi_segmap_part_t";
    public static final LayoutRequest REQUEST = new LayoutRequest(
            List.of(SEGMENT, PAGE, HeapLayout.HEAP, HeapLayout.QUEUE, HeapLayout.TLD, SEGMAP_PART),
            List.of(HEAP_MAIN, "abandoned", "abandoned_visited", "mi_segment_map"), List.of(HEAP_DEFAULT));

    public static V2Layout from(LayoutSource src) {
        StructLayout seg = src.struct(SEGMENT);
        StructLayout page = src.struct(PAGE);
        return new V2Layout(seg.field("cookie"), seg.field("segment_slices"),
                seg.field("segment_info_slices"), seg.field("kind"), seg.field("slice_entries"),
                seg.field("thread_id"), seg.offset("slices"), seg.field("used"), seg.field("abandoned"),
                optional(seg, "abandoned_next"),
                page.size(), page.field("slice_count"), page.field("slice_offset"), page.field("capacity"),
                page.field("reserved"), page.field("free"), page.field("used"),
                page.field(page.has("xblock_size") ? "xblock_size" : "block_size"), page.has("xblock_size"),
                optional(page, "page_start"),
                page.field("local_free"), optional(page, "keys"),
                page.field("xthread_free"), page.field("xheap"),
                HeapLayout.from(src),
                src.symbol(HEAP_MAIN).orElse(0), src.symbol("abandoned").orElse(0),
                src.symbol("abandoned_visited").orElse(0), src.symbol("mi_segment_map").orElse(0),
                src.tlsOffset(HEAP_DEFAULT).orElse(-1), partMap(src));
    }

    private static FieldLayout partMap(LayoutSource src) {
        try {
            return src.struct(SEGMAP_PART).field("map");
        } catch (LayoutException e) {
            return null; // a flat segment map (or none)
        }
    }

    private static FieldLayout optional(StructLayout s, String name) {
        return s.has(name) ? s.field(name) : null;
    }
}
