package maze.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import maze.app.Analysis;
import maze.output.OutputFile;
import maze.output.Stdout;
import maze.pack.AnalysisInput;
import maze.app.AnalysisResult;
import maze.app.PatternNaming;
import maze.report.HtmlReport;
import maze.report.JsonReport;
import maze.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code maze analyze}: the table of live heap memory by type. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Live heap memory of the process by type, largest total first, with a summary.",
                "A block whose first word points into a vtable is named by its C++ class;",
                "every other block by its usable size, as malloc(N)."},
        footer = {"", "Examples:",
                "  maze analyze core.1234",
                "  maze analyze core.1234 --top 20 --json result.json",
                "  maze analyze core.1234 --html heap.html",
                "  maze analyze core.1234 --sysroot /tmp/files-from-that-host"})
final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    CoreInput input;

    @Option(names = "--top", paramLabel = "N", description = "show the N largest types (default ${DEFAULT-VALUE}; 0: all)")
    int top = 30;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the whole result as JSON to FILE (- for stdout)")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "also write a page with a treemap, the table and the warnings to FILE")
    Path html;

    @Option(names = "--human", description = "sizes as KiB/MiB/GiB instead of bytes")
    boolean human;

    @Option(names = "--retained", description = {"also the bytes each type, root and block keeps alive (its retained"
            + " size, from the dominator tree of the reference graph; see maze leaks --help); with --json also"
            + " in the JSON, as \"retained\""})
    boolean retained;

    @Option(names = "--patterns", description = {"also name blocks without a vtable by their container shape"
            + " (libstdc++): std::vector body, std::string long buffer, std::map/set node, std::list node,"
            + " std::unordered_map/set buckets and node, std::deque map and buffer, each with its size,"
            + " e.g. 'std::vector body (malloc(4096))';"
            + " and arrays of C++ classes: 'C++ T[] (new[] of N, malloc(S))', 'C++ T*[] (malloc(S))',"
            + " 'std::vector<T*> body (malloc(S))'; costs one more scan of the core (none more with --retained)"})
    boolean patterns;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (top < 0) {
            throw new UserError(ExitCode.USAGE, "--top takes 0 (all) or a positive number of rows, not " + top);
        }
        if (retained) {
            if (html != null) {
                throw new UserError(ExitCode.USAGE, "--retained is shown as text or JSON, not in the page: leave out --html");
            }
            return AnalyzeRetained.run(input, new AnalyzeRetained.Shown(top, human, patterns), json,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        boolean jsonToStdout = json != null && json.toString().equals("-");
        try (OutputFile file = jsonToStdout ? null : input.output(json, "--json");
             OutputFile page = input.output(html, "--html");
             AnalysisInput in = input.open(file, spec.commandLine().getErr());
             Analysis analysis = Analysis.open(input.request(in))) {
            if (page != null && in.bundle() != null) {
                page.alsoRefuse(in.bundle().root());
            }
            AnalysisResult r = patterns ? PatternNaming.run(analysis, input.request(in), null) : analysis.run(null);
            writePage(page, r);
            PrintWriter out = spec.commandLine().getOut();
            if (jsonToStdout) {
                out.flush();
                JsonReport.write(r.ranking(0), r.summary(), r.accounting(), Stdout.stream());
                return ExitCode.of(r.summary()).code;
            }
            new TextReport(human).write(r.ranking(top), r.summary(), r.accounting(), out);
            out.flush();
            if (file != null) {
                try (OutputStream o = file.open()) {
                    JsonReport.write(r.ranking(0), r.summary(), r.accounting(), o);
                }
                file.commit();
            }
            return ExitCode.of(r.summary()).code;
        }
    }

    private void writePage(OutputFile page, AnalysisResult r) throws java.io.IOException {
        if (page != null) {
            try (OutputStream o = page.open()) {
                HtmlReport.write("maze: " + input.core.getFileName(), r.ranking(0), r.summary(), r.accounting(), o);
            }
            page.commit();
        }
    }
}
