package maze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import maze.heap.MallocSpace;
import org.junit.jupiter.api.Test;

/** An allocator with many pools (mimalloc: one per segment) and its own words for free and top. */
class AccountingPoolsTextTest {
    private static final int POOLS = 20;

    private static MemoryAccounting accounting() {
        List<MallocSpace.Pool> pools = new ArrayList<>();
        for (int i = 0; i < POOLS; i++) { // pool i has 100 * (i + 1) free bytes
            pools.add(new MallocSpace.Pool("segment " + i, 0x1000L * i, 4096, 100L * (i + 1),
                    new long[] {0, 0, 0, 0, 50L * (i + 1)}, 50L * (i + 1), 0, 0, 0));
        }
        MallocSpace space = new MallocSpace(pools, 0, 0, 2, List.of(), "free = free blocks + uncarved", "Uncarved");
        return new MemoryAccounting(POOLS * 4096L, 1, List.of(), List.of(), List.of(),
                List.of(new MemoryAccounting.Space("mimalloc", space)));
    }

    @Test
    void textShowsTheSixteenPoolsWithTheMostFreeAndSumsTheRest() {
        StringWriter s = new StringWriter();
        new AccountingText(false).write(accounting(), new PrintWriter(s));
        String text = s.toString();
        assertTrue(text.contains("Where mimalloc's own memory went (free = free blocks + uncarved):"), text);
        assertTrue(text.contains("Uncarved"), text);
        assertTrue(!text.contains(" Top "), text);
        for (int i = 0; i < POOLS; i++) {
            assertEquals(i >= 4, text.contains("segment " + i + "\n"), "segment " + i + " shown: " + text);
        }
        // the four with least free: 100 + 200 + 300 + 400
        assertTrue(text.contains("  ... 4 more pools with 1000 free bytes (the JSON lists every pool)"), text);
    }

    @Test
    void jsonListsEveryPoolAndWhatFreeIs() throws Exception {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(s)) {
            g.writeStartObject();
            AccountingJson.write(accounting(), g);
            g.writeEndObject();
        }
        JsonNode space = new ObjectMapper().readTree(s.toString()).path("process").path("malloc_space").get(0);
        assertEquals(POOLS, space.path("pools").size());
        assertEquals("free = free blocks + uncarved", space.path("free_is").asText());
        assertEquals(100L * POOLS * (POOLS + 1) / 2, space.path("free_bytes").asLong());
    }
}
