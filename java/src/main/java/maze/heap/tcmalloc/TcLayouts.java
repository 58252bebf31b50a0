package maze.heap.tcmalloc;

import maze.heap.FieldReader;
import maze.core.Module;
import maze.heap.HeapContext;
import maze.heap.Version;
import maze.layout.LayoutChooser;
import maze.layout.LayoutException;
import maze.layout.LayoutSource;

/**
 * The layouts and statics of one tcmalloc, through the layout service: its DWARF (layouts and the
 * hidden statics' addresses) when present; else the built-in table for its build-id
 * (maze/layout/tables/tcmalloc), with the statics searched for and checked in the core
 * ({@link StaticsSearch}); else the service's named refusal.
 */
final class TcLayouts {
    static final String ALLOCATOR = "tcmalloc";

    /** The layout, the statics, and where they came from. */
    record Chosen(TcLayout layout, Statics statics, String origin) {
    }

    /** A layout with the source it came from: DWARF's also gives the statics' addresses. */
    private record Sourced(TcLayout layout, LayoutSource source) {
    }

    private TcLayouts() {
    }

    static Chosen choose(HeapContext ctx, FieldReader m, Module mod, Version version) {
        LayoutChooser.Chosen<Sourced> c = LayoutChooser.choose(ALLOCATOR, mod, version.text(),
                () -> ctx.layouts(mod, TcLayout.REQUEST), src -> new Sourced(TcLayout.from(src), src));
        TcLayout l = c.layout().layout();
        Statics statics = c.builtin() ? new StaticsSearch(m, l, mod).find() : dwarfStatics(c.layout().source(), mod);
        return new Chosen(l, statics, c.origin());
    }

    private static Statics dwarfStatics(LayoutSource src, Module mod) {
        long bias = mod.loadBias();
        return new Statics(bias + required(src, TcLayout.PAGEHEAP_SYM), bias + required(src, TcLayout.SIZEMAP_SYM),
                bias + required(src, TcLayout.CENTRAL_SYM), bias + required(src, TcLayout.THREAD_HEAPS_SYM), "symbols");
    }

    private static long required(LayoutSource src, String name) {
        return src.symbol(name).orElseThrow(() -> new LayoutException("tcmalloc symbol '" + name
                + "' is not in the module's symbols or debug info"));
    }
}
