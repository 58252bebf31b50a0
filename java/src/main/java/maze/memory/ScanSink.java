package maze.memory;

/**
 * Receives scan hits in batches, in increasing address order across batches. The arrays are
 * reused by the scanner: copy what must outlive the call.
 */
@FunctionalInterface
public interface ScanSink {
    /** {@code addresses[i]} held {@code words[i]}, for i below {@code count}. */
    void accept(long[] addresses, long[] words, int count);
}
