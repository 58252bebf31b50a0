package maze.gdb.mi;

/** The {@code (gdb) } line: gdb is ready for the next command. */
public record MiPrompt() implements MiRecord {
}
