package maze.heap.mimalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import maze.heap.HeapSummary;
import maze.heap.MallocSpace;
import maze.heap.OwnedMemory;
import maze.testing.ThreadRecordingMemory;

/**
 * Everything a mimalloc walk on synthetic memory gives (blocks with flags, facts, warnings, pools,
 * owned ranges) and which threads read the memory, to compare walks with different walker counts.
 */
public record WalkOutcome(List<String> blocks, Map<String, Object> facts, List<String> warnings, int warningCount,
                          List<String> pools, List<OwnedMemory.Range> owned, Set<String> readers) {

    /** Walks mimalloc {@code version} in {@code ctx} (whose memory is {@code mem}) with {@code walkers} walkers. */
    public static WalkOutcome of(FakeHeapContext ctx, ThreadRecordingMemory mem, MiVersion version, int walkers) {
        mem.readers().clear();
        List<String> blocks = new ArrayList<>();
        HeapSummary s = MimallocPlugin.walk(ctx, FakeHeapContext.detection(version, ctx.library()),
                (a, size, f) -> blocks.add(String.format("0x%x %d %d", a, size, f)), walkers);
        List<String> pools = s.owned().space().pools().stream().map(WalkOutcome::describe).toList();
        return new WalkOutcome(blocks, s.facts(), ctx.warnings().all(), ctx.warnings().count(), pools,
                s.owned().owned(), Set.copyOf(mem.readers()));
    }

    private static String describe(MallocSpace.Pool p) {
        return String.format("%s 0x%x system %d free %d bands %s top %d", p.name(), p.address(), p.systemBytes(), p.free(),
                Arrays.toString(p.binnedByBand()), p.top());
    }

    /** Whether some unit of pages was walked on a thread of its own. */
    public boolean walkedOnUnitThreads() {
        return readers.stream().anyMatch(n -> n.startsWith("maze-walk-mimalloc-"));
    }

    /**
     * This walk (several walkers) gave what {@code one} (one walker) gave: the same blocks in the
     * same order, facts, warnings, pools and owned ranges; it ran on unit threads, {@code one} did
     * not. And {@code one} is the heap meant: over {@code minBlocks} blocks, each of the
     * {@code expected} warnings, and the page {@code overlapped} left out as overlapping the one before.
     */
    public void assertParallelCopyOf(WalkOutcome one, int minBlocks, List<String> expected, long overlapped) {
        assertEquals(one.blocks(), blocks);
        assertEquals(one.facts(), facts);
        assertEquals(one.warnings(), warnings);
        assertEquals(one.warningCount(), warningCount);
        assertEquals(one.pools(), pools);
        assertEquals(one.owned(), owned);
        assertFalse(one.walkedOnUnitThreads(), one.readers().toString());
        assertTrue(walkedOnUnitThreads(), readers.toString());
        assertTrue(one.blocks().size() > minBlocks, "blocks: " + one.blocks().size());
        for (String w : expected) {
            assertTrue(one.warnings().stream().anyMatch(x -> x.contains(w)), w + ": " + one.warnings());
        }
        String left = String.format("mimalloc page 0x%x (", overlapped);
        assertTrue(one.warnings().stream().anyMatch(w -> w.startsWith(left) && w.contains("overlaps the page before it")),
                left + ": " + one.warnings());
    }
}
