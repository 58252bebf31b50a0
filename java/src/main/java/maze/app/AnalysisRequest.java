package maze.app;

import java.nio.file.Path;
import java.util.List;

/**
 * One analysis: the core, where its files are ({@code exe}, {@code sysroot}: either may be null),
 * extra debug-file directories (gdb's debug-file-directory), and whether to show progress.
 */
public record AnalysisRequest(Path core, Path exe, Path sysroot, List<Path> debugDirs, boolean progress) {
    public AnalysisRequest {
        debugDirs = List.copyOf(debugDirs);
    }
}
