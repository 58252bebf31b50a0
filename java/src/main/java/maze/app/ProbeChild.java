package maze.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import maze.cache.CacheFiles;

/**
 * Runs native/probe/maze_probe on one library, in a child process: loading a library runs its
 * constructor, which must never happen inside maze's JVM. The child gets a scrubbed environment
 * (an allocator's constructor obeys its variables: MIMALLOC_* can reserve gigabytes), no input,
 * and a time limit.
 */
public final class ProbeChild {
    static final String RESOURCE = "/linux-x86-64/maze_probe";
    /** Exit codes of maze_probe.c. */
    static final int OK = 0;
    static final int DLOPEN_FAILED = 3;
    static final int NO_FUNCTION = 4;
    /** Inherited so a library whose dependencies live where the user pointed still loads; nothing else is. */
    private static final String KEPT = "LD_LIBRARY_PATH";

    private static final AtomicInteger SPAWNED = new AtomicInteger();

    private final Path binary;
    private final Duration limit;
    private final Map<String, String> inherited;

    /** What one run said: the kind, the version function's value (OK only) and the child's message. */
    public record Outcome(Kind kind, int raw, String message) {
    }

    public enum Kind { OK, DLOPEN_FAILED, NO_FUNCTION, FAILED }

    ProbeChild(Path binary, Duration limit, Map<String, String> inherited) {
        this.binary = binary;
        this.limit = limit;
        this.inherited = inherited;
    }

    /** The probe from maze's jar (extracted to the cache with its exec bit), with maze's own environment. */
    public static ProbeChild bundled(Duration limit) throws IOException {
        Path exe = CacheFiles.extract(CacheFiles.resource(RESOURCE), "probe", "maze_probe", true);
        return new ProbeChild(exe, limit, System.getenv());
    }

    /** How many children were started in this JVM: tests check that nothing runs without the option. */
    public static int spawned() {
        return SPAWNED.get();
    }

    /** Loads {@code library} in a child and calls {@code function}, an exported {@code int f(void)}. */
    public Outcome run(Path library, String function) throws IOException, InterruptedException {
        // files, not pipes: a child that never exits cannot block a read, and the time limit holds
        Path out = Files.createTempFile("maze-probe", ".out");
        Path err = Files.createTempFile("maze-probe", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(binary.toString(), library.toAbsolutePath().toString(), function)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            environment(pb.environment());
            SPAWNED.incrementAndGet();
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                return new Outcome(Kind.FAILED, 0, "no answer within " + limit.toSeconds() + " s (killed)");
            }
            return outcome(function, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private void environment(Map<String, String> env) {
        env.clear();
        env.put("LC_ALL", "C"); // the loader's messages in English, as the skip reasons quote them
        if (inherited.containsKey(KEPT)) {
            env.put(KEPT, inherited.get(KEPT));
        }
    }

    private static Outcome outcome(String function, int code, String stdout, String stderr) {
        if (code == OK) {
            for (String line : stdout.split("\n")) {
                if (line.startsWith(function + " ")) {
                    try {
                        return new Outcome(Kind.OK, Integer.parseInt(line.substring(function.length() + 1).trim()), stderr);
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
            }
            return new Outcome(Kind.FAILED, 0, "no " + function + " line in the probe's output");
        }
        if (code == DLOPEN_FAILED) {
            return new Outcome(Kind.DLOPEN_FAILED, 0, stderr);
        }
        if (code == NO_FUNCTION) {
            return new Outcome(Kind.NO_FUNCTION, 0, "loaded, but it has no " + function);
        }
        return new Outcome(Kind.FAILED, 0, "probe exited with " + code + (stderr.isEmpty() ? "" : ": " + stderr));
    }
}
