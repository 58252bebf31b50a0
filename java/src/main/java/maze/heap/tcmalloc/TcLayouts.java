package maze.heap.tcmalloc;

import maze.core.Module;
import maze.heap.HeapContext;
import maze.heap.Version;
import maze.layout.LayoutException;
import maze.layout.LayoutSource;

/**
 * Chooses the layouts and statics of one tcmalloc: its DWARF (layouts and the hidden statics'
 * addresses) when present; else a named refusal that says what to supply.
 */
final class TcLayouts {
    /** The layout, the statics, and where they came from. */
    record Chosen(TcLayout layout, Statics statics, String origin) {
    }

    private TcLayouts() {
    }

    static Chosen choose(HeapContext ctx, Module mod, Version version) {
        String dwarfProblem;
        try {
            LayoutSource src = ctx.layouts(mod, TcLayout.REQUEST);
            TcLayout l = TcLayout.from(src);
            return new Chosen(l, dwarfStatics(src, mod), "dwarf");
        } catch (RuntimeException e) {
            dwarfProblem = e.getMessage(); // no DWARF, or no gdb to read it
        }
        throw new LayoutException(noLayout(mod, version, dwarfProblem));
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

    static String buildId(Module mod) {
        return mod.buildId() != null ? mod.buildId() : mod.fileBuildId();
    }

    static String noLayout(Module mod, Version version, String dwarfProblem) {
        String id = buildId(mod);
        return "tcmalloc in " + mod.path() + " (version " + version.describe() + ", build-id "
                + (id == null ? "unknown" : id) + "): no struct layout fits. Tried: its DWARF (" + dwarfProblem
                + "); built-in tables (none for this build-id). Supply its debug info (--debug-file-directory"
                + " holding .build-id/xx/yyyy.debug), or run the program with a gperftools built with -g"
                + " and analyze that core.";
    }
}
