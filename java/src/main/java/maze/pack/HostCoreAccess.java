package maze.pack;

import java.nio.file.Path;
import maze.core.CoreModel;
import maze.core.CoreOptions;
import maze.core.Module;

/**
 * The wiring point of {@link CoreAccess} to {@code maze.core}: {@code CoreReader.read} and
 * {@code DebugFiles}. Until the core reader is merged, packing a real core says so.
 */
public final class HostCoreAccess implements CoreAccess {

    @Override
    public CoreModel read(Path core, CoreOptions options) {
        // wire at merge: return maze.core.CoreReader.read(core, options);
        throw new UnsupportedOperationException("reading " + core + " needs maze.core.CoreReader, not merged yet");
    }

    @Override
    public Path debugFile(Module module) {
        // wire at merge: ask maze.core.DebugFiles for the build-id / .gnu_debuglink file
        throw new UnsupportedOperationException("finding debug files needs maze.core.DebugFiles, not merged yet");
    }
}
