package maze.graph;

import maze.memory.CoreScanner;
import maze.memory.HeaderQuery;
import maze.memory.ScanSink;

/** A test scanner that only answers pointer scans: write findPointers as a lambda. */
@FunctionalInterface
interface PointerScanner extends CoreScanner {
    @Override
    default void findValue(long value, long from, long to, ScanSink sink) {
        throw new UnsupportedOperationException();
    }

    @Override
    default void findHeaders(HeaderQuery q, long from, long to, ScanSink sink) {
        throw new UnsupportedOperationException();
    }

    @Override
    default void close() {
    }
}
