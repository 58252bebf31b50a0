package maze.graph;

/**
 * The graph dominators are computed on, read from the reference graph without copying it: nodes
 * 0..n-1 are the blocks, node n the super-root, whose successors are the heads (every block a root
 * points to, and every unreferenced block); a block's successors are its edges, except a leaked
 * block's edges into anchored blocks (they keep nothing alive).
 */
final class RetentionGraph {
    private final RefGraph graph;
    private final ReachSets sets;
    private final int n;
    private final int[] heads;

    RetentionGraph(ReachSets sets) {
        this.graph = sets.graph();
        this.sets = sets;
        this.n = graph.blocks().count();
        this.heads = heads();
    }

    /** The super-root's successors, in block order. */
    private int[] heads() {
        boolean[] head = new boolean[n];
        for (int r = 0; r < graph.rootCount(); r++) {
            head[graph.rootTarget(r)] = true;
        }
        int count = 0;
        for (int b = 0; b < n; b++) {
            head[b] |= sets.set(b) == ReachSets.UNREFERENCED;
            count += head[b] ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int b = 0; b < n; b++) {
            if (head[b]) {
                out[k++] = b;
            }
        }
        return out;
    }

    private boolean keeps(boolean fromAnchored, int to) {
        return fromAnchored || sets.set(to) != ReachSets.ANCHORED;
    }

    /**
     * Depth-first search from the super-root, without recursion: numbers the nodes it reaches in
     * preorder ({@code pre}: node to number, -1 when unreached; {@code vertex}: number to node;
     * {@code parent}: number to its tree parent's, -1 for the super-root), and counts each one's
     * predecessors in {@code first} (n + 2 long, zeroed): the search looks at every kept edge of a
     * node it reaches once. {@code next} (n + 1 long) holds each stacked node's next edge; the stack
     * itself is the tree path to the node on top. Returns how many nodes it reached.
     */
    int depthFirst(int[] pre, int[] vertex, int[] parent, int[] next, int[] first) {
        java.util.Arrays.fill(pre, -1);
        pre[n] = 0;
        vertex[0] = n;
        parent[0] = -1;
        next[0] = 0;
        int count = 1;
        for (int p = 0; p >= 0; ) {
            int v = vertex[p];
            int e = next[p];
            int w = -1;
            if (v == n) {
                while (e < heads.length && w < 0) {
                    w = visit(heads[e++], pre, first);
                }
            } else {
                boolean anchored = sets.set(v) == ReachSets.ANCHORED;
                int end = graph.firstEdge(v + 1);
                while (e < end && w < 0) {
                    int t = graph.target(e++);
                    w = keeps(anchored, t) ? visit(t, pre, first) : -1;
                }
            }
            next[p] = e;
            if (w < 0) {
                p = parent[p];
                continue;
            }
            pre[w] = count;
            first[count]++;
            vertex[count] = w;
            parent[count] = p;
            next[count] = graph.firstEdge(w);
            p = count++;
        }
        return count;
    }

    /** An edge into {@code t}: t when not numbered yet (the caller numbers it), else counted and -1. */
    private static int visit(int t, int[] pre, int[] first) {
        if (pre[t] < 0) {
            return t;
        }
        first[pre[t]]++;
        return -1;
    }

    /**
     * The predecessors of every reached node by preorder number: those of number w are the
     * returned array's [first[w], first[w + 1]) ({@code first}: as counted by
     * {@link #depthFirst}, made the starts here). Every successor of a reached node is reached:
     * the search followed all of them.
     */
    int[] predecessors(int[] pre, int reached, int[] first) {
        for (int w = 1; w < reached; w++) {
            first[w] += first[w - 1]; // now the end of w's predecessors
        }
        int total = first[reached - 1];
        first[reached] = total;
        int[] preds = new int[total];
        for (int t : heads) {
            preds[--first[pre[t]]] = 0;
        }
        for (int v = 0; v < n; v++) {
            if (pre[v] < 0) {
                continue;
            }
            boolean anchored = sets.set(v) == ReachSets.ANCHORED;
            for (int e = graph.firstEdge(v); e < graph.firstEdge(v + 1); e++) {
                int t = graph.target(e);
                if (keeps(anchored, t)) {
                    preds[--first[pre[t]]] = pre[v];
                }
            }
        }
        return preds;
    }
}
