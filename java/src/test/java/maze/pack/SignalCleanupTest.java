package maze.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT end maze with 143 and 130 and leave neither an extracted bundle (a copy of a
 * process's memory) nor a partial output behind. Run in a child JVM that is really signalled.
 */
class SignalCleanupTest {
    @TempDir
    Path tmp;

    @Test
    void sigtermRemovesTheExtractedBundle() throws Exception {
        Path parent = Files.createDirectory(tmp.resolve("parent"));
        Path bundle = TestBundles.honest(tmp.resolve("b.tar.gz"));
        assertEquals(143, killed("TERM", "bundle", bundle.toString(), parent.toString()));
        assertEquals(List.of(), list(parent), "the extracted folder is gone");
    }

    @Test
    void sigintRemovesThePartialOutput() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        assertEquals(130, killed("INT", "output", out.resolve("b.tar.gz").toString()));
        assertEquals(List.of(), list(out), "no partial file, no output");
    }

    /** Starts the child, waits for READY (the temporary path exists), signals it, returns its exit code. */
    private static int killed(String signal, String... args) throws Exception {
        // env resets SIGINT to its default: a test JVM started in the background inherits it ignored,
        // and a JVM that starts with SIGINT ignored rightly leaves it so (env execs java: same pid)
        List<String> cmd = new java.util.ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SignalChild.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            assertTrue(line != null && line.startsWith("READY "), "child said: " + line);
            assertTrue(Files.exists(Path.of(line.substring(6)).getParent()), line);
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child ended");
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
