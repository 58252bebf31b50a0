package maze.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import maze.heap.Coverage;
import maze.classify.TypeNames;
import maze.classify.TypedBlockSink;

/**
 * Counts blocks and bytes per type as they stream by. Memory grows with the number of distinct
 * types, never with the number of blocks. Not thread-safe: one walk feeds one aggregator.
 */
public final class TypeAggregator implements TypedBlockSink {
    private final LongStatsMap byType = new LongStatsMap();
    private long liveBlocks;
    private long liveBytes;

    @Override
    public void block(long address, long size, int flags, long typeKey) {
        byType.add(typeKey, size);
        liveBlocks++;
        liveBytes += size;
    }

    public long liveBlocks() {
        return liveBlocks;
    }

    public long liveBytes() {
        return liveBytes;
    }

    public int typeCount() {
        return byType.size();
    }

    /** One row per type seen, unsorted; names come from {@code names}. */
    public List<ReportRow> rows(TypeNames names) {
        List<ReportRow> rows = new ArrayList<>(byType.size());
        for (int slot = 0; slot < byType.capacity(); slot++) {
            if (byType.usedAt(slot)) {
                rows.add(new ReportRow(names.name(byType.keyAt(slot)), byType.countAt(slot), byType.totalAt(slot)));
            }
        }
        return rows;
    }

    /** The summary of this walk's blocks with the walker's facts and the analysis's warnings. */
    public ReportSummary summary(String allocator, String version, Map<String, Object> facts,
                                 List<Coverage> coverage, List<String> warnings, boolean partial) {
        return new ReportSummary(allocator, version, liveBlocks, liveBytes, facts, coverage, warnings, partial);
    }

    /** The rows in report order, cut to {@code top} ({@code <= 0}: all). */
    public Ranking ranking(TypeNames names, int top) {
        return Ranking.of(rows(names), top);
    }
}
