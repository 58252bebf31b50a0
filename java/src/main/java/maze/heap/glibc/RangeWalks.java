package maze.heap.glibc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import maze.heap.BlockCursor;
import maze.heap.BlockSink;
import maze.heap.HeapSummary;
import maze.heap.PushWalk;
import maze.heap.Version;
import maze.heap.Warnings;

/**
 * Walks chunk ranges (sorted, disjoint) several at once and hands their blocks on in address
 * order. A heap's chunk chain is sequential by nature, so a range is the unit: the range being
 * handed on and the next few are walked on threads of their own, each into a bounded buffer
 * (memory stays bounded whatever the heap's size). A range's warnings are given when its blocks
 * are, so they come in the same order as from a walk on one thread.
 */
final class RangeWalks {
    /** Blocks buffered by all ranges in flight together: 20 bytes each, about 80 MB. */
    private static final int BUDGET_BLOCKS = 1 << 22;
    private static final int MAX_AHEAD = 8;
    private static final HeapSummary RANGE_DONE = new HeapSummary(Version.unknown("one range"), Map.of());

    private RangeWalks() {
    }

    /** One range walked on its own thread, with its own walker counts and warnings. */
    private record Running(ChunkWalker walker, Warnings warnings, BlockCursor cursor) {
        static Running start(ChunkRange r, ChunkWalker total, GlibcMemory m, int queuedBatches) {
            Warnings local = new Warnings();
            ChunkWalker w = total.forRange(new GlibcMemory(m.memory(), m.layout(), m.libcBias(), m.safeLinking(), local));
            BlockCursor c = PushWalk.start(String.format("glibc-0x%x", r.start()), queuedBatches, sink -> {
                w.walk(r, sink);
                return RANGE_DONE;
            });
            return new Running(w, local, c);
        }

        void drainInto(BlockSink sink) {
            while (cursor.next()) {
                sink.block(cursor.address(), cursor.size(), cursor.flags());
            }
        }
    }

    /** Emits every range's blocks into {@code sink} in address order, walking up to {@code threads} heaps at once. */
    static void emit(List<ChunkRange> ranges, ChunkWalker walker, BlockSink sink, GlibcMemory m, int threads) {
        List<ChunkRange> heaps = ranges.stream().filter(r -> !r.mmapped()).toList();
        if (threads <= 1 || heaps.size() <= 1) {
            ranges.forEach(r -> emitOne(r, walker, sink));
            return;
        }
        int ahead = Math.min(threads, MAX_AHEAD);
        int queued = Math.max(4, BUDGET_BLOCKS / ahead / PushWalk.BATCH);
        Deque<Running> running = new ArrayDeque<>();
        int started = 0;
        try {
            for (ChunkRange r : ranges) {
                if (r.mmapped()) {
                    emitOne(r, walker, sink);
                    continue;
                }
                while (started < heaps.size() && running.size() < ahead) {
                    running.add(Running.start(heaps.get(started++), walker, m, queued));
                }
                Running run = running.poll(); // heaps start in address order: this is r's
                run.drainInto(sink);
                walker.absorb(run.walker());
                run.warnings().all().forEach(m.warnings()::add);
            }
        } finally {
            running.forEach(run -> run.cursor().close());
        }
    }

    private static void emitOne(ChunkRange r, ChunkWalker walker, BlockSink sink) {
        if (r.mmapped()) {
            sink.block(r.start() + 16, r.end() - r.start() - 16, BlockSink.MMAPPED);
        } else {
            walker.walk(r, sink);
        }
    }
}
