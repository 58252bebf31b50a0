package maze.app;

import java.util.List;
import maze.classify.TypeNames;
import maze.heap.OwnedMemory;
import maze.report.MemoryAccounting;
import maze.report.Ranking;
import maze.report.ReportSummary;
import maze.report.TypeAggregator;

/**
 * What an analysis found: the per-type aggregate, the names of its types, the summary, the whole
 * process's memory by category (null when not computed), and the allocators' own bookkeeping
 * outside their blocks ({@link maze.heap.HeapSummary#metadata()}), for the reference graph.
 */
public record AnalysisResult(TypeAggregator aggregate, TypeNames names, ReportSummary summary,
                             MemoryAccounting accounting, List<OwnedMemory.Range> allocatorMetadata) {
    public AnalysisResult {
        allocatorMetadata = List.copyOf(allocatorMetadata);
    }

    public AnalysisResult(TypeAggregator aggregate, TypeNames names, ReportSummary summary) {
        this(aggregate, names, summary, null, List.of());
    }

    public Ranking ranking(int top) {
        return aggregate.ranking(names, top);
    }
}
