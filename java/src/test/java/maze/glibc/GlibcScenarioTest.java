package maze.glibc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import maze.cli.Main;
import maze.testing.BlockListing;
import maze.testing.BlockScore;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.GroundTruth;
import maze.testing.MallinfoCheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * glibc malloc end to end: a fixture builds a heap and writes its ground truth, gcore dumps it,
 * {@code maze blocks} lists it in-process, and the listing is scored block by block: every live
 * block found (each kind, each size), no freed block listed live, C++ type counts
 * equal, totals consistent with the fixture's mallinfo2.
 */
@Tag("scenario")
class GlibcScenarioTest {
    /** Measured in every scenario: no freed block is ever listed live. */
    static final double MAX_FALSE_LIVE = 0;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads", "exited", "kinds"})
    void blocksMatchTheGroundTruth(String scenario) throws IOException, InterruptedException {
        scoreAgainstTruth("heap_truth", scenario);
    }

    /** glibc linked into the executable: layouts from this host's libc, addresses from the executable's symbols. */
    @ParameterizedTest
    @ValueSource(strings = {"threads", "kinds"})
    void staticGlibcMatchesTheGroundTruth(String scenario) throws IOException, InterruptedException {
        scoreAgainstTruth("heap_truth_static", scenario);
    }

    private void scoreAgainstTruth(String fixture, String scenario) throws IOException, InterruptedException {
        Path exe = Fixtures.binary(fixture);
        Path truthFile = dir.resolve("truth.jsonl");
        Path listing = dir.resolve("blocks.jsonl");
        try (FixtureProcess fp = FixtureProcess.start(List.of(exe.toString(), scenario, truthFile.toString()), dir,
                FixtureProcess.defaultTimeout())) {
            runBlocks(fp.gcore(dir), listing);
        }
        GroundTruth truth = GroundTruth.read(truthFile);
        BlockListing blocks = BlockListing.read(listing);
        BlockScore.score(truth, blocks).assertPasses(MAX_FALSE_LIVE);
        int arenas = scenario.equals("threads") || scenario.equals("exited") ? 8 : 1;
        assertEquals(List.of(), MallinfoCheck.check(truth.mallinfo(), blocks, truth.threadsAlive(), arenas),
                "totals against mallinfo2 " + truth.mallinfo());
    }

    /** The demo service: its class counts and its leak, without a truth file. */
    @Test
    void demoTypesAndLeak() throws IOException, InterruptedException {
        Path exe = Fixtures.binary("demo");
        Path listing = dir.resolve("demo.jsonl");
        try (FixtureProcess fp = FixtureProcess.start(List.of(exe.toString()), dir, FixtureProcess.defaultTimeout())) {
            runBlocks(fp.gcore(dir), listing);
        }
        BlockListing blocks = BlockListing.read(listing);
        assertEquals(2000, blocks.cxxCount("demo::HttpSession"));
        assertEquals(1000, blocks.cxxCount("demo::GrpcSession"));
        assertTrue(blocks.rows() > 5000 + 15000 + 3000, "leaked buffers, requests, sessions: " + blocks.rows());
    }

    private static void runBlocks(Path core, Path listing) {
        int rc = Main.run("blocks", core.toString(), "--output", listing.toString());
        assertEquals(0, rc, "maze blocks " + core + " exit code");
    }
}
