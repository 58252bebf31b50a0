package maze.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import maze.app.CoreInfo;
import maze.app.InfoRequest;
import maze.core.CoreOptions;
import maze.pack.AnalysisInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maze info}: what the core says about the process; the work is in {@link CoreInfo}. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Pid, command line, executable, threads, modules and memory map of a core.",
                "Each module shows its load bias, build-id, whether the file here matches,",
                "and which symbol tables (.symtab, debug file, .dynsym) name its C++ types.",
                "Runs no gdb and walks no heap: a quick first look at a core."},
        footer = {"", "Examples:",
                "  maze info core.1234",
                "  maze info core.1234 --sysroot /tmp/files-from-that-host --json"})
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CORE", description = "a core file, or a bundle from maze pack/capture")
    Path core;
    @Option(names = "--exe", paramLabel = "PATH", description = "the executable, when it is not where the core says")
    Path exe;
    @Option(names = "--sysroot", paramLabel = "DIR", description = "look up every library under DIR (as gdb's sysroot), for a core from another host")
    Path sysroot;
    @Option(names = "--debug-file-directory", paramLabel = "DIR", description = "where separate debug files are"
            + " (as for analyze; repeatable): each module shows which symbol table maze reads its C++ names from")
    List<Path> debugDirs = new ArrayList<>();
    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;
    @Option(names = "--dlopen-probe", description = "also ask mimalloc its version by loading the library in a child "
            + "process (runs the library's constructor; executables are skipped). Off by default.")
    boolean dlopenProbe;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // a bundle is told by its bytes, as analyze and blocks do: its core is read with its own files
        try (AnalysisInput in = AnalysisInput.of(core, new CoreOptions(exe, sysroot))) {
            BundleWarnings.show(in, spec.commandLine().getErr());
            List<Path> dirs = new ArrayList<>();
            if (in.debugDir() != null) {
                dirs.add(in.debugDir());
            }
            dirs.addAll(debugDirs);
            CoreInfo.run(new InfoRequest(in.core(), in.options().exe(), in.options().sysroot(), json, dlopenProbe, dirs),
                    spec.commandLine().getOut());
        }
        return ExitCode.OK.code;
    }
}
