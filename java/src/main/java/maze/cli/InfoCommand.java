package maze.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import maze.app.CoreInfo;
import maze.app.InfoRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maze info}: what the core says about the process; the work is in {@link CoreInfo}. */
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
    @Option(names = "--dlopen-probe", description = "also ask mimalloc its version by loading the library in a child "
            + "process (runs the library's constructor; executables are skipped). Off by default.")
    boolean dlopenProbe;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CoreInfo.run(new InfoRequest(core, exe, sysroot, json, dlopenProbe), spec.commandLine().getOut());
        return ExitCode.OK.code;
    }
}
