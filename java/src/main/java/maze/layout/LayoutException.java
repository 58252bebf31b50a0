package maze.layout;

/** A layout or symbol could not be had; the message says which, from which file, and what to do. */
public class LayoutException extends RuntimeException {
    public LayoutException(String message) {
        super(message);
    }

    public LayoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
