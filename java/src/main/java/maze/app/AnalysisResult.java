package maze.app;

import maze.classify.TypeNames;
import maze.report.MemoryAccounting;
import maze.report.Ranking;
import maze.report.ReportSummary;
import maze.report.TypeAggregator;

/**
 * What an analysis found: the per-type aggregate, the names of its types, the summary, and the
 * whole process's memory by category (null when not computed).
 */
public record AnalysisResult(TypeAggregator aggregate, TypeNames names, ReportSummary summary,
                             MemoryAccounting accounting) {
    public AnalysisResult(TypeAggregator aggregate, TypeNames names, ReportSummary summary) {
        this(aggregate, names, summary, null);
    }

    public Ranking ranking(int top) {
        return aggregate.ranking(names, top);
    }
}
