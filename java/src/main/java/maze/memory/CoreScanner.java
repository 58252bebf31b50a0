package maze.memory;

/**
 * Bulk scans over the bytes a core holds (not module files), done natively in one call per batch.
 * Only readable segments (PF_R) are scanned: PROT_NONE reservations hold nothing a program
 * stored. A window [from, to) limits a scan to those addresses (unsigned compare). Hits arrive
 * in address order. Thread-safe; {@link #close} waits for running scans.
 */
public interface CoreScanner extends AutoCloseable {
    /** The whole address space as a window. */
    long ALL_FROM = 0;
    long ALL_TO = -1L;

    /** Every 8-aligned address in [from, to) whose 64-bit word equals {@code value}. */
    void findValue(long value, long from, long to, ScanSink sink);

    /** Every multiple of the query's stride in [from, to) whose field passes the query. */
    void findHeaders(HeaderQuery query, long from, long to, ScanSink sink);

    /**
     * Every 8-aligned word in [from, to) whose value lies in one of {@code ranges}: pairs
     * {start, end} (half-open), sorted and disjoint, e.g. the blocks a pointer may point into.
     */
    void findPointers(long[] ranges, long from, long to, ScanSink sink);

    default void findValue(long value, ScanSink sink) {
        findValue(value, ALL_FROM, ALL_TO, sink);
    }

    default void findHeaders(HeaderQuery query, ScanSink sink) {
        findHeaders(query, ALL_FROM, ALL_TO, sink);
    }

    default void findPointers(long[] ranges, ScanSink sink) {
        findPointers(ranges, ALL_FROM, ALL_TO, sink);
    }

    @Override
    void close();
}
