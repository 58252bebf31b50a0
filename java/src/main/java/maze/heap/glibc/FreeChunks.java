package maze.heap.glibc;

import java.util.List;
import maze.core.ThreadInfo;
import maze.heap.LongArrays;

/**
 * Chunks that are free although the next chunk's PREV_INUSE bit says otherwise: those held in
 * fastbins and in each live thread's tcache. Every list walk is bounded and cycle-checked.
 */
final class FreeChunks {
    private static final int MAX_TCACHE_CHAIN = 1 << 16;

    private final GlibcMemory m;
    private final LongArrays chunks = new LongArrays();

    FreeChunks(GlibcMemory m) {
        this.m = m;
    }

    /** Collects fastbin chunks of every arena and tcache chunks of every thread; sorted chunk addresses. */
    long[] collect(List<Arena> arenas, List<ThreadInfo> threads, long libcTlsOffset) {
        for (Arena a : arenas) {
            fastbins(a);
        }
        if (libcTlsOffset != Long.MIN_VALUE && m.layout().tcacheTlsOffset() >= 0) {
            for (ThreadInfo t : threads) {
                long slot = t.fsBase() - libcTlsOffset + m.layout().tcacheTlsOffset();
                long tcache = m.wordOr(slot, 0);
                if (tcache != 0) {
                    tcache(t, tcache);
                }
            }
        }
        return chunks.sortedDistinct();
    }

    private void fastbins(Arena a) {
        GlibcLayout l = m.layout();
        long limit = Math.max(1, a.systemMem() / 32);
        for (int i = 0; i < l.fastbinCount(); i++) {
            long head = m.wordOr(a.address() + l.arenaFastbins() + 8L * i, 0);
            // fastbin links (fd, at chunk + 16) point at the next chunk's header
            walk(head, 0, limit, String.format("arena 0x%x fastbin %d", a.address(), i));
        }
    }

    private void tcache(ThreadInfo t, long tcache) {
        GlibcLayout l = m.layout();
        for (int i = 0; i < l.tcacheBins(); i++) {
            long entry = m.wordOr(tcache + l.tcacheEntries() + 8L * i, 0);
            // tcache links point at the next entry's user data (chunk + 16)
            if (entry != 0) {
                walk(entry - 16, 16, MAX_TCACHE_CHAIN, String.format("thread %d tcache bin %d", t.tid(), i));
            }
        }
    }

    /**
     * Follows a singly linked chunk list. The link lives at chunk + 16 in both kinds of list; it
     * points {@code targetOffset} bytes into the next chunk (0: header, 16: user data).
     */
    private void walk(long chunk, long targetOffset, long limit, String what) {
        long tortoise = chunk;
        long power = 1;
        long lam = 0;
        for (long n = 0; chunk != 0; n++) {
            if ((chunk & 15) != 0 || n >= limit || !m.memory().isAvailable(chunk, 32)) {
                m.warnings().add("%s: bad link to 0x%x after %d chunks; rest of the list ignored", what, chunk, n);
                return;
            }
            chunks.add(chunk);
            long link = chunk + 16;
            long next = m.revealLink(link, m.word(link));
            chunk = next == 0 ? 0 : next - targetOffset;
            if (chunk == tortoise) {
                m.warnings().add("%s: the list loops back to 0x%x; walk stopped", what, chunk);
                return;
            }
            if (++lam == power) { // Brent: move the tortoise at powers of two
                tortoise = chunk;
                power <<= 1;
                lam = 0;
            }
        }
    }
}
