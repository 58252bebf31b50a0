package maze.graph;

/**
 * Receives the words that point at a live block's first byte, wherever they lie, as a pointer
 * scan finds them (the container patterns' owners ride on the graph's scan this way).
 */
@FunctionalInterface
public interface StartPointers {
    /** The word at {@code where} holds the start of block {@code block}. */
    void pointer(long where, int block);
}
