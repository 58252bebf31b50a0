package maze.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fixture program started for a test: waits for its {@code >>> READY FOR GCORE <<<} line, takes
 * a core with gcore while it keeps running, and kills it on close. Its output is kept for failures.
 */
public final class FixtureProcess implements AutoCloseable {
    public static final String READY = ">>> READY FOR GCORE <<<";

    private final Process process;
    private final List<String> output = new ArrayList<>();

    private FixtureProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code command} in {@code dir} and waits up to {@code timeout} for the READY line. */
    public static FixtureProcess start(List<String> command, Path dir, Duration timeout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        FixtureProcess fp = new FixtureProcess(pb.start());
        fp.awaitReady(timeout);
        return fp;
    }

    private void awaitReady(Duration timeout) throws IOException {
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(this::readUntilReady);
        try {
            if (Boolean.TRUE.equals(ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS))) {
                return;
            }
        } catch (Exception e) {
            // fall through to the failure below, with the output seen so far
        }
        process.destroyForcibly();
        throw new IOException("fixture " + process.info().command().orElse("?") + " never printed "
                + READY + "; output: " + outputSoFar());
    }

    private boolean readUntilReady() {
        BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.contains(READY)) {
                    drainInBackground(r);
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Keeps reading so the fixture never blocks on a full pipe. */
    private void drainInBackground(BufferedReader r) {
        Thread t = new Thread(() -> {
            try {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "fixture-output");
        t.setDaemon(true);
        t.start();
    }

    public long pid() {
        return process.pid();
    }

    public List<String> outputSoFar() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** Takes a core of the running process into {@code dir}; returns its path. */
    public Path gcore(Path dir) throws IOException, InterruptedException {
        Path prefix = dir.resolve("core");
        Process g = new ProcessBuilder("gcore", "-o", prefix.toString(), Long.toString(pid()))
                .redirectErrorStream(true).start();
        String log = new String(g.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!g.waitFor(10, TimeUnit.MINUTES) || g.exitValue() != 0) {
            throw new IOException("gcore failed for pid " + pid() + ": " + log);
        }
        Path core = dir.resolve("core." + pid());
        if (!Files.isRegularFile(core)) {
            throw new IOException("gcore wrote no " + core + ": " + log);
        }
        return core;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Default wait for READY. */
    public static Duration defaultTimeout() {
        return Duration.ofMinutes(2);
    }
}
