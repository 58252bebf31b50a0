package maze.gdb.mi;

import java.util.OptionalLong;

/**
 * {@code [token]^class[,results]}: the reply to one command. {@code resultClass} is
 * done, running, connected, error or exit.
 */
public record MiResultRecord(OptionalLong token, String resultClass, MiTuple results) implements MiRecord {

    public boolean isError() {
        return "error".equals(resultClass);
    }

    /** For an error: gdb's message (msg=...), else null. */
    public String errorMessage() {
        return isError() ? results.string("msg") : null;
    }
}
