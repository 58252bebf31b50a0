package maze.heap.mimalloc.segments;

import maze.heap.FieldReader;
import maze.layout.LayoutTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import maze.heap.Warnings;
import maze.layout.FieldLayout;
import maze.layout.StructLayout;
import org.junit.jupiter.api.Test;

/**
 * Both shapes of mi_segment_map: a flat bitmap (2.0-2.1.7), and from 2.1.8 on pointers to parts,
 * each a memid and a bitmap of 1008 words (as the DWARF of 2.2.7 gives mi_segmap_part_t), covering
 * 64512 segments of address space one after the other. Read as flat, a parted map's pointers
 * became bits of segments that are not there (2.2.7's spurious "not a valid segment" warnings).
 */
class SegmentMapTest {
    static final long MAP = 0x7f0000200000L;
    static final long PART = 0x7f0000300000L;
    static final FieldLayout PART_MAP = new FieldLayout("map", 24, 8064);
    /** V2Fake.SEG / 32 MiB: its bit number in a flat map, counted across parts in a parted one. */
    static final int SEG_BIT = (int) (V2Fake.SEG >>> 25);

    final V2Fake f = new V2Fake(false);
    final Warnings warnings = new Warnings();

    Map<Long, Integer> found(SegmentMap map) {
        long seg = f.segment(V2Fake.SEG, 2, 0);
        f.page(seg, 1, 64, 2, 0);
        FieldReader mem = new FieldReader(f.mem, warnings);
        V2Shape shape = new V2Shape(mem, f.l);
        shape.mainCookie(V2Fake.MAIN_COOKIE);
        SegmentFinder finder = new SegmentFinder(mem, shape);
        finder.fromMap(map, 0);
        return finder.found();
    }

    @Test
    void partedMapBitsCountFromTheirPartsStretch() {
        int inPart = SEG_BIT - 64512;           // the segment lies in part 1's stretch
        f.mem.region(MAP, 25 * 8).putLong(MAP, PART + 0x10000).putLong(MAP + 8, PART);
        f.mem.region(PART + 0x10000, 8088);     // part 0: present, no bits
        f.mem.region(PART, 8088).putLong(PART + 24 + 8L * (inPart / 64), 1L << (inPart % 64));
        assertEquals(Map.of(V2Fake.SEG, SegmentFinder.BY_MAP), found(SegmentMap.parted(MAP, 25, PART_MAP)));
        assertEquals(List.of(), warnings.all());
    }

    @Test
    void flatMapBitsCountFromZero() {
        f.mem.region(MAP, 8 * (SEG_BIT / 64 + 1)).putLong(MAP + 8L * (SEG_BIT / 64), 1L << (SEG_BIT % 64));
        assertEquals(Map.of(V2Fake.SEG, SegmentFinder.BY_MAP), found(SegmentMap.flat(MAP, SEG_BIT / 64 + 1)));
        assertEquals(List.of(), warnings.all());
    }

    @Test
    void theLayoutSaysWhichShape() {
        LayoutTable.Source flat = V2Fake.table();
        assertNull(V2Layout.from(flat).segmapPartMap());
        LayoutTable.Source parted = V2Fake.table();
        parted.structs().put(V2Layout.SEGMAP_PART, new StructLayout(V2Layout.SEGMAP_PART, 8088,
                Map.of("map", PART_MAP)));
        assertEquals(PART_MAP, V2Layout.from(parted).segmapPartMap());
    }
}
