package maze.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import maze.app.AnalysisRequest;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every analysing command shares: the core and where its files are. */
final class CoreInput {
    @Parameters(index = "0", paramLabel = "CORE", description = "a core file (gcore or kernel)")
    Path core;

    @Option(names = "--exe", paramLabel = "PATH", description = "the executable, when it is not where the core says")
    Path exe;

    @Option(names = "--sysroot", paramLabel = "DIR",
            description = "look up every library under DIR (as gdb's sysroot), for a core from another host")
    Path sysroot;

    @Option(names = "--debug-file-directory", paramLabel = "DIR",
            description = "where separate debug files are (as gdb's debug-file-directory; repeatable; default /usr/lib/debug)")
    List<Path> debugDirs = new ArrayList<>();

    @Option(names = "--no-progress", description = "never show progress (it shows only on a terminal anyway)")
    boolean noProgress;

    AnalysisRequest request() {
        return new AnalysisRequest(core, exe, sysroot, debugDirs, !noProgress);
    }
}
