package maze.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import maze.output.OutputFile;
import maze.pack.CaptureException;
import maze.pack.PackOptions;
import maze.pack.Packer;
import maze.pack.PackResult;
import maze.pack.ReadyProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maze capture}: gcore a running process (or one started for it) and pack the core. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Take a core of a live process with gdb's gcore and pack it into a bundle (see maze pack).",
                "With --pid the process keeps running. With a COMMAND after --, maze starts it, waits for the "
                + "ready text on its stdout, captures it, then ends it."},
        footer = {"", "Examples:",
                "  # the process keeps running; writes core.1234.tar.gz in this folder",
                "  maze capture --pid 1234",
                "  # start ./app, wait for 'READY FOR GCORE' on its stdout, capture, end it",
                "  maze capture -- ./app --serve",
                "  maze capture --ready listening --timeout 60 -o app.tar.gz -- ./app",
                "", "gcore must be allowed to ptrace the process: the same user and",
                "kernel.yama.ptrace_scope 0, or root."})
final class CaptureCommand implements Callable<Integer> {
    @Option(names = "--pid", paramLabel = "PID", description = "the running process to capture")
    Long pid;
    @Option(names = "--ready", paramLabel = "TEXT", defaultValue = ReadyProcess.DEFAULT_READY,
            description = "with COMMAND: the text on its stdout that says it is ready (default: ${DEFAULT-VALUE})")
    String ready;
    @Option(names = "--timeout", paramLabel = "S", defaultValue = "120",
            description = "with COMMAND: seconds to wait for the ready text (default: ${DEFAULT-VALUE})")
    long timeout;
    @Option(names = {"-o", "--output"}, paramLabel = "BUNDLE", description = "the bundle to write (default: core.PID.tar.gz here)")
    Path out;
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command to start and capture (after --)")
    List<String> command;
    @Option(names = "--include-unverified", description = "also pack files that cannot be proven to be what the "
            + "process ran (see maze pack --help)")
    boolean includeUnverified;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean hasCommand = command != null && !command.isEmpty();
        if ((pid == null) == !hasCommand) {
            throw new UserError(ExitCode.USAGE, "capture takes either --pid PID or -- COMMAND ARGS..., not both or none");
        }
        if (timeout <= 0) {
            throw new UserError(ExitCode.USAGE, "--timeout must be a positive number of seconds");
        }
        PackOptions options = new PackOptions(null, includeUnverified);
        Packer.Target target = p -> OutputFile.check(out != null ? out : Path.of("core." + p + ".tar.gz"), "-o", List.of(), true);
        if (out != null) {
            target.forPid(0).close(); // a bad -o fails before anything starts
        }
        try {
            PackResult r;
            if (hasCommand) {
                r = PackCommand.packer().capture(command, ready, Duration.ofSeconds(timeout), target, options);
            } else {
                try (OutputFile file = target.forPid(pid)) {
                    r = PackCommand.packer().capture(pid, file, options);
                }
            }
            PackCommand.report(spec, r);
        } catch (CaptureException e) {
            throw new UserError(e.stage() == CaptureException.Stage.GCORE ? ExitCode.GDB : ExitCode.BAD_INPUT, e.getMessage());
        }
        return ExitCode.OK.code;
    }
}
