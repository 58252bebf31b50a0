package maze.heap.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import maze.app.Analysis;
import maze.app.AnalysisRequest;
import maze.app.AnalysisResult;
import maze.heap.Coverage;
import maze.report.BlockListingWriter;
import maze.report.ListingFilter;
import maze.testing.BlockListing;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The allocator contract from outside: a plugin that only this folder and a services line add is
 * detected, walked beside glibc, merged into one address-ordered listing, and in the coverage.
 */
@Tag("scenario")
class FakeAllocatorTest {
    @TempDir
    Path dir;

    @Test
    void aThirdAllocatorNeedsOnlyItsFolderAndAServicesLine() throws Exception {
        Path core;
        try (FixtureProcess fp = FixtureProcess.start(List.of(Fixtures.binary("info_fixture").toString()), dir,
                FixtureProcess.defaultTimeout())) {
            core = fp.gcore(dir);
        }
        // below, between and above glibc's heap: the merge must interleave them
        long[] fake = {0x1000, 0x2000, 0x7ff000000000L};
        Path listing = dir.resolve("blocks.jsonl");
        AnalysisResult r;
        FakePlugin.blocks = fake;
        try (Analysis a = Analysis.open(new AnalysisRequest(core, null, null, List.of(), false));
             var out = Files.newOutputStream(listing)) {
            BlockListingWriter[] w = new BlockListingWriter[1];
            r = a.run(names -> w[0] = new BlockListingWriter(out, names, new ListingFilter(null, 0)));
            w[0].flush();
        } finally {
            FakePlugin.blocks = null;
        }
        Coverage c = r.summary().coverage().stream().filter(x -> x.allocator().equals("fake")).findFirst().orElseThrow();
        assertTrue(c.walked(), c.describe());
        assertEquals(3, c.blocks());
        Coverage glibc = r.summary().coverage().stream().filter(x -> x.allocator().equals("glibc")).findFirst()
                .orElseThrow();
        assertTrue(glibc.walked() && glibc.blocks() > 0, glibc.describe());
        BlockListing blocks = BlockListing.read(listing);
        assertEquals(c.blocks() + glibc.blocks(), blocks.rows());
        assertEquals(r.summary().liveBlocks(), blocks.rows());
        assertEquals(Map.of("fake_blocks", 3), ((Map<?, ?>) r.summary().facts().get("fake")));
    }
}
