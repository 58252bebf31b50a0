package maze.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import maze.classify.TypeKeys;
import maze.classify.TypeNames;
import org.junit.jupiter.api.Test;

/**
 * The sets, the shortest paths and the dominators of random graphs, against their definitions
 * computed the slow way ({@link RandomGraphs}): a search per block and per question.
 */
class RandomGraphTest {
    private static final int GRAPHS = 3000;

    @Test
    void setsAreTheDefinitions() {
        Random rnd = new Random(15);
        for (int i = 0; i < GRAPHS; i++) {
            RandomGraphs r = RandomGraphs.random(rnd, 40);
            ReachSets s = ReachSets.of(r.graph());
            byte[] expected = r.sets();
            for (int b = 0; b < r.n; b++) {
                assertEquals(ReachSets.name(expected[b]), ReachSets.name(s.set(b)), "graph " + i + ", block " + b);
            }
        }
    }

    @Test
    void pathsAreShortestAndFollowEdges() {
        Random rnd = new Random(16);
        for (int i = 0; i < GRAPHS; i++) {
            RandomGraphs r = RandomGraphs.random(rnd, 40);
            RefGraph g = r.graph();
            ReachSets s = ReachSets.of(g);
            int[] d = r.distances();
            for (int b = 0; b < r.n; b++) {
                int[] p = s.pathTo(b);
                String what = "graph " + i + ", block " + b;
                assertEquals(Math.max(d[b] + 1, 0), p.length, what);
                if (p.length == 0) {
                    continue;
                }
                assertEquals(p[1], g.rootTarget(-2 - p[0]), what + ": the path starts at a root's target");
                assertEquals(b, p[p.length - 1], what);
                for (int k = 2; k < p.length; k++) {
                    assertTrue(hasEdge(r, p[k - 1], p[k]), what + ": " + p[k - 1] + " -> " + p[k]);
                }
            }
        }
    }

    @Test
    void dominatorsAndRetainedSizesAreTheDefinitions() {
        Random rnd = new Random(17);
        for (int i = 0; i < GRAPHS; i++) {
            RandomGraphs r = RandomGraphs.random(rnd, 30);
            Dominators d = Dominators.of(ReachSets.of(r.graph()));
            byte[] set = r.sets();
            boolean[] reached = r.reachedWithout(-1, set);
            boolean[][] dom = r.strictDominators(set);
            for (int v = 0; v < r.n; v++) {
                String what = "graph " + i + ", block " + v;
                assertEquals(reached[v], d.reached(v), what);
                assertEquals(reached[v] ? immediate(dom, v) : -1, d.idom(v), what);
                long retained = r.sizes[v];
                for (int u = 0; u < r.n; u++) {
                    retained += dom[v][u] ? r.sizes[u] : 0;
                }
                assertEquals(retained, d.retained(v), what);
            }
        }
    }

    /** Per type: the bytes of every block some block of the type dominates or is, each block once. */
    @Test
    void typesRetainWhatTheirBlocksDominate() {
        Random rnd = new Random(18);
        for (int i = 0; i < GRAPHS / 3; i++) {
            RandomGraphs r = RandomGraphs.random(rnd, 30);
            for (int b = 0; b < r.n; b++) {
                r.sizes[b] = 16 * (1 + rnd.nextInt(3)); // three types, so blocks of one type nest
            }
            ReachSets sets = ReachSets.of(r.graph());
            TypeNames names = TypeNames.sizesOnly();
            RetainedReport report = new RetainedReport(sets, Dominators.of(sets), names, null);
            boolean[][] dom = r.strictDominators(r.sets());
            Map<String, Long> expected = new HashMap<>();
            for (long size = 16; size <= 48; size += 16) {
                long sum = 0;
                for (int u = 0; u < r.n; u++) {
                    boolean kept = r.sizes[u] == size;
                    for (int d = 0; d < r.n; d++) {
                        kept |= r.sizes[d] == size && dom[d][u];
                    }
                    sum += kept ? r.sizes[u] : 0;
                }
                expected.put(names.name(TypeKeys.ofSize(size)), sum);
            }
            for (RetainedReport.TypeRow row : report.typeRows()) {
                assertEquals(expected.get(row.type()), row.retained(), "graph " + i + ", " + row.type());
            }
        }
    }

    /**
     * A path of 300,000 blocks from one root, with a short cut from every even block over the next
     * one: a search with recursion would overflow the stack, and the answer is known.
     */
    @Test
    void aLongChainIsDominatedLinkByLink() {
        int n = 300_000;
        int[][] edges = new int[n][];
        long[] sizes = new long[n];
        for (int b = 0; b < n; b++) {
            sizes[b] = 16;
            edges[b] = b + 2 < n && b % 2 == 0 ? new int[] {b + 1, b + 2} : b + 1 < n ? new int[] {b + 1} : new int[0];
        }
        RandomGraphs r = new RandomGraphs(n, sizes, edges, new int[] {0});
        Dominators d = Dominators.of(ReachSets.of(r.graph()));
        assertEquals(-1, d.idom(0));
        assertEquals(16L * n, d.retained(0));
        for (int b = 1; b < n; b++) {
            // an odd block is skipped by the short cut from the even one before it: only that one dominates both
            int expected = b % 2 == 0 ? b - 2 : b - 1;
            assertEquals(expected, d.idom(b), "block " + b);
            assertEquals(b % 2 == 0 ? 16L * (n - b) : 16, d.retained(b), "block " + b);
        }
    }

    private static int immediate(boolean[][] dom, int v) {
        int best = -1;
        int bestDepth = -1;
        for (int c = 0; c < dom.length; c++) {
            if (dom[c][v]) {
                int depth = 0;
                for (int a = 0; a < dom.length; a++) {
                    depth += dom[a][c] ? 1 : 0;
                }
                if (depth > bestDepth) {
                    best = c;
                    bestDepth = depth;
                }
            }
        }
        return best;
    }

    private static boolean hasEdge(RandomGraphs r, int from, int to) {
        for (int t : r.edges[from]) {
            if (t == to) {
                return true;
            }
        }
        return false;
    }
}
