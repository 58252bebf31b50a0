package maze.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates fixture programs built by CMake (target/fixtures). A missing resource fails the test
 * loudly, naming what to run: a green `mvn -B test` means every test ran. A developer who knowingly
 * runs without some provisioning may set MAZE_ALLOW_SKIPS=1 (never honoured when CI is set): the
 * test is then skipped and the reason printed on the console.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir() {
        String d = System.getProperty("maze.fixtures.dir");
        return d != null ? Path.of(d) : Path.of("target", "fixtures").toAbsolutePath();
    }

    /** The fixture binary {@code name}; fails (CI) or skips (locally) when it was not built. */
    public static Path binary(String name) {
        Path p = dir().resolve(name);
        require(Files.isExecutable(p), "fixture " + p + " was not built (CMake builds tests/fixtures)");
        return p;
    }

    /** Fails (or, with MAZE_ALLOW_SKIPS outside CI, skips saying why) when a resource a test needs is missing. */
    public static void require(boolean present, String why) {
        require(present, why, System.getenv(), System.err);
    }

    static void require(boolean present, String why, Map<String, String> env, java.io.PrintStream console) {
        if (present) {
            return;
        }
        if (env.get("CI") != null || env.get("MAZE_ALLOW_SKIPS") == null) {
            throw new AssertionError("required test resource missing: " + why
                    + " (.ci/run installs and provisions everything; MAZE_ALLOW_SKIPS=1 skips such tests locally)");
        }
        console.println("maze tests: SKIPPED (MAZE_ALLOW_SKIPS): " + why);
        Assumptions.assumeTrue(false, "skipped locally: " + why);
    }
}
