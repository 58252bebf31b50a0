package maze.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import maze.pack.Gcore;
import maze.pack.ReadyProcess;

/**
 * A fixture program started for a test: waits for its {@code >>> READY FOR GCORE <<<} line, takes
 * a core with gcore while it keeps running, and kills it on close.
 */
public final class FixtureProcess implements AutoCloseable {
    public static final String READY = ">>> READY FOR GCORE <<<";

    private final ReadyProcess process;

    private FixtureProcess(ReadyProcess process) {
        this.process = process;
    }

    /** Starts {@code command} in {@code dir} and waits up to {@code timeout} for the READY line. */
    public static FixtureProcess start(List<String> command, Path dir, Duration timeout) throws IOException {
        return start(command, dir, timeout, Map.of());
    }

    /** The same, with {@code env} added to the fixture's environment (e.g. LD_PRELOAD). */
    public static FixtureProcess start(List<String> command, Path dir, Duration timeout, Map<String, String> env)
            throws IOException {
        try {
            return new FixtureProcess(ReadyProcess.start(command, dir, env, READY, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public List<String> outputSoFar() {
        return process.output();
    }

    /** Takes a core of the running process into {@code dir}; returns its path. */
    public Path gcore(Path dir) throws IOException, InterruptedException {
        return Gcore.capture(pid(), dir);
    }

    @Override
    public void close() {
        try {
            process.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Default wait for READY. */
    public static Duration defaultTimeout() {
        return Duration.ofMinutes(2);
    }
}
