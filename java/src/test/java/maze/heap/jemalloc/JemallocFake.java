package maze.heap.jemalloc;

import maze.layout.LayoutTables;
import maze.testing.FakeMemory;

/** Synthetic jemalloc 5.3 metadata in fake memory, at the offsets of the Debian table. */
final class JemallocFake {
    static final JeLayout L = JeLayout.from(LayoutTables.load("jemalloc/debian-5.3.0-1.layout").source());
    static final long PAGE = 4096;

    private JemallocFake() {
    }

    /** A leaf entry as rtree_leaf_elm_bits_encode packs it. */
    static long entry(long edata, int szind, int state, boolean slab) {
        return (long) szind << 48 | (edata & ((1L << 48) - 1)) | (long) state << 2 | (slab ? 1 : 0);
    }

    /** e_bits as edata.h packs them (arena 0). */
    static long bits(int szind, int state, boolean slab, int nfree) {
        return (long) nfree << Edata.NFREE_SHIFT | (long) szind << Edata.SZIND_SHIFT
                | (long) state << Edata.STATE_SHIFT | (slab ? 1L : 0) << Edata.SLAB_SHIFT;
    }

    /** An extent header at {@code at} (its region must exist) for an extent at {@code addr}. */
    static void edata(FakeMemory m, long at, long eBits, long addr, long size) {
        m.putLong(at + L.eBits().offset(), eBits);
        m.putLong(at + L.eAddr().offset(), addr);
        m.putLong(at + L.eSizeEsn().offset(), size);
    }

    /** jemalloc's size classes (8, 16, multiples of 16 to 128, then four per doubling), slabs as small as fit. */
    static SizeClasses classes() {
        long[] sizes = new long[SizeClasses.NSIZES];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = i == 0 ? 8 : i < 8 ? 16L * i : next(sizes[i - 1]);
        }
        long[] slab = new long[SizeClasses.NBINS];
        int[] nregs = new int[SizeClasses.NBINS];
        for (int i = 0; i < slab.length; i++) {
            slab[i] = sizes[i] / gcd(sizes[i], PAGE) * PAGE;
            nregs[i] = (int) (slab[i] / sizes[i]);
        }
        return new SizeClasses(sizes, java.util.Arrays.copyOf(sizes, SizeClasses.NBINS), slab, nregs);
    }

    private static long next(long s) {
        return s + Math.max(16, Long.highestOneBit(s) / 4);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
