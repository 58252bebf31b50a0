package maze.graph;

import java.util.Arrays;

/**
 * The dominator tree of the reference graph and every block's retained size, on primitive arrays.
 * A super-root (node n) points to every block a root points to and to every unreferenced block, so
 * leaked structures get retained sizes too (a leaked block's pointers into anchored blocks are left
 * out: they keep nothing alive, so anchored sizes come from the roots alone); blocks it still cannot reach (members of a leaked cycle
 * nothing leaked points into) retain their own size only. Immediate dominators come from the
 * iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast Dominance Algorithm") over
 * reverse postorder. Conservative edges only add paths: a block kept by two roots is attributed to
 * their common dominator (the super-root), never to either.
 */
public final class Dominators {
    /** The super-root's node number is the block count. */
    private final int superRoot;
    /** Immediate dominator per node; -1 for unreached nodes; idom[superRoot] = superRoot. */
    private final int[] idom;
    private final long[] retained;

    private Dominators(int superRoot, int[] idom, long[] retained) {
        this.superRoot = superRoot;
        this.idom = idom;
        this.retained = retained;
    }

    public static Dominators of(ReachSets sets) {
        Successors s = Successors.of(sets);
        int n = s.nodes();
        int[] order = reversePostorder(s);
        int[] rank = new int[n];
        Arrays.fill(rank, -1);
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        int[][] preds = predecessors(s, rank);
        int[] idom = idoms(order, rank, preds[0], preds[1]);
        long[] retained = retained(sets.graph().blocks(), order, idom);
        return new Dominators(n - 1, idom, retained);
    }

    /** The block's immediate dominator; -1 when that is the super-root or the block is unreached. */
    public int idom(int block) {
        int d = idom[block];
        return d == superRoot ? -1 : d;
    }

    /** Bytes that would be freed with the block: its own and those of every block it dominates. */
    public long retained(int block) {
        return retained[block];
    }

    /** True when the super-root reaches the block (anchored, or below an unreferenced block). */
    public boolean reached(int block) {
        return idom[block] >= 0;
    }

    /** Iterative depth-first search from the super-root; the nodes it reaches in reverse postorder. */
    private static int[] reversePostorder(Successors s) {
        int n = s.nodes();
        int[] post = new int[n];
        int done = 0;
        int[] stack = new int[n];
        int[] next = new int[n];   // the next successor index to visit, per node on the stack
        boolean[] seen = new boolean[n];
        int top = 0;
        stack[top++] = n - 1;
        seen[n - 1] = true;
        next[n - 1] = s.first(n - 1);
        while (top > 0) {
            int v = stack[top - 1];
            if (next[v] < s.first(v + 1)) {
                int w = s.target(next[v]++);
                if (!seen[w]) {
                    seen[w] = true;
                    next[w] = s.first(w);
                    stack[top++] = w;
                }
            } else {
                post[done++] = v;
                top--;
            }
        }
        int[] order = new int[done];
        for (int i = 0; i < done; i++) {
            order[i] = post[done - 1 - i];
        }
        return order;
    }

    /** Predecessors of every reached node, by rank: {first[rank count + 1], ranks of predecessors}. */
    private static int[][] predecessors(Successors s, int[] rank) {
        int reached = 0;
        for (int r : rank) {
            reached += r >= 0 ? 1 : 0;
        }
        int[] first = new int[reached + 1];
        for (int v = 0; v < s.nodes(); v++) {
            if (rank[v] >= 0) {
                for (int e = s.first(v); e < s.first(v + 1); e++) {
                    first[rank[s.target(e)] + 1]++;
                }
            }
        }
        for (int i = 0; i < reached; i++) {
            first[i + 1] += first[i];
        }
        int[] fill = Arrays.copyOf(first, reached);
        int[] preds = new int[first[reached]];
        for (int v = 0; v < s.nodes(); v++) {
            if (rank[v] >= 0) {
                for (int e = s.first(v); e < s.first(v + 1); e++) {
                    preds[fill[rank[s.target(e)]]++] = rank[v];
                }
            }
        }
        return new int[][] {first, preds};
    }

    /** Cooper-Harvey-Kennedy on ranks (0 = the super-root); gives idom per node number. */
    private static int[] idoms(int[] order, int[] rank, int[] first, int[] preds) {
        int m = order.length;
        int[] dom = new int[m];
        Arrays.fill(dom, -1);
        dom[0] = 0;
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int b = 1; b < m; b++) {
                int d = -1;
                for (int k = first[b]; k < first[b + 1]; k++) {
                    int p = preds[k];
                    if (dom[p] >= 0) {
                        d = d < 0 ? p : intersect(dom, p, d);
                    }
                }
                if (d != dom[b]) {
                    dom[b] = d;
                    changed = true;
                }
            }
        }
        int[] idom = new int[rank.length];
        Arrays.fill(idom, -1);
        for (int b = 0; b < m; b++) {
            idom[order[b]] = order[dom[b]];
        }
        return idom;
    }

    /** In ranks, a dominator precedes what it dominates: climb the later one until they meet. */
    private static int intersect(int[] dom, int a, int b) {
        while (a != b) {
            while (a > b) {
                a = dom[a];
            }
            while (b > a) {
                b = dom[b];
            }
        }
        return a;
    }

    /** Sizes summed up the tree: children come after their dominator in reverse postorder. */
    private static long[] retained(BlockTable blocks, int[] order, int[] idom) {
        int n = blocks.count();
        long[] retained = new long[n + 1];
        for (int b = 0; b < n; b++) {
            retained[b] = blocks.size(b);
        }
        for (int i = order.length - 1; i > 0; i--) {
            int v = order[i];
            retained[idom[v]] += retained[v];
        }
        return retained;
    }

    /** The graph's edges plus the super-root's, as CSR over n + 1 nodes. */
    private record Successors(int nodes, int[] firstEdge, int[] targets) {
        static Successors of(ReachSets sets) {
            RefGraph g = sets.graph();
            int n = g.blocks().count();
            boolean[] head = new boolean[n];
            int heads = 0;
            for (int r = 0; r < g.rootCount(); r++) {
                heads += head[g.rootTarget(r)] ? 0 : 1;
                head[g.rootTarget(r)] = true;
            }
            for (int b = 0; b < n; b++) {
                if (!head[b] && sets.set(b) == ReachSets.UNREFERENCED) {
                    head[b] = true;
                    heads++;
                }
            }
            int[] first = new int[n + 2];
            int[] targets = new int[kept(sets) + heads];
            int k = 0;
            for (int b = 0; b < n; b++) {
                first[b] = k;
                for (int e = g.firstEdge(b); e < g.firstEdge(b + 1); e++) {
                    if (keeps(sets, b, g.target(e))) {
                        targets[k++] = g.target(e);
                    }
                }
            }
            first[n] = k;
            for (int b = 0; b < n; b++) {
                if (head[b]) {
                    targets[k++] = b;
                }
            }
            first[n + 1] = k;
            return new Successors(n + 1, first, targets);
        }

        /** A leaked block keeps nothing anchored alive: its pointers into anchored blocks are left out. */
        private static boolean keeps(ReachSets sets, int from, int to) {
            return sets.set(from) == ReachSets.ANCHORED || sets.set(to) != ReachSets.ANCHORED;
        }

        private static int kept(ReachSets sets) {
            RefGraph g = sets.graph();
            int count = 0;
            for (int b = 0; b < g.blocks().count(); b++) {
                for (int e = g.firstEdge(b); e < g.firstEdge(b + 1); e++) {
                    count += keeps(sets, b, g.target(e)) ? 1 : 0;
                }
            }
            return count;
        }

        int first(int v) {
            return firstEdge[v];
        }

        int target(int e) {
            return targets[e];
        }
    }
}
