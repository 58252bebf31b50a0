package maze.heap.jemalloc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import maze.heap.Warnings;
import maze.memory.MemoryView;

/**
 * The bookkeeping finder: jemalloc's global extent map ({@code arena_emap_global}, a two-level
 * radix tree keyed by page on x86-64, its root inline in .bss). Every registered page's leaf entry
 * packs its extent's {@code edata_t} pointer (bits 7-47, sign-extended), {@code szind << 48},
 * {@code state << 2} and the slab bit (rtree.h). Pages are visited in increasing address order, so
 * extents come out sorted; a run of identical entries is given once, cleared entries never.
 * Extents of every state are given: the walker checks free ones' headers too, so damage that
 * turns a live extent into a free-looking one is seen.
 */
final class ExtentMap {
    static final int LG_VADDR = 48;
    static final int LG_PAGE = 12;
    private static final long EDATA_ALIGN_MASK = ~127L;

    /** One run of pages whose entries agree, {@code page} to {@code lastPage}; {@code state} 0 is active (live). */
    interface Visitor {
        void extent(long edata, int szind, boolean slab, int state, long page, long lastPage);
    }

    private final MemoryView mem;
    private final Warnings warnings;
    private int leaves;
    private int unreadableLeaves;

    ExtentMap(MemoryView mem, Warnings warnings) {
        this.mem = mem;
        this.warnings = warnings;
    }

    int leaves() {
        return leaves;
    }

    /** Visits the active extents of the rtree whose root array of {@code rootEntries} is at {@code root}. */
    void walk(long root, long rootEntries, Visitor v) {
        int rootBits = Long.numberOfTrailingZeros(rootEntries);
        int leafBits = LG_VADDR - LG_PAGE - rootBits;
        LongBuffer rootArray = read(root, rootEntries);
        for (int i = 0; i < rootEntries; i++) {
            long leaf = rootArray.get(i);
            if (leaf == 0) {
                continue;
            }
            LongBuffer entries = leaf % 8 == 0 ? read(leaf, 1L << leafBits) : null;
            if (entries == null) {
                unreadableLeaves++;
                continue;
            }
            leaves++;
            visitLeaf(entries, (long) i << (leafBits + LG_PAGE), v);
        }
        if (unreadableLeaves > 0) {
            warnings.add("jemalloc: %d extent-map leaves are not in the core; the extents they map are missing",
                    unreadableLeaves);
        }
    }

    /** Gives each run of identical entries once, with its first and last page: a run that changes mid-extent is seen. */
    private static void visitLeaf(LongBuffer entries, long firstPage, Visitor v) {
        long runBits = 0;
        int runStart = 0;
        for (int j = 0; j < entries.capacity(); j++) {
            long bits = entries.get(j);
            if (bits != runBits) {
                run(runBits, firstPage, runStart, j - 1, v);
                runBits = bits;
                runStart = j;
            }
        }
        run(runBits, firstPage, runStart, entries.capacity() - 1, v);
    }

    private static void run(long bits, long firstPage, int from, int to, Visitor v) {
        long edata = ((bits << (64 - LG_VADDR)) >> (64 - LG_VADDR)) & EDATA_ALIGN_MASK;
        // a cleared entry: no extent, szind SC_NSIZES (rtree_clear)
        if (edata != 0) {
            v.extent(edata, (int) (bits >>> LG_VADDR), (bits & 1) != 0, (int) (bits >>> 2) & 7,
                    firstPage + ((long) from << LG_PAGE), firstPage + ((long) to << LG_PAGE));
        }
    }

    private LongBuffer read(long address, long count) {
        int bytes = Math.toIntExact(count * 8);
        if (!mem.isAvailable(address, bytes)) {
            return null;
        }
        byte[] b = new byte[bytes];
        mem.read(address, b, 0, bytes);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    }

    /** The root array must be readable: without it there is no walk at all. */
    boolean rootReadable(long root, long rootEntries) {
        return mem.isAvailable(root, rootEntries * 8);
    }
}
