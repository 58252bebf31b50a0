package maze.heap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Walks units of a heap (sorted, disjoint runs of address space: a glibc heap, a run of mimalloc
 * segments or pages) several at once and hands their blocks on in address order, exactly as one
 * thread would. A unit is walked on a thread of its own by a fresh walker (its own counts, its own
 * warnings) into a bounded buffer: the unit being handed on and the next few are in flight, so
 * memory stays bounded whatever the heap's size. After a unit's blocks, its counts join the totals
 * and its warnings are appended, so warnings come in the same order and number as from one thread.
 */
public final class ParallelWalks {
    /** Blocks buffered by all units in flight together: 20 bytes each, about 80 MB. */
    public static final int BUDGET_BLOCKS = 1 << 22;
    private static final int MAX_AHEAD = 8;
    private static final HeapSummary UNIT_DONE = new HeapSummary(Version.unknown("one unit"), Map.of());

    private ParallelWalks() {
    }

    /**
     * How an allocator walks its units. {@code W} is a walker of one unit; the allocator's own
     * walker holds the totals. Everything but {@link #walk} is called on the caller's thread.
     */
    public interface Plan<U, W> {
        /** The name of {@code unit}'s thread (after maze-walk-), e.g. glibc-0x7f0000000000. */
        String name(U unit);

        /** False for a unit handed on where it stands, on the caller's thread (a lone mmapped block, say). */
        default boolean parallel(U unit) {
            return true;
        }

        /**
         * A fresh walker of {@code unit} with counts of its own, whose warnings go to
         * {@code warnings}. Units start ahead of the hand-over: it must not depend on what the
         * units before it find (an allocator whose walk carries state across units computes it first).
         */
        W walker(U unit, Warnings warnings);

        /** Walks {@code unit} with {@code walker} into {@code sink}; runs on a thread of its own. */
        void walk(W walker, U unit, BlockSink sink);

        /** Adds the counts of {@code walker}, whose unit's blocks were just handed on (units in order). */
        void absorb(W walker);

        /** Walks {@code unit} on the caller's thread, straight into the totals. */
        void walkHere(U unit, BlockSink sink);
    }

    /**
     * The walker count for {@code allocator}: -Dmaze.ALLOCATOR.walkers=N, else -Dmaze.walkers=N,
     * else one per core beyond the one the reader of the blocks (classify, aggregate) keeps busy.
     */
    public static int walkers(String allocator) {
        int shared = Integer.getInteger("maze.walkers", Runtime.getRuntime().availableProcessors() - 1);
        return Integer.getInteger("maze." + allocator + ".walkers", shared);
    }

    /** Emits every unit's blocks into {@code sink} in unit order, walking up to {@code threads} units at once. */
    public static <U, W> void emit(List<U> units, Plan<U, W> plan, int threads, BlockSink sink,
                                   Warnings warnings) {
        List<U> parallel = units.stream().filter(plan::parallel).toList();
        if (threads <= 1 || parallel.size() <= 1) {
            units.forEach(u -> plan.walkHere(u, sink));
            return;
        }
        int ahead = Math.min(threads, MAX_AHEAD);
        int queued = Math.max(4, BUDGET_BLOCKS / ahead / PushWalk.BATCH);
        Deque<Running<W>> running = new ArrayDeque<>();
        int started = 0;
        try {
            for (U u : units) {
                if (!plan.parallel(u)) {
                    plan.walkHere(u, sink);
                    continue;
                }
                while (started < parallel.size() && running.size() < ahead) {
                    running.add(Running.start(parallel.get(started++), plan, queued));
                }
                Running<W> run = running.poll(); // units start in order: this is u's
                run.drainInto(sink);
                plan.absorb(run.walker());
                warnings.append(run.warnings());
            }
        } finally {
            running.forEach(run -> run.cursor().close());
        }
    }

    /** One unit walked on its own thread, with its own walker and warnings. */
    private record Running<W>(W walker, Warnings warnings, BlockCursor cursor) {
        static <U, W> Running<W> start(U unit, Plan<U, W> plan, int queuedBatches) {
            Warnings local = new Warnings();
            W w = plan.walker(unit, local);
            BlockCursor c = PushWalk.start(plan.name(unit), queuedBatches, sink -> {
                plan.walk(w, unit, sink);
                return UNIT_DONE;
            });
            return new Running<>(w, local, c);
        }

        void drainInto(BlockSink sink) {
            while (cursor.next()) {
                sink.block(cursor.address(), cursor.size(), cursor.flags());
            }
        }
    }
}
