package maze.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Disjoint, sorted [start, end) ranges of the address space (overlapping input is merged), for overlap sums. */
final class Intervals {
    private final long[] starts;
    private final long[] ends;

    private Intervals(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** From {start, end} pairs in any order; empty or inverted ones are dropped. */
    static Intervals of(List<long[]> ranges) {
        List<long[]> sorted = new ArrayList<>(ranges.stream().filter(r -> Long.compareUnsigned(r[0], r[1]) < 0).toList());
        sorted.sort(Comparator.comparing((long[] r) -> r[0], Long::compareUnsigned));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && Long.compareUnsigned(r[0], last[1]) <= 0) {
                last[1] = Long.compareUnsigned(r[1], last[1]) > 0 ? r[1] : last[1];
            } else {
                merged.add(new long[] {r[0], r[1]});
            }
        }
        long[] s = new long[merged.size()];
        long[] e = new long[merged.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = merged.get(i)[0];
            e[i] = merged.get(i)[1];
        }
        return new Intervals(s, e);
    }

    /** Bytes of [start, end) these ranges cover. */
    long overlap(long start, long end) {
        long sum = 0;
        for (int i = firstEndingAfter(start); i < starts.length && Long.compareUnsigned(starts[i], end) < 0; i++) {
            sum += clip(i, start, end);
        }
        return sum;
    }

    /** Bytes of [start, end) covered by these ranges and by {@code other} both. */
    long overlapOfBoth(Intervals other, long start, long end) {
        long sum = 0;
        for (int i = firstEndingAfter(start); i < starts.length && Long.compareUnsigned(starts[i], end) < 0; i++) {
            long from = Long.compareUnsigned(starts[i], start) > 0 ? starts[i] : start;
            long to = Long.compareUnsigned(ends[i], end) < 0 ? ends[i] : end;
            sum += other.overlap(from, to);
        }
        return sum;
    }

    private long clip(int i, long start, long end) {
        long from = Long.compareUnsigned(starts[i], start) > 0 ? starts[i] : start;
        long to = Long.compareUnsigned(ends[i], end) < 0 ? ends[i] : end;
        return Long.compareUnsigned(from, to) < 0 ? to - from : 0;
    }

    private int firstEndingAfter(long address) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(ends[mid], address) > 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
