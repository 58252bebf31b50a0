package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import maze.testing.FixtureProcess;
import maze.testing.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maze blocks CORE | head}: when the reader of stdout leaves, maze stops quietly with
 * 128 + SIGPIPE, as Unix tools do, instead of an error line. A real pipe and a real JVM: only
 * main() knows System.out is fd 1.
 */
@Tag("gcore")
class PipeReaderGoneTest {
    @TempDir
    Path dir;

    @Test
    void aClosedPipeEndsTheListingQuietly() throws Exception {
        Path core;
        try (FixtureProcess fp = FixtureProcess.start(List.of(Fixtures.binary("demo").toString()), dir,
                FixtureProcess.defaultTimeout())) {
            core = fp.gcore(dir);
        }
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "'" + java + "' -Dmaze.cache.dir='" + System.getProperty("maze.cache.dir", "") + "' -cp '"
                + System.getProperty("java.class.path") + "' maze.cli.Main blocks '" + core + "' --no-progress 2>'"
                + err + "' | head -c 100 >/dev/null; echo ${PIPESTATUS[0]}";
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String status = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor());
        assertEquals(String.valueOf(ExitCode.READER_GONE.code), status, Files.readString(err));
        assertEquals("", Files.readString(err));
    }
}
