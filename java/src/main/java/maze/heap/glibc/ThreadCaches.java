package maze.heap.glibc;

import java.util.List;
import maze.core.ThreadInfo;

/**
 * Each live thread's tcache: found through its thread pointer (fs_base) and libc's TLS block,
 * checked to be a tcache before it is believed, and every bin walked against its count. A thread
 * whose tcache cannot be read is named in a warning: its cached chunks would show as live.
 */
final class ThreadCaches {
    private static final int MAX_TCACHE_CHAIN = 1 << 16;

    private final GlibcMemory m;
    private final ArenaSpans spans;

    ThreadCaches(GlibcMemory m, ArenaSpans spans) {
        this.m = m;
        this.spans = spans;
    }

    /** Walks the tcache of every thread into {@code lists}; libcTlsOffset is UNKNOWN when it could not be found. */
    void read(List<ThreadInfo> threads, long libcTlsOffset, FreeList lists) {
        if (libcTlsOffset == StaticTls.UNKNOWN) {
            return; // StaticTls said why
        }
        if (m.layout().tcacheTlsOffset() < 0) {
            m.warnings().add("libc's debug info has no TLS variable 'tcache'; the tcache of %d threads not read,"
                    + " their cached chunks may show as live", threads.size());
            return;
        }
        for (ThreadInfo t : threads) {
            long tcache = tcacheOf(t, libcTlsOffset);
            if (tcache != 0) {
                bins(t, tcache, lists);
            }
        }
    }

    /** The thread's tcache_perthread_struct, or 0 (with a warning when a pointer on the way is not what it must be). */
    private long tcacheOf(ThreadInfo t, long libcTlsOffset) {
        long tp = t.fsBase();
        // x86-64 tcbhead_t starts with tcb and, two words on, self: both point at the TCB itself
        if (m.wordOr(tp, 0) != tp || m.wordOr(tp + 16, 0) != tp) {
            unread(t, String.format("fs_base 0x%x is not a thread control block", tp));
            return 0;
        }
        long block = tp - libcTlsOffset;
        long tcache = m.wordOr(block + m.layout().tcacheTlsOffset(), 0);
        if (tcache == 0) {
            // a thread that never called malloc has none; nor has one that only called memalign
            // (_mid_memalign takes an arena without tcache_init), so a null slot proves nothing
            return 0;
        }
        long chunkSize = m.layout().tcacheChunkSize();
        long chunk = tcache - 16;
        if ((tcache & 15) != 0 || !m.memory().isAvailable(chunk, chunkSize)
                || GlibcMemory.chunkSize(m.word(chunk + 8)) != chunkSize || spans.arenaOf(chunk, chunkSize) == 0) {
            unread(t, String.format("its TLS tcache pointer 0x%x is not a tcache chunk in an arena", tcache));
            return 0;
        }
        return tcache;
    }

    private void unread(ThreadInfo t, String why) {
        m.warnings().add("thread %d: tcache not read (%s); its cached chunks may show as live", t.tid(), why);
    }

    private void bins(ThreadInfo t, long tcache, FreeList lists) {
        GlibcLayout l = m.layout();
        for (int i = 0; i < l.tcacheBins(); i++) {
            long count = count(tcache + l.tcacheCounts() + (long) l.tcacheCountSize() * i, l.tcacheCountSize());
            long entry = m.word(tcache + l.tcacheEntries() + 8L * i);
            String what = String.format("thread %d tcache bin %d", t.tid(), i);
            // tcache links point at the next entry's user data (chunk + 16)
            long n = entry == 0 ? 0 : lists.walk(entry - 16, 16, 32 + 16L * i, 0, MAX_TCACHE_CHAIN, what);
            if (n != FreeList.CUT && n != count) {
                m.warnings().add("%s: %d chunks on the list but its count says %d", what, n, count);
            }
        }
    }

    private long count(long at, int size) {
        long w = m.word(at);
        return size >= 8 ? w : w & ((1L << (8 * size)) - 1);
    }
}
