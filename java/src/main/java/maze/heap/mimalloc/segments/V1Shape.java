package maze.heap.mimalloc.segments;

import maze.heap.FieldReader;
import maze.heap.mimalloc.FreeListCodec;
import maze.heap.mimalloc.Page;
import java.util.function.Consumer;

/**
 * A mimalloc 1.x segment: 4 MiB-aligned, pages[capacity] in the header; small (64 KiB pages, 64
 * of them), medium (512 KiB, 8), large (one page) or huge (one page, segment as big as needed).
 * Page 0 starts after the header, and for small and medium pages on a block-size multiple.
 */
final class V1Shape extends SegmentHeaderCheck {
    static final long SEGMENT_SIZE = 1L << 22;
    /** xblock_size at or above MI_HUGE_OBJ_SIZE_MAX (64 MiB) stands for "the whole page". */
    private static final long HUGE_SENTINEL = 1L << 26;

    /**
     * The page kind numbers of a build and which kinds align page 0 to their block size. 1.0.4
     * added the medium kind between small and large, so huge is 2 before and 3 after; page 0 is
     * aligned from 1.0.2 (small pages only until 1.0.4, small and medium since), never in 1.0.0.
     */
    record Kinds(int huge, int alignedUpTo) {
        static Kinds of(boolean hasMedium, boolean hasVersionExport) {
            return hasMedium ? new Kinds(3, 1) : new Kinds(2, hasVersionExport ? 0 : -1);
        }

        /** Small and medium segments hold many pages; large and huge ones a single page. */
        boolean manyPages(long kind) {
            return kind < huge - 1;
        }
    }

    private final V1Layout l;
    private final Kinds kinds;

    V1Shape(FieldReader mem, V1Layout l, Kinds kinds) {
        super(mem, l.segCookie(), l.segUsed(), l.segPages());
        this.l = l;
        this.kinds = kinds;
    }

    @Override
    boolean consistent(long seg) {
        long kind = mem.field(seg, l.segKind());
        long size = mem.field(seg, l.segSize());
        long info = mem.field(seg, l.segInfoSize());
        long shift = mem.field(seg, l.segPageShift());
        long capacity = mem.field(seg, l.segCapacity());
        long used = used(seg);
        boolean normal = kind < kinds.huge() && size == SEGMENT_SIZE && shift >= 12 && shift <= 22
                && capacity == (kinds.manyPages(kind) ? SEGMENT_SIZE >> shift : 1);
        boolean huge = kind == kinds.huge() && size > 0 && size < (1L << 40) && capacity == 1;
        return (normal || huge) && info > 0 && info < size && used <= capacity
                && mem.field(seg, l.segAbandoned()) <= used;
    }

    @Override
    public long alignment() {
        return SEGMENT_SIZE;
    }

    @Override
    public long span(long seg) {
        return mem.field(seg, l.segSize());
    }

    @Override
    public long abandonedNext(long seg) {
        return l.segAbandonedNext() == null ? 0 : mem.field(seg, l.segAbandonedNext());
    }

    @Override
    public long threadId(long seg) {
        return mem.field(seg, l.segThreadId());
    }

    @Override
    public boolean huge(long seg) {
        return mem.field(seg, l.segKind()) == kinds.huge();
    }

    @Override
    public int pages(long seg, Consumer<Page> action) {
        long capacity = Math.min(mem.field(seg, l.segCapacity()), SEGMENT_SIZE >> 12);
        for (int i = 0; i < capacity; i++) {
            long meta = seg + l.segPages() + i * l.pageSize();
            if (mem.field(meta, l.pageInUse()) != 0 && mem.field(meta, l.pageCapacity()) > 0) {
                action.accept(page(seg, meta, i));
            }
        }
        return 0;
    }

    private Page page(long seg, long meta, int idx) {
        long kind = mem.field(seg, l.segKind());
        long raw = kind == kinds.huge() ? span(seg) : 1L << mem.field(seg, l.segPageShift());
        long start = seg + idx * raw;
        long psize = raw;
        if (idx == 0) {
            long info = mem.field(seg, l.segInfoSize());
            start += info;
            psize -= info;
        }
        long bsize = mem.field(meta, l.pageBlockSize());
        if (l.blockSizeSentinel() && bsize >= HUGE_SENTINEL) {
            bsize = psize;
        }
        if (l.pageStart() != null) {
            start = mem.field(meta, l.pageStart());
        } else if (idx == 0 && bsize > 0 && kind <= kinds.alignedUpTo()) {
            long adjust = bsize - Long.remainderUnsigned(start, bsize);
            start += adjust < bsize && psize - adjust >= bsize ? adjust : 0;
        }
        return new Page(seg, meta, idx, start, bsize, (int) mem.field(meta, l.pageCapacity()),
                (int) mem.field(meta, l.pageReserved()), mem.field(meta, l.pageUsed()), mem.field(meta, l.pageFree()),
                mem.field(meta, l.pageLocalFree()), mem.field(meta, l.pageThreadFree()), mem.field(meta, l.pageHeap()),
                FreeListCodec.of(mem, meta, l.pageKeys()));
    }

}
