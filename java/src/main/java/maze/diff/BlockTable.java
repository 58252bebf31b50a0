package maze.diff;

/**
 * One core's live blocks in address order, in primitive arrays (24 bytes a block, no object per
 * block): what the next core's stream is merged against. Kept in chunks, so growing never copies
 * (no second copy of a hundred million blocks at the moment of growth) and the count may pass 2^31.
 */
public final class BlockTable {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private long[][] addresses = new long[64][];
    private long[][] sizes = new long[64][];
    private long[][] keys = new long[64][];
    private long count;
    private long last;

    /** Appends a block; addresses must increase (the walkers' contract). */
    public void add(long address, long size, long key) {
        if (count > 0 && Long.compareUnsigned(address, last) <= 0) {
            throw new IllegalStateException(String.format("blocks out of address order: 0x%x after 0x%x", address, last));
        }
        int chunk = (int) (count >>> CHUNK_BITS);
        int slot = (int) (count & MASK);
        if (slot == 0) {
            if (chunk == addresses.length) {
                addresses = java.util.Arrays.copyOf(addresses, 2 * chunk);
                sizes = java.util.Arrays.copyOf(sizes, 2 * chunk);
                keys = java.util.Arrays.copyOf(keys, 2 * chunk);
            }
            addresses[chunk] = new long[CHUNK];
            sizes[chunk] = new long[CHUNK];
            keys[chunk] = new long[CHUNK];
        }
        addresses[chunk][slot] = address;
        sizes[chunk][slot] = size;
        keys[chunk][slot] = key;
        last = address;
        count++;
    }

    public long count() {
        return count;
    }

    public long address(long i) {
        return addresses[(int) (i >>> CHUNK_BITS)][(int) (i & MASK)];
    }

    public long size(long i) {
        return sizes[(int) (i >>> CHUNK_BITS)][(int) (i & MASK)];
    }

    public long key(long i) {
        return keys[(int) (i >>> CHUNK_BITS)][(int) (i & MASK)];
    }
}
