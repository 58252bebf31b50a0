package maze.graph;

import java.util.Arrays;

/**
 * Immediate dominators by semi-NCA (Georgiadis and Tarjan): Lengauer and Tarjan's semidominators,
 * computed in reverse preorder with path compression, then each node's immediate dominator as the
 * nearest common ancestor, in the tree built so far, of its depth-first parent and its
 * semidominator. Nodes are numbered in depth-first preorder (0 the root), so one pass over the
 * predecessors and one over the nodes replace the fixpoint iterations of Cooper, Harvey and Kennedy.
 * Primitive arrays only, no recursion (a chain of millions of blocks is a path of millions of nodes).
 */
final class SemiNca {
    private final int[] semi;
    private final int[] label;
    /** The forest's links for path compression: -1 for a node not linked yet (a tree's root). */
    private final int[] ancestor;
    private int[] path = new int[64];

    private SemiNca(int[] semi, int[] label, int[] ancestor) {
        this.semi = semi;
        this.label = label;
        this.ancestor = ancestor;
    }

    /**
     * The immediate dominator of each of the {@code reached} nodes, by preorder number (0's is 0).
     * {@code parent}: each node's depth-first tree parent; the predecessors of node w are
     * {@code preds[first[w] .. first[w + 1])}. {@code scratchA} and {@code scratchB} (at least
     * {@code reached} long) are overwritten; the result is a third array.
     */
    static int[] idoms(int reached, int[] parent, int[] first, int[] preds, int[] scratchA, int[] scratchB) {
        int[] label = new int[reached];
        for (int i = 0; i < reached; i++) {
            scratchA[i] = i;
            label[i] = i;
        }
        Arrays.fill(scratchB, 0, reached, -1);
        SemiNca s = new SemiNca(scratchA, label, scratchB);
        s.semidominators(reached, parent, first, preds);
        return s.nearestCommonAncestors(reached, parent);
    }

    private void semidominators(int reached, int[] parent, int[] first, int[] preds) {
        for (int w = reached - 1; w > 0; w--) {
            int s = semi[w];
            for (int k = first[w]; k < first[w + 1]; k++) {
                int u = eval(preds[k]);
                if (semi[u] < s) {
                    s = semi[u];
                }
            }
            semi[w] = s;
            ancestor[w] = parent[w];
        }
    }

    /** The idoms, written over label (no longer needed): a node's idom comes before it in preorder. */
    private int[] nearestCommonAncestors(int reached, int[] parent) {
        int[] idom = label;
        idom[0] = 0;
        for (int w = 1; w < reached; w++) {
            int d = parent[w];
            while (d > semi[w]) {
                d = idom[d];
            }
            idom[w] = d;
        }
        return idom;
    }

    /**
     * The node of least semidominator on the forest path from {@code v} up to its tree's root, the
     * root left out; {@code v} itself when it is a root. Compresses that path on the way.
     */
    private int eval(int v) {
        if (ancestor[v] < 0) {
            return v;
        }
        int top = 0;
        int u = v;
        while (ancestor[ancestor[u]] >= 0) {
            if (top == path.length) {
                path = Arrays.copyOf(path, 2 * top);
            }
            path[top++] = u;
            u = ancestor[u];
        }
        while (top > 0) {
            int x = path[--top];
            int a = ancestor[x];
            if (semi[label[a]] < semi[label[x]]) {
                label[x] = label[a];
            }
            ancestor[x] = ancestor[a];
        }
        return label[v];
    }
}
