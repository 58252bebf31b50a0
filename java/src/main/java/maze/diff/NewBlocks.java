package maze.diff;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The addresses allocated between two cores, in address order: new ones, and reused ones (the
 * same start as a block of the earlier core, another size or type). 16 bytes and a bit a block.
 */
public final class NewBlocks implements BlockChanges {
    private long[] addresses = new long[1024];
    private long[] sizes = new long[1024];
    private final BitSet reused = new BitSet();
    private int count;

    @Override
    public void survivor(long address, long size, long key) {
    }

    @Override
    public void added(long address, long size, long key) {
        add(address, size);
    }

    @Override
    public void gone(long address, long size, long key) {
    }

    @Override
    public void reused(long address, long wasSize, long wasKey, long size, long key) {
        reused.set(count);
        add(address, size);
    }

    private void add(long address, long size) {
        if (count == addresses.length) {
            addresses = Arrays.copyOf(addresses, count + (count >> 1));
            sizes = Arrays.copyOf(sizes, addresses.length);
        }
        addresses[count] = address;
        sizes[count++] = size;
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

    public boolean isReused(int i) {
        return reused.get(i);
    }
}
