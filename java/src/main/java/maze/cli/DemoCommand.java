package maze.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import maze.app.Analysis;
import maze.app.AnalysisRequest;
import maze.app.AnalysisResult;
import maze.app.DemoFixture;
import maze.report.TextReport;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code maze demo}: a real example end to end, from a bundled program to the table. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs a small bundled C++ program, takes its core with gcore and analyzes it.",
                "It shows what `maze analyze` prints, without a core of your own; the program keeps",
                "running while gcore reads it, as a service of yours would."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--keep", paramLabel = "DIR", description = "keep the core (and the program) in DIR")
    Path keep;

    @Option(names = "--top", paramLabel = "N", description = "rows to show (default ${DEFAULT-VALUE})")
    int top = 20;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path cache = maze.cache.CacheFiles.root();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("maze-demo");
        PrintWriter out = spec.commandLine().getOut();
        ExitCode code;
        try {
            DemoFixture.Captured c = DemoFixture.capture(cache, dir, System.err);
            System.err.println("maze demo: analyzing " + c.core() + " (" + Files.size(c.core()) / (1 << 20) + " MiB) ...");
            try (Analysis a = Analysis.open(new AnalysisRequest(c.core(), c.exe(), null, List.of(), true))) {
                AnalysisResult r = a.run(null);
                new TextReport(false).write(r.ranking(top), r.summary(), r.accounting(), out);
                code = ExitCode.of(r.summary());
            }
            out.println();
            out.println(keep != null ? "The core is kept in " + dir + ": maze analyze " + c.core()
                    : "Next: take a core of your own process with `gcore PID`, then `maze analyze core.PID`.");
            out.flush();
        } finally {
            if (keep == null) {
                PathUtils.deleteDirectory(dir);
            }
        }
        return code.code;
    }
}
