package maze.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two cores of the grow fixture (tests/fixtures/grow.cpp): {@code a} after its first phase,
 * {@code b} after the second, with the truth files each phase wrote.
 */
public record GrowCores(Path a, Path b, Path truthA, Path truthB) {
    public static final String SECOND_READY = ">>> GROWN: READY FOR THE SECOND GCORE <<<";

    /** Runs the fixture in {@code dir} and takes its two cores there. */
    public static GrowCores take(Path dir) throws IOException, InterruptedException {
        Path exe = Fixtures.binary("grow");
        Path prefix = dir.resolve("grow-truth");
        try (FixtureProcess fp = FixtureProcess.start(List.of(exe.toString(), prefix.toString()), dir,
                FixtureProcess.defaultTimeout())) {
            Path a = fp.gcore(java.nio.file.Files.createDirectories(dir.resolve("a")));
            signal(fp.pid());
            awaitLine(fp, SECOND_READY, Duration.ofMinutes(1));
            Path b = fp.gcore(java.nio.file.Files.createDirectories(dir.resolve("b")));
            return new GrowCores(a, b, Path.of(prefix + "-a.jsonl"), Path.of(prefix + "-b.jsonl"));
        }
    }

    /** One more grow process, in its first phase: a core of another process of the same program. */
    public static Path otherProcess(Path dir) throws IOException, InterruptedException {
        Path exe = Fixtures.binary("grow");
        try (FixtureProcess fp = FixtureProcess.start(List.of(exe.toString(), dir.resolve("other-truth").toString()),
                dir, FixtureProcess.defaultTimeout())) {
            return fp.gcore(java.nio.file.Files.createDirectories(dir.resolve("other")));
        }
    }

    private static void signal(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -USR1 " + pid + " failed");
        }
    }

    private static void awaitLine(FixtureProcess fp, String text, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!fp.outputSoFar().contains(text)) {
            if (System.nanoTime() > end) {
                throw new IOException("grow did not print '" + text + "' within " + timeout.toSeconds() + " s; it printed "
                        + fp.outputSoFar());
            }
            Thread.sleep(20);
        }
    }
}
