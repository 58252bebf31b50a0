package maze.gdb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start gdb.
 *
 * @param gdb                  the gdb program (default: $MAZE_GDB, else "gdb" on the PATH)
 * @param debugFileDirectories gdb's debug-file-directory list; empty keeps gdb's default
 *                             (/usr/lib/debug), where build-id debug files are found
 * @param sysroot              gdb's sysroot (libraries of a core from another host), or null
 * @param solibSearchPath      gdb's solib-search-path, may be empty
 * @param commandTimeout       the longest one command may take before gdb is killed
 */
public record GdbOptions(String gdb, List<Path> debugFileDirectories, Path sysroot, List<Path> solibSearchPath,
                         Duration commandTimeout) {

    public GdbOptions {
        debugFileDirectories = List.copyOf(debugFileDirectories);
        solibSearchPath = List.copyOf(solibSearchPath);
    }

    public static GdbOptions defaults() {
        String gdb = System.getenv("MAZE_GDB");
        return new GdbOptions(gdb == null || gdb.isBlank() ? "gdb" : gdb, List.of(), null, List.of(),
                Duration.ofSeconds(120));
    }

    public GdbOptions withGdb(String program) {
        return new GdbOptions(program, debugFileDirectories, sysroot, solibSearchPath, commandTimeout);
    }

    public GdbOptions withDebugFileDirectories(List<Path> dirs) {
        return new GdbOptions(gdb, dirs, sysroot, solibSearchPath, commandTimeout);
    }

    public GdbOptions withSysroot(Path dir) {
        return new GdbOptions(gdb, debugFileDirectories, dir, solibSearchPath, commandTimeout);
    }

    public GdbOptions withSolibSearchPath(List<Path> dirs) {
        return new GdbOptions(gdb, debugFileDirectories, sysroot, dirs, commandTimeout);
    }

    public GdbOptions withCommandTimeout(Duration limit) {
        return new GdbOptions(gdb, debugFileDirectories, sysroot, solibSearchPath, limit);
    }
}
