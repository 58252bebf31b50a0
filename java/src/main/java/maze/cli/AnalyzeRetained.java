package maze.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import maze.app.References;
import maze.graph.RetainedReport;
import maze.output.OutputFile;
import maze.output.Stdout;
import maze.pack.AnalysisInput;
import maze.report.JsonReport;
import maze.report.TextReport;

/**
 * {@code maze analyze --retained}: the usual table, then retained sizes from the reference graph;
 * with {@code --json} the report's JSON with a "retained" section (to stdout for "-", instead of the text).
 */
final class AnalyzeRetained {
    private AnalyzeRetained() {
    }

    /** How the tables look: rows (0: all), sizes for people, container patterns named. */
    record Shown(int top, boolean human, boolean patterns) {
    }

    static int run(CoreInput input, Shown shown, Path json, PrintWriter out, PrintWriter err) throws Exception {
        int top = shown.top();
        boolean jsonToStdout = json != null && json.toString().equals("-");
        try (OutputFile file = jsonToStdout ? null : input.output(json, "--json");
             AnalysisInput in = input.open(file, err);
             References refs = References.build(input.request(in), shown.patterns())) {
            RetainedReport retained = RetainedReport.of(refs.sets(), refs::dominators, refs.names(), refs.rootNames(),
                    refs::typeOf);
            if (jsonToStdout) {
                out.flush();
                writeJson(refs, retained, top, Stdout.stream());
                return ExitCode.of(refs.summary()).code;
            }
            TextReport text = new TextReport(shown.human());
            text.writeTable(refs.ranking(top), out);
            out.println();
            retained.write(out, top);
            refs.lap("retained report");
            out.println();
            text.writeSummary(refs.summary(), out);
            out.flush();
            if (file != null) {
                try (OutputStream o = file.open()) {
                    writeJson(refs, retained, top, o);
                }
                file.commit();
            }
            return ExitCode.of(refs.summary()).code;
        }
    }

    private static void writeJson(References refs, RetainedReport retained, int top, OutputStream o)
            throws java.io.IOException {
        JsonReport.write(refs.ranking(0), refs.summary(), refs.accounting(), g -> retained.writeJson(g, top), o);
    }
}
