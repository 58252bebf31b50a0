package maze.layout;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import maze.core.Module;

/**
 * Chooses the layout of one allocator module, the same way for every allocator: its DWARF first;
 * else a built-in table for its build-id, or for its version; else a refusal that says what was
 * tried and what to supply. A table is unproven: the allocator must check it on the core before
 * any block counts ({@link Chosen#builtin}).
 */
public final class LayoutChooser {
    /** The layout and where it came from; {@code builtin} ones are unproven until checked. */
    public record Chosen<T>(T layout, String origin, boolean builtin) {
    }

    private LayoutChooser() {
    }

    /**
     * @param allocator the tables' allocator name ("mimalloc")
     * @param version   the version text read from the binary, to match tables without a build-id
     * @param dwarf     the module's DWARF layouts (throws when there are none or gdb fails)
     * @param from      turns a source into the allocator's layout record, throwing when a name is missing
     */
    public static <T> Chosen<T> choose(String allocator, Module mod, String version, Supplier<LayoutSource> dwarf,
                                       Function<LayoutSource, T> from) {
        String dwarfProblem;
        try {
            return new Chosen<>(from.apply(dwarf.get()), "dwarf", false);
        } catch (RuntimeException e) {
            // no DWARF, or no way to read it (gdb missing or failing): a built-in table may still fit
            dwarfProblem = e.getMessage();
        }
        Optional<LayoutTable> table = LayoutTables.find(allocator, buildId(mod), version);
        if (table.isPresent()) {
            try {
                return new Chosen<>(from.apply(table.get().source()), "built-in " + table.get().resource(), true);
            } catch (LayoutException e) {
                dwarfProblem += "; table " + table.get().resource() + ": " + e.getMessage();
            }
        }
        throw new LayoutException(refusal(allocator, mod, version, dwarfProblem));
    }

    public static String buildId(Module mod) {
        return mod.buildId() != null ? mod.buildId() : mod.fileBuildId();
    }

    /** What was tried for this module, and what the user can supply. */
    public static String refusal(String allocator, Module mod, String version, String tried) {
        String buildId = buildId(mod);
        String known = LayoutTables.of(allocator).stream().map(LayoutTable::describe)
                .collect(Collectors.joining(", "));
        return allocator + " in " + mod.path() + " (version " + version + ", build-id "
                + (buildId == null ? "unknown" : buildId) + "): no struct layout fits. Tried: its DWARF ("
                + tried + "); built-in tables (only for " + (known.isEmpty() ? "none" : known) + "). Supply its"
                + " debug info (--debug-file-directory holding .build-id/" + debugPath(buildId)
                + ", or the distribution's -dbgsym package), or run the program with a build made with -g"
                + " and analyze that core.";
    }

    private static String debugPath(String buildId) {
        return buildId == null || buildId.length() < 3 ? "xx/yyyy.debug"
                : buildId.substring(0, 2) + "/" + buildId.substring(2) + ".debug";
    }
}
