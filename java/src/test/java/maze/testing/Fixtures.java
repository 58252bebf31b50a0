package maze.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates fixture programs built by CMake (target/fixtures). In CI a missing resource fails the
 * test loudly; on a developer machine it may be skipped, saying why.
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

    /** Fails in CI, skips elsewhere, when a resource a test needs is missing. */
    public static void require(boolean present, String why) {
        if (present) {
            return;
        }
        if (System.getenv("CI") != null) {
            throw new AssertionError("required test resource missing: " + why);
        }
        Assumptions.assumeTrue(false, "skipped locally: " + why);
    }
}
