package maze.heap.jemalloc;

import java.util.List;
import maze.heap.AllocatorPlugin;
import maze.heap.BlockCursor;
import maze.heap.Detection;
import maze.heap.HeapContext;

/** jemalloc: detected and named so coverage can say it serves the process; its walk is not built yet. */
public final class JemallocPlugin implements AllocatorPlugin<Void> {
    static final String NOT_WALKED = "maze does not walk jemalloc heaps yet";

    @Override
    public String name() {
        return "jemalloc";
    }

    @Override
    public List<Detection<Void>> detect(HeapContext ctx) {
        return JemallocDetector.detect(ctx, name(), NOT_WALKED);
    }

    @Override
    public BlockCursor walk(HeapContext ctx, Detection<Void> d) {
        throw new UnsupportedOperationException(NOT_WALKED);
    }
}
