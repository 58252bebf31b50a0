package maze.heap.mimalloc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import maze.core.Segment;

/**
 * Is there a mimalloc 2.x segment header at an address? Its cookie must be the address xor the
 * main heap's cookie (mimalloc's own check), and its counts must be consistent: kind normal (512
 * slices) or huge, info slices inside, slice entries min(slices, 512), abandoned <= used <= entries.
 */
final class V2SegmentCheck {
    private static final int KIND_HUGE = 1;

    private final MiMemory mem;
    private final MiV2Layout l;
    private final V2Segments segs;
    private long mainCookie;
    private boolean cookieKnown;

    V2SegmentCheck(MiMemory mem, MiV2Layout l) {
        this.mem = mem;
        this.l = l;
        this.segs = new V2Segments(mem, l);
    }

    void mainCookie(long cookie) {
        mainCookie = cookie;
        cookieKnown = true;
    }

    boolean cookieKnown() {
        return cookieKnown;
    }

    /** {@code listed}: reached through allocator metadata, so an empty (used 0) segment is still one. */
    boolean valid(long seg, boolean listed) {
        if (!cookieKnown || (seg & (V2Segments.SEGMENT_SIZE - 1)) != 0 || !mem.available(seg, l.segSlicesArray())) {
            return false;
        }
        return mem.field(seg, l.segCookie()) == (seg ^ mainCookie) && consistent(seg)
                && (listed || mem.field(seg, l.segUsed()) > 0);
    }

    boolean consistent(long seg) {
        long slices = segs.slices(seg);
        long info = segs.infoSlices(seg);
        long kind = mem.field(seg, l.segKind());
        long entries = segs.entries(seg);
        long used = mem.field(seg, l.segUsed());
        long abandoned = mem.field(seg, l.segAbandoned());
        boolean shape = kind == KIND_HUGE ? slices >= 1 : kind == 0 && slices == V2Segments.MAX_SLICES;
        boolean entriesOk = entries == Math.min(slices, V2Segments.MAX_SLICES)
                || entries == Math.min(slices, V2Segments.MAX_SLICES) - 1; // MI_SECURE drops the guard slice
        return shape && slices < (1L << 40) && info >= 1 && info < slices && entriesOk
                && used <= entries && abandoned <= used;
    }

    /**
     * Without the main heap's symbol: the cookie most consistent headers agree on. A real segment's
     * cookie xor its address is the main cookie, so that value repeats; random data does not.
     */
    boolean inferMainCookie(List<Segment> coreSegments) {
        Map<Long, Integer> votes = new HashMap<>();
        for (Segment s : coreSegments) {
            long mask = ~(V2Segments.SEGMENT_SIZE - 1);
            for (long a = (s.vaddr() + V2Segments.SEGMENT_SIZE - 1) & mask;
                 a != 0 && Long.compareUnsigned(a, s.end()) < 0; a += V2Segments.SEGMENT_SIZE) {
                if (mem.available(a, l.segSlicesArray()) && consistent(a)) {
                    votes.merge(mem.field(a, l.segCookie()) ^ a, 1, Integer::sum);
                }
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> {
            mainCookie(e.getKey());
            return true;
        }).orElse(false);
    }
}
