package maze.heap.jemalloc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import maze.heap.BlockSink;
import maze.heap.Warnings;

/**
 * The blocks jemalloc allocates for its thread caches' pointer stacks ({@code tcache_slow.dyn_alloc},
 * 28,672 bytes with the default tcache_max; an explicit tcache's block also holds its tcache_t):
 * jemalloc's own metadata, flagged {@link BlockSink#ALLOCATOR_METADATA}. The slots below a stack's
 * head keep the pointers handed out since, which would anchor blocks the program leaked. tcache_init
 * carves every bin's stack, the disabled ones too, from that one block, so it is the block holding
 * all of one tcache's (non-null) stack heads.
 */
final class StackBlocks {
    /** {lowest head, highest head} per tcache; sorted by the lowest once blocks are asked about. */
    private final List<long[]> heads = new ArrayList<>();
    private int next = -1;
    private int found;

    /** One tcache whose bins' stack heads lie in [{@code lowest}, {@code highest}]. */
    void tcache(long lowest, long highest) {
        heads.add(new long[] {lowest, highest});
    }

    int tcaches() {
        return heads.size();
    }

    /** The stacks blocks flagged so far. */
    int found() {
        return found;
    }

    /** The flags of the block [address, address + size); asked in increasing address order. */
    int flags(long address, long size) {
        if (next < 0) {
            heads.sort(Comparator.comparingLong(h -> h[0]));
            next = 0;
        }
        long end = address + size;
        int flags = 0;
        for (; next < heads.size() && heads.get(next)[0] < end; next++) {
            long[] h = heads.get(next);
            if (h[0] >= address && h[1] < end) {
                flags = BlockSink.ALLOCATOR_METADATA;
                found++;
            }
        }
        return flags;
    }

    /** Warns when a tcache's stack heads lie in no one live block (damaged heads, or a damaged walk). */
    void report(Warnings w) {
        if (found < heads.size()) {
            w.add("jemalloc: %d of %d thread caches' pointer stacks lie in no one live block (damaged cache bins);"
                    + " stale pointers in them may keep leaked blocks anchored", heads.size() - found, heads.size());
        }
    }
}
