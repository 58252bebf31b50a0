package maze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import maze.classify.NameSources;
import maze.heap.Coverage;
import maze.heap.Version;
import org.junit.jupiter.api.Test;

class TextReportTest {
    private static final List<ReportRow> ROWS = List.of(
            new ReportRow("malloc(24)", 80000, 1920000),
            new ReportRow("C++ foo::Bar<int>", 80000, 2560000),
            new ReportRow("malloc(4194304)", 3, 12582912),
            new ReportRow("malloc(40)", 7, 280));

    private static String render(boolean human, int top, ReportSummary summary) {
        StringWriter s = new StringWriter();
        new TextReport(human).write(Ranking.of(ROWS, top), summary, new PrintWriter(s));
        return s.toString();
    }

    private static ReportSummary summary(List<String> warnings) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("Arenas", 3);
        facts.put("Heaps", 2);
        Coverage libc = new Coverage("glibc", Version.of("2.36", null), "/lib/x86_64-linux-gnu/libc.so.6", "module libc.so.6",
                true, null, 160010, 17062472);
        return new ReportSummary("glibc", "2.36", 160010, 17062472, facts, List.of(libc), warnings, !warnings.isEmpty());
    }

    @Test
    void tableAndSummaryWithExactBytes() {
        String expected = String.join("\n",
                "Order  Amount  TotalSize  AvgSize  Type",
                "    1       3   12582912  4194304  malloc(4194304)",
                "    2   80000    2560000       32  C++ foo::Bar<int>",
                "    3   80000    1920000       24  malloc(24)",
                "    4       7        280       40  malloc(40)",
                "",
                "Live blocks:  160010",
                "Live bytes:   17062472 (16.3 MiB)",
                "Allocator:    glibc 2.36",
                "Arenas:       3",
                "Heaps:        2",
                "Allocators (1):",
                "  - glibc 2.36 in /lib/x86_64-linux-gnu/libc.so.6 (serves malloc): walked, 160010 blocks",
                "Result:       PARTIAL: part of the heap was not read or may be wrong (see the warnings)",
                "Warnings (1):",
                "  - arena 0x7f00 heap: size does not fit",
                "");
        assertEquals(expected, render(false, 0, summary(List.of("arena 0x7f00 heap: size does not fit"))));
    }

    @Test
    void topCutsTheTableWithARemainderLineAndSizesCanBeHuman() {
        String expected = String.join("\n",
                "Order  Amount  TotalSize   AvgSize  Type",
                "    1       3   12.0 MiB  4.00 MiB  malloc(4194304)",
                "    -  160007   4.27 MiB      28 B  (other 3 types)",
                "");
        String text = render(true, 1, summary(List.of()));
        assertEquals(expected, text.substring(0, text.indexOf("\n\n") + 1));
        assertEquals(true, text.endsWith("Warnings:     none\n"), text);
    }

    @Test
    void humanSizesPickTheLargestFittingUnit() {
        assertEquals("0 B", Sizes.human(0));
        assertEquals("1023 B", Sizes.human(1023));
        assertEquals("1.00 KiB", Sizes.human(1024));
        assertEquals("16.3 MiB", Sizes.human(17062472));
        assertEquals("512 GiB", Sizes.human(512L << 30));
        assertEquals("8.00 EiB", Sizes.human(Long.MAX_VALUE));
    }

    @Test
    void whereTheNamesCameFromIsOneSummaryLine() {
        ReportSummary s = summary(List.of()).withNames(new NameSources(new long[] {0, 4, 179}, new long[] {0, 1100, 0}));
        assertTrue(render(false, 0, s).contains("\nHeaps:        2\n"
                + "C++ names:    1100 blocks from 183 vtables: module .symtab 0, debug file 4 (1100 blocks), .dynsym 179\n"
                + "Allocators (1):\n"), render(false, 0, s));
    }
}
