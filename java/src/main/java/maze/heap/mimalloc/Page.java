package maze.heap.mimalloc;

/**
 * One in-use mimalloc page: {@code meta} is its mi_page_t (2.x: a slice entry in the segment
 * header, {@code segment} and {@code sliceIndex} say which; 3.x: at the start of the page memory,
 * segment 0), {@code start} its first block, {@code blockSize} the full block size (padding included).
 */
public record Page(long segment, long meta, int sliceIndex, long start, long blockSize, int capacity, int reserved,
              long used, long freeHead, long localFreeHead, long threadFree, long heap, FreeListCodec codec) {

    public long end() {
        return start + (long) capacity * blockSize;
    }

    /** The block index of {@code p}, or -1 when p is not a block boundary of this page. */
    int indexOf(long p) {
        long off = p - start;
        if (off < 0 || p >= end() || off % blockSize != 0) {
            return -1;
        }
        return (int) (off / blockSize);
    }
}
