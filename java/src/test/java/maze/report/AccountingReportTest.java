package maze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import maze.heap.MallocSpace;
import org.junit.jupiter.api.Test;

class AccountingReportTest {
    private static final MallocSpace SPACE = new MallocSpace(List.of(
            new MallocSpace.Pool("main_arena", 0x7f00, 4096000, 3000, new long[] {10, 20, 30, 40, 50}, 2800, 0, 32, 48)),
            2, 8192, 3, List.of("1 arena for 3 threads."));
    private static final MemoryAccounting ACCOUNTING = new MemoryAccounting(1000, 5, List.of(
            new MemoryAccounting.Category(MemoryAccounting.MALLOC_LIVE, "malloc live", 100),
            new MemoryAccounting.Category(MemoryAccounting.MALLOC_FREE, "malloc free and overhead", 200),
            new MemoryAccounting.Category(MemoryAccounting.OTHER_ANONYMOUS, "other anonymous", 300),
            new MemoryAccounting.Category(MemoryAccounting.THREAD_STACKS, "thread stacks", 150),
            new MemoryAccounting.Category(MemoryAccounting.FILE_BACKED, "file-backed", 250)),
            List.of(new MemoryAccounting.Mapping(0x7f2000000000L, 0x7f2000001000L, 300, "mine")),
            List.of("a note"), List.of(new MemoryAccounting.Space("glibc", SPACE)));

    private static final ReportSummary SUMMARY = new ReportSummary("glibc", "2.36", 1, 100, Map.of(), List.of(),
            List.of(), false);

    @Test
    void jsonHasTheProcessSection() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(Ranking.of(List.of(new ReportRow("malloc(100)", 1, 100)), 0), SUMMARY, ACCOUNTING, out);
        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("items", "other", "summary", "process", "warnings"), keys);
        JsonNode p = root.path("process");
        assertEquals(1000, p.path("mapped_bytes").asLong());
        assertEquals(300, p.path("categories").path("other_anonymous").asLong());
        assertEquals("0x7f2000000000", p.path("biggest_other_anonymous").get(0).path("start").asText());
        JsonNode pool = p.path("malloc_space").get(0).path("pools").get(0);
        assertEquals(3000, pool.path("free_bytes").asLong());
        assertEquals(50, pool.path("binned_by_size").path(">=64K").asLong());
        assertEquals(48, pool.path("tcache_bytes").asLong());
        assertEquals(2, p.path("malloc_space").get(0).path("mmapped_blocks").asLong());
    }

    @Test
    void textShowsCategoriesPoolsAndAdvice() {
        StringWriter s = new StringWriter();
        new TextReport(false).write(Ranking.of(List.of(new ReportRow("malloc(100)", 1, 100)), 0), SUMMARY, ACCOUNTING,
                new PrintWriter(s));
        String text = s.toString();
        assertTrue(text.contains("Process memory: 1000 bytes (1000 B) in the core's 5 segments"), text);
        assertTrue(text.contains("  malloc free and overhead  200 (200 B)"), text);
        assertTrue(text.contains("  0x7f2000000000-0x7f2000001000  300  mine"), text);
        assertTrue(text.contains("  4096000  3000  2800          0        32      48         10          20         30          40           50  main_arena"), text);
        assertTrue(text.contains("  - 1 arena for 3 threads."), text);
        assertTrue(text.indexOf("Process memory") < text.indexOf("Live blocks:"), "the summary with its warnings comes last");
    }
}
