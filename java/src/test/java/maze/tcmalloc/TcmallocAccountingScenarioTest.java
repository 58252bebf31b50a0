package maze.tcmalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import maze.heap.MallocSpace;
import maze.report.MemoryAccounting;
import maze.testing.AccountingChecks;
import maze.testing.MimallocBuilds;
import maze.testing.PreloadedScenario;
import maze.testing.TcmallocBuilds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process accounting with tcmalloc preloaded: its spans are malloc memory, not other
 * anonymous; the free spans' bytes equal the page heap's own stats (free_bytes, unmapped_bytes);
 * the categories add up to the core's PT_LOAD total read independently.
 */
@Tag("scenario")
class TcmallocAccountingScenarioTest {
    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> threads() throws IOException {
        return TcmallocBuilds.all().stream().map(b -> DynamicTest.dynamicTest(b.name() + " threads", () -> check(b)));
    }

    private static void check(MimallocBuilds.Build b) throws Exception {
        PreloadedScenario r = PreloadedScenario.run(dir.resolve(b.name()), "threads", TcmallocScenarioTest.preload(b));
        MemoryAccounting a = r.result().accounting();
        Map<String, Object> facts = AccountingChecks.facts(r, "tcmalloc");
        MallocSpace space = AccountingChecks.space(a, "tcmalloc");
        long live = AccountingChecks.assertLiveAndTotal(r, "tcmalloc");
        MallocSpace.Pool heap = space.pools().get(0);
        long unmapped = number(facts, "page heap unmapped bytes");
        assertEquals(number(facts, "page heap free bytes"), heap.top(), "free spans against the page heap's free_bytes");
        assertEquals(unmapped, number(facts, "returned span bytes"), "returned spans against its unmapped_bytes");
        assertEquals(number(facts, "page heap bytes") - unmapped, heap.systemBytes(), "spans resident: system - unmapped");
        long owned = live + a.bytes(MemoryAccounting.MALLOC_FREE);
        assertEquals(heap.systemBytes(), owned, "every byte of the spans counted once, all in the core");
        assertEquals(heap.top() + heap.binned(), heap.free(), "free = free spans + free objects");
        assertTrue(heap.tcache() > 0 && heap.tcache() + heap.fastbins() <= heap.binned(),
                "thread and transfer caches inside the free objects: " + heap);
        assertTrue(heap.free() <= owned - live, "free within free and overhead");
        AccountingChecks.assertNoLiveBlockInOtherAnonymous(r.listing(), a);
        System.out.printf("%s: owned %d, live %d, free %d (spans %d, objects %d, thread caches %d), other anonymous %d%n",
                b.name(), owned, live, heap.free(), heap.top(), heap.binned(), heap.tcache(),
                a.bytes(MemoryAccounting.OTHER_ANONYMOUS));
    }

    private static long number(Map<String, Object> facts, String key) {
        Object v = facts.get(key);
        if (!(v instanceof Number n)) {
            throw new AssertionError("no fact " + key + " in " + facts);
        }
        return n.longValue();
    }
}
