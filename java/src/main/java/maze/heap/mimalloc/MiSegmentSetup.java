package maze.heap.mimalloc;

/**
 * What a segment walk (1.x or 2.x) needs, taken from the generation's layout: the segment shape,
 * the heap layout, and the link-time addresses of the roots (0 when the symbols are unknown).
 */
record MiSegmentSetup(MiSegmentCheck shape, MiHeapLayout heap, long heapMain, long abandoned,
                      long abandonedVisited, long segmentMap, int mapWords, long heapDefaultTls) {

    /** MI_MAX_ADDRESS (20 TiB) / 32 MiB bits in 2.0.x's segment map (its overflow word is left out). */
    static final int V2_MAP_WORDS = 10240;

    static MiSegmentSetup v2(MiMemory mem, MiV2Layout l) {
        return new MiSegmentSetup(new V2SegmentShape(mem, l), l.heap(), l.heapMain(), l.abandoned(),
                l.abandonedVisited(), l.segmentMap(), V2_MAP_WORDS, l.heapDefaultTls());
    }

    static MiSegmentSetup v1(MiMemory mem, MiV1Layout l) {
        return new MiSegmentSetup(new V1SegmentShape(mem, l), l.heap(), l.heapMain(), l.abandoned(),
                l.abandonedVisited(), 0, 0, l.heapDefaultTls());
    }
}
