package maze.heap;

import java.util.List;

/**
 * One allocator (glibc, mimalloc, jemalloc, ...), found with ServiceLoader. {@link #detect} looks
 * for it without running any of the process's code and reports it even when it cannot be walked
 * (so coverage can say so); {@link #walk} gives every live block in increasing address order and
 * never throws for corrupt metadata (it warns and goes on). Adding an allocator is a folder under
 * maze.heap and a line in META-INF/services: nothing else knows allocator names.
 *
 * @param <S> the plugin's own detection state
 */
public interface AllocatorPlugin<S> {
    String name();

    /** Every instance of this allocator in the process (usually none or one). */
    List<Detection<S>> detect(HeapContext context);

    /** Only called for a walkable detection. */
    BlockCursor walk(HeapContext context, Detection<S> detection);
}
