package maze.heap.mimalloc;

import maze.heap.FieldReader;
/**
 * Marks the free blocks of one page: its free, local_free and thread-free lists, plus the blocks of
 * the owning heap's delayed list that fall in it. Each list walk is bounded by the capacity, and a
 * pointer off a block boundary, outside the page, or seen twice ends it with a problem counted.
 */
final class FreeBlocks {
    /** The marks and counts of one page; {@code problems} counts lists that ended early. */
    static final class Marks {
        final boolean[] free;
        int freeList;
        int localFree;
        int threadFree;
        int delayed;
        int problems;

        Marks(int capacity) {
            free = new boolean[capacity];
        }

        int totalFree() {
            return freeList + localFree + threadFree + delayed;
        }
    }

    private final FieldReader mem;

    FreeBlocks(FieldReader mem) {
        this.mem = mem;
    }

    /** {@code delayed}: sorted addresses of every heap's delayed-free blocks. */
    Marks mark(Page p, long[] delayed) {
        Marks m = new Marks(p.capacity());
        m.freeList = walk(p, p.freeHead(), m);
        m.localFree = walk(p, p.localFreeHead(), m);
        m.threadFree = walk(p, p.threadFree() & ~3L, m);
        m.delayed = markDelayed(p, delayed, m);
        return m;
    }

    private int walk(Page p, long head, Marks m) {
        int n = 0;
        long b = head;
        while (b != 0) {
            int i = p.indexOf(b);
            if (i < 0 || m.free[i] || n >= p.capacity()) {
                m.problems++;
                return n;
            }
            m.free[i] = true;
            n++;
            long stored = mem.word(b, Long.MIN_VALUE);
            if (stored == Long.MIN_VALUE) {
                m.problems++;
                return n;
            }
            b = p.codec().decode(stored);
        }
        return n;
    }

    private static int markDelayed(Page p, long[] delayed, Marks m) {
        int n = 0;
        int at = java.util.Arrays.binarySearch(delayed, p.start());
        for (int k = at >= 0 ? at : -at - 1; k < delayed.length && delayed[k] < p.end(); k++) {
            int i = p.indexOf(delayed[k]);
            if (i >= 0 && !m.free[i]) {
                m.free[i] = true;
                n++;
            }
        }
        return n;
    }
}
