package maze.graph;

import java.util.Arrays;

/**
 * The dominator tree of the reference graph and every block's retained size, on primitive arrays.
 * A super-root (node n) points to every block a root points to and to every unreferenced block, so
 * leaked structures get retained sizes too (a leaked block's pointers into anchored blocks are left
 * out: they keep nothing alive, so anchored sizes come from the roots alone); blocks it still cannot
 * reach (members of a leaked cycle nothing leaked points into) retain their own size only. One
 * depth-first search numbers the nodes in preorder, the predecessors are gathered by those numbers,
 * and {@link SemiNca} gives the immediate dominators in one pass (the tree is unique, so any correct
 * algorithm and any search order give the same one). Conservative edges only add paths: a block
 * kept by two roots is attributed to their common dominator (the super-root), never to either.
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
        int n = sets.graph().blocks().count();
        int[] vertex = new int[n + 1];
        int[] idom = new int[n + 1]; // first the search tree's parents by number, then the idoms by node
        int[] byPre = idomsByNumber(sets, vertex, idom);
        GraphTiming part = new GraphTiming();
        long[] retained = new long[n + 1];
        for (int b = 0; b < n; b++) {
            retained[b] = sets.graph().blocks().size(b);
        }
        // a dominator precedes what it dominates in preorder: sum from the last node up
        for (int i = byPre.length - 1; i > 0; i--) {
            retained[vertex[byPre[i]]] += retained[vertex[i]];
        }
        Arrays.fill(idom, -1);
        for (int i = 0; i < byPre.length; i++) {
            idom[vertex[i]] = vertex[byPre[i]];
        }
        part.lap("  retained sizes");
        return new Dominators(n, idom, retained);
    }

    /**
     * Numbers the nodes the super-root reaches in depth-first preorder ({@code vertex}: number to
     * node; {@code parent}: number to its search tree parent's) and returns each one's immediate
     * dominator by number, as long as the count reached. The search's arrays die here, before the
     * caller allocates the results.
     */
    private static int[] idomsByNumber(ReachSets sets, int[] vertex, int[] parent) {
        int n = vertex.length - 1;
        int[] pre = new int[n + 1];
        int[] next = new int[n + 1];
        GraphTiming part = new GraphTiming();
        RetentionGraph g = new RetentionGraph(sets);
        int[] first = new int[n + 2];
        int reached = g.depthFirst(pre, vertex, parent, next, first);
        part.lap("  depth-first search");
        int[] preds = g.predecessors(pre, reached, first);
        part.lap("  predecessors");
        // pre and next are spent: they become the semi-NCA's scratch arrays
        int[] byPre = SemiNca.idoms(reached, parent, first, preds, next, pre);
        part.lap("  semi-NCA");
        return byPre;
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
}
