package maze.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maze info}: what the core says about the process (placeholder until the core reader lands). */
@Command(name = "info", description = "Show pid, executable, threads, modules and memory map of a core.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CORE", description = "the core file")
    Path core;
    @Option(names = "--exe", paramLabel = "PATH", description = "the executable, if not where the core says")
    Path exe;
    @Option(names = "--sysroot", paramLabel = "DIR", description = "prefix for every module path (as gdb's sysroot)")
    Path sysroot;
    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Override
    public Integer call() {
        throw new UserError(ExitCode.INTERNAL, "info is not implemented yet");
    }
}
