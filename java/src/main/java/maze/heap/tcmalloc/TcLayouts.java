package maze.heap.tcmalloc;

import java.util.List;
import maze.core.Module;
import maze.heap.HeapContext;
import maze.heap.Version;
import maze.layout.LayoutException;
import maze.layout.LayoutSource;
import maze.layout.LayoutTable;

/**
 * Chooses the layouts and statics of one tcmalloc: its DWARF (layouts and the hidden statics'
 * addresses) when present; else the built-in table for exactly its build-id, with the statics
 * searched for and checked in the core ({@link StaticsSearch}); else a named refusal that says
 * what to supply.
 */
final class TcLayouts {
    /** The layout, the statics, and where they came from. */
    record Chosen(TcLayout layout, Statics statics, String origin) {
    }

    private TcLayouts() {
    }

    /** Built-in tables shipped, one per stripped build we can meet. */
    static final List<String> TABLES = List.of("debian-2.10-minimal.layout", "debian-2.10-full.layout");

    static Chosen choose(HeapContext ctx, TcMemory m, Module mod, Version version) {
        String dwarfProblem;
        try {
            LayoutSource src = ctx.layouts(mod, TcLayout.REQUEST);
            TcLayout l = TcLayout.from(src);
            return new Chosen(l, dwarfStatics(src, mod), "dwarf");
        } catch (RuntimeException e) {
            dwarfProblem = e.getMessage(); // no DWARF, or no gdb to read it
        }
        String id = buildId(mod);
        for (String name : TABLES) {
            LayoutTable t = LayoutTable.load(TcLayouts.class, name);
            if (t.buildId().equals(id)) {
                TcLayout l = TcLayout.from(t);
                return new Chosen(l, new StaticsSearch(m, l, mod).find(), "built-in " + name);
            }
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

    private static List<String> tableIds() {
        return TABLES.stream().map(n -> LayoutTable.load(TcLayouts.class, n).buildId()).toList();
    }

    static String buildId(Module mod) {
        return mod.buildId() != null ? mod.buildId() : mod.fileBuildId();
    }

    static String noLayout(Module mod, Version version, String dwarfProblem) {
        String id = buildId(mod);
        return "tcmalloc in " + mod.path() + " (version " + version.describe() + ", build-id "
                + (id == null ? "unknown" : id) + "): no struct layout fits. Tried: its DWARF (" + dwarfProblem
                + "); built-in tables (only for build-ids " + String.join(", ", tableIds()) + "). Supply its debug info (--debug-file-directory"
                + " holding .build-id/xx/yyyy.debug), or run the program with a gperftools built with -g"
                + " and analyze that core.";
    }
}
