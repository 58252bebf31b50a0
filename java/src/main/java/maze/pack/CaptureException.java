package maze.pack;

import java.io.IOException;

/** A capture that failed, with the stage it failed in (the CLI maps stages to exit codes). */
public final class CaptureException extends IOException {
    /** START: the command did not start or never got ready; GCORE: gdb's gcore failed. */
    public enum Stage { START, GCORE }

    private final Stage stage;

    public CaptureException(Stage stage, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }
}
