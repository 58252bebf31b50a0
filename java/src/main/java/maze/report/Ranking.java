package maze.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows in report order, cut to the top N: largest total first; ties go to more blocks, then
 * the type name, so the order is the same on every run. What the cut leaves out is summed in
 * {@link #other} so the shown totals still add up to the live totals.
 */
public record Ranking(List<ReportRow> shown, int otherTypes, long otherAmount, long otherTotalSize) {
    public static final Comparator<ReportRow> ORDER = Comparator
            .comparingLong(ReportRow::totalSize).reversed()
            .thenComparing(Comparator.comparingLong(ReportRow::amount).reversed())
            .thenComparing(ReportRow::type);

    public Ranking {
        shown = List.copyOf(shown);
    }

    /** Sorts {@code rows}; {@code top <= 0} keeps them all. */
    public static Ranking of(List<ReportRow> rows, int top) {
        List<ReportRow> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        if (top <= 0 || top >= sorted.size()) {
            return new Ranking(sorted, 0, 0, 0);
        }
        long amount = 0;
        long total = 0;
        for (ReportRow r : sorted.subList(top, sorted.size())) {
            amount += r.amount();
            total += r.totalSize();
        }
        return new Ranking(sorted.subList(0, top), sorted.size() - top, amount, total);
    }

    /** The remainder line, e.g. "(other 12 types)", or null when nothing was cut. */
    public ReportRow other() {
        return otherTypes == 0 ? null : new ReportRow("(other " + otherTypes + " types)", otherAmount, otherTotalSize);
    }
}
