package maze.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import maze.heap.MallocSpace;
import org.junit.jupiter.api.Test;

/** The analyze page without a browser: text from the core is escaped, and 100,000 types stay small. */
class HtmlReportTest {
    private static String page(List<ReportRow> rows, List<String> warnings) throws Exception {
        return page(rows, warnings, null);
    }

    private static String page(List<ReportRow> rows, List<String> warnings, MemoryAccounting accounting) throws Exception {
        ReportSummary s = new ReportSummary("glibc", "2.36", 10, 1000, Map.of(), List.of(), warnings, !warnings.isEmpty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write("maze: core", Ranking.of(rows, 0), s, accounting, out);
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
    void theWholeProcessSectionShowsEveryCategory() throws Exception {
        MemoryAccounting a = new MemoryAccounting(4096 * 10, 3, List.of(
                new MemoryAccounting.Category(MemoryAccounting.MALLOC_LIVE, "malloc live", 4096 * 6),
                new MemoryAccounting.Category(MemoryAccounting.FILE_BACKED, "file-backed", 4096 * 4)),
                List.of(new MemoryAccounting.Mapping(0x7f0000000000L, 0x7f0000001000L, 4096, "<b>arena</b>")),
                List.of("a note"), List.of());
        String html = page(List.of(new ReportRow("malloc(16)", 1, 16)), List.of(), a);
        assertTrue(html.contains("<svg id=\"process\"") && html.contains("<rect data-type=\"malloc live\"")
                && html.contains("<rect data-type=\"file-backed\""), html);
        assertTrue(html.contains("0x7f0000000000-0x7f0000001000") && html.contains("&lt;b&gt;arena&lt;/b&gt;"), html);
        assertFalse(page(List.of(new ReportRow("malloc(16)", 1, 16)), List.of()).contains("The whole process"),
                "no section without an accounting");
    }

    @Test
    void mallocPoolsGetATreemapOfInUseAndFreeAndTheLargestATable() throws Exception {
        List<MallocSpace.Pool> pools = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long system = (i + 1) << 20;
            pools.add(new MallocSpace.Pool("arena " + i, 0x1000L * i, system, system / 4, new long[] {1, 2, 3, 4, 5},
                    system / 8, 0, 7, 9));
        }
        MallocSpace space = new MallocSpace(pools, 2, 3 << 20, 4, List.of("<advice>"));
        MemoryAccounting a = new MemoryAccounting(4096, 1, List.of(), List.of(), List.of(),
                List.of(new MemoryAccounting.Space("glibc", space)));
        String html = page(List.of(new ReportRow("malloc(16)", 1, 16)), List.of(), a);
        assertTrue(html.contains("<svg id=\"pools-0\""), html);
        for (String cell : List.of("arena 19: in use", "arena 19: free (Top)", "arena 19: free (other)",
                "(other 4 pools): in use", "blocks mapped on their own")) {
            assertTrue(html.contains("<rect data-type=\"" + cell + "\""), "a cell for " + cell);
        }
        // the four smallest summed: 10 MiB in all, a quarter of it free
        assertTrue(html.contains("<title>(other 4 pools): in use: " + Sizes.human((10L << 20) * 3 / 4) + " </title>"), html);
        // the largest pool's row, its figures as given; the four smallest only in the summed cell
        assertTrue(html.contains("<td class=\"n\">20971520</td><td class=\"n\">5242880</td><td class=\"n\">2621440</td>"),
                html);
        assertTrue(html.contains("<td>arena 4</td>") && !html.contains("<td>arena 3</td>"), html);
        assertTrue(html.contains("the 16 largest shown") && html.contains("&lt;advice&gt;"), html);
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
