package maze.heap.jemalloc;

import maze.heap.BlockSink;

/**
 * Block finder for large extents: one block at {@code e_addr} (which cache-oblivious mode places
 * anywhere in the first page) of the size class's usable size, unless a thread cache holds it. A
 * small allocation sampled by the profiler (prof:true) lives alone in a large extent whose size
 * class is the small one (arena_prof_promote): its usable size is that small class.
 */
final class LargeBlocks {
    private final SizeClasses classes;
    private final CachedBlocks cached;
    long live;
    long liveBytes;
    long extentBytes;
    long promoted;
    private final ArenaSpace space;

    LargeBlocks(SizeClasses classes, CachedBlocks cached, ArenaSpace space) {
        this.classes = classes;
        this.cached = cached;
        this.space = space;
    }

    void emit(Edata e, int szind, JeChecks checks, BlockSink sink) {
        long usable = classes.usable(szind);
        if (usable <= 0 || e.addr() + usable > e.base() + e.size()) {
            checks.badSize();
            return;
        }
        extentBytes += e.size();
        promoted += szind < SizeClasses.NBINS ? 1 : 0;
        if (!cached.take(e.addr(), szind)) {
            live++;
            liveBytes += usable;
            sink.block(e.addr(), usable, 0);
        } else {
            space.free(e, usable, usable, usable);
        }
    }
}
