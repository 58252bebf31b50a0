package maze.cli;

import java.io.PrintWriter;
import maze.app.References;
import maze.graph.RetainedReport;
import maze.pack.AnalysisInput;
import maze.report.TextReport;

/** {@code maze analyze --retained}: the usual table, then retained sizes from the reference graph. */
final class AnalyzeRetained {
    private AnalyzeRetained() {
    }

    static int run(CoreInput input, int top, boolean human, PrintWriter out, PrintWriter err) throws Exception {
        try (AnalysisInput in = input.open(null, err);
             References refs = References.build(input.request(in))) {
            TextReport text = new TextReport(human);
            text.writeTable(refs.ranking(top), out);
            out.println();
            new RetainedReport(refs.sets(), refs.dominators(), refs.names(), refs.rootNames()).write(out, top);
            out.println();
            text.writeSummary(refs.summary(), out);
            out.flush();
            return ExitCode.of(refs.summary()).code;
        }
    }
}
