package maze.heap.mimalloc.pages;

import maze.heap.FieldReader;
import java.util.List;
import maze.core.Segment;
import maze.heap.LongArrays;

/**
 * The pages of a mimalloc 3.6 process, from its 256 MiB areas: mi_free finds a pointer's page
 * through the slot (area + slice * slot size) of its 64 KiB slice, so every area the core holds
 * is scanned slot by slot. A slot's first word points at the page's metadata: at the page's own
 * start (small pages) or in the slot itself (larger ones). A pointer counts only when it points
 * into the area and back at itself that way, which random data almost never does.
 */
final class AreaSlots {
    static final int AREA_SHIFT = 28;
    static final long AREA = 1L << AREA_SHIFT;
    private static final int SLICE_SHIFT = 16;
    private static final int SLOTS = 1 << (AREA_SHIFT - SLICE_SHIFT);

    private final FieldReader mem;
    private final long slot;
    int areas;

    AreaSlots(FieldReader mem, long slotSize) {
        this.mem = mem;
        this.slot = slotSize;
    }

    long[] pages(List<Segment> coreSegments) {
        LongArrays out = new LongArrays();
        for (Segment s : coreSegments) {
            for (long a = (s.vaddr() + AREA - 1) & -AREA; a != 0 && Long.compareUnsigned(a, s.bytesEnd()) < 0; a += AREA) {
                if (mem.available(a, SLOTS * slot)) {
                    int before = out.size();
                    area(a, out);
                    areas += out.size() > before ? 1 : 0;
                }
            }
        }
        return out.sortedDistinct();
    }

    private void area(long a, LongArrays out) {
        for (int i = 0; i < SLOTS; i++) {
            long p = mem.word(a + i * slot, 0);
            if (p == 0 || p < a || p >= a + AREA) {
                continue;
            }
            boolean inSlot = p == a + i * slot;
            if (inSlot || mem.word(a + ((p >>> SLICE_SHIFT) & (SLOTS - 1)) * slot, 0) == p) {
                out.add(p);
            }
        }
    }
}
