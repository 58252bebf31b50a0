package maze.heap.mimalloc;

import java.util.function.Function;
import maze.core.Module;
import maze.heap.HeapContext;
import maze.layout.LayoutChooser;
import maze.layout.LayoutException;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;

/**
 * mimalloc's use of the layout service: DWARF, else a built-in table (maze/layout/tables/mimalloc),
 * else a refusal; and after the check on the core, what a table that does not fit means.
 */
public final class LayoutChoice {
    static final String ALLOCATOR = "mimalloc";

    private LayoutChoice() {
    }

    /** {@code from} turns a source into the generation's layout record, throwing when a name is missing. */
    public static <T> LayoutChooser.Chosen<T> choose(HeapContext ctx, Module mod, MiVersion version, LayoutRequest request,
                                              Function<LayoutSource, T> from) {
        return LayoutChooser.choose(ALLOCATOR, mod, version.text(), () -> ctx.layouts(mod, request), from);
    }

    /**
     * After the check on the core: a built-in table that does not fit is refused (an exception
     * that says what to supply); DWARF that does not fit only warns, since DWARF is the build's own.
     */
    public static void requireFit(HeapContext ctx, Module mod, MiVersion version, LayoutChooser.Chosen<?> chosen,
                           String problem) {
        if (problem != null && chosen.builtin()) {
            throw new LayoutException(LayoutChooser.refusal(ALLOCATOR, mod, version.text(), "none in the file")
                    + " (The built-in table was tried and does not fit this core: " + problem + ".)");
        }
        if (problem != null) {
            ctx.warnings().add("mimalloc layout check: %s", problem);
        }
    }
}
