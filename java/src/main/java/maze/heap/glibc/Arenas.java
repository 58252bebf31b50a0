package maze.heap.glibc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds main_arena and every arena on its {@code next} ring, with the heaps each one owns. */
final class Arenas {
    /** HEAP_MAX_SIZE on x86-64 (2 * DEFAULT_MMAP_THRESHOLD_MAX); non-main heaps are aligned to it. */
    static final long HEAP_MAX_SIZE = 64L << 20;
    private static final int MAX_ARENAS = 4096;
    private static final int MAX_HEAPS_PER_ARENA = 1 << 16;

    private final GlibcMemory m;

    Arenas(GlibcMemory m) {
        this.m = m;
    }

    List<Arena> find() {
        List<Arena> arenas = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long main = m.mainArena();
        long a = main;
        while (arenas.size() < MAX_ARENAS && seen.add(a)) {
            Arena arena = read(a, a == main);
            if (arena != null) {
                arenas.add(arena);
            }
            long next = m.wordOr(a + m.layout().arenaNext(), 0);
            if (next == main) {
                return arenas;
            }
            if (next == 0 || !m.memory().isAvailable(next, m.layout().arenaSize())) {
                m.warnings().add("arena 0x%x: next arena pointer 0x%x is not in the core; later arenas not walked", a, next);
                return arenas;
            }
            a = next;
        }
        m.warnings().add("arena ring does not return to main_arena (cycle or over %d arenas); walked %d",
                MAX_ARENAS, arenas.size());
        return arenas;
    }

    private Arena read(long a, boolean main) {
        GlibcLayout l = m.layout();
        long top = m.wordOr(a + l.arenaTop(), 0);
        long systemMem = m.wordOr(a + l.arenaSystemMem(), 0);
        if (top == 0 || systemMem == 0) {
            // an arena never allocated from has no memory and its top is the unsorted bin inside it,
            // or 0 when glibc's malloc was never even set up (a process another allocator serves)
            boolean neverSetUp = top == 0 && systemMem == 0;
            if (!neverSetUp && (systemMem != 0 || top - a < 0 || top - a >= l.arenaSize())) {
                m.warnings().add("arena 0x%x: top 0x%x and system_mem 0x%x cannot both be right; its chunks not walked",
                        a, top, systemMem);
            }
            return new Arena(a, main, top, systemMem, List.of());
        }
        long topSize = GlibcMemory.chunkSize(m.wordOr(top + 8, 0));
        List<ChunkRange> ranges = main ? mainRanges(a, top, topSize) : heapRanges(a, top, topSize);
        return new Arena(a, main, top, systemMem, ranges);
    }

    /** main_arena's chunks run from sbrk_base (16-aligned) up to its top chunk. */
    private List<ChunkRange> mainRanges(long a, long top, long topSize) {
        long sbrkBase = m.wordOr(m.mp() + m.layout().mpSbrkBase(), 0);
        if (sbrkBase == 0 || Long.compareUnsigned(top, sbrkBase) < 0) {
            m.warnings().add("main_arena: top 0x%x is not above sbrk_base 0x%x (non-contiguous main arena); not walked",
                    top, sbrkBase);
            return List.of();
        }
        long start = (sbrkBase + 15) & ~15L;
        return List.of(new ChunkRange(start, top, top + topSize, a, false));
    }

    /** A non-main arena's heaps: from the one holding top back through heap_info.prev. */
    private List<ChunkRange> heapRanges(long a, long top, long topSize) {
        GlibcLayout l = m.layout();
        List<ChunkRange> ranges = new ArrayList<>();
        long h = top & -HEAP_MAX_SIZE;
        boolean newest = true;
        Set<Long> seen = new HashSet<>();
        while (h != 0 && ranges.size() < MAX_HEAPS_PER_ARENA && seen.add(h)) {
            long arPtr = m.wordOr(h + l.heapArPtr(), 0);
            long size = m.wordOr(h + l.heapSize(), 0);
            if (arPtr != a || size <= 0 || size > HEAP_MAX_SIZE) {
                m.warnings().add("arena 0x%x: heap 0x%x has ar_ptr 0x%x and size 0x%x; it and older heaps not walked",
                        a, h, arPtr, size);
                break;
            }
            boolean holdsArena = a >= h && a < h + size;
            long start = holdsArena ? align16(a + l.arenaSize()) : align16(h + l.heapInfoSize());
            long end = h + size;
            ranges.add(newest ? new ChunkRange(start, top, top + topSize, a, false)
                    : new ChunkRange(start, end, end, a, false));
            newest = false;
            h = m.wordOr(h + l.heapPrev(), 0);
        }
        return ranges;
    }

    private static long align16(long v) {
        return (v + 15) & ~15L;
    }
}
