package maze.heap.mimalloc;

import maze.heap.MallocSpace;

/**
 * Where one mimalloc pool's memory went (a segment in 1.x/2.x, an area of pages in 3.x): the free
 * blocks of its pages by block size, and the bytes of it no page has carved into blocks.
 */
public final class PoolTally {
    private final String name;
    private final long address;
    private long system;
    private long carved;
    private final long[] freeByBand = new long[MallocSpace.BAND_NAMES.size()];

    /** {@code system}: the bytes the pool spans (a segment's size); 3.x adds its pages' spans instead. */
    public PoolTally(String name, long address, long system) {
        this.name = name;
        this.address = address;
        this.system = system;
    }

    /** One page: {@code freeBlocks} of its carved blocks are not live (sums: units of one pool may add at once). */
    synchronized void page(Page p, long freeBlocks) {
        carved += p.capacity() * p.blockSize();
        freeByBand[MallocSpace.band(p.blockSize())] += freeBlocks * p.blockSize();
    }

    /** 3.x: a page's own span joins the pool. */
    public void span(long bytes) {
        system += bytes;
    }

    public long address() {
        return address;
    }

    public long system() {
        return system;
    }

    /** free = free blocks + the area not carved into blocks (page tails, free slices, the segment's header). */
    public synchronized MallocSpace.Pool pool() {
        long uncarved = Math.max(0, system - carved);
        long binned = 0;
        for (long b : freeByBand) {
            binned += b;
        }
        return new MallocSpace.Pool(name, address, system, binned + uncarved, freeByBand.clone(), uncarved, 0, 0, 0);
    }
}
