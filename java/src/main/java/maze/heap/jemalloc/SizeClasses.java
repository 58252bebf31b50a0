package maze.heap.jemalloc;

import maze.memory.MemoryView;

/**
 * jemalloc's size classes as the process computed them at boot ({@code sz_index2size_tab},
 * {@code bin_infos}: both in .bss, so read from the core, never from the file). {@link #problem}
 * says why the tables cannot be what they claim, or null: a table that fails it is not used.
 */
record SizeClasses(long[] index2size, long[] regSize, long[] slabSize, int[] nregs) {
    /** SC_NSIZES and SC_NBINS for 4 KiB pages, 16-byte quantum, 48-bit addresses (x86-64). */
    static final int NSIZES = 232;
    static final int NBINS = 36;
    static final long PAGE = 4096;

    static SizeClasses read(MemoryView mem, JeLayout l, long index2sizeAt, long binInfosAt) {
        long[] sizes = new long[NSIZES];
        for (int i = 0; i < NSIZES; i++) {
            sizes[i] = mem.readLongOr(index2sizeAt + 8L * i, -1);
        }
        long[] reg = new long[NBINS];
        long[] slab = new long[NBINS];
        int[] n = new int[NBINS];
        for (int i = 0; i < NBINS; i++) {
            long at = binInfosAt + i * l.binInfoSize();
            reg[i] = mem.readLongOr(at + l.regSize().offset(), -1);
            slab[i] = mem.readLongOr(at + l.slabSize().offset(), -1);
            n[i] = mem.readIntOr(at + l.nregs().offset(), -1);
        }
        return new SizeClasses(sizes, reg, slab, n);
    }

    /** Null when the size table grows from 8 and every bin's region size, slab and count agree with it. */
    String problem() {
        if (index2size[0] != 8) {
            return "sz_index2size_tab[0] is " + index2size[0] + ", not 8";
        }
        for (int i = 1; i < NSIZES; i++) {
            if (index2size[i] <= index2size[i - 1]) {
                return "sz_index2size_tab is not increasing at index " + i;
            }
        }
        for (int i = 0; i < NBINS; i++) {
            if (regSize[i] != index2size[i] || slabSize[i] <= 0 || slabSize[i] % PAGE != 0
                    || nregs[i] != slabSize[i] / regSize[i] || nregs[i] > 512) {
                return "bin_infos[" + i + "] (reg_size " + regSize[i] + ", slab_size " + slabSize[i]
                        + ", nregs " + nregs[i] + ") disagrees with the size table";
            }
        }
        return null;
    }

    long usable(int szind) {
        return szind >= 0 && szind < NSIZES ? index2size[szind] : -1;
    }
}
