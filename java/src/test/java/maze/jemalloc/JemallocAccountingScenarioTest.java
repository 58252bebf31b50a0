package maze.jemalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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
 * The process accounting with jemalloc preloaded: its extents are malloc memory, not other
 * anonymous; the categories add up to the core's PT_LOAD total read independently; with decay
 * off (MALLOC_CONF dirty_decay_ms:0,muzzy_decay_ms:0) the dirty and muzzy extents all but vanish:
 * measured 0 to 3.8% of the default's 270-300 MB (a free purges at once only when it gets the
 * decay lock, and 8 threads free at once), so the bound is a tenth.
 */
@Tag("scenario")
class JemallocAccountingScenarioTest {
    private static final String NO_DECAY = "dirty_decay_ms:0,muzzy_decay_ms:0";

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> threads() throws IOException {
        return MimallocBuilds.index("jemalloc-index.tsv", "tests/provision/jemalloc.sh").stream().map(b ->
                DynamicTest.dynamicTest(b.name() + " threads, default and " + NO_DECAY, () -> withAndWithoutDecay(b)));
    }

    private static void withAndWithoutDecay(MimallocBuilds.Build b) throws Exception {
        long decayed = check(b, null);
        long undecayed = check(b, NO_DECAY);
        assertTrue(decayed > 0, "the default decay leaves dirty extents after the fixture's frees");
        assertTrue(undecayed * 10 < decayed, "decay off leaves " + undecayed + " bytes dirty or muzzy, the default "
                + decayed);
    }

    /** Gives the bytes of dirty and muzzy extents. */
    private static long check(MimallocBuilds.Build b, String conf) throws Exception {
        Map<String, String> env = conf == null ? Map.of("LD_PRELOAD", b.path().toString())
                : Map.of("LD_PRELOAD", b.path().toString(), "MALLOC_CONF", conf);
        PreloadedScenario r = PreloadedScenario.run(dir.resolve(b.name() + (conf == null ? "" : "-nodecay")),
                Fixtures.binary("heap_truth"), "threads", env);
        MemoryAccounting a = r.result().accounting();
        long live = AccountingChecks.assertLiveAndTotal(r, "jemalloc");
        MallocSpace space = AccountingChecks.space(a, "jemalloc");
        Map<String, Object> facts = AccountingChecks.facts(r, "jemalloc");
        long owned = live + a.bytes(MemoryAccounting.MALLOC_FREE);
        assertEquals(space.systemBytes(), owned, "every byte of the extents counted once, all in the core");
        assertTrue(space.free() <= owned - live, "free within free and overhead");
        long unused = space.pools().stream().mapToLong(MallocSpace.Pool::top).sum();
        assertEquals(number(facts, "dirty extent bytes") + number(facts, "muzzy extent bytes"), unused);
        long cached = space.pools().stream().mapToLong(MallocSpace.Pool::tcache).sum();
        assertTrue(cached > 0 && cached <= number(facts, "tcache bytes"), "thread caches: " + cached + " " + facts);
        assertTrue(space.pools().size() <= number(facts, "arenas"), "pools are arenas: " + space.pools().size());
        AccountingChecks.assertNoLiveBlockInOtherAnonymous(r.listing(), a);
        System.out.printf("%s %s: arenas %d, owned %d, live %d, free %d (dirty+muzzy %d, tcache %d, retained %s),"
                + " other anonymous %d%n", b.name(), conf, space.pools().size(), owned, live, space.free(), unused, cached,
                facts.get("retained extent bytes"), a.bytes(MemoryAccounting.OTHER_ANONYMOUS));
        return unused;
    }

    private static long number(Map<String, Object> facts, String key) {
        if (!(facts.get(key) instanceof Number n)) {
            throw new AssertionError("no fact " + key + " in " + facts);
        }
        return n.longValue();
    }
}
