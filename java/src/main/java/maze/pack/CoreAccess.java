package maze.pack;

import java.io.IOException;
import java.nio.file.Path;
import maze.core.CoreModel;
import maze.core.CoreOptions;
import maze.core.Module;

/**
 * What packing needs from the core reader and the debug-file finder of {@code maze.core}. Kept
 * this narrow so packing is tested with hand-made models, and wired once in {@link HostCoreAccess}.
 */
public interface CoreAccess {

    /** Reads the core: modules with real path, link name, load bias, both build-ids, local file. */
    CoreModel read(Path core, CoreOptions options) throws IOException;

    /**
     * The separate debug file of {@code module} on this host (build-id path under the debug
     * directories, else .gnu_debuglink), or null when there is none.
     */
    Path debugFile(Module module) throws IOException;
}
