package maze.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.testing.PreloadLibraries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak sets over other allocators: reach_truth LD_PRELOADed, every block scored. (jemalloc is
 * not here: its thread cache is a block whose stale slots point at live blocks; docs/leaks.md.)
 */
@Tag("scenario")
class ReachPreloadedTest {
    @TempDir
    Path dir;

    @Test
    void debiansTcmalloc() throws Exception {
        score(PreloadLibraries.debianTcmalloc());
    }

    @Test
    void mimalloc2() throws Exception {
        score(PreloadLibraries.mimalloc2());
    }

    private void score(Path lib) throws Exception {
        ReachTruth reach = ReachTruth.take(dir.resolve("run"), Map.of("LD_PRELOAD", lib.toString()));
        assertEquals(List.of(), reach.wrongSets(reach.listing(dir.resolve("sets.jsonl"))), lib.toString());
        assertEquals(Map.of("anchored", 54, "leaked", 33, "unreferenced", 23), reach.perSet());
    }
}
