package maze.pack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A program started to be captured: runs until it prints a ready text on stdout, then keeps
 * running (its output drained so it never blocks) until closed, which kills it.
 */
public final class ReadyProcess implements AutoCloseable {
    public static final String DEFAULT_READY = "READY FOR GCORE";
    /** Lines kept of what the program prints: a service logging for minutes must not fill maze's heap. */
    static final int MAX_KEPT = 10_000;
    /** Lines an error message quotes: the last ones, where a failure usually shows. */
    private static final int QUOTED = 20;

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final ArrayDeque<String> last = new ArrayDeque<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean readySeen;

    private ReadyProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code command} in {@code dir} (null: current) and waits for a line containing {@code readyText}. */
    public static ReadyProcess start(List<String> command, Path dir, String readyText, Duration timeout)
            throws IOException, InterruptedException {
        return start(command, dir, Map.of(), readyText, timeout);
    }

    /** The same, with {@code env} added to the program's environment. */
    public static ReadyProcess start(List<String> command, Path dir, Map<String, String> env, String readyText,
                                     Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        ReadyProcess rp = new ReadyProcess(pb.start());
        rp.readInBackground(readyText);
        // the latch also opens when the program ends early, so ask whether the text was seen
        if (!rp.ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || !rp.readySeen) {
            // output ended early: the program is ending; give it a moment so its exit status is known
            rp.process.waitFor(2, TimeUnit.SECONDS);
            String why = rp.process.isAlive() ? "did not print" : "exited (" + status(rp.process.exitValue())
                    + ") without printing";
            rp.close(); // after the question above: a killed program is no longer alive
            throw new IOException(String.join(" ", command) + " " + why + " '" + readyText + "' within "
                    + timeout.toSeconds() + " s; its output ends: " + rp.tail());
        }
        return rp;
    }

    /** "code 70", or "killed by signal 11" for the shell-style 128+N codes Java reports. */
    private static String status(int code) {
        return code > 128 ? "killed by signal " + (code - 128) : "code " + code;
    }

        private void readInBackground(String readyText) {
        Thread t = new Thread(() -> {
            BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            try {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (output) {
                        if (output.size() < MAX_KEPT) {
                            output.add(line);
                        }
                        if (last.size() == QUOTED) {
                            last.removeFirst();
                        }
                        last.addLast(line);
                    }
                    if (line.contains(readyText)) {
                        readySeen = true;
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended; what it printed is kept
            }
            ready.countDown(); // wake the waiter when the process ends early
        }, "ready-process-output");
        t.setDaemon(true);
        t.start();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines printed, for an error message. */
    private List<String> tail() {
        synchronized (output) {
            return List.copyOf(last);
        }
    }

    /** What the program printed so far (its first {@value #MAX_KEPT} lines). */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
