package maze.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;
import maze.memory.ScanSink;
import org.junit.jupiter.api.Test;

/** The graph, its roots and the sets on a synthetic address space of six blocks. */
class GraphTest {
    private static final long A = 0x1000;
    private static final long B = 0x1040;
    private static final long C = 0x1080;
    private static final long D = 0x10c0;
    private static final long E = 0x1100;
    private static final long F = 0x1140;
    private static final long SIZE = 0x20;
    private static final long GLOBALS = 0x9000;

    /** Words of memory (address -> value); findPointers gives those pointing into the ranges. */
    private static final class Words implements PointerScanner {
        final TreeMap<Long, Long> words = new TreeMap<>();

        Words put(long address, long value) {
            words.put(address, value);
            return this;
        }

        @Override
        public void findPointers(long[] ranges, long from, long to, ScanSink sink) {
            words.forEach((a, w) -> {
                for (int i = 0; i < ranges.length; i += 2) {
                    if (w >= ranges[i] && w < ranges[i + 1]) {
                        sink.accept(new long[] {a}, new long[] {w}, 1);
                        return;
                    }
                }
            });
        }

    }

    private static BlockTable blocks() {
        BlockTable.Builder b = new BlockTable.Builder();
        for (long s : new long[] {A, B, C, D, E, F}) {
            b.block(s, SIZE, 0, SIZE);
        }
        return b.build();
    }

    private static RootRegions globals() {
        RootRegions.Builder r = new RootRegions.Builder();
        r.add(GLOBALS, GLOBALS + 0x100, r.area(new RootArea(RootKind.MODULE_DATA, "/app", "/app", -1)));
        return r.build();
    }

    private static Words memory() {
        return new Words()
                .put(GLOBALS + 8, A + 0x10)   // an interior pointer from a global anchors A
                .put(A + 8, B)
                .put(B, B + 8)                // a block pointing into itself: no edge
                .put(B + 0x10, C)
                .put(C, A)                    // back to A: still anchored
                .put(D, E)
                .put(E + 8, D + 0x18)         // D and E: a leaked cycle
                .put(F, D)                    // F: leaked, and no leaked block points to it
                .put(0x5000, F)               // outside blocks and roots: not a reference
                .put(GLOBALS + 0x10, F + SIZE - 8); // the next chunk's header as an arena holds it
    }

    @Test
    void edgesRootsAndSets() {
        RefGraph g = GraphBuilder.build(blocks(), globals(), new RegisterRoots(), memory());
        assertEquals(6, g.edgeCount());
        assertEquals(1, g.rootCount());
        assertEquals(GLOBALS + 8, g.rootWhere(0));
        assertEquals(0, g.rootTarget(0));
        assertArrayEquals(new int[] {1}, targets(g, 0));
        assertArrayEquals(new int[] {2}, targets(g, 1));
        assertArrayEquals(new int[] {3}, targets(g, 5));
        ReachSets s = ReachSets.of(g);
        byte[] expected = {ReachSets.ANCHORED, ReachSets.ANCHORED, ReachSets.ANCHORED, ReachSets.LEAKED,
            ReachSets.LEAKED, ReachSets.UNREFERENCED};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(ReachSets.name(expected[i]), ReachSets.name(s.set(i)), "block " + i);
        }
        assertArrayEquals(new int[] {-2, 0, 1, 2}, s.pathTo(2));
        assertArrayEquals(new int[0], s.pathTo(4));
    }

    @Test
    void theScanOnItsOwnThreadGivesTheSameGraph() {
        RefGraph piped = GraphBuilder.build(blocks(), globals(), new RegisterRoots(), memory(), null, true);
        RefGraph inline = GraphBuilder.build(blocks(), globals(), new RegisterRoots(), memory(), null, false);
        assertEquals(6, inline.edgeCount());
        assertEquals(inline.edgeCount(), piped.edgeCount());
        for (int b = 0; b < 6; b++) {
            assertArrayEquals(targets(inline, b), targets(piped, b), "block " + b);
        }
        assertEquals(1, piped.rootCount());
        assertEquals(inline.rootWhere(0), piped.rootWhere(0));
        assertEquals(inline.rootTarget(0), piped.rootTarget(0));
    }

    @Test
    void aRegisterAnchorsWhatItPointsTo() {
        RegisterRoots regs = new RegisterRoots();
        RootRegions.Builder r = new RootRegions.Builder();
        int area = r.area(new RootArea(RootKind.REGISTER, "thread 1", null, 0));
        regs.add(area, 5, F + 4);
        regs.add(area, 6, 0x42);
        RefGraph g = GraphBuilder.build(blocks(), r.build(), regs, memory());
        assertEquals(1, g.rootCount());
        assertEquals("rbx", RegisterRoots.name(g.rootWhere(0)));
        ReachSets s = ReachSets.of(g);
        for (int i = 3; i < 6; i++) {
            assertEquals("anchored", ReachSets.name(s.set(i)), "block " + i);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals("leaked", ReachSets.name(s.set(i)), "A, B, C: a leaked cycle, no root points in " + i);
        }
        assertArrayEquals(new int[] {-2, 5, 3, 4}, s.pathTo(4));
    }

    /**
     * jemalloc's tcache stacks: a block the allocator calls its own, which a global (the thread's
     * TLS) points to and whose stale slot still names D: no referrer, in no set, D stays leaked.
     */
    @Test
    void aBlockOfTheAllocatorsOwnIsSetApart() {
        long stacks = 0x1200;
        BlockTable.Builder b = BlockTable.Builder.settingApartMetadata();
        for (long s : new long[] {A, B, C, D, E, F}) {
            b.block(s, SIZE, 0, SIZE);
        }
        b.block(stacks, 0x100, maze.heap.BlockSink.ALLOCATOR_METADATA, 0x100);
        BlockTable table = b.build();
        assertEquals(6, table.count());
        assertEquals(1, table.metadataCount());
        assertEquals(0x100, table.metadataBytes());
        assertEquals(0, table.metadataIndexOf(stacks + 0xff));
        assertEquals(-1, table.metadataIndexOf(stacks + 0x100));
        RefGraph g = GraphBuilder.build(table, globals(), new RegisterRoots(),
                memory().put(stacks + 8, D).put(GLOBALS + 0x18, stacks + 0x10));
        assertEquals(6, g.edgeCount());
        assertEquals(1, g.rootCount());
        ReachSets s = ReachSets.of(g);
        assertEquals("leaked", ReachSets.name(s.set(3)));
        assertEquals("unreferenced", ReachSets.name(s.set(5)));
        BlockTable.Builder all = new BlockTable.Builder();
        all.block(stacks, 0x100, maze.heap.BlockSink.ALLOCATOR_METADATA, 0x100);
        assertEquals(1, all.build().count(), "a listing keeps it");
    }

    /** A stack at [100, 200) then anonymous memory; gives the two areas. */
    private static int[] stackThenAnonymous(RootRegions.Builder b) {
        int stack = b.area(new RootArea(RootKind.STACK, "thread 1", null, 0));
        int anon = b.area(new RootArea(RootKind.ANONYMOUS, "0x32-0x12c", null, -1));
        b.add(100, 200, stack);
        return new int[] {stack, anon};
    }

    @Test
    void anExcludedRangeIsNoRootAndKeepsLaterOnesOut() {
        RootRegions.Builder b = new RootRegions.Builder();
        int[] areas = stackThenAnonymous(b);
        int stack = areas[0];
        int anon = areas[1];
        b.exclude(150, 250);
        b.add(50, 300, anon);
        RootRegions r = b.build();
        assertEquals(stack, r.areaAt(199), "an earlier root keeps its memory");
        assertEquals(-1, r.areaAt(200));
        assertEquals(-1, r.areaAt(249));
        assertEquals(anon, r.areaAt(250));
        assertEquals(anon, r.areaAt(99));
        assertEquals(50, r.excludedBytes());
        assertEquals(50 + 100 + 50, r.bytes());
    }

    @Test
    void laterRegionsKeepOnlyWhatEarlierOnesLeaveFree() {
        RootRegions.Builder b = new RootRegions.Builder();
        int[] areas = stackThenAnonymous(b);
        int stack = areas[0];
        int anon = areas[1];
        b.add(50, 300, anon);
        b.add(150, 400, anon);
        RootRegions r = b.build();
        assertEquals(3, r.count());
        assertEquals(List.of(50L, 100L, 200L), List.of(r.start(0), r.start(1), r.start(2)));
        assertEquals(List.of(100L, 200L, 400L), List.of(r.end(0), r.end(1), r.end(2)));
        assertEquals(anon, r.areaAt(99));
        assertEquals(stack, r.areaAt(100));
        assertEquals(stack, r.areaAt(199));
        assertEquals(anon, r.areaAt(399));
        assertEquals(-1, r.areaAt(400));
        assertEquals(-1, r.areaAt(49));
        assertEquals(350, r.bytes());
    }

    @Test
    void blocksFindTheirWordsAndJoinIntoScanRanges() {
        BlockTable t = blocks();
        assertEquals(0, t.indexOf(A));
        assertEquals(0, t.indexOf(A + SIZE - 1));
        assertEquals(-1, t.indexOf(A + SIZE));
        assertEquals(-1, t.indexOf(A - 1));
        assertEquals(5, t.indexOf(F + 8));
        assertArrayEquals(new long[] {A, F + SIZE}, t.scanRanges(0x20));
        assertArrayEquals(new long[] {A, A + SIZE, B, B + SIZE}, java.util.Arrays.copyOf(t.scanRanges(0x10), 4));
    }

    private static int[] targets(RefGraph g, int block) {
        int[] out = new int[g.firstEdge(block + 1) - g.firstEdge(block)];
        for (int i = 0; i < out.length; i++) {
            out[i] = g.target(g.firstEdge(block) + i);
        }
        return out;
    }
}
