package maze.gdb.mi;

/** One {@code name=value} pair. */
public record MiResult(String name, MiValue value) {
}
