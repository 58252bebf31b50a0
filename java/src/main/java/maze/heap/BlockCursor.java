package maze.heap;

/**
 * The live blocks of one allocator, pulled one at a time in increasing address order: several
 * allocators merge in memory by comparing their cursors' current addresses. {@link #next()} may
 * throw what the walk threw (a LayoutException when layouts could not be had, for example).
 */
public interface BlockCursor extends AutoCloseable {
    /** Moves to the next block; false once every block was given. */
    boolean next();

    /** The current block's start: the pointer the program got from the allocator. */
    long address();

    /** The current block's usable size. */
    long size();

    /** The current block's {@link BlockSink} flags. */
    int flags();

    /** The walk's summary; only after {@link #next()} returned false. */
    HeapSummary summary();

    /** Stops the walk early if it is still going; never throws. */
    @Override
    void close();
}
