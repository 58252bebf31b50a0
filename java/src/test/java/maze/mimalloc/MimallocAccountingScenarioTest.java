package maze.mimalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import maze.heap.MallocSpace;
import maze.report.MemoryAccounting;
import maze.testing.Fixtures;
import maze.testing.MimallocBuilds;
import maze.testing.PreloadedScenario;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process accounting with mimalloc preloaded (one build per generation and page-finding
 * path): its segments or pages are malloc memory, not other anonymous; the categories add up to
 * the core's PT_LOAD total read independently; each pool's figures add up.
 */
@Tag("scenario")
class MimallocAccountingScenarioTest {
    private static final Path PROJECT = Path.of(System.getProperty("maze.project.dir", ".")).toAbsolutePath();
    private static final List<String> TAGS = List.of("1.6.7", "2.2.7", "3.1.6", "3.4.3");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> threads() throws IOException {
        List<MimallocBuilds.Build> builds = new ArrayList<>(MimallocBuilds.reference(PROJECT).stream()
                .filter(b -> TAGS.contains(b.version())).toList());
        MimallocBuilds.all().stream().filter(b -> b.version().startsWith("3.6")).limit(1).forEach(builds::add);
        return builds.stream().map(b -> DynamicTest.dynamicTest(b.name() + " threads", () -> check(b)));
    }

    private static void check(MimallocBuilds.Build b) throws Exception {
        PreloadedScenario r = PreloadedScenario.run(dir.resolve(b.name()), Fixtures.binary("heap_truth"), "threads",
                Map.of("LD_PRELOAD", b.path().toString()));
        MemoryAccounting a = r.result().accounting();
        long sum = a.categories().stream().mapToLong(MemoryAccounting.Category::bytes).sum();
        assertEquals(r.coreLoadBytes(), a.mappedBytes(), "total: the core's PT_LOAD p_memsz sum");
        assertEquals(r.coreLoadBytes(), sum, "the categories add up to the core's total: " + a.categories());
        long live = ((Number) facts(r).get("live_bytes")).longValue();
        assertEquals(live, a.bytes(MemoryAccounting.MALLOC_LIVE), "malloc live is the walker's live bytes");
        MallocSpace space = a.mallocSpaces().stream().filter(s -> s.allocator().equals("mimalloc")).findFirst()
                .orElseThrow(() -> new AssertionError("no mimalloc space in " + a.mallocSpaces())).space();
        long owned = live + a.bytes(MemoryAccounting.MALLOC_FREE);
        assertEquals(space.systemBytes(), owned, "every byte of the pools counted once, all in the core");
        assertTrue(space.free() > 0 && space.free() < owned - live + 1, "free within free and overhead: " + space.free());
        for (MallocSpace.Pool p : space.pools()) {
            assertEquals(p.binned() + p.top(), p.free(), p.name() + ": free = free blocks + uncarved");
            assertTrue(p.free() <= p.systemBytes(), p.name() + ": more free than it holds");
        }
        assertNoLiveBlockInOtherAnonymous(r.listing(), a);
        System.out.printf("%s: pools %d, owned %d, live %d, free %d, other anonymous %d%n", b.name(),
                space.pools().size(), owned, live, space.free(), a.bytes(MemoryAccounting.OTHER_ANONYMOUS));
    }

    /**
     * Before the split mimalloc's segments were the biggest other anonymous mappings, whole: now
     * no mapping that is wholly other anonymous holds a live block.
     */
    private static void assertNoLiveBlockInOtherAnonymous(Path listing, MemoryAccounting a) throws IOException {
        List<String> wrong = new ArrayList<>();
        long blocks = 0;
        for (String line : Files.readAllLines(listing)) {
            long address = Long.parseUnsignedLong(JSON.readTree(line).path("address").asText().substring(2), 16);
            blocks++;
            for (MemoryAccounting.Mapping m : a.biggestOther()) {
                if (m.bytes() == m.end() - m.start() && Long.compareUnsigned(address, m.start()) >= 0 && Long.compareUnsigned(address, m.end()) < 0) {
                    wrong.add(String.format("0x%x in 0x%x-0x%x (%s)", address, m.start(), m.end(), m.what()));
                }
            }
        }
        assertTrue(blocks > 0, "the listing has blocks");
        assertEquals(List.of(), wrong.stream().limit(5).toList(), "live blocks inside other anonymous mappings");
    }

    private static Map<?, ?> facts(PreloadedScenario r) {
        return SupportMatrix.mimallocFacts(r.result().summary().facts());
    }
}
