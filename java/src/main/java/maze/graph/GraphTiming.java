package maze.graph;

import java.lang.management.ManagementFactory;

/**
 * Wall and process CPU time per phase of the graph, on stderr, only with
 * {@code -Dmaze.graph.timing=true} (e.g. {@code MAZE_JAVA_OPTS=-Dmaze.graph.timing=true}): a
 * profiling aid for tests/bench/graph-bench.sh, never part of a report. Process CPU includes the
 * native scan's threads.
 */
public final class GraphTiming {
    private static final boolean ON = Boolean.getBoolean("maze.graph.timing");

    private long wall;
    private long cpu;

    public GraphTiming() {
        wall = System.nanoTime();
        cpu = ON ? processCpu() : 0;
    }

    /** Prints the time since the previous lap (or since construction) under {@code phase}. */
    public void lap(String phase) {
        if (!ON) {
            return;
        }
        long w = System.nanoTime();
        long c = processCpu();
        // stderr, not the command's writer: a debugging switch, not output of the command
        System.err.printf("maze: timing: %-22s wall %6d ms  cpu %6d ms%n", phase, (w - wall) / 1_000_000,
                (c - cpu) / 1_000_000);
        wall = w;
        cpu = c;
    }

    /** True when timings are printed: callers may then measure parts of a phase. */
    public static boolean on() {
        return ON;
    }

    /** Prints one line about a part of a phase (when timings are on). */
    public static void note(String text) {
        if (ON) {
            System.err.println("maze: timing:   " + text);
        }
    }

    private static long processCpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
