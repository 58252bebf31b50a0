package maze.diff;

import java.util.Arrays;

/**
 * One core's live blocks in address order, in three primitive arrays (24 bytes a block, no object
 * per block): what the next core's stream is merged against.
 */
public final class BlockTable {
    private long[] addresses = new long[1024];
    private long[] sizes = new long[1024];
    private long[] keys = new long[1024];
    private int count;

    /** Appends a block; addresses must increase (the walkers' contract). */
    public void add(long address, long size, long key) {
        if (count > 0 && Long.compareUnsigned(address, addresses[count - 1]) <= 0) {
            throw new IllegalStateException(String.format("blocks out of address order: 0x%x after 0x%x",
                    address, addresses[count - 1]));
        }
        if (count == addresses.length) {
            int n = Math.min(Integer.MAX_VALUE - 8, 2 * count);
            if (n == count) {
                throw new IllegalStateException("more than " + count + " blocks in one core");
            }
            addresses = Arrays.copyOf(addresses, n);
            sizes = Arrays.copyOf(sizes, n);
            keys = Arrays.copyOf(keys, n);
        }
        addresses[count] = address;
        sizes[count] = size;
        keys[count] = key;
        count++;
    }

    public int count() {
        return count;
    }

    public long address(int i) {
        return addresses[i];
    }

    public long size(int i) {
        return sizes[i];
    }

    public long key(int i) {
        return keys[i];
    }
}
