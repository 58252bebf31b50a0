package maze.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Host tools a test runs (g++, objcopy, strip, nm): a missing one fails in CI and skips locally. */
public final class Tools {
    private Tools() {
    }

    /** Runs {@code command} in {@code dir}; its output lines (stdout and stderr), after it exited 0. */
    public static List<String> run(Path dir, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            Fixtures.require(false, command[0] + " is not installed");
            throw notInstalled;
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " hangs");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + text);
        return text.lines().toList();
    }
}
