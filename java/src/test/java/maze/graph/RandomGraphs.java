package maze.graph;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;

/**
 * Random reference graphs for the graph's algorithms, and the definitions of docs/leaks.md computed
 * the slow, obvious way (a search per question) to check them against.
 */
final class RandomGraphs {
    final int n;
    final long[] sizes;
    /** edges[b]: the blocks b points into (never b itself, as the graph builder leaves those out). */
    final int[][] edges;
    final int[] rootTargets;

    RandomGraphs(int n, long[] sizes, int[][] edges, int[] rootTargets) {
        this.n = n;
        this.sizes = sizes;
        this.edges = edges;
        this.rootTargets = rootTargets;
    }

    /** Up to {@code maxBlocks} blocks, up to 3 edges each (repeats possible), up to 3 root references. */
    static RandomGraphs random(Random rnd, int maxBlocks) {
        int n = 1 + rnd.nextInt(maxBlocks);
        long[] sizes = new long[n];
        int[][] edges = new int[n][];
        int maxDegree = 1 + rnd.nextInt(3);
        for (int b = 0; b < n; b++) {
            sizes[b] = 16 + 16 * rnd.nextInt(16);
            edges[b] = new int[n == 1 ? 0 : rnd.nextInt(maxDegree + 1)];
            for (int k = 0; k < edges[b].length; k++) {
                int t = rnd.nextInt(n - 1);
                edges[b][k] = t >= b ? t + 1 : t;
            }
        }
        int[] roots = new int[rnd.nextInt(4)];
        for (int r = 0; r < roots.length; r++) {
            roots[r] = rnd.nextInt(n);
        }
        return new RandomGraphs(n, sizes, edges, roots);
    }

    /** The graph as maze builds it: blocks 0x1000 apart, edges in CSR, roots as words of one module. */
    RefGraph graph() {
        BlockTable.Builder b = new BlockTable.Builder();
        for (int i = 0; i < n; i++) {
            b.block(0x10000 + 0x1000L * i, sizes[i], 0, sizes[i]);
        }
        int[] first = new int[n + 1];
        int[] targets = new int[Arrays.stream(edges).mapToInt(e -> e.length).sum()];
        int k = 0;
        for (int i = 0; i < n; i++) {
            first[i] = k;
            for (int t : edges[i]) {
                targets[k++] = t;
            }
        }
        first[n] = k;
        RootRegions.Builder r = new RootRegions.Builder();
        int area = r.area(new RootArea(RootKind.MODULE_DATA, "/app", "/app", -1));
        long[] where = new long[rootTargets.length];
        int[] areas = new int[rootTargets.length];
        for (int i = 0; i < where.length; i++) {
            where[i] = 0x9000 + 8L * i;
            areas[i] = area;
        }
        return RefGraph.of(b.build(), first, targets, r.build(), where, areas, rootTargets);
    }

    /** Breadth-first distances from the roots (a root's target is at 1), -1 for unreached blocks. */
    int[] distances() {
        int[] d = new int[n];
        Arrays.fill(d, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int t : rootTargets) {
            if (d[t] < 0) {
                d[t] = 1;
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int t : edges[v]) {
                if (d[t] < 0) {
                    d[t] = d[v] + 1;
                    queue.add(t);
                }
            }
        }
        return d;
    }

    /** The sets by their definitions: anchored if reachable, unreferenced if no other leaked block points to it. */
    byte[] sets() {
        int[] d = distances();
        byte[] set = new byte[n];
        for (int b = 0; b < n; b++) {
            set[b] = d[b] >= 0 ? ReachSets.ANCHORED : ReachSets.UNREFERENCED;
        }
        for (int b = 0; b < n; b++) {
            for (int t : edges[b]) {
                if (d[b] < 0 && d[t] < 0 && t != b) {
                    set[t] = ReachSets.LEAKED;
                }
            }
        }
        return set;
    }

    /**
     * Whether the super-root reaches each block with block {@code removed} taken out (-1: none):
     * the super-root points to the roots' targets and to the unreferenced blocks, and a leaked
     * block's pointers into anchored blocks do not count.
     */
    boolean[] reachedWithout(int removed, byte[] set) {
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int b = 0; b < n; b++) {
            boolean head = set[b] == ReachSets.UNREFERENCED;
            for (int t : rootTargets) {
                head |= t == b;
            }
            if (head && b != removed) {
                seen[b] = true;
                queue.add(b);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int t : edges[v]) {
                boolean kept = set[v] == ReachSets.ANCHORED || set[t] != ReachSets.ANCHORED;
                if (kept && t != removed && !seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return seen;
    }

    /** dominatedBy[d][v]: block d lies on every path from the super-root to reached block v (d != v). */
    boolean[][] strictDominators(byte[] set) {
        boolean[] reached = reachedWithout(-1, set);
        boolean[][] dom = new boolean[n][n];
        for (int d = 0; d < n; d++) {
            boolean[] without = reachedWithout(d, set);
            for (int v = 0; v < n; v++) {
                dom[d][v] = v != d && reached[v] && !without[v];
            }
        }
        return dom;
    }
}
