package maze.heap.jemalloc;

import maze.core.Module;
import maze.heap.HeapContext;
import maze.heap.Version;
import maze.layout.LayoutChooser;
import maze.layout.LayoutException;

/**
 * jemalloc's use of the layout service: its DWARF first (with the globals' addresses); else the
 * built-in table for its build-id (maze/layout/tables/jemalloc: structs only, unproven until
 * {@link JeGlobals} found and checked the globals on the core); else the service's named refusal.
 */
final class JeLayouts {
    static final String ALLOCATOR = "jemalloc";

    /** The layout and where it came from. */
    record Chosen(JeLayout layout, String origin, boolean builtin) {
    }

    private JeLayouts() {
    }

    static Chosen choose(HeapContext ctx, Module mod, Version version) {
        LayoutChooser.Chosen<JeLayout> c = LayoutChooser.choose(ALLOCATOR, mod, version.text(),
                () -> ctx.layouts(mod, JeLayout.REQUEST), JeLayout::from);
        JeLayout l = c.layout();
        if (!c.builtin() && (l.emapGlobal() == 0 || l.binInfos() == 0 || l.index2size() == 0 || l.arenas() == 0)) {
            throw new LayoutException(LayoutChooser.refusal(ALLOCATOR, mod, version.text(), "its symbols lack "
                    + JeLayout.EMAP + ", " + JeLayout.BIN_INFOS + ", " + JeLayout.INDEX2SIZE + " or " + JeLayout.ARENAS));
        }
        return new Chosen(l, c.origin(), c.builtin());
    }

    /** Why jemalloc in {@code mod} is not walked, and what would let maze walk it. */
    static String refusal(Module mod, Version version, String tried) {
        return LayoutChooser.refusal(ALLOCATOR, mod, version.text(), tried);
    }
}
