package maze.heap.glibc;

import maze.layout.LayoutSource;
import maze.layout.StructLayout;

/**
 * The tunables in glibc's mp_ that decide what malloc gives back: M_TRIM_THRESHOLD, the mmap
 * threshold, MALLOC_ARENA_MAX (0: unset, then the limit is 8 per core). -1 where libc's debug
 * info has no such field or the core lacks the word.
 */
record MallocParams(long trimThreshold, long mmapThreshold, long arenaMax) {
    static final MallocParams UNKNOWN = new MallocParams(-1, -1, -1);

    /** Throws LayoutException when libc's layouts lack struct malloc_par. */
    static MallocParams read(GlibcMemory m, LayoutSource libc) {
        StructLayout mp = libc.struct("struct malloc_par");
        return new MallocParams(field(m, mp, "trim_threshold"), field(m, mp, "mmap_threshold"),
                field(m, mp, "arena_max"));
    }

    private static long field(GlibcMemory m, StructLayout mp, String name) {
        return mp.has(name) ? m.wordOr(m.mp() + mp.offset(name), -1) : -1;
    }
}
