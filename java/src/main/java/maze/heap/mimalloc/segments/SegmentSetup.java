package maze.heap.mimalloc.segments;

import maze.heap.FieldReader;
import maze.heap.mimalloc.HeapLayout;
import maze.heap.mimalloc.MiVersion;

/**
 * What a segment walk (1.x or 2.x) needs, taken from the generation's layout: the segment shape,
 * the heap layout, and the link-time addresses of the roots (0 when the symbols are unknown).
 */
record SegmentSetup(SegmentHeaderCheck shape, HeapLayout heap, long heapMain, long abandoned,
                      long abandonedVisited, SegmentMap segmentMap, long heapDefaultTls) {

    /** MI_MAX_ADDRESS (20 TiB) / 32 MiB bits in 2.0.x's segment map (its overflow word is left out). */
    static final int V2_0_MAP_WORDS = 10240;

    /** {@code mapSymbolWords}: the size of mi_segment_map in words by the file's symbols, 0 when unknown. */
    static SegmentSetup v2(FieldReader mem, V2Layout l, MiVersion v, int mapSymbolWords) {
        SegmentMap map = l.segmapPartMap() != null
                ? SegmentMap.parted(l.segmentMap(), mapSymbolWords, l.segmapPartMap())
                : SegmentMap.flat(l.segmentMap(), flatWords(v, mapSymbolWords));
        return new SegmentSetup(new V2Shape(mem, l), l.heap(), l.heapMain(), l.abandoned(),
                l.abandonedVisited(), map, l.heapDefaultTls());
    }

    /**
     * Words of a flat mi_segment_map to read: its symbol's size less the overflow word; else
     * 2.0.x's fixed size; else none (MI_MAX_ADDRESS changed across 2.1.x, and reading past the map
     * would only offer garbage to the header check).
     */
    private static int flatWords(MiVersion v, int mapSymbolWords) {
        if (mapSymbolWords > 1) {
            return mapSymbolWords - 1;
        }
        return v.text().startsWith("2.0.") ? V2_0_MAP_WORDS : 0;
    }

    /** {@code version}: 1.0.0 (no mi_version export) and 1.0.2+ differ in where page 0 starts. */
    static SegmentSetup v1(FieldReader mem, V1Layout l, MiVersion version) {
        V1Shape.Kinds kinds = V1Shape.Kinds.of(l.mediumKind(), version.hasVersionExport());
        return new SegmentSetup(new V1Shape(mem, l, kinds), l.heap(), l.heapMain(), l.abandoned(),
                l.abandonedVisited(), SegmentMap.NONE, l.heapDefaultTls());
    }
}
