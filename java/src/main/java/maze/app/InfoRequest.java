package maze.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code maze info} was asked: the core, optional --exe and --sysroot, the output form,
 * whether the dlopen probe may run (it loads libraries, so only when asked), and the debug-file
 * directories searched for each module's symbols.
 */
public record InfoRequest(Path core, Path exe, Path sysroot, boolean json, boolean dlopenProbe, List<Path> debugDirs) {
    public InfoRequest {
        debugDirs = List.copyOf(debugDirs);
    }
}
