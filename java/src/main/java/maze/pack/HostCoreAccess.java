package maze.pack;

import java.nio.file.Path;
import maze.core.CoreFormatException;
import maze.core.CoreModel;
import maze.core.CoreOptions;
import maze.core.CoreReader;
import maze.core.DebugFiles;
import maze.core.Module;

/** {@link CoreAccess} on this host: maze.core's reader, and debug files where gdb would find them. */
public final class HostCoreAccess implements CoreAccess {
    private final DebugFiles debugFiles = DebugFiles.standard();

    @Override
    public CoreModel read(Path core, CoreOptions options) {
        return CoreReader.read(core, options);
    }

    @Override
    public Path debugFile(Module module) {
        if (module.localFile() == null) {
            return null;
        }
        try {
            return debugFiles.find(module.localFile());
        } catch (CoreFormatException e) {
            return null; // a module file that is no readable ELF has no debug file to offer; its warning says enough
        }
    }
}
