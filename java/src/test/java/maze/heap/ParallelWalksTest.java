package maze.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Units walked on several threads give exactly what one thread gives: blocks, totals, warnings. */
class ParallelWalksTest {
    /** A unit of {@code blocks} blocks from {@code start}, giving {@code warnings} warnings and {@code notes} notes. */
    private record Unit(long start, int blocks, int warnings, int notes, boolean parallel, int failAt) {
    }

    /** A unit's walker: the sum of its block sizes, its warnings. */
    private static final class Counter {
        final Warnings warnings;
        long sum;

        Counter(Warnings warnings) {
            this.warnings = warnings;
        }
    }

    /** A plan over {@link Unit}s that records where units were walked and how many were in flight. */
    private static final class Plan implements ParallelWalks.Plan<Unit, Counter> {
        final Counter total;
        final Set<String> walkThreads = ConcurrentHashMap.newKeySet();
        int started;
        int absorbed;
        int maxInFlight;

        Plan(Warnings warnings) {
            total = new Counter(warnings);
        }

        @Override
        public String name(Unit u) {
            return String.format("test-0x%x", u.start());
        }

        @Override
        public boolean parallel(Unit u) {
            return u.parallel();
        }

        @Override
        public Counter walker(Unit u, Warnings warnings) {
            started++;
            maxInFlight = Math.max(maxInFlight, started - absorbed);
            return new Counter(warnings);
        }

        @Override
        public void walk(Counter c, Unit u, BlockSink sink) {
            walkThreads.add(Thread.currentThread().getName());
            for (int i = 0; i < u.blocks(); i++) {
                if (i == u.failAt()) {
                    throw new IllegalStateException("unit 0x" + Long.toHexString(u.start()) + " broke");
                }
                long size = 16 + (i * 7919L + u.start()) % 1000;
                c.sum += size;
                sink.block(u.start() + 16L * i, size, (int) (i % 3));
                if (i < u.warnings()) {
                    c.warnings.add("unit 0x%x: warning %d", u.start(), i);
                }
                if (i < u.notes()) {
                    c.warnings.note("unit 0x%x: note %d", u.start(), i);
                }
            }
        }

        @Override
        public void absorb(Counter c) {
            absorbed++;
            total.sum += c.sum;
        }

        @Override
        public void walkHere(Unit u, BlockSink sink) {
            walk(total, u, sink);
        }
    }

    /** What one walk gave. */
    private record Walked(List<String> blocks, long sum, List<String> warnings, int count, boolean incomplete,
                          Plan plan) {
    }

    private static List<Unit> units(int failAt) {
        List<Unit> units = new ArrayList<>();
        for (int u = 0; u < 14; u++) {
            boolean lone = u % 5 == 4; // handed on where it stands, between walked units
            int blocks = lone ? 1 : 3000 + 1000 * (u % 4) + (u == 6 ? 20000 : 0); // one unit of several batches
            units.add(new Unit(0x100000000L * (u + 1), blocks, u == 3 ? 230 : u % 3, u == 8 ? 50 : 0, !lone,
                    u == 7 ? failAt : -1));
        }
        return units;
    }

    private static Walked walk(int threads, int failAt, List<String> blocks) {
        Warnings warnings = new Warnings();
        warnings.add("before the walk");
        Plan plan = new Plan(warnings);
        ParallelWalks.emit(units(failAt), plan, threads, (a, s, f) -> blocks.add(Long.toHexString(a) + " " + s + " " + f),
                warnings);
        return new Walked(blocks, plan.total.sum, warnings.all(), warnings.count(), warnings.incomplete(), plan);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8, 32})
    void severalThreadsGiveWhatOneGives(int threads) {
        Walked one = walk(1, -1, new ArrayList<>());
        Walked many = walk(threads, -1, new ArrayList<>());
        assertTrue(one.blocks().size() > 50000, "blocks: " + one.blocks().size());
        assertEquals(one.blocks(), many.blocks());
        assertEquals(one.sum(), many.sum());
        assertEquals(one.warnings(), many.warnings());
        assertEquals(one.count(), many.count());
        assertEquals(one.incomplete(), many.incomplete());
        // unit 3's 230 warnings overflow the list: the rest are counted, as with one thread
        assertTrue(many.warnings().get(many.warnings().size() - 1).endsWith("more warnings not shown"),
                many.warnings().toString());
    }

    @Test
    void unitsRunOnThreadsOfTheirOwnAtMostEightAhead() {
        Walked one = walk(1, -1, new ArrayList<>());
        assertEquals(Set.of(Thread.currentThread().getName()), one.plan().walkThreads);
        Walked three = walk(3, -1, new ArrayList<>());
        assertEquals(3, three.plan().maxInFlight);
        assertTrue(three.plan().walkThreads.contains("maze-walk-test-0x100000000"), three.plan().walkThreads.toString());
        assertTrue(three.plan().walkThreads.contains(Thread.currentThread().getName()), "lone units walk here");
        assertEquals(8, walk(32, -1, new ArrayList<>()).plan().maxInFlight);
    }

    /** A unit whose walk throws: the same blocks before it, then the same exception. */
    @Test
    void aFailingUnitStopsTheWalkWhereOneThreadWould() {
        List<String> oneBlocks = new ArrayList<>();
        List<String> manyBlocks = new ArrayList<>();
        IllegalStateException one = assertThrows(IllegalStateException.class, () -> walk(1, 1234, oneBlocks));
        IllegalStateException many = assertThrows(IllegalStateException.class, () -> walk(4, 1234, manyBlocks));
        assertEquals(one.getMessage(), many.getMessage());
        assertTrue(oneBlocks.size() > 1234, "blocks: " + oneBlocks.size());
        assertEquals(oneBlocks, manyBlocks);
    }

    /** Appending a unit's warnings is giving them after the others: same list, count and completeness. */
    @Test
    void appendedWarningsAreWhatOneListWouldHold() {
        Warnings one = new Warnings();
        Warnings first = new Warnings();
        Warnings later = new Warnings();
        for (int i = 0; i < 150; i++) {
            one.note("note %d", i);
            first.note("note %d", i);
        }
        for (int i = 0; i < 120; i++) {
            one.add("warning %d", i);
            later.add("warning %d", i);
        }
        first.append(later);
        assertEquals(one.all(), first.all());
        assertEquals(270, first.count());
        assertTrue(first.incomplete());
        Warnings notesOnly = new Warnings();
        notesOnly.note("a note");
        Warnings empty = new Warnings();
        empty.append(notesOnly);
        assertEquals(List.of("a note"), empty.all());
        assertEquals(false, empty.incomplete());
    }

    @Test
    void walkersComeFromTheAllocatorsPropertyThenTheSharedOne() {
        assertEquals(Runtime.getRuntime().availableProcessors() - 1, ParallelWalks.walkers("nosuchallocator"));
        try {
            System.setProperty("maze.walkers", "3");
            assertEquals(3, ParallelWalks.walkers("nosuchallocator"));
            System.setProperty("maze.nosuchallocator.walkers", "5");
            assertEquals(5, ParallelWalks.walkers("nosuchallocator"));
        } finally {
            System.clearProperty("maze.walkers");
            System.clearProperty("maze.nosuchallocator.walkers");
        }
    }
}
