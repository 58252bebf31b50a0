package maze.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import maze.output.OutputException;
import maze.output.Stdout;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code maze} command. {@link #run} returns the exit code so tests call it in-process. */
@Command(name = "maze", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Tells where the heap memory of a Linux process went, from its core dump.",
        footer = {"", "Start with: maze analyze CORE (a core from gcore PID), or maze demo.",
                "maze COMMAND --help explains a command and its options.", "",
                "Exit codes: 0 ok, 1 internal error, 2 usage (or an output maze must not write),",
                "3 bad input file or output not written, 4 no layouts/debug info,",
                "5 gdb failed or missing, 6 no supported allocator, 7 partial result (see its warnings),",
                "130/143 SIGINT/SIGTERM, 141 stdout's reader closed it (as with | head)."})
public final class Main {
    /**
     * The subcommands, in the order the help lists them. Registered only as needed: picocli builds
     * a command's whole model from its annotations, ~10 ms of start-up per command, so a command
     * line that names one gets that one alone (see {@link #commandsFor}).
     */
    static final List<Subcommand> COMMANDS = List.of(
            new Subcommand("analyze", AnalyzeCommand.class), new Subcommand("blocks", BlocksCommand.class),
            new Subcommand("demo", DemoCommand.class), new Subcommand("info", InfoCommand.class),
            new Subcommand("diff", DiffCommand.class), new Subcommand("layouts", LayoutsCommand.class),
            new Subcommand("pack", PackCommand.class), new Subcommand("capture", CaptureCommand.class),
            new Subcommand("leaks", LeaksCommand.class), new Subcommand("refs", RefsCommand.class));

    /** A subcommand's name (as its {@code @Command} says) and class. */
    record Subcommand(String name, Class<?> type) {}

    public static void main(String[] args) {
        maze.output.Stdout.markReal();
        ChildProcesses.endWithTheJvm();
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        for (Subcommand c : commandsFor(args)) {
            cl.addSubcommand(c.name(), c.type());
        }
        cl.setExecutionExceptionHandler(new Failures());
        cl.setParameterExceptionHandler(Main::badCommandLine);
        int code = cl.execute(args);
        try {
            Stdout.check(cl.getOut());
        } catch (OutputException e) {
            if (e.readerGone()) {
                return ExitCode.READER_GONE.code;
            }
            cl.getErr().println("maze: " + e.getMessage());
            return code == ExitCode.OK.code ? ExitCode.BAD_INPUT.code : code;
        }
        return code;
    }

    /** The one command the first argument names, else all (top-level help, suggestions for a typo). */
    static List<Subcommand> commandsFor(String... args) {
        if (args.length > 0) {
            for (Subcommand c : COMMANDS) {
                if (c.name().equals(args[0])) {
                    return List.of(c);
                }
            }
        }
        return COMMANDS;
    }

    /**
     * A mistyped command line gets the error, picocli's "did you mean" suggestions and where the
     * help is: the whole help text would bury the one line that matters.
     */
    private static int badCommandLine(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("maze: " + ex.getMessage());
        ArgumentHints.of(cl.getCommandSpec().name(), ex.getCommandLine().getParseResult().originalArgs())
                .ifPresent(h -> err.println("maze: " + h));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        // the short form: a long synopsis wraps, and the one line that matters would drown
        err.println("Usage: " + cl.getHelp().abbreviatedSynopsis().strip());
        err.println("'" + cl.getCommandSpec().qualifiedName() + " --help' explains every option.");
        return ExitCode.USAGE.code;
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"maze " + version()};
        }
    }

    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/maze/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
