package maze.mimalloc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import maze.app.Analysis;
import maze.app.AnalysisRequest;
import maze.app.AnalysisResult;
import maze.report.BlockListingWriter;
import maze.report.ListingFilter;
import maze.testing.BlockListing;
import maze.testing.BlockScore;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import maze.testing.GroundTruth;
import maze.testing.MimallocBuilds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * mimalloc end to end, for every provisioned build and every upstream reference build: heap_truth
 * LD_PRELOADed with the build, gcore, an in-process analysis writing the block listing, and from
 * that one core a per-block score (recall 100% for every kind and size, no freed block listed)
 * and the analysis's warnings (none: every build here is walked completely). Each run adds a row
 * to docs/support-matrix.md.
 */
@Tag("scenario")
class MimallocScenarioTest {
    static final double MAX_FALSE_LIVE = 0;
    static final List<String> SCENARIOS = List.of("threads", "exited", "huge");
    /** heap_truth with the static archive of MimallocBuilds.referenceStatic linked in (tests/fixtures/CMakeLists.txt). */
    static final String STATIC_FIXTURE = "heap_truth_mi_static";
    private static final Path PROJECT = Path.of(System.getProperty("maze.project.dir", ".")).toAbsolutePath();
    private static final List<SupportMatrix.Row> ROWS = new ArrayList<>();

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> provisionedBuilds() throws IOException {
        return everyScenario(MimallocBuilds.all());
    }

    @TestFactory
    Stream<DynamicTest> referenceBuilds() throws IOException {
        return everyScenario(MimallocBuilds.reference(PROJECT));
    }

    /** 3.x linked into the executable (a local mi_malloc): its threads' heaps are in the executable's TLS. */
    @TestFactory
    Stream<DynamicTest> linkedIntoTheExecutable() throws IOException {
        MimallocBuilds.Build b = MimallocBuilds.referenceStatic(PROJECT);
        return Stream.of(DynamicTest.dynamicTest(b.name() + " threads", () -> run(b, "threads")));
    }

    private static Stream<DynamicTest> everyScenario(List<MimallocBuilds.Build> builds) {
        List<DynamicTest> tests = new ArrayList<>();
        for (MimallocBuilds.Build b : builds) {
            if (!SupportMatrix.walked(b.version())) {
                ROWS.add(SupportMatrix.Row.unsupported(b));
                continue;
            }
            for (String scenario : SCENARIOS) {
                tests.add(DynamicTest.dynamicTest(b.name() + " " + scenario, () -> run(b, scenario)));
            }
        }
        return tests.stream();
    }

    private static void run(MimallocBuilds.Build b, String scenario) throws IOException, InterruptedException {
        boolean linked = b.kind().equals(MimallocBuilds.UPSTREAM_STATIC);
        Path exe = Fixtures.binary(linked ? STATIC_FIXTURE : "heap_truth");
        Map<String, String> env = linked ? Map.of() : Map.of("LD_PRELOAD", b.path().toString());
        Path work = Files.createDirectories(dir.resolve(b.name() + "-" + scenario));
        Path truthFile = work.resolve("truth.jsonl");
        Path listing = work.resolve("blocks.jsonl");
        AnalysisResult result;
        try (FixtureProcess fp = FixtureProcess.start(List.of(exe.toString(), scenario, truthFile.toString()), work,
                FixtureProcess.defaultTimeout(), env)) {
            Path core = fp.gcore(work);
            fp.close();
            result = analyze(core, listing);
            Files.delete(core); // a gigabyte each: do not keep a dozen
        }
        BlockScore score = BlockScore.score(GroundTruth.read(truthFile), BlockListing.read(listing));
        synchronized (ROWS) {
            ROWS.add(SupportMatrix.Row.of(b, scenario, score, result.summary().facts()));
        }
        List<String> problems = new ArrayList<>(score.failures(MAX_FALSE_LIVE));
        if (!result.summary().warnings().isEmpty()) {
            problems.add("warnings, where none are expected: " + result.summary().warnings());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(b.name() + " " + scenario + ": " + score.report(problems));
        }
    }

    private static AnalysisResult analyze(Path core, Path listing) throws IOException {
        long t0 = System.nanoTime();
        try (Analysis a = Analysis.open(new AnalysisRequest(core, null, null, List.of(), false));
             OutputStream out = Files.newOutputStream(listing)) {
            BlockListingWriter[] w = new BlockListingWriter[1];
            AnalysisResult r = a.run(names -> w[0] = new BlockListingWriter(out, names, new ListingFilter(null, 0)));
            w[0].flush();
            System.out.printf("%s analyzed in %.2f s%n", core, (System.nanoTime() - t0) / 1e9);
            return r;
        }
    }

    @AfterAll
    static void writeMatrix() throws IOException {
        if (!ROWS.isEmpty()) {
            Files.writeString(PROJECT.resolve("docs/support-matrix.md"), SupportMatrix.markdown(ROWS));
        }
    }
}
