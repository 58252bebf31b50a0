package maze.report;

/**
 * An open-addressing map from a long key to two long sums (count and total), in three parallel
 * arrays: one entry per distinct type, nothing per block. Hand-written because the hot path needs
 * exactly "add to two sums", and a general primitive-collections library would be a large
 * dependency for forty lines. Not thread-safe.
 */
final class LongStatsMap {
    /** Marks a free slot; type keys are sizes (>= 0) or small negative class keys, never this. */
    private static final long FREE = Long.MIN_VALUE;

    private long[] keys;
    private long[] counts;
    private long[] totals;
    private int size;
    private int shift;

    LongStatsMap() {
        allocate(64);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        counts = new long[capacity];
        totals = new long[capacity];
        java.util.Arrays.fill(keys, FREE);
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        size = 0;
    }

    /** Adds one block of {@code bytes} to {@code key}'s count and total. */
    void add(long key, long bytes) {
        addSums(key, 1, bytes);
    }

    private void addSums(long key, long count, long total) {
        if (key == FREE) {
            throw new IllegalArgumentException("reserved key");
        }
        int mask = keys.length - 1;
        int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        while (keys[i] != key) {
            if (keys[i] == FREE) {
                if (2 * (size + 1) > keys.length) {
                    grow();
                    addSums(key, count, total);
                    return;
                }
                keys[i] = key;
                size++;
                break;
            }
            i = (i + 1) & mask;
        }
        counts[i] += count;
        totals[i] += total;
    }

    private void grow() {
        long[] k = keys;
        long[] c = counts;
        long[] t = totals;
        allocate(k.length * 2);
        for (int i = 0; i < k.length; i++) {
            if (k[i] != FREE) {
                addSums(k[i], c[i], t[i]);
            }
        }
    }

    int size() {
        return size;
    }

    /** Slots, for a walk over entries: {@link #keyAt} is {@code FREE} for an empty one. */
    int capacity() {
        return keys.length;
    }

    boolean usedAt(int slot) {
        return keys[slot] != FREE;
    }

    long keyAt(int slot) {
        return keys[slot];
    }

    long countAt(int slot) {
        return counts[slot];
    }

    long totalAt(int slot) {
        return totals[slot];
    }
}
