package maze.classify;

import java.util.Arrays;

/**
 * Flattens possibly overlapping vtable ranges into disjoint sorted ones, so a lookup is one
 * binary search. Where ranges overlap (aliases, the same vtable listed twice, odd symbol sizes),
 * the range a word belongs to is chosen by: the word is exactly that symbol's primary vptr
 * (_ZTV+16); then the executable's copy; then the innermost (latest start, then shortest) range;
 * then the lower class id, so the outcome never depends on input order.
 */
final class VtableIntervals {
    final long[] starts;
    final long[] ends;
    final int[] classIds;
    /** The winning symbol's {@link VtableSource} ordinal, per range. */
    final byte[] sources;

    private VtableIntervals(long[] starts, long[] ends, int[] classIds, byte[] sources) {
        this.starts = starts;
        this.ends = ends;
        this.classIds = classIds;
        this.sources = sources;
    }

    /**
     * Ranges are [start, end) with start = the symbol's address + 16, all user-space addresses
     * (non-negative, so signed order is address order); empty ranges are ignored. {@code source}
     * only travels with its range: it never decides which range wins.
     */
    static VtableIntervals flatten(long[] start, long[] end, int[] classId, boolean[] exec, byte[] source) {
        long[] bounds = boundaries(start, end);
        int[] winner = new int[Math.max(bounds.length - 1, 0)];
        Arrays.fill(winner, -1);
        for (int s = 0; s < start.length; s++) {
            if (start[s] >= end[s]) {
                continue;
            }
            for (int k = Arrays.binarySearch(bounds, start[s]); bounds[k] < end[s]; k++) {
                if (winner[k] < 0 || better(s, winner[k], bounds[k], start, end, classId, exec)) {
                    winner[k] = s;
                }
            }
        }
        return merge(bounds, winner, classId, source);
    }

    /** Every start, every start + 8 (so the primary vptr slot is an interval of its own), every end. */
    private static long[] boundaries(long[] start, long[] end) {
        long[] b = new long[start.length * 3];
        int n = 0;
        for (int s = 0; s < start.length; s++) {
            if (start[s] < end[s]) {
                b[n++] = start[s];
                b[n++] = end[s];
                if (start[s] + 8 < end[s]) {
                    b[n++] = start[s] + 8;
                }
            }
        }
        long[] sorted = Arrays.copyOf(b, n);
        Arrays.sort(sorted);
        return unique(sorted);
    }

    private static long[] unique(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || sorted[n - 1] != sorted[i]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    private static boolean better(int a, int b, long at, long[] start, long[] end, int[] classId,
                                  boolean[] exec) {
        boolean exactA = start[a] == at;
        if (exactA != (start[b] == at)) {
            return exactA;
        }
        if (exec[a] != exec[b]) {
            return exec[a];
        }
        if (start[a] != start[b]) {
            return start[a] > start[b];
        }
        if (end[a] != end[b]) {
            return end[a] < end[b];
        }
        return classId[a] < classId[b];
    }

    private static VtableIntervals merge(long[] bounds, int[] winner, int[] classId, byte[] source) {
        long[] s = new long[winner.length];
        long[] e = new long[winner.length];
        int[] c = new int[winner.length];
        byte[] src = new byte[winner.length];
        int n = 0;
        for (int k = 0; k < winner.length; k++) {
            if (winner[k] < 0) {
                continue;
            }
            int id = classId[winner[k]];
            byte from = source[winner[k]];
            if (n > 0 && e[n - 1] == bounds[k] && c[n - 1] == id && src[n - 1] == from) {
                e[n - 1] = bounds[k + 1];
            } else {
                s[n] = bounds[k];
                e[n] = bounds[k + 1];
                c[n] = id;
                src[n] = from;
                n++;
            }
        }
        return new VtableIntervals(Arrays.copyOf(s, n), Arrays.copyOf(e, n), Arrays.copyOf(c, n),
                Arrays.copyOf(src, n));
    }
}
