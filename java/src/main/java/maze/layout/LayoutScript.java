package maze.layout;

import java.io.IOException;
import java.nio.file.Path;
import maze.cache.CacheFiles;

/**
 * gdb-scripts/maze.py as a file gdb can source. The jar carries it as a resource; gdb needs a
 * path, so it is written once to {@code <maze cache>/gdb-scripts/<sha256 prefix>/maze.py} (see
 * {@link CacheFiles#extract}). It is our own code: nothing from the analyzed process is ever sourced.
 */
final class LayoutScript {
    static final String RESOURCE = "/maze/gdb-scripts/maze.py";

    private LayoutScript() {
    }

    /** The path of a file holding the bundled maze.py; LayoutException when the jar lacks it. */
    static Path extracted() {
        try {
            return CacheFiles.extract(CacheFiles.resource(RESOURCE), "gdb-scripts", "maze.py", false);
        } catch (IOException e) {
            throw new LayoutException("cannot provide maze.py for gdb to source: " + e.getMessage(), e);
        }
    }
}
