package maze.heap.mimalloc;

import java.util.Optional;
import java.util.stream.Collectors;
import maze.core.Module;
import maze.heap.HeapContext;
import maze.layout.LayoutException;

/**
 * Chooses the 2.x layout of one library: its DWARF through the layout layer first; else a built-in
 * table for exactly its build-id (which the caller must check on the core before trusting); else
 * an error that says what was tried and what to supply.
 */
final class V2Layouts {
    /** The layout and where it came from; {@code builtin} ones are unproven until checked. */
    record Chosen(MiV2Layout layout, String origin, boolean builtin) {
    }

    private V2Layouts() {
    }

    static Chosen choose(HeapContext ctx, Module mod, MiVersion version) {
        String dwarfProblem;
        try {
            return new Chosen(MiV2Layout.from(ctx.layouts(mod, MiV2Layout.REQUEST)), "dwarf", false);
        } catch (LayoutException e) {
            dwarfProblem = e.getMessage();
        }
        String buildId = buildId(mod);
        Optional<BuiltinLayouts.Table> table = buildId == null ? Optional.empty() : BuiltinLayouts.forBuildId(buildId);
        if (table.isPresent() && table.get().version().equals(version.text())) {
            return new Chosen(MiV2Layout.from(table.get().source()), "built-in " + table.get().resource(), true);
        }
        throw new LayoutException(noLayout(mod, version, buildId, dwarfProblem));
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
