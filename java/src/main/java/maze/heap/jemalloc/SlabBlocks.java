package maze.heap.jemalloc;

import maze.heap.BlockSink;

/**
 * Block finder for slab extents: {@code nregs} regions of {@code reg_size} from the slab's base;
 * the header's bitmap has a set bit for each free region (bitmap.h). Regions the bitmap calls
 * allocated but a thread cache holds are free too; one that holds a thread cache's stacks is jemalloc's
 * own (a small tcache_max makes that block a small one).
 */
final class SlabBlocks {
    private final SizeClasses classes;
    private final CachedBlocks cached;
    private final StackBlocks stacks;
    long live;
    long liveBytes;
    long slabBytes;
    private final ArenaSpace space;

    SlabBlocks(SizeClasses classes, CachedBlocks cached, StackBlocks stacks, ArenaSpace space) {
        this.classes = classes;
        this.cached = cached;
        this.stacks = stacks;
        this.space = space;
    }

    void emit(Edata e, int szind, JeChecks checks, BlockSink sink) {
        long reg = classes.regSize()[szind];
        int nregs = classes.nregs()[szind];
        if (e.size() != classes.slabSize()[szind] || e.addr() != e.base() || nregs > 64 * e.bitmapGroups()) {
            checks.badSize();
            return;
        }
        slabBytes += e.size();
        int free = 0;
        long held = 0;
        for (int i = 0; i < nregs; i++) {
            if ((e.bitmapGroup(i >>> 6) >>> (i & 63) & 1) != 0) {
                free++;
                continue;
            }
            long at = e.base() + i * reg;
            if (!cached.take(at, szind)) {
                live++;
                liveBytes += reg;
                sink.block(at, reg, stacks.flags(at, reg));
            } else {
                held++;
            }
        }
        space.free(e, reg, (free + held) * reg, held * reg);
        if (free != e.nfree()) {
            checks.nfreeDiffers();
        }
    }
}
