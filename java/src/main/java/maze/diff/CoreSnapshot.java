package maze.diff;

import java.util.List;
import maze.report.ReportRow;
import maze.report.ReportSummary;

/** One core of a diff: the name it was given by, its pid and executable, its rows and summary. */
public record CoreSnapshot(String label, int pid, String executable, List<ReportRow> rows, ReportSummary summary) {
    public CoreSnapshot {
        rows = List.copyOf(rows);
    }
}
