package maze.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import maze.heap.Coverage;

/**
 * The table people read: {@code Order  Amount  TotalSize  AvgSize  Type}, then the summary.
 * Exact byte figures by default; {@code humanSizes} shows TotalSize and AvgSize as "1.5 MiB".
 */
public final class TextReport {
    private static final String[] HEADER = {"Order", "Amount", "TotalSize", "AvgSize", "Type"};
    private static final String GAP = "  ";
    private static final int LABEL_WIDTH = 14;

    private final boolean humanSizes;

    public TextReport(boolean humanSizes) {
        this.humanSizes = humanSizes;
    }

    public void write(Ranking ranking, ReportSummary summary, PrintWriter out) {
        write(ranking, summary, null, out);
    }

    /** The table, the process accounting (left out when null), then the summary with the warnings last. */
    public void write(Ranking ranking, ReportSummary summary, MemoryAccounting accounting, PrintWriter out) {
        writeTable(ranking, out);
        out.println();
        if (accounting != null) {
            new AccountingText(humanSizes).write(accounting, out);
            out.println();
        }
        writeSummary(summary, out);
        out.flush();
    }

    public void writeTable(Ranking ranking, PrintWriter out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        int order = 1;
        for (ReportRow r : ranking.shown()) {
            lines.add(cells(Integer.toString(order++), r));
        }
        if (ranking.other() != null) {
            lines.add(cells("-", ranking.other()));
        }
        int[] width = new int[HEADER.length - 1];
        for (String[] line : lines) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                sb.append(" ".repeat(width[c] - line[c].length())).append(line[c]).append(GAP);
            }
            out.println(sb.append(line[width.length]));
        }
    }

    private String[] cells(String order, ReportRow r) {
        return new String[] {order, Long.toString(r.amount()), size(r.totalSize()), size(r.avgSize()), r.type()};
    }

    private String size(long bytes) {
        return humanSizes ? Sizes.human(bytes) : Long.toString(bytes);
    }

    public void writeSummary(ReportSummary s, PrintWriter out) {
        label(out, "Live blocks", Long.toString(s.liveBlocks()));
        label(out, "Live bytes", s.liveBytes() + " (" + Sizes.human(s.liveBytes()) + ")");
        label(out, "Allocator", s.allocatorAndVersion());
        for (Map.Entry<String, Object> fact : s.facts().entrySet()) {
            label(out, fact.getKey(), String.valueOf(fact.getValue()));
        }
        if (s.names() != null) {
            label(out, "C++ names", s.names().describe());
        }
        out.println("Allocators (" + s.coverage().size() + "):");
        for (Coverage c : s.coverage()) {
            out.println("  - " + c.describe());
        }
        if (s.partial()) {
            label(out, "Result", "PARTIAL: part of the heap was not read or may be wrong (see the warnings)");
        }
        if (s.warnings().isEmpty()) {
            label(out, "Warnings", "none");
            return;
        }
        out.println("Warnings (" + s.warnings().size() + "):");
        for (String w : s.warnings()) {
            out.println("  - " + w);
        }
    }

    /** "Label:" padded so the values of the usual labels line up. */
    private static void label(PrintWriter out, String label, String value) {
        String head = label + ":";
        out.println(head + " ".repeat(Math.max(1, LABEL_WIDTH - head.length())) + value);
    }
}
