package maze.heap.glibc;

/**
 * A stretch of contiguous chunks: the walk starts at {@code start} and ends at {@code stop} (the
 * arena's top chunk, or the fenceposts at the end of an older heap, whichever comes first); no
 * chunk may reach past {@code end}. An mmapped chunk is a range of exactly one chunk.
 */
record ChunkRange(long start, long stop, long end, long arena, boolean mmapped) {
}
