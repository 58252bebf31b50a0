package maze.diff;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import maze.report.HtmlPage;
import maze.report.HtmlReport;
import maze.report.Sizes;
import maze.report.Treemap;

/**
 * {@code maze diff --html}: the treemap of growth (bytes gained by each type that grew, first core
 * to last), the block changes, the per-type table, and every core's warnings.
 */
public final class DiffHtml {
    static final int TABLE_ROWS = 500;
    static final int SERIES = 8;

    private DiffHtml() {
    }

    public static void write(DiffResult d, OutputStream out) throws IOException {
        int n = d.cores().size();
        HtmlPage page = new HtmlPage("maze diff: " + d.cores().get(0).label() + " to " + d.cores().get(n - 1).label());
        List<String> cores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cores.add(DiffText.describe(i, d.cores()));
        }
        page.list(cores, false);
        if (d.partial()) {
            page.paragraph("PARTIAL: a core's heap was not read whole, so changes may be missing or wrong.", true);
        }
        page.heading("Growth by type (bytes gained)");
        List<Treemap.Item> items = new ArrayList<>();
        for (TypeSeries t : d.types()) {
            items.add(new Treemap.Item(t.type(), t.bytesChange()));
        }
        page.treemap(Treemap.layout(items, HtmlReport.CELLS, HtmlPage.WIDTH, HtmlPage.HEIGHT), "gained");
        if (n > 2) {
            series(d, page);
        }
        steps(d, page);
        if (d.byRoot() != null) {
            byRoot(d, page);
        }
        page.heading("Types, largest growth first");
        page.table(header(n), rows(d, n), numeric(n), n + 2);
        if (d.types().size() > TABLE_ROWS) {
            page.paragraph((d.types().size() - TABLE_ROWS) + " more types grew less: --json lists every type.", false);
        }
        HtmlReport.warnings(page, d.warnings());
        page.write(out);
    }

    /** The bytes of the types that grew most, core by core. */
    private static void series(DiffResult d, HtmlPage page) {
        List<String> labels = new ArrayList<>();
        List<long[]> values = new ArrayList<>();
        for (TypeSeries t : d.types().subList(0, Math.min(SERIES, d.types().size()))) {
            labels.add(t.type());
            values.add(t.bytes());
        }
        List<String> points = new ArrayList<>();
        for (int i = 0; i < d.cores().size(); i++) {
            points.add(DiffText.name(i, d.cores().size()));
        }
        page.heading("Bytes of the " + labels.size() + " types that grew most, core by core");
        page.lines(labels, values, points);
    }

    private static void steps(DiffResult d, HtmlPage page) {
        if (d.byTypeOnly()) {
            page.paragraph("Blocks not matched (--by-type-only).", false);
            return;
        }
        page.heading("Blocks by address");
        List<String[]> rows = new ArrayList<>();
        int n = d.cores().size();
        for (int i = 0; i < d.steps().size(); i++) {
            StepCounts s = d.steps().get(i);
            List<String> r = new ArrayList<>(List.of(DiffText.name(i, n) + " → " + DiffText.name(i + 1, n)));
            for (StepCounts.Kind k : StepCounts.Kind.values()) {
                r.add(s.blocks(k) + " (" + Sizes.human(s.bytes(k)) + ")");
            }
            rows.add(r.toArray(new String[0]));
        }
        page.table(new String[] {"Step", "Survivors", "New", "Gone", "Reused"}, rows,
                new boolean[] {false, true, true, true, true}, -1);
    }

    /** --retained: a treemap and a table of what holds the blocks allocated in the last step. */
    private static void byRoot(DiffResult d, HtmlPage page) {
        int n = d.cores().size();
        page.heading("Allocated " + DiffText.name(n - 2, n) + " → " + DiffText.name(n - 1, n) + ", by what holds it in "
                + DiffText.name(n - 1, n));
        List<Treemap.Item> items = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (NewByRoot.Row r : d.byRoot().rows()) {
            items.add(new Treemap.Item(r.root(), r.bytes()));
            if (rows.size() < TABLE_ROWS) {
                rows.add(new String[] {Long.toString(r.newBlocks()), Long.toString(r.newBytes()),
                    Long.toString(r.reusedBlocks()), Long.toString(r.reusedBytes()), r.root()});
            }
        }
        page.treemap("roots", Treemap.layout(items, HtmlReport.CELLS, HtmlPage.WIDTH, HtmlPage.HEIGHT / 2),
                HtmlPage.HEIGHT / 2, "allocated");
        page.table(new String[] {"New blocks", "New bytes", "Reused blocks", "Reused bytes", "Held by"}, rows,
                new boolean[] {true, true, true, true, false}, 4);
    }

    private static String[] header(int n) {
        List<String> h = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            h.add(DiffText.name(i, n) + " bytes");
        }
        h.add("Δ blocks");
        h.add("Δ bytes");
        h.add("Type");
        return h.toArray(new String[0]);
    }

    private static boolean[] numeric(int n) {
        boolean[] b = new boolean[n + 3];
        java.util.Arrays.fill(b, 0, n + 2, true);
        return b;
    }

    private static List<String[]> rows(DiffResult d, int n) {
        List<String[]> rows = new ArrayList<>();
        List<TypeSeries> types = d.types();
        for (TypeSeries t : types.subList(0, Math.min(TABLE_ROWS, types.size()))) {
            String[] r = new String[n + 3];
            for (int i = 0; i < n; i++) {
                r[i] = Long.toString(t.bytes()[i]);
            }
            r[n] = signed(t.blocksChange());
            r[n + 1] = signed(t.bytesChange());
            r[n + 2] = t.type();
            rows.add(r);
        }
        return rows;
    }

    private static String signed(long v) {
        return v > 0 ? "+" + v : Long.toString(v);
    }
}
