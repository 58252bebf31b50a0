package maze.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The address ranges whose words are roots, each tagged with its {@link RootArea}: sorted,
 * disjoint, looked up with one binary search. Ranges are added most specific first; a later range
 * keeps only the parts no earlier one covers (a thread's stack inside anonymous memory stays the
 * stack). An excluded range (the allocator's own metadata) takes its place in that order without
 * becoming a root: what is added after it keeps out of it.
 */
public final class RootRegions {
    private final long[] starts;
    private final long[] ends;
    private final int[] areaOf;
    private final List<RootArea> areas;
    private final long excludedBytes;

    private RootRegions(long[] starts, long[] ends, int[] areaOf, List<RootArea> areas, long excludedBytes) {
        this.starts = starts;
        this.ends = ends;
        this.areaOf = areaOf;
        this.areas = areas;
        this.excludedBytes = excludedBytes;
    }

    public int count() {
        return starts.length;
    }

    public long start(int i) {
        return starts[i];
    }

    public long end(int i) {
        return ends[i];
    }

    public int areaOfRange(int i) {
        return areaOf[i];
    }

    public List<RootArea> areas() {
        return areas;
    }

    /** The area index of the range holding {@code address}, or -1. */
    public int areaAt(long address) {
        int i = Arrays.binarySearch(starts, address);
        i = i >= 0 ? i : -i - 2;
        return i >= 0 && address < ends[i] ? areaOf[i] : -1;
    }

    /** Bytes the ranges cover. */
    public long bytes() {
        long sum = 0;
        for (int i = 0; i < starts.length; i++) {
            sum += ends[i] - starts[i];
        }
        return sum;
    }

    /** Bytes excluded from the roots as the allocator's own metadata (where no earlier root lay). */
    public long excludedBytes() {
        return excludedBytes;
    }

    /** Builds the ranges; add the most specific areas first. */
    public static final class Builder {
        /** The area of an excluded range: no root. */
        private static final int EXCLUDED = -1;

        private final TreeMap<Long, long[]> ranges = new TreeMap<>();
        private final List<RootArea> areas = new ArrayList<>();

        /** Registers an area (registers have no range) and gives its index. */
        public int area(RootArea area) {
            areas.add(area);
            return areas.size() - 1;
        }

        /** Keeps [start, end) out of every range added later, except where an earlier range already lies. */
        public void exclude(long start, long end) {
            add(start, end, EXCLUDED);
        }

        /** Adds [start, end) to {@code area}, except where an earlier range already lies. */
        public void add(long start, long end, int area) {
            long from = start;
            Map.Entry<Long, long[]> below = ranges.floorEntry(from);
            if (below != null && below.getValue()[0] > from) {
                from = below.getValue()[0];
            }
            while (from < end) {
                Map.Entry<Long, long[]> next = ranges.ceilingEntry(from);
                long to = next == null ? end : Math.min(end, next.getKey());
                if (to > from) {
                    ranges.put(from, new long[] {to, area});
                }
                from = next == null ? end : Math.max(to, next.getValue()[0]);
            }
        }

        /** The ranges, neighbours of one area joined. */
        public RootRegions build() {
            int n = ranges.size();
            long[] s = new long[n];
            long[] e = new long[n];
            int[] a = new int[n];
            int i = 0;
            long excluded = 0;
            for (Map.Entry<Long, long[]> r : ranges.entrySet()) {
                int area = (int) r.getValue()[1];
                if (area == EXCLUDED) {
                    excluded += r.getValue()[0] - r.getKey();
                    continue;
                }
                if (i > 0 && e[i - 1] == r.getKey() && a[i - 1] == area) {
                    e[i - 1] = r.getValue()[0];
                    continue;
                }
                s[i] = r.getKey();
                e[i] = r.getValue()[0];
                a[i++] = area;
            }
            s = Arrays.copyOf(s, i);
            e = Arrays.copyOf(e, i);
            a = Arrays.copyOf(a, i);
            return new RootRegions(s, e, a, List.copyOf(areas), excluded);
        }
    }
}
