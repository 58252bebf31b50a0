package maze.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import maze.app.Analysis;
import maze.app.AnalysisRequest;
import maze.app.References;
import maze.cli.ExitCode;
import maze.core.Segment;
import maze.heap.OwnedMemory;
import maze.testing.CliRun;
import maze.testing.PreloadLibraries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak sets over other allocators: reach_truth LD_PRELOADed, every block scored. jemalloc's
 * thread caches' stacks (a block whose stale slots point at blocks handed out since) and its base
 * blocks are its own metadata, left out of the graph (docs/leaks.md).
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

    @Test
    void debiansJemalloc() throws Exception {
        score(PreloadLibraries.jemalloc("debian-stripped"));
    }

    @Test
    void jemallocWithDwarf() throws Exception {
        score(PreloadLibraries.jemalloc("debian-rebuild"));
    }

    /**
     * With metadata_thp:always jemalloc madvises its base blocks for huge pages, so they are mappings
     * of their own, without blocks: were they scanned as anonymous roots, the leaked large block's
     * extent header (its e_addr) would anchor it.
     */
    @Test
    void jemallocsBaseBlocksAreNoRoots() throws Exception {
        Path lib = PreloadLibraries.jemalloc("debian-stripped");
        ReachTruth reach = ReachTruth.take(dir.resolve("run"),
                Map.of("LD_PRELOAD", lib.toString(), "MALLOC_CONF", "metadata_thp:always"), List.of("large"));
        TreeMap<Long, String[]> blocks = reach.listing(dir.resolve("sets.jsonl"));
        assertEquals(List.of(), reach.wrongSets(blocks));
        assertEquals(Map.of("anchored", 54, "leaked", 33, "unreferenced", 24), reach.perSet());
        assertTrue(baseBlockInAMappingOfItsOwn(reach.core, blocks), "no base block lies in a mapping without blocks:"
                + " the case this test is for did not arise");
        refsSaysAStacksBlockIsJemallocsOwn(reach.core);
    }

    /** Two threads, two tcaches: their stacks blocks are set apart, and maze refs inside one says so. */
    private static void refsSaysAStacksBlockIsJemallocsOwn(Path core) throws Exception {
        long start;
        try (References refs = References.build(new AnalysisRequest(core, null, null, List.of(), false))) {
            BlockTable b = refs.graph().blocks();
            assertEquals(2, b.metadataCount());
            assertEquals(2 * 28672, b.metadataBytes());
            start = b.metadataStart(1);
        }
        CliRun r = CliRun.maze("refs", core.toString(), String.format("0x%x", start + 0x40));
        assertEquals(ExitCode.USAGE.code, r.exit(), r.err());
        assertTrue(r.err().contains(String.format("0x%x lies in the allocator's own metadata, the block 0x%x (28672 bytes)",
                start + 0x40, start)), r.err());
    }

    /** Some jemalloc base block lies in a core segment that holds no live block. */
    private static boolean baseBlockInAMappingOfItsOwn(Path core, TreeMap<Long, String[]> blocks) throws Exception {
        try (Analysis a = Analysis.open(new AnalysisRequest(core, null, null, List.of(), false))) {
            List<OwnedMemory.Range> base = a.run(names -> null).allocatorMetadata();
            assertFalse(base.isEmpty(), "jemalloc named no base block");
            for (Segment s : a.core().segments()) {
                Long first = blocks.ceilingKey(s.vaddr());
                boolean empty = first == null || first >= s.end();
                if (empty && s.writable() && base.stream().anyMatch(r -> s.contains(r.start()))) {
                    return true;
                }
            }
            return false;
        }
    }

    private void score(Path lib) throws Exception {
        ReachTruth reach = ReachTruth.take(dir.resolve("run"), Map.of("LD_PRELOAD", lib.toString()));
        assertEquals(List.of(), reach.wrongSets(reach.listing(dir.resolve("sets.jsonl"))), lib.toString());
        assertEquals(Map.of("anchored", 54, "leaked", 33, "unreferenced", 23), reach.perSet());
    }
}
