package maze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to maze ends the gdb it started (a stand-in gdb that would sleep for ten minutes). */
class ChildCleanupTest {
    @TempDir
    Path tmp;

    @Test
    void sigtermEndsTheGdbMazeStarted() throws Exception {
        Path pidFile = tmp.resolve("gdb.pid");
        Path gdb = Files.writeString(tmp.resolve("slow-gdb"), "#!/bin/sh\necho $$ > " + pidFile + ".tmp\nmv "
                + pidFile + ".tmp " + pidFile + "\nexec sleep 600\n");
        Files.setPosixFilePermissions(gdb, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmaze.cache.dir=" + tmp.resolve("cache"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "layouts", "/lib/x86_64-linux-gnu/libc.so.6", "malloc_state"))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("maze.log").toFile());
        pb.environment().put("MAZE_GDB", gdb.toString());
        Process maze = pb.start();
        try {
            long gdbPid = waitForPid(pidFile, maze);
            new ProcessBuilder("kill", "-TERM", Long.toString(maze.pid())).inheritIO().start().waitFor();
            assertTrue(maze.waitFor(30, TimeUnit.SECONDS), "maze ended");
            assertEquals(143, maze.exitValue(), Files.readString(tmp.resolve("maze.log")));
            Thread.sleep(200);
            assertFalse(ProcessHandle.of(gdbPid).map(ProcessHandle::isAlive).orElse(false),
                    "the gdb maze started (pid " + gdbPid + ") is still running");
        } finally {
            maze.destroyForcibly();
        }
    }

    private static long waitForPid(Path pidFile, Process maze) throws Exception {
        for (int i = 0; i < 600 && !Files.exists(pidFile); i++) {
            assertTrue(maze.isAlive(), "maze ended before it started gdb");
            Thread.sleep(50);
        }
        return Long.parseLong(Files.readString(pidFile).strip());
    }
}
