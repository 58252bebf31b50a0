package maze.heap.jemalloc;

import java.util.ArrayList;
import java.util.List;
import maze.heap.AllocatorPlugin;
import maze.heap.BlockCursor;
import maze.heap.BlockSink;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;
import maze.heap.PushWalk;

/**
 * jemalloc, found by its exports in any module. 5.3 is walked from its extent map (layouts from
 * DWARF, or a built-in table proven on the core); other versions are named and refused.
 */
public final class JemallocPlugin implements AllocatorPlugin<Void> {
    static final String WALKED_RELEASE = "5.3.";

    @Override
    public String name() {
        return "jemalloc";
    }

    @Override
    public List<Detection<Void>> detect(HeapContext ctx) {
        List<Detection<Void>> out = new ArrayList<>();
        for (Detection<Void> d : JemallocDetector.detect(ctx, name(), null)) {
            String v = d.version().text();
            out.add(v != null && v.startsWith(WALKED_RELEASE) ? d
                    : d.refused("maze walks jemalloc 5.3; this is version " + d.version().describe()));
        }
        return out;
    }

    @Override
    public BlockCursor walk(HeapContext ctx, Detection<Void> d) {
        return PushWalk.start(name(), sink -> walk(ctx, d, sink));
    }

    /** The walk as a push loop, for {@link PushWalk} and for tests. */
    public static HeapSummary walk(HeapContext ctx, Detection<Void> d, BlockSink sink) {
        return new JeWalk(ctx, d.module(), d.version()).run(sink);
    }
}
