package maze.heap.tcmalloc;

import java.util.List;
import maze.heap.AllocatorPlugin;
import maze.heap.BlockCursor;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.PushWalk;

/**
 * gperftools' tcmalloc (2.x), found by its exports: every live object of its page heap, from the
 * page map's spans, with the caches' free objects left out.
 */
public final class TcmallocPlugin implements AllocatorPlugin<Void> {
    @Override
    public String name() {
        return "tcmalloc";
    }

    @Override
    public List<Detection<Void>> detect(HeapContext ctx) {
        return TcmallocDetector.detect(ctx, name(), null);
    }

    @Override
    public BlockCursor walk(HeapContext ctx, Detection<Void> d) {
        return PushWalk.start(name(), sink -> new TcmallocWalk(ctx, d.module(), d.version()).run(sink));
    }
}
