package maze.heap.jemalloc;

import java.util.HashSet;
import java.util.Set;
import maze.heap.Warnings;
import maze.memory.MemoryView;

/**
 * Free-status pass: the blocks thread caches hold. Their slabs' bitmaps still call them allocated.
 * Every tcache of every arena is on the arena's {@code cache_bin_array_descriptor_ql} (kept when
 * stats are compiled in, jemalloc's default); bin {@code i} of a tcache caches size class
 * {@code i}, its {@code (low_bits_empty - (uint16) stack_head) / 8} pointers from
 * {@code stack_head} up (cache_bin.h). Threads that exited flushed their caches first. The stack
 * heads also tell which blocks hold the stacks ({@link StackBlocks}).
 */
final class TcacheFree {
    /** MALLOCX_ARENA_LIMIT - 1: the length of {@code je_arenas}. */
    static final int MAX_ARENAS = 4095;
    /** More tcaches than this on one arena means a damaged list. */
    static final int MAX_TCACHES = 1 << 20;

    private final MemoryView mem;
    private final JeLayout l;
    private final Warnings warnings;
    private final CachedBlocks cached = new CachedBlocks();
    private final StackBlocks stacks = new StackBlocks();
    int arenas;
    int tcaches;
    long bytes;

    TcacheFree(MemoryView mem, JeLayout l, Warnings warnings) {
        this.mem = mem;
        this.l = l;
        this.warnings = warnings;
    }

    /** The cached pointers of every tcache; {@code nbins} bins each. */
    CachedBlocks collect(long arenasAt, int nbins, SizeClasses classes) {
        for (int i = 0; i < MAX_ARENAS; i++) {
            long arena = mem.readLongOr(arenasAt + 8L * i, 0);
            if (arena != 0) {
                arenas++;
                if (mem.readIntOr(arena + l.arenaInd().offset(), -1) != i) {
                    warnings.add("jemalloc: arena %d at 0x%x does not carry its index; its thread caches are not read", i, arena);
                    continue;
                }
                arenaTcaches(i, arena, nbins, classes);
            }
        }
        return cached;
    }

    private void arenaTcaches(int index, long arena, int nbins, SizeClasses classes) {
        long first = mem.readLongOr(arena + l.arenaDescriptors().offset(), 0);
        Set<Long> seen = new HashSet<>();
        for (long desc = first; desc != 0; desc = mem.readLongOr(desc + l.descNext().offset(), 0)) {
            if (seen.size() == MAX_TCACHES || !mem.isAvailable(desc, l.descBins().offset() + 8) || !seen.add(desc)) {
                warnings.add("jemalloc: arena %d's tcache list is damaged at 0x%x; blocks cached further on count as live",
                        index, desc);
                return;
            }
            tcaches++;
            long bins = mem.readLongOr(desc + l.descBins().offset(), 0);
            long lowest = Long.MAX_VALUE;
            long highest = 0;
            for (int b = 0; b < nbins; b++) {
                long head = readBin(bins + b * l.cacheBinSize(), b, classes.usable(b));
                if (head != 0) { // a bin past nhbins that tcache_init never wrote
                    lowest = Math.min(lowest, head);
                    highest = Math.max(highest, head);
                }
            }
            if (highest != 0) {
                stacks.tcache(lowest, highest);
            }
            if (mem.readLongOr(desc + l.descNext().offset(), 0) == first) {
                return;
            }
        }
    }

    /** The blocks holding the tcaches' stacks (known once {@link #collect} ran). */
    StackBlocks stacks() {
        return stacks;
    }

    /** Collects a bin's cached pointers; gives its stack head. */
    private long readBin(long bin, int szind, long size) {
        long head = mem.readLongOr(bin + l.stackHead().offset(), 0);
        int empty = mem.isAvailable(bin + l.lowBitsEmpty().offset(), 2)
                ? mem.readIntOr(bin + l.lowBitsEmpty().offset(), 0) & 0xffff : (int) head & 0xffff;
        int count = ((empty - (int) head) & 0xffff) / 8;
        for (int k = 0; k < count; k++) {
            long p = mem.readLongOr(head + 8L * k, 0);
            if (p == 0) {
                warnings.add("jemalloc: a thread cache's stack at 0x%x is not in the core; blocks it holds count as live", head);
                return head;
            }
            cached.add(p, szind);
            bytes += size;
        }
        return head;
    }
}
