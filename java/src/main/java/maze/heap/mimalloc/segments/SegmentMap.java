package maze.heap.mimalloc.segments;

import maze.layout.FieldLayout;

/**
 * Where mi_segment_map is and how it is shaped: a flat bitmap of {@code entries} words (one bit
 * per segment-aligned piece of address space), or from 1.8.8/2.1.8 on an array of {@code entries}
 * pointers to parts, each holding the bitmap {@code partMap} for its own stretch of addresses.
 * {@code address} is link-time, 0 when the symbol is unknown.
 */
record SegmentMap(long address, int entries, FieldLayout partMap) {
    static final SegmentMap NONE = new SegmentMap(0, 0, null);

    static SegmentMap flat(long address, int words) {
        return new SegmentMap(address, words, null);
    }

    static SegmentMap parted(long address, int parts, FieldLayout partMap) {
        return new SegmentMap(address, parts, partMap);
    }

    boolean parted() {
        return partMap != null;
    }

    /** Bits in one part: each part covers this many segment-aligned pieces. */
    long partBits() {
        return partMap.size() * 8;
    }
}
