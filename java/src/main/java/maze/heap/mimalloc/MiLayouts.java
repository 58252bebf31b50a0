package maze.heap.mimalloc;

import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import maze.core.Module;
import maze.heap.HeapContext;
import maze.layout.LayoutException;
import maze.layout.LayoutRequest;
import maze.layout.LayoutSource;

/**
 * Chooses the layout of one library: its DWARF through the layout layer first; else a built-in
 * table for exactly its build-id (which the caller must check on the core before trusting); else
 * an error that says what was tried and what to supply.
 */
final class MiLayouts {
    /** The layout and where it came from; {@code builtin} ones are unproven until checked. */
    record Chosen<T>(T layout, String origin, boolean builtin) {
    }

    private MiLayouts() {
    }

    /** {@code from} turns a source into the generation's layout record, throwing when a name is missing. */
    static <T> Chosen<T> choose(HeapContext ctx, Module mod, MiVersion version, LayoutRequest request,
                                Function<LayoutSource, T> from) {
        String dwarfProblem;
        try {
            return new Chosen<>(from.apply(ctx.layouts(mod, request)), "dwarf", false);
        } catch (RuntimeException e) {
            // no DWARF, or no way to read it (gdb missing or failing): a built-in table may still fit
            dwarfProblem = e.getMessage();
        }
        String buildId = buildId(mod);
        Optional<BuiltinLayouts.Table> table = buildId == null ? Optional.empty() : BuiltinLayouts.forBuildId(buildId);
        if (table.isPresent() && table.get().version().equals(version.text())) {
            return new Chosen<>(from.apply(table.get().source()), "built-in " + table.get().resource(), true);
        }
        throw new LayoutException(noLayout(mod, version, buildId, dwarfProblem));
    }

    /**
     * After the check on the core: a built-in table that does not fit is refused (an exception
     * that says what to supply); DWARF that does not fit only warns, since DWARF is the build's own.
     */
    static void requireFit(HeapContext ctx, Module mod, MiVersion version, Chosen<?> chosen, String problem) {
        if (problem != null && chosen.builtin()) {
            throw new LayoutException(noLayout(mod, version, buildId(mod), "none in the file")
                    + " (The built-in table was tried and does not fit this core: " + problem + ".)");
        }
        if (problem != null) {
            ctx.warnings().add("mimalloc layout check: %s", problem);
        }
    }

    static String buildId(Module mod) {
        return mod.buildId() != null ? mod.buildId() : mod.fileBuildId();
    }

    static String noLayout(Module mod, MiVersion version, String buildId, String dwarfProblem) {
        String known = BuiltinLayouts.all().stream()
                .map(t -> t.library() + " " + t.version() + " (build-id " + t.buildId() + ")")
                .collect(Collectors.joining(", "));
        return "mimalloc in " + mod.path() + " (version " + version.describe() + ", build-id "
                + (buildId == null ? "unknown" : buildId) + "): no struct layout fits. Tried: its DWARF ("
                + dwarfProblem + "); built-in tables (only for " + known + "). Supply its debug info "
                + "(--debug-file-directory holding .build-id/" + debugPath(buildId)
                + ", or the distribution's -dbgsym package), or run the program with a mimalloc built "
                + "with -g (CMake RelWithDebInfo or Debug) and analyze that core.";
    }

    private static String debugPath(String buildId) {
        return buildId == null || buildId.length() < 3 ? "xx/yyyy.debug"
                : buildId.substring(0, 2) + "/" + buildId.substring(2) + ".debug";
    }
}
