package maze.heap.mimalloc.segments;

import maze.heap.FieldReader;
import maze.heap.mimalloc.Heaps;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import maze.core.Segment;

/**
 * Finds the segments of a mimalloc 1.x/2.x process by every way there is, and remembers which
 * ways found each: the heaps' page queues, the abandoned lists, the segment map, and a scan of
 * every segment-aligned address in the core for a header whose cookie and invariants hold. The
 * scan is what finds segments no list holds (huge segments, abandoned OS segments).
 */
final class SegmentFinder {
    static final int BY_HEAP = 1;
    static final int BY_ABANDONED = 2;
    static final int BY_MAP = 4;
    static final int BY_SCAN = 8;
    private static final int MAX_LIST = 1 << 20;

    private final FieldReader mem;
    private final SegmentShape shape;
    private final long mask;
    private final TreeMap<Long, Integer> found = new TreeMap<>();

    SegmentFinder(FieldReader mem, SegmentShape shape) {
        this.mem = mem;
        this.shape = shape;
        this.mask = ~(shape.alignment() - 1);
    }

    /** Segment address -> ways it was found (BY_* bits), address order. */
    TreeMap<Long, Integer> found() {
        return found;
    }

    void fromHeap(Heaps heaps, long heap) {
        heaps.pages(heap, page -> offer(page & mask, BY_HEAP, "a heap's page queue"));
    }

    /** {@code abandoned} is a tagged pointer (low bits count ABA); abandoned_visited is plain. */
    void fromAbandoned(long abandonedVar, long visitedVar) {
        if (abandonedVar != 0) {
            abandonedList(mem.word(abandonedVar, 0) & mask);
        }
        if (visitedVar != 0) {
            abandonedList(mem.word(visitedVar, 0));
        }
    }

    private void abandonedList(long seg) {
        Set<Long> seen = new HashSet<>();
        while (seg != 0 && seen.size() < MAX_LIST && seen.add(seg)) {
            if (!offer(seg, BY_ABANDONED, "the abandoned list")) {
                return;
            }
            seg = shape.abandonedNext(seg);
        }
    }

    /** Offers every segment the map's bits mark ({@code bias}: the library's load bias). */
    void fromMap(SegmentMap map, long bias) {
        long at = bias + map.address();
        if (!map.parted()) {
            fromBits(at, map.entries(), 0);
            return;
        }
        long partSpan = map.partBits() * shape.alignment();
        for (int i = 0; i < map.entries(); i++) {
            long part = mem.word(at + 8L * i, 0);
            if (part != 0) {
                fromBits(part + map.partMap().offset(), (int) (map.partMap().size() / 8), i * partSpan);
            }
        }
    }

    /** One bit per segment-sized piece of address space from {@code base}, set while a segment is allocated there. */
    private void fromBits(long bitmap, int words, long base) {
        int shift = Long.numberOfTrailingZeros(shape.alignment());
        for (int w = 0; w < words; w++) {
            long bits = mem.word(bitmap + 8L * w, 0);
            while (bits != 0) {
                int bit = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                offer(base + (((long) w * 64 + bit) << shift), BY_MAP, "the segment map");
            }
        }
    }

    /** Every segment-aligned address the core holds, skipping the insides of segments already found. */
    void scan(List<Segment> coreSegments) {
        for (Segment s : coreSegments) {
            long a = (s.vaddr() + shape.alignment() - 1) & mask;
            while (a != 0 && Long.compareUnsigned(a, s.bytesEnd()) < 0) {
                long next = a + shape.alignment();
                if (shape.valid(a, false)) {
                    found.merge(a, BY_SCAN, (x, y) -> x | y);
                    next = Math.max(next, (a + shape.span(a) + shape.alignment() - 1) & mask);
                }
                a = next;
            }
        }
    }

    private boolean offer(long seg, int way, String where) {
        if (!shape.valid(seg, true)) {
            mem.warnings().add("mimalloc: 0x%x from %s is not a valid segment; ignored", seg, where);
            return false;
        }
        found.merge(seg, way, (x, y) -> x | y);
        return true;
    }

    /** How many segments each way found, for the summary ("heap", "abandoned", "map", "scan", "scan_only"). */
    Map<String, Integer> counts() {
        Map<String, Integer> c = new HashMap<>();
        for (int ways : found.values()) {
            c.merge("heap", (ways & BY_HEAP) != 0 ? 1 : 0, Integer::sum);
            c.merge("abandoned", (ways & BY_ABANDONED) != 0 ? 1 : 0, Integer::sum);
            c.merge("map", (ways & BY_MAP) != 0 ? 1 : 0, Integer::sum);
            c.merge("scan", (ways & BY_SCAN) != 0 ? 1 : 0, Integer::sum);
            c.merge("scan_only", ways == BY_SCAN ? 1 : 0, Integer::sum);
        }
        return c;
    }
}
