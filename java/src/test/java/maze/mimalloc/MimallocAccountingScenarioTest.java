package maze.mimalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import maze.heap.MallocSpace;
import maze.report.MemoryAccounting;
import maze.testing.AccountingChecks;
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
    private static final List<String> VERSIONS = List.of("1.6.7", "2.2.7", "3.1.6", "3.4.3");

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> threads() throws IOException {
        List<MimallocBuilds.Build> builds = new ArrayList<>(MimallocBuilds.reference(PROJECT).stream()
                .filter(b -> VERSIONS.contains(b.version())).toList());
        MimallocBuilds.all().stream().filter(b -> b.version().startsWith("3.6")).limit(1).forEach(builds::add);
        return builds.stream().map(b -> DynamicTest.dynamicTest(b.name() + " threads", () -> check(b)));
    }

    private static void check(MimallocBuilds.Build b) throws Exception {
        PreloadedScenario r = PreloadedScenario.run(dir.resolve(b.name()), Fixtures.binary("heap_truth"), "threads",
                Map.of("LD_PRELOAD", b.path().toString()));
        MemoryAccounting a = r.result().accounting();
        long live = AccountingChecks.assertLiveAndTotal(r, "mimalloc");
        MallocSpace space = AccountingChecks.space(a, "mimalloc");
        long owned = live + a.bytes(MemoryAccounting.MALLOC_FREE);
        assertEquals(space.systemBytes(), owned, "every byte of the pools counted once, all in the core");
        assertTrue(space.free() > 0 && space.free() <= owned - live, "free within free and overhead: " + space.free());
        for (MallocSpace.Pool p : space.pools()) {
            assertEquals(p.binned() + p.top(), p.free(), p.name() + ": free = free blocks + uncarved");
            assertTrue(p.free() <= p.systemBytes(), p.name() + ": more free than it holds");
        }
        AccountingChecks.assertNoLiveBlockInOtherAnonymous(r.listing(), a);
        System.out.printf("%s: pools %d, owned %d, live %d, free %d, other anonymous %d%n", b.name(),
                space.pools().size(), owned, live, space.free(), a.bytes(MemoryAccounting.OTHER_ANONYMOUS));
    }
}
