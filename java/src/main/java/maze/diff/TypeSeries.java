package maze.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import maze.report.ReportRow;

/**
 * One type across the cores: its blocks and bytes in each (zero where it had none). Growth is
 * last minus first; rows sort by growth in bytes, then in blocks, then by name, so the order is
 * the same on every run.
 */
public record TypeSeries(String type, long[] blocks, long[] bytes) {
    public static final Comparator<TypeSeries> BY_GROWTH = Comparator
            .comparingLong(TypeSeries::bytesChange).reversed()
            .thenComparing(Comparator.comparingLong(TypeSeries::blocksChange).reversed())
            .thenComparing(TypeSeries::type);

    public long blocksChange() {
        return blocks[blocks.length - 1] - blocks[0];
    }

    public long bytesChange() {
        return bytes[bytes.length - 1] - bytes[0];
    }

    /** Joins the cores' rows by type name, sorted by growth. */
    public static List<TypeSeries> of(List<CoreSnapshot> cores) {
        Map<String, TypeSeries> byType = new LinkedHashMap<>();
        int n = cores.size();
        for (int i = 0; i < n; i++) {
            for (ReportRow r : cores.get(i).rows()) {
                TypeSeries s = byType.computeIfAbsent(r.type(), t -> new TypeSeries(t, new long[n], new long[n]));
                s.blocks[i] += r.amount();
                s.bytes[i] += r.totalSize();
            }
        }
        List<TypeSeries> rows = new ArrayList<>(byType.values());
        rows.sort(BY_GROWTH);
        return rows;
    }
}
