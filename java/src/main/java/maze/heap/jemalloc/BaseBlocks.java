package maze.heap.jemalloc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import maze.heap.OwnedMemory;
import maze.heap.Warnings;
import maze.memory.MemoryView;

/**
 * Where jemalloc keeps its own metadata outside its extents: each arena's base allocator (base.h)
 * maps blocks of address space and carves from them its base_t, arenas, extent headers (edata_t)
 * and extent-map leaves. Their words name blocks for jemalloc's sake (an extent header's e_addr is
 * its first block), so they are no roots of the program's ({@link maze.heap.HeapSummary#metadata()}).
 * Arena 0's base is b0, which the extent map and jemalloc's boot allocations use too. Bounded: a
 * chain stops at a repeated block or after {@link #MAX_BLOCKS}; every block is page-aligned and a
 * page multiple, as base_map makes them.
 */
final class BaseBlocks {
    static final int MAX_BLOCKS = 1 << 16;
    private static final long PAGE = 4096;
    /** Larger than any base block jemalloc maps (they grow geometrically from 2 MiB). */
    private static final long MAX_SIZE = 1L << 40;

    private final MemoryView mem;
    private final JeLayout l;
    private final Warnings warnings;
    private final List<OwnedMemory.Range> ranges = new ArrayList<>();
    private final Set<Long> seen = new HashSet<>();
    long bytes;

    private BaseBlocks(MemoryView mem, JeLayout l, Warnings warnings) {
        this.mem = mem;
        this.l = l;
        this.warnings = warnings;
    }

    /** The base blocks of every arena in the {@code je_arenas} array at {@code arenasAt}. */
    static BaseBlocks read(MemoryView mem, JeLayout l, long arenasAt, Warnings warnings) {
        BaseBlocks b = new BaseBlocks(mem, l, warnings);
        Set<Long> bases = new HashSet<>();
        for (int i = 0; i < TcacheFree.MAX_ARENAS; i++) {
            long arena = mem.readLongOr(arenasAt + 8L * i, 0);
            if (arena == 0 || mem.readIntOr(arena + l.arenaInd().offset(), -1) != i) {
                continue; // the tcache pass warned about an arena without its index
            }
            long base = mem.readLongOr(arena + l.arenaBase().offset(), 0);
            if (base != 0 && bases.add(base)) {
                b.chain(i, base);
            }
        }
        return b;
    }

    List<OwnedMemory.Range> ranges() {
        return ranges;
    }

    private void chain(int arena, long base) {
        int n = 0;
        for (long block = mem.readLongOr(base + l.baseBlocks().offset(), 0); block != 0;
             block = mem.readLongOr(block + l.blockNext().offset(), 0)) {
            long size = mem.readLongOr(block + l.blockSize().offset(), -1);
            if (++n > MAX_BLOCKS || !seen.add(block) || (block & (PAGE - 1)) != 0 || size <= 0
                    || (size & (PAGE - 1)) != 0 || size > MAX_SIZE) {
                warnings.add("jemalloc: arena %d's base allocator's block chain is damaged at 0x%x; the metadata"
                        + " further on is scanned as the program's and may keep leaked blocks anchored", arena, block);
                return;
            }
            ranges.add(new OwnedMemory.Range(block, block + size, "jemalloc base block of arena " + arena));
            bytes += size;
        }
    }
}
