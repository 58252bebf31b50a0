package maze.tcmalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import maze.heap.Coverage;
import maze.testing.MimallocBuilds;
import maze.testing.PreloadedScenario;
import maze.testing.TcmallocBuilds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * gperftools tcmalloc end to end, for every provisioned build (minimal and full, DWARF and Debian's
 * stripped ones):
 * heap_truth LD_PRELOADed with the build, gcore, an in-process analysis writing the block listing,
 * and a per-block score: recall 100%, no freed block listed live, tcmalloc walked.
 */
@Tag("scenario")
class TcmallocScenarioTest {
    static final List<String> SCENARIOS = List.of("single", "threads", "exited", "huge", "kinds");

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> everyBuildAndScenario() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (MimallocBuilds.Build b : TcmallocBuilds.all()) {
            for (String scenario : SCENARIOS) {
                tests.add(DynamicTest.dynamicTest(b.name() + " " + scenario, () -> run(b, scenario)));
            }
        }
        return tests.stream();
    }

    /** Debian's libtcmalloc.so.4 needs libunwind.so.8: the provisioning puts one beside it. */
    static String preload(MimallocBuilds.Build b) {
        Path unwind = b.path().resolveSibling("libunwind.so.8");
        return Files.exists(unwind) ? unwind + " " + b.path() : b.path().toString();
    }

    private static void run(MimallocBuilds.Build b, String scenario) throws IOException, InterruptedException {
        PreloadedScenario r = PreloadedScenario.run(dir.resolve(b.name() + "-" + scenario), scenario, preload(b));
        Coverage tc = r.result().summary().coverage().stream().filter(c -> c.allocator().equals("tcmalloc"))
                .findFirst().orElseThrow(() -> new AssertionError("tcmalloc not found: " + r.result().summary().coverage()));
        assertTrue(tc.walked(), "tcmalloc not walked: " + tc);
        assertEquals(List.of(), r.result().summary().warnings(), "warnings of a sound heap");
        System.out.println(b.name() + " " + scenario + ": " + r.score().summary() + " " + r.result().summary().facts());
        r.score().assertPasses(0);
    }
}
