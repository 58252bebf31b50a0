package maze.heap.jemalloc;

import java.util.Arrays;
import maze.heap.LongArrays;
import maze.heap.Warnings;

/**
 * The pointers thread caches hold, each with the size class of the bin that holds it, and the
 * check that each one is taken by exactly one block finder: a cached pointer is a region (or a
 * large extent's address) of its own size class that the slab bitmap calls allocated. A pointer no
 * finder takes, one held twice, or one of another class is damage: the block it stood for then
 * shows as live, or a live block as free.
 */
final class CachedBlocks {
    private final LongArrays keys = new LongArrays();
    private long[] sorted;
    private boolean[] taken;
    private int held;
    private int otherClass;

    /** A pointer bin {@code szind} of some tcache holds. */
    void add(long p, int szind) {
        keys.add(p << 8 | szind); // 48-bit addresses, fewer than 256 bins: sorts by address
        held++;
    }

    int size() {
        return held;
    }

    /** The cached addresses, ascending, each once. */
    long[] pointers() {
        seal();
        return Arrays.stream(sorted).map(k -> k >>> 8).toArray();
    }

    private void seal() {
        if (sorted == null) {
            sorted = keys.sortedDistinct();
            taken = new boolean[sorted.length];
        }
    }

    /** True when a tcache holds {@code at} (so it is free); counts it taken. */
    boolean take(long at, int szind) {
        seal();
        int i = Arrays.binarySearch(sorted, at << 8);
        i = i >= 0 ? i : -i - 1;
        if (i >= sorted.length || sorted[i] >>> 8 != at) {
            return false;
        }
        otherClass += (int) (sorted[i] & 0xff) != szind ? 1 : 0;
        taken[i] = true;
        return true;
    }

    /** Warns once about every cached pointer that is not exactly one allocated block of its class. */
    void report(Warnings w) {
        seal();
        int untaken = 0;
        for (boolean t : taken) {
            untaken += t ? 0 : 1;
        }
        int twice = held - sorted.length;
        if (untaken > 0 || twice > 0 || otherClass > 0) {
            w.add("jemalloc: thread caches hold %d pointers that are no allocated block, %d held twice, %d of another"
                    + " size class (damaged caches); the blocks they stood for may be listed as live", untaken, twice,
                    otherClass);
        }
    }
}
