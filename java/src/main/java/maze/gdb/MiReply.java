package maze.gdb;

import maze.gdb.mi.MiResultRecord;

/**
 * gdb's answer to one command: its result record and the console (~) and log (&) text printed
 * before it.
 */
public record MiReply(String command, MiResultRecord result, String console, String log) {

    public boolean isError() {
        return result.isError();
    }

    public String errorMessage() {
        return result.errorMessage();
    }

    /** This reply, or a {@link GdbCommandException} when gdb answered ^error. */
    public MiReply orThrow() {
        if (isError()) {
            throw new GdbCommandException(command, errorMessage());
        }
        return this;
    }
}
