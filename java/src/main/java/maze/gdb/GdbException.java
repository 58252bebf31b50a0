package maze.gdb;

/** gdb is missing, died, timed out or refused a command; maps to exit code 5 (GDB). */
public class GdbException extends RuntimeException {
    public GdbException(String message) {
        super(message);
    }

    public GdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
