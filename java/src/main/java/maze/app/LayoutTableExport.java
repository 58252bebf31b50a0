package maze.app;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import maze.gdb.GdbOptions;
import maze.heap.AllocatorPlugin;
import maze.heap.LayoutTableRecipe;
import maze.layout.DwarfLayoutProvider;
import maze.layout.LayoutCache;
import maze.layout.LayoutException;
import maze.layout.LayoutTable;
import maze.layout.ModuleLayouts;

/**
 * A built-in layout table derived from a library's DWARF ({@code maze layouts LIB --table NAME}):
 * the allocator plugin says which version the library is and what its walker asks for; the
 * answers come fresh from gdb (no cache), keyed by the library's build-id.
 */
public final class LayoutTableExport {
    private LayoutTableExport() {
    }

    /** The allocators that can derive tables (plugins that are {@link LayoutTableRecipe}s). */
    public static List<String> allocators() {
        return recipes().stream().map(LayoutTableRecipe::name).toList();
    }

    /** The table text; throws IllegalArgumentException for a file that is not that allocator's library. */
    public static String table(String allocator, Path lib, GdbOptions gdb) {
        LayoutTableRecipe maker = recipes().stream().filter(r -> r.name().equals(allocator)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layout tables for allocator " + allocator));
        LayoutTableRecipe.Recipe recipe = maker.tableRecipe(lib);
        ModuleLayouts dwarf = new DwarfLayoutProvider(gdb, LayoutCache.disabled()).forFile(lib, recipe.request());
        if (!dwarf.hasDebugInfo()) {
            throw new LayoutException(lib + " has no DWARF: derive a table from a build of the same source and"
                    + " flags with -g (then compare its code and data sections with the shipped file)");
        }
        String name = lib.getFileName().toString();
        return "# " + allocator + " " + recipe.version() + ", read from the DWARF and symbols of " + name
                + " by `maze layouts " + name + " --table " + allocator + "`.\n"
                + "# Do not edit: regenerate it. Used only without DWARF, and checked on the core first.\n"
                + LayoutTable.text(allocator, name, recipe.version(), dwarf.buildId(), dwarf, recipe.request());
    }

    private static List<LayoutTableRecipe> recipes() {
        return ServiceLoader.load(AllocatorPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof LayoutTableRecipe).map(p -> (LayoutTableRecipe) p).toList();
    }
}
