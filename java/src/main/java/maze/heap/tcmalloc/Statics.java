package maze.heap.tcmalloc;

/**
 * Run-time addresses of tcmalloc's bookkeeping: {@code Static::pageheap_}, {@code sizemap_},
 * {@code central_cache_} (hidden in release builds) and the exported
 * {@code ThreadCache::thread_heaps_}; {@code how} says where they came from.
 */
record Statics(long pageHeap, long sizeMap, long centralCache, long threadHeaps, String how) {
}
