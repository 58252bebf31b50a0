package maze.heap.glibc;

import java.util.List;

/**
 * Each walked arena's heaps must add up to its {@code system_mem}: main_arena's from sbrk_base to
 * the end of top, a non-main arena's from each heap_info to the heap's end (the newest ends with
 * top). A heap left out, a heap list cut short or a top of the wrong size shows here.
 */
final class ArenaChecks {
    private ArenaChecks() {
    }

    static void systemMem(GlibcMemory m, List<Arena> arenas) {
        long sbrkBase = m.wordOr(m.mp() + m.layout().mpSbrkBase(), 0);
        for (Arena a : arenas) {
            if (a.ranges().isEmpty()) {
                continue; // Arenas said why it was not walked
            }
            long bytes = 0;
            for (ChunkRange r : a.ranges()) {
                bytes += r.end() - (a.main() ? sbrkBase : r.start() & -Arenas.HEAP_MAX_SIZE);
            }
            if (bytes != a.systemMem()) {
                m.warnings().add("arena 0x%x: its %d heaps span 0x%x bytes up to the end of top but system_mem says 0x%x;"
                        + " the arena's chunks may be missing or wrong", a.address(), a.ranges().size(), bytes, a.systemMem());
            }
        }
    }
}
