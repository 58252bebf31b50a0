package maze.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a glibc block listing's totals with the fixture's mallinfo2() (glibc 2.36, x86-64).
 *
 * <p>What mallinfo2 counts (malloc.c int_mallinfo, per arena): uordblks = system_mem - top size -
 * chunks in fastbins - chunks in the regular bins; so chunks held in a tcache count as in use, and
 * so do a non-main arena's heap_info and malloc_state and the fenceposts of its older heaps.
 * hblkhd = mp_.mmapped_mem, the bytes of every mmapped chunk's mapping.
 *
 * <p>What the listing gives (maze's usable size): arena chunk = size + 8; mmapped chunk = size +
 * 16, plus a leading offset (prev_size) for memalign'd ones. A row is mmapped when its usable
 * bytes end on a page boundary: an arena chunk's usable bytes end 8 past a 16-byte boundary
 * (the next chunk's size field), an mmapped chunk's at the end of its mapping.
 *
 * <p>So: 0 <= uordblks - arena chunks <= tcache bound (7 chunks in each of 64 bins per live
 * thread) + arena overhead; and hblkhd - mmapped chunks = the leading offsets, 0 for plain mmapped
 * chunks (address = page + 16) and below the address's alignment for memalign'd ones.
 */
public final class MallinfoCheck {
    /** Largest possible tcache of one thread: 7 chunks of each size 32, 48, .., 1040. */
    static final long TCACHE_MAX = 7L * (64 * 32 + 16L * 63 * 64 / 2);
    /** heap_info + malloc_state, fenceposts and alignment of one non-main arena, generously. */
    static final long ARENA_OVERHEAD = 64 * 1024;
    static final long PAGE = 4096;

    private MallinfoCheck() {
    }

    static boolean mmapped(long address, long usable) {
        return (address + usable) % PAGE == 0;
    }

    /** The problems found, empty when the totals agree. */
    public static List<String> check(GroundTruth.Mallinfo mi, BlockListing l, int threadsAlive, int arenas) {
        long arena = 0;
        long mapped = 0;
        long leadBound = 0;
        for (int i = 0; i < l.count; i++) {
            if (mmapped(l.address[i], l.size[i])) {
                mapped += l.size[i] + 16;
                leadBound += l.address[i] % PAGE == 16 ? 0 : Long.lowestOneBit(l.address[i]);
            } else {
                arena += l.size[i] + 8;
            }
        }
        List<String> problems = new ArrayList<>();
        long slack = TCACHE_MAX * threadsAlive + ARENA_OVERHEAD * arenas;
        long d = mi.uordblks() - arena;
        if (d < 0 || d > slack) {
            problems.add(String.format("uordblks %d - listed arena chunks %d = %d, outside [0, %d]",
                    mi.uordblks(), arena, d, slack));
        }
        long lead = mi.hblkhd() - mapped;
        if (lead < 0 || lead > leadBound || (leadBound == 0 && lead != 0)) {
            problems.add(String.format("hblkhd %d - listed mmapped chunks %d = %d, outside [0, %d]",
                    mi.hblkhd(), mapped, lead, leadBound));
        }
        return problems;
    }
}
