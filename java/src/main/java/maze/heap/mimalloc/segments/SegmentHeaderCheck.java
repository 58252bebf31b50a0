package maze.heap.mimalloc.segments;

import maze.heap.FieldReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import maze.core.Segment;
import maze.layout.FieldLayout;

/**
 * The header check both segment generations share: a segment's cookie is its address xor the
 * main heap's cookie (mimalloc's own check), and its counters must be consistent (each generation
 * says how). Without the main heap, the cookie most consistent headers agree on is taken.
 */
abstract class SegmentHeaderCheck implements SegmentShape {
    protected final FieldReader mem;
    private final FieldLayout cookie;
    private final FieldLayout used;
    private final long headerSize;
    private long mainCookie;
    private boolean cookieKnown;

    /** {@code headerSize}: bytes of header that must be readable before any field is believed. */
    SegmentHeaderCheck(FieldReader mem, FieldLayout cookie, FieldLayout used, long headerSize) {
        this.mem = mem;
        this.cookie = cookie;
        this.used = used;
        this.headerSize = headerSize;
    }

    void mainCookie(long cookie) {
        mainCookie = cookie;
        cookieKnown = true;
    }

    /** The header's own counters agree with each other (shape, sizes, used/abandoned). */
    abstract boolean consistent(long seg);

    long cookie(long seg) {
        return mem.field(seg, cookie);
    }

    long used(long seg) {
        return mem.field(seg, used);
    }

    @Override
    public boolean valid(long seg, boolean listed) {
        if (!cookieKnown || (seg & (alignment() - 1)) != 0 || !mem.available(seg, headerSize)) {
            return false;
        }
        return cookie(seg) == (seg ^ mainCookie) && consistent(seg) && (listed || used(seg) > 0);
    }

    /**
     * Without the main heap's symbol: a real segment's cookie xor its address is the main cookie,
     * so that value repeats across headers; random data does not.
     */
    boolean inferMainCookie(List<Segment> coreSegments) {
        Map<Long, Integer> votes = new HashMap<>();
        long mask = ~(alignment() - 1);
        for (Segment s : coreSegments) {
            for (long a = (s.vaddr() + alignment() - 1) & mask; a != 0 && Long.compareUnsigned(a, s.bytesEnd()) < 0;
                 a += alignment()) {
                if (mem.available(a, headerSize) && consistent(a)) {
                    votes.merge(cookie(a) ^ a, 1, Integer::sum);
                }
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> {
            mainCookie(e.getKey());
            return true;
        }).orElse(false);
    }
}
