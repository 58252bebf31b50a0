package maze.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing provision fails `mvn test` and says what to run; a skip needs asking for, never in CI. */
class FixturesTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private static final String WHY = "/x/mimalloc-index.tsv is missing: run tests/provision/mimalloc.sh";

    @Test
    void aMissingResourceFailsByDefaultNamingTheScriptToRun() {
        AssertionError e = assertThrows(AssertionError.class, () -> Fixtures.require(false, WHY, Map.of(), console));
        assertTrue(e.getMessage().contains("run tests/provision/mimalloc.sh"), e.getMessage());
        assertTrue(e.getMessage().contains(".ci/run"), e.getMessage());
    }

    @Test
    void ciNeverSkipsEvenWhenSkipsAreAllowed() {
        assertThrows(AssertionError.class,
                () -> Fixtures.require(false, WHY, Map.of("CI", "true", "MAZE_ALLOW_SKIPS", "1"), console));
    }

    @Test
    void aDeveloperWhoAllowsSkipsGetsASkipNotAPass() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> Fixtures.require(false, WHY, Map.of("MAZE_ALLOW_SKIPS", "1"), console));
        assertTrue(e.getMessage().contains(WHY), e.getMessage());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("SKIPPED (MAZE_ALLOW_SKIPS): " + WHY),
                "the skip is said on the console: " + printed);
    }

    @Test
    void aPresentResourceIsNeitherFailureNorSkip() {
        assertDoesNotThrow(() -> Fixtures.require(true, WHY, Map.of(), console));
    }
}
