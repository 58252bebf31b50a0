package maze.output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output maze must not or could not write: one line naming the path and the cause. A refusal
 * (the path names an input, a device, a folder...) is the command line's fault; anything else is
 * a write that failed (no folder, no room, permission denied).
 */
public final class OutputException extends IOException {
    private final boolean refused;
    private final boolean readerGone;

    private OutputException(String message, boolean refused, Throwable cause) {
        this(message, refused, false, cause);
    }

    private OutputException(String message, boolean refused, boolean readerGone, Throwable cause) {
        super(message, cause);
        this.refused = refused;
        this.readerGone = readerGone;
    }

    /** stdout is a pipe whose reader closed it (`maze blocks CORE | head`): nothing went wrong here. */
    static OutputException readerGone(String path) {
        return new OutputException("the reader of " + path + " closed it", false, true, null);
    }

    /** True when stdout's reader went away: not an error to report, only a reason to stop. */
    public boolean readerGone() {
        return readerGone;
    }

    static OutputException refused(String what, Path path, String why) {
        return new OutputException(what + " " + path + ": " + why + "; name another file", true, null);
    }

    static OutputException failed(Path path, String doing, IOException cause) {
        return new OutputException("cannot write " + path + " (" + doing + "): " + Cause.of(cause), false, cause);
    }

    static OutputException failed(String path, String why) {
        return new OutputException("cannot write " + path + ": " + why, false, null);
    }

    /** True when the path was refused before anything was written. */
    public boolean refused() {
        return refused;
    }

    /** The short reason of an I/O error: the OS's words, not Java's class name. */
    static final class Cause {
        private Cause() {
        }

        static String of(IOException e) {
            if (e instanceof java.nio.file.NoSuchFileException) {
                return "no such file or folder";
            }
            if (e instanceof java.nio.file.AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
                return f.getReason();
            }
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
    }
}
