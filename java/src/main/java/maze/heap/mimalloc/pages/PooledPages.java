package maze.heap.mimalloc.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import maze.heap.BlockSink;
import maze.heap.mimalloc.Page;
import maze.heap.mimalloc.PageEmitter;
import maze.heap.mimalloc.PageUnits;
import maze.heap.mimalloc.PoolTally;

/** 3.x pages as items of {@link PageUnits}, each with its area's pool; a singleton page is one big block. */
final class PooledPages implements PageUnits.Items<PooledPages.Pooled> {
    private static final long[] NO_DELAYED = new long[0];

    /** A page and the pool of its area. */
    record Pooled(Page page, PoolTally pool) {
    }

    private PooledPages() {
    }

    /** Emits {@code pages} (in address order) into {@code out} and {@code sink}, up to {@code walkers} runs at once. */
    static void emit(List<Page> pages, PageHeaders reader, AreaPools areas, PageEmitter out, int walkers,
                     BlockSink sink) {
        List<Pooled> pooled = new ArrayList<>(pages.size());
        for (Page p : pages) {
            pooled.add(new Pooled(p, areas.before(p, reader.abandoned(p)))); // in address order: areas count on it
        }
        PageUnits.emit(pooled, new PooledPages(), out, walkers, sink);
    }

    @Override
    public long address(Pooled p) {
        return p.page().start();
    }

    @Override
    public void emit(Pooled p, PageEmitter out, BlockSink sink) {
        out.page(p.page(), NO_DELAYED, p.page().reserved() == 1 ? BlockSink.MMAPPED : 0, p.pool(), sink);
    }

    @Override
    public void pages(Pooled p, Consumer<Page> action) {
        action.accept(p.page());
    }
}
