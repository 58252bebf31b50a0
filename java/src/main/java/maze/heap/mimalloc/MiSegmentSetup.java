package maze.heap.mimalloc;

import maze.core.ElfFile;
import maze.core.Module;

/**
 * What a segment walk (1.x or 2.x) needs, taken from the generation's layout: the segment shape,
 * the heap layout, and the link-time addresses of the roots (0 when the symbols are unknown).
 */
record MiSegmentSetup(MiSegmentCheck shape, MiHeapLayout heap, long heapMain, long abandoned,
                      long abandonedVisited, MiSegmentMap segmentMap, long heapDefaultTls) {

    /** MI_MAX_ADDRESS (20 TiB) / 32 MiB bits in 2.0.x's segment map (its overflow word is left out). */
    static final int V2_0_MAP_WORDS = 10240;

    /** {@code mapSymbolWords}: the size of mi_segment_map in words by the file's symbols, 0 when unknown. */
    static MiSegmentSetup v2(MiMemory mem, MiV2Layout l, MiVersion v, int mapSymbolWords) {
        MiSegmentMap map = l.segmapPartMap() != null
                ? MiSegmentMap.parted(l.segmentMap(), mapSymbolWords, l.segmapPartMap())
                : MiSegmentMap.flat(l.segmentMap(), flatWords(v, mapSymbolWords));
        return new MiSegmentSetup(new V2SegmentShape(mem, l), l.heap(), l.heapMain(), l.abandoned(),
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

    /** Words of mi_segment_map by the module file's symbol table; 0 without one. */
    static int mapSymbolWords(Module mod) {
        if (mod.localFile() != null) {
            try (MiModuleFile file = new MiModuleFile(ElfFile.open(mod.localFile()))) {
                return (int) (file.symbolSize("mi_segment_map") / 8);
            } catch (RuntimeException e) {
                // unreadable file: the caller falls back to what the version says
            }
        }
        return 0;
    }

    /** {@code version}: 1.0.0 (no mi_version export) and 1.0.2+ differ in where page 0 starts. */
    static MiSegmentSetup v1(MiMemory mem, MiV1Layout l, MiVersion version) {
        V1SegmentShape.Kinds kinds = V1SegmentShape.Kinds.of(l.mediumKind(), version.hasVersionExport());
        return new MiSegmentSetup(new V1SegmentShape(mem, l, kinds), l.heap(), l.heapMain(), l.abandoned(),
                l.abandonedVisited(), MiSegmentMap.NONE, l.heapDefaultTls());
    }
}
