package maze.robust;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * jemalloc 5.3 metadata to damage in a core of Debian's stripped libjemalloc.so.2, at the places
 * its DWARF rebuild puts them (docs/jemalloc.md): the extent map's root (library +0xd5aa0 + 120)
 * and leaf entries, extent headers (e_bits, e_addr, e_size_esn, the slab bitmap), arena 0's
 * tcache descriptor and its cache bins' stacks (je_arenas at library +0xcd6c0).
 */
final class JemallocTargets {
    static final long EMAP_ROOT = 0xd5aa0 + 120;
    static final long ARENAS = 0xcd6c0;
    private static final long[] EDATA_FIELDS = {0, 8, 16, 64, 72};
    /** The bins of small size classes (SC_NBINS). */
    private static final int BINS = 36;
    /** A cached pointer that became another live block of its bin's size class. */
    static final String SWAPPED = "cached pointer swapped for a live block of its class";

    private JemallocTargets() {
    }

    static List<Mutation> of(CleanCore c, Random rnd) throws IOException {
        List<Mutation> out = new ArrayList<>();
        long root = c.preloadBase() + EMAP_ROOT;
        for (int i = 0; i < 4; i++) {
            long p = c.address()[rnd.nextInt(c.address().length)];
            long rootAt = root + (p >>> 30) * 8;
            long leaf = c.core().word(rootAt);
            long entryAt = leaf + ((p >>> 12) & 0x3ffff) * 8;
            long entry = c.core().word(entryAt);
            long edata = (entry << 16 >> 16) & ~127L;
            Mutation.add(out, Mutation.word(c.core(), "rtree root slot", rootAt, CommonTargets.randomPointerish(rnd, leaf)));
            Mutation.add(out, Mutation.word(c.core(), "rtree leaf entry", entryAt, CommonTargets.randomPointerish(rnd, entry)));
            Mutation.add(out, Mutation.word(c.core(), "rtree entry state dirty", entryAt, entry | 4));
            long f = EDATA_FIELDS[rnd.nextInt(EDATA_FIELDS.length)];
            Mutation.add(out, Mutation.word(c.core(), "edata+" + f, edata + f, CommonTargets.randomPointerish(rnd, edata)));
        }
        tcache(c, rnd, out);
        return out;
    }

    private static void tcache(CleanCore c, Random rnd, List<Mutation> out) throws IOException {
        long arena0 = c.core().word(c.preloadBase() + ARENAS);
        long descAt = arena0 + 10400;
        long desc = c.core().word(descAt);
        Mutation.add(out, Mutation.word(c.core(), "arena tcache list", descAt, CommonTargets.randomPointerish(rnd, desc)));
        Mutation.add(out, Mutation.word(c.core(), "tcache descriptor next", desc, CommonTargets.randomPointerish(rnd, desc)));
        long bins = c.core().word(desc + 16);
        for (int i = 0; i < 4; i++) {
            int b = rnd.nextInt(BINS);
            long bin = bins + b * 24L;
            long head = c.core().word(bin);
            Mutation.add(out, Mutation.word(c.core(), "cache bin stack_head", bin, CommonTargets.randomPointerish(rnd, head)));
            Mutation.add(out, Mutation.word(c.core(), "cache bin low bits", bin + 16, rnd.nextLong()));
            long v = CommonTargets.randomPointerish(rnd, head);
            Mutation.add(out, Mutation.word(c.core(), liveOfClass(c, v, b) ? SWAPPED : "cached pointer", head, v));
        }
        swap(c, rnd, bins, out);
    }

    /**
     * The first pointer of a non-empty cache bin replaced by a live block of the bin's size class:
     * the damage {@link WarningRule#UNDETECTABLE} explains.
     */
    private static void swap(CleanCore c, Random rnd, long bins, List<Mutation> out) throws IOException {
        for (int b = 0; b < BINS; b++) {
            long bin = bins + b * 24L;
            long head = c.core().word(bin);
            long empty = c.core().word(bin + 16) >>> 32 & 0xffff; // low_bits_empty, at +20
            List<Long> live = new ArrayList<>();
            for (int i = 0; i < c.address().length; i++) {
                if (c.size()[i] == classSize(b)) {
                    live.add(c.address()[i]);
                }
            }
            if (((empty - head) & 0xffff) >= 8 && !live.isEmpty()) {
                Mutation.add(out, Mutation.word(c.core(), SWAPPED, head, live.get(rnd.nextInt(live.size()))));
                return;
            }
        }
    }

    private static boolean liveOfClass(CleanCore c, long v, int bin) {
        int i = java.util.Arrays.binarySearch(c.address(), v);
        return i >= 0 && c.size()[i] == classSize(bin);
    }

    /** jemalloc's small size classes on x86-64 (16-byte quantum): 8, 16..128 by 16, then 4 per doubling. */
    static long classSize(int index) {
        if (index < 9) {
            return index == 0 ? 8 : 16L * index;
        }
        long base = 128L << ((index - 9) / 4);
        return base + ((index - 9) % 4 + 1) * (base / 4);
    }
}
