package maze.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import maze.classify.TypeKeys;
import maze.classify.TypeNames;
import org.junit.jupiter.api.Test;

class BlockListingWriterTest {
    private static final TypeNames NAMES = new TypeNames(List.of("foo::Bar<int>", "Odd\"\\\u0001ü"));

    private static String list(ListingFilter filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BlockListingWriter w = new BlockListingWriter(out, NAMES, filter);
        w.block(0x55d0c0a012a0L, 24, 0, TypeKeys.ofSize(24));
        w.block(0x55d0c0a012c0L, 40, 0, TypeKeys.ofClass(0));
        w.block(0x7f3a10000010L, 4194288, 2, TypeKeys.ofSize(4194288));
        w.block(0x7f3a10400010L, 16, 0, TypeKeys.ofClass(1));
        w.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyBlockIsOneJsonLineInArrivalOrder() {
        assertEquals("{\"address\":\"0x55d0c0a012a0\",\"size\":24,\"type\":\"malloc(24)\"}\n"
                + "{\"address\":\"0x55d0c0a012c0\",\"size\":40,\"type\":\"C++ foo::Bar<int>\"}\n"
                + "{\"address\":\"0x7f3a10000010\",\"size\":4194288,\"type\":\"malloc(4194288)\"}\n"
                + "{\"address\":\"0x7f3a10400010\",\"size\":16,\"type\":\"C++ Odd\\\"\\\\\\u0001ü\"}\n",
                list(ListingFilter.ALL));
    }

    @Test
    void aPatternKeepsItsSizeAndFiltersByItsName() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BlockListingWriter w = new BlockListingWriter(out, NAMES, new ListingFilter("std::list node (malloc(24))", 0));
        w.block(0x1000, 24, 0, TypeKeys.ofSize(24));
        w.block(0x1020, 24, 0, TypeKeys.ofPattern(maze.classify.ContainerPattern.LIST_NODE, 24));
        w.block(0x1040, 4096, 0, TypeKeys.ofPattern(maze.classify.ContainerPattern.VECTOR_BODY, 4096));
        w.flush();
        assertEquals("{\"address\":\"0x1020\",\"size\":24,\"type\":\"std::list node (malloc(24))\"}\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void linesParseAsJsonWithTheExactNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String[] lines = list(ListingFilter.ALL).split("\n");
        JsonNode odd = json.readTree(lines[3]);
        assertEquals("C++ Odd\"\\\u0001ü", odd.get("type").asText());
        assertEquals(0x7f3a10400010L, Long.decode(odd.get("address").asText()));
    }

    @Test
    void typeAndMinSizeFiltersKeepOnlyMatchingBlocks() {
        assertEquals("{\"address\":\"0x55d0c0a012c0\",\"size\":40,\"type\":\"C++ foo::Bar<int>\"}\n",
                list(new ListingFilter("C++ foo::Bar<int>", 0)));
        assertEquals("{\"address\":\"0x55d0c0a012a0\",\"size\":24,\"type\":\"malloc(24)\"}\n",
                list(new ListingFilter("malloc(24)", 0)));
        String big = list(new ListingFilter(null, 40));
        assertEquals(2, big.lines().count());
        assertTrue(big.contains("0x55d0c0a012c0") && big.contains("0x7f3a10000010"), big);
        assertEquals("", list(new ListingFilter("malloc(24)", 25)));
    }

    @Test
    void anUnknownTypeMatchesNothingAndSaysSo() {
        BlockListingWriter w = new BlockListingWriter(new ByteArrayOutputStream(), NAMES,
                new ListingFilter("C++ Nope", 0));
        assertFalse(w.typeFilterKnown());
        assertEquals("", list(new ListingFilter("C++ Nope", 0)));
        assertTrue(new BlockListingWriter(new ByteArrayOutputStream(), NAMES, ListingFilter.ALL).typeFilterKnown());
    }

    @Test
    void extremeNumbersAndLongNamesSurviveTheBuffer() {
        String longName = "N".repeat(200_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BlockListingWriter w = new BlockListingWriter(out, new TypeNames(List.of(longName)), ListingFilter.ALL);
        for (int i = 0; i < 5000; i++) {
            w.block(0, 0, 0, TypeKeys.ofSize(0));
        }
        w.block(-1L, Long.MAX_VALUE, 0, TypeKeys.ofClass(0));
        w.block(0xf, 9, 0, TypeKeys.ofSize(9));
        w.flush();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(5002, lines.length);
        assertEquals(5002, w.written());
        assertEquals("{\"address\":\"0x0\",\"size\":0,\"type\":\"malloc(0)\"}", lines[0]);
        assertEquals("{\"address\":\"0xffffffffffffffff\",\"size\":9223372036854775807,\"type\":\"C++ "
                + longName + "\"}", lines[5000]);
        assertEquals("{\"address\":\"0xf\",\"size\":9,\"type\":\"malloc(9)\"}", lines[5001]);
    }
}
