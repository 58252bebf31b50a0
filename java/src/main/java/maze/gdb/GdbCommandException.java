package maze.gdb;

/** gdb answered a command with {@code ^error}; {@link #gdbMessage()} is gdb's own words. */
public class GdbCommandException extends GdbException {
    private final String gdbMessage;

    public GdbCommandException(String command, String gdbMessage) {
        super("gdb refused `" + command + "`: " + gdbMessage);
        this.gdbMessage = gdbMessage;
    }

    public String gdbMessage() {
        return gdbMessage;
    }
}
