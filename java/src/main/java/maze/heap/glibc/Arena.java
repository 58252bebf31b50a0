package maze.heap.glibc;

import java.util.List;

/** One malloc_state and the chunk ranges of its heaps (one for main_arena, one per heap otherwise). */
record Arena(long address, boolean main, long top, long systemMem, List<ChunkRange> ranges) {
}
