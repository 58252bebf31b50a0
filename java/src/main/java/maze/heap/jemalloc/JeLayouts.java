package maze.heap.jemalloc;

import maze.core.Module;
import maze.heap.HeapContext;
import maze.layout.LayoutException;

/**
 * Chooses the layout of one jemalloc library: its DWARF first; else the built-in table for exactly
 * its build-id (unproven until {@link JeGlobals} checked it on the core); else a refusal that says
 * what was tried and what to supply.
 */
final class JeLayouts {
    /** The layout and where it came from. */
    record Chosen(JeLayout layout, String origin, boolean builtin) {
    }

    private JeLayouts() {
    }

    static Chosen choose(HeapContext ctx, Module mod) {
        String dwarfProblem;
        try {
            JeLayout l = JeLayout.from(ctx.layouts(mod, JeLayout.REQUEST));
            if (l.emapGlobal() != 0 && l.binInfos() != 0 && l.index2size() != 0 && l.arenas() != 0) {
                return new Chosen(l, "dwarf", false);
            }
            dwarfProblem = "its symbols lack " + JeLayout.EMAP + ", " + JeLayout.BIN_INFOS + ", "
                    + JeLayout.INDEX2SIZE + " or " + JeLayout.ARENAS;
        } catch (RuntimeException e) {
            // no DWARF, or no way to read it (gdb missing or failing): a built-in table may still fit
            dwarfProblem = e.getMessage();
        }
        String buildId = buildId(mod);
        JeTables.Table t = buildId == null ? null : JeTables.forBuildId(buildId);
        if (t != null) {
            return new Chosen(JeLayout.from(t.source()), "built-in " + t.resource(), true);
        }
        throw new LayoutException(refusal(mod, buildId, "its DWARF (" + dwarfProblem + ")"));
    }

    static String buildId(Module mod) {
        return mod.buildId() != null ? mod.buildId() : mod.fileBuildId();
    }

    /** Why jemalloc in {@code mod} is not walked, and what would let maze walk it. */
    static String refusal(Module mod, String buildId, String tried) {
        return "jemalloc in " + mod.path() + " (build-id " + (buildId == null ? "unknown" : buildId)
                + "): no struct layout fits. Tried: " + tried + "; built-in tables (only for "
                + JeTables.describeAll() + "). Supply its debug info (--debug-file-directory), or run the "
                + "program with a jemalloc built with -g and analyze that core.";
    }
}
