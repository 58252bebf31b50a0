package maze.app;

import maze.classify.TypeNames;
import maze.report.Ranking;
import maze.report.ReportSummary;
import maze.report.TypeAggregator;

/** What an analysis found: the per-type aggregate, the names of its types, and the summary. */
public record AnalysisResult(TypeAggregator aggregate, TypeNames names, ReportSummary summary) {
    public Ranking ranking(int top) {
        return aggregate.ranking(names, top);
    }
}
