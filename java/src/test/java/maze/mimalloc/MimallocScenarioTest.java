package maze.mimalloc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import maze.testing.Fixtures;
import maze.testing.MimallocBuilds;
import maze.testing.PrivateLayoutCache;
import maze.testing.PreloadedScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * mimalloc end to end, for every provisioned build and every upstream reference build: heap_truth
 * LD_PRELOADed with the build, gcore, an in-process analysis writing the block listing, and from
 * that one core a per-block score (recall 100% for every kind and size, no freed block listed)
 * and the analysis's warnings (none: every build here is walked completely); stripped copies of the
 * reference builds must be walked from their built-in tables, every other build from DWARF. Each
 * run adds a row to target/support-matrix.md (tests/tools/support-matrix.sh copies it into docs/).
 */
@Tag("scenario")
class MimallocScenarioTest {
    static final double MAX_FALSE_LIVE = 0;
    static final List<String> SCENARIOS = List.of("threads", "exited", "huge");
    /** heap_truth with the static archive of MimallocBuilds.referenceStatic linked in (tests/fixtures/CMakeLists.txt). */
    static final String STATIC_FIXTURE = "heap_truth_mi_static";
    /** Kind of a reference build stripped of its DWARF by the test (walked from its built-in table). */
    static final String STRIPPED = "upstream-stripped";
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

    /**
     * Each reference build as a distribution ships it (strip --strip-debug, same build-id): walked
     * from its built-in table, one scenario each. A private, empty layout cache per build: the
     * shared one holds the unstripped build's DWARF layouts under the same build-id.
     */
    @TestFactory
    Stream<DynamicTest> strippedReferenceBuilds() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (MimallocBuilds.Build b : MimallocBuilds.reference(PROJECT)) {
            tests.add(DynamicTest.dynamicTest(b.name() + "-stripped threads", () -> runStripped(b, "threads")));
        }
        return tests.stream();
    }

    private static void runStripped(MimallocBuilds.Build b, String scenario) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(b.name() + "-stripped"));
        Path stripped = folder.resolve(b.path().getFileName());
        Process strip = new ProcessBuilder("strip", "--strip-debug", "-o", stripped.toString(), b.path().toString())
                .inheritIO().start();
        if (strip.waitFor() != 0) {
            throw new AssertionError("strip " + b.path() + " failed");
        }
        MimallocBuilds.Build copy = new MimallocBuilds.Build(b.name() + "-stripped", b.version(), STRIPPED, stripped, "");
        PrivateLayoutCache.with(folder.resolve("cache"), () -> run(copy, scenario));
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
        PreloadedScenario r = PreloadedScenario.run(dir.resolve(b.name() + "-" + scenario), exe, scenario, env);
        synchronized (ROWS) {
            ROWS.add(SupportMatrix.Row.of(b, scenario, r.score(), r.result().summary().facts()));
        }
        List<String> problems = new ArrayList<>(r.score().failures(MAX_FALSE_LIVE));
        String layout = String.valueOf(SupportMatrix.mimallocFacts(r.result().summary().facts()).get("layout"));
        if (b.hasDwarf() == layout.startsWith("built-in ")) {
            problems.add("layout from " + layout + " for a build of kind " + b.kind());
        }
        if (!r.result().summary().warnings().isEmpty()) {
            problems.add("warnings, where none are expected: " + r.result().summary().warnings());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(b.name() + " " + scenario + ": " + r.score().report(problems));
        }
    }

    @AfterAll
    static void writeMatrix() throws IOException {
        if (!ROWS.isEmpty()) {
            Files.writeString(PROJECT.resolve("target/support-matrix.md"), SupportMatrix.markdown(ROWS));
        }
    }
}
