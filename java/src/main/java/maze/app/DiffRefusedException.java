package maze.app;

/** Two cores that are not of one process, compared block by block. */
public final class DiffRefusedException extends RuntimeException {
    public DiffRefusedException(String message) {
        super(message);
    }
}
