package maze.heap.glibc;

import java.util.List;
import maze.heap.BlockSink;
import maze.heap.ParallelWalks;
import maze.heap.Warnings;

/**
 * Walks chunk ranges (sorted, disjoint) several at once and hands their blocks on in address
 * order ({@link ParallelWalks}). A heap's chunk chain is sequential by nature, so a heap is the
 * unit, walked by a walker of its own; an mmapped chunk is one block, handed on where it stands.
 */
final class RangeWalks implements ParallelWalks.Plan<ChunkRange, ChunkWalker> {
    private final ChunkWalker total;
    private final GlibcMemory m;

    private RangeWalks(ChunkWalker total, GlibcMemory m) {
        this.total = total;
        this.m = m;
    }

    /** Emits every range's blocks into {@code sink} in address order, walking up to {@code threads} heaps at once. */
    static void emit(List<ChunkRange> ranges, ChunkWalker walker, BlockSink sink, GlibcMemory m, int threads) {
        ParallelWalks.emit(ranges, new RangeWalks(walker, m), threads, sink, m.warnings());
    }

    @Override
    public String name(ChunkRange r) {
        return String.format("glibc-0x%x", r.start());
    }

    @Override
    public boolean parallel(ChunkRange r) {
        return !r.mmapped();
    }

    @Override
    public ChunkWalker walker(ChunkRange r, Warnings warnings) {
        return total.forRange(new GlibcMemory(m.memory(), m.layout(), m.libcBias(), m.safeLinking(), warnings));
    }

    @Override
    public void walk(ChunkWalker walker, ChunkRange r, BlockSink sink) {
        walker.walk(r, sink);
    }

    @Override
    public void absorb(ChunkWalker walker) {
        total.absorb(walker);
    }

    @Override
    public void walkHere(ChunkRange r, BlockSink sink) {
        if (r.mmapped()) {
            sink.block(r.start() + 16, r.end() - r.start() - 16, BlockSink.MMAPPED);
        } else {
            total.walk(r, sink);
        }
    }
}
