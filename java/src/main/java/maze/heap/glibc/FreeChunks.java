package maze.heap.glibc;

import java.util.List;
import maze.core.ThreadInfo;
import maze.heap.LongArrays;

/**
 * Chunks that are free although the next chunk's PREV_INUSE bit says otherwise: those held in
 * fastbins and in each live thread's tcache. Every list walk is bounded and checked (FreeList).
 */
final class FreeChunks {
    private final GlibcMemory m;
    private final LongArrays fastbinChunks = new LongArrays();
    private final LongArrays tcacheChunks = new LongArrays();

    FreeChunks(GlibcMemory m) {
        this.m = m;
    }

    /** Collects fastbin chunks of every arena and tcache chunks of every thread; sorted chunk addresses. */
    long[] collect(List<Arena> arenas, List<ThreadInfo> threads, long libcTlsOffset) {
        ArenaSpans spans = ArenaSpans.of(arenas);
        FreeList fast = new FreeList(m, spans, fastbinChunks);
        for (Arena a : arenas) {
            fastbins(a, fast);
        }
        new ThreadCaches(m, spans).read(threads, libcTlsOffset, new FreeList(m, spans, tcacheChunks));
        LongArrays all = new LongArrays();
        for (LongArrays list : List.of(fastbinChunks, tcacheChunks)) {
            for (int i = 0; i < list.size(); i++) {
                all.add(list.get(i));
            }
        }
        return all.sortedDistinct();
    }

    /** The chunks on the arenas' fastbins, after {@link #collect}. */
    long[] fastbinChunks() {
        return fastbinChunks.sortedDistinct();
    }

    /** The chunks in the threads' tcaches, after {@link #collect}. */
    long[] tcacheChunks() {
        return tcacheChunks.sortedDistinct();
    }

    private void fastbins(Arena a, FreeList lists) {
        GlibcLayout l = m.layout();
        long limit = Math.max(1, a.systemMem() / 32);
        for (int i = 0; i < l.fastbinCount(); i++) {
            long head = m.wordOr(a.address() + l.arenaFastbins() + 8L * i, 0);
            // fastbin links (fd, at chunk + 16) point at the next chunk's header
            lists.walk(head, 0, 32 + 16L * i, a.address(), limit, String.format("arena 0x%x fastbin %d", a.address(), i));
        }
    }
}
