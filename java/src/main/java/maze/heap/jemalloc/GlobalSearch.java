package maze.heap.jemalloc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import maze.core.Module;
import maze.core.SectionHeader;
import maze.heap.ModuleEvidence;
import maze.memory.MemoryView;

/**
 * Finds the hidden globals of a stripped jemalloc in its .bss as the core holds it, by what they
 * contain rather than where a rebuild put them: the size table is the word run 8, 16, 32, 48, ...;
 * {@code bin_infos} starts with an 8-byte bin of 512 regions followed by a 16-byte bin; the arena
 * array is the one word run whose every arena carries its own index; the extent map is the rtree
 * built on arena 0's base allocator whose entries decode to extents covering their pages.
 * Every candidate still has to pass {@link JeGlobals}' proofs.
 */
final class GlobalSearch {
    private static final long[] SIZE_RUN = {8, 16, 32, 48, 64, 80, 96, 112, 128, 160};

    private final MemoryView mem;
    private final JeLayout l;
    private final long bss;
    private final LongBuffer words;

    private GlobalSearch(MemoryView mem, JeLayout l, long bss, LongBuffer words) {
        this.mem = mem;
        this.l = l;
        this.bss = bss;
        this.words = words;
    }

    /** The module's .bss read from the core, or null (no section header, not in the core). */
    static GlobalSearch of(MemoryView mem, Module mod, JeLayout l) {
        SectionHeader s = ModuleEvidence.ask(mod, elf -> elf.section(".bss"));
        return s == null || s.size() <= 0 || s.size() > (64L << 20) ? null : over(mem, l, mod.loadBias() + s.addr(), s.size());
    }

    /** The {@code size} bytes from {@code start} as the area to search, or null when not in the core. */
    static GlobalSearch over(MemoryView mem, JeLayout l, long start, long size) {
        int len = (int) (size & ~7L);
        if (!mem.isAvailable(start, len)) {
            return null;
        }
        byte[] b = new byte[len];
        mem.read(start, b, 0, len);
        return new GlobalSearch(mem, l, start, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer());
    }

    /** Why the search cannot give the globals the walk needs, or null. */
    String missing(long index2size, long binInfos, long arenas) {
        if (index2size == 0) {
            return "no size table (8, 16, 32, 48, ...) in .bss";
        }
        if (binInfos == 0) {
            return "no bin_infos (an 8-byte bin of 512 regions, then a 16-byte bin) in .bss";
        }
        return arenas == 0 ? "no arena array (arenas[0] an arena of index 0, every slot its own arena) in .bss" : null;
    }

    long index2size() {
        for (int i = 0; i + SIZE_RUN.length <= words.capacity(); i++) {
            if (runAt(i)) {
                return bss + 8L * i;
            }
        }
        return 0;
    }

    private boolean runAt(int i) {
        for (int k = 0; k < SIZE_RUN.length; k++) {
            if (words.get(i + k) != SIZE_RUN[k]) {
                return false;
            }
        }
        return true;
    }

    long binInfos() {
        int stride = (int) l.binInfoSize() / 8;
        int reg = (int) l.regSize().offset() / 8;
        for (int i = 0; i + stride + reg < words.capacity(); i++) {
            long at = bss + 8L * i;
            if (words.get(i + reg) == 8 && words.get(i + stride + reg) == 16
                    && mem.readIntOr(at + l.nregs().offset(), -1) == 512) {
                return at;
            }
        }
        return 0;
    }

    /**
     * The arena array: arenas[0] has index 0, every other non-null slot holds the arena of its
     * index. A lone pointer to arena 0 followed by zeros (jemalloc's static {@code a0}) passes too,
     * so of all candidates the one naming the most arenas wins.
     */
    long arenas() {
        long best = 0;
        int most = 0;
        for (int i = 0; i + TcacheFree.MAX_ARENAS <= words.capacity(); i++) {
            long a0 = words.get(i);
            if (a0 != 0 && a0 % 8 == 0 && mem.readIntOr(a0 + l.arenaInd().offset(), -1) == 0) {
                int n = arenasNamed(i);
                if (n > most) {
                    most = n;
                    best = bss + 8L * i;
                }
            }
        }
        return best;
    }

    /** How many arenas the slots from {@code first} name, each at its own index; 0 if one is not. */
    private int arenasNamed(int first) {
        int n = 1;
        for (int k = 1; k < TcacheFree.MAX_ARENAS; k++) {
            long a = words.get(first + k);
            if (a != 0 && mem.readIntOr(a + l.arenaInd().offset(), -1) != k) {
                return 0;
            }
            n += a != 0 ? 1 : 0;
        }
        return n;
    }

    /** Every 8-byte slot of .bss holding {@code base0}, as the address an emap_t would start at. */
    long[] emapCandidates(long base0) {
        long off = l.rtreeBase().offset();
        return java.util.stream.IntStream.range(0, words.capacity()).filter(i -> words.get(i) == base0)
                .mapToLong(i -> bss + 8L * i - off).toArray();
    }
}
