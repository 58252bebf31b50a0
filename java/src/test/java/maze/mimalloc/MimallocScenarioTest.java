package maze.mimalloc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import maze.testing.MimallocBuilds;
import maze.testing.PreloadedScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * mimalloc end to end, for every provisioned build: heap_truth LD_PRELOADed with the build, gcore,
 * an in-process analysis writing the block listing, and a per-block score (recall 100% for every
 * kind and size, false-live at most 0.01%). Each run adds a row to docs/support-matrix.md.
 */
@Tag("scenario")
class MimallocScenarioTest {
    static final double MAX_FALSE_LIVE = 0.0001;
    static final List<String> SCENARIOS = List.of("threads", "exited", "huge");
    private static final Path PROJECT = Path.of(System.getProperty("maze.project.dir", ".")).toAbsolutePath();
    private static final List<SupportMatrix.Row> ROWS = new ArrayList<>();

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> everyBuildAndScenario() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (MimallocBuilds.Build b : MimallocBuilds.all()) {
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
        PreloadedScenario r = PreloadedScenario.run(dir.resolve(b.name() + "-" + scenario), scenario, b.path());
        synchronized (ROWS) {
            ROWS.add(SupportMatrix.Row.of(b, scenario, r.score(), r.result().summary().facts()));
        }
        r.score().assertPasses(MAX_FALSE_LIVE);
    }

    @AfterAll
    static void writeMatrix() throws IOException {
        if (!ROWS.isEmpty()) {
            Files.writeString(PROJECT.resolve("docs/support-matrix.md"), SupportMatrix.markdown(ROWS));
        }
    }
}
