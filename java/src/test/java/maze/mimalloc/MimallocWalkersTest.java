package maze.mimalloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import maze.testing.BlockListing;
import maze.testing.BlockScore;
import maze.testing.CliRun;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.GroundTruth;
import maze.testing.PreloadLibraries;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walking mimalloc's segments (2.x) or pages (3.x) on four threads lists what one thread lists:
 * heap_truth threads LD_PRELOADed with each provisioned 2.x and 3.x build, one core, `maze blocks`
 * with -Dmaze.mimalloc.walkers=1 and =4: the same bytes on stdout, the same warnings and summary
 * on stderr, the same exit code; the listing spans several 32 MiB runs (so four walkers did split
 * it) and is scored per block against the fixture's truth.
 */
@Tag("gcore")
@Tag("scenario")
class MimallocWalkersTest {
    private static final String PROPERTY = "maze.mimalloc.walkers";
    /** Runs of 32 MiB of address space (a 2.x segment) the listing must touch for four walkers to matter. */
    private static final int MIN_RUNS = 3;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> oneWalkerAndFourListTheSameBlocks() throws IOException {
        List<Path> libs = new ArrayList<>();
        libs.add(PreloadLibraries.mimalloc2());
        libs.addAll(PreloadLibraries.mimalloc3());
        return libs.stream().map(lib -> DynamicTest.dynamicTest(lib.getFileName().toString(), () -> run(lib)));
    }

    private static void run(Path lib) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve(lib.getParent().getFileName() + "-" + lib.getFileName()));
        Path truth = work.resolve("truth.jsonl");
        Path core;
        List<String> command = List.of(Fixtures.binary("heap_truth").toString(), "threads", truth.toString());
        try (FixtureProcess fp = FixtureProcess.start(command, work, FixtureProcess.defaultTimeout(),
                Map.of("LD_PRELOAD", lib.toString()))) {
            core = fp.gcore(work);
        }
        Path one = work.resolve("walkers-1.jsonl");
        Path four = work.resolve("walkers-4.jsonl");
        CliRun byOne;
        CliRun byFour;
        try {
            byOne = blocks(core, one, 1);
            byFour = blocks(core, four, 4);
        } finally {
            Files.delete(core);
        }
        assertEquals(0, byOne.exit(), byOne.err());
        assertEquals(byOne.exit(), byFour.exit());
        assertEquals(byOne.err(), byFour.err());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four), "listings differ: " + one + " " + four);
        long runs = Files.readAllLines(four).stream().map(l -> l.substring(l.indexOf("0x") + 2, l.indexOf("\",")))
                .mapToLong(a -> Long.parseUnsignedLong(a, 16) >>> 25).distinct().count();
        assertTrue(runs >= MIN_RUNS, "blocks in " + runs + " runs of 32 MiB");
        BlockScore score = BlockScore.score(GroundTruth.read(truth), BlockListing.read(four));
        score.assertPasses(0);
        System.out.printf("%s: the same listing with 1 and 4 walkers, blocks in %d runs of 32 MiB; %s; %s%n", lib, runs,
                score.summary(), byFour.err().strip());
    }

    private static CliRun blocks(Path core, Path out, int walkers) {
        System.setProperty(PROPERTY, Integer.toString(walkers));
        try {
            return CliRun.maze("blocks", "--no-progress", core.toString(), "-o", out.toString());
        } finally {
            System.clearProperty(PROPERTY);
        }
    }
}
