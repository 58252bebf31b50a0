package maze.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.io.PrintWriter;
import maze.app.AnalysisRequest;
import maze.core.CoreOptions;
import maze.output.OutputException;
import maze.output.OutputFile;
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
            description = "where separate debug files are (DIR/.build-id/xx/rest.debug, or by .gnu_debuglink name;"
                    + " repeatable): struct layouts and C++ type names come from them; searched before /usr/lib/debug"
                    + " and the sysroot's /usr/lib/debug, which are always searched")
    List<Path> debugDirs = new ArrayList<>();

    @Option(names = "--no-progress", description = "never show progress (it shows only on a terminal anyway)")
    boolean noProgress;

    /** Every path this run reads: an output may be none of them, nor lie inside a folder of them. */
    List<Path> paths() {
        List<Path> all = new ArrayList<>(java.util.Arrays.asList(core, exe, sysroot));
        all.addAll(debugDirs);
        return all;
    }

    /** Checks an output named by {@code option} before any work starts (null: none asked for). */
    OutputFile output(Path path, String option) throws OutputException {
        return path == null ? null : OutputFile.check(path, option, paths(), false);
    }

    /** The core itself, or the files of a bundle extracted to a private folder (close removes it). */
    AnalysisInput open() throws IOException {
        return AnalysisInput.of(core, new CoreOptions(exe, sysroot));
    }

    /**
     * As {@link #open()}, then shows the bundle's warnings on {@code err} and keeps {@code output}
     * clear of the folder it was extracted to.
     */
    AnalysisInput open(OutputFile output, PrintWriter err) throws IOException {
        AnalysisInput in = open();
        try {
            BundleWarnings.show(in, err);
            if (output != null && in.bundle() != null) {
                output.alsoRefuse(in.bundle().root());
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
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
