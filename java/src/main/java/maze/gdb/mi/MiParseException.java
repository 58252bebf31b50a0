package maze.gdb.mi;

/** A line that is not GDB/MI; the message quotes the line and where parsing stopped. */
public class MiParseException extends RuntimeException {
    public MiParseException(String message) {
        super(message);
    }
}
