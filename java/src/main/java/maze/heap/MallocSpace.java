package maze.heap;

import java.util.List;

/**
 * Where an allocator's own memory went (the question "RSS is 10 GB, live is 2 GB"): per pool (a
 * glibc arena), the bytes it holds, the free chunks on its bins by size band, its top chunk and
 * the part of it above the trim threshold, the chunks parked in thread caches and fastbins; for
 * the process, the blocks mapped on their own and the threads; and sentences computed from these
 * figures on what a tuning knob would change. {@code freeIs} says what {@code free} adds up for
 * this allocator and {@code topIs} what its {@code top} column holds (the other allocators have no
 * top chunk: mimalloc's is the segment area not carved into blocks).
 */
public record MallocSpace(List<Pool> pools, long mmappedBlocks, long mmappedBytes, int threads,
                          List<String> advice, String freeIs, String topIs) {
    public static final String GLIBC_FREE = "free = top + fastbins + binned, as mallinfo2 counts it";

    /** Upper bounds (exclusive) of the size bands of binned free chunks; the last band is the rest. */
    public static final long[] BAND_LIMITS = {64, 512, 4096, 64 * 1024};
    public static final List<String> BAND_NAMES = List.of("<64", "<512", "<4K", "<64K", ">=64K");

    /**
     * One pool. {@code free} = top + fastbin + binned: what glibc's mallinfo2() counts as fordblks
     * for this arena; {@code tcache} chunks count as in use there. {@code binnedByBand} has one
     * entry per {@link #BAND_NAMES}, chunk sizes (headers included).
     */
    public record Pool(String name, long address, long systemBytes, long free, long[] binnedByBand, long top,
                       long untrimmed, long fastbins, long tcache) {
        public long binned() {
            long sum = 0;
            for (long b : binnedByBand) {
                sum += b;
            }
            return sum;
        }
    }

    public MallocSpace {
        pools = List.copyOf(pools);
        advice = List.copyOf(advice);
    }

    /** glibc's figures: free as mallinfo2 counts it, top its top chunk. */
    public MallocSpace(List<Pool> pools, long mmappedBlocks, long mmappedBytes, int threads, List<String> advice) {
        this(pools, mmappedBlocks, mmappedBytes, threads, advice, GLIBC_FREE, "Top");
    }

    /** The band of a chunk of {@code size} bytes. */
    public static int band(long size) {
        int i = 0;
        while (i < BAND_LIMITS.length && size >= BAND_LIMITS[i]) {
            i++;
        }
        return i;
    }

    public long systemBytes() {
        return pools.stream().mapToLong(Pool::systemBytes).sum();
    }

    public long free() {
        return pools.stream().mapToLong(Pool::free).sum();
    }
}
