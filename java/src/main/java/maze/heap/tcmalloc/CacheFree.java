package maze.heap.tcmalloc;

import maze.heap.FieldReader;
import java.util.HashSet;
import java.util.Set;
import maze.heap.LongArrays;

/**
 * The free-status pass over the caches: objects a span still counts as handed out although they
 * are free, in the central free lists' transfer slots (tc_slots_, chains of a class's batch size)
 * and in every thread cache's per-class lists (ThreadCache::thread_heaps_ via next_). Every chain
 * is bounded by what its owner says it holds; what does not fit is a warning.
 */
final class CacheFree {
    /** More thread caches than this is a cycle or garbage, not a process. */
    private static final int MAX_CACHES = 1 << 20;
    /** Thread cache lists stay far below this (kMaxDynamicFreeListLength is 8192). */
    private static final int MAX_LIST = 1 << 16;

    private final FieldReader m;
    private final TcLayout l;
    private final SizeClasses classes;
    private final LongArrays free = new LongArrays();
    long transferBytes;
    long threadCacheBytes;
    int threadCaches;
    private long brokenChains;

    CacheFree(FieldReader m, TcLayout l, SizeClasses classes) {
        this.m = m;
        this.l = l;
        this.classes = classes;
    }

    /** Collects both kinds of cache; gives every free object found, sorted, duplicates removed. */
    long[] collect(long centralCache, long threadHeapsAddress) {
        for (int cl = 1; cl < classes.count(); cl++) {
            transferSlots(centralCache + cl * l.centralStride(), cl);
        }
        threadCaches(m.word(threadHeapsAddress));
        if (brokenChains > 0) {
            m.warnings().add("tcmalloc: %d cache free lists end early or run long: some free objects may be listed as live",
                    brokenChains);
        }
        long[] sorted = free.sortedDistinct();
        if (sorted.length != free.size()) {
            m.warnings().add("tcmalloc: %d objects are on more than one cache free list (a corrupt list)",
                    free.size() - sorted.length);
        }
        return sorted;
    }

    private void transferSlots(long central, int cl) {
        long sizeClass = m.word(central + l.centralSizeClass());
        int used = m.int32(central + l.centralUsedSlots());
        if (sizeClass != cl || used < 0 || used > l.maxSlots()) {
            m.warnings().add("tcmalloc: central free list %d at 0x%x has size class %d and %d used slots: its transfer"
                    + " cache is not read", cl, central, sizeClass, used);
            return;
        }
        for (int i = 0; i < used; i++) {
            long slot = central + l.centralSlots() + i * l.slotSize();
            long tail = m.word(slot + l.slotTail());
            int n = chain(m.word(slot + l.slotHead()), classes.toMove()[cl], tail);
            transferBytes += (long) n * classes.size()[cl];
        }
    }

    private void threadCaches(long first) {
        Set<Long> seen = new HashSet<>();
        for (long h = first; h != 0; h = m.word(h + l.cacheNext())) {
            if (!seen.add(h) || seen.size() > MAX_CACHES) {
                m.warnings().add("tcmalloc: the thread cache list loops at 0x%x", h);
                return;
            }
            threadCaches++;
            for (int cl = 1; cl < classes.count(); cl++) {
                long list = h + l.cacheLists() + cl * l.listSize();
                int length = m.int32(list + l.listLength());
                if (length < 0 || length > MAX_LIST) {
                    brokenChains++;
                    continue;
                }
                int n = chain(m.word(list + l.listHead()), length, 0);
                threadCacheBytes += (long) n * classes.size()[cl];
            }
        }
    }

    /**
     * Adds the chain from {@code head}: exactly {@code count} objects, the last one {@code tail}
     * when a tail is given. Gives how many were taken.
     */
    private int chain(long head, int count, long tail) {
        long p = head;
        int n = 0;
        while (n < count && p != 0) {
            free.add(p);
            n++;
            if (p == tail) {
                break;
            }
            p = m.word(p);
        }
        if (n != count || (tail != 0 && p != tail)) {
            brokenChains++;
        }
        return n;
    }
}
