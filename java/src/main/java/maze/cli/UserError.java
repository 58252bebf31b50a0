package maze.cli;

/** An error the user can act on, with the exit code it maps to. */
public final class UserError extends RuntimeException {
    private final ExitCode code;

    public UserError(ExitCode code, String message) {
        super(message);
        this.code = code;
    }

    public ExitCode code() {
        return code;
    }
}
