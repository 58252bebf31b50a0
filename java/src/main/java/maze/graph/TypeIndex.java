package maze.graph;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Each block's type as a small number: the distinct type keys in increasing order, and per block
 * the index of its key. One hash lookup a block (a program has few types and millions of blocks:
 * sorting every block's key to find the distinct ones cost about a second at 10 million).
 */
final class TypeIndex {
    /** Marks a free hash slot: no type key is this (sizes are >= 0, class keys small negatives). */
    private static final long FREE = Long.MIN_VALUE;

    private final long[] keys;
    private final int[] of;

    private TypeIndex(long[] keys, int[] of) {
        this.keys = keys;
        this.of = of;
    }

    /** The distinct type keys, increasing. */
    long[] keys() {
        return keys;
    }

    /** The index in {@link #keys()} of block {@code b}'s type. */
    int of(int b) {
        return of[b];
    }

    static TypeIndex of(BlockTable blocks) {
        return of(blocks.count(), blocks::type);
    }

    /** The index of blocks 0 to {@code count - 1} whose type keys {@code typeOf} gives. */
    static TypeIndex of(int count, IntToLongFunction typeOf) {
        int[] of = new int[count];
        long[] slots = new long[64];
        int[] ids = new int[64];
        Arrays.fill(slots, FREE);
        long[] found = new long[16];
        int distinct = 0;
        for (int b = 0; b < of.length; b++) {
            long key = typeOf.applyAsLong(b);
            int mask = slots.length - 1;
            int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
            while (slots[i] != key && slots[i] != FREE) {
                i = (i + 1) & mask;
            }
            if (slots[i] == FREE) {
                if (distinct == found.length) {
                    found = Arrays.copyOf(found, 2 * distinct);
                }
                found[distinct] = key;
                slots[i] = key;
                ids[i] = distinct++;
                if (2 * distinct > slots.length) {
                    long[] grown = Arrays.copyOf(found, distinct);
                    slots = new long[2 * slots.length];
                    ids = new int[slots.length];
                    rehash(grown, slots, ids);
                    i = -1;
                }
            }
            of[b] = i >= 0 ? ids[i] : distinct - 1;
        }
        return sorted(Arrays.copyOf(found, distinct), of);
    }

    private static void rehash(long[] keys, long[] slots, int[] ids) {
        Arrays.fill(slots, FREE);
        int mask = slots.length - 1;
        for (int id = 0; id < keys.length; id++) {
            int i = (int) ((keys[id] * 0x9E3779B97F4A7C15L) >>> 32) & mask;
            while (slots[i] != FREE) {
                i = (i + 1) & mask;
            }
            slots[i] = keys[id];
            ids[i] = id;
        }
    }

    /** Renumbers the types in increasing key order. */
    private static TypeIndex sorted(long[] found, int[] of) {
        long[] keys = found.clone();
        Arrays.sort(keys);
        int[] rank = new int[found.length];
        for (int id = 0; id < found.length; id++) {
            rank[id] = Arrays.binarySearch(keys, found[id]);
        }
        for (int b = 0; b < of.length; b++) {
            of[b] = rank[of[b]];
        }
        return new TypeIndex(keys, of);
    }
}
