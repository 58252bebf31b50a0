package maze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import maze.classify.NameSources;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private static final List<ReportRow> ROWS = List.of(
            new ReportRow("malloc(24)", 80000, 1920000),
            new ReportRow("C++ foo::Bar<int>", 80000, 2560000),
            new ReportRow("C++ \"quoted\"\\", 1, 16));

    private static JsonNode render(int top) throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("arenas", 3);
        facts.put("mmapped_chunks", List.of(1, 2));
        ReportSummary s = new ReportSummary("glibc", "2.36", 160001, 4480016, facts, List.of(), List.of("cycle in fastbin 3"), true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(Ranking.of(ROWS, top), s, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void itemsSummaryAndWarningsParseBack() throws Exception {
        JsonNode root = render(0);
        assertEquals(List.of("items", "other", "summary", "warnings"), fieldNames(root));
        JsonNode items = root.get("items");
        assertEquals(3, items.size());
        JsonNode first = items.get(0);
        assertEquals(List.of("order", "amount", "total_size", "avg_size", "type"), fieldNames(first));
        assertEquals(1, first.get("order").asInt());
        assertEquals(80000, first.get("amount").asLong());
        assertEquals(2560000, first.get("total_size").asLong());
        assertEquals(32, first.get("avg_size").asLong());
        assertEquals("C++ foo::Bar<int>", first.get("type").asText());
        assertEquals("C++ \"quoted\"\\", items.get(2).get("type").asText());
        assertTrue(root.get("other").isNull());

        JsonNode summary = root.get("summary");
        assertEquals("glibc", summary.get("allocator").asText());
        assertEquals("2.36", summary.get("version").asText());
        assertEquals(160001, summary.get("live_blocks").asLong());
        assertEquals(4480016, summary.get("live_bytes").asLong());
        assertEquals(3, summary.get("types").asInt());
        assertEquals(3, summary.get("facts").get("arenas").asInt());
        assertEquals(2, summary.get("facts").get("mmapped_chunks").size());
        assertEquals("cycle in fastbin 3", root.get("warnings").get(0).asText());
    }

    @Test
    void aCutReportCarriesTheRemainder() throws Exception {
        JsonNode root = render(1);
        assertEquals(1, root.get("items").size());
        JsonNode other = root.get("other");
        assertEquals(2, other.get("types").asInt());
        assertEquals(80001, other.get("amount").asLong());
        assertEquals(1920016, other.get("total_size").asLong());
        assertEquals(24, other.get("avg_size").asLong());
        assertEquals(3, root.get("summary").get("types").asInt());
    }

    @Test
    void typeNamesSayWhereTheNamesCameFromOrNullWhenUnknown() throws Exception {
        assertTrue(render(0).get("summary").get("type_names").isNull());
        ReportSummary s = new ReportSummary("glibc", "2.36", 5, 120, Map.of(), List.of(), List.of(), false)
                .withNames(new NameSources(new long[] {4, 2, 179}, new long[] {3, 2, 0}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(Ranking.of(ROWS, 0), s, out);
        JsonNode names = new ObjectMapper().readTree(out.toByteArray()).get("summary").get("type_names");
        assertEquals(List.of("vtables", "blocks"), fieldNames(names));
        assertEquals(List.of("module_symtab", "debug_file", "dynsym"), fieldNames(names.get("vtables")));
        assertEquals(179, names.get("vtables").get("dynsym").asLong());
        assertEquals(2, names.get("blocks").get("debug_file").asLong());
        assertEquals(3, names.get("blocks").get("module_symtab").asLong());
    }
}
