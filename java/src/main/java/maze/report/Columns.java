package maze.report;

import java.io.PrintWriter;
import java.util.List;

/** Rows of cells as right-aligned columns, the last column left-aligned (a name). */
final class Columns {
    private static final String GAP = "  ";

    private Columns() {
    }

    static void write(List<String[]> rows, PrintWriter out) {
        int n = rows.get(0).length - 1;
        int[] width = new int[n];
        for (String[] row : rows) {
            for (int c = 0; c < n; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder(GAP);
            for (int c = 0; c < n; c++) {
                sb.append(" ".repeat(width[c] - row[c].length())).append(row[c]).append(GAP);
            }
            out.println(sb.append(row[n]));
        }
    }
}
