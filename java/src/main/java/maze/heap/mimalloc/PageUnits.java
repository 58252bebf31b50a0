package maze.heap.mimalloc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import maze.heap.BlockSink;
import maze.heap.ParallelWalks;
import maze.heap.Warnings;

/**
 * Emits the pages of mimalloc's items (1.x/2.x segments, 3.x pages; in address order) with runs
 * of items walked on threads of their own ({@link ParallelWalks}). A unit is the items that start
 * in one 32 MiB-aligned window: a 2.x segment, eight 1.x segments, the 3.x pages of 32 MiB. The one
 * thing a page carries to the next is where it ended (a page starting below that overlaps and is
 * not listed), so where each unit's predecessors end is worked out first, from the page headers.
 */
public final class PageUnits<T> implements ParallelWalks.Plan<PageUnits.Unit<T>, PageEmitter> {
    private static final int WINDOW_SHIFT = 25;

    /** How an item gives its pages. */
    public interface Items<T> {
        long address(T item);

        /** Emits the item's pages through {@code out}, warning through {@code out.warnings()}. */
        void emit(T item, PageEmitter out, BlockSink sink);

        /** The item's pages in the order {@link #emit} gives them (headers only: no free lists). */
        void pages(T item, Consumer<Page> action);
    }

    /** Items of one window; {@code lastEndBefore}: where the listed pages before them end (parallel walks only). */
    record Unit<T>(List<T> items, long lastEndBefore) {
    }

    private final Items<T> how;
    private final PageEmitter totals;

    private PageUnits(Items<T> how, PageEmitter totals) {
        this.how = how;
        this.totals = totals;
    }

    /** Emits the pages of {@code items} into {@code totals} and {@code sink}, walking up to {@code threads} units at once. */
    public static <T> void emit(List<T> items, Items<T> how, PageEmitter totals, int threads, BlockSink sink) {
        List<List<T>> windows = windows(items, how);
        List<Unit<T>> units = new ArrayList<>();
        long[] lastEnd = {0};
        boolean ahead = threads > 1 && windows.size() > 1; // else the totals carry lastEnd themselves
        for (List<T> w : windows) {
            units.add(new Unit<>(w, lastEnd[0]));
            if (ahead) {
                w.forEach(item -> how.pages(item, p -> lastEnd[0] = totals.endAfter(lastEnd[0], p)));
            }
        }
        ParallelWalks.emit(units, new PageUnits<>(how, totals), threads, sink, totals.warnings());
    }

    private static <T> List<List<T>> windows(List<T> items, Items<T> how) {
        List<List<T>> out = new ArrayList<>();
        long window = -1;
        for (T item : items) {
            long w = how.address(item) >>> WINDOW_SHIFT;
            if (out.isEmpty() || w != window) {
                out.add(new ArrayList<>());
                window = w;
            }
            out.get(out.size() - 1).add(item);
        }
        return out;
    }

    @Override
    public String name(Unit<T> u) {
        return String.format("mimalloc-0x%x", how.address(u.items().get(0)));
    }

    @Override
    public PageEmitter walker(Unit<T> u, Warnings warnings) {
        return totals.forUnit(warnings, u.lastEndBefore());
    }

    @Override
    public void walk(PageEmitter unit, Unit<T> u, BlockSink sink) {
        u.items().forEach(item -> how.emit(item, unit, sink));
    }

    @Override
    public void absorb(PageEmitter unit) {
        totals.absorb(unit);
    }

    @Override
    public void walkHere(Unit<T> u, BlockSink sink) {
        walk(totals, u, sink);
    }
}
