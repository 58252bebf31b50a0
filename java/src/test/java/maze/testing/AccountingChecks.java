package maze.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import maze.heap.Coverage;
import maze.heap.MallocSpace;
import maze.report.MemoryAccounting;

/** The checks every allocator's process accounting must pass on a preloaded scenario. */
public final class AccountingChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccountingChecks() {
    }

    /**
     * The categories add up to the core's PT_LOAD total read independently, and malloc live is
     * the live bytes {@code allocator}'s walk gave (the only allocator with live blocks); gives them.
     */
    public static long assertLiveAndTotal(PreloadedScenario r, String allocator) {
        MemoryAccounting a = r.result().accounting();
        long sum = a.categories().stream().mapToLong(MemoryAccounting.Category::bytes).sum();
        assertEquals(r.coreLoadBytes(), a.mappedBytes(), "total: the core's PT_LOAD p_memsz sum");
        assertEquals(r.coreLoadBytes(), sum, "the categories add up to the core's total: " + a.categories());
        long live = r.result().summary().coverage().stream().filter(c -> c.allocator().equals(allocator))
                .mapToLong(Coverage::bytes).sum();
        assertTrue(live > 0, allocator + " has live bytes: " + r.result().summary().coverage());
        assertEquals(live, a.bytes(MemoryAccounting.MALLOC_LIVE), "malloc live is the walker's live bytes");
        return live;
    }

    /** {@code allocator}'s free space, which it must have. */
    public static MallocSpace space(MemoryAccounting a, String allocator) {
        return a.mallocSpaces().stream().filter(s -> s.allocator().equals(allocator)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + allocator + " space in " + a.mallocSpaces())).space();
    }

    /** The walk's facts of {@code allocator} (nested under its name when several allocators were walked). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> facts(PreloadedScenario r, String allocator) {
        Map<String, Object> facts = r.result().summary().facts();
        Object nested = facts.get(allocator);
        return nested instanceof Map<?, ?> m ? (Map<String, Object>) m : facts;
    }

    /**
     * Before the split an allocator's memory was among the biggest other anonymous mappings, whole:
     * now no mapping that is wholly other anonymous holds a live block of the listing.
     */
    public static void assertNoLiveBlockInOtherAnonymous(Path listing, MemoryAccounting a) throws IOException {
        List<String> wrong = new ArrayList<>();
        long blocks = 0;
        for (String line : Files.readAllLines(listing)) {
            long address = Long.parseUnsignedLong(JSON.readTree(line).path("address").asText().substring(2), 16);
            blocks++;
            for (MemoryAccounting.Mapping m : a.biggestOther()) {
                if (m.bytes() == m.end() - m.start() && Long.compareUnsigned(address, m.start()) >= 0
                        && Long.compareUnsigned(address, m.end()) < 0) {
                    wrong.add(String.format("0x%x in 0x%x-0x%x (%s)", address, m.start(), m.end(), m.what()));
                }
            }
        }
        assertTrue(blocks > 0, "the listing has blocks");
        assertEquals(List.of(), wrong.stream().limit(5).toList(), "live blocks inside other anonymous mappings");
    }
}
