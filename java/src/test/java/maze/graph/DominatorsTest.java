package maze.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Dominators and retained sizes on hand-made graphs whose dominator trees are known. */
class DominatorsTest {
    /** Blocks of sizes 16, 32, 64, ... at 0x1000 apart; edges[b]: what b points to; roots point at {@code rootTargets}. */
    private static ReachSets graph(int blocks, int[][] edges, int... rootTargets) {
        long[] sizes = new long[blocks];
        for (int i = 0; i < blocks; i++) {
            sizes[i] = 16L << i;
        }
        return ReachSets.of(new RandomGraphs(blocks, sizes, edges, rootTargets).graph());
    }

    @Test
    void aDiamondIsRetainedByItsTop() {
        // 0 -> 1, 0 -> 2, 1 -> 3, 2 -> 3, 3 -> 4; the root points at 0
        Dominators d = Dominators.of(graph(5, new int[][] {{1, 2}, {3}, {3}, {4}, {}}, 0));
        assertEquals(-1, d.idom(0));
        assertEquals(0, d.idom(1));
        assertEquals(0, d.idom(2));
        assertEquals(0, d.idom(3), "two paths meet at 3: only 0 dominates it");
        assertEquals(3, d.idom(4));
        assertEquals(16 + 32 + 64 + 128 + 256, d.retained(0));
        assertEquals(32, d.retained(1));
        assertEquals(128 + 256, d.retained(3));
    }

    @Test
    void whatTwoRootsShareIsRetainedByNeither() {
        // roots -> 0 and -> 1; both point to 2
        Dominators d = Dominators.of(graph(3, new int[][] {{2}, {2}, {}}, 0, 1));
        assertEquals(-1, d.idom(2));
        assertEquals(16, d.retained(0));
        assertEquals(32, d.retained(1));
        assertEquals(64, d.retained(2));
    }

    @Test
    void leakedTreesAreRetainedByTheirHeadAndCyclesByNobody() {
        // 0 anchored; 1 -> 2 -> 3 a leaked chain (1 unreferenced); 4 <-> 5 a leaked cycle; 2 -> 4 too
        // (then 4 and 5 hang below 2); 6 <-> 7 a cycle nothing points into
        Dominators d = Dominators.of(graph(8, new int[][] {{}, {2}, {3, 4}, {}, {5}, {4}, {7}, {6}}, 0));
        assertEquals(16, d.retained(0));
        assertEquals(32 + 64 + 128 + 256 + 512, d.retained(1));
        assertEquals(2, d.idom(4));
        assertEquals(4, d.idom(5));
        assertFalse(d.reached(6));
        assertEquals(1024, d.retained(6));
        assertEquals(2048, d.retained(7));
    }

    @Test
    void aLeakedBlockPointingIntoAnAnchoredTreeTakesNothingFromItsRoot() {
        // root -> 0 -> 1 -> 2; 3 is leaked and points to 1
        Dominators d = Dominators.of(graph(4, new int[][] {{1}, {2}, {}, {1}}, 0));
        assertEquals(0, d.idom(1));
        assertEquals(16 + 32 + 64, d.retained(0));
        assertEquals(128, d.retained(3));
    }

    @Test
    void loopsConvergeToTheEntry() {
        // 0 -> 1 -> 2 -> 3 -> 1, 2 -> 4, 3 -> 4: idom(4) = 2, idom(3) = 2
        Dominators d = Dominators.of(graph(5, new int[][] {{1}, {2}, {3, 4}, {1, 4}, {}}, 0));
        assertEquals(0, d.idom(1));
        assertEquals(1, d.idom(2));
        assertEquals(2, d.idom(3));
        assertEquals(2, d.idom(4));
        assertEquals(64 + 128 + 256, d.retained(2));
    }
}
