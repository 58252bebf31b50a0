package maze.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import maze.heap.Coverage;

/**
 * {@code maze analyze --html}: the treemap of live bytes by type, the table (its first
 * {@value #TABLE_ROWS} rows and the rest summed), the summary, allocator coverage and warnings.
 */
public final class HtmlReport {
    /** Cells in the treemap before the tail is summed: enough to see, few enough to open at once. */
    public static final int CELLS = 300;
    static final int TABLE_ROWS = 500;

    private HtmlReport() {
    }

    /** {@code ranking}: every row ({@code ranking(0)}); {@code accounting} may be null (not computed). */
    public static void write(String title, Ranking ranking, ReportSummary s, MemoryAccounting accounting,
                             OutputStream out) throws IOException {
        HtmlPage page = new HtmlPage(title);
        page.paragraph(s.liveBlocks() + " live blocks, " + Sizes.human(s.liveBytes()) + " (" + s.liveBytes()
                + " bytes) in " + (ranking.shown().size() + ranking.otherTypes()) + " types; allocator "
                + s.allocatorAndVersion() + ".", false);
        if (s.partial()) {
            page.paragraph("PARTIAL: part of the heap was not read or may be wrong (see the warnings).", true);
        }
        page.heading("Live bytes by type");
        List<Treemap.Item> items = new ArrayList<>();
        for (ReportRow r : ranking.shown()) {
            items.add(new Treemap.Item(r.type(), r.totalSize()));
        }
        page.treemap(Treemap.layout(items, CELLS, HtmlPage.WIDTH, HtmlPage.HEIGHT), "live");
        page.heading("Types, largest first");
        page.table(new String[] {"Order", "Blocks", "Bytes", "Average", "Type"}, rows(ranking),
                new boolean[] {true, true, true, true, false}, 4);
        if (accounting != null) {
            AccountingHtml.write(accounting, page);
        }
        summary(page, s);
        page.write(out);
    }

    private static List<String[]> rows(Ranking ranking) {
        List<String[]> rows = new ArrayList<>();
        List<ReportRow> shown = ranking.shown();
        int n = Math.min(TABLE_ROWS, shown.size());
        for (int i = 0; i < n; i++) {
            rows.add(cells(Integer.toString(i + 1), shown.get(i)));
        }
        if (n < shown.size()) {
            long amount = 0;
            long total = 0;
            for (ReportRow r : shown.subList(n, shown.size())) {
                amount += r.amount();
                total += r.totalSize();
            }
            rows.add(cells("-", new ReportRow("(other " + (shown.size() - n) + " types)", amount, total)));
        }
        return rows;
    }

    private static String[] cells(String order, ReportRow r) {
        return new String[] {order, Long.toString(r.amount()), Long.toString(r.totalSize()), Long.toString(r.avgSize()),
                r.type()};
    }

    /** Figures, coverage and warnings, as the text report has them. */
    public static void summary(HtmlPage page, ReportSummary s) {
        page.heading("Summary");
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] {"Live blocks", Long.toString(s.liveBlocks())});
        pairs.add(new String[] {"Live bytes", s.liveBytes() + " (" + Sizes.human(s.liveBytes()) + ")"});
        pairs.add(new String[] {"Allocator", s.allocatorAndVersion()});
        for (Map.Entry<String, Object> f : s.facts().entrySet()) {
            pairs.add(new String[] {f.getKey(), String.valueOf(f.getValue())});
        }
        page.definitions(pairs);
        page.heading("Allocators (" + s.coverage().size() + ")");
        page.list(s.coverage().stream().map(Coverage::describe).toList(), false);
        warnings(page, s.warnings());
    }

    public static void warnings(HtmlPage page, List<String> warnings) {
        if (warnings.isEmpty()) {
            page.heading("Warnings: none");
            return;
        }
        page.heading("Warnings (" + warnings.size() + ")");
        page.list(warnings, true);
    }
}
