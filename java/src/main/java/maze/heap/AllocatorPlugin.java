package maze.heap;

import java.util.Optional;

/**
 * One allocator (glibc, mimalloc, ...), found with ServiceLoader. {@link #detect} looks for it
 * without running any of the process's code; {@link #walk} emits every live block in increasing
 * address order and never throws for corrupt metadata (it warns and goes on).
 */
public interface AllocatorPlugin {
    String name();

    Optional<Detection> detect(HeapContext context);

    HeapSummary walk(HeapContext context, Detection detection, BlockSink sink);
}
