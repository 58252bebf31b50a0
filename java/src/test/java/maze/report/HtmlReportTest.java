package maze.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analyze page without a browser: text from the core is escaped, and 100,000 types stay small. */
class HtmlReportTest {
    private static String page(List<ReportRow> rows, List<String> warnings) throws Exception {
        ReportSummary s = new ReportSummary("glibc", "2.36", 10, 1000, Map.of(), List.of(), warnings, !warnings.isEmpty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write("maze: core", Ranking.of(rows, 0), s, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void typeNamesAndWarningsFromTheCoreAreEscaped() throws Exception {
        String hostile = "C++ x<\"'&></title><script>alert(1)</script>\u0001";
        String html = page(List.of(new ReportRow(hostile, 3, 300)), List.of("<img src=x onerror=alert(2)>"));
        assertFalse(html.contains("<script>alert") || html.contains("<img"), html);
        assertTrue(html.contains("C++ x&lt;&quot;&#39;&amp;&gt;&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\uFFFD"),
                html);
        assertTrue(html.contains("PARTIAL"), "a partial result says so");
    }

    @Test
    void aHundredThousandTypesMakeASmallPage() throws Exception {
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            rows.add(new ReportRow("malloc(" + (16 * (i + 1)) + ")", 1 + i % 7, 16L * (i + 1) * (1 + i % 7)));
        }
        String html = page(rows, List.of());
        assertTrue(html.length() < 250_000, "page of " + html.length() + " characters");
        assertTrue(html.contains("(other 99701 types)"), "the treemap's tail is one cell");
        assertTrue(html.contains("(other 99500 types)"), "the table's tail is one row");
        assertTrue(html.contains("Warnings: none"));
        assertFalse(html.contains("http:") || html.contains("https:"), "nothing is fetched");
    }
}
