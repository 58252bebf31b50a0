package maze.heap;

import java.util.Arrays;

/** A growable list of longs that ends as a sorted array: sets of addresses without boxing. */
public final class LongArrays {
    private long[] values = new long[16];
    private int size;

    public void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    public int size() {
        return size;
    }

    public long get(int i) {
        return values[i];
    }

    /** The values sorted ascending, duplicates removed. */
    public long[] sortedDistinct() {
        long[] a = Arrays.copyOf(values, size);
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[n++] = a[i];
            }
        }
        return Arrays.copyOf(a, n);
    }

    public static boolean contains(long[] sorted, long v) {
        return Arrays.binarySearch(sorted, v) >= 0;
    }
}
