package maze.memory;

import java.util.Arrays;

/** A {@link ScanSink} that keeps every hit, for scans whose result is known to be small. */
public final class ScanHits implements ScanSink {
    private long[] addresses = new long[16];
    private long[] words = new long[16];
    private int size;

    @Override
    public void accept(long[] batchAddresses, long[] batchWords, int count) {
        if (size + count > addresses.length) {
            int grown = Math.max(addresses.length * 2, size + count);
            addresses = Arrays.copyOf(addresses, grown);
            words = Arrays.copyOf(words, grown);
        }
        System.arraycopy(batchAddresses, 0, addresses, size, count);
        System.arraycopy(batchWords, 0, words, size, count);
        size += count;
    }

    public int size() {
        return size;
    }

    public long[] addresses() {
        return Arrays.copyOf(addresses, size);
    }

    public long[] words() {
        return Arrays.copyOf(words, size);
    }
}
