package maze.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Takes a core of a running process with gdb's gcore; the process keeps running. */
public final class Gcore {
    private Gcore() {
    }

    /** Writes {@code dir}/core.PID and returns its path. */
    public static Path capture(long pid, Path dir) throws IOException, InterruptedException {
        Path prefix = dir.resolve("core");
        Process g;
        try {
            g = new ProcessBuilder("gcore", "-o", prefix.toString(), Long.toString(pid))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run gcore (it comes with gdb: apt-get install gdb): " + e.getMessage(), e);
        }
        String log = new String(g.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!g.waitFor(30, TimeUnit.MINUTES) || g.exitValue() != 0) {
            throw new IOException("gcore failed for pid " + pid + ": " + log.strip());
        }
        Path core = dir.resolve("core." + pid);
        if (!Files.isRegularFile(core)) {
            throw new IOException("gcore wrote no " + core + ": " + log.strip());
        }
        return core;
    }
}
