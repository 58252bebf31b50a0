package maze.nativebind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import maze.core.Segment;
import maze.memory.HeldBytes;

/**
 * The parts of a core's segments a scan may read: readable, held by the file, sorted by address
 * and disjoint (the C side relies on that to report hits in address order).
 */
final class ScanSpans {
    private final long[] vaddr;
    private final long[] offset;
    private final long[] size;

    private ScanSpans(long[] vaddr, long[] offset, long[] size) {
        this.vaddr = vaddr;
        this.offset = offset;
        this.size = size;
    }

    static ScanSpans of(List<Segment> segments, long fileSize) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparing(Segment::vaddr, Long::compareUnsigned));
        List<long[]> kept = new ArrayList<>();
        long prevEnd = 0;
        for (Segment s : sorted) {
            long held = (s.flags() & Segment.PF_R) == 0 ? 0 : HeldBytes.of(s, fileSize);
            long skip = kept.isEmpty() || Long.compareUnsigned(s.vaddr(), prevEnd) >= 0
                    ? 0 : prevEnd - s.vaddr();
            if (Long.compareUnsigned(held, skip) > 0) {
                kept.add(new long[] {s.vaddr() + skip, s.fileOffset() + skip, held - skip});
                prevEnd = s.vaddr() + held;
            }
        }
        long[] v = new long[kept.size()];
        long[] o = new long[kept.size()];
        long[] n = new long[kept.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = kept.get(i)[0];
            o[i] = kept.get(i)[1];
            n[i] = kept.get(i)[2];
        }
        return new ScanSpans(v, o, n);
    }

    /** Triples {vaddr, offset, size} of the spans clipped to [from, to), unsigned. */
    long[] clip(long from, long to) {
        long[] out = new long[3 * vaddr.length];
        int n = 0;
        for (int i = 0; i < vaddr.length; i++) {
            long end = vaddr[i] + size[i];
            long lo = Long.compareUnsigned(vaddr[i], from) >= 0 ? vaddr[i] : from;
            long hi = Long.compareUnsigned(end, to) <= 0 ? end : to;
            if (Long.compareUnsigned(lo, hi) < 0) {
                out[n++] = lo;
                out[n++] = offset[i] + (lo - vaddr[i]);
                out[n++] = hi - lo;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    int count() {
        return vaddr.length;
    }
}
