package maze.diff;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import maze.report.Sizes;

/**
 * The diff people read: the cores, the block changes between each and the next, then the types
 * by growth. Two cores show blocks and bytes in each; more show the bytes of each (the series).
 */
public final class DiffText {
    private static final String GAP = "  ";

    private final boolean human;
    private final int top;

    /** {@code top}: rows shown ({@code <= 0}: all); the rest is summed in one line. */
    public DiffText(boolean human, int top) {
        this.human = human;
        this.top = top;
    }

    public void write(DiffResult d, PrintWriter out) {
        List<CoreSnapshot> cores = d.cores();
        for (int i = 0; i < cores.size(); i++) {
            out.println(describe(i, cores));
        }
        if (d.byTypeOnly()) {
            out.println("Blocks:   not matched (--by-type-only)");
        }
        for (int i = 0; i < d.steps().size(); i++) {
            out.println(name(i, cores.size()) + " -> " + name(i + 1, cores.size()) + ": " + steps(d.steps().get(i)));
        }
        out.println();
        table(d, out);
        out.println();
        if (d.byRoot() != null) {
            byRoot(d, out);
            out.println();
        }
        warnings(d, out);
        out.flush();
    }

    /** "A: core.1 (pid 7, 802 blocks, 215 KiB live, glibc 2.36)". */
    static String describe(int i, List<CoreSnapshot> cores) {
        CoreSnapshot c = cores.get(i);
        return name(i, cores.size()) + ": " + c.label() + " (pid " + c.pid() + ", " + c.summary().liveBlocks()
                + " blocks, " + Sizes.human(c.summary().liveBytes()) + " live, " + c.summary().allocatorAndVersion() + ")";
    }

    /** A, B for two cores; #1, #2, ... for a series. */
    static String name(int i, int count) {
        return count == 2 ? String.valueOf((char) ('A' + i)) : "#" + (i + 1);
    }

    private String steps(StepCounts s) {
        StringBuilder sb = new StringBuilder();
        for (StepCounts.Kind k : StepCounts.Kind.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(s.blocks(k)).append(' ').append(k.label).append(" (").append(size(s.bytes(k)));
            if (k == StepCounts.Kind.REUSED) {
                sb.append(", held ").append(size(s.reusedBytesBefore())).append(" before");
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private void table(DiffResult d, PrintWriter out) {
        int n = d.cores().size();
        List<String[]> lines = new ArrayList<>();
        lines.add(header(n));
        List<TypeSeries> rows = d.types();
        int shown = top <= 0 ? rows.size() : Math.min(top, rows.size());
        for (TypeSeries s : rows.subList(0, shown)) {
            lines.add(cells(s, s.type(), n));
        }
        if (shown < rows.size()) {
            TypeSeries rest = new TypeSeries("(other " + (rows.size() - shown) + " types)", new long[n], new long[n]);
            for (TypeSeries s : rows.subList(shown, rows.size())) {
                for (int i = 0; i < n; i++) {
                    rest.blocks()[i] += s.blocks()[i];
                    rest.bytes()[i] += s.bytes()[i];
                }
            }
            lines.add(cells(rest, rest.type(), n));
        }
        columns(lines, out);
    }

    /** Right-aligned columns, the last one (a name) left as it is. */
    private static void columns(List<String[]> lines, PrintWriter out) {
        int cols = lines.get(0).length - 1;
        int[] width = new int[cols];
        for (String[] line : lines) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                sb.append(" ".repeat(width[c] - line[c].length())).append(line[c]).append(GAP);
            }
            out.println(sb.append(line[cols]));
        }
    }

    /** Who holds the blocks allocated in the last step; {@code top} rows, the rest summed. */
    private void byRoot(DiffResult d, PrintWriter out) {
        int n = d.cores().size();
        out.println("Allocated " + name(n - 2, n) + " -> " + name(n - 1, n) + ", by what holds it in " + name(n - 1, n)
                + " (the root whose retained set holds each block):");
        List<NewByRoot.Row> rows = d.byRoot().rows();
        if (rows.isEmpty()) {
            out.println("  nothing: no block is new or reused");
            return;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"New blocks", "New bytes", "Reused blocks", "Reused bytes", "Held by"});
        int shown = top <= 0 ? rows.size() : Math.min(top, rows.size());
        for (NewByRoot.Row r : rows.subList(0, shown)) {
            lines.add(cells(r, r.root()));
        }
        if (shown < rows.size()) {
            long[] sum = new long[4];
            for (NewByRoot.Row r : rows.subList(shown, rows.size())) {
                sum[0] += r.newBlocks();
                sum[1] += r.newBytes();
                sum[2] += r.reusedBlocks();
                sum[3] += r.reusedBytes();
            }
            lines.add(cells(new NewByRoot.Row("", sum[0], sum[1], sum[2], sum[3]), "(other " + (rows.size() - shown) + ")"));
        }
        columns(lines, out);
    }

    private String[] cells(NewByRoot.Row r, String label) {
        return new String[] {Long.toString(r.newBlocks()), size(r.newBytes()), Long.toString(r.reusedBlocks()),
            size(r.reusedBytes()), label};
    }

    private static String[] header(int n) {
        List<String> h = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (n == 2) {
                h.add(name(i, n) + " blocks");
            }
            h.add(name(i, n) + " bytes");
        }
        h.add("Blocks +/-"); // ASCII: a terminal in the C locale shows no Greek
        h.add("Bytes +/-");
        h.add("Type");
        return h.toArray(new String[0]);
    }

    private String[] cells(TypeSeries s, String type, int n) {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (n == 2) {
                c.add(Long.toString(s.blocks()[i]));
            }
            c.add(size(s.bytes()[i]));
        }
        c.add(signed(s.blocksChange(), false));
        c.add(signed(s.bytesChange(), human));
        c.add(type);
        return c.toArray(new String[0]);
    }

    private String size(long bytes) {
        return human ? Sizes.human(bytes) : Long.toString(bytes);
    }

    private static String signed(long v, boolean human) {
        String digits = human ? Sizes.human(Math.abs(v)) : Long.toString(Math.abs(v));
        return v > 0 ? "+" + digits : v < 0 ? "-" + digits : "0";
    }

    private static void warnings(DiffResult d, PrintWriter out) {
        if (d.partial()) {
            out.println("Result:   PARTIAL: a core's heap was not read whole, so changes may be missing or wrong");
        }
        List<String> w = d.warnings();
        if (w.isEmpty()) {
            out.println("Warnings: none");
            return;
        }
        out.println("Warnings (" + w.size() + "):");
        w.forEach(x -> out.println("  - " + x));
    }
}
