package maze.app;

/** The core holds no allocator maze supports (or none it can identify). */
public final class NoAllocatorException extends RuntimeException {
    public NoAllocatorException(String message) {
        super(message);
    }
}
