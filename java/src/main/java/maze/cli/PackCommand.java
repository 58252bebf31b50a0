package maze.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import maze.output.OutputFile;
import maze.output.Printable;
import maze.pack.HostCoreAccess;
import maze.pack.PackOptions;
import maze.pack.PackResult;
import maze.pack.Packer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maze pack}: a core and everything needed to analyze it elsewhere, in one tar.gz. */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {"Bundle a core with its executable, every mapped library and their separate debug files "
                + "(where this host has them) into one tar.gz, to analyze it on another host.",
                "The executable is the one the core's own notes name. Only files proven to be what the "
                + "process ran are packed: regular files reached without symbolic links, whose build-id is the one "
                + "the core recorded; every other file is left out with a warning (see --include-unverified)."},
        footer = {"", "Examples:",
                "  # writes core.1234.tar.gz in this folder",
                "  maze pack core.1234",
                "  # the executable moved since the core was taken",
                "  maze pack core.1234 --exe ./build/app -o /big/app.tar.gz",
                "  # then on any host: gdb and maze see the bundle's files only",
                "  maze analyze app.tar.gz"})
final class PackCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CORE", description = "the core file (from gcore or the kernel)")
    Path core;
    @Option(names = "--exe", paramLabel = "PATH", description = "the executable, when it is not where the core says")
    Path exe;
    @Option(names = {"-o", "--output"}, paramLabel = "BUNDLE", description = "the bundle to write (default: CORE.tar.gz here)")
    Path out;
    @Option(names = "--include-unverified", description = "also pack files that cannot be proven to be what the "
            + "process ran (no build-id, another build-id, reached through a symbolic link); each is named in a warning")
    boolean includeUnverified;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path bundle = out != null ? out : Packer.defaultBundle(core);
        try (OutputFile file = OutputFile.check(bundle, "-o", Arrays.asList(core, exe), true)) {
            PackResult r = packer().pack(core, file, new PackOptions(exe, includeUnverified));
            report(spec, r);
        }
        return ExitCode.OK.code;
    }

    static Packer packer() {
        return new Packer(new HostCoreAccess(), Main.version(), Packer.hostName());
    }

    /** Warnings go to stderr, loud; the summary to stdout. */
    static void report(CommandSpec spec, PackResult r) {
        for (String w : r.manifest().warnings()) {
            spec.commandLine().getErr().println("maze: WARNING: " + Printable.of(w));
        }
        spec.commandLine().getOut().println(Printable.of(r.summary()));
    }
}
