package maze.pack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import maze.gdb.GdbOptions;

/**
 * Takes a core of a running process with gdb's gcore command; the process keeps running. gdb is
 * run directly rather than through the gcore script, which leaves auto-load on: attached to a
 * process, gdb would otherwise consider the scripts its libraries name. The gdb is the one every
 * other command runs ($MAZE_GDB, else "gdb" on the PATH).
 */
public final class Gcore {
    private Gcore() {
    }

    /** Writes {@code dir}/core.PID and returns its path. */
    public static Path capture(long pid, Path dir) throws IOException, InterruptedException {
        Path core = dir.resolve("core." + pid);
        Process g;
        try {
            // stdin from /dev/null, as the gcore script does: gdb must never wait on a terminal
            g = new ProcessBuilder(command(pid, core)).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new IOException("cannot run gdb to take the core (apt-get install gdb): " + e.getMessage(), e);
        }
        try {
            String log = new String(g.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // gdb --batch exits 0 even when attach failed: the core's presence is what tells
            if (!g.waitFor(30, TimeUnit.MINUTES) || g.exitValue() != 0 || !Files.isRegularFile(core)) {
                throw new IOException("gcore failed for pid " + pid + ": " + log.strip());
            }
            return core;
        } finally {
            // interrupted or failed reading: no gdb may stay attached to the process
            if (g.isAlive()) {
                g.destroyForcibly();
            }
        }
    }

    /** What the gcore script runs, with nothing auto-loaded and no debuginfod. */
    static List<String> command(long pid, Path core) {
        return List.of(GdbOptions.defaults().gdb(), "-nx", "--batch", "--readnever",
                "-iex", "set auto-load off", "-iex", "set debuginfod enabled off",
                "-ex", "set pagination off", "-ex", "set height 0", "-ex", "set width 0",
                "-ex", "attach " + pid, "-ex", "gcore " + core, "-ex", "detach", "-ex", "quit");
    }
}
