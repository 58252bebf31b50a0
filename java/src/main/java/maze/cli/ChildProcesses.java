package maze.cli;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * maze's children (gdb reading layouts, gdb taking a core, a program started by capture) end with
 * maze: SIGINT or SIGTERM would otherwise leave them running, a gdb perhaps attached to a live
 * process. They get SIGTERM first, on which gdb detaches from what it attached to; only one that
 * is still there after a grace period is killed.
 */
final class ChildProcesses {
    private static final long GRACE_MILLIS = 5000;

    private ChildProcesses() {
    }

    static void endWithTheJvm() {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::endAll, "maze-child-cleanup"));
    }

    private static void endAll() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (ProcessHandle p : children) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (Exception stillThere) {
                p.destroyForcibly();
            }
        }
    }
}
