package maze.classify;

/**
 * Receives live blocks with their type already decided, in increasing address order. The type is a
 * {@link TypeKeys} key, so consumers (aggregation, listing) never classify a block twice.
 */
@FunctionalInterface
public interface TypedBlockSink {
    void block(long address, long size, int flags, long typeKey);
}
