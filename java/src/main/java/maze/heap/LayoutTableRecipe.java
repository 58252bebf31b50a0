package maze.heap;

import java.nio.file.Path;
import maze.layout.LayoutRequest;

/**
 * An optional capability of an allocator plugin: what a built-in layout table for one of its
 * libraries must hold ({@code maze layouts LIB --table NAME}), read from the library's bytes the
 * way detection reads them, so tables are derived from DWARF builds and never written by hand.
 */
public interface LayoutTableRecipe {
    /** The version the detector reads from {@code library}, and the layouts its walker asks for. */
    record Recipe(String version, LayoutRequest request) {
    }

    /** The allocator's name, as its plugin gives it (the tables' folder). */
    String name();

    /** Throws IllegalArgumentException naming the file when it is not a library of this allocator. */
    Recipe tableRecipe(Path library);
}
