package maze.memory;

/** The core file could not be read as its segments promise (truncated, shrunk, unreadable). */
public final class CoreAccessException extends RuntimeException {
    public CoreAccessException(String message) {
        super(message);
    }

    public CoreAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
