package maze.nativebind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.LongPredicate;
import maze.core.Segment;
import maze.memory.HeaderQuery;
import maze.memory.HeldBytes;
import maze.memory.MemoryView;

/** Plain Java versions of the native scans, word by word through a MemoryView: the expected hits. */
final class ReferenceScan {
    private final MemoryView memory;
    private final List<Segment> readable = new ArrayList<>();
    private final long fileSize;

    ReferenceScan(MemoryView memory, List<Segment> segments, long fileSize) {
        this.memory = memory;
        this.fileSize = fileSize;
        for (Segment s : segments) {
            if ((s.flags() & Segment.PF_R) != 0) {
                readable.add(s);
            }
        }
        readable.sort((a, b) -> Long.compareUnsigned(a.vaddr(), b.vaddr()));
    }

    List<Long> value(long value, long from, long to) {
        return words(from, to, w -> w == value);
    }

    List<Long> pointers(long[] ranges, long from, long to) {
        return words(from, to, w -> {
            for (int i = 0; i < ranges.length; i += 2) {
                if (Long.compareUnsigned(w, ranges[i]) >= 0 && Long.compareUnsigned(w, ranges[i + 1]) < 0) {
                    return true;
                }
            }
            return false;
        });
    }

    List<Long> headers(HeaderQuery q, long from, long to) {
        return visit(from, to, q.stride(), q.fieldOffset(), (a, w) -> (!q.masked() || (w & q.mask()) == q.value())
                && (!q.ranged() || (Long.compareUnsigned(w, q.lo()) >= 0 && Long.compareUnsigned(w, q.hi()) <= 0)));
    }

    private List<Long> words(long from, long to, LongPredicate test) {
        return visit(from, to, 8, 0, (a, w) -> test.test(w));
    }

    /** Addresses a (multiples of step, in the window) whose word at a + field, inside the segment, passes. */
    private List<Long> visit(long from, long to, long step, long field, BiPredicate<Long, Long> test) {
        List<Long> hits = new ArrayList<>();
        for (Segment s : readable) {
            long lo = Math.max(s.vaddr(), from);
            long hi = Math.min(s.vaddr() + HeldBytes.of(s, fileSize), to);
            for (long a = (lo + step - 1) / step * step; a < hi; a += step) {
                long f = a + field;
                if (f + 8 <= hi && test.test(a, memory.readLong(f))) {
                    hits.add(a);
                }
            }
        }
        return hits;
    }
}
