package maze.heap;

/**
 * Receives live blocks in increasing address order. {@code address} is the pointer the program got
 * from the allocator, {@code size} the usable size. No object per block: this is the hot path.
 */
@FunctionalInterface
public interface BlockSink {
    /** Flag: the block was found through a heuristic scan rather than allocator metadata. */
    int FOUND_BY_SCAN = 1;
    /** Flag: the block is a separately mmapped chunk / huge allocation. */
    int MMAPPED = 2;
    /**
     * Flag: the block holds the allocator's own bookkeeping (jemalloc: a thread cache's pointer
     * stacks), not the program's data. It is live and listed, but the reference graph leaves it out:
     * its words are no references (stale cache slots name blocks handed out since) and it is in no
     * leak set.
     */
    int ALLOCATOR_METADATA = 4;

    void block(long address, long size, int flags);
}
