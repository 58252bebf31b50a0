package maze.heap.jemalloc;

import maze.heap.BlockSink;

/**
 * Block finder for large extents: one block at {@code e_addr} (which cache-oblivious mode places
 * anywhere in the first page) of the size class's usable size, unless a thread cache holds it. A
 * small allocation sampled by the profiler (prof:true) lives alone in a large extent whose size
 * class is the small one (arena_prof_promote): its usable size is that small class. A block holding
 * a thread cache's stacks is jemalloc's own ({@link StackBlocks}).
 */
final class LargeBlocks {
    private final SizeClasses classes;
    private final CachedBlocks cached;
    private final StackBlocks stacks;
    long live;
    long liveBytes;
    long extentBytes;
    long promoted;
    private final ArenaSpace space;

    LargeBlocks(SizeClasses classes, CachedBlocks cached, StackBlocks stacks, ArenaSpace space) {
        this.classes = classes;
        this.cached = cached;
        this.stacks = stacks;
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
            sink.block(e.addr(), usable, stacks.flags(e.addr(), usable));
        } else {
            space.free(e, usable, usable, usable);
        }
    }
}
