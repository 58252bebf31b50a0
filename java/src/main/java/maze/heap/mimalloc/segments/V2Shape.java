package maze.heap.mimalloc.segments;

import maze.heap.FieldReader;
import maze.heap.mimalloc.Page;
import java.util.function.Consumer;

/**
 * A mimalloc 2.x segment header: 32 MiB-aligned; kind normal (512 slices) or huge, info slices
 * inside, slice entries min(slices, 512) (one less with MI_SECURE's guard), abandoned <= used <=
 * entries.
 */
final class V2Shape extends SegmentHeaderCheck {
    private static final int KIND_HUGE = 1;

    private final V2Layout l;
    private final V2Slices segs;

    V2Shape(FieldReader mem, V2Layout l) {
        super(mem, l.segCookie(), l.segUsed(), l.segSlicesArray());
        this.l = l;
        this.segs = new V2Slices(mem, l);
    }

    @Override
    boolean consistent(long seg) {
        long slices = segs.slices(seg);
        long info = segs.infoSlices(seg);
        long kind = mem.field(seg, l.segKind());
        long entries = segs.entries(seg);
        long used = used(seg);
        long abandoned = mem.field(seg, l.segAbandoned());
        boolean shape = kind == KIND_HUGE ? slices >= 1 : kind == 0 && slices == V2Slices.MAX_SLICES;
        long full = Math.min(slices, V2Slices.MAX_SLICES);
        return shape && slices < (1L << 40) && info >= 1 && info < slices && (entries == full || entries == full - 1)
                && used <= entries && abandoned <= used;
    }





    @Override
    public long alignment() {
        return V2Slices.SEGMENT_SIZE;
    }

    @Override
    public long span(long seg) {
        return segs.size(seg);
    }

    @Override
    public long abandonedNext(long seg) {
        return l.segAbandonedNext() == null ? 0 : mem.field(seg, l.segAbandonedNext());
    }

    @Override
    public long threadId(long seg) {
        return segs.threadId(seg);
    }

    @Override
    public boolean huge(long seg) {
        return segs.huge(seg);
    }

    @Override
    public int pages(long seg, Consumer<Page> action) {
        return segs.pages(seg, action);
    }
}
