package maze.heap.glibc;

/**
 * The tunables in glibc's mp_ that decide what malloc gives back: M_TRIM_THRESHOLD, the mmap
 * threshold, MALLOC_ARENA_MAX (0: unset, then the limit is 8 per core). -1 where libc's debug
 * info has no such field or the core lacks the word.
 */
record MallocParams(long trimThreshold, long mmapThreshold, long arenaMax) {

    static MallocParams read(GlibcMemory m) {
        GlibcLayout l = m.layout();
        return new MallocParams(field(m, l.mpTrimThreshold()), field(m, l.mpMmapThreshold()), field(m, l.mpArenaMax()));
    }

    private static long field(GlibcMemory m, long offset) {
        return offset < 0 ? -1 : m.wordOr(m.mp() + offset, -1);
    }
}
