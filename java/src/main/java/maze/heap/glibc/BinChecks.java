package maze.heap.glibc;

import maze.heap.LongArrays;

/**
 * The chunks on each arena's regular bins (unsorted, small, large: circular doubly linked lists
 * whose heads live in malloc_state.bins). Every chunk the walk sees free by its neighbour's
 * PREV_INUSE bit must be on one of them, and every binned chunk must be seen free: a flipped bit
 * would otherwise turn a free chunk live or a live one free without a trace.
 */
final class BinChecks {
    private final GlibcMemory m;
    private final LongArrays binned = new LongArrays();
    private final java.util.Map<Long, LongArrays> byArena = new java.util.HashMap<>();

    BinChecks(GlibcMemory m) {
        this.m = m;
    }

    /** The binned chunks of every arena, sorted. */
    long[] collect(java.util.List<Arena> arenas) {
        for (Arena a : arenas) {
            if (!a.ranges().isEmpty()) {
                for (int i = 1; i <= m.layout().binCount() / 2; i++) {
                    bin(a, i);
                }
            }
        }
        return binned.sortedDistinct();
    }

    /** The chunks on the bins of the arena at {@code arena} (after {@link #collect}), sorted. */
    long[] binnedOf(long arena) {
        LongArrays chunks = byArena.get(arena);
        return chunks == null ? new long[0] : chunks.sortedDistinct();
    }

    /** Bin i's head is a fake chunk whose fd and bk are bins[2(i-1)] and bins[2(i-1)+1]. */
    private void bin(Arena a, int i) {
        long head = a.address() + m.layout().arenaBins() + 16L * (i - 1) - 16;
        long limit = Math.max(1, a.systemMem() / 32);
        long prev = head;
        long c = m.wordOr(head + 16, head);
        for (long n = 0; c != head; n++) {
            if (n >= limit || (c & 15) != 0 || m.wordOr(c + 24, 0) != prev) {
                m.warnings().add("arena 0x%x bin %d: link to 0x%x after %d chunks is not a chunk linked back;"
                        + " free chunks after it may show as live", a.address(), i, c, n);
                return;
            }
            binned.add(c);
            byArena.computeIfAbsent(a.address(), k -> new LongArrays()).add(c);
            prev = c;
            c = m.wordOr(c + 16, head);
        }
    }
}
