package maze.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import maze.app.AnalysisRequest;
import maze.core.CoreOptions;
import maze.pack.AnalysisInput;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every analysing command shares: the core and where its files are. */
final class CoreInput {
    @Parameters(index = "0", paramLabel = "CORE", description = "a core file (gcore or kernel), or a bundle from maze pack/capture")
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

    /**
     * Refuses an output file that is the input itself: written over, the core (or bundle) would be
     * lost, and a mapped core cut short under a running analysis faults.
     */
    static void refuseOverwriting(Path output, Path input, String option) throws IOException {
        if (output != null && Files.exists(output) && Files.exists(input) && Files.isSameFile(output, input)) {
            throw new UserError(ExitCode.USAGE, option + " " + output + " is the input itself; name another file");
        }
    }

    /** The core itself, or the files of a bundle extracted to a private folder (close removes it). */
    AnalysisInput open() throws IOException {
        return AnalysisInput.of(core, new CoreOptions(exe, sysroot));
    }

    /** The request for an opened input: a bundle's exe, sysroot and debug files unless given. */
    AnalysisRequest request(AnalysisInput in) {
        List<Path> dirs = new ArrayList<>();
        if (in.debugDir() != null) {
            dirs.add(in.debugDir());
        }
        dirs.addAll(debugDirs);
        return new AnalysisRequest(in.core(), in.options().exe(), in.options().sysroot(), dirs, !noProgress);
    }
}
