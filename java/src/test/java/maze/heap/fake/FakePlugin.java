package maze.heap.fake;

import java.util.List;
import java.util.Map;
import maze.heap.AllocatorPlugin;
import maze.heap.BlockCursor;
import maze.heap.Detection;
import maze.heap.HeapContext;
import maze.heap.HeapSummary;
import maze.heap.PushWalk;
import maze.heap.Version;

/**
 * A third allocator that exists only in the tests: this folder and one services line, nothing in
 * app/ or cli/. It claims the executable while {@link #blocks} is set and gives those blocks.
 */
public final class FakePlugin implements AllocatorPlugin<long[]> {
    /** The block addresses to give (16 bytes each), or null: then it finds nothing. */
    public static volatile long[] blocks;

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public List<Detection<long[]>> detect(HeapContext ctx) {
        long[] b = blocks;
        if (b == null) {
            return List.of();
        }
        return List.of(new Detection<>(name(), Version.of("0.1", "test"), ctx.core().executable(), "a test said so",
                Detection.Confidence.LIKELY, null, b));
    }

    @Override
    public BlockCursor walk(HeapContext ctx, Detection<long[]> d) {
        return PushWalk.start(name(), sink -> {
            for (long a : d.state()) {
                sink.block(a, 16, 0);
            }
            return new HeapSummary(d.version(), Map.of("fake_blocks", d.state().length));
        });
    }
}
