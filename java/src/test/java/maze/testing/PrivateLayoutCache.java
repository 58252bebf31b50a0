package maze.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a check with an empty layout cache of its own: the shared test cache is keyed by build-id,
 * and a stripped copy of a build keeps its build-id, so it would silently get the DWARF layouts
 * cached from the unstripped build.
 */
public final class PrivateLayoutCache {
    /** The check to run. */
    public interface Check {
        void run() throws Exception;
    }

    private PrivateLayoutCache() {
    }

    public static synchronized void with(Path folder, Check check) throws Exception {
        String saved = System.getProperty("maze.cache.dir");
        System.setProperty("maze.cache.dir", Files.createDirectories(folder).toString());
        try {
            check.run();
        } finally {
            if (saved == null) {
                System.clearProperty("maze.cache.dir");
            } else {
                System.setProperty("maze.cache.dir", saved);
            }
        }
    }
}
